// What one board cell contributes to an aggregation: the "raw" value a COLUMN
// select element yields (and that group keys and aggregative functions see).
//
// Documented by monday (REFERENCE.md §13): status cells group by the label's
// hex colour, people by "person-<id>", checkboxes by a boolean, text by the
// string, dates by epoch milliseconds (UTC), numbers by the number. The rest
// are the sandbox's guesses, chosen to stay close to those: multi-valued cells
// (dropdown, people, tags, relations) give one value when they hold one entry
// and a list when they hold several; an empty cell is null.

import { ApiError } from '../errors.mjs';
import {
  cellText, statusLabelById, labelStyle, linkedIds, progressPercent, formulaDisplay, mirrorDisplay,
} from '../data/column-types.mjs';

// Column ids that are not board columns but can be selected (as in filters).
export const PSEUDO_COLUMNS = {
  name: { id: 'name', type: 'name' },
  group: { id: 'group', type: 'group' },
  __item_id__: { id: '__item_id__', type: 'item_id' },
  __creation_log__: { id: '__creation_log__', type: 'creation_log' },
  __last_updated__: { id: '__last_updated__', type: 'last_updated' },
};

const NUMBER_TYPES = new Set(['numbers', 'rating', 'vote', 'progress', 'time_tracking', 'auto_number', 'item_id', 'formula']);
const DATE_TYPES = new Set(['date', 'creation_log', 'last_updated']);

// 'number', 'date' (epoch ms), 'boolean' or 'other': what functions may expect.
export function columnKind(col) {
  if (NUMBER_TYPES.has(col.type)) return 'number';
  if (DATE_TYPES.has(col.type)) return 'date';
  if (col.type === 'checkbox') return 'boolean';
  return 'other';
}

export function findColumn(board, columnId) {
  const col = PSEUDO_COLUMNS[columnId] || board.columns.find((c) => c.id === columnId && !c.archived);
  if (!col) {
    throw new ApiError('InvalidColumnIdException', `Column ${columnId} was not found on board ${board.id}`, {
      errorData: { column_id: columnId, board_id: String(board.id) },
    });
  }
  return col;
}

export const rawCell = (col, item) => item.values[col.id] ?? null;

// One entry → that entry, several → the list, none → null.
export const oneOrList = (list) => (list.length === 0 ? null : list.length === 1 ? list[0] : list);

const nonEmpty = (s) => (s == null || s === '' ? null : s);

export function toNumber(x) {
  if (x == null || x === '') return null;
  const n = Number(x);
  return Number.isFinite(n) ? n : null;
}

// Dates are stored as UTC `date` + optional `time` (REFERENCE.md §3, §11).
export function dateMillis(raw) {
  if (!raw || !raw.date) return null;
  const ms = Date.parse(`${raw.date}T${raw.time || '00:00:00'}Z`);
  return Number.isFinite(ms) ? ms : null;
}

export const dayMillis = (isoDay) => (isoDay ? Date.parse(`${isoDay}T00:00:00Z`) : null);

export function statusLabel(col, item) {
  const raw = rawCell(col, item);
  if (!raw || raw.index == null || Number(raw.index) === 5) return null;
  return statusLabelById(col, raw.index) || null;
}

export function groupOf(item, store) {
  const board = store.boardsById.get(item.board_id);
  return (board && board.groups.find((g) => g.id === item.group_id)) || null;
}

export function peopleTokens(raw, kinds = ['person', 'team']) {
  const list = (raw && raw.personsAndTeams) || [];
  return list.filter((p) => kinds.includes(p.kind)).map((p) => `${p.kind}-${p.id}`);
}

// The value a COLUMN element yields for one item.
export function columnValue(col, item, store) {
  const raw = rawCell(col, item);
  switch (col.type) {
    case 'name': return nonEmpty(item.name);
    case 'group': return item.group_id;
    case 'item_id': return item.id;
    case 'auto_number': return item.auto_number ?? null;
    case 'creation_log': return item.created_at;
    case 'last_updated': return item.updated_at;
    case 'numbers': return toNumber(raw);
    case 'rating': return raw && raw.rating ? raw.rating : null;
    case 'vote': return raw && raw.votersIds ? raw.votersIds.length : 0;
    case 'progress': return progressPercent({ item }, store);
    case 'time_tracking': return raw && raw.duration != null ? raw.duration : null;
    case 'formula': {
      const shown = formulaDisplay({ col, item }, store);
      return toNumber(shown) ?? nonEmpty(shown);
    }
    case 'mirror': return nonEmpty(mirrorDisplay({ col, item }, store));
    case 'status': {
      const l = statusLabel(col, item);
      return l ? labelStyle(l.color).color : null;
    }
    case 'dropdown': return oneOrList((raw && raw.ids) || []);
    case 'people': return oneOrList(peopleTokens(raw));
    case 'person': return raw && raw.id ? `person-${raw.id}` : null;
    case 'team': return raw && raw.team_id ? `team-${raw.team_id}` : null;
    case 'tags': return oneOrList((raw && raw.tag_ids) || []);
    case 'board_relation':
    case 'dependency': return oneOrList(linkedIds(raw));
    case 'subtasks': return oneOrList(item.subitem_ids || []);
    case 'checkbox': return raw && (raw.checked === true || raw.checked === 'true') ? true : null;
    case 'date': return dateMillis(raw);
    case 'text': return nonEmpty(raw);
    case 'long_text': return nonEmpty(raw && raw.text);
    case 'link': return nonEmpty(raw && raw.url);
    case 'email': return nonEmpty(raw && raw.email);
    case 'phone': return nonEmpty(raw && raw.phone);
    case 'country': return nonEmpty(raw && raw.countryCode);
    case 'location': return nonEmpty(raw && raw.address);
    case 'world_clock': return nonEmpty(raw && raw.timezone);
    case 'color_picker': return nonEmpty(raw && raw.color && raw.color.hex);
    default: return nonEmpty(cellText({ col, item, raw }, store));
  }
}

