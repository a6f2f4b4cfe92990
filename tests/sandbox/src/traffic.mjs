// Requests in flight, for GET /__sandbox/stats: how many API requests (every
// path but the /__sandbox control calls) are between arrival and the end of
// their response right now, the peak since start-up or the last stats reset,
// and the same per token kind. Benchmarks read the peak to see how many
// requests a client really kept in flight.

export class Traffic {
  constructor() {
    this.inFlight = 0;
    this.byKind = new Map();
    this.resetPeaks();
  }

  kind(k) {
    let t = this.byKind.get(k);
    if (!t) this.byKind.set(k, (t = { in_flight: 0, peak_in_flight: 0, requests: 0 }));
    return t;
  }

  begin(kind) {
    this.inFlight++;
    this.requests++;
    this.peak = Math.max(this.peak, this.inFlight);
    const t = this.kind(kind);
    t.in_flight++;
    t.requests++;
    t.peak_in_flight = Math.max(t.peak_in_flight, t.in_flight);
  }

  end(kind) {
    this.inFlight = Math.max(0, this.inFlight - 1);
    const t = this.kind(kind);
    t.in_flight = Math.max(0, t.in_flight - 1);
  }

  // Peaks restart from what is in flight now; request counts from zero.
  resetPeaks() {
    this.peak = this.inFlight;
    this.requests = 0;
    this.since = new Date().toISOString();
    for (const t of this.byKind.values()) Object.assign(t, { peak_in_flight: t.in_flight, requests: 0 });
  }

  view() {
    return {
      in_flight: this.inFlight, peak_in_flight: this.peak, requests: this.requests, since: this.since,
      by_token_kind: Object.fromEntries([...this.byKind].map(([k, t]) => [k, { ...t }])),
    };
  }
}
