// --latency-ms / --latency-jitter-ms: every API response waits, control calls do not;
// the jitter comes from the seeded PRNG, so a run can be repeated exactly.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { startSandbox, TOKENS } from './helpers.mjs';
import { Latency } from '../src/latency.mjs';

const LATENCY = 600;
let sb;
before(async () => {
  sb = await startSandbox(['--latency-ms', String(LATENCY)]);
});
after(async () => {
  await sb.stop();
});

const lastLog = (path) => sb.requests().filter((l) => l.path === path).at(-1);

test('GraphQL, file, audit, OAuth and schema responses wait --latency-ms; control calls do not', async () => {
  const t0 = Date.now();
  const me = await sb.gql('{ me { id } assets(ids: [1100000001]) { public_url } }');
  assert.equal(me.status, 200);
  assert.ok(Date.now() - t0 >= LATENCY, 'the client waited for the latency');
  const fileUrl = new URL(me.json.data.assets[0].public_url);
  const calls = [
    ['/v2', null],
    [fileUrl.pathname, () => sb.request({ method: 'GET', path: fileUrl.pathname + fileUrl.search })],
    ['/audit-api/get-logs', () => sb.request({ method: 'GET', path: '/audit-api/get-logs?page=1&per_page=1', headers: { Authorization: `Bearer ${TOKENS.audit}` } })],
    ['/oauth2/token', () => sb.request({ path: '/oauth2/token', headers: { 'Content-Type': 'application/json' }, body: '{}' })],
    ['/v2/get_schema', () => sb.request({ method: 'GET', path: '/v2/get_schema?format=sdl' })],
    ['/no/such/route', () => sb.request({ method: 'GET', path: '/no/such/route' })],
  ];
  for (const [path, call] of calls) {
    if (call) await call();
    const log = lastLog(path);
    assert.equal(log.latency_ms, LATENCY, path);
    assert.ok(log.duration_ms >= LATENCY, `${path} took ${log.duration_ms} ms`);
    assert.ok(Number.isFinite(log.start_ms) && Math.abs(log.start_ms - Date.parse(log.time)) < 1, `${path} logs its start`);
  }
  for (const route of ['health', 'config', 'faults', 'stats', 'audit', 'oauth/stats']) {
    await sb.control('GET', route);
    const log = lastLog(`/__sandbox/${route}`);
    assert.equal(log.control, true);
    assert.equal(log.latency_ms, 0, route);
    assert.ok(log.duration_ms < LATENCY, `${route} took ${log.duration_ms} ms`);
  }
});

test('latency and jitter change at run time; the same seed and order repeat the same delays after a reset', async () => {
  const cfg = await sb.control('POST', 'config', { latency_ms: 6, latency_jitter_ms: 5 });
  assert.equal(cfg.status, 200);
  assert.equal(cfg.json.latency_ms, 6);
  assert.equal(cfg.json.latency_jitter_ms, 5);
  const sequence = async () => {
    const out = [];
    for (let n = 0; n < 12; n++) {
      await sb.gql('{ me { id } }');
      out.push(lastLog('/v2').latency_ms);
    }
    return out;
  };
  const first = await sequence();
  assert.ok(first.every((ms) => ms >= 1 && ms <= 11), JSON.stringify(first));
  assert.ok(new Set(first).size > 1, 'the jitter varies');
  await sb.control('POST', 'reset');
  assert.equal((await sb.control('GET', 'config')).json.latency_ms, LATENCY, 'reset restores the start-up latency');
  await sb.control('POST', 'config', { latency_ms: 6, latency_jitter_ms: 5 });
  assert.deepEqual(await sequence(), first);
  assert.equal((await sb.control('POST', 'config', { latency_ms: -1 })).status, 400);
  await sb.control('POST', 'reset');
});

test('Latency draws its jitter from the seed: same seed same delays, another seed others, never below zero', () => {
  const draw = (seed, latencyMs, latencyJitterMs, n = 50) => {
    const l = new Latency(seed, { latencyMs, latencyJitterMs });
    return Array.from({ length: n }, () => l.next());
  };
  assert.deepEqual(draw(7, 100, 40), draw(7, 100, 40));
  assert.notDeepEqual(draw(7, 100, 40), draw(8, 100, 40));
  assert.ok(draw(7, 100, 40).every((ms) => Number.isInteger(ms) && ms >= 60 && ms <= 140));
  assert.ok(draw(7, 3, 10).every((ms) => ms >= 0));
  assert.deepEqual(draw(7, 250, 0, 3), [250, 250, 250]);
  const l = new Latency(7, { latencyMs: 100, latencyJitterMs: 40 });
  const a = [l.next(), l.next()];
  l.reset();
  assert.deepEqual([l.next(), l.next()], a, 'reset starts the sequence again');
});
