// POST /v2 and /v2/file: auth, limits, parse, validate, cost, execute.
// Returns { status, body, headers, logExtra } for server.mjs to send.

import crypto from 'node:crypto';
import { parse, validate, execute, getOperationAST, getVariableValues, GraphQLError } from 'graphql';
import { resolveVersion } from '../versions.mjs';
import { authenticate } from '../auth.mjs';
import { computeComplexity } from '../complexity.mjs';
import { COMPLEXITY, ACCOUNT_ID } from '../config.mjs';
import { HttpError, ApiError, badRequest, notAuthenticated } from '../errors.mjs';
import { boundaryOf, parseMultipart, graphqlFromMultipart } from './multipart.mjs';

function parseBody(req, raw) {
  const type = String(req.headers['content-type'] || '').toLowerCase();
  if (type.startsWith('multipart/form-data')) {
    const boundary = boundaryOf(req.headers['content-type']);
    if (!boundary) throw badRequest('multipart request without a boundary');
    try {
      return graphqlFromMultipart(parseMultipart(raw, boundary));
    } catch (e) {
      throw badRequest(`Malformed multipart request: ${e.message}`);
    }
  }
  if (raw.length === 0) throw badRequest('No query string was present');
  try {
    const body = JSON.parse(raw.toString('utf8'));
    if (body === null || typeof body !== 'object' || Array.isArray(body)) throw new Error('not an object');
    return body;
  } catch {
    throw badRequest('The request body is not valid JSON');
  }
}

// Uploaded files are logged as a small description, never as bytes.
function loggableVariables(vars) {
  if (!vars || typeof vars !== 'object') return vars ?? null;
  return JSON.parse(JSON.stringify(vars, (k, v) => (v && v.buffer && v.filename != null ? { __file: v.filename, size: v.size } : v)));
}

function graphqlErrors(errors, code) {
  return errors.map((e) => {
    const out = { message: e.message };
    if (e.locations) out.locations = e.locations;
    out.extensions = { code, status_code: 400 };
    return out;
  });
}

const sleep = (ms) => new Promise((r) => setTimeout(r, ms));

// `delayMs`: latency (and any `delay` fault) to add before answering. An admitted
// request waits while it still counts toward the concurrency limit, as a slow
// answer from monday would.
export async function handleGraphql(req, raw, app, requestId, { delayMs = 0, fault = null } = {}) {
  const later = async (response) => {
    if (delayMs > 0) await sleep(delayMs);
    return response;
  };
  const log = { query: null, variables: null, operation_name: null, complexity: 0, token_kind: 'missing' };
  const version = resolveVersion(req.headers['api-version']);
  const { kind, user } = authenticate(req.headers.authorization, app.store, app.oauth);
  log.token_kind = kind;

  let request = null;
  try {
    request = parseBody(req, raw);
    log.query = typeof request.query === 'string' ? request.query : null;
    log.variables = loggableVariables(request.variables);
    log.operation_name = request.operationName ?? null;
  } catch (e) {
    if (!(e instanceof HttpError)) throw e;
    if (!user) return later(respondError(notAuthenticated(), log, requestId));
    return later(respondError(e, log, requestId, {}, true));
  }
  if (!user) return later(respondError(notAuthenticated(), log, requestId));

  try {
    app.limits.admit(kind);
  } catch (e) {
    if (e instanceof HttpError) return later(respondError(e, log, requestId, app.limits.headers(kind), true));
    throw e;
  }
  try {
    return await later(await run(app, request, { version, kind, user, requestId, log, fault }));
  } finally {
    app.limits.release(kind);
  }
}

