// page/limit paging and items_page / next_items_page cursors.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { startSandbox } from './helpers.mjs';

let sb;
let ds;
before(async () => {
  sb = await startSandbox();
  ds = sb.dataset();
});
after(async () => {
  await sb.stop();
});

const bugBoard = () => ds.boards.find((b) => b.name === 'Bug Backlog');

async function drainBoard(boardId, limit, queryParams) {
  const first = await sb.gql(
    'query ($b: [ID!], $l: Int!, $q: ItemsQuery) { boards(ids: $b) { items_page(limit: $l, query_params: $q) { cursor items { id name } } } }',
    { b: [boardId], l: limit, q: queryParams ?? null },
  );
  assert.equal(first.status, 200, JSON.stringify(first.json.errors));
  let page = first.json.data.boards[0].items_page;
  const ids = page.items.map((i) => i.id);
  let pages = 1;
  while (page.cursor && pages < 100) {
    const r = await sb.gql('query ($c: String!, $l: Int!) { next_items_page(cursor: $c, limit: $l) { cursor items { id } } }', { c: page.cursor, l: limit });
    assert.equal(r.status, 200, JSON.stringify(r.json.errors));
    page = r.json.data.next_items_page;
    ids.push(...page.items.map((i) => i.id));
    pages++;
  }
  return { ids, pages };
}

test('a 500-item cursor chain returns every active item of the big board once, in order', async () => {
  const board = bugBoard();
  const expected = board.items.filter((i) => i.state === 'active').map((i) => i.id);
  assert.ok(expected.length >= 1200);
  const { ids, pages } = await drainBoard(board.id, 500);
  assert.equal(pages, Math.ceil(expected.length / 500));
  assert.deepEqual(ids, expected);
});

test('the cursor is null on the last page and for an empty result', async () => {
  const board = ds.boards.find((b) => b.name === 'Executive Private');
  const r = await sb.gql(`{ boards(ids: [${board.id}]) { items_page(limit: 500) { cursor items { id } } } }`);
  assert.equal(r.json.data.boards[0].items_page.cursor, null);
  assert.equal(r.json.data.boards[0].items_page.items.length, board.items.filter((i) => i.state === 'active').length);
  const none = await sb.gql(`{ boards(ids: [${board.id}]) { items_page(limit: 5, query_params: { ids: [1] }) { cursor items { id } } } }`);
  assert.deepEqual(none.json.data.boards[0].items_page, { cursor: null, items: [] });
});

test('items_page defaults to 25 and rejects a limit above 500', async () => {
  const r = await sb.gql(`{ boards(ids: [${bugBoard().id}]) { items_page { cursor items { id } } } }`);
  assert.equal(r.json.data.boards[0].items_page.items.length, 25);
  const big = await sb.gql(`{ boards(ids: [${bugBoard().id}]) { items_page(limit: 501) { cursor } } }`);
  assert.equal(big.status, 200);
  assert.equal(big.json.errors[0].extensions.code, 'InvalidArgumentException');
  assert.deepEqual(big.json.errors[0].path, ['boards', 0, 'items_page']);
  const next = await sb.gql('{ next_items_page(cursor: "x", limit: 1000) { cursor } }');
  assert.equal(next.json.errors[0].extensions.code, 'InvalidArgumentException');
});

test('query_params together with a cursor is rejected', async () => {
  const first = await sb.gql(`{ boards(ids: [${bugBoard().id}]) { items_page(limit: 10) { cursor } } }`);
  const cursor = first.json.data.boards[0].items_page.cursor;
  const r = await sb.gql('query ($c: String) { boards(ids: [' + bugBoard().id + ']) { items_page(limit: 10, cursor: $c, query_params: { rules: [{ column_id: "status", compare_value: [1] }] }) { cursor } } }', { c: cursor });
  assert.equal(r.json.errors[0].extensions.code, 'InvalidArgumentException');
  assert.match(r.json.errors[0].message, /query_params/);
});

test('next_items_page is only available at the root', async () => {
  const r = await sb.gql(`{ boards(ids: [${bugBoard().id}]) { next_items_page(cursor: "x") { cursor } } }`);
  assert.equal(r.status, 200);
  assert.match(r.json.errors[0].message, /next_items_page/);
});

test('a cursor expires after --cursor-ttl-seconds with a CursorExpiredError', async () => {
  await sb.control('POST', 'config', { cursor_ttl_seconds: 1 });
  try {
    const first = await sb.gql(`{ boards(ids: [${bugBoard().id}]) { items_page(limit: 100) { cursor } } }`);
    const cursor = first.json.data.boards[0].items_page.cursor;
    const ok = await sb.gql('query ($c: String!) { next_items_page(cursor: $c, limit: 100) { items { id } } }', { c: cursor });
    assert.equal(ok.json.data.next_items_page.items.length, 100);
    await new Promise((r) => setTimeout(r, 1200));
    const late = await sb.gql('query ($c: String!) { next_items_page(cursor: $c, limit: 100) { items { id } } }', { c: cursor });
    assert.equal(late.status, 200);
    assert.equal(late.json.errors[0].extensions.code, 'CursorExpiredError');
    assert.match(late.json.errors[0].message, /expired/);
  } finally {
    await sb.control('POST', 'config', { cursor_ttl_seconds: 3600 });
  }
});

