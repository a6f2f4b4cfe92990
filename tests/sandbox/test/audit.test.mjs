// The audit log: GET /audit-api/get-logs (REST, audit token) and the GraphQL
// audit_logs / audit_event_catalogue queries (admin token), same log, same filters.
import { test, before, after, beforeEach } from 'node:test';
import assert from 'node:assert/strict';
import { startSandbox, TOKENS } from './helpers.mjs';

let sb;
before(async () => {
  sb = await startSandbox();
});
after(async () => {
  await sb.stop();
});
beforeEach(async () => {
  await sb.control('POST', 'reset');
});

async function rest(params = {}, token = TOKENS.audit) {
  const q = new URLSearchParams();
  for (const [k, v] of Object.entries(params)) q.set(k, typeof v === 'object' ? JSON.stringify(v) : String(v));
  const headers = token ? { Authorization: `Bearer ${token}` } : {};
  const r = await sb.request({ method: 'GET', path: `/audit-api/get-logs?${q}`, headers });
  return { ...r, json: JSON.parse(r.body) };
}

async function allRest(filters) {
  const out = [];
  for (let page = 1; page; ) {
    const r = await rest({ page, per_page: 1000, ...(filters ? { filters } : {}) });
    assert.equal(r.status, 200, r.body);
    out.push(...r.json.data);
    page = r.json.next_page;
  }
  return out;
}

test('REST: the audit token reads the whole log, newest first, 1000 a page at most', async () => {
  const info = (await sb.control('GET', 'audit')).json;
  assert.ok(info.entries > 2000, `${info.entries} entries`);
  const first = await rest({ page: 1, per_page: 1000 });
  assert.equal(first.status, 200);
  assert.equal(first.json.page, 1);
  assert.equal(first.json.per_page, 1000);
  assert.equal(first.json.next_page, 2);
  assert.equal(first.json.data.length, 1000);
  const all = await allRest();
  assert.equal(all.length, info.entries);
  for (let i = 1; i < all.length; i++) assert.ok(all[i - 1].timestamp >= all[i].timestamp, `order at ${i}`);
  const e = all[0];
  for (const k of ['timestamp', 'account_id', 'user_id', 'event', 'slug', 'ip_address', 'user_agent', 'client_name',
    'client_version', 'os_name', 'os_version', 'device_name', 'device_type', 'activity_metadata']) assert.ok(k in e, k);
  assert.equal(typeof e.account_id, 'number');
  assert.equal(typeof e.activity_metadata, 'object');
  const tooBig = await rest({ page: 1, per_page: 1001 });
  assert.equal(tooBig.status, 400);
  assert.match(tooBig.json.error_message, /per_page/);
});

test('REST: seeded entries span months, every catalogue event, some without a user', async () => {
  const all = await allRest();
  const months = new Set(all.map((e) => e.timestamp.slice(0, 7)));
  assert.ok(months.size >= 10, [...months].join());
  const catalogue = (await sb.gql('{ audit_event_catalogue { name description metadata_details } }')).json.data.audit_event_catalogue;
  assert.ok(catalogue.length >= 20);
  const names = new Set(catalogue.map((c) => c.name));
  assert.deepEqual(new Set(all.map((e) => e.event)), names);
  assert.ok(all.some((e) => e.user_id == null));
  const seconds = all.map((e) => e.timestamp.slice(0, 19));
  assert.ok(new Set(seconds).size < seconds.length, 'some entries share a second');
});

test('REST: filters as monday applies them (inclusive times, any of events, user, IP)', async () => {
  const all = await allRest();
  const start = all[700].timestamp;
  const end = all[300].timestamp;
  const inRange = await allRest({ start_time: start, end_time: end });
  assert.equal(inRange.length, 401);
  assert.equal(inRange[0].timestamp, end);
  assert.equal(inRange.at(-1).timestamp, start);
  const events = await allRest({ events: ['export-board', 'failed-login'] });
  assert.deepEqual(events, all.filter((e) => e.event === 'export-board' || e.event === 'failed-login'));
  const user = all.find((e) => e.user_id != null).user_id;
  assert.deepEqual(await allRest({ user_id: user }), all.filter((e) => e.user_id === user));
  assert.deepEqual(await allRest({ user_id: String(user) }), all.filter((e) => e.user_id === user));
  const ip = all[5].ip_address;
  assert.deepEqual(await allRest({ ip_address: ip, events: ['login'] }), all.filter((e) => e.ip_address === ip && e.event === 'login'));
  const bad = await rest({ filters: '{not json' });
  assert.equal(bad.status, 400);
  const badTime = await rest({ filters: { start_time: 'yesterday' } });
  assert.equal(badTime.status, 400);
  assert.match(badTime.json.error_message, /start_time/);
});

