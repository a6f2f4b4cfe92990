// Writing cells: the JSON each column type accepts in `column_values` /
// `change_column_value`, and the plain strings of change_simple_column_value
// (REFERENCE.md §3 and §11). Returns the raw cell to store, or null to clear.

import { ApiError } from '../errors.mjs';
import { READ_ONLY_TYPES, statusLabels, dropdownOptions } from './column-types.mjs';
import { COUNTRIES } from './fixtures.mjs';

const DATE = /^\d{4}-\d{2}-\d{2}$/;
const TIME = /^\d{2}:\d{2}(:\d{2})?$/;

function columnValueError(col, input, reason) {
  return new ApiError('ColumnValueException', `invalid value for column ${col.id} (${col.type}): ${reason}`, {
    statusCode: 400,
    errorData: { column_id: col.id, column_type: col.type, column_value: typeof input === 'string' ? input : JSON.stringify(input) },
  });
}

const isBlank = (v) => v == null || v === '' || (typeof v === 'object' && !Array.isArray(v) && Object.keys(v).length === 0);

function validDate(s) {
  return typeof s === 'string' && DATE.test(s) && !Number.isNaN(Date.parse(`${s}T00:00:00Z`));
}

function normTime(t) {
  if (t == null || t === '') return null;
  if (typeof t !== 'string' || !TIME.test(t)) return undefined;
  return t.length === 5 ? `${t}:00` : t;
}

function statusFromLabel(col, label, opts) {
  const labels = statusLabels(col);
  const found = labels.find((l) => l.label === label && l.id !== 5) || labels.find((l) => l.label.toLowerCase() === String(label).toLowerCase() && l.id !== 5);
  if (found) return found.id;
  if (!opts.createLabels) throw columnValueError(col, label, `no label "${label}" (set create_labels_if_missing to add it)`);
  const used = new Set(labels.map((l) => l.id));
  let id = 0;
  while (used.has(id) || id === 5) id++;
  labels.push({ id, color: id, label: String(label), index: labels.length, is_done: false, is_deactivated: false });
  return id;
}

function dropdownIdsFromLabels(col, names, opts) {
  const options = dropdownOptions(col);
  return names.map((name) => {
    const found = options.find((o) => o.label.toLowerCase() === String(name).trim().toLowerCase());
    if (found) return found.id;
    if (!opts.createLabels) throw columnValueError(col, name, `no dropdown option "${name}" (set create_labels_if_missing to add it)`);
    const id = options.reduce((m, o) => Math.max(m, o.id), 0) + 1;
    options.push({ id, label: String(name).trim(), is_deactivated: false });
    return id;
  });
}

function people(col, list, store) {
  if (!Array.isArray(list)) throw columnValueError(col, list, 'personsAndTeams must be a list');
  return list.map((p) => {
    const kind = p.kind || 'person';
    const id = Number(p.id);
    const exists = kind === 'team' ? store.teamsById.has(id) : store.usersById.has(id);
    if (!exists) throw columnValueError(col, p, `unknown ${kind} ${p.id}`);
    return { id, kind };
  });
}

function itemIds(col, v, store) {
  const ids = v && (v.item_ids || v.linkedPulseIds);
  if (!Array.isArray(ids)) throw columnValueError(col, v, 'expected {"item_ids":[...]}');
  return ids.map((x) => {
    const id = Number(typeof x === 'object' && x ? x.linkedPulseId : x);
    if (!store.items.has(id)) throw columnValueError(col, v, `item ${x} does not exist`);
    return id;
  });
}

