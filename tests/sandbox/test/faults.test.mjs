// /__sandbox/faults: the next N matching requests fail in the chosen way.
import { test, before, after, beforeEach } from 'node:test';
import assert from 'node:assert/strict';
import { startSandbox } from './helpers.mjs';

let sb;
before(async () => {
  sb = await startSandbox();
});
after(async () => {
  await sb.stop();
});
beforeEach(async () => {
  await sb.control('DELETE', 'faults');
});

const me = () => sb.gql('{ me { id } }');

test('http500 fails exactly count requests, then requests succeed again', async () => {
  const set = await sb.control('POST', 'faults', { kind: 'http500', count: 2 });
  assert.equal(set.status, 200);
  assert.equal((await me()).status, 500);
  const second = await me();
  assert.equal(second.status, 500);
  assert.equal(second.json.errors[0].extensions.code, 'INTERNAL_SERVER_ERROR');
  assert.equal((await me()).status, 200);
  const logged = sb.requests().filter((l) => l.fault === 'http500');
  assert.equal(logged.length, 2);
});

test('http502 and garbage answer with non-JSON bodies', async () => {
  await sb.control('POST', 'faults', [{ kind: 'http502' }, { kind: 'garbage' }]);
  const a = await me();
  assert.equal(a.status, 502);
  assert.equal(a.json, null);
  const b = await me();
  assert.equal(b.status, 200);
  assert.equal(b.json, null);
  assert.throws(() => JSON.parse(b.body));
});

test('delay answers late but normally', async () => {
  await sb.control('POST', 'faults', { kind: 'delay', delay_ms: 300 });
  const t0 = Date.now();
  const r = await me();
  assert.ok(Date.now() - t0 >= 290);
  assert.equal(r.status, 200);
  assert.equal(r.json.data.me.id, '10000001');
});

test('drop closes the connection without an answer', async () => {
  await sb.control('POST', 'faults', { kind: 'drop' });
  await assert.rejects(me(), /socket hang up|ECONNRESET/);
  assert.equal((await me()).status, 200);
});

test('limit faults mimic monday\'s 429 answers', async () => {
  await sb.control('POST', 'faults', [
    { kind: 'rate_limit_429', retry_in_seconds: 7 }, { kind: 'complexity_exhausted' }, { kind: 'daily_limit' }, { kind: 'concurrency' },
  ]);
  const codes = [];
  for (let n = 0; n < 4; n++) {
    const r = await me();
    assert.equal(r.status, 429);
    assert.ok(r.headers['retry-after']);
    codes.push(r.json.errors[0].extensions.code);
  }
  assert.deepEqual(codes, ['RATE_LIMIT_EXCEEDED', 'COMPLEXITY_BUDGET_EXHAUSTED', 'DAILY_LIMIT_EXCEEDED', 'maxConcurrencyExceeded']);
  const log = sb.requests().filter((l) => l.fault === 'rate_limit_429').at(-1);
  assert.equal(log.status, 429);
});

test('ip_rate_limit and locked answer 429 and 423', async () => {
  await sb.control('POST', 'faults', [{ kind: 'ip_rate_limit', retry_in_seconds: 4 }, { kind: 'locked' }]);
  const ip = await me();
  assert.equal(ip.status, 429);
  assert.equal(ip.json.errors[0].extensions.code, 'IP_RATE_LIMIT_EXCEEDED');
  assert.equal(ip.json.errors[0].extensions.retry_in_seconds, 4);
  assert.equal(ip.headers['retry-after'], '4');
  const locked = await me();
  assert.equal(locked.status, 423);
  assert.equal((await me()).status, 200);
});