test('a cursor only works for the user who opened it', async () => {
  const first = await sb.gql(`{ boards(ids: [${bugBoard().id}]) { items_page(limit: 10) { cursor } } }`);
  const cursor = first.json.data.boards[0].items_page.cursor;
  const r = await sb.gql('query ($c: String!) { next_items_page(cursor: $c, limit: 10) { items { id } } }', { c: cursor }, { token: 'sandbox-member-token' });
  assert.equal(r.json.errors[0].extensions.code, 'CursorException');
});

test('a malformed cursor is rejected', async () => {
  const r = await sb.gql('{ next_items_page(cursor: "bm90IGEgY3Vyc29y", limit: 5) { cursor } }');
  assert.equal(r.json.errors[0].extensions.code, 'CursorException');
});

test('Group.items_page pages only that group', async () => {
  const board = bugBoard();
  const groupId = board.groups[1].id;
  const expected = board.items.filter((i) => i.state === 'active' && i.group_id === groupId).map((i) => i.id);
  const r = await sb.gql(`{ boards(ids: [${board.id}]) { groups(ids: ["${groupId}"]) { items_page(limit: 500) { cursor items { id } } } } }`);
  assert.deepEqual(r.json.data.boards[0].groups[0].items_page.items.map((i) => i.id), expected);
});

test('boards page with limit/page and the totals match dataset.json', async () => {
  const active = ds.boards.filter((b) => b.state === 'active').map((b) => b.id);
  const seen = [];
  for (let page = 1; ; page++) {
    const r = await sb.gql(`{ boards(limit: 4, page: ${page}) { id } }`);
    const ids = r.json.data.boards.map((b) => b.id);
    seen.push(...ids);
    if (ids.length < 4) break;
  }
  assert.deepEqual(seen, active);
  const archived = await sb.gql('{ boards(state: archived) { id name } }');
  assert.deepEqual(archived.json.data.boards.map((b) => b.name), ['Old Roadmap 2024']);
  const all = await sb.gql('{ boards(state: all, limit: 100) { id } }');
  assert.equal(all.json.data.boards.length, ds.boards.length);
});

test('users default to 200 per page, allow 1000 and reject more', async () => {
  const r = await sb.gql('{ users { id status } }');
  assert.equal(r.json.data.users.length, ds.users.filter((u) => u.status !== 'INACTIVE').length);
  assert.ok(r.json.data.users.every((u) => u.status !== 'INACTIVE'));
  const all = await sb.gql('{ users(limit: 1000, status: [ACTIVE, PENDING, INACTIVE]) { id } }');
  assert.equal(all.json.data.users.length, ds.users.length);
  const paged = await sb.gql('{ users(limit: 5, page: 2) { id } }');
  assert.deepEqual(paged.json.data.users.map((u) => u.id), ds.users.filter((u) => u.status !== 'INACTIVE').slice(5, 10).map((u) => u.id));
  const over = await sb.gql('{ users(limit: 1001) { id } }');
  assert.equal(over.json.errors[0].extensions.code, 'InvalidArgumentException');
});

test('items(ids) returns the listed items, all states, at most 100 ids', async () => {
  const board = ds.boards.find((b) => b.name === 'Project Tracker');
  const ids = board.items.map((i) => i.id);
  const r = await sb.gql('query ($ids: [ID!]) { items(ids: $ids) { id state } }', { ids });
  assert.deepEqual(r.json.data.items.map((i) => i.id), ids);
  assert.ok(r.json.data.items.some((i) => i.state === 'deleted'));
  const active = await sb.gql('query ($ids: [ID!]) { items(ids: $ids, exclude_nonactive: true) { id } }', { ids });
  assert.equal(active.json.data.items.length, board.items.filter((i) => i.state === 'active').length);
  const many = bugBoard().items.slice(0, 101).map((i) => i.id);
  const over = await sb.gql('query ($ids: [ID!]) { items(ids: $ids) { id } }', { ids: many });
  assert.equal(over.json.errors[0].extensions.code, 'InvalidArgumentException');
});

test('column values served over GraphQL equal dataset.json', async () => {
  const board = ds.boards.find((b) => b.name === 'Project Tracker');
  const r = await sb.gql(`{ boards(ids: [${board.id}]) { items_page(limit: 100) { items { id name group { id } column_values { id type text value } } } } }`);
  const got = r.json.data.boards[0].items_page.items;
  const expected = board.items.filter((i) => i.state === 'active');
  assert.equal(got.length, expected.length);
  for (const [k, item] of got.entries()) {
    assert.equal(item.id, expected[k].id);
    assert.equal(item.group.id, expected[k].group_id);
    assert.deepEqual(item.column_values, expected[k].column_values);
  }
});

test('subitems link to their parent through a hidden subitems board', async () => {
  const tracker = ds.boards.find((b) => b.name === 'Project Tracker');
  const parent = tracker.items.find((i) => i.subitem_ids.length > 0 && i.state === 'active');
  const r = await sb.gql(`{ items(ids: [${parent.id}]) { subitems { id board { id type } parent_item { id } } } }`);
  const subs = r.json.data.items[0].subitems;
  assert.deepEqual(subs.map((s) => s.id), parent.subitem_ids);
  assert.ok(subs.every((s) => s.parent_item.id === parent.id && s.board.type === 'sub_items_board'));
  const settings = JSON.parse(tracker.columns.find((c) => c.type === 'subtasks').settings);
  assert.equal(String(settings.boardIds[0]), subs[0].board.id);
});
