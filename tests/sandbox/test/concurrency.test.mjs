// --concurrency-limit counts requests really in flight, latency included;
// GET /__sandbox/stats and the request log show how many were in flight.
import { test, before, after, beforeEach } from 'node:test';
import assert from 'node:assert/strict';
import { startSandbox, TOKENS } from './helpers.mjs';

const LATENCY = 1000;
let sb;
before(async () => {
  sb = await startSandbox(['--latency-ms', String(LATENCY), '--concurrency-limit', '3']);
});
after(async () => {
  await sb.stop();
});
beforeEach(async () => {
  await sb.control('POST', 'reset');
});

const me = (token = TOKENS.admin) => sb.gql('{ me { id } }', null, { token });

// The largest number of logged requests whose [start, start + duration] overlap.
function peakFromLog(entries) {
  const edges = entries.flatMap((e) => [[e.start_ms, 1], [e.start_ms + e.duration_ms, -1]]).sort((a, b) => a[0] - b[0] || a[1] - b[1]);
  let now = 0;
  let peak = 0;
  for (const [, d] of edges) peak = Math.max(peak, (now += d));
  return peak;
}

test('requests waiting out their latency count toward the concurrency limit', async () => {
  const [member, ...answers] = await Promise.all([me(TOKENS.member), ...Array.from({ length: 6 }, () => me())]);
  const codes = answers.map((r) => r.status).sort();
  assert.deepEqual(codes, [200, 200, 200, 429, 429, 429]);
  const refused = answers.find((r) => r.status === 429);
  assert.equal(refused.json.errors[0].extensions.code, 'maxConcurrencyExceeded');
  assert.equal(refused.headers['retry-after'], '1');
  assert.equal(member.status, 200, 'another token has its own limit');
  // Once the first three are answered, the token is free again.
  assert.equal((await me()).status, 200);
});

test('a delay fault is time in flight too', async () => {
  await sb.control('POST', 'config', { concurrency_limit: 1, latency_ms: 0 });
  await sb.control('POST', 'faults', { kind: 'delay', delay_ms: 800 });
  const slow = me();
  await new Promise((r) => setTimeout(r, 300));
  const second = await me();
  assert.equal(second.status, 429, 'the delayed request still holds the only slot');
  assert.equal((await slow).status, 200);
});

test('stats show requests in flight and the peak; the request log gives the same peak', async () => {
  await sb.control('POST', 'config', { concurrency_limit: 250 });
  await sb.control('DELETE', 'stats');
  const pending = Promise.all(Array.from({ length: 5 }, () => me()));
  let during;
  for (let n = 0; n < 40; n++) {
    during = (await sb.control('GET', 'stats')).json;
    if (during.in_flight === 5) break;
    await new Promise((r) => setTimeout(r, 20));
  }
  assert.equal(during.in_flight, 5, 'all five are in flight at once');
  assert.equal(during.by_token_kind.admin.in_flight, 5);
  assert.equal(during.concurrency.in_flight.admin, 5, 'and all five hold a concurrency slot');
  assert.equal(during.concurrency.limit, 250);
  const answers = await pending;
  assert.ok(answers.every((r) => r.status === 200));
  const after = (await sb.control('GET', 'stats')).json;
  assert.equal(after.in_flight, 0);
  assert.equal(after.peak_in_flight, 5);
  assert.equal(after.requests, 5, 'control calls are not counted');
  assert.equal(after.by_token_kind.admin.peak_in_flight, 5);
  assert.deepEqual(after.concurrency.in_flight, { admin: 0 });
  const logged = sb.requests().filter((l) => l.path === '/v2').slice(-5);
  assert.ok(logged.every((l) => l.duration_ms >= LATENCY && l.latency_ms === LATENCY));
  assert.equal(peakFromLog(logged), 5);
  // DELETE /__sandbox/stats and /__sandbox/reset start the peak again.
  const cleared = (await sb.control('DELETE', 'stats')).json;
  assert.deepEqual([cleared.peak_in_flight, cleared.requests], [0, 0]);
});
