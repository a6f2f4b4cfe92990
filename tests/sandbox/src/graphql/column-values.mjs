// Resolvers for the ColumnValue interface and its typed implementations.
// A cell object is { col, item, raw } (see data/column-types.mjs).

import {
  TYPENAME, cellText, cellValue, isoSeconds, labelStyle, statusLabelById, dropdownOptions, linkedIds, relationDisplay,
  mirrorItems, mirrorDisplay, formulaDisplay, inViewerZone,
} from '../data/column-types.mjs';

// A file's createdAt: epoch milliseconds in monday's files value, ISO text in older cells.
const fileMillis = (at) => (typeof at === 'number' ? at : Date.parse(at));
const changedAt = ({ raw }) => (raw && raw.changed_at ? isoSeconds(Date.parse(raw.changed_at)) : null);
const users = (store, ids) => ids.map((id) => store.usersById.get(Number(id))).filter(Boolean);
const visibleItems = (ctx, ids) => ids.map((id) => ctx.store.visibleItem(id, ctx.user)).filter(Boolean);

const common = {
  id: (c) => c.col.id,
  type: (c) => c.col.type,
  text: (c, _a, ctx) => cellText(c, ctx.store, ctx.user),
  value: (c) => cellValue(c),
  column: (c) => c.col,
  // Whether the item has subitems (REFERENCE §2.3, multi-level boards): the cell says so when it is built.
  is_leaf: (c) => c.is_leaf ?? true,
};

function fileItems(c, ctx) {
  const files = (c.raw && c.raw.files) || [];
  return files.map((f) => {
    if (f.fileType === 'ASSET') {
      const asset = ctx.store.assetsById.get(Number(f.assetId));
      if (!asset) return { __typename: 'FileAssetInvalidValue', asset_id: f.assetId, name: f.name, error: 'Asset not found', created_at: f.createdAt, creator_id: f.createdBy };
      return { __typename: 'FileAssetValue', asset, asset_id: asset.id, name: f.name, is_image: f.isImage === 'true', created_at: f.createdAt, creator_id: f.createdBy };
    }
    if (f.fileType === 'MONDAY_DOC') {
      return { __typename: 'FileDocValue', doc: ctx.store.docsById.get(Number(f.docId)), file_id: String(f.docId), object_id: f.objectId, url: f.linkToFile, created_at: f.createdAt, creator_id: f.createdBy };
    }
    return { __typename: 'FileLinkValue', file_id: String(f.fileId || f.name), kind: f.kind || 'link', name: f.name, url: f.linkToFile, created_at: f.createdAt, creator_id: f.createdBy };
  });
}

