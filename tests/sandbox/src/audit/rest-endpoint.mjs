// GET /audit-api/get-logs: monday's audit-log REST API (REFERENCE.md §8).
//   Authorization: Bearer <audit token>   (the account's audit-log token only)
//   ?page=1&per_page=1000&filters=<URL-encoded JSON {start_time, end_time, user_id, events, ip_address}>
// → 200 {"page", "per_page", "next_page" (null on the last page), "data": [entries]}
// Error bodies are an assumption (monday documents none): monday's REST-style
// {"error_code", "error_message", "status_code"}; 429 adds "retry_in_seconds"
// and a Retry-After header. Order of checks: method, token, minute limit, plan,
// arguments.

import { tokenFromHeader } from '../auth.mjs';
import { TOKENS } from '../tokens.mjs';
import { filterAuditLog, checkPaging, pageOf, AuditQueryError } from './query.mjs';

export const AUDIT_PATH = '/audit-api/get-logs';
export const AUDIT_CONTROL_PATH = '/__sandbox/audit';

const error = (status, code, message, extra = {}, headers = {}) => ({
  status, body: { error_code: code, error_message: message, status_code: status, ...extra }, headers,
});

// What monday's REST API returns for one entry: everything but our bookkeeping.
export function restEntry(e) {
  const { id, ms, ...entry } = e;
  return entry;
}

function intParam(url, name, fallback) {
  const raw = url.searchParams.get(name);
  if (raw == null || raw === '') return fallback;
  return /^-?\d+$/.test(raw) ? Number(raw) : NaN;
}

export function handleAuditRest(req, url, app) {
  const audit = app.audit;
  if (req.method !== 'GET') return error(405, 'MethodNotAllowed', 'Use GET for the audit log API', {}, { Allow: 'GET' });
  if (tokenFromHeader(req.headers.authorization) !== TOKENS.audit) {
    return error(401, 'Unauthorized', 'Not authorized: this endpoint takes the account\'s audit log API token as a Bearer token');
  }
  const wait = audit.admit();
  if (wait != null) {
    return error(429, 'RateLimitExceeded', `Rate limit exceeded: ${audit.minuteLimit} requests per minute`,
      { retry_in_seconds: wait }, { 'Retry-After': String(wait) });
  }
  if (!audit.enterprise) {
    return error(403, 'FeatureNotAvailable', 'The audit log API is available only for accounts on the Enterprise plan');
  }
  const page = intParam(url, 'page', 1);
  const perPage = intParam(url, 'per_page', 25);
  let filters = {};
  try {
    checkPaging(page, perPage);
    const raw = url.searchParams.get('filters');
    if (raw != null && raw !== '') {
      try {
        filters = JSON.parse(raw);
      } catch {
        throw new AuditQueryError('filters must be a JSON object');
      }
      if (filters === null || typeof filters !== 'object' || Array.isArray(filters)) throw new AuditQueryError('filters must be a JSON object');
    }
    const { rows, next_page: nextPage } = pageOf(filterAuditLog(audit.entries, filters), page, perPage);
    return { status: 200, body: { page, per_page: perPage, next_page: nextPage, data: rows.map(restEntry) }, headers: {} };
  } catch (e) {
    if (e instanceof AuditQueryError) return error(400, 'InvalidArguments', e.message);
    throw e;
  }
}

// /__sandbox/audit: GET shows the audit settings, POST {"plan", "minute_limit",
// "window_seconds"} changes them (and opens a fresh rate window).
export function handleAuditControl(req, raw, app) {
  if (req.method === 'GET') return { status: 200, body: app.audit.view() };
  if (req.method !== 'POST') return { status: 405, body: { error: 'use GET or POST' } };
  try {
    const body = raw && raw.length ? JSON.parse(raw.toString('utf8')) : {};
    return { status: 200, body: app.audit.configure(body) };
  } catch (e) {
    return { status: 400, body: { error: e.message } };
  }
}
