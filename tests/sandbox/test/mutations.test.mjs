// Mutations, column value writes and file uploads.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { startSandbox, TOKENS } from './helpers.mjs';

let sb;
const TRACKER = '5000000001';
before(async () => {
  sb = await startSandbox();
});
after(async () => {
  await sb.stop();
});

const CV = 'column_values { id type text value }';
const cv = (item, id) => item.column_values.find((c) => c.id === id);

test('create_item writes each column type in monday\'s JSON form', async () => {
  const values = {
    status: { label: 'Stuck' },
    priority: { index: 8 },
    date4: { date: '2026-12-24', time: '09:30:00' },
    timeline: { from: '2026-12-01', to: '2026-12-15' },
    numbers: '42.5',
    text: 'hello',
    long_text: { text: 'line one' },
    person: { personsAndTeams: [{ id: 10000003, kind: 'person' }, { id: 600001, kind: 'team' }] },
    dropdown: { labels: ['Design', 'Legal'] },
    checkbox: { checked: 'true' },
    link: { url: 'https://example.com', text: 'Example' },
    email: { email: 'a@b.example', text: 'A' },
    phone: { phone: '+12025550169', countryShortName: 'US' },
    country: { countryCode: 'DE', countryName: 'Germany' },
    location: { lat: '40.7', lng: '-74.0', address: 'NYC' },
    rating: { rating: 4 },
    hour: { hour: 16, minute: 42 },
    week: { week: { startDate: '2026-12-07', endDate: '2026-12-13' } },
    world_clock: { timezone: 'Europe/London' },
    tags: { tag_ids: [21000001] },
    connect_boards: { item_ids: ['9000000001'] },
  };
  const r = await sb.gql(`mutation ($b: ID!, $v: JSON) { create_item(board_id: $b, item_name: "New task", group_id: "new_group12345", column_values: $v) { id name group { id } ${CV} } }`, { b: TRACKER, v: JSON.stringify(values) });
  assert.equal(r.status, 200, JSON.stringify(r.json.errors));
  const item = r.json.data.create_item;
  assert.equal(item.group.id, 'new_group12345');
  assert.ok(BigInt(item.id) > 2n ** 32n);
  const expectText = {
    status: 'Stuck', priority: 'High', date4: '2026-12-24 04:30' /* 09:30 UTC in New York */, timeline: '2026-12-01 - 2026-12-15', numbers: '42.5', text: 'hello',
    long_text: 'line one', person: 'Priya Natarajan, Engineering', dropdown: 'Design, Legal', checkbox: 'v', link: 'Example - https://example.com', email: 'A',
    phone: '+12025550169', country: 'Germany', location: 'NYC', rating: '4', hour: '16:42', week: '2026-12-07 - 2026-12-13',
    world_clock: 'Europe/London', tags: 'urgent', connect_boards: null,
  };
  for (const [id, text] of Object.entries(expectText)) assert.equal(cv(item, id).text, text, id);
  assert.equal(cv(item, 'numbers').value, '"42.5"');
  assert.deepEqual(JSON.parse(cv(item, 'status').value).index, 2);
  // A timeline written by create_item carries no changed_at (REFERENCE.md §11).
  assert.deepEqual(JSON.parse(cv(item, 'timeline').value), { to: '2026-12-15', from: '2026-12-01' });
  assert.equal(cv(item, 'connect_boards').value, null);
  const linked = await sb.gql(`{ items(ids: [${item.id}]) { column_values(ids: ["connect_boards"]) { ... on BoardRelationValue { linked_item_ids } } } }`);
  assert.deepEqual(linked.json.data.items[0].column_values[0].linked_item_ids, ['9000000001']);
});