// Typed fields per GraphQL type; anything not listed resolves to null.
const typed = {
  StatusValue: {
    index: (c) => (c.raw && c.raw.index != null ? c.raw.index : null),
    label: (c) => {
      const l = c.raw && c.raw.index != null ? statusLabelById(c.col, c.raw.index) : null;
      return l ? l.label : null;
    },
    is_done: (c) => {
      const l = c.raw && c.raw.index != null ? statusLabelById(c.col, c.raw.index) : null;
      return l ? !!l.is_done : false;
    },
    label_style: (c) => {
      const l = c.raw && c.raw.index != null ? statusLabelById(c.col, c.raw.index) : null;
      return l ? labelStyle(l.color) : null;
    },
    update_id: (c) => (c.raw ? c.raw.post_id ?? null : null),
    updated_at: changedAt,
  },
  NumbersValue: {
    // A stored value that is no number (left by another tool) has no number, only its text.
    number: (c) => (c.raw == null || c.raw === '' || !Number.isFinite(Number(c.raw)) ? null : Number(c.raw)),
    symbol: (c) => (c.col.settings && c.col.settings.unit ? c.col.settings.unit.symbol : null),
    direction: (c) => (c.col.settings && c.col.settings.unit ? c.col.settings.unit.direction : null),
  },
  DateValue: {
    date: (c) => (c.raw ? c.raw.date ?? null : null),
    // In the caller's profile time zone, unlike `value` (UTC) and `date` (REFERENCE §11.1).
    time: (c, _a, ctx) => (c.raw && c.raw.date && c.raw.time ? inViewerZone(c.raw.date, c.raw.time, ctx.user).time : null),
    icon: (c) => (c.raw ? c.raw.icon ?? null : null),
    updated_at: changedAt,
  },
  TimelineValue: {
    from: (c) => (c.raw && c.raw.from ? `${c.raw.from}T00:00:00+00:00` : null),
    to: (c) => (c.raw && c.raw.to ? `${c.raw.to}T00:00:00+00:00` : null),
    visualization_type: (c) => (c.raw ? c.raw.visualization_type ?? null : null),
    updated_at: changedAt,
  },
  WeekValue: {
    start_date: (c) => (c.raw && c.raw.week ? c.raw.week.startDate : null),
    end_date: (c) => (c.raw && c.raw.week ? c.raw.week.endDate : null),
  },
  HourValue: {
    hour: (c) => (c.raw ? c.raw.hour ?? null : null),
    minute: (c) => (c.raw ? c.raw.minute ?? null : null),
    updated_at: changedAt,
  },
  WorldClockValue: { timezone: (c) => (c.raw ? c.raw.timezone ?? null : null), updated_at: changedAt },
  PeopleValue: {
    persons_and_teams: (c) => (c.raw && c.raw.personsAndTeams ? c.raw.personsAndTeams.map((p) => ({ id: p.id, kind: p.kind })) : []),
    updated_at: changedAt,
  },
  PersonValue: { person_id: (c) => (c.raw ? c.raw.id ?? null : null), updated_at: changedAt },
  TeamValue: { team_id: (c) => (c.raw ? c.raw.team_id ?? null : null), updated_at: changedAt },
  DropdownValue: {
    values: (c) => {
      const ids = (c.raw && c.raw.ids) || [];
      const opts = dropdownOptions(c.col);
      return ids.map((id) => opts.find((o) => o.id === id)).filter(Boolean).map((o) => ({ id: o.id, label: o.label }));
    },
  },
  CheckboxValue: {
    checked: (c) => !!(c.raw && (c.raw.checked === true || c.raw.checked === 'true')),
    updated_at: changedAt,
  },
  RatingValue: { rating: (c) => (c.raw ? c.raw.rating ?? null : null), updated_at: changedAt },
  LinkValue: { url: (c) => (c.raw ? c.raw.url ?? null : null), url_text: (c) => (c.raw ? c.raw.text ?? null : null), updated_at: changedAt },
  EmailValue: {
    email: (c) => (c.raw ? c.raw.email ?? null : null),
    label: (c) => (c.raw ? c.raw.text || c.raw.email || null : null),
    updated_at: changedAt,
  },
  PhoneValue: {
    phone: (c) => (c.raw ? c.raw.phone ?? null : null),
    country_short_name: (c) => (c.raw ? c.raw.countryShortName ?? null : null),
    updated_at: changedAt,
  },
  CountryValue: {
    country: (c) => (c.raw && c.raw.countryCode ? { code: c.raw.countryCode, name: c.raw.countryName } : null),
    updated_at: changedAt,
  },
  LocationValue: {
    address: (c) => (c.raw ? c.raw.address ?? null : null),
    lat: (c) => (c.raw && c.raw.lat != null ? Number(c.raw.lat) : null),
    lng: (c) => (c.raw && c.raw.lng != null ? Number(c.raw.lng) : null),
    city: (c) => (c.raw && c.raw.city ? c.raw.city.long_name : null),
    city_short: (c) => (c.raw && c.raw.city ? c.raw.city.short_name : null),
    country: (c) => (c.raw && c.raw.country ? c.raw.country.long_name : null),
    country_short: (c) => (c.raw && c.raw.country ? c.raw.country.short_name : null),
    place_id: (c) => (c.raw ? c.raw.placeId ?? null : null),
    updated_at: changedAt,
  },
  ColorPickerValue: { color: (c) => (c.raw && c.raw.color ? c.raw.color.hex : null), updated_at: changedAt },
  TagsValue: {
    tag_ids: (c) => (c.raw && c.raw.tag_ids) || [],
    tags: (c, _a, ctx) => ((c.raw && c.raw.tag_ids) || []).map((id) => ctx.store.tagsById.get(id)).filter(Boolean),
  },
  FileValue: { files: (c, _a, ctx) => fileItems(c, ctx) },
  DocValue: { file: (c, a, ctx) => fileItems(c, ctx).find((f) => f.__typename === 'FileDocValue') || null },
  DirectDocValue: { file: () => null },
  BoardRelationValue: {
    linked_item_ids: (c) => linkedIds(c.raw).map(String),
    linked_items: (c, _a, ctx) => visibleItems(ctx, linkedIds(c.raw)),
    display_value: (c, _a, ctx) => relationDisplay(c, ctx.store),
    updated_at: changedAt,
  },
  DependencyValue: {
    linked_item_ids: (c) => linkedIds(c.raw).map(String),
    linked_items: (c, _a, ctx) => visibleItems(ctx, linkedIds(c.raw)),
    display_value: (c, _a, ctx) => relationDisplay(c, ctx.store),
    dependency_links: (c) => ((c.raw && c.raw.links) || []).map((l) => ({ linked_item_id: l.id, dependency_type: l.type, lag: l.lag })),
    updated_at: changedAt,
  },
  MirrorValue: {
    display_value: (c, _a, ctx) => mirrorDisplay(c, ctx.store),
    mirrored_items: (c, _a, ctx) =>
      mirrorItems(c, ctx.store).map((m) => ({
        linked_item: m.linked_item,
        linked_board: m.linked_board,
        linked_board_id: m.linked_board.id,
        mirrored_value: m.column ? { col: m.column, item: m.linked_item, raw: m.linked_item.values[m.column.id] ?? null } : null,
      })),
  },
  SubtasksValue: {
    subitems_ids: (c) => (c.item.subitem_ids || []).map(String),
    subitems: (c, _a, ctx) => visibleItems(ctx, c.item.subitem_ids || []),
    display_value: (c, _a, ctx) => cellText(c, ctx.store),
  },
  FormulaValue: { display_value: (c, _a, ctx) => formulaDisplay(c, ctx.store) },
  ItemIdValue: { item_id: (c) => c.item.id },
  CreationLogValue: {
    created_at: (c) => isoSeconds(c.item.created_at),
    creator: (c, _a, ctx) => ctx.store.usersById.get(c.item.creator_id),
    creator_id: (c) => c.item.creator_id,
  },
  LastUpdatedValue: {
    updated_at: (c) => isoSeconds(c.item.updated_at),
    updater: (c, _a, ctx) => ctx.store.usersById.get(c.item.updater_id || c.item.creator_id),
    updater_id: (c) => c.item.updater_id || c.item.creator_id,
  },
  VoteValue: {
    vote_count: (c) => (c.raw && c.raw.votersIds ? c.raw.votersIds.length : 0),
    voter_ids: (c) => ((c.raw && c.raw.votersIds) || []).map(String),
    voters: (c, _a, ctx) => users(ctx.store, (c.raw && c.raw.votersIds) || []),
    updated_at: changedAt,
  },
  TimeTrackingValue: {
    duration: (c) => (c.raw ? c.raw.duration ?? null : null),
    running: (c) => (c.raw ? c.raw.running === true || c.raw.running === 'true' : null),
    started_at: (c) => (c.raw && c.raw.startDate ? isoSeconds(c.raw.startDate * 1000) : null),
    history: () => [],
    updated_at: changedAt,
  },
  ButtonValue: {
    label: (c) => (c.col.settings && c.col.settings.label) || null,
    color: (c) => (c.col.settings && c.col.settings.color) || null,
  },
  GroupValue: {
    group_id: (c) => c.item.group_id,
    group: (c, _a, ctx) => {
      const b = ctx.store.boardsById.get(c.item.board_id);
      return b.groups.find((g) => g.id === c.item.group_id) || null;
    },
  },
  IntegrationValue: {
    entity_id: (c) => (c.raw ? c.raw.entity_id ?? null : null),
    issue_id: (c) => (c.raw ? c.raw.issue_id ?? null : null),
    issue_api_url: (c) => (c.raw ? c.raw.issue_api_url ?? null : null),
  },
  // A status rollup (multi-level boards): how many leaf items under this one carry each label; a
  // leaf counts itself. What `text` and `value` hold for a parent is unpublished: null here.
  BatteryValue: {
    battery_value: (c) => c.battery || [],
    text: (c, _a, ctx) => (c.is_leaf === false ? null : cellText(c, ctx.store, ctx.user)),
    value: (c) => (c.is_leaf === false ? null : cellValue(c)),
  },
  ProgressValue: {},
  TextValue: {},
  LongTextValue: { updated_at: changedAt },
  UnsupportedValue: {},
};

