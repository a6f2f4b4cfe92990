// The aggregate query: every answer is checked against a brute-force
// computation over dataset.json (the same seeded data as the API shows it).
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { startSandbox, TOKENS } from './helpers.mjs';
import { labelStyle } from '../src/data/column-types.mjs';

let sb;
let ds;
before(async () => {
  sb = await startSandbox();
  ds = sb.dataset();
});
after(async () => {
  await sb.stop();
});

const AGG = `query ($q: AggregateQueryInput!) { aggregate(query: $q) { results { entries { alias value {
  __typename ... on AggregateBasicAggregationResult { result } ... on AggregateGroupByResult { value } } } } } }`;

// Runs an aggregate; returns the raw response and the result sets as rows {alias: value}.
async function aggregate(q, opts) {
  const r = await sb.gql(AGG, { q }, opts);
  const results = r.json.data && r.json.data.aggregate ? r.json.data.aggregate.results : null;
  const rows = (results || []).map((set) => Object.fromEntries(set.entries.map((e) => [e.alias, 'result' in e.value ? e.value.result : e.value.value])));
  return { r, results, rows, errors: r.json.errors };
}

const col = (id, as = id) => ({ type: 'COLUMN', column: { column_id: id }, as });
const fn = (name, as, param) => ({ type: 'FUNCTION', function: { function: name, params: param ? [param] : [] }, as });
const from = (board) => ({ type: 'TABLE', id: board.id });

// ---- brute force over dataset.json --------------------------------------------------------
const board = (name) => ds.boards.find((b) => b.name === name);
const active = (b) => b.items.filter((i) => i.state === 'active');
const cell = (i, id) => i.column_values.find((c) => c.id === id);
const val = (i, id) => {
  const c = cell(i, id);
  return c && c.value != null ? JSON.parse(c.value) : null;
};
const num = (i, id) => {
  const v = val(i, id);
  return v == null || v === '' ? null : Number(v);
};
const dateMs = (i, id) => {
  const v = val(i, id);
  return v && v.date ? Date.parse(`${v.date}T${v.time || '00:00:00'}Z`) : null;
};
function statusHex(b, i, id) {
  const v = val(i, id);
  if (!v || v.index == null || v.index === 5) return null;
  const label = JSON.parse(b.columns.find((c) => c.id === id).settings).labels.find((l) => l.id === v.index);
  return labelStyle(label.color).color;
}
const sum = (xs) => xs.reduce((a, x) => a + x, 0);
const median = (xs) => {
  const s = [...xs].sort((a, b) => a - b);
  const m = Math.floor(s.length / 2);
  return s.length % 2 ? s[m] : (s[m - 1] + s[m]) / 2;
};
const close = (a, b, msg) => assert.ok(Math.abs(a - b) <= 1e-6 * Math.max(1, Math.abs(b)), `${msg}: ${a} vs ${b}`);
const countBy = (xs) => xs.reduce((m, k) => m.set(k, (m.get(k) || 0) + 1), new Map());

test('whole-board functions over a numbers column stored as text match a brute-force computation', async () => {
  const b = board('Project Tracker');
  const items = active(b);
  const nums = items.map((i) => num(i, 'numbers')).filter((n) => n != null);
  assert.ok(nums.length < items.length, 'the data has empty numbers cells');
  assert.ok(items.some((i) => /\.\d*0$|^-/.test(String(val(i, 'numbers') ?? ''))), 'the data has numbers like "12.50" or "-3"');
  const p = col('numbers');
  const { rows, results, r } = await aggregate({
    from: from(b),
    select: ['COUNT', 'COUNT_DISTINCT', 'SUM', 'AVERAGE', 'MEDIAN', 'MIN', 'MAX'].map((f) => fn(f, f.toLowerCase(), p)).concat(fn('COUNT_ITEMS', 'all')),
  });
  assert.equal(r.status, 200, JSON.stringify(r.json.errors));
  assert.equal(results.length, 1);
  const row = rows[0];
  assert.equal(row.all, items.length);
  assert.equal(row.count, nums.length, 'COUNT skips empty cells, COUNT_ITEMS does not');
  assert.equal(row.count_distinct, new Set(nums).size);
  close(row.sum, sum(nums), 'SUM');
  close(row.average, sum(nums) / nums.length, 'AVERAGE');
  close(row.median, median(nums), 'MEDIAN');
  assert.equal(row.min, Math.min(...nums));
  assert.equal(row.max, Math.max(...nums));
  // Entries come in alphabetical order of alias, not in select order; numbers are basic results.
  const aliases = results[0].entries.map((e) => e.alias);
  assert.deepEqual(aliases, [...aliases].sort());
  assert.ok(results[0].entries.every((e) => e.value.__typename === 'AggregateBasicAggregationResult'));
});

