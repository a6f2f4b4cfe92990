// Error types and body shapes. monday (API 2025-01 and later) puts
// application errors in `errors[]` with HTTP 200 and the logical status in
// `extensions.status_code`; transport-level problems get a real HTTP status.

import { GraphQLError } from 'graphql';

// An application-level error raised by a resolver, shaped like monday's.
// `extra`: further extension keys, placed before error_data as monday orders them.
export class ApiError extends GraphQLError {
  constructor(code, message, { statusCode = 400, errorData = {}, httpStatus = 200, extra = {} } = {}) {
    super(message, { extensions: { code, status_code: statusCode, ...extra, error_data: errorData } });
    this.httpStatus = httpStatus;
  }
}

export const badArgument = (message, errorData) =>
  new ApiError('InvalidArgumentException', message, { statusCode: 400, errorData });

// A whole-response error that short-circuits the request (auth, limits, faults).
export class HttpError extends Error {
  constructor(httpStatus, body, headers = {}) {
    super(typeof body === 'string' ? body : JSON.stringify(body));
    this.httpStatus = httpStatus;
    this.body = body;
    this.headers = headers;
  }
}

export function errorBody(message, extensions) {
  return { errors: [{ message, extensions }] };
}

// Assumption: the 401 body. Old clients saw `{"errors":["Not Authenticated"]}`;
// the unified 2025-01 format wraps every error in an object, so we do that.
export const notAuthenticated = () =>
  new HttpError(401, errorBody('Not Authenticated', { code: 'UNAUTHENTICATED', status_code: 401 }));

export const complexityExhausted = (retryIn) =>
  new HttpError(
    429,
    errorBody('Complexity budget exhausted', { code: 'COMPLEXITY_BUDGET_EXHAUSTED', retry_in_seconds: retryIn }),
    { 'Retry-After': String(retryIn) },
  );

// Assumption: the minute-limit code; monday's docs show only the message.
export const minuteLimitExceeded = (retryIn) =>
  new HttpError(
    429,
    errorBody('Rate Limit Exceeded', { code: 'RATE_LIMIT_EXCEEDED', status_code: 429, retry_in_seconds: retryIn }),
    { 'Retry-After': String(retryIn) },
  );

// Assumption: HTTP 429 and retry_in_seconds up to the next 00:00 UTC.
export const dailyLimitExceeded = (retryIn) =>
  new HttpError(
    429,
    errorBody('Daily limit exceeded', { code: 'DAILY_LIMIT_EXCEEDED', status_code: 429, retry_in_seconds: retryIn }),
    { 'Retry-After': String(retryIn) },
  );

export const concurrencyExceeded = (retryIn = 1) =>
  new HttpError(429, errorBody('Concurrency limit exceeded', { code: 'maxConcurrencyExceeded' }), {
    'Retry-After': String(retryIn),
  });

// Assumption: monday documents the code and retry_in_seconds, not the message or status.
export const ipRateLimitExceeded = (retryIn) =>
  new HttpError(
    429,
    errorBody('IP rate limit exceeded', { code: 'IP_RATE_LIMIT_EXCEEDED', status_code: 429, retry_in_seconds: retryIn }),
    { 'Retry-After': String(retryIn) },
  );

// Assumption: monday documents only "HTTP 423, resource locked; retry".
export const resourceLocked = (retryIn) =>
  new HttpError(423, errorBody('Resource is locked, try again shortly', { code: 'RESOURCE_LOCKED', status_code: 423 }), {
    'Retry-After': String(retryIn),
  });

// monday's per-field concurrency limit (REFERENCE.md §5.3). Since 2025-04 it is a GraphQL error
// on the field, whose value becomes null; the HTTP status (429) is the sandbox's reading of
// status_code, as monday's examples show only the body.
export const FIELD_LIMIT_MESSAGE = 'Concurrency limit exceeded for the field';
export const fieldLimitExceeded = (entity, retryIn) =>
  new ApiError('FIELD_LIMIT_EXCEEDED', FIELD_LIMIT_MESSAGE, {
    statusCode: 429, httpStatus: 429, extra: { retry_in_seconds: retryIn }, errorData: { entity },
  });

// The same limit as the changelog that introduced it shows it (top-level fields, no errors[]).
export const fieldLimitExceededLegacy = (entity, retryIn, accountId) => ({
  error_message: FIELD_LIMIT_MESSAGE, error_code: 'FIELD_LIMIT_EXCEEDED', error_data: { retry_in_seconds: retryIn, entity },
  status_code: 429, account_id: accountId,
});

export const internalServerError = () =>
  new HttpError(500, errorBody('Internal server error', { code: 'INTERNAL_SERVER_ERROR', status_code: 500 }));

export const badRequest = (message) =>
  new HttpError(400, errorBody(message, { code: 'BAD_REQUEST', status_code: 400 }));
