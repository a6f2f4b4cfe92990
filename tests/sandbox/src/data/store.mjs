// In-memory account data with the indexes resolvers need. Mutations change
// it in place; /__sandbox/reset builds a fresh one from the same seed.

import { generateWorld, ID_BASES } from './generate.mjs';

export class Store {
  constructor(world, { seed, scale }) {
    this.seed = seed;
    this.scale = scale;
    Object.assign(this, world);
    this.usersById = byId(this.users);
    this.teamsById = byId(this.teams);
    this.tagsById = byId(this.tags);
    this.workspacesById = byId(this.workspaces);
    this.foldersById = byId(this.folders);
    this.boardsById = byId(this.boards);
    this.updatesById = byId(this.updates);
    this.repliesById = byId(this.replies);
    this.assetsById = byId(this.assets);
    this.docsById = byId(this.docs);
    this.webhooksById = byId(this.webhooks);
    this.orderCache = new Map();
    // Groups carry their board id so Group.items_page can find the board.
    for (const b of this.boards) for (const g of b.groups) g.board_id = b.id;
    this.next = {
      item: maxKey(this.items) + 1,
      board: Math.max(...this.boards.map((b) => b.id)) + 1,
      update: Math.max(ID_BASES.UPDATE_BASE, ...this.updates.map((u) => u.id)) + 1,
      reply: Math.max(ID_BASES.REPLY_BASE, ...this.replies.map((u) => u.id)) + 1,
      asset: Math.max(ID_BASES.ASSET_BASE, ...this.assets.map((u) => u.id)) + 1,
      tag: Math.max(...this.tags.map((t) => t.id)) + 1,
      like: 700000001, // seeded updates carry no likes
      webhook: Math.max(ID_BASES.WEBHOOK_BASE, ...this.webhooks.map((w) => w.id)) + 1,
      doc: Math.max(...this.docs.map((d) => d.id)) + 1,
      docObject: Math.max(...this.docs.map((d) => d.object_id)) + 1, // a doc's object_id, as in its URL
      view: ID_BASES.VIEW_BASE + 9_000_000,
      serial: 1,
    };
  }

  static generate({ seed, scale }) {
    return new Store(generateWorld({ seed, scale }), { seed, scale });
  }

  // Items of a board in display order: groups by position, then item order.
  // Cached per board until something on the board changes (touchBoard).
  orderedItems(board) {
    let cached = this.orderCache.get(board.id);
    if (!cached) {
      const groups = board.groups.filter((g) => !g.deleted).sort((a, b) => Number(a.position) - Number(b.position));
      cached = [];
      for (const g of groups) for (const id of g.item_ids) {
        const it = this.items.get(id);
        if (it) cached.push(it);
      }
      this.orderCache.set(board.id, cached);
    }
    return cached;
  }

  // Ids of the board's active items in display order, shared by every
  // unfiltered cursor snapshot until the board changes (never mutated).
  activeIds(board) {
    const key = `active:${board.id}`;
    let ids = this.orderCache.get(key);
    if (!ids) {
      const items = this.orderedItems(board);
      ids = new Float64Array(items.length);
      let n = 0;
      for (const it of items) if (it.state === 'active') ids[n++] = it.id;
      ids = ids.slice(0, n);
      this.orderCache.set(key, ids);
    }
    return ids;
  }

  touchBoard(board) {
    this.orderCache.delete(board.id);
    this.orderCache.delete(`active:${board.id}`);
    board.updated_at = Date.now();
  }

  // Private boards are visible only to their owners and subscribers.
  canSee(board, user) {
    if (!board) return false;
    if (board.board_kind !== 'private') return true;
    return board.owner_ids.includes(user.id) || board.subscriber_ids.includes(user.id);
  }

  visibleItem(id, user) {
    const item = this.items.get(Number(id));
    if (!item) return null;
    return this.canSee(this.boardsById.get(item.board_id), user) ? item : null;
  }

  topGroup(board) {
    return board.groups.filter((g) => !g.deleted && !g.archived).sort((a, b) => Number(a.position) - Number(b.position))[0] || board.groups[0];
  }

  newSerial(prefix) {
    // Short, monday-looking suffixes for generated column and group ids.
    const n = this.next.serial++;
    return `${prefix}_mk${(n * 7919 + 1_000_000).toString(36)}`;
  }
}

function byId(list) {
  const m = new Map();
  for (const x of list) m.set(x.id, x);
  return m;
}

function maxKey(map) {
  let m = 0;
  for (const k of map.keys()) if (k > m) m = k;
  return m;
}