test('respond answers exactly the given status, body and headers', async () => {
  const legacy = {
    error_code: 'ComplexityException', status_code: 429,
    error_message: 'Complexity budget exhausted, query cost 30001 budget remaining 19986 out of 1000000 reset in 3 seconds',
    error_data: {}, errors: ['Complexity budget exhausted, query cost 30001 budget remaining 19986 out of 1000000 reset in 3 seconds'],
    account_id: 1234567890,
  };
  await sb.control('POST', 'faults', [
    { kind: 'respond', status: 429, body: legacy, headers: { 'Retry-After': 3 } },
    { kind: 'respond', status: 500, body: 'plain text' },
  ]);
  const a = await me();
  assert.equal(a.status, 429);
  assert.deepEqual(a.json, legacy, 'no request id or anything else is added');
  assert.equal(a.headers['retry-after'], '3');
  const b = await me();
  assert.equal(b.status, 500);
  assert.equal(b.body, 'plain text');
  assert.equal(sb.requests().filter((l) => l.fault === 'respond').length, 2);
  assert.equal((await sb.control('POST', 'faults', { kind: 'respond', status: 42, body: {} })).status, 400);
  assert.equal((await sb.control('POST', 'faults', { kind: 'respond' })).status, 400);
});

test('faults only hit their path', async () => {
  await sb.control('POST', 'faults', { kind: 'http500', path: '/v2/file' });
  assert.equal((await me()).status, 200);
  const pending = await sb.control('GET', 'faults');
  assert.equal(pending.json.pending.length, 1);
  const bad = await sb.control('POST', 'faults', { kind: 'nonsense' });
  assert.equal(bad.status, 400);
});

test('field_limit_exceeded fails the named field with monday\'s FIELD_LIMIT_EXCEEDED error; the rest is served', async () => {
  await sb.control('POST', 'faults', { kind: 'field_limit_exceeded', entity: 'subitems', retry_in_seconds: 15 });
  const q = '{ me { id } items(ids: [9000000001]) { id subitems { id } } }';
  const r = await sb.gql(q);
  assert.equal(r.status, 429);
  assert.deepEqual(r.json.data, { me: { id: '10000001' }, items: [{ id: '9000000001', subitems: null }] });
  assert.equal(r.json.errors.length, 1);
  const e = r.json.errors[0];
  assert.equal(e.message, 'Concurrency limit exceeded for the field');
  assert.deepEqual(e.path, ['items', 0, 'subitems']);
  assert.ok(e.locations && e.locations[0].line === 1);
  assert.deepEqual(e.extensions, { code: 'FIELD_LIMIT_EXCEEDED', status_code: 429, retry_in_seconds: 15, error_data: { entity: 'subitems' } });
  assert.deepEqual(Object.keys(e.extensions), ['code', 'status_code', 'retry_in_seconds', 'error_data'], 'in the documented order');
  assert.equal(sb.requests().at(-1).fault, 'field_limit_exceeded');
  const again = await sb.gql(q);
  assert.equal(again.status, 200, 'the fault is used up');
  assert.ok(Array.isArray(again.json.data.items[0].subitems));
});

test('field_limit_exceeded defaults to the boards entity; the legacy format answers the changelog\'s body', async () => {
  await sb.control('POST', 'faults', [{ kind: 'field_limit_exceeded' }, { kind: 'field_limit_exceeded', format: 'legacy', entity: 'boards', retry_in_seconds: 15 }]);
  const boards = await sb.gql('{ boards(ids: [5000000001]) { id } }');
  assert.equal(boards.status, 429);
  assert.deepEqual(boards.json.data, { boards: null });
  assert.deepEqual(boards.json.errors[0].extensions, { code: 'FIELD_LIMIT_EXCEEDED', status_code: 429, retry_in_seconds: 1, error_data: { entity: 'boards' } });
  const legacy = await me();
  assert.equal(legacy.status, 429);
  assert.deepEqual(legacy.json, {
    error_message: 'Concurrency limit exceeded for the field', error_code: 'FIELD_LIMIT_EXCEEDED',
    error_data: { retry_in_seconds: 15, entity: 'boards' }, status_code: 429, account_id: 9000001,
  });
  assert.equal((await sb.control('POST', 'faults', { kind: 'field_limit_exceeded', format: 'xml' })).status, 400);
  assert.equal((await sb.control('POST', 'faults', { kind: 'field_limit_exceeded', entity: 'a b' })).status, 400);
});
