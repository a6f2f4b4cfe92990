// Column values in the shapes monday documents for them (REFERENCE.md §11.1), where they differ
// from what a naive store would give: per-caller time zones, fields that are always "".
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

async function setCell(item, column, raw) {
  const r = await sb.control('POST', 'cells', { item_id: item, column_id: column, raw });
  assert.equal(r.status, 200);
}

async function firstItem() {
  const r = await sb.gql(`{ boards(ids: [${TRACKER}]) { items_page(limit: 1) { items { id } } } }`);
  return r.json.data.boards[0].items_page.items[0].id;
}

async function cell(item, column, fragment, token = TOKENS.admin) {
  const r = await sb.gql(`{ items(ids: [${item}]) { column_values(ids: ["${column}"]) { text value ${fragment} } } }`, undefined, { token });
  assert.equal(r.status, 200, JSON.stringify(r.json.errors));
  return r.json.data.items[0].column_values[0];
}

test('a date keeps UTC in value and shows text and typed time in the caller\'s profile time zone', async () => {
  const item = await firstItem();
  await setCell(item, 'date4', { date: '2026-07-01', time: '02:30:00', changed_at: '2026-06-01T00:00:00.000Z' });
  const admin = await cell(item, 'date4', '... on DateValue { date time }');  // America/New_York, EDT in July
  assert.deepEqual(JSON.parse(admin.value), { date: '2026-07-01', time: '02:30:00', changed_at: '2026-06-01T00:00:00.000Z' });
  assert.equal(admin.text, '2026-06-30 22:30');
  assert.equal(admin.time, '22:30:00');
  assert.equal(admin.date, '2026-07-01', 'the typed date is the stored one');
  const member = await cell(item, 'date4', '... on DateValue { date time }', TOKENS.member);  // America/Los_Angeles
  assert.equal(member.text, '2026-06-30 19:30');
  assert.equal(member.time, '19:30:00');

  // A date without a time (docs' example has no "time" key at all) is the same for everyone.
  await setCell(item, 'date4', { date: '2022-07-19', icon: null, changed_at: '2022-07-21T12:00:00.000Z' });
  const dateOnly = await cell(item, 'date4', '... on DateValue { date time }');
  assert.equal(dateOnly.text, '2022-07-19');
  assert.equal(dateOnly.time, null);
});

test('a doc column\'s text is always "" and the doc is in DocValue.file', async () => {
  const docs = await sb.gql('{ docs(limit: 1) { id object_id url } }');
  const doc = docs.json.data.docs[0];
  const item = await firstItem();
  await setCell(item, 'monday_doc', {
    files: [{ name: 'Brief', fileType: 'MONDAY_DOC', docId: Number(doc.id), objectId: Number(doc.object_id), linkToFile: doc.url, createdAt: '2026-06-01T00:00:00.000Z', createdBy: '10000001' }],
  });
  const set = await cell(item, 'monday_doc', '... on DocValue { file { url object_id doc { id } } }');
  assert.equal(set.text, '');
  assert.equal(set.file.url, doc.url);
  assert.equal(set.file.object_id, String(doc.object_id));
  assert.equal(set.file.doc.id, String(doc.id));
  await setCell(item, 'monday_doc', null);
  const cleared = await cell(item, 'monday_doc', '... on DocValue { file { url } }');
  assert.equal(cleared.text, '');
  assert.equal(cleared.file, null);
  assert.equal(cleared.value, null);
});

test('a files cell carries createdAt in epoch milliseconds and text is the file URL', async () => {
  const r = await sb.gql(`{ boards(ids: [${TRACKER}]) { items_page(limit: 500) { items { column_values(ids: ["files"]) { text value ... on FileValue { files { ... on FileAssetValue { asset_id created_at } } } } } } } }`);
  assert.equal(r.status, 200, JSON.stringify(r.json.errors));
  const cells = r.json.data.boards[0].items_page.items.map((i) => i.column_values[0]).filter((c) => c.value);
  assert.ok(cells.length > 0);
  for (const c of cells) {
    const file = JSON.parse(c.value).files[0];
    assert.equal(typeof file.createdAt, 'number');
    assert.equal(file.fileType, 'ASSET');
    assert.match(file.isImage, /^(true|false)$/);
    assert.match(c.text, /^https:\/\/.*\/protected_static\//);
    assert.equal(c.files[0].created_at, new Date(file.createdAt).toISOString().replace(/\.\d{3}Z$/, 'Z'));
  }
  const empty = r.json.data.boards[0].items_page.items.map((i) => i.column_values[0]).find((c) => !c.value);
  assert.equal(empty.text, '');
});