test('bad column JSON, unknown columns and long names fail with monday\'s exceptions', async () => {
  const m = 'mutation ($v: JSON, $n: String!) { create_item(board_id: 5000000001, item_name: $n, column_values: $v) { id } }';
  const bad = await sb.gql(m, { n: 'x', v: JSON.stringify({ status: { label: 'Nope' } }) });
  assert.equal(bad.status, 200);
  assert.equal(bad.json.errors[0].extensions.code, 'ColumnValueException');
  assert.equal(bad.json.errors[0].extensions.error_data.column_id, 'status');
  assert.deepEqual(bad.json.data, { create_item: null });
  const unknown = await sb.gql(m, { n: 'x', v: JSON.stringify({ nope: 'x' }) });
  assert.equal(unknown.json.errors[0].extensions.code, 'InvalidColumnIdException');
  const long = await sb.gql(m, { n: 'y'.repeat(256), v: null });
  assert.equal(long.json.errors[0].extensions.code, 'ItemNameTooLongException');
  const readOnly = await sb.gql(m, { n: 'x', v: JSON.stringify({ formula: '1' }) });
  assert.equal(readOnly.json.errors[0].extensions.code, 'ColumnValueException');
  const created = await sb.gql('{ boards(ids: [5000000001]) { items_page(limit: 500, query_params: { rules: [{ column_id: "name", compare_value: ["x"] }] }) { items { id } } } }');
  assert.deepEqual(created.json.data.boards[0].items_page.items, [], 'a failed create_item must not create anything');
  const label = await sb.gql(m, { n: 'with label', v: JSON.stringify({ status: { label: 'Blocked by legal' } }) });
  assert.equal(label.json.errors[0].extensions.code, 'ColumnValueException');
  const created2 = await sb.gql('mutation ($v: JSON) { create_item(board_id: 5000000001, item_name: "with label", column_values: $v, create_labels_if_missing: true) { column_values(ids: ["status"]) { text } } }', { v: JSON.stringify({ status: { label: 'Blocked by legal' } }) });
  assert.equal(created2.json.data.create_item.column_values[0].text, 'Blocked by legal');
});

test('change_multiple_column_values, change_column_value and change_simple_column_value', async () => {
  const item = '9000000032';
  const multi = await sb.gql(`mutation ($v: JSON!) { change_multiple_column_values(board_id: ${TRACKER}, item_id: ${item}, column_values: $v) { name ${CV} } }`,
    { v: JSON.stringify({ name: 'Renamed', numbers: null, status: { index: 0 }, text: '' }) });
  assert.equal(multi.json.data.change_multiple_column_values.name, 'Renamed');
  const it = multi.json.data.change_multiple_column_values;
  assert.deepEqual([cv(it, 'numbers').text, cv(it, 'numbers').value], ['', null]);
  assert.equal(cv(it, 'status').text, 'Working on it');
  assert.deepEqual([cv(it, 'text').text, cv(it, 'text').value], ['', null]);
  const one = await sb.gql(`mutation { change_column_value(board_id: ${TRACKER}, item_id: ${item}, column_id: "status", value: "{}") { column_values(ids: ["status"]) { text value } } }`);
  assert.deepEqual(one.json.data.change_column_value.column_values[0], { text: null, value: null });
  const simple = await sb.gql(`mutation { a: change_simple_column_value(board_id: ${TRACKER}, item_id: ${item}, column_id: "status", value: "Done") { id }
    b: change_simple_column_value(board_id: ${TRACKER}, item_id: ${item}, column_id: "date4", value: "2026-05-01") { id }
    c: change_simple_column_value(board_id: ${TRACKER}, item_id: ${item}, column_id: "dropdown", value: "Marketing, Finance") { ${CV} } }`);
  const c = simple.json.data.c;
  assert.equal(cv(c, 'status').text, 'Done');
  assert.equal(cv(c, 'date4').text, '2026-05-01');
  assert.equal(cv(c, 'dropdown').text, 'Marketing, Finance');
  const wrongBoard = await sb.gql(`mutation { change_column_value(board_id: 5000000002, item_id: ${item}, column_id: "status", value: "{}") { id } }`);
  assert.equal(wrongBoard.json.errors[0].extensions.code, 'InvalidItemIdException');
});

test('archive, delete, duplicate and move items', async () => {
  const made = await sb.gql(`mutation { create_item(board_id: ${TRACKER}, item_name: "short-lived") { id } }`);
  const id = made.json.data.create_item.id;
  const dup = await sb.gql(`mutation { duplicate_item(board_id: ${TRACKER}, item_id: ${id}) { id name } }`);
  assert.notEqual(dup.json.data.duplicate_item.id, id);
  const moved = await sb.gql(`mutation { move_item_to_group(item_id: ${id}, group_id: "group_mkm3r1ad") { group { id } } }`);
  assert.equal(moved.json.data.move_item_to_group.group.id, 'group_mkm3r1ad');
  const arch = await sb.gql(`mutation { archive_item(item_id: ${id}) { state } }`);
  assert.equal(arch.json.data.archive_item.state, 'archived');
  const del = await sb.gql(`mutation { delete_item(item_id: ${dup.json.data.duplicate_item.id}) { state } }`);
  assert.equal(del.json.data.delete_item.state, 'deleted');
  const page = await sb.gql(`{ boards(ids: [${TRACKER}]) { items_page(limit: 500, query_params: { rules: [{ column_id: "name", compare_value: ["short-lived"] }] }) { items { id } } } }`);
  assert.deepEqual(page.json.data.boards[0].items_page.items, []);
});

