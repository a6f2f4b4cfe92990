// The sandbox SDL against monday's published schema, and the request validator.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { spawnSync } from 'node:child_process';
import { startSandbox, SANDBOX_DIR } from './helpers.mjs';
import { referenceSchemaPath } from '../check-sdl.mjs';

const reference = referenceSchemaPath();
const haveReference = fs.existsSync(reference);
const run = (script, args, env = {}) => spawnSync(process.execPath, [path.join(SANDBOX_DIR, script), ...args], { encoding: 'utf8', env: { ...process.env, ...env } });

let sb;
before(async () => {
  sb = await startSandbox();
});
after(async () => {
  await sb.stop();
});

test('the sandbox SDL carries no description text', () => {
  for (const f of fs.readdirSync(path.join(SANDBOX_DIR, 'schema'))) {
    const text = fs.readFileSync(path.join(SANDBOX_DIR, 'schema', f), 'utf8');
    assert.ok(!/^\s*"/m.test(text), `${f} has a description string`);
  }
});

test('check-sdl: the sandbox SDL matches monday\'s schema', { skip: !haveReference && `no reference schema at ${reference}` }, () => {
  const r = run('check-sdl.mjs', []);
  assert.equal(r.status, 0, r.stdout + r.stderr);
  assert.match(r.stdout, /^OK: \d+ sandbox types match/);
});

test('check-sdl: reports differences and exits non-zero', () => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'monday-sdl-'));
  const fake = path.join(dir, 'schema.graphql');
  fs.writeFileSync(fake, 'type Query { me: String boards(ids: [ID!], limit: Int = 10): [String] }\n');
  const r = run('check-sdl.mjs', [fake]);
  assert.equal(r.status, 1);
  assert.match(r.stdout, /Query\.me: type User here, String in monday's schema/);
  assert.match(r.stdout, /Query\.boards\(limit\): default 25 here, 10 in monday's schema/);
  assert.match(r.stdout, /type Board: not in monday's schema/);
});

test('check-sdl and validate-requests skip when the reference is absent', () => {
  const missing = path.join(os.tmpdir(), 'no-such-dir', 'schema.graphql');
  const a = run('check-sdl.mjs', [], { MONDAY_REFERENCE_SCHEMA: missing });
  assert.equal(a.status, 0);
  assert.equal(a.stdout.trim(), `SKIPPED: monday schema not found at ${missing}`);
  const b = run('validate-requests.mjs', [path.join(sb.dir, 'requests.jsonl'), missing]);
  assert.equal(b.status, 0);
  assert.match(b.stdout, /^SKIPPED/);
});

test('validate-requests passes valid traffic and names invalid documents', { skip: !haveReference && `no reference schema at ${reference}` }, async () => {
  await sb.gql('query Boards($ids: [ID!], $limit: Int) { boards(ids: $ids, limit: $limit) { id name columns { id type settings } } }', { ids: ['5000000001'], limit: 5 }, { operationName: 'Boards' });
  await sb.gql('query ($c: String!) { next_items_page(cursor: $c, limit: 500) { cursor items { id } } }', { c: 'x' });
  await sb.gql('query ($b: [ID!], $q: ItemsQuery) { boards(ids: $b) { items_page(limit: 100, query_params: $q) { items { id column_values { id text value ... on StatusValue { index label } } } } } }',
    { b: ['5000000003'], q: { rules: [{ column_id: 'status', compare_value: [1], operator: 'any_of' }], operator: 'and' } });
  await sb.gql('mutation ($v: JSON!) { change_multiple_column_values(board_id: 5000000001, item_id: 9000000032, column_values: $v) { id } }', { v: '{"text":"x"}' });
  const log = path.join(sb.dir, 'requests.jsonl');
  const ok = run('validate-requests.mjs', [log]);
  assert.equal(ok.status, 0, ok.stdout);
  assert.match(ok.stdout, /^4 documents, 4 distinct, all valid/);

  await sb.gql('{ boards { id no_such_field } }');
  await sb.gql('query ($l: Int) { users(limit: $l) { id } }', { l: 'ten' });
  const bad = run('validate-requests.mjs', [log]);
  assert.equal(bad.status, 1);
  assert.match(bad.stdout, /6 documents, 6 distinct, 2 invalid/);
  assert.match(bad.stdout, /no_such_field/);
  assert.match(bad.stdout, /variables:/);
});
