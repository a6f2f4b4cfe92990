// Mutations: items, subitems, column values, boards, groups, columns,
// updates, tags, webhooks, file uploads and docs, changing the in-memory store.

import crypto from 'node:crypto';
import { ApiError, badArgument } from '../errors.mjs';
import { PAGING, ACCOUNT_ID } from '../config.mjs';
import { parseColumnJson, parseColumnSimple } from '../data/column-writes.mjs';
import { defaultSettings, ALL_COLUMN_TYPES, docUrl } from '../data/column-types.mjs';
import { blockTypeName, markdownBlocks } from '../data/doc-blocks.mjs';
import { descendants, isMultiLevelBoard } from '../hierarchy.mjs';

const n = (id) => Number(id);

export function boardOf(ctx, id) {
  const b = ctx.store.boardsById.get(n(id));
  if (!b || b.state === 'deleted' || !ctx.store.canSee(b, ctx.user)) {
    throw new ApiError('InvalidBoardIdException', `Board ${id} was not found or you have no access to it`, { errorData: { board_id: String(id) } });
  }
  return b;
}

function itemOf(ctx, id, board = null) {
  if (id == null) throw new ApiError('InvalidItemIdException', 'item_id is required', { errorData: {} });
  const it = ctx.store.visibleItem(id, ctx.user);
  if (!it || it.state === 'deleted' || (board && it.board_id !== board.id)) {
    throw new ApiError('InvalidItemIdException', `Item ${id} was not found${board ? ` on board ${board.id}` : ''}`, { errorData: { item_id: String(id) } });
  }
  return it;
}

function visibleUpdate(ctx, id) {
  const u = ctx.store.updatesById.get(n(id));
  if (!u || !ctx.store.visibleItem(u.item_id, ctx.user)) throw new ApiError('InvalidUpdateIdException', `Update ${id} was not found`, { errorData: {} });
  return u;
}

function groupOf(board, groupId) {
  const g = board.groups.find((x) => x.id === groupId && !x.deleted);
  if (!g) throw new ApiError('InvalidGroupIdException', `Group ${groupId} was not found on board ${board.id}`, { errorData: { group_id: groupId } });
  return g;
}

function checkName(name) {
  if (typeof name !== 'string' || name.trim() === '') throw badArgument('item_name must not be empty', {});
  if ([...name].length > PAGING.itemNameMax) {
    throw new ApiError('ItemNameTooLongException', `Item name is too long: at most ${PAGING.itemNameMax} characters are allowed`, {
      errorData: { max_length: PAGING.itemNameMax, length: [...name].length },
    });
  }
}

// The JSON scalar arrives as a JSON-encoded string (monday's documented form)
// or, from a literal object, already parsed. Both are accepted.
function parseJsonArg(value, what) {
  if (value == null) return null;
  if (typeof value !== 'string') return value;
  try {
    return JSON.parse(value);
  } catch {
    throw new ApiError('ColumnValueException', `${what} is not valid JSON`, { errorData: { [what]: value } });
  }
}

function logActivity(ctx, board, item, event, column = null) {
  const logs = ctx.store.activityLogs.get(board.id) || [];
  const data = { board_id: board.id, group_id: item.group_id, pulse_id: item.id, pulse_name: item.name };
  if (column) Object.assign(data, { column_id: column.id, column_title: column.title });
  logs.unshift({ id: crypto.randomUUID(), event, entity: 'pulse', at: Date.now(), user_id: ctx.user.id, item_id: item.id, group_id: item.group_id, column_id: column ? column.id : null, data });
  ctx.store.activityLogs.set(board.id, logs);
}

function touch(ctx, board, item) {
  item.updated_at = Date.now();
  item.updater_id = ctx.user.id;
  ctx.store.touchBoard(board);
}

// What delete_item and archive_item do to an item (state 'deleted' / 'archived'); the bulk
// jobs (graphql/jobs.mjs) do the same to each item they change.
export function setItemState(ctx, item, state) {
  item.state = state;
  const board = ctx.store.boardsById.get(item.board_id);
  // On a multi-level board deleting or archiving an item does the same to every level below it.
  if (isMultiLevelBoard(board)) {
    for (const below of descendants(ctx.store, item)) if (below.state === 'active' || state === 'deleted') below.state = state;
  }
  touch(ctx, board, item);
}

// Applies a {column_id: value} object to an item; "name" renames it.
function applyColumnValues(ctx, board, item, values, { createLabels, fromCreate = false }) {
  if (values == null) return;
  if (typeof values !== 'object' || Array.isArray(values)) throw new ApiError('ColumnValueException', 'column_values must be a JSON object keyed by column id', { errorData: {} });
  for (const [colId, value] of Object.entries(values)) {
    if (colId === 'name') {
      checkName(String(value));
      item.name = String(value);
      continue;
    }
    const col = board.columns.find((c) => c.id === colId && !c.archived);
    if (!col) {
      throw new ApiError('InvalidColumnIdException', `This column ID doesn't exist for the board: ${colId}`, { errorData: { column_id: colId, board_id: String(board.id) } });
    }
    const raw = parseColumnJson(col, value, { store: ctx.store, createLabels, fromCreate });
    if (raw == null) delete item.values[col.id];
    else item.values[col.id] = raw;
    logActivity(ctx, board, item, 'update_column_value', col);
  }
}

function insertItem(ctx, board, group, name, { positionMethod, relativeTo } = {}) {
  const store = ctx.store;
  const now = Date.now();
  const item = {
    id: store.next.item++, name, board_id: board.id, group_id: group.id, state: 'active', created_at: now, updated_at: now,
    creator_id: ctx.user.id, values: {}, parent_id: null, subitem_ids: [], subscriber_ids: [ctx.user.id], auto_number: ++board.auto_number,
  };
  store.items.set(item.id, item);
  const rel = relativeTo != null ? group.item_ids.indexOf(n(relativeTo)) : -1;
  if (rel >= 0) group.item_ids.splice(positionMethod === 'before_at' ? rel : rel + 1, 0, item.id);
  else group.item_ids.push(item.id); // assumption: new items go to the end of the group
  store.touchBoard(board);
  return item;
}

