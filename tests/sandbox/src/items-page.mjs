// Cursor paging for items_page / next_items_page / items_page_by_column_values.
//
// The first call takes a snapshot of the matching item ids; cursors point
// into it. That gives the stable view monday promises while a cursor lives,
// and makes every later page O(limit) even on a 100,000-item board. A
// snapshot expires `cursorTtlSeconds` after the first request (60 minutes
// at monday); reusing a cursor returns the same page again.

import crypto from 'node:crypto';
import { ApiError, badArgument } from './errors.mjs';
import { PAGING } from './config.mjs';
import { applyQuery } from './filters.mjs';
import { cellText } from './data/column-types.mjs';
import { inHierarchyScope, isMultiLevelBoard } from './hierarchy.mjs';

const MAX_SNAPSHOTS = 512; // oldest are dropped first; a dropped cursor reads as expired

export class CursorStore {
  constructor() {
    this.snapshots = new Map();
  }

  clear() {
    this.snapshots.clear();
  }

  create(boardId, ids, userId) {
    const key = crypto.randomBytes(12).toString('base64url');
    const snap = { key, boardId, userId, ids: ids instanceof Float64Array ? ids : Float64Array.from(ids), createdAt: Date.now() };
    this.snapshots.set(key, snap);
    if (this.snapshots.size > MAX_SNAPSHOTS) this.snapshots.delete(this.snapshots.keys().next().value);
    return snap;
  }

  encode(snap, offset, limit) {
    return Buffer.from(`1,${snap.boardId},${snap.key},${offset},${limit}|${snap.userId}`).toString('base64').replace(/=+$/, '');
  }

  decode(cursor, ttlSeconds) {
    const text = Buffer.from(String(cursor), 'base64').toString('utf8');
    const m = /^1,(\d+),([\w-]+),(\d+),(\d+)\|(\d+)$/.exec(text);
    if (!m) {
      throw new ApiError('CursorException', 'The cursor is not valid. Use the cursor value returned by the previous page.', {
        errorData: { cursor: String(cursor).slice(0, 200) },
      });
    }
    const snap = this.snapshots.get(m[2]);
    if (!snap || Date.now() - snap.createdAt > ttlSeconds * 1000) {
      if (snap) this.snapshots.delete(m[2]);
      throw new ApiError(
        'CursorExpiredError',
        `CursorExpiredError: the cursor has expired. A cursor is valid for ${Math.round(ttlSeconds / 60)} minutes after the first request; start again with items_page.`,
        { errorData: { cursor_ttl_seconds: ttlSeconds } },
      );
    }
    return { snap, offset: Number(m[3]) };
  }
}

export function checkLimit(limit) {
  if (!Number.isInteger(limit) || limit < 1 || limit > PAGING.itemsPageMax) {
    throw badArgument(`limit must be between 1 and ${PAGING.itemsPageMax} (got ${limit})`, { limit, max: PAGING.itemsPageMax });
  }
}

// A cursor is tied to the user who opened it (monday's cursors carry the user id).
function ownSnapshot(snap, ctx) {
  if (snap.userId !== ctx.user.id) {
    throw new ApiError('CursorException', 'This cursor was issued to another user', { statusCode: 403, errorData: {} });
  }
  return snap;
}

function pageFrom(snap, offset, limit, ctx) {
  const end = Math.min(snap.ids.length, offset + limit);
  const items = [];
  for (let k = offset; k < end; k++) {
    const it = ctx.store.items.get(snap.ids[k]);
    if (it) items.push(it);
  }
  const cursor = end < snap.ids.length ? ctx.cursors.encode(snap, end, limit) : null;
  return { cursor, items };
}

// First page for a board (or a group): filter, snapshot, serve.
export function itemsPage(board, { limit, cursor, query_params: queryParams, hierarchy_scope_config: scope }, ctx, group = null) {
  checkLimit(limit);
  if (cursor != null) {
    if (queryParams != null) {
      throw badArgument('query_params cannot be combined with cursor: the cursor already carries the query', { cursor: true, query_params: true });
    }
    const { snap, offset } = ctx.cursors.decode(cursor, ctx.config.cursorTtlSeconds);
    ownSnapshot(snap, ctx);
    if (snap.boardId !== board.id) throw badArgument('This cursor belongs to another board', { board_id: String(board.id) });
    return pageFrom(snap, offset, limit, ctx);
  }
  let ids;
  if (!queryParams && !group && !isMultiLevelBoard(board)) ids = ctx.store.activeIds(board);
  else {
    const items = ctx.store.orderedItems(board).filter((i) => i.state === 'active' && (!group || i.group_id === group.id));
    const matches = (list) => (queryParams ? applyQuery(list, queryParams, board, ctx) : list);
    ids = inHierarchyScope(ctx.store, board, items, matches, scope).map((i) => i.id);
  }
  const snap = ctx.cursors.create(board.id, ids, ctx.user.id);
  return pageFrom(snap, 0, limit, ctx);
}

export function nextItemsPage({ cursor, limit }, ctx) {
  checkLimit(limit);
  const { snap, offset } = ctx.cursors.decode(cursor, ctx.config.cursorTtlSeconds);
  return pageFrom(ownSnapshot(snap, ctx), offset, limit, ctx);
}

// items_page_by_column_values: exact matches on the cells' text (any listed
// value per column; every listed column must match), case-insensitive.
export function itemsByColumnValues(board, { columns, cursor, limit, hierarchy_scope_config: scope }, ctx) {
  checkLimit(limit);
  if (cursor != null) return nextItemsPage({ cursor, limit }, ctx);
  const checks = (columns || []).map((c) => {
    const wanted = new Set((c.column_values || []).map((v) => String(v ?? '').trim().toLowerCase()));
    if (c.column_id === 'name') return (i) => wanted.has(i.name.trim().toLowerCase());
    const col = board.columns.find((x) => x.id === c.column_id);
    if (!col) {
      throw new ApiError('InvalidColumnIdException', `Column ${c.column_id} was not found on board ${board.id}`, { errorData: { column_id: c.column_id } });
    }
    return (i) => wanted.has(String(cellText({ col, item: i, raw: i.values[col.id] ?? null }, ctx.store) ?? '').trim().toLowerCase());
  });
  const active = ctx.store.orderedItems(board).filter((i) => i.state === 'active');
  const matched = inHierarchyScope(ctx.store, board, active, (list) => list.filter((i) => checks.every((f) => f(i))), scope);
  const snap = ctx.cursors.create(board.id, matched.map((i) => i.id), ctx.user.id);
  return pageFrom(snap, 0, limit, ctx);
}
