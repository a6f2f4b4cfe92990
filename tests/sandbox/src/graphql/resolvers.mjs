// Query and object resolvers. Internal objects come from data/store.mjs;
// these functions shape them the way monday's API shows them.

import crypto from 'node:crypto';
import { ApiError, badArgument } from '../errors.mjs';
import { PAGING, ACCOUNT_ID, PUBLIC_HOST } from '../config.mjs';
import { isAtLeast, listVersions } from '../versions.mjs';
import { childrenOf, descendants, isMultiLevel, isRollup, rollupCell } from '../hierarchy.mjs';
import { isoSeconds, columnRevision, itemUrl, defaultSettings } from '../data/column-types.mjs';
import { itemsPage, nextItemsPage, itemsByColumnValues } from '../items-page.mjs';
import { docMarkdown } from '../data/doc-markdown.mjs';

const n = (id) => Number(id);
const iso = (ms) => (ms == null ? null : isoSeconds(ms));

export function paginate(list, limit, page) {
  if (limit == null) return list;
  const p = Math.max(1, page || 1);
  const l = Math.max(0, limit);
  return list.slice((p - 1) * l, p * l);
}

// Whether the caller wrote the argument (graphql-js fills in defaults).
function explicit(info, name) {
  return info.fieldNodes.some((f) => (f.arguments || []).some((a) => a.name.value === name));
}

function idSet(ids) {
  return ids ? new Set(ids.filter((x) => x != null).map(n)) : null;
}

const usersOf = (store, ids) => ids.map((id) => store.usersById.get(n(id))).filter(Boolean);
const newestFirst = (a, b) => b.created_at - a.created_at || b.id - a.id;

function boardOrFail(ctx, id) {
  const b = ctx.store.boardsById.get(n(id));
  if (!b || !ctx.store.canSee(b, ctx.user)) {
    throw new ApiError('InvalidBoardIdException', `Board ${id} was not found or you have no access to it`, { errorData: { board_id: String(id) } });
  }
  return b;
}

function visibleUpdates(ctx) {
  return ctx.store.updates.filter((u) => ctx.store.visibleItem(u.item_id, ctx.user));
}

function updatesPage(list, { limit, cursor }) {
  const offset = cursor ? Number(Buffer.from(String(cursor), 'base64').toString('utf8').split(',')[1]) || 0 : 0;
  const page = list.slice(offset, offset + limit);
  const next = offset + limit < list.length ? Buffer.from(`u,${offset + limit}`).toString('base64') : null;
  return { updates: page, cursor: next };
}

function filterUsers(list, args) {
  let out = list;
  const ids = idSet(args.ids);
  if (ids) out = out.filter((u) => ids.has(u.id));
  if (args.name) out = out.filter((u) => u.name.toLowerCase().includes(String(args.name).toLowerCase()));
  if (args.emails) {
    const e = new Set(args.emails.map((x) => String(x).toLowerCase()));
    out = out.filter((u) => e.has(u.email.toLowerCase()));
  }
  if (args.status) out = out.filter((u) => args.status.includes(u.status));
  else if (args.non_active) out = out.filter((u) => u.status === 'INACTIVE');
  else out = out.filter((u) => u.status === 'ACTIVE' || u.status === 'PENDING');
  const kindOf = (u) => ({ admin: 'ADMIN', member: 'MEMBER', guest: 'GUEST', view_only: 'VIEW_ONLY' })[u.kind];
  if (args.user_kind) {
    if (args.user_kind.in) out = out.filter((u) => args.user_kind.in.includes(kindOf(u)));
    if (args.user_kind.not_in) out = out.filter((u) => !args.user_kind.not_in.includes(kindOf(u)));
  }
  switch (args.kind) {
    case 'guests': out = out.filter((u) => u.kind === 'guest'); break;
    case 'non_guests': out = out.filter((u) => u.kind !== 'guest'); break;
    case 'non_pending': out = out.filter((u) => u.status !== 'PENDING'); break;
    default: break;
  }
  const sort = args.sort && args.sort[0];
  if (sort) out = [...out].sort((a, b) => (a.created_at - b.created_at) * (sort.direction === 'DESC' ? -1 : 1) || a.id - b.id);
  else if (args.newest_first) out = [...out].sort((a, b) => b.created_at - a.created_at || b.id - a.id);
  return out;
}

