// Column types: how a stored cell turns into what the API shows (`text`,
// `value`, the typed fragment fields) following REFERENCE.md §7 and §11.
//
// A cell is stored "raw", the way monday keeps it: the JSON object (or string)
// that `value` would carry, or null when empty. Computed columns (formula,
// mirror, creation log ...) keep nothing and are derived from the item.

import { PUBLIC_HOST } from '../config.mjs';

// Status/label colour ids double as label ids; 5 is the grey "empty" label.
export const LABEL_COLORS = [
  ['#fdab3d', '#e99729', 'working_orange'],
  ['#00c875', '#00b461', 'done-green'],
  ['#df2f4a', '#ce3048', 'stuck-red'],
  ['#007eb5', '#3db0df', 'dark-blue'],
  ['#9d50dd', '#9238af', 'purple'],
  ['#c4c4c4', '#b0b0b0', 'grey'],
  ['#579bfc', '#4387e8', 'bright-blue'],
  ['#a25ddc', '#9238af', 'dark_purple'],
  ['#ffcb00', '#c0ab1b', 'egg_yolk'],
  ['#e2445c', '#ce3048', 'red'],
  ['#037f4c', '#006b38', 'grass_green'],
  ['#ff642e', '#e4901c', 'dark-orange'],
];

export function labelStyle(colorId) {
  const c = LABEL_COLORS[colorId % LABEL_COLORS.length];
  return { color: c[0], border: c[1] };
}

// GraphQL object type for each column type. auto_number, item_assignees and
// unsupported have no dedicated type in the 2026-10 schema.
export const TYPENAME = {
  auto_number: 'UnsupportedValue',
  board_relation: 'BoardRelationValue',
  button: 'ButtonValue',
  checkbox: 'CheckboxValue',
  color_picker: 'ColorPickerValue',
  country: 'CountryValue',
  creation_log: 'CreationLogValue',
  date: 'DateValue',
  dependency: 'DependencyValue',
  direct_doc: 'DirectDocValue',
  doc: 'DocValue',
  dropdown: 'DropdownValue',
  email: 'EmailValue',
  file: 'FileValue',
  formula: 'FormulaValue',
  group: 'GroupValue',
  hour: 'HourValue',
  integration: 'IntegrationValue',
  item_assignees: 'UnsupportedValue',
  item_id: 'ItemIdValue',
  last_updated: 'LastUpdatedValue',
  link: 'LinkValue',
  location: 'LocationValue',
  long_text: 'LongTextValue',
  mirror: 'MirrorValue',
  numbers: 'NumbersValue',
  people: 'PeopleValue',
  person: 'PersonValue',
  phone: 'PhoneValue',
  progress: 'ProgressValue',
  rating: 'RatingValue',
  status: 'StatusValue',
  subtasks: 'SubtasksValue',
  tags: 'TagsValue',
  team: 'TeamValue',
  text: 'TextValue',
  time_tracking: 'TimeTrackingValue',
  timeline: 'TimelineValue',
  unsupported: 'UnsupportedValue',
  vote: 'VoteValue',
  week: 'WeekValue',
  world_clock: 'WorldClockValue',
};

export const ALL_COLUMN_TYPES = Object.keys(TYPENAME);

// Types whose `value` is always null: they are computed, or (board_relation,
// dependency since 2025-04) only readable through typed fields.
const VALUE_ALWAYS_NULL = new Set([
  'auto_number', 'board_relation', 'button', 'creation_log', 'dependency', 'formula', 'group',
  'item_id', 'last_updated', 'mirror', 'progress', 'unsupported', 'item_assignees', 'integration',
]);

// Types whose `text` is null (not "") when empty, or always null.
const TEXT_NULL_WHEN_EMPTY = new Set(['status', 'dropdown', 'color_picker']);
const TEXT_ALWAYS_NULL = new Set(['board_relation', 'dependency', 'mirror', 'formula']);

export const READ_ONLY_TYPES = new Set([
  'auto_number', 'creation_log', 'last_updated', 'item_id', 'formula', 'mirror', 'progress', 'subtasks',
  'button', 'time_tracking', 'vote', 'color_picker', 'group', 'integration', 'item_assignees', 'unsupported',
]);

