// HTTPS front door: routing, fault injection, latency, response writing,
// request log, requests-in-flight accounting.

import https from 'node:https';
import { performance } from 'node:perf_hooks';
import { handleGraphql, newRequestId } from './graphql-endpoint.mjs';
import { handleControl } from './control.mjs';
import { handleOAuth, OAUTH_PATHS } from '../oauth/endpoints.mjs';
import { handleOAuthControl } from '../oauth/control.mjs';
import { handleAuditRest, handleAuditControl, AUDIT_PATH, AUDIT_CONTROL_PATH } from '../audit/rest-endpoint.mjs';
import { authenticate } from '../auth.mjs';
import {
  errorBody, notAuthenticated, internalServerError, complexityExhausted, minuteLimitExceeded, dailyLimitExceeded, concurrencyExceeded,
  ipRateLimitExceeded, resourceLocked, fieldLimitExceededLegacy,
} from '../errors.mjs';
import { ACCOUNT_ID } from '../config.mjs';

const MAX_BODY = 64 * 1024 * 1024;

function readBody(req) {
  return new Promise((resolve, reject) => {
    const chunks = [];
    let size = 0;
    req.on('data', (c) => {
      size += c.length;
      if (size > MAX_BODY) {
        reject(new Error('body too large'));
        req.destroy();
      } else chunks.push(c);
    });
    req.on('end', () => resolve(Buffer.concat(chunks)));
    req.on('error', reject);
  });
}

const sleep = (ms) => new Promise((r) => setTimeout(r, ms));

// The response for an injected fault, or null when the request should proceed.
function faultResponse(fault) {
  const r = fault.retry_in_seconds;
  const fromError = (e) => ({ status: e.httpStatus, body: e.body, headers: e.headers });
  switch (fault.kind) {
    case 'http500': return fromError(internalServerError());
    case 'http401': return fromError(notAuthenticated());
    case 'http502':
      return { status: 502, body: '<html><head><title>502 Bad Gateway</title></head><body><h1>502 Bad Gateway</h1></body></html>\n', headers: { 'Content-Type': 'text/html' } };
    case 'garbage':
      return { status: 200, body: '<!DOCTYPE html><html><body>Oops, this is not JSON {"data":', headers: { 'Content-Type': 'text/html' } };
    case 'rate_limit_429': return fromError(minuteLimitExceeded(r));
    case 'complexity_exhausted': return fromError(complexityExhausted(r));
    case 'daily_limit': return fromError(dailyLimitExceeded(r));
    case 'concurrency': return fromError(concurrencyExceeded(r));
    case 'ip_rate_limit': return fromError(ipRateLimitExceeded(r));
    case 'locked': return fromError(resourceLocked(r));
    // Exactly what the test gave: no request id is added, so legacy shapes stay as documented.
    case 'respond': return { status: fault.status, body: fault.body, headers: fault.headers, verbatim: true };
    // The "graphql" format is not a whole-response fault: the request runs and the field fails.
    case 'field_limit_exceeded':
      return fault.format === 'legacy' ? { status: 429, body: fieldLimitExceededLegacy(fault.entity, r, ACCOUNT_ID), headers: {}, verbatim: true } : null;
    default: return null;
  }
}

// query, variables and operation name of a JSON GraphQL body; nulls when it is not one.
function documentOf(raw) {
  try {
    const body = JSON.parse(raw.toString('utf8'));
    return { query: typeof body.query === 'string' ? body.query : null, variables: body.variables ?? null, operation_name: body.operationName ?? null };
  } catch {
    return {};
  }
}

// `getApp` returns the SandboxApp (it is built once the port is bound).
export function createSandboxServer(getApp, { key, cert }) {
  return https.createServer({ key, cert }, (req, res) => {
    handle(getApp(), req, res).catch((e) => {
      process.stderr.write(`sandbox: request failed: ${e.stack || e}\n`);
      if (!res.headersSent) {
        res.writeHead(500, { 'Content-Type': 'application/json' });
        res.end(JSON.stringify(errorBody('Internal server error', { code: 'INTERNAL_SERVER_ERROR', status_code: 500 })));
      }
    });
  });
}

// /__sandbox/* steers the sandbox and is neither delayed nor counted in flight;
// /__sandbox/files/* stands for monday's file storage, so it is an API path.
const isControlPath = (path) => path.startsWith('/__sandbox/') && !path.startsWith('/__sandbox/files/');

async function handle(app, req, res) {
  const started = performance.now();
  const url = new URL(req.url, 'https://127.0.0.1');
  const path = url.pathname;
  const kind = authenticate(req.headers.authorization, app.store, app.oauth).kind;
  if (isControlPath(path)) return serve(app, req, res, { started, url, path, kind, control: true });
  app.traffic.begin(kind);
  try {
    return await serve(app, req, res, { started, url, path, kind, control: false });
  } finally {
    app.traffic.end(kind);
  }
}

