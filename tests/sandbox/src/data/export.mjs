// dataset.json: the seeded data as the API presents it (ids as strings,
// column values with monday's `text` and `value`), for tests to compare with.

import { cellText, cellValue, isoSeconds, columnRevision } from './column-types.mjs';
import { TOKEN_USERS } from '../tokens.mjs';
import { docMarkdown } from './doc-markdown.mjs';

const s = (id) => (id == null ? null : String(id));

export function columnView(col) {
  return {
    id: col.id, title: col.title, type: col.type, description: col.description, width: col.width, archived: col.archived,
    // The API returns settings as a JSON object; here it is that object, serialised.
    settings: JSON.stringify(col.settings || {}), revision: columnRevision(col),
  };
}

export function itemView(item, board, store) {
  return {
    id: s(item.id), name: item.name, board_id: s(item.board_id), group_id: item.group_id, state: item.state,
    created_at: isoSeconds(item.created_at), updated_at: isoSeconds(item.updated_at), creator_id: s(item.creator_id),
    parent_item_id: s(item.parent_id),
    column_values: board.columns.filter((c) => c.type !== 'name').map((col) => {
      const cell = { col, item, raw: item.values[col.id] ?? null };
      // `text` as the admin token reads it: date columns show the time in its user's time zone.
      const viewer = store.usersById.get(TOKEN_USERS.admin);
      return { id: col.id, type: col.type, text: cellText(cell, store, viewer), value: cellValue(cell) };
    }),
    subitem_ids: item.subitem_ids.map(s),
  };
}

