// Async bulk item jobs: bulk_delete_items / bulk_archive_items and job_status polling.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { startSandbox, TOKENS, dataOf as ok } from './helpers.mjs';
import { JobStore } from '../src/jobs.mjs';

let sb;
const TRACKER = '5000000001';
const OTHER = '5000000002';
const ISO = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d{3})?Z$/;
const STATUS = 'id status created_at updated_at error result { total succeeded failed details }';

before(async () => {
  sb = await startSandbox();
});
after(async () => {
  await sb.stop();
});


async function newItem(board, name = 'bulk job item') {
  return ok(await sb.gql(`mutation { create_item(board_id: ${board}, item_name: "${name}") { id } }`)).create_item.id;
}

async function states(ids) {
  const list = ok(await sb.gql('query ($ids: [ID!]) { items(ids: $ids) { id state } }', { ids })).items;
  return Object.fromEntries(list.map((i) => [i.id, i.state]));
}

const bulk = (kind, board, ids) => sb.gql(`mutation ($b: ID!, $ids: [ID!]!) { bulk_${kind}_items(board_id: $b, item_ids: $ids) { job_id } }`, { b: board, ids });
const poll = (id, opts) => sb.gql(`query ($j: ID!) { job_status(job_id: $j) { ${STATUS} } }`, { j: id }, opts);

test('a new job starts PENDING (the job store itself)', () => {
  const jobs = new JobStore();
  const a = jobs.create({ kind: 'delete', boardId: 1, itemIds: ['1'], creatorId: 1 });
  const b = jobs.create({ kind: 'delete', boardId: 1, itemIds: ['1'], creatorId: 1 });
  assert.equal(a.status, 'PENDING');
  assert.equal(a.result, null);
  assert.match(a.id, /^\d+$/);
  assert.notEqual(a.id, b.id);
  let ran = 0;
  jobs.advance(a, () => { ran++; return { total: 1 }; });
  assert.equal(a.status, 'RUNNING');
  assert.equal(ran, 0);
  jobs.advance(a, () => { ran++; return { total: 1 }; });
  assert.equal(a.status, 'COMPLETED');
  assert.equal(ran, 1);
  jobs.advance(a, () => { ran++; return { total: 1 }; });
  assert.equal(ran, 1, 'a completed job does its work once');
  jobs.clear();
  assert.equal(jobs.get(a.id), null);
  assert.notEqual(jobs.create({ kind: 'delete', boardId: 1, itemIds: ['1'], creatorId: 1 }).id, b.id, 'ids do not repeat after clear');
});

test('bulk_delete_items answers a numeric job id; polls go RUNNING then COMPLETED; items change only at completion', async () => {
  const ids = [await newItem(TRACKER), await newItem(TRACKER), await newItem(TRACKER)];
  const r = ok(await bulk('delete', TRACKER, ids));
  const jobId = r.bulk_delete_items.job_id;
  assert.deepEqual(Object.keys(r.bulk_delete_items), ['job_id']);
  assert.equal(typeof jobId, 'string');
  assert.match(jobId, /^\d+$/);
  const other = ok(await bulk('delete', TRACKER, [ids[0]])).bulk_delete_items.job_id;
  assert.notEqual(other, jobId, 'each job gets its own id');
  assert.deepEqual(Object.values(await states(ids)), ['active', 'active', 'active'], 'nothing changes when the job is created');

  const first = ok(await poll(jobId)).job_status;
  assert.equal(first.id, jobId);
  assert.equal(first.status, 'RUNNING');
  assert.equal(first.result, null);
  assert.equal(first.error, null);
  assert.match(first.created_at, ISO);
  assert.match(first.updated_at, ISO);
  assert.ok(Date.parse(first.updated_at) > Date.parse(first.created_at), 'updated_at moves with the state');
  assert.deepEqual(Object.values(await states(ids)), ['active', 'active', 'active'], 'nothing changes while RUNNING');

  const second = ok(await poll(jobId)).job_status;
  assert.equal(second.status, 'COMPLETED');
  assert.equal(second.created_at, first.created_at);
  assert.ok(Date.parse(second.updated_at) > Date.parse(first.updated_at));
  assert.deepEqual({ ...second.result, details: undefined }, { total: 3, succeeded: 3, failed: 0, details: undefined });
  assert.equal(typeof second.result.details, 'string', 'details is a JSON-encoded string, like ColumnValue.value');
  assert.deepEqual(JSON.parse(second.result.details), { failed_item_ids: [] });
  assert.deepEqual(Object.values(await states(ids)), ['deleted', 'deleted', 'deleted']);

  const third = ok(await poll(jobId)).job_status;
  assert.deepEqual(third, second, 'a completed job stays as it is');
});

test('the items change as delete_item changes them: updated_at and the board listing', async () => {
  const id = await newItem(TRACKER, 'bulk touch');
  const before = ok(await sb.gql(`{ items(ids: [${id}]) { updated_at } }`)).items[0].updated_at;
  const jobId = ok(await bulk('delete', TRACKER, [id])).bulk_delete_items.job_id;
  await new Promise((r) => setTimeout(r, 1100)); // updated_at has second precision
  ok(await poll(jobId));
  ok(await poll(jobId));
  const after = ok(await sb.gql(`{ items(ids: [${id}]) { state updated_at } }`)).items[0];
  assert.equal(after.state, 'deleted');
  assert.ok(Date.parse(after.updated_at) > Date.parse(before), 'the item was touched');
  const listed = ok(await sb.gql(`{ boards(ids: [${TRACKER}]) { items_page(limit: 500, query_params: { ids: [${id}] }) { items { id } } } }`));
  assert.deepEqual(listed.boards[0].items_page.items, []);
});