const Query = {
  boards(_s, args, ctx, info) {
    const { store } = ctx;
    let list = store.boards.filter((b) => store.canSee(b, ctx.user));
    const ids = idSet(args.ids);
    if (ids) list = list.filter((b) => ids.has(b.id));
    if (args.state !== 'all') list = list.filter((b) => b.state === (args.state || 'active'));
    if (args.board_kind) list = list.filter((b) => b.board_kind === args.board_kind);
    if (args.workspace_ids) {
      const main = store.workspaces.find((w) => w.is_default_workspace).id;
      const ws = new Set(args.workspace_ids.map((x) => (x == null ? main : n(x))));
      list = list.filter((b) => ws.has(b.workspace_id));
    }
    if (args.hierarchy_types) list = list.filter((b) => args.hierarchy_types.includes(b.hierarchy_type));
    // Before 2026-04 a multi-level board is listed only when hierarchy_types asks for it (REFERENCE §2.1).
    else if (!isAtLeast(ctx.version, '2026-04')) list = list.filter((b) => b.hierarchy_type !== 'multi_level');
    if (args.order_by === 'created_at') list = [...list].sort(newestFirst);
    if (args.order_by === 'used_at') list = [...list].sort((a, b) => b.updated_at - a.updated_at || b.id - a.id);
    // With ids the id count decides the size unless a limit is written out.
    if (ids && !explicit(info, 'limit')) return list;
    return paginate(list, args.limit, args.page);
  },

  items(_s, args, ctx, info) {
    const { store } = ctx;
    if (args.ids && args.ids.length > PAGING.itemsIdsMax) {
      throw badArgument(`You can request at most ${PAGING.itemsIdsMax} item ids at a time (got ${args.ids.length})`, { max: PAGING.itemsIdsMax });
    }
    let list;
    if (args.ids) {
      const seen = new Set();
      list = [];
      for (const id of args.ids) {
        const it = store.visibleItem(id, ctx.user);
        if (it && !seen.has(it.id)) {
          seen.add(it.id);
          list.push(it);
        }
      }
    } else {
      list = [...store.items.values()].filter((i) => i.state === 'active' && store.canSee(store.boardsById.get(i.board_id), ctx.user)).sort(newestFirst);
    }
    if (args.exclude_nonactive) list = list.filter((i) => i.state === 'active');
    if (args.newest_first) list = [...list].sort(newestFirst);
    if (args.ids && !explicit(info, 'limit')) return list;
    return paginate(list, args.limit, args.page);
  },

  next_items_page: (_s, args, ctx) => nextItemsPage(args, ctx),
  items_page_by_column_values: (_s, args, ctx) => itemsByColumnValues(boardOrFail(ctx, args.board_id), args, ctx),

  users(_s, args, ctx) {
    if (args.limit != null && (args.limit < 1 || args.limit > PAGING.usersMax)) {
      throw badArgument(`users limit must be between 1 and ${PAGING.usersMax}`, { limit: args.limit, max: PAGING.usersMax });
    }
    return paginate(filterUsers(ctx.store.users, args), args.limit, args.page);
  },

  teams(_s, args, ctx) {
    const ids = idSet(args.ids);
    return ctx.store.teams.filter((t) => !ids || ids.has(t.id));
  },

  tags(_s, args, ctx) {
    const ids = idSet(args.ids);
    return ctx.store.tags.filter((t) => !ids || ids.has(t.id));
  },

  workspaces(_s, args, ctx) {
    let list = ctx.store.workspaces;
    const ids = idSet(args.ids);
    if (ids) list = list.filter((w) => ids.has(w.id));
    if (args.kind) list = list.filter((w) => w.kind === args.kind);
    if (args.state !== 'all') list = list.filter((w) => w.state === (args.state || 'active'));
    if (args.membership_kind === 'member') list = list.filter((w) => w.subscriber_ids.includes(ctx.user.id) || w.owner_ids.includes(ctx.user.id));
    if (args.order_by === 'created_at') list = [...list].sort(newestFirst);
    return paginate(list, args.limit, args.page);
  },

  folders(_s, args, ctx) {
    let list = ctx.store.folders;
    const ids = idSet(args.ids);
    if (ids) list = list.filter((f) => ids.has(f.id));
    if (args.workspace_ids) {
      const main = ctx.store.workspaces.find((w) => w.is_default_workspace).id;
      const ws = new Set(args.workspace_ids.map((x) => (x == null ? main : n(x))));
      list = list.filter((f) => ws.has(f.workspace_id));
    }
    return paginate(list, args.limit, args.page);
  },

  docs(_s, args, ctx) {
    let list = ctx.store.docs;
    const ids = idSet(args.ids);
    if (ids) list = list.filter((d) => ids.has(d.id));
    const objs = idSet(args.object_ids);
    if (objs) list = list.filter((d) => objs.has(d.object_id));
    if (args.workspace_ids) {
      const ws = idSet(args.workspace_ids);
      list = list.filter((d) => ws.has(d.workspace_id));
    }
    return paginate(list, args.limit, args.page);
  },

  me: (_s, _a, ctx) => ctx.user,
  account: (_s, _a, ctx) => ctx.store.account,
  account_roles: (_s, _a, ctx) => ctx.store.accountRoles,
  // A user's favorites are their own: each token sees its user's list.
  favorites: (_s, _a, ctx) => ctx.store.favorites.filter((f) => f.user_id === ctx.user.id),
  // Every item of a board with its predecessor edges, a page at a time (limit 25 by default, at
  // most 500): the edges are the board's dependency column, typed FS/SS/FF/SF as its links' 0-3.
  board_dependencies(_s, args, ctx) {
    const limit = args.limit ?? 25;
    const page = args.page ?? 1;
    if (limit < 1 || limit > 500) throw badArgument('limit must be between 1 and 500', { limit, max: 500 });
    if (page < 1) throw badArgument('page must be 1 or more', { page });
    const board = ctx.store.boardsById.get(n(args.board_id));
    if (!board || !ctx.store.canSee(board, ctx.user)) return null;
    const column = board.columns.find((c) => c.type === 'dependency');
    const TYPES = ['FS', 'SS', 'FF', 'SF'];
    let items = ctx.store.orderedItems(board).filter((i) => i.state === 'active').map((i) => {
      const links = (column && i.values[column.id] && i.values[column.id].links) || [];
      return {
        item_id: i.id,
        predecessors: links.map((l) => ({ source_item_id: l.id, dependency_type: TYPES[l.type] ?? 'FS', lag: l.lag })),
      };
    });
    if (args.include_items_without_predecessors === false) items = items.filter((i) => i.predecessors.length);
    return { items: items.slice((page - 1) * limit, page * limit), total_count: items.length };
  },
  // The custom activity kinds of the Emails & Activities app, filtered as monday's arguments say
  // (name: case-insensitive, partial).
  custom_activity(_s, args, ctx) {
    let list = ctx.store.customActivities;
    if (args.ids) list = list.filter((a) => args.ids.includes(a.id));
    if (args.name) list = list.filter((a) => a.name.toLowerCase().includes(args.name.toLowerCase()));
    if (args.icon_id) list = list.filter((a) => a.icon_id === args.icon_id);
    if (args.color) list = list.filter((a) => a.color === args.color);
    return list;
  },
  // An item's E&A timeline, newest first; TimelineResponse.timeline_items_page pages it by cursor.
  timeline(_s, args, ctx) {
    const item = ctx.store.items.get(n(args.id));
    if (!item || !ctx.store.canSee(ctx.store.boardsById.get(item.board_id), ctx.user)) return null;
    return { item_id: item.id };
  },
  // A doc as Markdown; a doc the token cannot read is an unsuccessful export, not a GraphQL error.
  export_markdown_from_doc(_s, args, ctx) {
    const doc = ctx.store.docsById.get(n(args.docId));
    if (!doc) return { success: false, markdown: null, error: `Document ${args.docId} not found` };
    return { success: true, markdown: docMarkdown(doc, args.blockIds), error: null };
  },
  // monday publishes neither the schemas nor their layout: the sandbox describes the settings it
  // gives a new column of that type (defaultSettings) as a JSON Schema. [U]
  get_column_type_schema: (_s, args) => ({
    $schema: 'https://json-schema.org/draft/2020-12/schema',
    title: `${args.type} column settings`,
    ...jsonSchemaOf(defaultSettings(args.type)),
  }),
  managed_column(_s, args, ctx) {
    let list = ctx.store.managedColumns;
    if (args.id) list = list.filter((c) => args.id.includes(c.id));
    if (args.state) list = list.filter((c) => args.state.includes(c.state));
    return list;
  },
  // The daily limit is the one this sandbox enforces (--daily-limit); no add-on is bought.
  platform_api: (_s, _a, ctx) => ({
    daily_limit: { base: ctx.config.dailyLimit, total: ctx.config.dailyLimit, addon: { is_active: false, quantity: 0 } },
    daily_analytics: ctx.store.platformUsage,
  }),
  complexity: (_s, _a, ctx) => ctx.complexity,
  version: (_s, _a, ctx) => ctx.version,
  versions: () => listVersions(),

  updates(_s, args, ctx) {
    let list = visibleUpdates(ctx).sort(newestFirst);
    const ids = idSet(args.ids);
    if (ids) list = list.filter((u) => ids.has(u.id));
    if (args.from_date) list = list.filter((u) => u.created_at >= Date.parse(args.from_date));
    if (args.to_date) list = list.filter((u) => u.created_at <= Date.parse(args.to_date));
    return paginate(list, args.limit, args.page);
  },

  assets(_s, args, ctx) {
    return args.ids.map((id) => ctx.store.assetsById.get(n(id))).filter(Boolean);
  },

  webhooks(_s, args, ctx) {
    if (args.app_webhooks_only) return []; // personal tokens own no app webhooks
    return ctx.store.webhooks.filter((w) => w.board_id === n(args.board_id));
  },
};