export function buildDataset(store) {
  const a = store.account;
  return {
    meta: { seed: store.seed, scale: store.scale, note: 'Times are UTC, except date columns\' text: as the admin token reads it, in its user\'s time zone. Item order is board display order.' },
    account: {
      id: s(a.id), name: a.name, slug: a.slug, tier: a.tier, plan: a.plan, country_code: a.country_code,
      products: (a.products || []).map((p) => ({ id: s(p.id), kind: p.kind, tier: p.tier, default_workspace_id: s(p.default_workspace_id) })),
    },
    favorites: store.favorites.map((f) => ({
      id: s(f.id), user_id: s(f.user_id), object_id: s(f.object.id), object_type: f.object.type, folder_id: s(f.folderId),
      position: f.position, created_at: f.createdAt,
    })),
    managed_columns: store.managedColumns.map((c) => ({
      id: c.id, title: c.title, description: c.description, state: c.state, revision: c.revision, created_by: s(c.created_by),
      updated_by: s(c.updated_by), created_at: c.created_at, updated_at: c.updated_at, settings_json: JSON.stringify(c.settings_json),
    })),
    custom_activities: store.customActivities.map((a) => ({ id: a.id, name: a.name, icon_id: a.icon_id, color: a.color })),
    timeline_items: store.timelineItems.map((x) => ({
      id: s(x.id), item_id: s(x.item_id), board_id: s(x.board_id), user_id: s(x.user_id), type: x.type, title: x.title,
      content: x.content, custom_activity_id: x.custom_activity_id, created_at: x.created_at,
    })),
    account_roles: store.accountRoles.map((r) => ({ id: s(r.id), name: r.name, roleType: r.roleType })),
    // platform_api.daily_analytics; users and apps as the API names them (app null when removed).
    platform_usage: store.platformUsage && {
      last_updated: store.platformUsage.last_updated,
      by_day: store.platformUsage.by_day,
      by_user: store.platformUsage.by_user.map((u) => ({ user_id: s(u.user_id), usage: u.usage })),
      by_app: store.platformUsage.by_app.map((x) => ({ api_app_id: s(x.api_app_id), app_id: s(x.app?.id), app_name: x.app?.name ?? null, usage: x.usage })),
    },
    users: store.users.map((u) => ({
      id: s(u.id), name: u.name, email: u.email, title: u.title, kind: u.kind, status: u.status, enabled: u.enabled,
      country_code: u.country_code, time_zone_identifier: u.time_zone_identifier, created_at: isoSeconds(u.created_at),
      team_ids: u.team_ids.map(s),
    })),
    teams: store.teams.map((t) => ({ id: s(t.id), name: t.name, user_ids: t.user_ids.map(s), owner_ids: t.owner_ids.map(s) })),
    tags: store.tags.map((t) => ({ id: s(t.id), name: t.name, color: t.color })),
    workspaces: store.workspaces.map((w) => ({
      id: s(w.id), name: w.name, kind: w.kind, description: w.description, is_default_workspace: w.is_default_workspace, state: w.state,
      owner_ids: w.owner_ids.map(s), subscriber_ids: w.subscriber_ids.map(s), team_owner_ids: (w.team_owner_ids || []).map(s),
      team_subscriber_ids: w.team_ids.map(s),
    })),
    folders: store.folders.map((f) => ({ id: s(f.id), name: f.name, workspace_id: s(f.workspace_id), parent_id: s(f.parent_id) })),
    boards: store.boards.map((b) => ({
      id: s(b.id), name: b.name, description: b.description, board_kind: b.board_kind, state: b.state, type: b.type,
      hierarchy_type: b.hierarchy_type,
      workspace_id: s(b.workspace_id), board_folder_id: s(b.folder_id), creator_id: s(b.creator_id),
      owner_ids: b.owner_ids.map(s), subscriber_ids: b.subscriber_ids.map(s), tag_ids: b.tag_ids.map(s),
      team_owner_ids: b.team_owner_ids.map(s), team_subscriber_ids: b.team_subscriber_ids.map(s),
      views: b.views.map((v) => ({
        id: s(v.id), name: v.name, type: v.type, access_level: v.access_level, settings: JSON.stringify(v.settings || {}),
        filter: v.filter == null ? null : JSON.stringify(v.filter), sort: v.sort == null ? null : JSON.stringify(v.sort), tags: v.tags,
      })),
      // What Board.activity_logs returns, newest first; created_at is monday's 100-ns tick count.
      activity_logs: (store.activityLogs.get(b.id) || []).map((l) => ({
        id: l.id, event: l.event, entity: l.entity, user_id: s(l.user_id), created_at: String(l.at * 10_000), item_id: s(l.item_id),
        group_id: l.group_id, column_id: l.column_id, data: JSON.stringify(l.data),
      })),
      created_at: isoSeconds(b.created_at), updated_at: isoSeconds(b.updated_at),
      items_count: store.orderedItems(b).filter((i) => i.state === 'active').length,
      columns: b.columns.map(columnView),
      groups: b.groups.map((g) => ({ id: g.id, title: g.title, color: g.color, position: g.position, archived: g.archived, deleted: g.deleted })),
      items: store.orderedItems(b).map((i) => itemView(i, b, store)),
      // What board_dependencies answers: the active items' predecessor edges (dependency column).
      dependencies: store.orderedItems(b).filter((i) => i.state === 'active').flatMap((i) => {
        const column = b.columns.find((c) => c.type === 'dependency');
        const links = (column && i.values[column.id] && i.values[column.id].links) || [];
        return links.map((l) => ({ item_id: s(i.id), source_item_id: s(l.id), dependency_type: ['FS', 'SS', 'FF', 'SF'][l.type] ?? 'FS', lag: l.lag }));
      }),
    })),
    updates: store.updates.map((u) => ({
      id: s(u.id), item_id: s(u.item_id), creator_id: s(u.creator_id), body: u.body, text_body: u.text_body,
      created_at: isoSeconds(u.created_at), reply_ids: u.reply_ids.map(s),
      viewers: (u.viewers || []).map((v) => ({ user_id: s(v.user_id), medium: v.medium })),
    })),
    replies: store.replies.map((r) => ({ id: s(r.id), update_id: s(r.update_id), creator_id: s(r.creator_id), body: r.body, created_at: isoSeconds(r.created_at) })),
    assets: store.assets.map((x) => ({
      id: s(x.id), name: x.name, file_extension: x.file_extension, file_size: x.file_size, item_id: s(x.item_id), column_id: x.column_id,
      update_id: s(x.update_id), uploaded_by: s(x.uploaded_by), created_at: isoSeconds(x.created_at),
    })),
    docs: store.docs.map((d) => ({
      id: s(d.id), object_id: s(d.object_id), name: d.name, doc_kind: d.doc_kind, workspace_id: s(d.workspace_id),
      created_by: s(d.created_by), created_at: isoSeconds(d.created_at), url: d.url,
      markdown: docMarkdown(d),
      blocks: (d.blocks || []).map((b) => ({
        id: b.id, type: b.type, parent_block_id: b.parent_block_id, position: b.position, content: b.content,
        created_by: s(b.created_by), created_at: isoSeconds(b.created_at),
      })),
    })),
    webhooks: store.webhooks.map((w) => ({ id: s(w.id), board_id: s(w.board_id), event: w.event, config: w.config })),
  };
}

// --scale large: counts only; the full dump would be hundreds of megabytes.
export function buildSummary(store) {
  return {
    meta: { seed: store.seed, scale: store.scale },
    totals: { boards: store.boards.length, items: store.items.size, users: store.users.length },
    boards: store.boards.map((b) => {
      const items = store.orderedItems(b);
      return { id: s(b.id), name: b.name, state: b.state, items: items.length, active_items: items.filter((i) => i.state === 'active').length };
    }),
  };
}