test('ids that are not items of the board, or cannot change, fail; repeated ids count once', async () => {
  const mine = await newItem(TRACKER, 'bulk mine');
  const archived = await newItem(TRACKER, 'bulk archived');
  const gone = await newItem(TRACKER, 'bulk gone');
  const foreign = await newItem(OTHER, 'bulk foreign');
  ok(await sb.gql(`mutation { archive_item(item_id: ${archived}) { id } }`));
  ok(await sb.gql(`mutation { delete_item(item_id: ${gone}) { id } }`));
  const jobId = ok(await bulk('delete', TRACKER, [mine, foreign, '123', mine, archived, gone, mine])).bulk_delete_items.job_id;
  ok(await poll(jobId));
  const done = ok(await poll(jobId)).job_status;
  assert.equal(done.status, 'COMPLETED');
  assert.equal(done.result.total, 5);
  assert.equal(done.result.succeeded, 2, 'the active and the archived item of the board');
  assert.equal(done.result.failed, 3);
  assert.deepEqual(JSON.parse(done.result.details), { failed_item_ids: [foreign, '123', gone] });
  assert.deepEqual(await states([mine, archived, gone, foreign]), { [mine]: 'deleted', [archived]: 'deleted', [gone]: 'deleted', [foreign]: 'active' });
});

test('bulk_archive_items archives active items only', async () => {
  const a = await newItem(TRACKER, 'archive a');
  const b = await newItem(TRACKER, 'archive b');
  const already = await newItem(TRACKER, 'archive already');
  const deleted = await newItem(TRACKER, 'archive deleted');
  const foreign = await newItem(OTHER, 'archive foreign');
  ok(await sb.gql(`mutation { archive_item(item_id: ${already}) { id } }`));
  ok(await sb.gql(`mutation { delete_item(item_id: ${deleted}) { id } }`));
  const r = ok(await bulk('archive', TRACKER, [a, b, already, deleted, foreign]));
  const jobId = r.bulk_archive_items.job_id;
  assert.match(jobId, /^\d+$/);
  assert.equal(ok(await poll(jobId)).job_status.status, 'RUNNING');
  assert.equal((await states([a]))[a], 'active');
  const done = ok(await poll(jobId)).job_status;
  assert.equal(done.status, 'COMPLETED');
  assert.deepEqual({ total: done.result.total, succeeded: done.result.succeeded, failed: done.result.failed }, { total: 5, succeeded: 2, failed: 3 });
  assert.deepEqual(JSON.parse(done.result.details), { failed_item_ids: [already, deleted, foreign] });
  assert.deepEqual(await states([a, b, already, deleted, foreign]), { [a]: 'archived', [b]: 'archived', [already]: 'archived', [deleted]: 'deleted', [foreign]: 'active' });
});

test('an unknown job id is a GraphQL error', async () => {
  const r = await poll('1');
  assert.equal(r.status, 200);
  assert.equal(r.json.data, null);
  assert.equal(r.json.errors[0].message, 'Job not found');
  assert.equal(r.json.errors[0].extensions.code, 'JobNotFound');
  assert.equal(r.json.errors[0].extensions.status_code, 404);
  assert.deepEqual(r.json.errors[0].extensions.error_data, { job_id: '1' });
});

test('an unknown board and an empty item_ids are refused', async () => {
  const board = await bulk('delete', '999', ['9000000001']);
  assert.equal(board.json.errors[0].extensions.code, 'InvalidBoardIdException');
  assert.deepEqual(board.json.data, { bulk_delete_items: null });
  const archiveBoard = await bulk('archive', '999', ['9000000001']);
  assert.equal(archiveBoard.json.errors[0].extensions.code, 'InvalidBoardIdException');
  const empty = await bulk('delete', TRACKER, []);
  assert.equal(empty.json.errors[0].extensions.code, 'InvalidArgumentException');
  assert.equal(empty.json.errors[0].extensions.status_code, 400);
  assert.match(empty.json.errors[0].message, /item_ids/);
  assert.deepEqual(empty.json.data, { bulk_delete_items: null });
  const emptyArchive = await bulk('archive', TRACKER, []);
  assert.equal(emptyArchive.json.errors[0].extensions.code, 'InvalidArgumentException');
});

test('a job is charged like delete_item; any token of the account may poll it', async () => {
  const id = await newItem(TRACKER, 'bulk cost');
  const m = ok(await sb.gql(`mutation { complexity { query } bulk_delete_items(board_id: ${TRACKER}, item_ids: [${id}]) { job_id } }`));
  const other = await newItem(TRACKER, 'bulk cost 2');
  const d = ok(await sb.gql(`mutation { complexity { query } delete_item(item_id: ${other}) { id } }`));
  assert.equal(m.complexity.query, d.complexity.query);
  const jobId = m.bulk_delete_items.job_id;
  const byMember = ok(await poll(jobId, { token: TOKENS.member })).job_status;
  assert.equal(byMember.status, 'RUNNING');
});

test('/__sandbox/reset forgets the jobs', async () => {
  const id = await newItem(TRACKER, 'bulk reset');
  const jobId = ok(await bulk('archive', TRACKER, [id])).bulk_archive_items.job_id;
  assert.equal(ok(await poll(jobId)).job_status.status, 'RUNNING');
  await sb.control('POST', 'reset');
  const r = await poll(jobId);
  assert.equal(r.json.errors[0].extensions.code, 'JobNotFound');
  const fresh = ok(await bulk('archive', TRACKER, ['9000000001'])).bulk_archive_items.job_id;
  assert.notEqual(fresh, jobId, 'ids are not reused after a reset');
});