// JSON form (column_values / change_column_value).
export function parseColumnJson(col, input, { store, createLabels = false, now = Date.now(), fromCreate = false }) {
  const opts = { createLabels };
  const changed_at = new Date(now).toISOString();
  const t = col.type;
  if (READ_ONLY_TYPES.has(t)) throw columnValueError(col, input, `column type ${t} cannot be changed through the API`);
  if (t === 'file' || t === 'doc' || t === 'direct_doc') {
    if (input && input.clear_all === true) return null;
    throw columnValueError(col, input, 'use add_file_to_column to add files, or {"clear_all":true} to remove them');
  }
  if (input === null) return null;
  switch (t) {
    case 'text':
      if (typeof input === 'object') throw columnValueError(col, input, 'expected a string');
      return input === '' ? null : String(input);
    case 'long_text': {
      if (isBlank(input)) return null;
      const text = typeof input === 'object' ? input.text : input;
      if (typeof text !== 'string' && typeof text !== 'number') throw columnValueError(col, input, 'expected {"text":"..."}');
      return { text: String(text), changed_at };
    }
    case 'numbers': {
      // 2026 docs: "" in column_values writes 0, null clears.
      if (input === '') return '0';
      const s = String(typeof input === 'object' ? JSON.stringify(input) : input).trim();
      if (!/^-?\d+(\.\d+)?$/.test(s)) throw columnValueError(col, input, 'expected a number');
      return s;
    }
    case 'status': {
      if (isBlank(input)) return null;
      let id;
      if (typeof input === 'object' && input.index != null) {
        id = Number(input.index);
        if (!statusLabels(col).some((l) => l.id === id)) throw columnValueError(col, input, `no label with id ${input.index}`);
      } else if (typeof input === 'object' && input.label != null) id = statusFromLabel(col, input.label, opts);
      else if (typeof input === 'string') id = statusFromLabel(col, input, opts);
      else throw columnValueError(col, input, 'expected {"label":"..."} or {"index":N}');
      return id === 5 ? null : { index: id, post_id: null, changed_at };
    }
    case 'dropdown': {
      if (isBlank(input)) return null;
      let ids;
      if (Array.isArray(input.ids)) ids = input.ids.map(Number);
      else if (typeof input.ids === 'string') ids = input.ids.split(',').map((x) => Number(x.trim()));
      else if (Array.isArray(input.labels)) ids = dropdownIdsFromLabels(col, input.labels, opts);
      else throw columnValueError(col, input, 'expected {"ids":[...]} or {"labels":[...]}');
      const known = new Set(dropdownOptions(col).map((o) => o.id));
      for (const id of ids) if (!known.has(id)) throw columnValueError(col, input, `no dropdown option with id ${id}`);
      return ids.length ? { ids: [...new Set(ids)], changed_at } : null;
    }
    case 'date': {
      if (isBlank(input)) return null;
      if (!validDate(input.date)) throw columnValueError(col, input, 'expected {"date":"YYYY-MM-DD","time":"HH:MM:SS"}');
      const time = normTime(input.time);
      if (time === undefined) throw columnValueError(col, input, 'time must be HH:MM:SS');
      return { date: input.date, time, changed_at };
    }
    case 'timeline': {
      if (isBlank(input)) return null;
      if (!validDate(input.from) || !validDate(input.to) || input.from > input.to) throw columnValueError(col, input, 'expected {"from":"YYYY-MM-DD","to":"YYYY-MM-DD"}');
      // A timeline set by create_item has no changed_at (REFERENCE.md §11).
      return fromCreate ? { to: input.to, from: input.from } : { to: input.to, from: input.from, changed_at };
    }
    case 'week': {
      if (isBlank(input)) return null;
      const w = input.week || {};
      if (!validDate(w.startDate) || !validDate(w.endDate)) throw columnValueError(col, input, 'expected {"week":{"startDate":...,"endDate":...}}');
      return { week: { startDate: w.startDate, endDate: w.endDate } };
    }
    case 'hour': {
      if (isBlank(input)) return null;
      const h = Number(input.hour);
      const m = Number(input.minute ?? 0);
      if (!Number.isInteger(h) || h < 0 || h > 23 || !Number.isInteger(m) || m < 0 || m > 59) throw columnValueError(col, input, 'expected {"hour":0-23,"minute":0-59}');
      return { hour: h, minute: m, changed_at };
    }
    case 'world_clock':
      if (isBlank(input)) return null;
      if (typeof input.timezone !== 'string') throw columnValueError(col, input, 'expected {"timezone":"Area/City"}');
      return { timezone: input.timezone, changed_at };
    case 'people': {
      if (isBlank(input)) return null;
      const list = people(col, input.personsAndTeams, store);
      return list.length ? { changed_at, personsAndTeams: list } : null;
    }
    case 'person':
      if (isBlank(input)) return null;
      if (!store.usersById.has(Number(input.id))) throw columnValueError(col, input, `unknown user ${input.id}`);
      return { id: Number(input.id), changed_at };
    case 'team':
      if (isBlank(input)) return null;
      if (!store.teamsById.has(Number(input.team_id))) throw columnValueError(col, input, `unknown team ${input.team_id}`);
      return { team_id: Number(input.team_id), changed_at };
    case 'checkbox': {
      if (isBlank(input)) return null;
      const c = input.checked;
      if (c === true || c === 'true') return { checked: true, changed_at };
      if (c === false || c === 'false') return null;
      throw columnValueError(col, input, 'expected {"checked":"true"}');
    }
    case 'rating': {
      if (isBlank(input)) return null;
      const r = Number(input.rating);
      const max = (col.settings && col.settings.max) || 5;
      if (!Number.isInteger(r) || r < 0 || r > max) throw columnValueError(col, input, `rating must be 0-${max}`);
      return r === 0 ? null : { rating: r, changed_at };
    }
    case 'link':
      if (isBlank(input)) return null;
      if (typeof input.url !== 'string') throw columnValueError(col, input, 'expected {"url":"...","text":"..."}');
      return { url: input.url, text: input.text ?? '', changed_at };
    case 'email':
      if (isBlank(input)) return null;
      if (typeof input.email !== 'string' || !input.email.includes('@')) throw columnValueError(col, input, 'expected {"email":"...","text":"..."}');
      return { email: input.email, text: input.text ?? '', changed_at };
    case 'phone':
      if (isBlank(input)) return null;
      if (typeof input.phone !== 'string' || !/^\+?[\d ()-]{4,}$/.test(input.phone)) throw columnValueError(col, input, 'expected {"phone":"+...","countryShortName":"US"}');
      return { phone: input.phone, countryShortName: input.countryShortName || null, changed_at };
    case 'location': {
      if (isBlank(input)) return null;
      const lat = Number(input.lat);
      const lng = Number(input.lng);
      if (!Number.isFinite(lat) || !Number.isFinite(lng) || Math.abs(lat) > 90 || Math.abs(lng) > 180) throw columnValueError(col, input, 'expected {"lat":"..","lng":"..","address":".."}');
      return { lat: String(input.lat), lng: String(input.lng), address: input.address ?? '', changed_at };
    }
    case 'country': {
      if (isBlank(input)) return null;
      const found = COUNTRIES.find(([code]) => code === input.countryCode);
      if (!found && !input.countryName) throw columnValueError(col, input, 'expected {"countryCode":"US","countryName":"United States"}');
      return { countryCode: input.countryCode, countryName: input.countryName || found[1], changed_at };
    }
    case 'tags': {
      if (isBlank(input)) return null;
      if (!Array.isArray(input.tag_ids)) throw columnValueError(col, input, 'expected {"tag_ids":[...]}');
      for (const id of input.tag_ids) if (!store.tagsById.has(Number(id))) throw columnValueError(col, input, `unknown tag ${id}`);
      return { tag_ids: input.tag_ids.map(Number) };
    }
    case 'board_relation': {
      if (isBlank(input)) return null;
      const ids = itemIds(col, input, store);
      return ids.length ? { ids } : null;
    }
    case 'dependency': {
      if (isBlank(input)) return null;
      const ids = itemIds(col, input, store);
      return ids.length ? { ids, links: ids.map((id) => ({ id, type: 0, lag: 0 })) } : null;
    }
    default:
      throw columnValueError(col, input, `column type ${t} is not writable in the sandbox`);
  }
}