test('group_by a status column: hex-colour keys, LABEL text, per-group count and sum, empty status last', async () => {
  const b = board('Bug Backlog');
  const items = active(b);
  const { rows, r } = await aggregate({
    from: from(b),
    select: [col('status'), fn('LABEL', 'label', col('status')), fn('COUNT_ITEMS', 'n'), fn('SUM', 'hours', col('numbers')), fn('IS_DONE', 'done', col('status'))],
    group_by: [{ column_id: 'status' }, { column_id: 'label' }, { column_id: 'done' }],
  });
  assert.equal(r.status, 200, JSON.stringify(r.json.errors));
  const expected = new Map();
  for (const i of items) {
    const key = statusHex(b, i, 'status');
    const g = expected.get(key) || { n: 0, hours: [], label: cell(i, 'status').text ?? '' };
    g.n++;
    if (num(i, 'numbers') != null) g.hours.push(num(i, 'numbers'));
    expected.set(key, g);
  }
  assert.ok(expected.has(null), 'some bugs have no status');
  assert.equal(rows.length, expected.size);
  assert.equal(rows.at(-1).status, null, 'the empty key sorts last');
  assert.equal(rows.at(-1).label, '', 'LABEL of an empty status is ""');
  assert.equal(rows.at(-1).done, null);
  for (const row of rows) {
    const g = expected.get(row.status);
    assert.ok(g, `unexpected group ${row.status}`);
    if (row.status) assert.match(row.status, /^#[0-9a-f]{6}$/);
    assert.equal(row.n, g.n);
    assert.equal(row.label, g.label);
    close(row.hours, sum(g.hours), `SUM for ${row.label}`);
  }
  assert.equal(rows.find((x) => x.label === 'Done').done, true);
  assert.equal(rows.find((x) => x.label === 'Stuck').done, false);
});

test('the query filter selects exactly the items items_page selects for the same ItemsQuery', async () => {
  const b = board('Bug Backlog');
  const query = {
    rules: [{ column_id: 'priority', compare_value: [2, 8], operator: 'any_of' }, { column_id: 'numbers', compare_value: 50, operator: 'greater_than' }],
    groups: [{ rules: [{ column_id: 'checkbox', compare_value: [], operator: 'is_not_empty' }, { column_id: 'group', compare_value: ['topics'] }], operator: 'or' }],
    operator: 'and',
  };
  const page = await sb.gql('query ($b: [ID!], $q: ItemsQuery) { boards(ids: $b) { items_page(limit: 500, query_params: $q) { cursor items { id } } } }', { b: [b.id], q: query });
  const ids = new Set(page.json.data.boards[0].items_page.items.map((i) => i.id));
  assert.equal(page.json.data.boards[0].items_page.cursor, null);
  assert.ok(ids.size > 3);
  const chosen = active(b).filter((i) => ids.has(i.id));
  const { rows } = await aggregate({ from: from(b), query, select: [fn('COUNT_ITEMS', 'n'), fn('SUM', 's', col('numbers')), fn('MAX', 'm', col('numbers'))] });
  assert.equal(rows[0].n, ids.size);
  close(rows[0].s, sum(chosen.map((i) => num(i, 'numbers'))), 'SUM');
  assert.equal(rows[0].m, Math.max(...chosen.map((i) => num(i, 'numbers'))));
  // ids in the filter work as in items_page; an unknown column is the same error as there.
  const some = active(b).slice(0, 4);
  const byIds = await aggregate({ from: from(b), query: { ids: some.map((i) => i.id) }, select: [fn('COUNT_ITEMS', 'n')] });
  assert.equal(byIds.rows[0].n, 4);
  const bad = await aggregate({ from: from(b), query: { rules: [{ column_id: 'nope', compare_value: [1] }] }, select: [fn('COUNT_ITEMS', 'n')] });
  assert.equal(bad.errors[0].extensions.code, 'InvalidColumnIdException');
});

test('DATE_TRUNC_* group dates by UTC day, Monday week, month, quarter and year; MIN/MAX give epoch ms', async () => {
  const b = board('Bug Backlog');
  const dated = active(b).filter((i) => dateMs(i, 'date4') != null);
  const trunc = {
    DATE_TRUNC_DAY: (ms) => Math.floor(ms / 86_400_000) * 86_400_000,
    DATE_TRUNC_WEEK: (ms) => {
      const day = Math.floor(ms / 86_400_000) * 86_400_000;
      return day - ((new Date(day).getUTCDay() + 6) % 7) * 86_400_000;
    },
    DATE_TRUNC_MONTH: (ms) => Date.UTC(new Date(ms).getUTCFullYear(), new Date(ms).getUTCMonth(), 1),
    DATE_TRUNC_QUARTER: (ms) => Date.UTC(new Date(ms).getUTCFullYear(), Math.floor(new Date(ms).getUTCMonth() / 3) * 3, 1),
    DATE_TRUNC_YEAR: (ms) => Date.UTC(new Date(ms).getUTCFullYear(), 0, 1),
  };
  for (const [name, f] of Object.entries(trunc)) {
    const { rows, r } = await aggregate({ from: from(b), select: [fn(name, 'k', col('date4')), fn('COUNT_ITEMS', 'n')], group_by: [{ column_id: 'k' }] });
    assert.equal(r.status, 200, JSON.stringify(r.json.errors));
    const expected = countBy(dated.map((i) => f(dateMs(i, 'date4'))));
    expected.set(null, active(b).length - dated.length);
    assert.deepEqual(new Map(rows.map((x) => [x.k, x.n])), expected, name);
    if (name === 'DATE_TRUNC_WEEK') assert.ok(rows.filter((x) => x.k != null).every((x) => new Date(x.k).getUTCDay() === 1), 'weeks start on Monday');
  }
  const { rows } = await aggregate({ from: from(b), select: [fn('MIN', 'first', col('date4')), fn('MAX', 'last', col('date4'))] });
  assert.equal(rows[0].first, Math.min(...dated.map((i) => dateMs(i, 'date4'))));
  assert.equal(rows[0].last, Math.max(...dated.map((i) => dateMs(i, 'date4'))));
});

test('dates near midnight truncate in UTC, not in the caller\'s time zone; numbers written as text are summed', async () => {
  const b = board('Bug Backlog');
  assert.equal(ds.users.find((u) => u.id === '10000001').time_zone_identifier, 'America/New_York');
  const made = [];
  // 2026-04-01 02:30 UTC is still March 31 in New York; 2026-01-01 00:15 UTC is still 2025 there.
  for (const [date, time, n] of [['2026-04-01', '02:30:00', '007.50'], ['2026-03-31', '23:30:00', '-2.5'], ['2026-01-01', '00:15:00', '10']]) {
    const r = await sb.gql('mutation ($b: ID!, $v: JSON!) { create_item(board_id: $b, item_name: "tz probe", column_values: $v) { id } }',
      { b: b.id, v: JSON.stringify({ date4: { date, time }, numbers: n, text_mkk7q3zr: 'tz-probe' }) });
    assert.equal(r.status, 200, JSON.stringify(r.json.errors));
    made.push(r.json.data.create_item.id);
  }
  try {
    const probe = { rules: [{ column_id: 'text_mkk7q3zr', compare_value: ['tz-probe'], operator: 'any_of' }] };
    const run = async (name) => (await aggregate({
      from: from(b), query: probe, select: [fn(name, 'k', col('date4')), fn('COUNT_ITEMS', 'n'), fn('SUM', 's', col('numbers'))], group_by: [{ column_id: 'k' }],
    })).rows.map((x) => [x.k, x.n, x.s]);
    assert.deepEqual(await run('DATE_TRUNC_MONTH'), [[Date.UTC(2026, 0, 1), 1, 10], [Date.UTC(2026, 2, 1), 1, -2.5], [Date.UTC(2026, 3, 1), 1, 7.5]]);
    assert.deepEqual(await run('DATE_TRUNC_QUARTER'), [[Date.UTC(2026, 0, 1), 2, 7.5], [Date.UTC(2026, 3, 1), 1, 7.5]]);
    assert.deepEqual(await run('DATE_TRUNC_YEAR'), [[Date.UTC(2026, 0, 1), 3, 15]]);
    assert.deepEqual(await run('DATE_TRUNC_WEEK'), [[Date.UTC(2025, 11, 29), 1, 10], [Date.UTC(2026, 2, 30), 2, 5]]);
    const hours = await aggregate({ from: from(b), query: probe, select: [fn('HOUR', 'h', col('date4')), fn('COUNT_ITEMS', 'n')], group_by: [{ column_id: 'h' }] });
    assert.deepEqual(hours.rows.map((x) => x.h), [0, 2, 23]);
  } finally {
    for (const id of made) await sb.gql(`mutation { delete_item(item_id: ${id}) { id } }`);
  }
});

test('empty cells: SUM of nothing is AggregateGroupByResult null, COUNT and COUNT_ITEMS are 0', async () => {
  const b = board('Bug Backlog');
  const onlyEmpty = { rules: [{ column_id: 'numbers', compare_value: [], operator: 'is_empty' }] };
  assert.ok(active(b).some((i) => num(i, 'numbers') == null));
  const { results, rows } = await aggregate({
    from: from(b), query: onlyEmpty,
    select: [fn('SUM', 's', col('numbers')), fn('AVERAGE', 'a', col('numbers')), fn('COUNT', 'c', col('numbers')), fn('COUNT_ITEMS', 'n')],
  });
  const byAlias = Object.fromEntries(results[0].entries.map((e) => [e.alias, e.value]));
  assert.deepEqual(byAlias.s, { __typename: 'AggregateGroupByResult', value: null });
  assert.deepEqual(byAlias.a, { __typename: 'AggregateGroupByResult', value: null });
  assert.deepEqual(byAlias.c, { __typename: 'AggregateBasicAggregationResult', result: 0 });
  assert.equal(rows[0].n, active(b).filter((i) => num(i, 'numbers') == null).length);
  const none = await aggregate({ from: from(b), query: { ids: [1] }, select: [fn('COUNT_ITEMS', 'n'), fn('MAX', 'm', col('numbers'))] });
  assert.deepEqual(none.rows, [{ n: 0, m: null }], 'no matching item still gives one result set');
});

test('checkbox counts checked cells; group keys are true and null', async () => {
  const b = board('Bug Backlog');
  const checked = active(b).filter((i) => cell(i, 'checkbox').text === 'v').length;
  const { rows } = await aggregate({ from: from(b), select: [col('checkbox'), fn('COUNT_ITEMS', 'n')], group_by: [{ column_id: 'checkbox' }] });
  assert.deepEqual(rows, [{ checkbox: true, n: checked }, { checkbox: null, n: active(b).length - checked }]);
  const count = await aggregate({ from: from(b), select: [fn('COUNT', 'c', col('checkbox'))] });
  assert.equal(count.rows[0].c, checked);
});

test('people: person-<id> keys; FLATTEN counts an item once per person; LABEL gives names', async () => {
  const b = board('Bug Backlog');
  const tokens = (i) => ((val(i, 'person') || {}).personsAndTeams || []).map((p) => `${p.kind}-${p.id}`);
  const flat = await aggregate({ from: from(b), select: [fn('FLATTEN', 'who', col('person')), fn('COUNT_ITEMS', 'n')], group_by: [{ column_id: 'who' }] });
  const expected = countBy(active(b).flatMap((i) => (tokens(i).length ? tokens(i) : [null])));
  assert.deepEqual(new Map(flat.rows.map((x) => [x.who, x.n])), expected);
  const plain = await aggregate({ from: from(b), select: [col('person', 'who'), fn('COUNT_ITEMS', 'n')], group_by: [{ column_id: 'who' }] });
  const one = plain.rows.find((x) => typeof x.who === 'string');
  assert.match(one.who, /^(person|team)-\d+$/);
  assert.ok(plain.rows.some((x) => Array.isArray(x.who)), 'a cell with two people groups under the list of both');
  const names = await aggregate({ from: from(b), select: [fn('LABEL', 'who', col('person')), fn('COUNT_ITEMS', 'n')], group_by: [{ column_id: 'who' }] });
  assert.deepEqual(new Map(names.rows.map((x) => [x.who, x.n])), countBy(active(b).map((i) => cell(i, 'person').text)));
});

test('group_by keeps at most 1,000 values by default; its limit and the query limit cut further', async () => {
  const b = board('Bug Backlog');
  const names = [...new Set(active(b).map((i) => i.name))].sort();
  assert.ok(names.length > 1000, 'the board has more than 1,000 distinct names');
  const q = (gb, limit) => aggregate({ from: from(b), select: [col('name'), fn('COUNT_ITEMS', 'n')], group_by: [{ column_id: 'name', ...gb }], ...(limit ? { limit } : {}) });
  const all = await q({});
  assert.equal(all.rows.length, 1000);
  assert.deepEqual(all.rows.slice(0, 3).map((x) => x.name), names.slice(0, 3), 'groups come in ascending key order');
  assert.equal((await q({ limit: 5000 })).rows.length, names.length);
  assert.equal((await q({ limit: 5 })).rows.length, 5);
  assert.equal((await q({}, 7)).rows.length, 7);
  const ungrouped = await aggregate({ from: from(b), select: [fn('COUNT_ITEMS', 'n')], limit: 1 });
  assert.equal(ungrouped.rows[0].n, active(b).length, 'limit does not touch an ungrouped aggregate');
});

test('invalid input is refused with monday-style errors', async () => {
  const b = board('Project Tracker');
  const code = async (q, opts) => {
    const { errors, r } = await aggregate(q, opts);
    assert.equal(r.status, 200);
    assert.ok(errors, `expected an error for ${JSON.stringify(q)}`);
    assert.equal(r.json.data.aggregate, null);
    return errors[0];
  };
  const count = fn('COUNT_ITEMS', 'n');
  let e = await code({ from: from(b), select: [count, col('status')], group_by: [{ column_id: 'nope' }] });
  assert.equal(e.message, 'Failed to find a matching select elements for groupBy elements');
  assert.equal(e.extensions.code, 'InvalidArgumentException');
  e = await code({ from: from(b), select: [count, col('status')] });
  assert.match(e.message, /must appear in group_by/);
  e = await code({ from: from(b), select: [count, fn('DATE_TRUNC_DAY', 'd', col('date4'))] });
  assert.match(e.message, /"d".*must appear in group_by/);
  e = await code({ from: from(b), select: [count], group_by: [{ column_id: 'n' }] });
  assert.match(e.message, /must not appear in group_by/);
  e = await code({ from: from(b), select: [fn('SUM', 's', col('text'))] });
  assert.match(e.message, /SUM is not supported for column type text/);
  e = await code({ from: from(b), select: [fn('LEFT', 'l', col('text'))] });
  assert.match(e.message, /LEFT is not supported by the sandbox/);
  e = await code({ from: from(b), select: [fn('SUM', 's', col('no_such_column'))] });
  assert.equal(e.extensions.code, 'InvalidColumnIdException');
  e = await code({ from: from(b), select: [count, fn('COUNT', 'n', col('text'))] });
  assert.match(e.message, /Alias "n"/);
  e = await code({ from: from(b), select: [count, col('status')], group_by: [{ column_id: 'status', limit: 0 }] });
  assert.match(e.message, /limit/);
  e = await code({ from: { type: 'TABLE', id: '1' }, select: [count] });
  assert.equal(e.extensions.code, 'InvalidBoardIdException');
  e = await code({ from: from(board('Executive Private')), select: [count] }, { token: TOKENS.member });
  assert.equal(e.extensions.code, 'InvalidBoardIdException', 'a private board is invisible to a non-member');
  const ok = await aggregate({ from: from(board('Executive Private')), select: [count] });
  assert.equal(ok.rows[0].n, active(board('Executive Private')).length);
});

test('aggregate costs a flat 100 complexity points, whatever it selects', async () => {
  const b = board('Bug Backlog');
  const cost = async (select, group_by) => {
    const r = await sb.gql(`query ($q: AggregateQueryInput!) { complexity { query } aggregate(query: $q) { results { entries { alias value {
      ... on AggregateBasicAggregationResult { result } ... on AggregateGroupByResult { value } } } } } }`, { q: { from: from(b), select, group_by } });
    assert.equal(r.status, 200, JSON.stringify(r.json.errors));
    return r.json.data.complexity.query - 11; // complexity { query } costs 11
  };
  assert.equal(await cost([fn('COUNT_ITEMS', 'n')]), 100);
  assert.equal(await cost([fn('COUNT_ITEMS', 'n'), fn('SUM', 's', col('numbers')), col('name')], [{ column_id: 'name' }]), 100);
  const log = sb.requests().filter((l) => l.path === '/v2').at(-1);
  assert.equal(log.complexity, 111);
});

test('the aggregate query works under the oldest accepted API version, 2026-01', async () => {
  const b = board('Project Tracker');
  const { rows, r } = await aggregate({ from: from(b), select: [fn('COUNT_ITEMS', 'n')] }, { version: '2026-01' });
  assert.equal(r.status, 200, JSON.stringify(r.json.errors));
  assert.equal(rows[0].n, active(b).length);
});

test('the sandbox declares every function of monday\'s AggregateSelectFunctionName', async (t) => {
  const fs = await import('node:fs');
  const { buildSchema } = await import('graphql');
  const { referenceSchemaPath } = await import('../check-sdl.mjs');
  const ref = referenceSchemaPath();
  if (!fs.existsSync(ref)) return t.skip(`no reference schema at ${ref}`);
  const theirs = buildSchema(fs.readFileSync(ref, 'utf8')).getType('AggregateSelectFunctionName').getValues().map((v) => v.name).sort();
  const sdl = (await sb.request({ method: 'GET', path: '/v2/get_schema?format=sdl' })).body;
  const ours = buildSchema(sdl).getType('AggregateSelectFunctionName').getValues().map((v) => v.name).sort();
  assert.deepEqual(ours, theirs);
});

test('the other functions: nested params, labels, ids, colours, ranges, phone countries, subitems, FIRST and RAW', async () => {
  const b = board('Project Tracker');
  const items = active(b);
  const subBoard = ds.boards.find((x) => x.name === 'Subitems of Project Tracker');
  const subState = new Map(subBoard.items.map((s) => [s.id, s.state]));
  const one = await aggregate({
    from: from(b),
    select: [
      fn('COUNT_SUBITEMS', 'subs'),
      { type: 'FUNCTION', function: { function: 'SUM', params: [fn('LENGTH', 'len', col('name'))] }, as: 'name_chars' },
      { type: 'FUNCTION', function: { function: 'COUNT_DISTINCT', params: [fn('LABEL', 'l', col('dropdown'))] }, as: 'categories' },
      fn('FIRST', 'first_name', col('name')),
    ],
  });
  assert.equal(one.r.status, 200, JSON.stringify(one.errors));
  assert.equal(one.rows[0].subs, sum(items.map((i) => i.subitem_ids.filter((id) => subState.get(id) === 'active').length)));
  assert.equal(one.rows[0].name_chars, sum(items.map((i) => i.name.length)));
  // LABEL of an empty cell is "" (not null), so COUNT_DISTINCT counts it as one more value.
  assert.ok(items.some((i) => cell(i, 'dropdown').text == null));
  assert.equal(one.rows[0].categories, new Set(items.map((i) => cell(i, 'dropdown').text ?? '')).size);
  assert.equal(one.rows[0].first_name, items[0].name);

  const grouped = async (select, dims) => {
    const res = await aggregate({ from: from(b), select: [...select, fn('COUNT_ITEMS', 'n')], group_by: dims.map((d) => ({ column_id: d })) });
    assert.equal(res.r.status, 200, JSON.stringify(res.errors));
    return res.rows;
  };
  // Status: ORDER is the label's position, ID its id, COLOR its hex (as the raw column), UPPER works on LABEL.
  const labels = JSON.parse(b.columns.find((c) => c.id === 'status').settings).labels;
  const rows = await grouped([fn('ORDER', 'o', col('status')), fn('ID', 'id', col('status')), fn('COLOR', 'c', col('status')),
    { type: 'FUNCTION', function: { function: 'UPPER', params: [fn('LABEL', 'l', col('status'))] }, as: 'u' }], ['o', 'id', 'c', 'u']);
  for (const row of rows.filter((x) => x.id != null)) {
    const l = labels.find((x) => x.id === row.id);
    assert.deepEqual([row.o, row.c, row.u], [l.index, labelStyle(l.color).color, l.label.toUpperCase()]);
    assert.equal(row.n, items.filter((i) => val(i, 'status') && val(i, 'status').index === row.id).length);
  }
  // Timeline ranges: START_DATE / END_DATE give the UTC midnight of each end.
  const tl = await grouped([fn('START_DATE', 's', col('timeline')), fn('END_DATE', 'e', col('timeline'))], ['s', 'e']);
  const day = (d) => Date.parse(`${d}T00:00:00Z`);
  const expectTl = countBy(items.map((i) => (val(i, 'timeline') ? `${day(val(i, 'timeline').from)}|${day(val(i, 'timeline').to)}` : 'null|null')));
  assert.deepEqual(new Map(tl.map((x) => [`${x.s}|${x.e}`, x.n])), expectTl);
  // Phone numbers group by their country; DATE equals DATE_TRUNC_DAY; NONE is the column itself; RAW the stored cell.
  const phones = await grouped([fn('PHONE_COUNTRY_SHORT_NAME', 'cc', col('phone'))], ['cc']);
  assert.deepEqual(new Map(phones.map((x) => [x.cc, x.n])), countBy(items.map((i) => (val(i, 'phone') ? val(i, 'phone').countryShortName : null))));
  const days = await grouped([fn('DATE', 'd', col('date4'))], ['d']);
  assert.deepEqual(new Map(days.map((x) => [x.d, x.n])), countBy(items.map((i) => (dateMs(i, 'date4') == null ? null : Math.floor(dateMs(i, 'date4') / 86_400_000) * 86_400_000))));
  const none = await grouped([fn('NONE', 'r', col('rating'))], ['r']);
  assert.deepEqual(new Map(none.map((x) => [x.r, x.n])), countBy(items.map((i) => (val(i, 'rating') ? val(i, 'rating').rating : null))));
  const raw = await grouped([fn('RAW', 'r', col('rating'))], ['r']);
  assert.ok(raw.some((x) => x.r && typeof x.r.rating === 'number'), 'RAW gives the stored cell object');
});