export const isoSeconds = (ms) => new Date(ms).toISOString().replace(/\.\d{3}Z$/, 'Z');
export const isoMillis = (ms) => new Date(ms).toISOString();

const joinNonEmpty = (parts) => parts.filter((p) => p != null && p !== '').join(', ');

function pad2(n) {
  return String(n).padStart(2, '0');
}

function formatDuration(seconds) {
  const h = Math.floor(seconds / 3600);
  const m = Math.floor((seconds % 3600) / 60);
  const s = seconds % 60;
  return `${pad2(h)}:${pad2(m)}:${pad2(s)}`;
}

// A date column keeps its date and time in UTC (`value`) and shows them in the time zone of the
// caller's monday profile (`text`, DateValue.time); REFERENCE §11.1. `viewer` is the user the
// token acts as; without one, UTC.
export function inViewerZone(date, time, viewer) {
  const zone = viewer && viewer.time_zone_identifier;
  if (!zone || !time) return { date, time };
  const moment = new Date(`${date}T${time.length === 5 ? `${time}:00` : time}Z`);
  if (Number.isNaN(moment.getTime())) return { date, time };
  const parts = Object.fromEntries(
    new Intl.DateTimeFormat('en-CA', {
      timeZone: zone, year: 'numeric', month: '2-digit', day: '2-digit', hour: '2-digit', minute: '2-digit', second: '2-digit', hourCycle: 'h23',
    }).formatToParts(moment).map((p) => [p.type, p.value]),
  );
  return { date: `${parts.year}-${parts.month}-${parts.day}`, time: `${parts.hour}:${parts.minute}:${parts.second}` };
}

// Logs (creation_log, last_updated) are rendered in UTC (assumption: no source for their text).
function utcStamp(ms) {
  return new Date(ms).toISOString().replace('T', ' ').replace(/\.\d{3}Z$/, ' UTC');
}

export function statusLabels(col) {
  return (col.settings && col.settings.labels) || [];
}

export function statusLabelById(col, id) {
  return statusLabels(col).find((l) => l.id === Number(id));
}

export function dropdownOptions(col) {
  return (col.settings && col.settings.labels) || [];
}

export function assetUrl(asset) {
  return `https://${PUBLIC_HOST}/protected_static/${asset.account_id}/resources/${asset.id}/${encodeURIComponent(asset.name)}`;
}

export function docUrl(doc) {
  return `https://${PUBLIC_HOST}/docs/${doc.object_id}`;
}

// The ids of items a relation-like cell points to.
export function linkedIds(raw) {
  return raw && Array.isArray(raw.ids) ? raw.ids : [];
}