// change_simple_column_value: the plain text the UI would accept.
export function parseColumnSimple(col, value, ctx) {
  const t = col.type;
  if (value == null || value === '') {
    if (READ_ONLY_TYPES.has(t)) return parseColumnJson(col, null, ctx);
    return null;
  }
  const s = String(value);
  const parts = s.trim().split(/\s+/);
  switch (t) {
    case 'text':
      return s;
    case 'long_text':
      return parseColumnJson(col, { text: s }, ctx);
    case 'numbers':
      return parseColumnJson(col, s, ctx);
    case 'status':
      // A numeric string is a label id, even when a label looks like a number.
      return /^\d+$/.test(s.trim()) ? parseColumnJson(col, { index: Number(s) }, ctx) : parseColumnJson(col, { label: s }, ctx);
    case 'dropdown': {
      const items = s.split(',').map((x) => x.trim()).filter(Boolean);
      const numeric = items.every((x) => /^\d+$/.test(x));
      if (!numeric && items.some((x) => /^\d+$/.test(x))) throw columnValueError(col, s, 'use either ids or labels, not both');
      return parseColumnJson(col, numeric ? { ids: items.map(Number) } : { labels: items }, ctx);
    }
    case 'date': {
      const [date, time] = parts;
      return parseColumnJson(col, { date, time: time || null }, ctx);
    }
    case 'people':
      return parseColumnJson(col, { personsAndTeams: s.split(',').map((x) => ({ id: Number(x.trim()), kind: 'person' })) }, ctx);
    case 'link':
      return parseColumnJson(col, { url: parts[0], text: parts.slice(1).join(' ') }, ctx);
    case 'email':
      return parseColumnJson(col, { email: parts[0], text: parts.slice(1).join(' ') }, ctx);
    case 'phone':
      return parseColumnJson(col, { phone: parts[0], countryShortName: parts[1] || null }, ctx);
    case 'location':
      return parseColumnJson(col, { lat: parts[0], lng: parts[1], address: parts.slice(2).join(' ') }, ctx);
    default:
      throw columnValueError(col, s, `change_simple_column_value does not support ${t} columns`);
  }
}