const Board = {
  created_at: (b) => iso(b.created_at),
  updated_at: (b) => iso(b.updated_at),
  workspace_id: (b) => b.workspace_id,
  workspace: (b, _a, ctx) => ctx.store.workspacesById.get(b.workspace_id) || null,
  board_folder_id: (b) => b.folder_id,
  folder: (b, _a, ctx) => (b.folder_id ? ctx.store.foldersById.get(b.folder_id) : null),
  creator: (b, _a, ctx) => ctx.store.usersById.get(b.creator_id),
  owners: (b, _a, ctx) => usersOf(ctx.store, b.owner_ids),
  subscribers: (b, _a, ctx) => usersOf(ctx.store, b.subscriber_ids),
  team_owners: (b, args, ctx) => paginate(b.team_owner_ids.map((id) => ctx.store.teamsById.get(id)).filter(Boolean), args.limit, args.page),
  team_subscribers: (b, args, ctx) => paginate(b.team_subscriber_ids.map((id) => ctx.store.teamsById.get(id)).filter(Boolean), args.limit, args.page),
  tags: (b, _a, ctx) => b.tag_ids.map((id) => ctx.store.tagsById.get(id)).filter(Boolean),
  top_group: (b, _a, ctx) => ctx.store.topGroup(b),
  url: (b) => `https://${PUBLIC_HOST}/boards/${b.id}`,
  access_level: (b, _a, ctx) => (b.owner_ids.includes(ctx.user.id) || ctx.user.kind === 'admin' || b.subscriber_ids.includes(ctx.user.id) ? 'edit' : 'view'),
  items_count: (b, _a, ctx) => ctx.store.orderedItems(b).filter((i) => i.state === 'active').length,
  object_type_unique_key: () => null,
  columns(b, args) {
    let cols = b.columns.filter((c) => !c.archived);
    if (args.ids) cols = cols.filter((c) => args.ids.includes(c.id));
    if (args.types) cols = cols.filter((c) => args.types.includes(c.type));
    // [CALCULATED] keeps rollup columns, [null] the others (both: every column).
    if (args.capabilities) cols = cols.filter((c) => args.capabilities.includes(isRollup(c) ? 'CALCULATED' : null));
    return cols;
  },
  groups(b, args) {
    if (args.ids) return b.groups.filter((g) => args.ids.includes(g.id) && !g.deleted);
    return b.groups.filter((g) => !g.deleted && !g.archived).sort((x, y) => Number(x.position) - Number(y.position));
  },
  items_page: (b, args, ctx) => itemsPage(b, args, ctx),
  views(b, args) {
    let v = b.views;
    if (args.ids) v = v.filter((x) => args.ids.map(String).includes(String(x.id)));
    if (args.type) v = v.filter((x) => x.type === args.type);
    return v;
  },
  activity_logs(b, args, ctx) {
    let logs = ctx.store.activityLogs.get(b.id) || [];
    if (args.from) logs = logs.filter((l) => l.at >= Date.parse(args.from));
    if (args.to) logs = logs.filter((l) => l.at <= Date.parse(args.to));
    const users = idSet(args.user_ids);
    if (users) logs = logs.filter((l) => users.has(l.user_id));
    const items = idSet(args.item_ids);
    if (items) logs = logs.filter((l) => items.has(l.item_id));
    if (args.group_ids) logs = logs.filter((l) => args.group_ids.includes(l.group_id));
    if (args.column_ids) logs = logs.filter((l) => args.column_ids.includes(l.column_id));
    return paginate(logs, args.limit, args.page);
  },
  updates(b, args, ctx) {
    let list = visibleUpdates(ctx).filter((u) => ctx.store.items.get(u.item_id).board_id === b.id).sort(newestFirst);
    const ids = idSet(args.ids);
    if (ids) list = list.filter((u) => ids.has(u.id));
    if (args.from_date) list = list.filter((u) => u.created_at >= Date.parse(args.from_date));
    if (args.to_date) list = list.filter((u) => u.created_at <= Date.parse(args.to_date));
    return paginate(list, args.limit, args.page);
  },
  updates_page: (b, args, ctx) =>
    updatesPage(visibleUpdates(ctx).filter((u) => ctx.store.items.get(u.item_id).board_id === b.id).sort(newestFirst), args),
};