// A subitem on a multi-level board lives on the board itself, in its parent's group, at most five
// levels down. The error for a sixth level is not published [U].
const MAX_LEVELS = 5;
function createNestedItem(ctx, board, parent, args) {
  let levels = 1;
  for (let it = parent; it.parent_id; it = ctx.store.items.get(it.parent_id)) levels++;
  if (levels >= MAX_LEVELS) throw badArgument(`A multi-level board nests at most ${MAX_LEVELS} levels of items`, { parent_item_id: String(parent.id) });
  const values = parseJsonArg(args.column_values, 'column_values');
  const probe = { values: {}, name: args.item_name, group_id: parent.group_id, id: 0 };
  applyColumnValues({ ...ctx, store: { ...ctx.store, activityLogs: new Map() } }, board, probe, values, { createLabels: args.create_labels_if_missing, fromCreate: true });
  const group = board.groups.find((g) => g.id === parent.group_id) || board.groups[0];
  const item = insertItem(ctx, board, group, probe.name, { relativeTo: lastDescendant(ctx.store, parent).id });
  item.values = probe.values;
  item.parent_id = parent.id;
  parent.subitem_ids.push(item.id);
  touch(ctx, board, parent);
  return item;
}
const lastDescendant = (store, item) => {
  const kids = item.subitem_ids.map((id) => store.items.get(id)).filter(Boolean);
  return kids.length ? lastDescendant(store, kids[kids.length - 1]) : item;
};

function subitemsBoard(ctx, parentBoard) {
  const store = ctx.store;
  if (parentBoard.subitems_board_id) return store.boardsById.get(parentBoard.subitems_board_id);
  // monday creates the subitems board and the parent's subtasks column on first use.
  const id = store.next.board++;
  const board = {
    id, name: `Subitems of ${parentBoard.name}`, description: null, board_kind: parentBoard.board_kind, state: 'active', type: 'sub_items_board',
    workspace_id: parentBoard.workspace_id, folder_id: null, creator_id: ctx.user.id, owner_ids: [...parentBoard.owner_ids],
    subscriber_ids: [...parentBoard.subscriber_ids], team_owner_ids: [], team_subscriber_ids: [], tag_ids: [], created_at: Date.now(),
    updated_at: Date.now(), permissions: 'everyone', hierarchy_type: 'classic', item_terminology: 'subitem', communication: null, items_limit: null,
    columns: [
      { id: 'name', title: 'Name', type: 'name', description: null, width: null, archived: false, settings: {} },
      { id: 'person', title: 'Owner', type: 'people', description: null, width: null, archived: false, settings: {} },
      { id: 'status', title: 'Status', type: 'status', description: null, width: null, archived: false, settings: defaultSettings('status') },
      { id: 'date0', title: 'Date', type: 'date', description: null, width: null, archived: false, settings: {} },
    ],
    groups: [{ id: 'topics', title: 'Subitems', color: '#c4c4c4', position: '65536', archived: false, deleted: false, item_ids: [], board_id: id }],
    views: [], parent_board_id: parentBoard.id, subitems_board_id: null, auto_number: 0,
  };
  store.boards.push(board);
  store.boardsById.set(id, board);
  parentBoard.subitems_board_id = id;
  if (!parentBoard.columns.some((c) => c.type === 'subtasks')) {
    parentBoard.columns.splice(1, 0, { id: 'subitems', title: 'Subitems', type: 'subtasks', description: null, width: null, archived: false, settings: { boardIds: [id], allowMultipleItems: true, itemTypeName: 'subitem' } });
  }
  return board;
}

function copyUpdates(ctx, from, to) {
  for (const u of ctx.store.updates.filter((x) => x.item_id === from.id)) {
    const dup = { ...u, id: ctx.store.next.update++, item_id: to.id, board_id: to.board_id, reply_ids: [] };
    ctx.store.updates.push(dup);
    ctx.store.updatesById.set(dup.id, dup);
  }
}

// Column values of an item moving from one board to another. With a mapping, every column of
// `from` must be listed (target null = drop the value); without one, a value goes to the column
// of `to` with the same title and type. Values only move between columns of the same type.
function mapColumnValues(from, to, values, mapping) {
  const live = (board, id) => board.columns.find((c) => c.id === id && !c.archived);
  const target = new Map();
  if (mapping) {
    for (const m of mapping) {
      if (!live(from, m.source)) throw new ApiError('InvalidColumnIdException', `This column ID doesn't exist for the board: ${m.source}`, { errorData: { column_id: m.source, board_id: String(from.id) } });
      if (m.target != null && !live(to, m.target)) throw new ApiError('InvalidColumnIdException', `This column ID doesn't exist for the board: ${m.target}`, { errorData: { column_id: m.target, board_id: String(to.id) } });
      target.set(m.source, m.target ?? null);
    }
    const missing = from.columns.filter((c) => !c.archived && c.type !== 'name' && c.type !== 'subtasks' && !target.has(c.id)).map((c) => c.id);
    if (missing.length) throw badArgument(`columns_mapping must map every column of board ${from.id}; missing: ${missing.join(', ')}`, { missing_column_ids: missing });
  } else {
    for (const c of from.columns) {
      const match = to.columns.find((t) => !t.archived && t.type === c.type && t.title.toLowerCase() === c.title.toLowerCase());
      if (match) target.set(c.id, match.id);
    }
  }
  const out = {};
  for (const [id, raw] of Object.entries(values)) {
    const dest = target.get(id);
    if (!dest || live(from, id)?.type !== live(to, dest)?.type) continue;
    out[dest] = structuredClone(raw);
  }
  return out;
}