// Per-type rendering. `cell` = { col, item, raw }; `store` resolves ids.
const TEXT = {
  text: ({ raw }) => (raw == null ? '' : String(raw)),
  long_text: ({ raw }) => (raw && raw.text != null ? raw.text : ''),
  numbers: ({ raw }) => (raw == null ? '' : String(raw)),
  status: ({ raw, col }) => {
    if (!raw || raw.index == null) return null;
    const l = statusLabelById(col, raw.index);
    return l ? l.label : null;
  },
  dropdown: ({ raw, col }) => {
    if (!raw || !raw.ids || raw.ids.length === 0) return null;
    const opts = dropdownOptions(col);
    return raw.ids.map((id) => (opts.find((o) => o.id === id) || {}).label).filter(Boolean).join(', ');
  },
  date: ({ raw }, _store, viewer) => {
    if (!raw || !raw.date) return '';
    if (!raw.time) return raw.date;
    const shown = inViewerZone(raw.date, raw.time, viewer);
    return `${shown.date} ${shown.time.slice(0, 5)}`;
  },
  timeline: ({ raw }) => (raw && raw.from && raw.to ? `${raw.from} - ${raw.to}` : ''),
  week: ({ raw }) => (raw && raw.week && raw.week.startDate ? `${raw.week.startDate} - ${raw.week.endDate}` : ''),
  hour: ({ raw }) => (raw && raw.hour != null ? `${pad2(raw.hour)}:${pad2(raw.minute || 0)}` : ''),
  world_clock: ({ raw }) => (raw && raw.timezone ? raw.timezone : ''),
  people: ({ raw }, store) => {
    if (!raw || !raw.personsAndTeams) return '';
    return joinNonEmpty(
      raw.personsAndTeams.map((p) => {
        const e = p.kind === 'team' ? store.teamsById.get(p.id) : store.usersById.get(p.id);
        return e ? e.name : null;
      }),
    );
  },
  person: ({ raw }, store) => (raw && raw.id ? (store.usersById.get(raw.id) || {}).name || '' : ''),
  team: ({ raw }, store) => (raw && raw.team_id ? (store.teamsById.get(raw.team_id) || {}).name || '' : ''),
  checkbox: ({ raw }) => (raw && (raw.checked === true || raw.checked === 'true') ? 'v' : ''),
  rating: ({ raw }) => (raw && raw.rating ? String(raw.rating) : ''),
  // Recorded from monday: text "https://somelink.nl - https://somelink.nl/" for
  // {"url":"https://somelink.nl/","text":"https://somelink.nl"} (REFERENCE §11.1).
  link: ({ raw }) => (raw && raw.url ? (raw.text ? `${raw.text} - ${raw.url}` : raw.url) : ''),
  email: ({ raw }) => (raw ? raw.text || raw.email || '' : ''),
  phone: ({ raw }) => (raw && raw.phone ? raw.phone : ''),
  country: ({ raw }) => (raw && raw.countryName ? raw.countryName : ''),
  location: ({ raw }) => (raw && raw.address ? raw.address : ''),
  color_picker: ({ raw }) => (raw && raw.color && raw.color.hex ? raw.color.hex : null),
  tags: ({ raw }, store) =>
    raw && raw.tag_ids ? joinNonEmpty(raw.tag_ids.map((id) => (store.tagsById.get(id) || {}).name)) : '',
  file: ({ raw }, store) =>
    raw && raw.files
      ? joinNonEmpty(
          raw.files.map((f) => {
            if (f.fileType === 'ASSET') {
              const a = store.assetsById.get(f.assetId);
              return a ? assetUrl(a) : null;
            }
            return f.linkToFile || null;
          }),
        )
      : '',
  // monday: a doc column's text "Always returns \"\"" (REFERENCE §11.1); the doc is DocValue.file.
  doc: () => '',

  direct_doc: ({ raw }) => (raw && raw.files && raw.files[0] ? raw.files[0].linkToFile || '' : ''),
  board_relation: () => null,
  dependency: () => null,
  mirror: () => null,
  formula: () => null,
  subtasks: ({ item }, store) => joinNonEmpty((item.subitem_ids || []).map((id) => (store.items.get(id) || {}).name)),
  item_id: ({ item }) => String(item.id),
  auto_number: ({ item }) => String(item.auto_number || ''),
  creation_log: ({ item }) => utcStamp(item.created_at),
  last_updated: ({ item }) => utcStamp(item.updated_at),
  vote: ({ raw }) => String(raw && raw.votersIds ? raw.votersIds.length : 0),
  progress: (cell, store) => `${progressPercent(cell, store)}%`,
  time_tracking: ({ raw }) => (raw && raw.duration != null ? formatDuration(raw.duration) : ''),
  button: ({ col }) => (col.settings && col.settings.label) || '',
  group: ({ item }, store) => {
    const b = store.boardsById.get(item.board_id);
    const g = b && b.groups.find((x) => x.id === item.group_id);
    return g ? g.title : '';
  },
  integration: () => '',
  item_assignees: () => '',
  unsupported: () => '',
};

// Progress: share of the board's status columns whose label is a "done" label.
export function progressPercent({ item }, store) {
  const board = store.boardsById.get(item.board_id);
  const statusCols = board.columns.filter((c) => c.type === 'status');
  if (statusCols.length === 0) return 0;
  let done = 0;
  for (const c of statusCols) {
    const raw = item.values[c.id];
    const l = raw && raw.index != null ? statusLabelById(c, raw.index) : null;
    if (l && l.is_done) done++;
  }
  return Math.round((100 * done) / statusCols.length);
}