const Group = {
  items_page(g, args, ctx) {
    const b = ctx.store.boardsById.get(g.board_id);
    return itemsPage(b, args, ctx, g);
  },
};

const Column = {
  settings: (c) => c.settings || {},
  revision: (c) => columnRevision(c),
  capabilities: (c) => ({ calculated: c.capabilities ? c.capabilities.calculated : null, visibility: null }),
};

const Item = {
  created_at: (i) => iso(i.created_at),
  updated_at: (i) => iso(i.updated_at),
  creator: (i, _a, ctx) => ctx.store.usersById.get(i.creator_id) || null,
  creator_id: (i) => String(i.creator_id),
  email: (i) => `pulse-${i.id}@boards.${PUBLIC_HOST}`,
  url: (i) => itemUrl(i),
  relative_link: (i) => `/boards/${i.board_id}/pulses/${i.id}`,
  group: (i, _a, ctx) => ctx.store.boardsById.get(i.board_id).groups.find((g) => g.id === i.group_id) || null,
  board: (i, _a, ctx) => ctx.store.boardsById.get(i.board_id),
  parent_item: (i, _a, ctx) => (i.parent_id ? ctx.store.items.get(i.parent_id) || null : null),
  // On a multi-level board every descendant, flattened, whatever its depth (parent_item tells the tree).
  subitems: (i, _a, ctx) => (isMultiLevel(ctx.store, i) ? descendants(ctx.store, i) : childrenOf(ctx.store, i)),
  subscribers: (i, _a, ctx) => usersOf(ctx.store, i.subscriber_ids),
  description: () => null,
  column_values(i, args, ctx) {
    const board = ctx.store.boardsById.get(i.board_id);
    let cols = board.columns.filter((c) => c.type !== 'name' && !c.archived);
    if (args.ids) cols = cols.filter((c) => args.ids.includes(c.id));
    if (args.types) cols = cols.filter((c) => args.types.includes(c.type));
    const leaf = !childrenOf(ctx.store, i).some((s) => s.state === 'active');
    if (board.hierarchy_type !== 'multi_level') return cols.map((col) => ({ col, item: i, raw: i.values[col.id] ?? null, is_leaf: leaf }));
    // Rollup columns are left out unless capabilities asks for CALCULATED, even on leaves.
    const calculated = (args.capabilities || []).includes('CALCULATED');
    return cols.filter((col) => calculated || !isRollup(col)).map((col) => rollupCell(ctx.store, col, i, leaf));
  },
  assets(i, args, ctx) {
    const source = args.assets_source || 'all';
    return ctx.store.assets.filter((a) => {
      if (a.item_id === i.id && source !== 'gallery') return !args.column_ids || args.column_ids.includes(a.column_id);
      if (a.update_id && source !== 'columns') {
        const u = ctx.store.updatesById.get(a.update_id);
        return !!u && u.item_id === i.id && !args.column_ids;
      }
      return false;
    });
  },
  updates(i, args, ctx) {
    let list = ctx.store.updates.filter((u) => u.item_id === i.id).sort(newestFirst);
    const ids = idSet(args.ids);
    if (ids) list = list.filter((u) => ids.has(u.id));
    return paginate(list, args.limit, args.page);
  },
  updates_page: (i, args, ctx) => updatesPage(ctx.store.updates.filter((u) => u.item_id === i.id).sort(newestFirst), args),
  linked_items(i, args, ctx) {
    const board = ctx.store.boardsById.get(i.board_id);
    const col = board.columns.find((c) => c.id === args.link_to_item_column_id);
    if (!col) return [];
    const ids = (i.values[col.id] && i.values[col.id].ids) || [];
    return ids.map((id) => ctx.store.visibleItem(id, ctx.user)).filter((x) => x && x.board_id === n(args.linked_board_id));
  },
};