function newColumnId(board, type, wanted) {
  if (wanted) {
    if (!/^[a-z][a-z0-9_]{0,19}$/.test(wanted)) throw badArgument('Column id must be lowercase letters, digits and underscores, at most 20 characters', { id: wanted });
    if (board.columns.some((c) => c.id === wanted)) throw badArgument(`Column id ${wanted} already exists on this board`, { id: wanted });
    return wanted;
  }
  let id = board.columns.some((c) => c.id === type) ? null : type;
  while (!id || board.columns.some((c) => c.id === id)) id = `${type.slice(0, 8)}_mk${crypto.randomBytes(3).toString('hex')}`;
  return id;
}

function addAsset(ctx, file, extra) {
  if (!file || !file.buffer) throw badArgument('file is missing: send it as a multipart part (variables[file] or the map form)', {});
  const store = ctx.store;
  const asset = {
    id: store.next.asset++, account_id: ACCOUNT_ID, created_at: Date.now(), uploaded_by: ctx.user.id, name: file.filename,
    file_extension: String(file.filename).includes('.') ? String(file.filename).split('.').pop() : '', file_size: file.size,
    original_geometry: null, item_id: null, column_id: null, update_id: null, data: file.buffer, mimetype: file.mimetype, ...extra,
  };
  store.assets.push(asset);
  store.assetsById.set(asset.id, asset);
  return asset;
}

// Docs are not private per user in the sandbox: every doc is visible to every token.
function docOf(ctx, id) {
  const d = ctx.store.docsById.get(n(id));
  if (!d) throw new ApiError('ResourceNotFoundException', `Document ${id} was not found`, { statusCode: 404, errorData: { doc_id: String(id) } });
  return d;
}

// Puts new blocks into the doc's block list (document order) after `afterId`, or at `atStart`
// / the end. Positions stay ascending: each new block sits halfway between its neighbours.
function insertBlocks(ctx, doc, specs, { afterId = null, atStart = false, parentId = null } = {}) {
  const blocks = (doc.blocks ??= []);
  let index = atStart ? 0 : blocks.length;
  if (afterId != null) {
    const after = blocks.findIndex((b) => b.id === afterId);
    if (after < 0) throw new ApiError('InvalidArgumentException', `Block ${afterId} was not found in document ${doc.id}`, { errorData: { block_id: afterId } });
    index = after + 1;
  } else if (parentId != null) {
    index = blocks.findIndex((b) => b.id === parentId) + 1; // first child of its parent
  }
  const created = [];
  const now = Date.now();
  for (const spec of specs) {
    const prev = index > 0 ? blocks[index - 1].position : 0;
    const next = index < blocks.length ? blocks[index].position : prev + 2000;
    const block = {
      id: crypto.randomUUID(), doc_id: doc.id, type: spec.type, content: spec.content, parent_block_id: parentId,
      position: (prev + next) / 2, created_at: now, updated_at: now, created_by: ctx.user.id,
    };
    blocks.splice(index++, 0, block);
    created.push(block);
  }
  doc.updated_at = now;
  return created;
}

function addDoc(ctx, { name, workspaceId, kind = 'public', folderId = null, blocks = [] }) {
  const store = ctx.store;
  const doc = {
    id: store.next.doc++, object_id: store.next.docObject++, name, workspace_id: workspaceId, doc_kind: kind,
    created_at: Date.now(), created_by: ctx.user.id, doc_folder_id: folderId,
  };
  doc.url = docUrl(doc);
  doc.blocks = blocks.map((b) => ({ ...b, id: crypto.randomUUID(), doc_id: doc.id }));
  // Parents are copied with new ids; their children follow them.
  const renamed = new Map(blocks.map((b, i) => [b.id, doc.blocks[i].id]));
  for (const b of doc.blocks) if (b.parent_block_id != null) b.parent_block_id = renamed.get(b.parent_block_id) ?? null;
  store.docs.push(doc);
  store.docsById.set(doc.id, doc);
  return doc;
}