// Build the resolver map: every implementation gets the common fields plus its own.
export function columnValueResolvers() {
  const out = {
    ColumnValue: { __resolveType: (c) => c.typename || TYPENAME[c.col.type] || 'UnsupportedValue' },
    FileValueItem: { __resolveType: (f) => f.__typename },
    MirroredValue: {
      __resolveType: (v) => (v && v.col ? TYPENAME[v.col.type] || 'UnsupportedValue' : v && v.columns ? 'Board' : 'Group'),
    },
    FileAssetValue: { created_at: (f) => isoSeconds(fileMillis(f.created_at)), creator: (f, _a, ctx) => ctx.store.usersById.get(Number(f.creator_id)) || null },
    FileDocValue: { created_at: (f) => isoSeconds(fileMillis(f.created_at)), creator: (f, _a, ctx) => ctx.store.usersById.get(Number(f.creator_id)) || null },
    FileLinkValue: { created_at: (f) => isoSeconds(fileMillis(f.created_at)), creator: (f, _a, ctx) => ctx.store.usersById.get(Number(f.creator_id)) || null },
    FileAssetInvalidValue: { created_at: (f) => isoSeconds(fileMillis(f.created_at)) },
  };
  for (const [typeName, fields] of Object.entries(typed)) out[typeName] = { ...common, ...fields };
  return out;
}
