// Multi-level boards as monday's "Working with multi-level boards" guide describes them.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { startSandbox, dataOf as ok } from './helpers.mjs';

let sb;
const BOARD = '5000000012';

before(async () => {
  sb = await startSandbox();
});
after(async () => {
  await sb.stop();
});


const page = async (args) =>
  ok(await sb.gql(`{ boards(ids: [${BOARD}]) { items_page(limit: 100${args}) { items { id name parent_item { id } } } } }`)).boards[0].items_page.items;

test('boards leaves multi-level boards out before 2026-04 unless hierarchy_types asks', async () => {
  const ids = async (args, version) => ok(await sb.gql(`{ boards(limit: 100${args}) { id hierarchy_type } }`, {}, { version })).boards.map((b) => b.id);
  assert.ok(!(await ids('', '2026-01')).includes(BOARD));
  assert.ok((await ids(', hierarchy_types: [classic, multi_level]', '2026-01')).includes(BOARD));
  assert.ok((await ids('', '2026-04')).includes(BOARD));
  assert.deepEqual(await ids(', hierarchy_types: [multi_level]', '2026-10'), [BOARD]);
});

test('items_page lists top-level items unless allItems; allItems lists every level', async () => {
  const top = await page('');
  assert.equal(top.length, 4);
  assert.ok(top.every((i) => i.parent_item === null));
  const all = await page(', hierarchy_scope_config: "allItems"');
  assert.equal(all.length, 14);
  const byId = new Map(all.map((i) => [i.id, i]));
  const depth = (i) => (i.parent_item ? 1 + depth(byId.get(i.parent_item.id)) : 0);
  assert.equal(Math.max(...all.map(depth)), 4);
});

test('with allItems a matching subitem comes with its parents; without, rules see top-level items only', async () => {
  const rule = ', query_params: { rules: [{ column_id: "text", compare_value: ["React"], operator: any_of }] }';
  assert.deepEqual((await page(rule)).map((i) => i.name), []);
  assert.deepEqual((await page(`${rule}, hierarchy_scope_config: "allItems"`)).map((i) => i.name), ['Website relaunch', 'Build', 'Front end']);
});

test('subitems lists every descendant; rollups need CALCULATED and a status rollup is a BatteryValue', async () => {
  const item = ok(await sb.gql(`{ boards(ids: [${BOARD}]) { items_page(limit: 1) { items { name subitems { name }
    plain: column_values { id }
    calc: column_values(capabilities: [CALCULATED]) { id text is_leaf ... on NumbersValue { number } ... on BatteryValue { battery_value { key count } } } } } } }`)).boards[0].items_page.items[0];
  assert.equal(item.name, 'Website relaunch');
  assert.equal(item.subitems.length, 8);
  assert.deepEqual(item.plain.map((c) => c.id), ['person', 'text', 'subtasks']);
  const numbers = item.calc.find((c) => c.id === 'numbers');
  assert.equal(numbers.number, 9500.5);
  assert.equal(numbers.is_leaf, false);
  const status = item.calc.find((c) => c.id === 'status');
  assert.equal(status.battery_value.reduce((n, b) => n + b.count, 0), 4);
  assert.equal(status.text, null);
});

test('create_subitem nests on the board itself, at most five levels; deleting a parent deletes below it', async () => {
  const all = await page(', hierarchy_scope_config: "allItems"');
  const deepest = all.find((i) => i.name === 'Hero section sketch');
  const wireframe = all.find((i) => i.name === 'Home page wireframe');
  const made = ok(await sb.gql(`mutation { create_subitem(parent_item_id: ${wireframe.id}, item_name: "Footer") { id board { id } parent_item { id } } }`)).create_subitem;
  assert.equal(made.board.id, BOARD);
  assert.equal(made.parent_item.id, wireframe.id);
  const sixth = await sb.gql(`mutation { create_subitem(parent_item_id: ${deepest.id}, item_name: "Too deep") { id } }`);
  assert.equal(sixth.json.errors[0].extensions.code, 'InvalidArgumentException');
  ok(await sb.gql(`mutation { delete_item(item_id: ${wireframe.id}) { id } }`));
  const left = await page(', hierarchy_scope_config: "allItems"');
  assert.equal(left.length, 14 - 2);
  assert.ok(!left.some((i) => i.name === 'Footer' || i.name === 'Hero section sketch'));
  await sb.control('POST', 'reset', {});
});
