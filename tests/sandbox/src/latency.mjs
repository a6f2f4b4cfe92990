// Simulated network and server latency for benchmarks: every API response
// (not /__sandbox control calls) waits `latencyMs` ± `latencyJitterMs`. The
// jitter comes from the sandbox's seeded PRNG, so the same seed and the same
// order of requests give the same delays run after run (and after a reset).

import { Rng } from './prng.mjs';

export class Latency {
  constructor(seed, config) {
    this.seed = seed;
    this.config = config; // live object: /__sandbox/config edits it
    this.reset();
  }

  reset() {
    this.rng = new Rng(this.seed).fork('latency');
  }

  // Milliseconds to hold the next response; integers in [N - J, N + J], never negative.
  next() {
    const base = Math.max(0, Math.round(this.config.latencyMs || 0));
    const jitter = Math.max(0, Math.round(this.config.latencyJitterMs || 0));
    if (jitter === 0) return base;
    return Math.max(0, base + this.rng.int(-jitter, jitter));
  }
}
