// The functions of AggregateSelectFunctionName: what each does, what input it
// takes and what kind of value it gives. monday sorts them into aggregative
// functions (a group of items → one value; they must NOT be in group_by) and
// transformative ones (one item → one value; they MUST be in group_by).
// REFERENCE.md §13 lists which behaviour is documented and which is inferred.

import { labelStyle, cellText, relationDisplay, linkedIds } from '../data/column-types.mjs';
import {
  rawCell, statusLabel, groupOf, oneOrList, peopleTokens, dayMillis,
} from './cell-values.mjs';

// Functions the sandbox refuses, with the reason given in the error.
export const REFUSED = {
  LEFT: 'it needs a literal length, which AggregateSelectElementInput cannot carry',
  BETWEEN: 'it needs literal bounds, which AggregateSelectElementInput cannot carry',
  CASE: 'it needs literal branches, which AggregateSelectElementInput cannot carry',
  EQUALS: 'it needs a literal to compare with, which AggregateSelectElementInput cannot carry',
  MIN_MAX: 'a minimum and a maximum do not fit the single Float of AggregateBasicAggregationResult',
  COUNT_KEYS: 'monday does not document what it counts',
  DURATION_RUNNING: 'monday does not document what it measures',
};

const isNumber = (v) => typeof v === 'number' && Number.isFinite(v);
const numbers = (values) => values.filter(isNumber);
const present = (values) => values.filter((v) => v != null);

// ---- aggregative -----------------------------------------------------------

// `input` is 'items' (no parameter) or the kinds of value the parameter may have.
export const AGGREGATIVE = {
  COUNT_ITEMS: { input: 'items', reduce: (values, items) => items.length },
  COUNT_SUBITEMS: {
    input: 'items',
    reduce: (values, items, store) => items.reduce((n, it) => n + (it.subitem_ids || []).filter((id) => (store.items.get(id) || {}).state === 'active').length, 0),
  },
  COUNT: { input: 'any', reduce: (values) => present(values).length },
  COUNT_DISTINCT: { input: 'any', reduce: (values) => new Set(present(values).map((v) => JSON.stringify(v))).size },
  SUM: {
    input: ['number'],
    reduce: (values) => {
      const n = numbers(values);
      return n.length ? n.reduce((a, b) => a + b, 0) : null;
    },
  },
  AVERAGE: {
    input: ['number'],
    reduce: (values) => {
      const n = numbers(values);
      return n.length ? n.reduce((a, b) => a + b, 0) / n.length : null;
    },
  },
  MEDIAN: {
    input: ['number'],
    reduce: (values) => {
      const n = numbers(values).sort((a, b) => a - b);
      if (!n.length) return null;
      const mid = Math.floor(n.length / 2);
      return n.length % 2 ? n[mid] : (n[mid - 1] + n[mid]) / 2;
    },
  },
  MIN: { input: ['number', 'date'], reduce: (values) => numbers(values).reduce((m, x) => (m == null || x < m ? x : m), null) },
  MAX: { input: ['number', 'date'], reduce: (values) => numbers(values).reduce((m, x) => (m == null || x > m ? x : m), null) },
  // Assumption: the first non-empty value in board order.
  FIRST: { input: 'any', reduce: (values) => present(values)[0] ?? null },
};

// ---- transformative --------------------------------------------------------

const DAY = 86_400_000;

function truncate(unit) {
  return (ms) => {
    if (!isNumber(ms)) return null;
    const d = new Date(ms);
    const y = d.getUTCFullYear();
    const m = d.getUTCMonth();
    switch (unit) {
      case 'day': return Date.UTC(y, m, d.getUTCDate());
      // Weeks start on Monday, the account's first day of the week (and filters.mjs's).
      case 'week': return Date.UTC(y, m, d.getUTCDate()) - ((d.getUTCDay() + 6) % 7) * DAY;
      case 'month': return Date.UTC(y, m, 1);
      case 'quarter': return Date.UTC(y, m - (m % 3), 1);
      default: return Date.UTC(y, 0, 1);
    }
  };
}

const mapText = (fn) => ({ value }) => {
  if (Array.isArray(value)) return value.map((v) => (typeof v === 'string' ? fn(v) : v));
  return typeof value === 'string' ? fn(value) : value;
};

function labelText({ col, item }, store) {
  switch (col.type) {
    case 'status': {
      const l = statusLabel(col, item);
      return l ? l.label : '';
    }
    case 'group': {
      const g = groupOf(item, store);
      return g ? g.title : '';
    }
    case 'name': return item.name;
    case 'board_relation':
    case 'dependency': return relationDisplay({ raw: rawCell(col, item) }, store);
    default: return cellText({ col, item, raw: rawCell(col, item) }, store) ?? '';
  }
}

function startOrEnd(which) {
  return ({ col, item, value }) => {
    const raw = rawCell(col, item);
    if (col.type === 'timeline') return raw && raw.from ? dayMillis(which === 'start' ? raw.from : raw.to) : null;
    if (col.type === 'week') return raw && raw.week ? dayMillis(which === 'start' ? raw.week.startDate : raw.week.endDate) : null;
    return value; // a date column: the day is its own range
  };
}