async function run(app, request, { version, kind, user, requestId, log, fault }) {
  const headers = () => app.limits.headers(kind);
  const finish = (status, body) => ({ status, body: { ...body, extensions: { request_id: requestId }, account_id: ACCOUNT_ID }, headers: headers(), log });

  if (typeof request.query !== 'string' || request.query.trim() === '') {
    return respondError(badRequest('No query string was present'), log, requestId, headers(), true);
  }
  let document;
  try {
    document = parse(request.query);
  } catch (e) {
    // Assumption: a syntax error is a "bad query", so HTTP 400 (REFERENCE.md §5.1).
    return finish(400, { errors: graphqlErrors([e], 'GRAPHQL_PARSE_FAILED') });
  }
  const validationErrors = validate(app.schema, document);
  if (validationErrors.length) return finish(200, { errors: graphqlErrors(validationErrors, 'GRAPHQL_VALIDATION_FAILED') });

  const operation = getOperationAST(document, request.operationName ?? undefined);
  if (!operation) {
    return finish(200, { errors: [{ message: 'Could not determine which operation to run; pass operationName', extensions: { code: 'GRAPHQL_VALIDATION_FAILED', status_code: 400 } }] });
  }
  const coerced = getVariableValues(app.schema, operation.variableDefinitions || [], request.variables || {});
  if (coerced.errors) return finish(200, { errors: graphqlErrors(coerced.errors, 'GRAPHQL_VALIDATION_FAILED') });

  const cost = computeComplexity(app.schema, document, operation, coerced.coerced);
  if (cost > COMPLEXITY.perQueryMax) {
    // Assumption: the over-the-cap error keeps the 2020 wording, as an application error.
    return finish(200, {
      errors: [{
        message: `Query has complexity of ${cost}, which exceeds max complexity of ${COMPLEXITY.perQueryMax}`,
        extensions: { code: 'ComplexityException', status_code: 400, complexity: cost, max_complexity: COMPLEXITY.perQueryMax },
      }],
    });
  }
  let complexity;
  try {
    complexity = app.limits.charge(kind, cost);
  } catch (e) {
    if (e instanceof HttpError) return respondError(e, log, requestId, headers(), true);
    throw e;
  }
  log.complexity = cost;

  const ctx = {
    store: app.store, user, tokenKind: kind, version, complexity, requestId, cursors: app.cursors, config: app.config,
    baseUrl: app.baseUrl, now: Date.now(), app,
    // A pending field_limit_exceeded fault: fields of this name fail (graphql/field-limit.mjs).
    fieldLimit: fault && fault.kind === 'field_limit_exceeded' ? { entity: fault.entity, retryIn: fault.retry_in_seconds } : null,
  };
  const result = await execute({
    schema: ctx.fieldLimit ? app.fieldLimitSchema : app.schema, document, contextValue: ctx, variableValues: request.variables || {}, operationName: request.operationName ?? undefined,
  });
  let status = 200;
  const errors = [];
  for (const err of result.errors || []) {
    const original = err.originalError;
    if (original && !(original instanceof GraphQLError)) {
      // A bug or an unexpected state: monday answers such failures with a 500.
      process.stderr.write(`sandbox: resolver crashed at ${JSON.stringify(err.path)}: ${original.stack || original}\n`);
      return finish(500, { errors: [{ message: 'Internal server error', extensions: { code: 'INTERNAL_SERVER_ERROR', status_code: 500 } }] });
    }
    if (original instanceof ApiError && original.httpStatus !== 200) status = original.httpStatus;
    const json = err.toJSON();
    if (!json.extensions || Object.keys(json.extensions).length === 0) json.extensions = { code: 'INTERNAL_ERROR', status_code: 500 };
    errors.push(json);
  }
  const body = { data: result.data ?? null };
  if (errors.length) body.errors = errors;
  return finish(status, body);
}

// `authenticated`: monday adds the caller's account id to errors once it knows the caller.
function respondError(err, log, requestId, headers = {}, authenticated = false) {
  let body = err.body;
  if (typeof body === 'object') {
    body = { ...body, extensions: { request_id: requestId } };
    if (authenticated) body.account_id = ACCOUNT_ID;
  }
  return { status: err.httpStatus, body, headers: { ...headers, ...err.headers }, log };
}

export const newRequestId = () => crypto.randomUUID();
