// /__sandbox/*: endpoints tests use to steer the sandbox. No token needed.

import crypto from 'node:crypto';
import { FAULT_KINDS } from '../faults.mjs';

const CONFIG_KEYS = {
  complexity_budget: 'complexityBudget',
  minute_limit: 'minuteLimit',
  daily_limit: 'dailyLimit',
  concurrency_limit: 'concurrencyLimit',
  cursor_ttl_seconds: 'cursorTtlSeconds',
  window_seconds: 'windowSeconds',
  latency_ms: 'latencyMs',
  latency_jitter_ms: 'latencyJitterMs',
};

export function configView(config) {
  const out = {};
  for (const [ext, int] of Object.entries(CONFIG_KEYS)) out[ext] = config[int];
  return out;
}

// What the concurrency limit counts: admitted GraphQL requests per token kind.
function concurrencyView(app) {
  const inFlight = {};
  for (const [kind, t] of app.limits.tokens) inFlight[kind] = t.inFlight;
  return { limit: app.config.concurrencyLimit, in_flight: inFlight };
}

function jsonBody(raw) {
  if (!raw || raw.length === 0) return {};
  return JSON.parse(raw.toString('utf8'));
}

// Seeded files have no real bytes; make stable filler of the recorded size.
function assetBytes(asset) {
  if (asset.data) return asset.data;
  const seed = Buffer.from(`monday sandbox file ${asset.id} ${asset.name}\n`);
  const out = Buffer.alloc(asset.file_size);
  for (let i = 0; i < out.length; i += seed.length) seed.copy(out, i);
  return out;
}

export function handleControl(req, raw, url, app) {
  const route = `${req.method} ${url.pathname}`;
  const ok = (body) => ({ status: 200, body });
  const bad = (message) => ({ status: 400, body: { error: message } });
  try {
    switch (route) {
      case 'GET /__sandbox/health':
        return ok({
          status: 'ok', scale: app.store.scale, seed: app.store.seed, base_url: app.baseUrl, boards: app.store.boards.length,
          items: app.store.items.size, uptime_seconds: Math.round(process.uptime()), config: configView(app.config),
        });
      // Stores a cell exactly as given, without the validation the API's mutations apply: what
      // another tool or an old integration may have left in an account (a date '2027-02-30').
      case 'POST /__sandbox/cells': {
        const body = jsonBody(raw);
        const item = app.store.items.get(Number(body.item_id));
        if (!item) return bad(`no item ${body.item_id}`);
        const board = app.store.boards.find((b) => b.id === item.board_id);
        if (!board || !board.columns.some((c) => c.id === body.column_id)) return bad(`no column ${body.column_id} on item ${body.item_id}'s board`);
        if (!('raw' in body)) return bad('raw is required: the stored value, as the sandbox keeps it (see data/column-types.mjs)');
        item.values[body.column_id] = body.raw;
        return ok({ ok: true });
      }
      case 'POST /__sandbox/reset':
        app.reset();
        return ok({ ok: true, config: configView(app.config) });
      case 'GET /__sandbox/faults':
        return ok({ pending: app.faults.pending() });
      case 'DELETE /__sandbox/faults':
        app.faults.clear();
        return ok({ ok: true, pending: [] });
      case 'POST /__sandbox/faults': {
        const body = jsonBody(raw);
        const specs = Array.isArray(body) ? body : [body];
        for (const s of specs) {
          if (!FAULT_KINDS.includes(s.kind)) return bad(`unknown fault kind ${s.kind}; expected one of ${FAULT_KINDS.join(', ')}`);
        }
        for (const s of specs) app.faults.add(s);
        return ok({ ok: true, pending: app.faults.pending() });
      }
      case 'GET /__sandbox/stats':
        return ok({ ...app.traffic.view(), concurrency: concurrencyView(app) });
      case 'DELETE /__sandbox/stats':
        app.traffic.resetPeaks();
        return ok({ ...app.traffic.view(), concurrency: concurrencyView(app) });
      case 'GET /__sandbox/config':
        return ok(configView(app.config));
      case 'POST /__sandbox/config': {
        const body = jsonBody(raw);
        for (const [k, v] of Object.entries(body)) {
          const key = CONFIG_KEYS[k];
          if (!key) return bad(`unknown setting ${k}; expected one of ${Object.keys(CONFIG_KEYS).join(', ')}`);
          if (!Number.isFinite(Number(v)) || Number(v) < 0) return bad(`${k} must be a non-negative number`);
          if (key === 'windowSeconds' && Number(v) < 1) return bad('window_seconds must be at least 1');
          app.config[key] = key.startsWith('latency') ? Math.round(Number(v)) : Number(v);
        }
        return ok(configView(app.config));
      }
      default:
        break;
    }
    const file = /^\/__sandbox\/files\/(\d+)\/[^/]*$/.exec(url.pathname);
    if (req.method === 'GET' && file) {
      const asset = app.store.assetsById.get(Number(file[1]));
      if (!asset) return { status: 404, body: { error: 'no such file' } };
      const bytes = assetBytes(asset);
      return {
        status: 200, body: bytes, headers: {
          'Content-Type': asset.mimetype || 'application/octet-stream',
          ETag: `"${crypto.createHash('sha1').update(bytes).digest('hex')}"`,
        },
      };
    }
    return { status: 404, body: { error: `no control endpoint ${route}` } };
  } catch (e) {
    return bad(`bad request: ${e.message}`);
  }
}
