// Everything one running sandbox holds, and how to put it back to the start.

import path from 'node:path';
import { Store } from './data/store.mjs';
import { buildSandboxSchema } from './graphql/schema.mjs';
import { Limits } from './limits.mjs';
import { CursorStore } from './items-page.mjs';
import { Faults } from './faults.mjs';
import { RequestLog } from './request-log.mjs';
import { OAuthState } from './oauth/grants.mjs';
import { AuditState } from './audit/state.mjs';
import { Latency } from './latency.mjs';
import { Traffic } from './traffic.mjs';
import { JobStore } from './jobs.mjs';

export class SandboxApp {
  constructor({ dataDir, scale, seed, config }) {
    this.dataDir = dataDir;
    this.scale = scale;
    this.seed = seed;
    this.startConfig = Object.freeze({ ...config });
    this.config = { ...config };
    const { schema, sdl } = buildSandboxSchema();
    this.schema = schema;
    this.sdl = sdl;
    this.store = Store.generate({ seed, scale });
    this.limits = new Limits(this.config);
    this.cursors = new CursorStore();
    this.faults = new Faults();
    this.oauth = new OAuthState();
    this.audit = new AuditState(this.store, seed);
    this.latency = new Latency(seed, this.config);
    this.traffic = new Traffic();
    this.jobs = new JobStore();
    this.log = new RequestLog(path.join(dataDir, 'requests.jsonl'));
    this.baseUrl = null; // set once the port is known
  }

  // The schema that runs requests carrying a field_limit_exceeded fault, built on first use.
  get fieldLimitSchema() {
    if (!this.fieldLimitSchemaCache) this.fieldLimitSchemaCache = buildSandboxSchema({ fieldLimits: true }).schema;
    return this.fieldLimitSchemaCache;
  }

  // Seeded data, budgets, cursors, pending faults, limits, latency (and its
  // PRNG) and the in-flight peaks as at start-up; async jobs forgotten.
  reset() {
    this.store = Store.generate({ seed: this.seed, scale: this.scale });
    Object.assign(this.config, this.startConfig);
    this.limits.reset();
    this.cursors.clear();
    this.faults.clear();
    this.oauth.reset();
    this.audit.reset(this.store, this.seed);
    this.latency.reset();
    this.traffic.resetPeaks();
    this.jobs.clear();
  }
}
