// duplicate_board, duplicate_group, move_item_to_board and notifications behave as monday
// documents them (names, what is copied, column mapping rules, the recipient's list).
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { startSandbox, TOKENS, dataOf as ok } from './helpers.mjs';

let sb;
const TRACKER = '5000000001';
const SALES = '5000000002';
before(async () => {
  sb = await startSandbox();
});
after(async () => {
  await sb.stop();
});


test('duplicate_board copies structure, and items only when asked', async () => {
  const board = (await sb.gql(`{ boards(ids: [${TRACKER}]) { name columns { id } groups { id } items_count } }`)).json.data.boards[0];
  const structure = ok(await sb.gql('mutation ($b: ID!) { duplicate_board(board_id: $b, duplicate_type: duplicate_board_with_structure) { is_async board { id name items_count columns { id } groups { id } } } }', { b: TRACKER })).duplicate_board;
  assert.equal(structure.is_async, false);
  assert.equal(structure.board.name, `Duplicate of ${board.name}`);
  assert.equal(structure.board.items_count, 0);
  assert.deepEqual(structure.board.groups.map((g) => g.id), board.groups.map((g) => g.id));
  assert.ok(structure.board.columns.length > 5);

  const withItems = ok(await sb.gql('mutation ($b: ID!, $n: String) { duplicate_board(board_id: $b, duplicate_type: duplicate_board_with_pulses, board_name: $n) { board { id name items_count } } }', { b: SALES, n: 'Sales copy' })).duplicate_board;
  const sales = (await sb.gql(`{ boards(ids: [${SALES}]) { items_page(limit: 500) { items { id } } } }`)).json.data.boards[0];
  assert.equal(withItems.board.name, 'Sales copy');
  assert.equal(withItems.board.items_count, sales.items_page.items.length);
  assert.notEqual(withItems.board.id, SALES);
});

test('duplicate_group puts a titled copy with the items below the original', async () => {
  const before = (await sb.gql(`{ boards(ids: [${SALES}]) { groups { id title position items_page(limit: 500) { items { id name } } } } }`)).json.data.boards[0].groups;
  const src = before[0];
  const copy = ok(await sb.gql('mutation ($b: ID!, $g: String!) { duplicate_group(board_id: $b, group_id: $g) { id title position items_page(limit: 500) { items { name } } } }', { b: SALES, g: src.id })).duplicate_group;
  assert.equal(copy.title, `Duplicate of ${src.title}`);
  assert.notEqual(copy.id, src.id);
  assert.deepEqual(copy.items_page.items.map((i) => i.name), src.items_page.items.map((i) => i.name));
  assert.ok(Number(copy.position) > Number(src.position));
  const top = ok(await sb.gql('mutation ($b: ID!, $g: String!) { duplicate_group(board_id: $b, group_id: $g, group_title: "On top", add_to_top: true) { title position } }', { b: SALES, g: src.id })).duplicate_group;
  assert.equal(top.title, 'On top');
  assert.ok(before.every((g) => Number(top.position) < Number(g.position)));
});

test('move_item_to_board moves the item and maps its values', async () => {
  const target = ok(await sb.gql('mutation { create_board(board_name: "Move target", board_kind: public) { id groups { id } columns { id type title } } }')).create_board;
  const item = (await sb.gql(`{ boards(ids: [${TRACKER}]) { items_page(limit: 1) { items { id name column_values(ids: ["status"]) { text } } } } }`)).json.data.boards[0].items_page.items[0];
  // Without a mapping the Status column goes to the target's column of the same title and type.
  const moved = ok(await sb.gql('mutation ($i: ID!, $b: ID!, $g: ID!) { move_item_to_board(item_id: $i, board_id: $b, group_id: $g) { id name board { id } group { id } column_values { id type text } } }', { i: item.id, b: target.id, g: target.groups[0].id })).move_item_to_board;
  assert.equal(moved.id, item.id);
  assert.equal(moved.board.id, target.id);
  assert.equal(moved.group.id, target.groups[0].id);
  const status = target.columns.find((c) => c.type === 'status');
  assert.ok(item.column_values[0].text);
  assert.equal(moved.column_values.find((c) => c.id === status.id).text, item.column_values[0].text);
  const gone = (await sb.gql(`{ boards(ids: [${TRACKER}]) { items_page(limit: 500) { items { id } } } }`)).json.data.boards[0].items_page.items;
  assert.ok(!gone.some((i) => i.id === item.id));

  // With a mapping every source column must be listed.
  const back = await sb.gql('mutation ($i: ID!, $b: ID!, $g: ID!, $m: [ColumnMappingInput!]) { move_item_to_board(item_id: $i, board_id: $b, group_id: $g, columns_mapping: $m) { id } }', { i: item.id, b: SALES, g: 'topics', m: [{ source: 'status', target: null }] });
  assert.match(back.json.errors[0].message, /must map every column/);
});

test('create_notification reaches the recipient\'s notifications', async () => {
  const sent = ok(await sb.gql('mutation { create_notification(user_id: 10000002, target_id: 9000000001, target_type: Project, text: "Please look") { id text } }')).create_notification;
  assert.equal(sent.text, 'Please look');
  const theirs = ok(await sb.gql('{ notifications { id text read item { id } creators { id } } }', {}, { token: TOKENS.member })).notifications;
  assert.equal(theirs[0].id, sent.id);
  assert.equal(theirs[0].item.id, '9000000001');
  assert.equal(theirs[0].creators[0].id, '10000001');
  assert.equal(theirs[0].read, false);
  const mine = ok(await sb.gql('{ notifications { id } }')).notifications;
  assert.ok(!mine.some((x) => x.id === sent.id));
  const bad = await sb.gql('mutation { create_notification(user_id: 10000002, target_id: 1, target_type: Project, text: "x") { id } }');
  assert.match(bad.json.errors[0].message, /was not found/);
});
