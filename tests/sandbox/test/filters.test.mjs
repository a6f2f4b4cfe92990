// items_page query_params: expected results are recomputed from dataset.json.
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

const board = (name) => ds.boards.find((b) => b.name === name);
const active = (b) => b.items.filter((i) => i.state === 'active');
const cell = (item, id) => item.column_values.find((c) => c.id === id);
const val = (item, id) => {
  const v = cell(item, id).value;
  return v == null ? null : JSON.parse(v);
};

async function filter(b, queryParams) {
  const r = await sb.gql(
    'query ($b: [ID!], $q: ItemsQuery) { boards(ids: $b) { items_page(limit: 500, query_params: $q) { cursor items { id } } } }',
    { b: [b.id], q: queryParams },
  );
  return r;
}

async function ids(b, queryParams) {
  const r = await filter(b, queryParams);
  assert.equal(r.status, 200);
  assert.equal(r.json.errors, undefined, JSON.stringify(r.json.errors));
  let page = r.json.data.boards[0].items_page;
  const out = page.items.map((i) => i.id);
  for (let n = 0; page.cursor && n < 20; n++) {
    const next = await sb.gql('query ($c: String!) { next_items_page(cursor: $c, limit: 500) { cursor items { id } } }', { c: page.cursor });
    page = next.json.data.next_items_page;
    out.push(...page.items.map((i) => i.id));
  }
  return out;
}

test('status any_of label ids, with 5 meaning empty', async () => {
  const b = board('Project Tracker');
  const expected = active(b).filter((i) => [1, 5].includes(val(i, 'status')?.index ?? 5)).map((i) => i.id);
  assert.ok(expected.length > 0);
  assert.deepEqual(await ids(b, { rules: [{ column_id: 'status', compare_value: [1, 5], operator: 'any_of' }] }), expected);
});

test('numbers greater_than and lower_than_or_equal', async () => {
  const b = board('Bug Backlog');
  const num = (i) => (cell(i, 'numbers').text === '' ? null : Number(cell(i, 'numbers').text));
  const gt = active(b).filter((i) => num(i) != null && num(i) > 1000).map((i) => i.id);
  assert.deepEqual(await ids(b, { rules: [{ column_id: 'numbers', compare_value: 1000, operator: 'greater_than' }] }), gt);
  const le = active(b).filter((i) => num(i) != null && num(i) <= 50).map((i) => i.id);
  assert.deepEqual(await ids(b, { rules: [{ column_id: 'numbers', compare_value: [50], operator: 'lower_than_or_equal' }] }), le);
});

test('date between is inclusive', async () => {
  const b = board('Bug Backlog');
  const d = (i) => val(i, 'date4')?.date;
  const expected = active(b).filter((i) => d(i) && d(i) >= '2026-03-01' && d(i) <= '2026-03-31').map((i) => i.id);
  assert.ok(expected.length > 0);
  assert.deepEqual(await ids(b, { rules: [{ column_id: 'date4', compare_value: ['2026-03-01', '2026-03-31'], operator: 'between' }] }), expected);
  const exact = active(b).filter((i) => d(i) === '2026-03-02').map((i) => i.id);
  assert.deepEqual(await ids(b, { rules: [{ column_id: 'date4', compare_value: ['EXACT', '2026-03-02'], operator: 'any_of' }] }), exact);
});

test('name contains_text ignores case; text is_empty / is_not_empty', async () => {
  const b = board('Bug Backlog');
  const expected = active(b).filter((i) => i.name.toLowerCase().includes('crash')).map((i) => i.id);
  assert.ok(expected.length > 0);
  assert.deepEqual(await ids(b, { rules: [{ column_id: 'name', compare_value: 'CRASH', operator: 'contains_text' }] }), expected);
  const empty = active(b).filter((i) => cell(i, 'text_mkk7q3zr').text === '').map((i) => i.id);
  assert.deepEqual(await ids(b, { rules: [{ column_id: 'text_mkk7q3zr', compare_value: [], operator: 'is_empty' }] }), empty);
  const notEmpty = active(b).filter((i) => cell(i, 'text_mkk7q3zr').text !== '').map((i) => i.id);
  assert.deepEqual(await ids(b, { rules: [{ column_id: 'text_mkk7q3zr', compare_value: [], operator: 'is_not_empty' }] }), notEmpty);
});

test('people any_of takes person-<id>; checkbox is_not_empty means checked', async () => {
  const b = board('Bug Backlog');
  const who = (i) => (val(i, 'person')?.personsAndTeams || []).map((p) => p.id);
  const expected = active(b).filter((i) => who(i).includes(10000003)).map((i) => i.id);
  assert.ok(expected.length > 0);
  assert.deepEqual(await ids(b, { rules: [{ column_id: 'person', compare_value: ['person-10000003'], operator: 'any_of' }] }), expected);
  const checked = active(b).filter((i) => cell(i, 'checkbox').text === 'v').map((i) => i.id);
  assert.deepEqual(await ids(b, { rules: [{ column_id: 'checkbox', compare_value: [], operator: 'is_not_empty' }] }), checked);
});

