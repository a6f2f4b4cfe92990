// Authentication, API-Version, response envelope and error statuses.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { startSandbox, TOKENS } from './helpers.mjs';

let sb;
before(async () => {
  sb = await startSandbox();
});
after(async () => {
  await sb.stop();
});

test('accepts the admin token bare and with Bearer', async () => {
  for (const token of [TOKENS.admin, `Bearer ${TOKENS.admin}`, `bearer ${TOKENS.admin}`]) {
    const r = await sb.gql('{ me { id name } }', null, { token });
    assert.equal(r.status, 200, token);
    assert.equal(r.json.data.me.name, 'Avery Stone');
  }
});

test('the member token acts as a regular member', async () => {
  const r = await sb.gql('{ me { id name kind } }', null, { token: TOKENS.member });
  assert.equal(r.status, 200);
  assert.equal(r.json.data.me.id, '10000002');
  assert.equal(r.json.data.me.kind, 'member');
});

test('rejects revoked, unknown and missing tokens with 401 in monday\'s shape', async () => {
  for (const token of [TOKENS.revoked, `Bearer ${TOKENS.revoked}`, 'not-a-token', null]) {
    const r = await sb.gql('{ me { id } }', null, { token });
    assert.equal(r.status, 401, String(token));
    assert.equal(r.json.errors[0].message, 'Not Authenticated');
    assert.equal(r.json.errors[0].extensions.code, 'UNAUTHENTICATED');
    assert.equal(r.json.data, undefined);
  }
  const kinds = sb.requests().filter((l) => l.status === 401).map((l) => l.token_kind);
  assert.deepEqual([...new Set(kinds)].sort(), ['invalid', 'missing', 'revoked']);
});

test('every response carries a request id in extensions and the account id', async () => {
  const r = await sb.gql('{ account { id name slug tier plan { tier } } }');
  assert.match(r.json.extensions.request_id, /^[0-9a-f-]{36}$/);
  assert.equal(r.json.account_id, 9000001);
  assert.deepEqual(r.json.data.account, { id: '9000001', name: 'Sandbox Co', slug: 'sandbox', tier: 'enterprise', plan: { tier: 'enterprise' } });
});

test('reports the API version used; aliases resolve and unknown values fall back to current', async () => {
  const cases = [['2026-10', '2026-10', 'current'], ['2026-07', '2026-07', 'maintenance'], ['2027-01', '2027-01', 'release_candidate'],
    ['2026-01', '2026-01', 'deprecated'], ['current', '2026-10', 'current'], ['release_candidate', '2027-01', 'release_candidate'],
    ['1999-01', '2026-10', 'current'], [null, '2026-10', 'current']];
  for (const [header, value, kind] of cases) {
    const r = await sb.gql('{ version { value kind display_name } }', null, { version: header });
    assert.equal(r.status, 200);
    assert.equal(r.json.data.version.value, value, String(header));
    assert.equal(r.json.data.version.kind, kind, String(header));
  }
  const all = await sb.gql('{ versions { value kind } }');
  assert.ok(all.json.data.versions.some((v) => v.kind === 'current' && v.value === '2026-10'));
});

test('a syntax error is a 400, a validation error a 200 with errors and no data', async () => {
  const parse = await sb.gql('{ me { id }');
  assert.equal(parse.status, 400);
  assert.ok(parse.json.errors[0].message);
  assert.ok(parse.json.errors[0].locations);
  const invalid = await sb.gql('{ me { no_such_field } }');
  assert.equal(invalid.status, 200);
  assert.match(invalid.json.errors[0].message, /no_such_field/);
  assert.equal(invalid.json.data, undefined);
  const badVars = await sb.gql('query ($ids: [ID!]) { boards(ids: $ids) { id } }', { ids: [{}] });
  assert.equal(badVars.status, 200);
  assert.ok(badVars.json.errors.length);
});

test('a body that is not JSON or has no query is a 400', async () => {
  const r = await sb.request({ headers: { Authorization: TOKENS.admin, 'Content-Type': 'application/json' }, body: '{not json' });
  assert.equal(r.status, 400);
  const r2 = await sb.request({ headers: { Authorization: TOKENS.admin, 'Content-Type': 'application/json' }, body: '{"variables":{}}' });
  assert.equal(r2.status, 400);
});

test('unknown ids give empty results, not errors', async () => {
  const r = await sb.gql('{ boards(ids: [1234]) { id } items(ids: [5678]) { id } users(ids: [1]) { id } }');
  assert.equal(r.status, 200);
  assert.deepEqual(r.json.data, { boards: [], items: [], users: [] });
  assert.equal(r.json.errors, undefined);
});

test('the member sees public boards but not a private board it is not on', async () => {
  const q = '{ boards(limit: 100) { id name board_kind } }';
  const admin = (await sb.gql(q)).json.data.boards;
  const member = (await sb.gql(q, null, { token: TOKENS.member })).json.data.boards;
  assert.ok(admin.some((b) => b.board_kind === 'private'));
  assert.ok(!member.some((b) => b.board_kind === 'private'));
  assert.equal(member.length, admin.length - 1);
  const priv = admin.find((b) => b.board_kind === 'private');
  const direct = await sb.gql(`{ boards(ids: [${priv.id}]) { id } }`, null, { token: TOKENS.member });
  assert.deepEqual(direct.json.data.boards, []);
});

test('sends RateLimit-Policy and RateLimit headers', async () => {
  const r = await sb.gql('{ me { id } }');
  assert.match(r.headers['ratelimit-policy'], /"minuteRate";q=5000;w=60/);
  assert.match(r.headers['ratelimit-policy'], /"complexityMinute";q=10000000;w=60/);
  assert.match(r.headers.ratelimit, /"minuteRate";r=\d+/);
  assert.match(r.headers.ratelimit, /"complexityMinute";r=\d+;t=\d+/);
});