function idsOf({ col, item }) {
  const raw = rawCell(col, item);
  switch (col.type) {
    case 'status': {
      const l = statusLabel(col, item);
      return l ? l.id : null;
    }
    case 'dropdown': return oneOrList((raw && raw.ids) || []);
    case 'people': return oneOrList(((raw && raw.personsAndTeams) || []).map((p) => p.id));
    case 'person': return raw && raw.id ? raw.id : null;
    case 'team': return raw && raw.team_id ? raw.team_id : null;
    case 'tags': return oneOrList((raw && raw.tag_ids) || []);
    case 'board_relation':
    case 'dependency': return oneOrList(linkedIds(raw));
    case 'subtasks': return oneOrList(item.subitem_ids || []);
    case 'group': return item.group_id;
    default: return item.id; // name, item_id
  }
}

// `column`: null = any input; a Set = the parameter must be a COLUMN of one of these types;
// `kinds`: the input kinds accepted when the parameter may be any element.
export const TRANSFORMATIVE = {
  NONE: { output: (k) => k, apply: ({ value }) => value },
  FLATTEN: { output: (k) => k, apply: ({ value }) => value }, // grouping splits lists into one key per entry
  DATE_TRUNC_DAY: { kinds: ['date'], output: () => 'date', apply: ({ value }) => truncate('day')(value) },
  DATE_TRUNC_WEEK: { kinds: ['date'], output: () => 'date', apply: ({ value }) => truncate('week')(value) },
  DATE_TRUNC_MONTH: { kinds: ['date'], output: () => 'date', apply: ({ value }) => truncate('month')(value) },
  DATE_TRUNC_QUARTER: { kinds: ['date'], output: () => 'date', apply: ({ value }) => truncate('quarter')(value) },
  DATE_TRUNC_YEAR: { kinds: ['date'], output: () => 'date', apply: ({ value }) => truncate('year')(value) },
  DATE: { kinds: ['date'], output: () => 'date', apply: ({ value }) => truncate('day')(value) },
  HOUR: {
    kinds: ['date'], alsoColumns: new Set(['hour']), output: () => 'number',
    apply: ({ col, item, value }) => {
      const raw = col ? rawCell(col, item) : null;
      if (col && col.type === 'hour') return raw && raw.hour != null ? raw.hour : null;
      if (col && col.type === 'date' && !(raw && raw.time)) return null; // a date without a time has no hour
      return isNumber(value) ? new Date(value).getUTCHours() : null;
    },
  },
  START_DATE: { column: new Set(['timeline', 'week', 'date']), output: () => 'date', apply: startOrEnd('start') },
  END_DATE: { column: new Set(['timeline', 'week', 'date']), output: () => 'date', apply: startOrEnd('end') },
  LABEL: { column: 'any', output: () => 'other', apply: (input, store) => labelText(input, store) },
  COLOR: {
    column: new Set(['status', 'color_picker', 'group']), output: () => 'other',
    apply: ({ col, item, value }, store) => {
      if (col.type === 'group') return (groupOf(item, store) || {}).color ?? null;
      if (col.type === 'color_picker') return value;
      const l = statusLabel(col, item);
      return l ? labelStyle(l.color).color : null;
    },
  },
  ORDER: { column: new Set(['status']), output: () => 'number', apply: ({ col, item }) => (statusLabel(col, item) || {}).index ?? null },
  IS_DONE: {
    column: new Set(['status']), output: () => 'boolean',
    apply: ({ col, item }) => {
      const l = statusLabel(col, item);
      return l ? !!l.is_done : null;
    },
  },
  ID: {
    column: new Set(['status', 'dropdown', 'people', 'person', 'team', 'tags', 'board_relation', 'dependency', 'subtasks', 'group', 'name', 'item_id']),
    output: () => 'other', apply: idsOf,
  },
  PERSON: {
    column: new Set(['people', 'person']), output: () => 'other',
    apply: ({ col, item }) => {
      const raw = rawCell(col, item);
      if (col.type === 'person') return raw && raw.id ? `person-${raw.id}` : null;
      return oneOrList(peopleTokens(raw, ['person']));
    },
  },
  PHONE_COUNTRY_SHORT_NAME: {
    column: new Set(['phone']), output: () => 'other',
    apply: ({ col, item }) => {
      const raw = rawCell(col, item);
      return raw && raw.phone && raw.countryShortName ? raw.countryShortName : null;
    },
  },
  RAW: { column: 'any', output: () => 'other', apply: ({ col, item, value }) => rawCell(col, item) ?? value },
  UPPER: { output: () => 'other', apply: mapText((s) => s.toUpperCase()) },
  LOWER: { output: () => 'other', apply: mapText((s) => s.toLowerCase()) },
  TRIM: { output: () => 'other', apply: mapText((s) => s.trim()) },
  LENGTH: {
    output: () => 'number',
    apply: ({ value }) => (value == null ? null : Array.isArray(value) ? value.length : String(value).length),
  },
};

