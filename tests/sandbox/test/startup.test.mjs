import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { spawnSync } from 'node:child_process';
import { startSandbox, request, SANDBOX_DIR, TOKENS } from './helpers.mjs';

let sb;
before(async () => {
  sb = await startSandbox();
});
after(async () => {
  await sb.stop();
});

test('prints exactly one READY line with the base URL on stdout', async () => {
  assert.equal(sb.readyLine, `READY https://127.0.0.1:${sb.port}`);
  const res = await sb.request({ method: 'GET', path: '/__sandbox/health' });
  assert.equal(res.status, 200);
  assert.equal(sb.stdout(), `READY https://127.0.0.1:${sb.port}\n`);
});

test('serves TLS with a certificate from DIR/ca.pem for 127.0.0.1 and localhost', async () => {
  for (const f of ['ca.pem', 'server.pem', 'server-key.pem']) assert.ok(fs.existsSync(path.join(sb.dir, f)), f);
  const byIp = await sb.request({ method: 'GET', path: '/__sandbox/health' });
  assert.equal(byIp.status, 200);
  const byName = await request({ ca: sb.ca, port: sb.port, host: 'localhost', method: 'GET', path: '/__sandbox/health' });
  assert.equal(byName.status, 200);
  await assert.rejects(request({ port: sb.port, method: 'GET', path: '/__sandbox/health' }), /self[- ]signed|unable to verify|certificate/i);
});

test('writes dataset.json with the documented layout', () => {
  const ds = sb.dataset();
  for (const key of ['account', 'users', 'teams', 'tags', 'workspaces', 'folders', 'boards']) assert.ok(key in ds, key);
  assert.equal(ds.account.slug, 'sandbox');
  assert.equal(ds.account.tier, 'enterprise');
  const board = ds.boards.find((b) => b.name === 'Project Tracker');
  const item = board.items[0];
  for (const k of ['id', 'name', 'board_id', 'group_id', 'state', 'created_at', 'updated_at', 'creator_id', 'column_values', 'subitem_ids']) assert.ok(k in item, k);
  assert.equal(typeof item.id, 'string');
  assert.ok(BigInt(board.id) > 2n ** 31n);
  assert.ok(BigInt(item.id) > 2n ** 32n);
  assert.equal(typeof board.columns[1].settings, 'string');
  for (const cv of item.column_values) assert.deepEqual(Object.keys(cv), ['id', 'type', 'text', 'value']);
});

test('seeds every column type of REFERENCE.md section 7 on the everything board', () => {
  const ds = sb.dataset();
  const types = new Set(ds.boards.find((b) => b.name === 'Project Tracker').columns.map((c) => c.type));
  const wanted = ['name', 'text', 'long_text', 'numbers', 'status', 'dropdown', 'date', 'timeline', 'week', 'hour', 'world_clock', 'people',
    'person', 'team', 'checkbox', 'rating', 'link', 'email', 'phone', 'country', 'location', 'color_picker', 'tags', 'file', 'doc', 'direct_doc',
    'board_relation', 'dependency', 'mirror', 'subtasks', 'formula', 'auto_number', 'item_id', 'creation_log', 'last_updated', 'vote', 'progress',
    'time_tracking', 'button', 'group', 'integration', 'item_assignees', 'unsupported'];
  for (const t of wanted) assert.ok(types.has(t), `missing column type ${t}`);
});