test('subitems, boards, groups and columns', async () => {
  const sub = await sb.gql('mutation { create_subitem(parent_item_id: 9000000033, item_name: "child", column_values: "{\\"status\\":{\\"label\\":\\"Done\\"}}") { id parent_item { id } board { type } column_values(ids: ["status"]) { text } } }');
  assert.equal(sub.json.data.create_subitem.parent_item.id, '9000000033');
  assert.equal(sub.json.data.create_subitem.board.type, 'sub_items_board');
  assert.equal(sub.json.data.create_subitem.column_values[0].text, 'Done');
  const board = await sb.gql('mutation { create_board(board_name: "Temp board", board_kind: public, workspace_id: 7000002) { id name workspace_id columns { id type } groups { id } } }');
  const b = board.json.data.create_board;
  assert.deepEqual(b.columns.map((c) => c.type), ['name', 'people', 'status', 'date']);
  const col = await sb.gql(`mutation { create_column(board_id: ${b.id}, title: "Cost", column_type: numbers) { id title type } }`);
  assert.equal(col.json.data.create_column.type, 'numbers');
  const colId = col.json.data.create_column.id;
  await sb.gql(`mutation { change_column_title(board_id: ${b.id}, column_id: "${colId}", title: "Price") { id } }`);
  const group = await sb.gql(`mutation { create_group(board_id: ${b.id}, group_name: "Second") { id title } }`);
  const gid = group.json.data.create_group.id;
  await sb.gql(`mutation { update_group(board_id: ${b.id}, group_id: "${gid}", group_attribute: title, new_value: "Renamed") { id } }`);
  const upd = await sb.gql(`mutation { update_board(board_id: ${b.id}, board_attribute: description, new_value: "about") }`);
  assert.equal(JSON.parse(upd.json.data.update_board).success, true);
  const read = await sb.gql(`{ boards(ids: [${b.id}]) { description columns(ids: ["${colId}"]) { title } groups { id title } } }`);
  assert.equal(read.json.data.boards[0].description, 'about');
  assert.equal(read.json.data.boards[0].columns[0].title, 'Price');
  assert.ok(read.json.data.boards[0].groups.some((g) => g.id === gid && g.title === 'Renamed'));
  await sb.gql(`mutation { delete_group(board_id: ${b.id}, group_id: "${gid}") { id } }`);
  const last = await sb.gql(`mutation { delete_group(board_id: ${b.id}, group_id: "topics") { id } }`);
  assert.equal(last.json.errors[0].extensions.code, 'DeleteLastGroupException');
  await sb.gql(`mutation { delete_column(board_id: ${b.id}, column_id: "${colId}") { id } }`);
  const cols = await sb.gql(`{ boards(ids: [${b.id}]) { columns { id } } }`);
  assert.ok(!cols.json.data.boards[0].columns.some((c) => c.id === colId));
  await sb.gql(`mutation { archive_board(board_id: ${b.id}) { id } }`);
  const gone = await sb.gql(`{ boards(ids: [${b.id}]) { id } }`);
  assert.deepEqual(gone.json.data.boards, []);
});

test('updates, replies, tags and webhooks', async () => {
  const u = await sb.gql('mutation { create_update(item_id: 9000000032, body: "<p>Hi</p>") { id body text_body creator { id } } }');
  const id = u.json.data.create_update.id;
  assert.equal(u.json.data.create_update.text_body, 'Hi');
  await sb.gql(`mutation { create_update(parent_id: ${id}, body: "reply") { id } }`);
  await sb.gql(`mutation { edit_update(id: ${id}, body: "<p>Edited</p>") { id } }`);
  const read = await sb.gql(`{ updates(ids: [${id}]) { body replies { body } } }`);
  assert.deepEqual(read.json.data.updates[0], { body: '<p>Edited</p>', replies: [{ body: 'reply' }] });
  const forbidden = await sb.gql(`mutation { delete_update(id: ${id}) { id } }`, null, { token: TOKENS.member });
  assert.equal(forbidden.json.errors[0].extensions.code, 'UserUnauthorizedException');
  assert.equal(forbidden.json.errors[0].extensions.status_code, 403);
  const tag = await sb.gql('mutation { a: create_or_get_tag(tag_name: "urgent") { id } b: create_or_get_tag(tag_name: "brand-new") { id name } }');
  assert.equal(tag.json.data.a.id, '21000001');
  assert.equal(tag.json.data.b.name, 'brand-new');
  const hook = await sb.gql(`mutation { create_webhook(board_id: ${TRACKER}, url: "https://example.com/hook", event: create_item) { id event board_id } }`);
  const hid = hook.json.data.create_webhook.id;
  const list = await sb.gql(`{ webhooks(board_id: ${TRACKER}) { id } }`);
  assert.ok(list.json.data.webhooks.some((w) => w.id === hid));
  await sb.gql(`mutation { delete_webhook(id: ${hid}) { id } }`);
  const after = await sb.gql(`{ webhooks(board_id: ${TRACKER}) { id } }`);
  assert.ok(!after.json.data.webhooks.some((w) => w.id === hid));
});