export const mutationResolvers = {
  complexity: (_s, _a, ctx) => ctx.complexity,

  create_item(_s, args, ctx) {
    const board = boardOf(ctx, args.board_id);
    checkName(args.item_name);
    const group = args.group_id ? groupOf(board, args.group_id) : ctx.store.topGroup(board);
    const values = parseJsonArg(args.column_values, 'column_values');
    // Validate everything before the item exists, so a bad value creates nothing.
    const probe = { values: {}, name: args.item_name, group_id: group.id, id: 0 };
    applyColumnValues({ ...ctx, store: { ...ctx.store, activityLogs: new Map() } }, board, probe, values, { createLabels: args.create_labels_if_missing, fromCreate: true });
    const item = insertItem(ctx, board, group, probe.name, { positionMethod: args.position_relative_method, relativeTo: args.relative_to });
    item.values = probe.values;
    logActivity(ctx, board, item, 'create_pulse');
    return item;
  },

  create_subitem(_s, args, ctx) {
    const parent = itemOf(ctx, args.parent_item_id);
    checkName(args.item_name);
    const parentBoard = ctx.store.boardsById.get(parent.board_id);
    if (parentBoard.type === 'sub_items_board') throw badArgument('Subitems cannot have subitems', { parent_item_id: String(parent.id) });
    if (isMultiLevelBoard(parentBoard)) return createNestedItem(ctx, parentBoard, parent, args);
    const board = subitemsBoard(ctx, parentBoard);
    const values = parseJsonArg(args.column_values, 'column_values');
    const probe = { values: {}, name: args.item_name, group_id: 'topics', id: 0 };
    applyColumnValues({ ...ctx, store: { ...ctx.store, activityLogs: new Map() } }, board, probe, values, { createLabels: args.create_labels_if_missing, fromCreate: true });
    const item = insertItem(ctx, board, board.groups[0], probe.name);
    item.values = probe.values;
    item.parent_id = parent.id;
    parent.subitem_ids.push(item.id);
    touch(ctx, parentBoard, parent);
    return item;
  },

  change_multiple_column_values(_s, args, ctx) {
    const board = boardOf(ctx, args.board_id);
    const item = itemOf(ctx, args.item_id, board);
    applyColumnValues(ctx, board, item, parseJsonArg(args.column_values, 'column_values'), { createLabels: args.create_labels_if_missing });
    touch(ctx, board, item);
    return item;
  },

  change_column_value(_s, args, ctx) {
    const board = boardOf(ctx, args.board_id);
    const item = itemOf(ctx, args.item_id, board);
    applyColumnValues(ctx, board, item, { [args.column_id]: parseJsonArg(args.value, 'value') }, { createLabels: args.create_labels_if_missing });
    touch(ctx, board, item);
    return item;
  },

  change_simple_column_value(_s, args, ctx) {
    const board = boardOf(ctx, args.board_id);
    const item = itemOf(ctx, args.item_id, board);
    if (args.column_id === 'name') {
      checkName(String(args.value ?? ''));
      item.name = String(args.value);
    } else {
      const col = board.columns.find((c) => c.id === args.column_id && !c.archived);
      if (!col) throw new ApiError('InvalidColumnIdException', `This column ID doesn't exist for the board: ${args.column_id}`, { errorData: { column_id: args.column_id } });
      const raw = parseColumnSimple(col, args.value, { store: ctx.store, createLabels: args.create_labels_if_missing });
      if (raw == null) delete item.values[col.id];
      else item.values[col.id] = raw;
      logActivity(ctx, board, item, 'update_column_value', col);
    }
    touch(ctx, board, item);
    return item;
  },

  delete_item(_s, args, ctx) {
    const item = itemOf(ctx, args.item_id);
    setItemState(ctx, item, 'deleted');
    return item;
  },

  archive_item(_s, args, ctx) {
    const item = itemOf(ctx, args.item_id);
    setItemState(ctx, item, 'archived');
    return item;
  },

  duplicate_item(_s, args, ctx) {
    const board = boardOf(ctx, args.board_id);
    const src = itemOf(ctx, args.item_id, board);
    const group = groupOf(board, src.group_id);
    const copy = insertItem(ctx, board, group, src.name, { positionMethod: 'after_at', relativeTo: src.id });
    copy.values = structuredClone(src.values);
    if (args.with_updates) copyUpdates(ctx, src, copy);
    return copy;
  },

  // The item, its column values (mapped by column id, or by title and type when no mapping is
  // given) and its subitems move; the item keeps its id. With columns_mapping every column of the
  // source board must be listed (a null target drops that column's value), as monday requires.
  move_item_to_board(_s, args, ctx) {
    const store = ctx.store;
    const item = itemOf(ctx, args.item_id);
    if (item.parent_id != null) throw badArgument('A subitem cannot be moved to another board; move its parent item', { item_id: String(item.id) });
    const from = store.boardsById.get(item.board_id);
    const to = boardOf(ctx, args.board_id);
    if (to.type === 'sub_items_board') throw badArgument('Items cannot be moved into a subitems board', { board_id: String(to.id) });
    const group = groupOf(to, String(args.group_id));
    const values = mapColumnValues(from, to, item.values, args.columns_mapping);
    let subitems = [];
    if (item.subitem_ids.length) {
      const fromSub = store.boardsById.get(from.subitems_board_id);
      const toSub = subitemsBoard(ctx, to);
      subitems = item.subitem_ids.map((id) => store.items.get(id)).filter(Boolean).map((sub) => ({ sub, values: mapColumnValues(fromSub, toSub, sub.values, args.subitems_columns_mapping) }));
      for (const { sub, values: subValues } of subitems) {
        for (const g of fromSub.groups) g.item_ids = g.item_ids.filter((id) => id !== sub.id);
        sub.values = subValues;
        sub.board_id = toSub.id;
        sub.group_id = toSub.groups[0].id;
        toSub.groups[0].item_ids.push(sub.id);
      }
      store.touchBoard(fromSub);
      store.touchBoard(toSub);
    }
    for (const g of from.groups) g.item_ids = g.item_ids.filter((id) => id !== item.id);
    item.values = values;
    item.board_id = to.id;
    item.group_id = group.id;
    group.item_ids.unshift(item.id);
    store.touchBoard(from);
    touch(ctx, to, item);
    return item;
  },

  move_item_to_group(_s, args, ctx) {
    const item = itemOf(ctx, args.item_id);
    const board = ctx.store.boardsById.get(item.board_id);
    const target = groupOf(board, args.group_id);
    const from = board.groups.find((g) => g.id === item.group_id);
    if (from) from.item_ids = from.item_ids.filter((id) => id !== item.id);
    target.item_ids.unshift(item.id);
    item.group_id = target.id;
    touch(ctx, board, item);
    return item;
  },

  // A copy of the board's columns and groups; with pulses its active items (and with updates
  // their updates) too. The copy is always made at once here (is_async false).
  duplicate_board(_s, args, ctx) {
    const store = ctx.store;
    const src = boardOf(ctx, args.board_id);
    if (src.type === 'sub_items_board') throw badArgument('A subitems board cannot be duplicated; duplicate its parent board', { board_id: String(src.id) });
    if (args.workspace_id != null && !store.workspacesById.has(n(args.workspace_id))) {
      throw new ApiError('InvalidWorkspaceIdException', `Workspace ${args.workspace_id} was not found`, { errorData: { workspace_id: String(args.workspace_id) } });
    }
    if (args.folder_id != null && !store.foldersById.has(n(args.folder_id))) throw new ApiError('InvalidFolderIdException', `Folder ${args.folder_id} was not found`, { errorData: {} });
    const id = store.next.board++;
    const now = Date.now();
    const board = structuredClone(src);
    const movedWorkspace = args.workspace_id != null && n(args.workspace_id) !== src.workspace_id;
    Object.assign(board, {
      id, name: args.board_name || `Duplicate of ${src.name}`, state: 'active', creator_id: ctx.user.id, created_at: now, updated_at: now,
      workspace_id: args.workspace_id != null ? n(args.workspace_id) : src.workspace_id,
      folder_id: args.folder_id != null ? n(args.folder_id) : movedWorkspace ? null : src.folder_id,
      owner_ids: args.keep_subscribers ? [...new Set([...src.owner_ids, ctx.user.id])] : [ctx.user.id],
      subscriber_ids: args.keep_subscribers ? [...new Set([...src.subscriber_ids, ctx.user.id])] : [ctx.user.id],
      // Subitems are not copied by the sandbox: the copy has no subitems column.
      columns: board.columns.filter((c) => c.type !== 'subtasks' && !c.archived),
      groups: board.groups.filter((g) => !g.deleted).map((g) => ({ ...g, item_ids: [], board_id: id })),
      views: [], parent_board_id: null, subitems_board_id: null, auto_number: 0,
    });
    store.boards.push(board);
    store.boardsById.set(id, board);
    if (args.duplicate_type !== 'duplicate_board_with_structure') {
      for (const srcGroup of src.groups.filter((g) => !g.deleted)) {
        const group = board.groups.find((g) => g.id === srcGroup.id);
        for (const itemId of srcGroup.item_ids) {
          const it = store.items.get(itemId);
          if (!it || it.state !== 'active') continue;
          const copy = insertItem(ctx, board, group, it.name);
          copy.values = structuredClone(it.values);
          if (args.duplicate_type === 'duplicate_board_with_pulses_and_updates') copyUpdates(ctx, it, copy);
        }
      }
    }
    return { board, is_async: false };
  },

  create_board(_s, args, ctx) {
    const store = ctx.store;
    if (!args.board_name || !args.board_name.trim()) throw badArgument('board_name must not be empty', {});
    const ws = args.workspace_id != null ? store.workspacesById.get(n(args.workspace_id)) : store.workspaces.find((w) => w.is_default_workspace);
    if (!ws) throw new ApiError('InvalidWorkspaceIdException', `Workspace ${args.workspace_id} was not found`, { errorData: { workspace_id: String(args.workspace_id) } });
    if (args.folder_id != null && !store.foldersById.has(n(args.folder_id))) throw new ApiError('InvalidFolderIdException', `Folder ${args.folder_id} was not found`, { errorData: {} });
    const id = store.next.board++;
    const now = Date.now();
    const col = (cid, title, type) => ({ id: cid, title, type, description: null, width: null, archived: false, settings: defaultSettings(type) });
    const owners = args.board_owner_ids ? args.board_owner_ids.map(n) : [ctx.user.id];
    const board = {
      id, name: args.board_name, description: args.description ?? null, board_kind: args.board_kind, state: 'active', type: 'board',
      workspace_id: ws.id, folder_id: args.folder_id != null ? n(args.folder_id) : null, creator_id: ctx.user.id, owner_ids: owners,
      subscriber_ids: [...new Set([...owners, ...(args.board_subscriber_ids || []).map(n)])],
      team_owner_ids: (args.board_owner_team_ids || []).map(n), team_subscriber_ids: (args.board_subscriber_teams_ids || []).map(n),
      tag_ids: [], created_at: now, updated_at: now, permissions: 'everyone', hierarchy_type: 'classic',
      item_terminology: args.item_nickname && args.item_nickname.singular ? args.item_nickname.singular : 'item', communication: null, items_limit: null,
      // A new board comes with monday's usual starter columns unless empty: true.
      columns: args.empty ? [col('name', 'Name', 'name')] : [col('name', 'Name', 'name'), col('person', 'Person', 'people'), col('status', 'Status', 'status'), col('date4', 'Date', 'date')],
      groups: [{ id: 'topics', title: 'Group Title', color: '#579bfc', position: '65536', archived: false, deleted: false, item_ids: [], board_id: id }],
      views: [], parent_board_id: null, subitems_board_id: null, auto_number: 0,
    };
    store.boards.push(board);
    store.boardsById.set(id, board);
    return board;
  },

  update_board(_s, args, ctx) {
    const board = boardOf(ctx, args.board_id);
    switch (args.board_attribute) {
      case 'name': board.name = args.new_value; break;
      case 'description': board.description = args.new_value; break;
      case 'communication': board.communication = args.new_value; break;
      case 'item_nickname': board.item_terminology = args.new_value; break;
      default: break;
    }
    ctx.store.touchBoard(board);
    return JSON.stringify({ success: true, undo_data: { undo_record_id: null, action_type: 'modify_project', entity_type: 'Board', entity_id: board.id, count: 1 } });
  },

  archive_board(_s, args, ctx) {
    const board = boardOf(ctx, args.board_id);
    board.state = 'archived';
    return board;
  },

  delete_board(_s, args, ctx) {
    const board = boardOf(ctx, args.board_id);
    board.state = 'deleted';
    return board;
  },

  create_group(_s, args, ctx) {
    const board = boardOf(ctx, args.board_id);
    if (!args.group_name || !args.group_name.trim()) throw badArgument('group_name must not be empty', {});
    const sorted = board.groups.filter((g) => !g.deleted).sort((a, b) => Number(a.position) - Number(b.position));
    let position;
    const rel = args.relative_to ? sorted.findIndex((g) => g.id === args.relative_to) : -1;
    if (rel >= 0) {
      const here = Number(sorted[rel].position);
      const other = args.position_relative_method === 'before_at' ? Number(sorted[rel - 1]?.position ?? 0) : Number(sorted[rel + 1]?.position ?? here + 131072);
      position = String((here + other) / 2);
    } else if (args.position != null) position = String(args.position);
    else position = String(Number(sorted[0]?.position ?? 131072) / 2); // new groups go on top
    const group = {
      id: ctx.store.newSerial('group'), title: args.group_name, color: args.group_color || '#579bfc', position, archived: false, deleted: false, item_ids: [], board_id: board.id,
    };
    board.groups.push(group);
    ctx.store.touchBoard(board);
    return group;
  },

  update_group(_s, args, ctx) {
    const board = boardOf(ctx, args.board_id);
    const group = groupOf(board, args.group_id);
    switch (args.group_attribute) {
      case 'title': group.title = args.new_value; break;
      case 'color': group.color = args.new_value; break;
      case 'position': group.position = String(args.new_value); break;
      case 'relative_position_after':
      case 'relative_position_before': {
        const other = groupOf(board, args.new_value);
        group.position = String(Number(other.position) + (args.group_attribute === 'relative_position_after' ? 1 : -1));
        break;
      }
      default: break;
    }
    ctx.store.touchBoard(board);
    return group;
  },

  // The copy (with copies of the group's active items) goes right below the original, or on top
  // with add_to_top; monday titles it "Duplicate of <title>" unless group_title says otherwise.
  duplicate_group(_s, args, ctx) {
    const board = boardOf(ctx, args.board_id);
    const src = groupOf(board, args.group_id);
    const sorted = board.groups.filter((g) => !g.deleted).sort((a, b) => Number(a.position) - Number(b.position));
    let position;
    if (args.add_to_top) position = String(Number(sorted[0].position) / 2);
    else {
      const next = sorted[sorted.indexOf(src) + 1];
      position = String(next ? (Number(src.position) + Number(next.position)) / 2 : Number(src.position) + 65536);
    }
    const group = {
      id: ctx.store.newSerial('group'), title: args.group_title || `Duplicate of ${src.title}`, color: src.color, position, archived: false, deleted: false,
      item_ids: [], board_id: board.id,
    };
    board.groups.push(group);
    for (const itemId of src.item_ids) {
      const it = ctx.store.items.get(itemId);
      if (!it || it.state !== 'active') continue;
      const copy = insertItem(ctx, board, group, it.name);
      copy.values = structuredClone(it.values);
    }
    ctx.store.touchBoard(board);
    return group;
  },

  archive_group(_s, args, ctx) {
    const board = boardOf(ctx, args.board_id);
    const group = groupOf(board, args.group_id);
    group.archived = true;
    ctx.store.touchBoard(board);
    return group;
  },

  delete_group(_s, args, ctx) {
    const board = boardOf(ctx, args.board_id);
    const group = groupOf(board, args.group_id);
    if (board.groups.filter((g) => !g.deleted).length <= 1) {
      throw new ApiError('DeleteLastGroupException', 'The last group on a board cannot be deleted', { statusCode: 409, errorData: { group_id: group.id } });
    }
    group.deleted = true;
    for (const id of group.item_ids) ctx.store.items.get(id).state = 'deleted';
    ctx.store.touchBoard(board);
    return group;
  },

  create_column(_s, args, ctx) {
    const board = boardOf(ctx, args.board_id);
    if (!ALL_COLUMN_TYPES.includes(args.column_type) || args.column_type === 'name') {
      throw badArgument(`Column type ${args.column_type} cannot be created through the API`, { column_type: args.column_type });
    }
    const defaults = parseJsonArg(args.defaults, 'defaults');
    const settings = { ...defaultSettings(args.column_type), ...(defaults && typeof defaults === 'object' ? defaults : {}) };
    // Status defaults may come in the old {"labels":{"1":"Done"}} map form.
    if (args.column_type === 'status' && settings.labels && !Array.isArray(settings.labels)) {
      settings.labels = Object.entries(settings.labels).map(([id, label], index) => ({ id: Number(id), color: Number(id), label, index, is_done: false, is_deactivated: false }));
    }
    const column = { id: newColumnId(board, args.column_type, args.id), title: args.title, type: args.column_type, description: args.description ?? null, width: null, archived: false, settings };
    const after = args.after_column_id ? board.columns.findIndex((c) => c.id === args.after_column_id) : -1;
    if (after >= 0) board.columns.splice(after + 1, 0, column);
    else board.columns.push(column);
    ctx.store.touchBoard(board);
    return column;
  },

  change_column_title(_s, args, ctx) {
    const board = boardOf(ctx, args.board_id);
    const col = board.columns.find((c) => c.id === args.column_id && !c.archived);
    if (!col) throw new ApiError('InvalidColumnIdException', `This column ID doesn't exist for the board: ${args.column_id}`, { errorData: { column_id: args.column_id } });
    col.title = args.title;
    return col;
  },

  change_column_metadata(_s, args, ctx) {
    const board = boardOf(ctx, args.board_id);
    const col = board.columns.find((c) => c.id === args.column_id && !c.archived);
    if (!col) throw new ApiError('InvalidColumnIdException', `This column ID doesn't exist for the board: ${args.column_id}`, { errorData: { column_id: args.column_id } });
    if (args.column_property === 'title') col.title = args.value;
    if (args.column_property === 'description') col.description = args.value;
    return col;
  },

  delete_column(_s, args, ctx) {
    const board = boardOf(ctx, args.board_id);
    const col = board.columns.find((c) => c.id === args.column_id && !c.archived);
    if (!col) throw new ApiError('InvalidColumnIdException', `This column ID doesn't exist for the board: ${args.column_id}`, { errorData: { column_id: args.column_id } });
    if (col.type === 'name') throw badArgument('The name column cannot be deleted', { column_id: col.id });
    col.archived = true; // hidden from columns and column_values from now on
    ctx.store.touchBoard(board);
    return col;
  },

  create_update(_s, args, ctx) {
    const store = ctx.store;
    const now = Date.now();
    const text = String(args.body).replace(/<[^>]*>/g, '');
    if (args.parent_id != null) {
      const parent = store.updatesById.get(n(args.parent_id));
      if (!parent || !store.visibleItem(parent.item_id, ctx.user)) throw new ApiError('InvalidUpdateIdException', `Update ${args.parent_id} was not found`, { errorData: {} });
      const reply = { id: store.next.reply++, update_id: parent.id, creator_id: ctx.user.id, body: args.body, text_body: text, created_at: now, updated_at: now, edited_at: now, kind: 'text' };
      store.replies.push(reply);
      store.repliesById.set(reply.id, reply);
      parent.reply_ids.push(reply.id);
      // The mutation returns an Update; a reply is shown through its fields.
      return { ...reply, item_id: parent.item_id, reply_ids: [] };
    }
    const item = itemOf(ctx, args.item_id);
    const update = {
      id: store.next.update++, item_id: item.id, board_id: item.board_id, creator_id: ctx.user.id, body: args.body, text_body: text,
      created_at: now, updated_at: now, edited_at: now, original_creation_date: args.original_creation_date ?? null, reply_ids: [],
    };
    store.updates.push(update);
    store.updatesById.set(update.id, update);
    return update;
  },

  edit_update(_s, args, ctx) {
    const u = ctx.store.updatesById.get(n(args.id));
    if (!u) throw new ApiError('InvalidUpdateIdException', `Update ${args.id} was not found`, { errorData: {} });
    if (u.creator_id !== ctx.user.id && ctx.user.kind !== 'admin') throw new ApiError('UserUnauthorizedException', 'User unauthorized to perform action', { statusCode: 403 });
    u.body = args.body;
    u.text_body = String(args.body).replace(/<[^>]*>/g, '');
    u.updated_at = Date.now();
    u.edited_at = u.updated_at;
    return u;
  },

  delete_update(_s, args, ctx) {
    const store = ctx.store;
    const u = store.updatesById.get(n(args.id));
    if (!u) throw new ApiError('InvalidUpdateIdException', `Update ${args.id} was not found`, { errorData: {} });
    if (u.creator_id !== ctx.user.id && ctx.user.kind !== 'admin') throw new ApiError('UserUnauthorizedException', 'User unauthorized to perform action', { statusCode: 403 });
    store.updates.splice(store.updates.indexOf(u), 1);
    store.updatesById.delete(u.id);
    return u;
  },

  // monday answers with the item; its updates (and their replies) are gone from then on.
  clear_item_updates(_s, args, ctx) {
    const store = ctx.store;
    const item = itemOf(ctx, args.item_id);
    for (const u of store.updates.filter((x) => x.item_id === item.id)) {
      store.updates.splice(store.updates.indexOf(u), 1);
      store.updatesById.delete(u.id);
    }
    return item;
  },

  // One like per user and update: liking again changes only the reaction.
  like_update(_s, args, ctx) {
    const u = visibleUpdate(ctx, args.update_id);
    const now = Date.now();
    u.likes ??= [];
    const mine = u.likes.find((l) => l.creator_id === ctx.user.id);
    if (mine) Object.assign(mine, { reaction_type: args.reaction_type ?? mine.reaction_type, updated_at: now });
    else u.likes.push({ id: ctx.store.next.like++, creator_id: ctx.user.id, reaction_type: args.reaction_type ?? 'like', created_at: now, updated_at: now });
    return u;
  },

  unlike_update(_s, args, ctx) {
    const u = visibleUpdate(ctx, args.update_id);
    u.likes = (u.likes ?? []).filter((l) => l.creator_id !== ctx.user.id);
    return u;
  },

  // An update is pinned on its own item unless item_id names another one it shows on.
  pin_to_top(_s, args, ctx) {
    const u = visibleUpdate(ctx, args.id);
    const itemId = args.item_id != null ? itemOf(ctx, args.item_id).id : u.item_id;
    u.pinned_item_ids ??= [];
    if (!u.pinned_item_ids.includes(itemId)) u.pinned_item_ids.push(itemId);
    return u;
  },

  unpin_from_top(_s, args, ctx) {
    const u = visibleUpdate(ctx, args.id);
    const itemId = args.item_id != null ? itemOf(ctx, args.item_id).id : u.item_id;
    u.pinned_item_ids = (u.pinned_item_ids ?? []).filter((id) => id !== itemId);
    return u;
  },

  create_or_get_tag(_s, args, ctx) {
    const store = ctx.store;
    const name = String(args.tag_name || '').trim();
    if (!name) throw badArgument('tag_name must not be empty', {});
    let tag = store.tags.find((t) => t.name.toLowerCase() === name.toLowerCase());
    if (!tag) {
      tag = { id: store.next.tag++, name, color: '#579bfc' };
      store.tags.push(tag);
      store.tagsById.set(tag.id, tag);
    }
    if (args.board_id != null) {
      const board = boardOf(ctx, args.board_id);
      if (!board.tag_ids.includes(tag.id)) board.tag_ids.push(tag.id);
    }
    return tag;
  },

  create_webhook(_s, args, ctx) {
    const board = boardOf(ctx, args.board_id);
    if (!/^https?:\/\//.test(args.url)) throw badArgument('url must be an http(s) URL', { url: args.url });
    const config = args.config == null ? null : typeof args.config === 'string' ? args.config : JSON.stringify(args.config);
    const hook = { id: ctx.store.next.webhook++, board_id: board.id, event: args.event, config, url: args.url };
    ctx.store.webhooks.push(hook);
    ctx.store.webhooksById.set(hook.id, hook);
    return hook;
  },

  delete_webhook(_s, args, ctx) {
    const hook = ctx.store.webhooksById.get(n(args.id));
    if (!hook) throw new ApiError('ResourceNotFoundException', `Webhook ${args.id} was not found`, { statusCode: 404, errorData: {} });
    ctx.store.webhooks.splice(ctx.store.webhooks.indexOf(hook), 1);
    ctx.store.webhooksById.delete(hook.id);
    return hook;
  },

  // A block is placed after after_block_id, first under parent_block_id, or else first in
  // the doc (monday's argument description). `type` reads back in words ("normal text").
  create_doc_block(_s, args, ctx) {
    const doc = docOf(ctx, args.doc_id);
    const content = parseJsonArg(args.content, 'content');
    if (content === null || typeof content !== 'object') throw badArgument('content must be a JSON object', { content: args.content });
    if (args.parent_block_id != null && !(doc.blocks ?? []).some((b) => b.id === args.parent_block_id)) {
      throw badArgument(`Block ${args.parent_block_id} was not found in document ${doc.id}`, { parent_block_id: args.parent_block_id });
    }
    const [block] = insertBlocks(ctx, doc, [{ type: blockTypeName(args.type), content: JSON.stringify(content) }], {
      afterId: args.after_block_id ?? null, atStart: true, parentId: args.parent_block_id ?? null,
    });
    return block;
  },

  // Appended at the end unless afterBlockId is given (monday's own agent toolkit says so).
  // Markdown that makes no block is answered as monday shapes a failure: success false, error.
  add_content_to_doc_from_markdown(_s, args, ctx) {
    const doc = docOf(ctx, args.docId);
    const specs = markdownBlocks(args.markdown);
    if (!specs.length) return { success: false, block_ids: [], error: 'The markdown holds no content to add' };
    const created = insertBlocks(ctx, doc, specs, { afterId: args.afterBlockId ?? null });
    return { success: true, block_ids: created.map((b) => b.id), error: null };
  },

  // A new doc in the same place with copies of the blocks. The answer is monday's JSON scalar,
  // whose layout monday does not show: the sandbox answers {"success": true, "doc_id": "<new id>"}.
  duplicate_doc(_s, args, ctx) {
    const src = docOf(ctx, args.docId);
    const now = Date.now();
    const copy = addDoc(ctx, {
      name: `Copy of ${src.name}`, workspaceId: src.workspace_id, kind: src.doc_kind, folderId: src.doc_folder_id,
      blocks: (src.blocks ?? []).map((b) => ({ ...b, created_by: ctx.user.id, created_at: now, updated_at: now })),
    });
    return JSON.stringify({ success: true, doc_id: String(copy.id) });
  },

  // location.board: a doc in an item's doc column, which then references it (the column holds
  // one doc: an earlier one is replaced). location.workspace: a doc in a workspace.
  create_doc(_s, args, ctx) {
    const { board: onItem, workspace } = args.location ?? {};
    if (!onItem === !workspace) throw badArgument('location must name either board or workspace', {});
    if (workspace) {
      if (!ctx.store.workspacesById.has(n(workspace.workspace_id))) {
        throw new ApiError('InvalidWorkspaceIdException', `Workspace ${workspace.workspace_id} was not found`, { errorData: { workspace_id: String(workspace.workspace_id) } });
      }
      return addDoc(ctx, { name: workspace.name, workspaceId: n(workspace.workspace_id), kind: workspace.kind ?? 'public', folderId: workspace.folder_id != null ? n(workspace.folder_id) : null });
    }
    const item = itemOf(ctx, onItem.item_id);
    const board = ctx.store.boardsById.get(item.board_id);
    const col = board.columns.find((c) => c.id === onItem.column_id && !c.archived);
    if (!col) throw new ApiError('InvalidColumnIdException', `This column ID doesn't exist for the board: ${onItem.column_id}`, { errorData: { column_id: onItem.column_id } });
    if (col.type !== 'doc') throw new ApiError('ColumnValueException', `Column ${col.id} is not a doc column`, { errorData: { column_id: col.id, column_type: col.type } });
    const doc = addDoc(ctx, { name: item.name, workspaceId: board.workspace_id });
    item.values[col.id] = {
      files: [{ name: doc.name, fileType: 'MONDAY_DOC', docId: doc.id, objectId: doc.object_id, linkToFile: doc.url, createdAt: doc.created_at, createdBy: String(ctx.user.id) }],
    };
    touch(ctx, board, item);
    return doc;
  },

  add_file_to_column(_s, args, ctx) {
    const item = itemOf(ctx, args.item_id);
    const board = ctx.store.boardsById.get(item.board_id);
    const col = board.columns.find((c) => c.id === args.column_id && !c.archived);
    if (!col) throw new ApiError('InvalidColumnIdException', `This column ID doesn't exist for the board: ${args.column_id}`, { errorData: { column_id: args.column_id } });
    if (col.type !== 'file') throw new ApiError('ColumnValueException', `Column ${col.id} is not a file column`, { errorData: { column_id: col.id, column_type: col.type } });
    const asset = addAsset(ctx, args.file, { item_id: item.id, column_id: col.id });
    const cell = item.values[col.id] || { files: [] };
    cell.files.push({ name: asset.name, assetId: asset.id, isImage: /^image\//.test(asset.mimetype || '') ? 'true' : 'false', fileType: 'ASSET', createdAt: new Date(asset.created_at).getTime(), createdBy: String(ctx.user.id) });
    item.values[col.id] = cell;
    touch(ctx, board, item);
    return asset;
  },

  add_file_to_update(_s, args, ctx) {
    const u = ctx.store.updatesById.get(n(args.update_id));
    if (!u || !ctx.store.visibleItem(u.item_id, ctx.user)) throw new ApiError('InvalidUpdateIdException', `Update ${args.update_id} was not found`, { errorData: {} });
    return addAsset(ctx, args.file, { update_id: u.id });
  },
};