test('seeded data has the required special cases', () => {
  const ds = sb.dataset();
  assert.ok(ds.users.length >= 20);
  assert.ok(ds.users.some((u) => u.name === 'Zoë Çelik') && ds.users.some((u) => u.name === '李雷'));
  assert.ok(ds.users.some((u) => u.status === 'PENDING') && ds.users.some((u) => u.status === 'INACTIVE'));
  assert.ok(ds.users.every((u) => Number(u.id) >= 10_000_000));
  assert.equal(ds.workspaces.length, 4);
  assert.equal(ds.workspaces.filter((w) => w.is_default_workspace).length, 1);
  assert.ok(ds.boards.some((b) => b.board_kind === 'private'));
  assert.ok(ds.boards.some((b) => b.state === 'archived'));
  assert.ok(ds.boards.some((b) => /[^\x00-\x7f]/.test(b.name)));
  assert.ok(ds.boards.some((b) => b.items.filter((i) => i.state === 'active').length >= 1200));
  const items = ds.boards.flatMap((b) => b.items);
  assert.ok(items.some((i) => i.state === 'archived') && items.some((i) => i.state === 'deleted'));
  assert.ok(items.some((i) => i.parent_item_id));
  const statusCol = ds.boards[0].columns.find((c) => c.type === 'status');
  assert.ok(JSON.parse(statusCol.settings).labels.some((l) => l.id === 5));
});

test('logs each request as one JSON line without the token', async () => {
  await sb.gql('query Probe { me { id } }', {}, { operationName: 'Probe' });
  const raw = fs.readFileSync(path.join(sb.dir, 'requests.jsonl'), 'utf8');
  assert.ok(!raw.includes(TOKENS.admin), 'token leaked into the request log');
  const line = sb.requests().find((r) => r.operation_name === 'Probe');
  for (const k of ['time', 'method', 'path', 'api_version', 'query', 'variables', 'operation_name', 'status', 'complexity', 'duration_ms', 'token_kind']) assert.ok(k in line, k);
  assert.equal(line.token_kind, 'admin');
  assert.equal(line.api_version, '2026-10');
  assert.equal(line.status, 200);
  assert.ok(line.complexity > 0);
  const control = sb.requests().find((r) => r.path === '/__sandbox/health');
  assert.equal(control.control, true);
});

test('serves its SDL and logs the query string of REST paths', async () => {
  const sdl = await sb.request({ method: 'GET', path: '/v2/get_schema?format=sdl' });
  assert.equal(sdl.status, 200);
  assert.match(sdl.body, /type Query \{/);
  const r = await sb.request({ method: 'GET', path: '/audit-api/get-logs?x=1' });
  assert.equal(r.status, 401); // no audit token (test/audit.test.mjs covers the endpoint)
  assert.ok(JSON.parse(r.body).error_message);
  const rest = sb.requests().find((l) => l.path === '/audit-api/get-logs');
  assert.equal(rest.query_string, 'x=1');
});

test('exits non-zero with a clear message when the port is taken', () => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'monday-sandbox-busy-'));
  const r = spawnSync(path.join(SANDBOX_DIR, 'start.sh'), ['--port', String(sb.port), '--data', dir], { encoding: 'utf8', timeout: 30_000 });
  assert.notEqual(r.status, 0);
  assert.match(r.stderr, /already in use/);
  assert.equal(r.stdout, '');
});

test('reuses its certificates on a later start', async () => {
  const ca = fs.readFileSync(path.join(sb.dir, 'ca.pem'), 'utf8');
  const again = await startSandbox([], { dataDir: fs.mkdtempSync(path.join(os.tmpdir(), 'monday-sandbox-reuse-')) });
  const dir2 = again.dir;
  await again.stop();
  const first = fs.readFileSync(path.join(dir2, 'ca.pem'), 'utf8');
  const second = await startSandbox([], { dataDir: dir2 });
  await second.stop();
  assert.equal(fs.readFileSync(path.join(dir2, 'ca.pem'), 'utf8'), first);
  assert.notEqual(first, ca, 'each data dir has its own CA');
});

test('same seed gives a byte-identical dataset.json; another seed differs', async () => {
  const a = await startSandbox(['--seed', '7']);
  await a.stop();
  const b = await startSandbox(['--seed', '7']);
  await b.stop();
  const c = await startSandbox(['--seed', '8']);
  await c.stop();
  const read = (s) => fs.readFileSync(path.join(s.dir, 'dataset.json'));
  assert.ok(read(a).equals(read(b)));
  assert.ok(!read(a).equals(read(c)));
});