async function serve(app, req, res, { started, url, path, kind, control }) {
  const requestId = newRequestId();
  // The delay this response gets (0 for control calls), drawn once per request.
  const latencyMs = control ? 0 : app.latency.next();
  const entry = {
    time: new Date(performance.timeOrigin + started).toISOString(), start_ms: Math.round((performance.timeOrigin + started) * 1000) / 1000,
    method: req.method, path, api_version: req.headers['api-version'] ?? null,
    query: null, variables: null, operation_name: null, status: 0, complexity: 0, duration_ms: 0, latency_ms: latencyMs,
    token_kind: kind, request_id: requestId,
  };
  const pause = (ms = latencyMs) => (ms > 0 ? sleep(ms) : null);
  const isGraphql = path === '/v2' || path === '/v2/file';
  let raw;
  let logged = false;
  const logOnce = () => {
    if (logged) return;
    logged = true;
    app.log.write(entry);
  };
  // A client that gives up (its timeout, a cancel) closes the connection. The request is logged
  // then, not when a delay it no longer waits for runs out: otherwise its line would land among a
  // later test's requests and be counted as theirs.
  res.on('close', () => {
    if (res.writableEnded || logged) return;
    if (isGraphql && raw && entry.query === null) Object.assign(entry, documentOf(raw));
    Object.assign(entry, { status: 0, client_closed: true, duration_ms: Math.round((performance.now() - started) * 100) / 100 });
    logOnce();
  });
  if (!isGraphql) entry.query_string = url.search.replace(/^\?/, '');
  // OAuth query strings carry state and PKCE challenges: log only the parameter names.
  if (OAUTH_PATHS.has(path)) entry.query_string = [...url.searchParams.keys()].join('&');

  const send = (status, body, headers = {}, extra = {}) => {
    if (logged) return undefined; // the client has gone
    Object.assign(entry, extra, { status, duration_ms: Math.round((performance.now() - started) * 100) / 100 });
    logOnce();
    const isBuffer = Buffer.isBuffer(body);
    const payload = isBuffer || typeof body === 'string' ? body : JSON.stringify(body);
    res.writeHead(status, {
      'Content-Type': isBuffer || typeof body === 'string' ? 'text/plain; charset=utf-8' : 'application/json; charset=utf-8',
      'X-Request-Id': requestId,
      ...headers,
    });
    res.end(payload);
  };

  try {
    raw = await readBody(req);
  } catch {
    return send(413, errorBody('Request body too large', { code: 'PAYLOAD_TOO_LARGE', status_code: 413 }));
  }

  if (path === AUDIT_CONTROL_PATH) {
    const r = handleAuditControl(req, raw, app);
    return send(r.status, r.body, r.headers, { control: true });
  }
  if (path.startsWith('/__sandbox/oauth/')) {
    const r = handleOAuthControl(req, raw, url, app);
    return send(r.status, r.body, r.headers, { control: true });
  }
  if (control) {
    const r = handleControl(req, raw, url, app);
    return send(r.status, r.body, r.headers, { control: true });
  }

  const fault = app.faults.take(path);
  // A `delay` fault adds to the latency; on /v2 both count as time in flight for the concurrency limit.
  const faultDelay = fault && fault.kind === 'delay' ? fault.delay_ms : 0;
  if (fault) {
    entry.fault = fault.kind;
    // The request log must show what a faulted request asked for, as for any other: tests count
    // the mutations a client sent, whether or not they were answered.
    if (isGraphql) Object.assign(entry, documentOf(raw));
    if (fault.kind === 'drop') {
      await pause();
      Object.assign(entry, { status: 0, duration_ms: Math.round((performance.now() - started) * 100) / 100 });
      logOnce();
      req.socket.destroy();
      return undefined;
    }
    const r = faultResponse(fault);
    if (r) {
      await pause();
      const body = typeof r.body === 'object' && !r.verbatim ? { ...r.body, extensions: { request_id: requestId } } : r.body;
      return send(r.status, body, r.headers);
    }
  }

  if (isGraphql) {
    if (req.method !== 'POST') {
      await pause(latencyMs + faultDelay);
      return send(405, errorBody('Use POST for GraphQL requests', { code: 'METHOD_NOT_ALLOWED', status_code: 405 }), { Allow: 'POST' });
    }
    const r = await handleGraphql(req, raw, app, requestId, { delayMs: latencyMs + faultDelay, fault });
    const { log, ...rest } = r;
    return send(rest.status, rest.body, rest.headers, log);
  }
  await pause(latencyMs + faultDelay);
  if (path === '/v2/get_schema' && req.method === 'GET') {
    const format = url.searchParams.get('format') || 'sdl';
    if (format !== 'sdl') return send(400, errorBody('Only format=sdl is served by the sandbox', { code: 'BAD_REQUEST', status_code: 400 }));
    return send(200, app.sdl, { 'Content-Type': 'text/plain; charset=utf-8' });
  }
  if (path === AUDIT_PATH) {
    const r = handleAuditRest(req, url, app);
    return send(r.status, r.body, r.headers);
  }
  if (path.startsWith('/__sandbox/files/')) {
    const r = handleControl(req, raw, url, app); // file bytes, as Asset.public_url serves them
    return send(r.status, r.body, r.headers);
  }
  if (OAUTH_PATHS.has(path)) {
    const r = handleOAuth(req, raw, url, app);
    return send(r.status, r.body, r.headers);
  }
  return send(404, errorBody(`No route for ${req.method} ${path}`, { code: 'NOT_FOUND', status_code: 404 }));
}
