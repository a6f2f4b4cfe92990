// Fault injection for tests: the next N requests to a path fail in a chosen way.
// `respond` answers a body given by the test (a status, a JSON value or text, headers), so tests
// can replay exact shapes monday documents, e.g. the legacy errors of REFERENCE.md §5 and §10.4.
// `field_limit_exceeded` is monday's per-field concurrency limit: the request runs, and every
// field named `entity` fails with FIELD_LIMIT_EXCEEDED (format "graphql", the 2025-04+ shape),
// or the whole request gets the changelog's top-level body (format "legacy").

export const FAULT_KINDS = [
  'http500', 'http502', 'http401', 'garbage', 'delay', 'drop', 'rate_limit_429', 'complexity_exhausted', 'daily_limit', 'concurrency',
  'ip_rate_limit', 'locked', 'respond', 'field_limit_exceeded',
];

const FIELD_LIMIT_FORMATS = ['graphql', 'legacy'];

export class Faults {
  constructor() {
    this.queue = [];
  }

  add(spec) {
    if (!spec || !FAULT_KINDS.includes(spec.kind)) {
      throw new Error(`unknown fault kind ${spec && spec.kind}; expected one of ${FAULT_KINDS.join(', ')}`);
    }
    const fault = {
      kind: spec.kind,
      remaining: Math.max(1, Number(spec.count ?? 1)),
      delay_ms: Math.max(0, Number(spec.delay_ms ?? 0)),
      path: spec.path || '/v2',
      retry_in_seconds: Math.max(1, Number(spec.retry_in_seconds ?? 1)),
    };
    if (spec.kind === 'respond') {
      const status = Number(spec.status ?? 200);
      if (!Number.isInteger(status) || status < 100 || status > 599) throw new Error(`respond: status must be an HTTP status (got ${spec.status})`);
      if (spec.body === undefined) throw new Error('respond: body is required (a JSON value or a string)');
      const headers = spec.headers ?? {};
      if (typeof headers !== 'object' || Array.isArray(headers)) throw new Error('respond: headers must be an object');
      Object.assign(fault, { status, body: spec.body, headers: Object.fromEntries(Object.entries(headers).map(([k, v]) => [k, String(v)])) });
    }
    if (spec.kind === 'field_limit_exceeded') {
      const entity = spec.entity ?? 'boards';
      const format = spec.format ?? 'graphql';
      if (typeof entity !== 'string' || !/^\w+$/.test(entity)) throw new Error(`field_limit_exceeded: entity must be a field name (got ${entity})`);
      if (!FIELD_LIMIT_FORMATS.includes(format)) throw new Error(`field_limit_exceeded: format must be one of ${FIELD_LIMIT_FORMATS.join(', ')}`);
      Object.assign(fault, { entity, format });
    }
    this.queue.push(fault);
    return fault;
  }

  // The first queued fault for this path, consumed once. "*" matches any API path.
  take(path) {
    const i = this.queue.findIndex((f) => f.path === path || f.path === '*');
    if (i < 0) return null;
    const f = this.queue[i];
    f.remaining--;
    if (f.remaining <= 0) this.queue.splice(i, 1);
    return f;
  }

  pending() {
    return this.queue.map((f) => ({ ...f }));
  }

  clear() {
    this.queue = [];
  }
}
