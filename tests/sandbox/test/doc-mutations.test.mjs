// create_doc_block, add_content_to_doc_from_markdown, duplicate_doc and create_doc (board
// location): each changes the store, and a later docs / items query shows it.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { startSandbox } from './helpers.mjs';
import { markdownBlocks } from '../src/data/doc-blocks.mjs';

let sb;
before(async () => {
  sb = await startSandbox();
});
after(async () => {
  await sb.stop();
});

const DOC = '12000001'; // "Project brief"
const ITEM = '9000000031'; // Project Tracker, doc column monday_doc
const blocksOf = async (doc) =>
  (await sb.gql(`{ docs(ids: [${doc}]) { id name blocks(limit: 100) { id type content parent_block_id position } } }`)).json.data.docs[0];

test('create_doc_block puts the block first, or after after_block_id, and the doc lists it', async () => {
  const before = await blocksOf(DOC);
  const first = await sb.gql(
    'mutation ($d: ID!, $c: JSON!) { create_doc_block(doc_id: $d, type: normal_text, content: $c) { id doc_id type content parent_block_id position } }',
    { d: DOC, c: JSON.stringify({ deltaFormat: [{ insert: 'Hello from the API' }] }) },
  );
  const block = first.json.data.create_doc_block;
  assert.equal(block.doc_id, DOC);
  assert.equal(block.type, 'normal text', 'the enum value reads back in words');
  assert.deepEqual(JSON.parse(block.content), { deltaFormat: [{ insert: 'Hello from the API' }] });
  assert.equal(block.parent_block_id, null);
  assert.ok(block.position < before.blocks[0].position);
  const anchor = before.blocks[2];
  const placed = (await sb.gql(
    'mutation ($d: ID!, $a: String) { create_doc_block(doc_id: $d, type: quote, content: "{\\"deltaFormat\\":[{\\"insert\\":\\"q\\"}]}", after_block_id: $a) { id position } }',
    { d: DOC, a: anchor.id },
  )).json.data.create_doc_block;
  const after = await blocksOf(DOC);
  assert.equal(after.blocks.length, before.blocks.length + 2);
  assert.equal(after.blocks[0].id, block.id);
  const at = after.blocks.findIndex((b) => b.id === placed.id);
  assert.equal(after.blocks[at - 1].id, anchor.id);
  assert.ok(after.blocks[at - 1].position < placed.position && placed.position < after.blocks[at + 1].position);

  const missing = await sb.gql('mutation { create_doc_block(doc_id: 1, type: divider, content: "{}") { id } }');
  assert.equal(missing.json.errors[0].extensions.code, 'ResourceNotFoundException');
  const badType = await sb.gql('mutation { create_doc_block(doc_id: 12000001, type: paragraph, content: "{}") { id } }');
  assert.ok(badType.json.errors?.length, 'a type outside DocBlockContentType is a validation error');
});

test('add_content_to_doc_from_markdown appends one block per markdown block and names them', async () => {
  const before = await blocksOf(DOC);
  const markdown = '# Plan\n\nFirst line\nsame paragraph\n\n- one\n- two\n1. first\n- [x] done\n> quoted\n---\n```sql\nSELECT 1\n```';
  const added = (await sb.gql(
    'mutation ($d: ID!, $m: String!) { add_content_to_doc_from_markdown(docId: $d, markdown: $m) { success block_ids error } }',
    { d: DOC, m: markdown },
  )).json.data.add_content_to_doc_from_markdown;
  assert.equal(added.success, true);
  assert.equal(added.error, null);
  assert.equal(added.block_ids.length, 9);
  const after = await blocksOf(DOC);
  const tail = after.blocks.slice(before.blocks.length);
  assert.deepEqual(tail.map((b) => b.id), added.block_ids, 'appended at the end, in order');
  assert.deepEqual(tail.map((b) => b.type), ['large title', 'normal text', 'bulleted list', 'bulleted list', 'numbered list', 'check list', 'quote', 'divider', 'code']);
  assert.equal(JSON.parse(tail[1].content).deltaFormat[0].insert, 'First line same paragraph');
  assert.equal(JSON.parse(tail[5].content).checked, true);
  assert.equal(JSON.parse(tail[8].content).language, 'sql');

  const inserted = (await sb.gql(
    'mutation ($d: ID!, $a: String) { add_content_to_doc_from_markdown(docId: $d, markdown: "## Between", afterBlockId: $a) { success block_ids } }',
    { d: DOC, a: before.blocks[0].id },
  )).json.data.add_content_to_doc_from_markdown;
  assert.equal((await blocksOf(DOC)).blocks[1].id, inserted.block_ids[0]);

  const empty = (await sb.gql('mutation { add_content_to_doc_from_markdown(docId: 12000001, markdown: "  \\n") { success block_ids error } }')).json.data.add_content_to_doc_from_markdown;
  assert.equal(empty.success, false);
  assert.ok(empty.error);
});