test('REST: other tokens are refused with 401', async () => {
  for (const token of [TOKENS.admin, TOKENS.member, 'nonsense', null]) {
    const r = await rest({ page: 1 }, token);
    assert.equal(r.status, 401, String(token));
    assert.equal(r.json.status_code, 401);
    assert.match(r.json.error_message, /audit log API token/);
  }
  const line = sb.requests().filter((l) => l.path === '/audit-api/get-logs').at(-1);
  assert.equal(line.token_kind, 'missing');
});

test('REST: 50 requests a minute, then 429 with Retry-After until the window ends', async () => {
  assert.equal((await sb.control('GET', 'audit')).json.minute_limit, 50);
  await sb.control('POST', 'audit', { minute_limit: 2, window_seconds: 2 });
  assert.equal((await rest({ per_page: 1 })).status, 200);
  assert.equal((await rest({ per_page: 1 })).status, 200);
  const limited = await rest({ per_page: 1 });
  assert.equal(limited.status, 429);
  assert.equal(limited.json.error_code, 'RateLimitExceeded');
  const wait = Number(limited.headers['retry-after']);
  assert.ok(wait >= 1 && wait <= 2, String(wait));
  await new Promise((r) => setTimeout(r, wait * 1000 + 100));
  assert.equal((await rest({ per_page: 1 })).status, 200);
  await sb.control('POST', 'reset');
  assert.equal((await sb.control('GET', 'audit')).json.minute_limit, 50);
});

test('a non-Enterprise account: REST 403 and a GraphQL error, both naming the plan', async () => {
  const set = await sb.control('POST', 'audit', { plan: 'pro' });
  assert.equal(set.json.plan, 'pro');
  const r = await rest({ page: 1 });
  assert.equal(r.status, 403);
  assert.match(r.json.error_message, /Enterprise/);
  const g = await sb.gql('{ audit_logs { logs { event } } account { tier } }');
  assert.equal(g.json.data.account.tier, 'pro');
  assert.equal(g.json.errors[0].extensions.code, 'UserUnauthorizedException');
  assert.match(g.json.errors[0].message, /Enterprise/);
  assert.equal((await sb.control('POST', 'audit', { plan: 'gold' })).status, 400);
});

test('GraphQL: audit_logs pages and filters the same log as REST', async () => {
  const all = await allRest();
  const q = `query ($page: Int, $limit: Int, $events: [String!], $start: ISO8601DateTime, $end: ISO8601DateTime) {
    audit_logs(page: $page, limit: $limit, events: $events, start_time: $start, end_time: $end) {
      logs { timestamp account_id event ip_address user { id name email } activity_metadata }
      pagination { page page_size has_more_pages next_page_number } } }`;
  const vars = { events: ['login', 'logout'], start: all[900].timestamp, end: all[100].timestamp };
  const expected = all.slice(100, 901).filter((e) => e.event === 'login' || e.event === 'logout');
  const got = [];
  for (let page = 1; page; ) {
    const r = await sb.gql(q, { ...vars, page, limit: 100 });
    assert.equal(r.status, 200, r.body);
    const { logs, pagination } = r.json.data.audit_logs;
    assert.equal(pagination.page, page);
    assert.equal(pagination.page_size, 100);
    got.push(...logs);
    page = pagination.has_more_pages ? pagination.next_page_number : null;
  }
  assert.deepEqual(got.map((e) => [e.timestamp, e.event, e.user && Number(e.user.id)]),
    expected.map((e) => [e.timestamp, e.event, e.user_id]));
  assert.equal(typeof got[0].account_id, 'string');
  const over = await sb.gql('{ audit_logs(limit: 1001) { logs { event } } }');
  assert.equal(over.json.errors[0].extensions.code, 'InvalidArgumentException');
});

test('GraphQL: only an account admin may read it; the audit token is not a GraphQL token', async () => {
  const member = await sb.gql('{ audit_logs { logs { event } } }', {}, { token: TOKENS.member });
  assert.equal(member.json.errors[0].extensions.code, 'UserUnauthorizedException');
  assert.equal(member.json.errors[0].extensions.status_code, 403);
  const audit = await sb.gql('{ audit_event_catalogue { name } }', {}, { token: TOKENS.audit });
  assert.equal(audit.status, 401);
  assert.equal(sb.requests().at(-1).token_kind, 'audit');
});
