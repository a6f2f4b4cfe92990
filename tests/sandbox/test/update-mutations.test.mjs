// like_update / unlike_update, pin_to_top / unpin_from_top and clear_item_updates: each changes
// the store, and a later query shows it.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { startSandbox } from './helpers.mjs';

let sb;
before(async () => {
  sb = await startSandbox();
});
after(async () => {
  await sb.stop();
});

const UPDATE = '300000001';
const readUpdate = async () =>
  (await sb.gql(`{ updates(ids: [${UPDATE}]) { id item_id likes { id creator_id reaction_type } pinned_to_top { item_id } } }`)).json.data.updates[0];

test('like_update records one like per user; unlike_update removes it', async () => {
  const liked = await sb.gql('mutation ($u: ID!) { like_update(update_id: $u) { id likes { creator_id reaction_type } } }', { u: UPDATE });
  assert.equal(liked.json.data.like_update.id, UPDATE);
  assert.deepEqual(liked.json.data.like_update.likes, [{ creator_id: '10000001', reaction_type: 'like' }]);
  await sb.gql('mutation ($u: ID!) { like_update(update_id: $u, reaction_type: "love") { id } }', { u: UPDATE });
  const again = await readUpdate();
  assert.equal(again.likes.length, 1, 'liking twice keeps one like');
  assert.equal(again.likes[0].reaction_type, 'love');
  const unliked = await sb.gql('mutation ($u: ID!) { unlike_update(update_id: $u) { id likes { id } } }', { u: UPDATE });
  assert.deepEqual(unliked.json.data.unlike_update.likes, []);
  assert.deepEqual((await readUpdate()).likes, []);
  const missing = await sb.gql('mutation { like_update(update_id: 1) { id } }');
  assert.equal(missing.json.errors[0].extensions.code, 'InvalidUpdateIdException');
});

test('pin_to_top pins on the update\'s item unless item_id says otherwise; unpin_from_top undoes it', async () => {
  const before = await readUpdate();
  assert.deepEqual(before.pinned_to_top, []);
  const pinned = await sb.gql('mutation ($u: ID!) { pin_to_top(id: $u) { id pinned_to_top { item_id } } }', { u: UPDATE });
  assert.deepEqual(pinned.json.data.pin_to_top.pinned_to_top, [{ item_id: before.item_id }]);
  assert.deepEqual((await readUpdate()).pinned_to_top, [{ item_id: before.item_id }]);
  const unpinned = await sb.gql('mutation ($u: ID!, $i: ID) { unpin_from_top(id: $u, item_id: $i) { pinned_to_top { item_id } } }', { u: UPDATE, i: before.item_id });
  assert.deepEqual(unpinned.json.data.unpin_from_top.pinned_to_top, []);
  assert.deepEqual((await readUpdate()).pinned_to_top, []);
});

test('clear_item_updates returns the item and removes its updates', async () => {
  const { item_id: item } = await readUpdate();
  const listed = async () => (await sb.gql(`{ items(ids: [${item}]) { updates(limit: 100) { id } } }`)).json.data.items[0].updates;
  assert.ok((await listed()).length > 0);
  const cleared = await sb.gql('mutation ($i: ID!) { clear_item_updates(item_id: $i) { id } }', { i: item });
  assert.equal(cleared.json.data.clear_item_updates.id, item);
  assert.deepEqual(await listed(), []);
  assert.deepEqual((await sb.gql(`{ updates(ids: [${UPDATE}]) { id } }`)).json.data.updates, []);
  const missing = await sb.gql('mutation { clear_item_updates(item_id: 1) { id } }');
  assert.ok(missing.json.errors?.length, 'an unknown item is an error');
});