test('markdownBlocks reads fences to their end and leaves inline marks as written', () => {
  assert.deepEqual(markdownBlocks('```\na\n\nb\n```\ntext **bold**').map((b) => [b.type, JSON.parse(b.content).deltaFormat[0].insert]), [
    ['code', 'a\n\nb'],
    ['normal text', 'text **bold**'],
  ]);
});

test('duplicate_doc makes a new doc with copies of the blocks', async () => {
  const source = await blocksOf(DOC);
  const answer = await sb.gql('mutation ($d: ID!) { duplicate_doc(docId: $d, duplicateType: duplicate_doc_with_content) }', { d: DOC });
  const result = JSON.parse(answer.json.data.duplicate_doc);
  assert.equal(result.success, true);
  assert.notEqual(result.doc_id, DOC);
  const copy = await blocksOf(result.doc_id);
  assert.equal(copy.name, `Copy of ${source.name}`);
  assert.deepEqual(copy.blocks.map((b) => [b.type, b.content, b.position]), source.blocks.map((b) => [b.type, b.content, b.position]));
  assert.ok(copy.blocks.every((b, i) => b.id !== source.blocks[i].id), 'copied blocks get ids of their own');
  // Table cells point at the copied table, not the original.
  const ids = new Set(copy.blocks.map((b) => b.id));
  assert.ok(copy.blocks.filter((b) => b.parent_block_id).every((b) => ids.has(b.parent_block_id)));
});

test('create_doc with a board location fills the item\'s doc column with the new doc', async () => {
  const created = (await sb.gql(
    'mutation ($i: ID!, $c: String!) { create_doc(location: { board: { item_id: $i, column_id: $c } }) { id object_id name url workspace_id } }',
    { i: ITEM, c: 'monday_doc' },
  )).json.data.create_doc;
  const cell = (await sb.gql(`{ items(ids: [${ITEM}]) { name column_values(ids: ["monday_doc"]) { value ... on DocValue { file { object_id url doc { id } } } } } }`)).json.data.items[0];
  assert.equal(created.name, cell.name);
  assert.equal(cell.column_values[0].file.object_id, created.object_id);
  assert.equal(cell.column_values[0].file.doc.id, created.id);
  assert.equal(cell.column_values[0].file.url, created.url);
  assert.equal((await sb.gql(`{ docs(ids: [${created.id}]) { id } }`)).json.data.docs.length, 1);

  const notDoc = await sb.gql('mutation { create_doc(location: { board: { item_id: 9000000031, column_id: "name" } }) { id } }');
  assert.equal(notDoc.json.errors[0].extensions.code, 'ColumnValueException');
  const workspace = (await sb.gql('mutation { create_doc(location: { workspace: { workspace_id: 7000001, name: "Notes" } }) { name workspace_id doc_kind } }')).json.data.create_doc;
  assert.deepEqual(workspace, { name: 'Notes', workspace_id: '7000001', doc_kind: 'public' });
});
