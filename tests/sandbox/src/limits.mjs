// Rate limits (REFERENCE.md §4, §10.1): per-token complexity budget and
// request count per minute, requests in flight per token, calls per account
// per UTC day. Minute windows open with the first call and close 60 s later
// (`windowSeconds` in the config, so tests can shorten them).

import { complexityExhausted, minuteLimitExceeded, dailyLimitExceeded, concurrencyExceeded } from './errors.mjs';
import { REJECTED_CALL_WEIGHT } from './config.mjs';

export class Limits {
  constructor(config) {
    this.config = config; // live object: /__sandbox/config edits it
    this.reset();
  }

  reset() {
    this.tokens = new Map();
    this.daily = { day: null, calls: 0 };
  }

  token(kind) {
    let t = this.tokens.get(kind);
    if (!t) {
      t = { budgetStart: null, budgetUsed: 0, minuteStart: null, minuteCount: 0, inFlight: 0 };
      this.tokens.set(kind, t);
    }
    return t;
  }

  get windowMs() {
    return this.config.windowSeconds * 1000;
  }

  roll(t, now) {
    if (t.budgetStart != null && now - t.budgetStart >= this.windowMs) {
      t.budgetStart = null;
      t.budgetUsed = 0;
    }
    if (t.minuteStart != null && now - t.minuteStart >= this.windowMs) {
      t.minuteStart = null;
      t.minuteCount = 0;
    }
    const day = new Date(now).toISOString().slice(0, 10);
    if (this.daily.day !== day) this.daily = { day, calls: 0 };
  }

  secondsLeft(start, now) {
    return start == null ? this.config.windowSeconds : Math.max(1, Math.ceil((start + this.windowMs - now) / 1000));
  }

  // Called for every authenticated request before any work is done.
  admit(kind, now = Date.now()) {
    const t = this.token(kind);
    this.roll(t, now);
    if (this.daily.calls >= this.config.dailyLimit) {
      this.daily.calls += REJECTED_CALL_WEIGHT;
      const midnight = Date.UTC(new Date(now).getUTCFullYear(), new Date(now).getUTCMonth(), new Date(now).getUTCDate() + 1);
      throw dailyLimitExceeded(Math.max(1, Math.ceil((midnight - now) / 1000)));
    }
    if (t.minuteStart == null) t.minuteStart = now;
    if (t.minuteCount >= this.config.minuteLimit) {
      this.daily.calls += REJECTED_CALL_WEIGHT;
      throw minuteLimitExceeded(this.secondsLeft(t.minuteStart, now));
    }
    if (t.inFlight >= this.config.concurrencyLimit) {
      this.daily.calls += REJECTED_CALL_WEIGHT;
      throw concurrencyExceeded(1);
    }
    t.minuteCount++;
    t.inFlight++;
    this.daily.calls += 1;
  }

  release(kind) {
    const t = this.token(kind);
    t.inFlight = Math.max(0, t.inFlight - 1);
  }

  // Reserve `cost` points; returns what the `complexity` field reports.
  charge(kind, cost, now = Date.now()) {
    const t = this.token(kind);
    this.roll(t, now);
    const budget = this.config.complexityBudget;
    const before = budget - t.budgetUsed;
    if (cost > before) throw complexityExhausted(this.secondsLeft(t.budgetStart, now));
    if (t.budgetStart == null) t.budgetStart = now;
    t.budgetUsed += cost;
    return { before, query: cost, after: before - cost, reset_in_x_seconds: this.secondsLeft(t.budgetStart, now) };
  }

  // IETF-draft style headers monday sends on every response (REFERENCE.md §10.1).
  headers(kind, now = Date.now()) {
    const t = this.token(kind);
    this.roll(t, now);
    const c = this.config;
    const minuteLeft = Math.max(0, c.minuteLimit - t.minuteCount);
    const minute = minuteLeft === 0 ? `"minuteRate";r=0;t=${this.secondsLeft(t.minuteStart, now)}` : `"minuteRate";r=${minuteLeft}`;
    const complexity = `"complexityMinute";r=${Math.max(0, c.complexityBudget - t.budgetUsed)}` +
      (t.budgetStart != null ? `;t=${this.secondsLeft(t.budgetStart, now)}` : '');
    return {
      'RateLimit-Policy': `"minuteRate";q=${c.minuteLimit};w=${c.windowSeconds}, "concurrency";q=${c.concurrencyLimit};qu="concurrent-requests", "complexityMinute";q=${c.complexityBudget};w=${c.windowSeconds};qu="content-bytes"`,
      RateLimit: `${minute}, "concurrency";r=${Math.max(0, c.concurrencyLimit - t.inFlight)}, ${complexity}`,
    };
  }
}