const User = {
  created_at: (u) => iso(u.created_at),
  became_active_at: (u) => iso(u.became_active_at),
  last_activity: (u) => iso(u.last_activity),
  url: (u) => `https://${PUBLIC_HOST}/users/${u.id}`,
  account_id: () => ACCOUNT_ID,
  account: (_u, _a, ctx) => ctx.store.account,
  teams: (u, args, ctx) => {
    const ids = idSet(args.ids);
    return u.team_ids.filter((id) => !ids || ids.has(id)).map((id) => ctx.store.teamsById.get(id));
  },
  photo_url: (u) => {
    const base = `https://files.${PUBLIC_HOST}/photos/${u.id}`;
    return { original: `${base}/original.png`, small: `${base}/small.png`, thumb: `${base}/thumb.png`, thumb_small: `${base}/thumb_small.png`, tiny: `${base}/tiny.png` };
  },
};

const Team = {
  owners: (t, args, ctx) => usersOf(ctx.store, t.owner_ids).filter((u) => !args.ids || args.ids.map(n).includes(u.id)),
  users: (t, args, ctx) => {
    const members = usersOf(ctx.store, t.user_ids);
    return paginate(filterUsers(members, { ...args, status: args.non_active ? ['INACTIVE'] : undefined }), args.limit, args.page);
  },
};