function multipart(parts) {
  const boundary = `----sandbox${Date.now()}`;
  const chunks = [];
  for (const p of parts) {
    chunks.push(Buffer.from(`--${boundary}\r\nContent-Disposition: form-data; name="${p.name}"${p.filename ? `; filename="${p.filename}"` : ''}\r\n${p.type ? `Content-Type: ${p.type}\r\n` : ''}\r\n`));
    chunks.push(Buffer.isBuffer(p.data) ? p.data : Buffer.from(p.data));
    chunks.push(Buffer.from('\r\n'));
  }
  chunks.push(Buffer.from(`--${boundary}--\r\n`));
  return { body: Buffer.concat(chunks), type: `multipart/form-data; boundary=${boundary}` };
}

test('file uploads work in monday\'s classic form and the GraphQL multipart form', async () => {
  const query = 'mutation ($file: File!) { add_file_to_column(item_id: 9000000032, column_id: "files", file: $file) { id name file_size file_extension public_url } }';
  const classic = multipart([{ name: 'query', data: query }, { name: 'variables[file]', filename: 'notes.txt', type: 'text/plain', data: 'hello sandbox' }]);
  const r1 = await sb.request({ path: '/v2/file', headers: { Authorization: TOKENS.admin, 'Content-Type': classic.type }, body: classic.body });
  assert.equal(r1.status, 200, r1.body);
  const a1 = JSON.parse(r1.body).data.add_file_to_column;
  assert.deepEqual([a1.name, a1.file_size, a1.file_extension], ['notes.txt', 13, 'txt']);
  const spec = multipart([
    { name: 'operations', data: JSON.stringify({ query: 'mutation ($u: ID!, $f: File!) { add_file_to_update(update_id: $u, file: $f) { id name } }', variables: { u: '300000001', f: null } }) },
    { name: 'map', data: JSON.stringify({ 0: ['variables.f'] }) },
    { name: '0', filename: 'pic.png', type: 'image/png', data: Buffer.from([0x89, 0x50, 0x4e, 0x47]) },
  ]);
  const r2 = await sb.request({ path: '/v2/file', headers: { Authorization: TOKENS.admin, 'Content-Type': spec.type }, body: spec.body });
  assert.equal(r2.status, 200, r2.body);
  assert.equal(JSON.parse(r2.body).data.add_file_to_update.name, 'pic.png');
  const download = await sb.request({ method: 'GET', path: new URL(a1.public_url).pathname });
  assert.equal(download.body, 'hello sandbox');
  const item = await sb.gql('{ items(ids: [9000000032]) { assets(assets_source: columns) { name } column_values(ids: ["files"]) { text } } }');
  assert.ok(item.json.data.items[0].assets.some((a) => a.name === 'notes.txt'));
  assert.match(item.json.data.items[0].column_values[0].text, /notes\.txt/);
  const log = sb.requests().filter((l) => l.path === '/v2/file');
  assert.equal(log.length, 2);
  assert.deepEqual(log[0].variables.file, { __file: 'notes.txt', size: 13 });
});

test('reset restores the seeded data', async () => {
  await sb.control('POST', 'reset');
  const r = await sb.gql('{ items(ids: [9000000032]) { name } boards(ids: [5000000001]) { items_count } }');
  assert.notEqual(r.json.data.items[0].name, 'Renamed');
  const ds = sb.dataset();
  assert.equal(r.json.data.boards[0].items_count, ds.boards.find((b) => b.id === TRACKER).items_count);
});
