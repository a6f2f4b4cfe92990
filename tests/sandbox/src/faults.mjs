// Fault injection for tests: the next N requests to a path fail in a chosen way.

export const FAULT_KINDS = [
  'http500', 'http502', 'garbage', 'delay', 'drop', 'rate_limit_429', 'complexity_exhausted', 'daily_limit', 'concurrency',
];

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