const Workspace = {
  created_at: (w) => iso(w.created_at),
  account_product: (_w, _a, ctx) => ctx.store.account.products[0],
  settings: (w) => ({ icon: { color: w.icon_color, image: null } }),
  // monday: owners_subscribers are the workspace's (user) owners, team_owners_subscribers its team owners.
  owners_subscribers: (w, args, ctx) => paginate(usersOf(ctx.store, w.owner_ids), args.limit, args.page),
  users_subscribers: (w, args, ctx) => paginate(usersOf(ctx.store, w.subscriber_ids), args.limit, args.page),
  teams_subscribers: (w, args, ctx) => paginate(w.team_ids.map((id) => ctx.store.teamsById.get(id)), args.limit, args.page),
  team_owners_subscribers: (w, args, ctx) => paginate((w.team_owner_ids || []).map((id) => ctx.store.teamsById.get(id)), args.limit, args.page),
};

const Folder = {
  created_at: (f) => iso(f.created_at),
  app_feature_slug: () => null,
  children: (f, _a, ctx) => ctx.store.boards.filter((b) => b.folder_id === f.id && b.state === 'active' && ctx.store.canSee(b, ctx.user)),
  sub_folders: (f, _a, ctx) => ctx.store.folders.filter((x) => x.parent_id === f.id),
  parent: (f, _a, ctx) => (f.parent_id ? ctx.store.foldersById.get(f.parent_id) : null),
  workspace: (f, _a, ctx) => ctx.store.workspacesById.get(f.workspace_id),
};

