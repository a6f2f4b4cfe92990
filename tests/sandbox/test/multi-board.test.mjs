// items_page nested under boards(ids: [...]) with several ids: one page and one
// cursor per board, complexity multiplied by the number of ids, the 5M cap.
import { test, before, after, beforeEach } from 'node:test';
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
beforeEach(async () => {
  await sb.control('POST', 'reset');
});

const boardIds = (...names) => names.map((n) => ds.boards.find((b) => b.name === n).id);
const activeIds = (id) => ds.boards.find((b) => b.id === id).items.filter((i) => i.state === 'active').map((i) => i.id);

test('each board of boards(ids: [...]) gets its own page and its own cursor', async () => {
  const ids = boardIds('Project Tracker', 'Sales Pipeline', 'Bug Backlog');
  const r = await sb.gql('query ($b: [ID!]) { boards(ids: $b) { id items_page(limit: 3) { cursor items { id board { id } } } } }', { b: ids });
  assert.equal(r.status, 200, JSON.stringify(r.json.errors));
  const boards = r.json.data.boards;
  assert.deepEqual(boards.map((b) => b.id), ids);
  const cursors = new Set();
  for (const b of boards) {
    assert.deepEqual(b.items_page.items.map((i) => i.id), activeIds(b.id).slice(0, 3));
    assert.ok(b.items_page.items.every((i) => i.board.id === b.id));
    assert.ok(b.items_page.cursor);
    cursors.add(b.items_page.cursor);
    // The cursor continues its own board only.
    const next = await sb.gql('query ($c: String!) { next_items_page(cursor: $c, limit: 3) { items { id } } }', { c: b.items_page.cursor });
    assert.deepEqual(next.json.data.next_items_page.items.map((i) => i.id), activeIds(b.id).slice(3, 6));
  }
  assert.equal(cursors.size, 3);
  // A board's items_page refuses a cursor another board issued.
  const [a, b] = boards;
  const wrong = await sb.gql('query ($b: [ID!], $c: String) { boards(ids: $b) { items_page(limit: 3, cursor: $c) { items { id } } } }', { b: [b.id], c: a.items_page.cursor });
  assert.equal(wrong.json.errors[0].extensions.code, 'InvalidArgumentException');
  assert.match(wrong.json.errors[0].message, /another board/);
});

test('complexity multiplies the nested items_page by the number of board ids, found or not', async () => {
  const cost = async (ids, limit) => {
    const r = await sb.gql('query ($b: [ID!], $l: Int!) { complexity { query } boards(ids: $b) { items_page(limit: $l) { cursor items { id name } } } }', { b: ids, l: limit });
    assert.equal(r.status, 200, JSON.stringify(r.json.errors));
    return r.json.data.complexity.query - 11;
  };
  // boards: 10 + ids * (items_page: 10 + cursor 1 + items: 10 + limit * 2)
  const perBoard = (limit) => 10 + 1 + 10 + limit * 2;
  const three = boardIds('Project Tracker', 'Sales Pipeline', 'Bug Backlog');
  assert.equal(await cost(three.slice(0, 1), 100), 10 + perBoard(100));
  assert.equal(await cost(three, 100), 10 + 3 * perBoard(100));
  assert.equal(await cost(three, 500), 10 + 3 * perBoard(500));
  assert.equal(await cost([...three, '1'], 100), 10 + 4 * perBoard(100), 'an id that matches no board still counts');
});

test('a multi-board query over 5,000,000 points is refused before it runs; just under the cap runs', async () => {
  await sb.control('POST', 'config', { complexity_budget: 100_000_000 });
  const all = ds.boards.filter((b) => b.state === 'active').map((b) => b.id);
  assert.ok(all.length >= 10);
  const q = 'query ($b: [ID!]) { complexity { query } boards(ids: $b) { items_page(limit: 500) { items { id subitems { id } } } } }';
  // per board: items_page 10 + items (10 + 500 * (id 1 + subitems (10 + 1000 * id 1)))
  const perBoard = 10 + 10 + 500 * (1 + 10 + 1000);
  const over = await sb.gql(q, { b: all.slice(0, 10) });
  assert.equal(over.status, 200);
  assert.equal(over.json.data, undefined);
  assert.equal(over.json.errors[0].extensions.code, 'ComplexityException');
  assert.equal(over.json.errors[0].message, `Query has complexity of ${11 + 10 + 10 * perBoard}, which exceeds max complexity of 5000000`);
  const under = await sb.gql(q, { b: all.slice(0, 9) });
  assert.equal(under.status, 200, JSON.stringify(under.json.errors));
  assert.equal(under.json.data.complexity.query, 11 + 10 + 9 * perBoard);
  assert.equal(under.json.data.boards.length, 9);
  // The refused query cost nothing; the one that ran was charged.
  const log = sb.requests().filter((l) => l.path === '/v2').slice(-2);
  assert.deepEqual(log.map((l) => l.complexity), [0, 11 + 10 + 9 * perBoard]);
});
