// Filtering and paging of the audit log, shared by the REST endpoint and the
// GraphQL audit_logs query (both read the same log with the same filters).
// Assumptions where monday publishes nothing definite (REFERENCE.md §9 Q5):
// start_time and end_time are inclusive at millisecond precision; user_id
// matches the number or its digits; events matches any listed name exactly;
// ip_address matches exactly; page size 1 to 1000.

export const MAX_PER_PAGE = 1000;

export class AuditQueryError extends Error {}

function timeArg(name, value) {
  if (value == null) return null;
  const ms = typeof value === 'string' && /^\d{4}-\d{2}-\d{2}/.test(value) ? Date.parse(value) : NaN;
  if (Number.isNaN(ms)) throw new AuditQueryError(`${name} must be an ISO 8601 date and time, e.g. 2026-11-01T00:00:00Z (got ${JSON.stringify(value)})`);
  return ms;
}

export function filterAuditLog(entries, filters = {}) {
  const start = timeArg('start_time', filters.start_time);
  const end = timeArg('end_time', filters.end_time);
  let events = filters.events;
  if (events != null && !Array.isArray(events)) events = [events];
  if (events) for (const e of events) if (typeof e !== 'string') throw new AuditQueryError('events must be a list of event names');
  const eventSet = events && events.length ? new Set(events) : null;
  const userId = filters.user_id == null ? null : String(filters.user_id);
  const ip = filters.ip_address == null ? null : String(filters.ip_address);
  return entries.filter((e) => (start == null || e.ms >= start) && (end == null || e.ms <= end)
    && (userId == null || (e.user_id != null && String(e.user_id) === userId))
    && (eventSet == null || eventSet.has(e.event))
    && (ip == null || e.ip_address === ip));
}

export function checkPaging(page, perPage) {
  if (!Number.isInteger(page) || page < 1) throw new AuditQueryError(`page must be a whole number from 1 (got ${page})`);
  if (!Number.isInteger(perPage) || perPage < 1 || perPage > MAX_PER_PAGE) {
    throw new AuditQueryError(`per_page must be a whole number from 1 to ${MAX_PER_PAGE} (got ${perPage})`);
  }
}

// { rows, next_page } where next_page is null on the last page.
export function pageOf(list, page, perPage) {
  const rows = list.slice((page - 1) * perPage, page * perPage);
  return { rows, next_page: page * perPage < list.length ? page + 1 : null };
}