const Account = {
  created_at: (a) => a.created_at,
  active_members_count: (_a, _x, ctx) => ctx.store.users.filter((u) => u.status === 'ACTIVE').length,
};

const Document = {
  created_at: (d) => iso(d.created_at),
  updated_at: (d) => iso(d.updated_at ?? d.created_at),
  created_by: (d, _a, ctx) => ctx.store.usersById.get(d.created_by),
  relative_url: (d) => `/docs/${d.object_id}`,
  settings: () => null,
  workspace: (d, _a, ctx) => ctx.store.workspacesById.get(d.workspace_id),
  blocks: (d, args) => paginate(d.blocks || [], args.limit, args.page),
};

const DocumentBlock = {
  doc_id: (b) => String(b.doc_id),
  created_at: (b) => iso(b.created_at),
  updated_at: (b) => iso(b.updated_at),
  created_by: (b, _a, ctx) => ctx.store.usersById.get(b.created_by) || null,
};

const postFields = {
  creator_id: (u) => String(u.creator_id),
  creator: (u, _a, ctx) => ctx.store.usersById.get(u.creator_id) || null,
  created_at: (u) => iso(u.created_at),
  updated_at: (u) => iso(u.updated_at),
  edited_at: (u) => iso(u.edited_at),
  likes: (u) => (u.likes ?? []).map((l) => ({ ...l, id: String(l.id), creator_id: String(l.creator_id), created_at: iso(l.created_at), updated_at: iso(l.updated_at) })),
  pinned_to_top: (u) => (u.pinned_item_ids ?? []).map((id) => ({ item_id: String(id) })),
  viewers: (u, args) => paginate(u.viewers ?? [], args.limit, args.page).map((v) => ({ user_id: String(v.user_id), medium: v.medium })),
};

// The JSON Schema an example value satisfies: its types, and for objects their properties.
function jsonSchemaOf(value) {
  if (Array.isArray(value)) return { type: 'array', items: value.length ? jsonSchemaOf(value[0]) : {} };
  if (value === null) return { type: 'null' };
  if (typeof value === 'object') {
    return { type: 'object', properties: Object.fromEntries(Object.entries(value).map(([k, v]) => [k, jsonSchemaOf(v)])) };
  }
  if (typeof value === 'number') return { type: Number.isInteger(value) ? 'integer' : 'number' };
  return { type: typeof value };
}

