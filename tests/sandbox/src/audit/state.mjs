// What the sandbox holds for the audit log: the seeded entries, the account's
// plan as the audit endpoints see it, and the REST API's own request limit
// (50 per minute, REFERENCE.md §8). Tests may shorten the window or lower the
// limit through /__sandbox/audit; /__sandbox/reset puts everything back.

import { generateAuditLog, EVENT_CATALOGUE } from './events.mjs';

export const AUDIT_DEFAULTS = Object.freeze({ minuteLimit: 50, windowSeconds: 60, plan: 'enterprise' });
export const PLANS = Object.freeze(['enterprise', 'pro', 'standard', 'basic', 'free']);

export class AuditState {
  constructor(store, seed) {
    this.reset(store, seed);
  }

  reset(store, seed) {
    this.store = store;
    this.entries = generateAuditLog(store, seed);
    this.catalogue = EVENT_CATALOGUE;
    this.minuteLimit = AUDIT_DEFAULTS.minuteLimit;
    this.windowSeconds = AUDIT_DEFAULTS.windowSeconds;
    this.plan = AUDIT_DEFAULTS.plan;
    this.window = { start: null, count: 0 };
    this.rejected = 0;
  }

  get enterprise() {
    return this.plan === 'enterprise';
  }

  // The plan also shows in `account { tier plan { tier } }`, as it would on monday.
  setPlan(plan) {
    this.plan = plan;
    const account = this.store.account;
    account.tier = plan;
    if (account.plan) account.plan.tier = plan;
    for (const p of account.products || []) p.tier = plan;
  }

  // One REST request: null when admitted, else the seconds until the window
  // frees up. Windows open with the first call and close windowSeconds later.
  admit(now = Date.now()) {
    const w = this.window;
    const length = this.windowSeconds * 1000;
    if (w.start != null && now - w.start >= length) {
      w.start = null;
      w.count = 0;
    }
    if (w.start == null) w.start = now;
    if (w.count >= this.minuteLimit) {
      this.rejected++;
      return Math.max(1, Math.ceil((w.start + length - now) / 1000));
    }
    w.count++;
    return null;
  }

  view() {
    return {
      minute_limit: this.minuteLimit, window_seconds: this.windowSeconds, plan: this.plan,
      entries: this.entries.length, events: this.catalogue.length, rejected_requests: this.rejected,
    };
  }

  configure(body) {
    for (const [k, v] of Object.entries(body)) {
      if (k === 'plan') {
        if (!PLANS.includes(v)) throw new Error(`plan must be one of ${PLANS.join(', ')}`);
        this.setPlan(v);
      } else if (k === 'minute_limit' || k === 'window_seconds') {
        const n = Number(v);
        if (!Number.isInteger(n) || n < 1) throw new Error(`${k} must be a whole number from 1`);
        if (k === 'minute_limit') this.minuteLimit = n;
        else this.windowSeconds = n;
      } else {
        throw new Error(`unknown setting ${k}; expected plan, minute_limit or window_seconds`);
      }
    }
    this.window = { start: null, count: 0 };
    return this.view();
  }
}