test('rules combine with or, nested groups, the group column and ids', async () => {
  const b = board('Bug Backlog');
  const status = (i) => val(i, 'status')?.index;
  const prio = (i) => val(i, 'priority')?.index;
  const expected = active(b)
    .filter((i) => i.group_id === 'group_triaged' && (status(i) === 2 || prio(i) === 2))
    .map((i) => i.id);
  const got = await ids(b, {
    rules: [{ column_id: 'group', compare_value: ['group_triaged'] }],
    groups: [{ rules: [{ column_id: 'status', compare_value: [2] }, { column_id: 'priority', compare_value: [2] }], operator: 'or' }],
    operator: 'and',
  });
  assert.deepEqual(got, expected);
  const some = active(b).slice(3, 6).map((i) => i.id);
  assert.deepEqual(await ids(b, { ids: some }), some);
  assert.deepEqual(await ids(b, { rules: [{ column_id: '__item_id__', compare_value: some }] }), some);
});

test('order_by sorts by a column, blanks last', async () => {
  const b = board('Sales Pipeline');
  const num = (i) => (cell(i, 'deal_value').text === '' ? null : Number(cell(i, 'deal_value').text));
  const expected = active(b)
    .map((i, n) => [i, n])
    .sort((x, y) => {
      const a = num(x[0]);
      const c = num(y[0]);
      if (a === c) return x[1] - y[1];
      if (a == null) return 1;
      if (c == null) return -1;
      return c - a;
    })
    .map((x) => x[0].id);
  assert.deepEqual(await ids(b, { order_by: [{ column_id: 'deal_value', direction: 'desc' }] }), expected);
});

test('dropdown contains_text, status contains_terms, text not_contains_text', async () => {
  const b = board('Project Tracker');
  const dd = active(b).filter((i) => (cell(i, 'dropdown').text || '').toLowerCase().includes('design')).map((i) => i.id);
  assert.deepEqual(await ids(b, { rules: [{ column_id: 'dropdown', compare_value: 'design', operator: 'contains_text' }] }), dd);
  const st = active(b).filter((i) => (cell(i, 'priority').text || '').toLowerCase().includes('high')).map((i) => i.id);
  assert.deepEqual(await ids(b, { rules: [{ column_id: 'priority', compare_value: 'high', operator: 'contains_terms' }] }), st);
  const nt = active(b).filter((i) => !cell(i, 'text').text.toLowerCase().includes('budget')).map((i) => i.id);
  assert.deepEqual(await ids(b, { rules: [{ column_id: 'text', compare_value: 'budget', operator: 'not_contains_text' }] }), nt);
});

test('timeline comparisons need compare_attribute', async () => {
  const b = board('Marketing Calendar');
  const bad = await filter(b, { rules: [{ column_id: 'timeline', compare_value: ['2026-06-01'], operator: 'greater_than' }] });
  assert.equal(bad.json.errors[0].extensions.code, 'InvalidArgumentException');
  const from = (i) => val(i, 'timeline')?.from;
  const expected = active(b).filter((i) => from(i) && from(i) > '2026-06-01').map((i) => i.id);
  assert.deepEqual(await ids(b, { rules: [{ column_id: 'timeline', compare_value: ['2026-06-01'], compare_attribute: 'START_DATE', operator: 'greater_than' }] }), expected);
});

test('unsupported operator/type combinations and unknown columns are rejected', async () => {
  const b = board('Project Tracker');
  const cases = [
    [{ column_id: 'status', compare_value: [1], operator: 'greater_than' }, 'InvalidArgumentException'],
    [{ column_id: 'checkbox', compare_value: ['x'], operator: 'any_of' }, 'InvalidArgumentException'],
    [{ column_id: 'files', compare_value: [], operator: 'is_empty' }, 'InvalidArgumentException'],
    [{ column_id: 'formula', compare_value: ['1'], operator: 'any_of' }, 'InvalidArgumentException'],
    [{ column_id: 'no_such_column', compare_value: [1] }, 'InvalidColumnIdException'],
  ];
  for (const [rule, code] of cases) {
    const r = await filter(b, { rules: [rule] });
    assert.equal(r.status, 200);
    assert.equal(r.json.errors[0].extensions.code, code, JSON.stringify(rule));
    assert.equal(r.json.data.boards[0], null);
  }
});

test('the filter survives the cursor chain', async () => {
  const b = board('Bug Backlog');
  const expected = active(b).filter((i) => val(i, 'status')?.index === 1).map((i) => i.id);
  const first = await sb.gql(`{ boards(ids: [${b.id}]) { items_page(limit: 100, query_params: { rules: [{ column_id: "status", compare_value: [1] }] }) { cursor items { id } } } }`);
  let page = first.json.data.boards[0].items_page;
  const got = page.items.map((i) => i.id);
  while (page.cursor) {
    const r = await sb.gql('query ($c: String!) { next_items_page(cursor: $c, limit: 100) { cursor items { id } } }', { c: page.cursor });
    page = r.json.data.next_items_page;
    got.push(...page.items.map((i) => i.id));
  }
  assert.deepEqual(got, expected);
});

test('items_page_by_column_values matches cell text', async () => {
  const b = board('Sales Pipeline');
  const expected = active(b).filter((i) => ['Won', 'Lost'].includes(cell(i, 'status').text)).map((i) => i.id);
  const r = await sb.gql(`{ items_page_by_column_values(board_id: ${b.id}, limit: 500, columns: [{ column_id: "status", column_values: ["Won", "Lost"] }]) { cursor items { id } } }`);
  assert.deepEqual(r.json.data.items_page_by_column_values.items.map((i) => i.id), expected);
});