const TimelineResponse = {
  timeline_items_page(t, args, ctx) {
    const all = ctx.store.timelineItems.filter((x) => x.item_id === t.item_id).sort((a, b) => (a.created_at < b.created_at ? 1 : -1));
    const limit = args.limit ?? 25;
    if (limit < 1 || limit > 100) throw badArgument('limit must be between 1 and 100', { limit, max: 100 });
    let offset = 0;
    if (args.cursor) {
      const [itemId, at] = Buffer.from(args.cursor, 'base64url').toString().split(':');
      if (Number(itemId) !== t.item_id || !/^\d+$/.test(at ?? '')) throw badArgument('Invalid cursor', { cursor: args.cursor });
      offset = Number(at);
    }
    const page = all.slice(offset, offset + limit);
    const next = offset + limit < all.length ? Buffer.from(`${t.item_id}:${offset + limit}`).toString('base64url') : null;
    return { timeline_items: page, cursor: next };
  },
};

const TimelineItem = {
  id: (x) => String(x.id),
  user: (x, _a, ctx) => ctx.store.usersById.get(x.user_id) ?? null,
  board: (x, _a, ctx) => ctx.store.boardsById.get(x.board_id) ?? null,
  item: (x, _a, ctx) => ctx.store.items.get(x.item_id) ?? null,
};

// A viewer who has since left the account has no User: monday answers user null.
const Watcher = {
  user: (w, _a, ctx) => ctx.store.usersById.get(Number(w.user_id)) ?? null,
};

const Update = {
  ...postFields,
  item_id: (u) => String(u.item_id),
  item: (u, _a, ctx) => ctx.store.items.get(u.item_id) || null,
  replies: (u, _a, ctx) => u.reply_ids.map((id) => ctx.store.repliesById.get(id)).filter(Boolean),
  assets: (u, _a, ctx) => ctx.store.assets.filter((a) => a.update_id === u.id),
};

const Reply = {
  ...postFields,
  assets: () => [],
};

const Asset = {
  created_at: (a) => iso(a.created_at),
  url: (a) => `https://${PUBLIC_HOST}/protected_static/${a.account_id}/resources/${a.id}/${encodeURIComponent(a.name)}`,
  // Like monday's (S3) links, signed and short-lived: the query string is a secret clients must
  // not log. The sandbox serves the file with or without it.
  public_url: (a, _x, ctx) => `${ctx.baseUrl}/__sandbox/files/${a.id}/${encodeURIComponent(a.name)}?X-Amz-Algorithm=AWS4-HMAC-SHA256&X-Amz-Expires=3600&X-Amz-Signature=${crypto.createHash('sha256').update(`${a.id}:${a.name}:${a.created_at}`).digest('hex')}`,
  url_thumbnail: (a, _x, ctx) => (a.original_geometry ? `${ctx.baseUrl}/__sandbox/files/${a.id}/${encodeURIComponent(a.name)}?thumb=1` : null),
  uploaded_by: (a, _x, ctx) => ctx.store.usersById.get(a.uploaded_by),
};

const BoardView = {
  settings_str: (v) => JSON.stringify(v.settings || {}),
  view_specific_data_str: () => '{}',
};

const ActivityLogType = {
  id: (l) => l.id,
  account_id: () => String(ACCOUNT_ID),
  user_id: (l) => String(l.user_id),
  // A 17-digit number of 100-ns ticks since the Unix epoch (REFERENCE.md §2.2).
  created_at: (l) => String(l.at * 10_000),
  data: (l) => JSON.stringify(l.data),
};

const Webhook = {
  config: (w) => w.config,
};

// A top user of the API: the seeded usage names the user by id.
const PlatformApiDailyAnalyticsByUser = {
  user: (u, _a, ctx) => ctx.store.usersById.get(u.user_id) ?? null,
};

export const objectResolvers = { Query, Board, Group, Column, Item, User, Team, Workspace, Folder, Account, Document, DocumentBlock, Update, Reply, Asset, BoardView, ActivityLogType, Webhook, PlatformApiDailyAnalyticsByUser, Watcher, TimelineResponse, TimelineItem };