export function cellText(cell, store, viewer = null) {
  const t = cell.col.type;
  if (TEXT_ALWAYS_NULL.has(t)) return null;
  const fn = TEXT[t] || TEXT.unsupported;
  const out = fn(cell, store, viewer);
  if (TEXT_NULL_WHEN_EMPTY.has(t) && (out === '' || out == null)) return null;
  return out;
}

export function cellValue(cell) {
  const t = cell.col.type;
  if (VALUE_ALWAYS_NULL.has(t)) return null;
  if (t === 'subtasks') {
    const ids = cell.item.subitem_ids || [];
    return ids.length ? JSON.stringify({ linkedPulseIds: ids.map((id) => ({ linkedPulseId: id })) }) : null;
  }
  if (cell.raw == null) return null;
  return JSON.stringify(cell.raw);
}

// Formula display values: the sandbox understands `{column_id} * k` and
// `{column_id} + {column_id}`; anything else shows as "".
export function formulaDisplay({ col, item }, store) {
  const f = (col.settings && col.settings.formula) || '';
  const num = (id) => {
    const raw = item.values[id];
    const n = raw == null ? NaN : Number(raw);
    return Number.isFinite(n) ? n : null;
  };
  let m = /^\{(\w+)\}\s*\*\s*([\d.]+)$/.exec(f);
  if (m) {
    const v = num(m[1]);
    return v == null ? '' : String(Math.round(v * Number(m[2]) * 100) / 100);
  }
  m = /^\{(\w+)\}\s*\+\s*\{(\w+)\}$/.exec(f);
  if (m) {
    const a = num(m[1]);
    const b = num(m[2]);
    return a == null && b == null ? '' : String((a || 0) + (b || 0));
  }
  return '';
}

// Mirror: show the chosen column of every item linked by the relation column.
export function mirrorItems({ col, item }, store) {
  const s = col.settings || {};
  const relId = s.relation_column_id;
  const linked = linkedIds(item.values[relId]);
  const out = [];
  for (const id of linked) {
    const li = store.items.get(id);
    if (!li) continue;
    const lb = store.boardsById.get(li.board_id);
    const targetColId = ((s.displayed_linked_columns || {})[String(li.board_id)] || [])[0];
    const tc = lb && lb.columns.find((c) => c.id === targetColId);
    out.push({ linked_item: li, linked_board: lb, column: tc || null });
  }
  return out;
}

export function mirrorDisplay(cell, store) {
  return joinNonEmpty(
    mirrorItems(cell, store).map((m) =>
      m.column ? cellText({ col: m.column, item: m.linked_item, raw: m.linked_item.values[m.column.id] }, store) : null,
    ),
  );
}

export function relationDisplay({ raw }, store) {
  return joinNonEmpty(linkedIds(raw).map((id) => (store.items.get(id) || {}).name));
}

// Default settings a new column of each type gets (create_column, generator).
export function defaultSettings(type) {
  switch (type) {
    case 'status':
      return {
        labels: [
          { id: 0, color: 0, label: 'Working on it', index: 0, is_done: false, is_deactivated: false },
          { id: 1, color: 1, label: 'Done', index: 1, is_done: true, is_deactivated: false },
          { id: 2, color: 2, label: 'Stuck', index: 2, is_done: false, is_deactivated: false },
          { id: 5, color: 5, label: '', index: 3, is_done: false, is_deactivated: false },
        ],
      };
    case 'dropdown':
      return { labels: [], limit_select: false };
    case 'button':
      return { label: 'Click me', color: '#579bfc' };
    case 'rating':
      return { max: 5 };
    default:
      return {};
  }
}

export function columnRevision(col) {
  // A stable revision string derived from the settings, so it changes with them.
  const s = JSON.stringify(col.settings || {}) + col.title + (col.description || '');
  let h = 2166136261;
  for (let i = 0; i < s.length; i++) h = Math.imul(h ^ s.charCodeAt(i), 16777619);
  return (h >>> 0).toString(16).padStart(8, '0');
}

export const itemUrl = (item) => `https://${PUBLIC_HOST}/boards/${item.board_id}/pulses/${item.id}`;
