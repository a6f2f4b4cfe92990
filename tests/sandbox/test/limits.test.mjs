// Complexity accounting, budgets and request limits.
import { test, before, after, beforeEach } from 'node:test';
import assert from 'node:assert/strict';
import { startSandbox, TOKENS } from './helpers.mjs';

let sb;
before(async () => {
  sb = await startSandbox(['--complexity-budget', '100000']);
});
after(async () => {
  await sb.stop();
});
beforeEach(async () => {
  await sb.control('POST', 'reset');
});

test('the complexity field reports before, query, after and the reset time', async () => {
  const a = await sb.gql('{ complexity { before query after reset_in_x_seconds } }');
  const c1 = a.json.data.complexity;
  assert.equal(c1.before, 100000);
  assert.equal(c1.after, c1.before - c1.query);
  assert.ok(c1.reset_in_x_seconds > 0 && c1.reset_in_x_seconds <= 60);
  const b = await sb.gql('{ complexity { before query after } boards(limit: 10) { id name } }');
  const c2 = b.json.data.complexity;
  assert.equal(c2.before, c1.after);
  // complexity { 3 fields } = 10 + 3; boards: 10 + 10 * (1 + 1)
  assert.equal(c2.query, 13 + 10 + 10 * 2);
  const log = sb.requests().filter((l) => l.path === '/v2').at(-1);
  assert.equal(log.complexity, c2.query);
});

test('cost follows the model: ids count, limits multiply, items_page limit applies to items', async () => {
  const cost = async (q) => (await sb.gql(`{ complexity { query } ${q} }`)).json.data.complexity.query - 11; // complexity { query } costs 11
  assert.equal(await cost('boards(ids: [5000000001, 5000000002]) { id }'), 10 + 2 * 1);
  assert.equal(await cost('users { id name }'), 10 + 200 * 2);
  assert.equal(await cost('boards(ids: [5000000003]) { items_page(limit: 100) { cursor items { id name } } }'), 10 + 1 * (10 + 1 + (10 + 100 * 2)));
  assert.equal(await cost('items(ids: [1, 2, 3]) { id subitems { id } }'), 10 + 3 * (1 + 10 + 1000 * 1));
  const m = await sb.gql('mutation { complexity { query } create_item(board_id: 5000000001, item_name: "x") { id } }');
  assert.equal(m.json.data.complexity.query, 11 + 30000 + 1);
});

test('a spent budget answers 429 with the 2025-07 body and Retry-After', async () => {
  const heavy = '{ boards(ids: [5000000003]) { items_page(limit: 500) { items { id name column_values { id text value } } } } }';
  let r;
  for (let n = 0; n < 20; n++) {
    r = await sb.gql(heavy);
    if (r.status !== 200) break;
  }
  assert.equal(r.status, 429);
  assert.deepEqual(Object.keys(r.json.errors[0].extensions).sort(), ['code', 'retry_in_seconds']);
  assert.equal(r.json.errors[0].message, 'Complexity budget exhausted');
  assert.equal(r.json.errors[0].extensions.code, 'COMPLEXITY_BUDGET_EXHAUSTED');
  const retry = r.json.errors[0].extensions.retry_in_seconds;
  assert.ok(retry >= 1 && retry <= 60);
  assert.equal(r.headers['retry-after'], String(retry));
  // The other token has its own budget.
  const other = await sb.gql(heavy, null, { token: TOKENS.member });
  assert.equal(other.status, 200);
});

test('a single query over 5,000,000 points is refused before it runs', async () => {
  await sb.control('POST', 'config', { complexity_budget: 100_000_000 });
  const r = await sb.gql('{ boards(limit: 1000) { items_page(limit: 500) { items { id subitems { id name } } } } }');
  assert.equal(r.status, 200);
  assert.equal(r.json.errors[0].extensions.code, 'ComplexityException');
  assert.match(r.json.errors[0].message, /exceeds max complexity of 5000000/);
  assert.equal(r.json.data, undefined);
});

test('the minute request limit answers 429 with Retry-After', async () => {
  await sb.control('POST', 'config', { minute_limit: 3 });
  const codes = [];
  for (let n = 0; n < 4; n++) codes.push((await sb.gql('{ me { id } }')).status);
  assert.deepEqual(codes, [200, 200, 200, 429]);
  const r = await sb.gql('{ me { id } }');
  assert.equal(r.json.errors[0].extensions.code, 'RATE_LIMIT_EXCEEDED');
  assert.equal(r.json.errors[0].message, 'Rate Limit Exceeded');
  assert.ok(Number(r.headers['retry-after']) >= 1);
  assert.match(r.headers.ratelimit, /"minuteRate";r=0;t=\d+/);
});

test('the daily limit answers DAILY_LIMIT_EXCEEDED', async () => {
  await sb.control('POST', 'config', { daily_limit: 2 });
  await sb.gql('{ me { id } }');
  await sb.gql('{ me { id } }', null, { token: TOKENS.member });
  const r = await sb.gql('{ me { id } }');
  assert.equal(r.status, 429);
  assert.equal(r.json.errors[0].extensions.code, 'DAILY_LIMIT_EXCEEDED');
  assert.ok(Number(r.headers['retry-after']) > 0);
});

test('window_seconds shortens the budget and minute windows', async () => {
  await sb.control('POST', 'config', { complexity_budget: 100, window_seconds: 2 });
  const first = await sb.gql('{ complexity { before query after reset_in_x_seconds } }');
  assert.ok(first.json.data.complexity.reset_in_x_seconds <= 2);
  assert.match(first.headers['ratelimit-policy'], /"complexityMinute";q=100;w=2/);
  let r;
  for (let n = 0; n < 20 && (!r || r.status === 200); n++) r = await sb.gql('{ boards(limit: 10) { id name } }');
  assert.equal(r.status, 429);
  assert.ok(r.json.errors[0].extensions.retry_in_seconds <= 2);
  await new Promise((resolve) => setTimeout(resolve, 2100));
  const again = await sb.gql('{ complexity { before } }');
  assert.equal(again.status, 200);
  assert.equal(again.json.data.complexity.before, 100, 'a new window starts with the whole budget');
  assert.equal((await sb.control('POST', 'config', { window_seconds: 0 })).status, 400);
});

test('reset restores budgets, limits and data', async () => {
  await sb.control('POST', 'config', { minute_limit: 1 });
  await sb.gql('{ me { id } }');
  assert.equal((await sb.gql('{ me { id } }')).status, 429);
  await sb.control('POST', 'reset');
  const cfg = await sb.control('GET', 'config');
  assert.equal(cfg.json.minute_limit, 5000);
  assert.equal(cfg.json.window_seconds, 60);
  assert.equal((await sb.gql('{ me { id } }')).status, 200);
});
