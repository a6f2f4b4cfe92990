// items_page `query_params`: rules, nested groups, and/or, order_by
// (REFERENCE.md §2.4 and §12). A query compiles to a predicate and a sort.
//
// Assumptions where monday publishes nothing:
// * text comparisons ignore case and surrounding blanks;
// * not_any_of / not_contains_text also match blank cells;
// * relative date words use UTC (the sandbox has no per-user time zone);
// * sorting puts blank cells last in both directions.

import { badArgument, ApiError } from './errors.mjs';
import { cellText, statusLabelById, linkedIds, progressPercent } from './data/column-types.mjs';

const DAY = 86_400_000;
const BLANK = '$$$blank$$$';

const TEXTUAL = ['any_of', 'not_any_of', 'is_empty', 'is_not_empty', 'contains_text', 'not_contains_text'];
const EMPTINESS = ['is_empty', 'is_not_empty'];
const COMPARE = ['greater_than', 'greater_than_or_equals', 'lower_than', 'lower_than_or_equal'];
const ANY = ['any_of', 'not_any_of'];

// Which operators each column type (or special column id) accepts.
export const OPERATORS = {
  name: [...ANY, 'contains_text', 'not_contains_text'],
  text: TEXTUAL,
  long_text: TEXTUAL,
  numbers: [...ANY, ...COMPARE, ...EMPTINESS],
  status: [...ANY, 'contains_terms', ...EMPTINESS],
  dropdown: TEXTUAL,
  people: [...TEXTUAL, 'contains_terms', 'starts_with', 'ends_with'],
  date: [...ANY, ...COMPARE, 'between', ...EMPTINESS, 'within_the_last', 'within_the_next'],
  timeline: [...ANY, ...EMPTINESS, ...COMPARE, 'between'],
  checkbox: EMPTINESS,
  link: TEXTUAL,
  email: TEXTUAL,
  phone: TEXTUAL,
  country: TEXTUAL,
  hour: [...ANY, ...EMPTINESS],
  week: [...ANY, ...EMPTINESS],
  rating: ANY,
  world_clock: ANY,
  board_relation: [...TEXTUAL, 'starts_with'],
  dependency: [...ANY, ...EMPTINESS],
  vote: [...ANY, ...EMPTINESS],
  time_tracking: ANY,
  progress: ANY,
  creation_log: [...ANY, 'between', 'within_the_last'],
  last_updated: [...ANY, 'between', 'within_the_last'],
  subtasks: EMPTINESS,
  location: EMPTINESS,
  tags: [...ANY, ...EMPTINESS], // not documented; assumed like dropdown ids
  group: ANY,
  __item_id__: ANY,
};

const SPECIAL = {
  name: { id: 'name', type: 'name' },
  group: { id: 'group', type: 'group' },
  __item_id__: { id: '__item_id__', type: '__item_id__' },
  __creation_log__: { id: '__creation_log__', type: 'creation_log' },
  __last_updated__: { id: '__last_updated__', type: 'last_updated' },
};

const norm = (s) => String(s ?? '').trim().toLowerCase();
const asList = (v) => (v == null ? [] : Array.isArray(v) ? v : [v]);
const dayOf = (ms) => new Date(ms).toISOString().slice(0, 10);
const addDays = (iso, n) => dayOf(Date.parse(`${iso}T00:00:00Z`) + n * DAY);

function todayIso(ctx) {
  return dayOf(ctx.now);
}

function weekBounds(iso) {
  const d = new Date(`${iso}T00:00:00Z`);
  const offset = (d.getUTCDay() + 6) % 7; // weeks start on Monday (account setting)
  const start = addDays(iso, -offset);
  return [start, addDays(start, 6)];
}

function monthBounds(iso, delta = 0) {
  const d = new Date(`${iso}T00:00:00Z`);
  const first = new Date(Date.UTC(d.getUTCFullYear(), d.getUTCMonth() + delta, 1));
  const last = new Date(Date.UTC(d.getUTCFullYear(), d.getUTCMonth() + delta + 1, 0));
  return [dayOf(first.getTime()), dayOf(last.getTime())];
}

// A date word or literal to an inclusive [from, to] range of ISO days.
function wordRange(word, ctx) {
  const t = todayIso(ctx);
  switch (String(word).toUpperCase()) {
    case 'TODAY': return [t, t];
    case 'TOMORROW': return [addDays(t, 1), addDays(t, 1)];
    case 'YESTERDAY': return [addDays(t, -1), addDays(t, -1)];
    case 'THIS_WEEK': return weekBounds(t);
    case 'LAST_WEEK': return weekBounds(addDays(t, -7));
    case 'ONE_WEEK_AGO': return [addDays(t, -7), addDays(t, -7)];
    case 'ONE_WEEK_FROM_NOW': return [addDays(t, 7), addDays(t, 7)];
    case 'THIS_MONTH': return monthBounds(t);
    case 'LAST_MONTH': return monthBounds(t, -1);
    case 'ONE_MONTH_AGO': return [dayOf(Date.UTC(+t.slice(0, 4), +t.slice(5, 7) - 2, +t.slice(8, 10))), dayOf(Date.UTC(+t.slice(0, 4), +t.slice(5, 7) - 2, +t.slice(8, 10)))];
    case 'ONE_MONTH_FROM_NOW': return [dayOf(Date.UTC(+t.slice(0, 4), +t.slice(5, 7), +t.slice(8, 10))), dayOf(Date.UTC(+t.slice(0, 4), +t.slice(5, 7), +t.slice(8, 10)))];
    case 'PAST_DATETIME': return ['0000-01-01', addDays(t, -1)];
    case 'FUTURE_DATETIME': return [addDays(t, 1), '9999-12-31'];
    default:
      if (/^\d{4}-\d{2}-\d{2}/.test(String(word))) {
        const d = String(word).slice(0, 10);
        return [d, d];
      }
      return null;
  }
}

// ["EXACT","2026-01-01","TODAY",...] → list of ranges; BLANK kept as a marker.
function dateRanges(values, ctx) {
  const out = [];
  for (let i = 0; i < values.length; i++) {
    const v = values[i];
    if (v === BLANK) out.push(BLANK);
    else if (String(v).toUpperCase() === 'EXACT') {
      const r = wordRange(values[++i], ctx);
      if (r) out.push(r);
    } else {
      const r = wordRange(v, ctx);
      if (r) out.push(r);
    }
  }
  return out;
}

function withinRange(rule, ctx) {
  const [unit, amountRaw] = asList(rule.compare_value);
  const amount = Number(amountRaw);
  if (!Number.isFinite(amount)) throw badArgument(`${rule.operator} expects [UNIT, AMOUNT]`, { column_id: rule.column_id });
  const days = { DAYS: 1, WORKDAYS: 1, WEEKS: 7, MONTHS: 30 }[String(unit).toUpperCase()];
  if (!days) throw badArgument(`Unknown unit ${unit} for ${rule.operator}`, { column_id: rule.column_id });
  const t = todayIso(ctx);
  return rule.operator === 'within_the_last' ? [addDays(t, -amount * days), t] : [t, addDays(t, amount * days)];
}

function compareDates(op, d, range) {
  if (!d || !range) return false;
  const [s, e] = range;
  switch (op) {
    case 'greater_than': return d > e;
    case 'greater_than_or_equals': return d >= s;
    case 'lower_than': return d < s;
    case 'lower_than_or_equal': return d <= e;
    default: return false;
  }
}

function compareNumbers(op, n, x) {
  if (n == null || !Number.isFinite(x)) return false;
  switch (op) {
    case 'greater_than': return n > x;
    case 'greater_than_or_equals': return n >= x;
    case 'lower_than': return n < x;
    case 'lower_than_or_equal': return n <= x;
    default: return false;
  }
}

function numberOf(raw) {
  if (raw == null || raw === '') return null;
  const n = Number(raw);
  return Number.isFinite(n) ? n : null;
}

function personMatches(token, entries, ctx) {
  const t = String(token);
  if (t === 'assigned_to_me') return entries.some((p) => p.kind === 'person' && p.id === ctx.user.id);
  if (t === 'person-0') return entries.length === 0;
  const m = /^(person|team)-(\d+)$/.exec(t);
  if (!m) return false; // plain ids are not a people filter value
  return entries.some((p) => p.kind === m[1] && p.id === Number(m[2]));
}

// Builds the predicate for one rule against one board.
function compileRule(rule, board, ctx) {
  const col = SPECIAL[rule.column_id] || board.columns.find((c) => c.id === rule.column_id && !c.archived);
  if (!col) {
    throw new ApiError('InvalidColumnIdException', `Column ${rule.column_id} was not found on board ${board.id}`, {
      errorData: { column_id: rule.column_id, board_id: String(board.id) },
    });
  }
  const type = col.type;
  const op = rule.operator || 'any_of';
  const allowed = OPERATORS[type];
  if (!allowed) {
    throw badArgument(`Column type ${type} cannot be used in query_params rules`, { column_id: col.id, column_type: type });
  }
  if (!allowed.includes(op)) {
    throw badArgument(`Operator ${op} is not supported for column type ${type}`, { column_id: col.id, column_type: type, operator: op });
  }
  const values = asList(rule.compare_value);
  const attr = rule.compare_attribute ? String(rule.compare_attribute).toUpperCase() : null;
  const store = ctx.store;
  const raw = (item) => item.values[col.id] ?? null;
  const text = (item) => cellText({ col, item, raw: raw(item) }, store);
  const negate = (fn) => (item) => !fn(item);

  const emptiness = (isEmpty) => {
    if (op === 'is_empty') return isEmpty;
    if (op === 'is_not_empty') return negate(isEmpty);
    return null;
  };
  const textOps = (getText) => {
    const needle = norm(values[0]);
    switch (op) {
      case 'contains_text': return (i) => norm(getText(i)).includes(needle);
      case 'not_contains_text': return (i) => !norm(getText(i)).includes(needle);
      case 'contains_terms': {
        const terms = needle.split(/\s+/).filter(Boolean);
        return (i) => terms.every((t) => norm(getText(i)).includes(t));
      }
      case 'starts_with': return (i) => norm(getText(i)).startsWith(needle);
      case 'ends_with': return (i) => norm(getText(i)).endsWith(needle);
      default: return null;
    }
  };
  const anyOf = (matchOne) => {
    const fn = (item) => values.some((v) => matchOne(item, v));
    if (op === 'any_of') return fn;
    if (op === 'not_any_of') return negate(fn);
    return null;
  };
  const pick = (...candidates) => {
    const f = candidates.find((c) => c);
    if (!f) throw badArgument(`Operator ${op} is not supported for column type ${type}`, { column_id: col.id, operator: op });
    return f;
  };

  switch (type) {
    case 'name':
      return pick(anyOf((i, v) => norm(i.name) === norm(v)), textOps((i) => i.name));
    case 'group':
      return pick(anyOf((i, v) => i.group_id === String(v)));
    case '__item_id__':
      return pick(anyOf((i, v) => i.id === Number(v)));
    case 'text':
    case 'long_text':
    case 'link':
    case 'email': {
      const blank = (i) => (text(i) || '') === '';
      return pick(emptiness(blank), anyOf((i, v) => (norm(v) === '' ? blank(i) : norm(text(i)) === norm(v))), textOps(text));
    }
    case 'numbers': {
      const n = (i) => numberOf(raw(i));
      if (COMPARE.includes(op)) {
        const x = Number(values[0]);
        if (!Number.isFinite(x)) throw badArgument(`${op} needs a number`, { column_id: col.id });
        return (i) => compareNumbers(op, n(i), x);
      }
      return pick(emptiness((i) => n(i) == null), anyOf((i, v) => (v === BLANK ? n(i) == null : n(i) != null && n(i) === Number(v))));
    }
    case 'status': {
      const idx = (i) => (raw(i) && raw(i).index != null && raw(i).index !== 5 ? raw(i).index : null);
      return pick(
        emptiness((i) => idx(i) == null),
        anyOf((i, v) => (Number(v) === 5 ? idx(i) == null : idx(i) != null && String(v).trim() !== '' && idx(i) === Number(v))),
        op === 'contains_terms' ? (i) => {
          const l = idx(i) != null ? statusLabelById(col, idx(i)) : null;
          return !!l && norm(l.label).includes(norm(values[0]));
        } : null,
      );
    }
    case 'dropdown': {
      const ids = (i) => (raw(i) && raw(i).ids) || [];
      return pick(
        emptiness((i) => ids(i).length === 0),
        anyOf((i, v) => (String(v) === '' ? ids(i).length === 0 : ids(i).includes(Number(v)))),
        textOps((i) => text(i) || ''),
      );
    }
    case 'tags': {
      const ids = (i) => (raw(i) && raw(i).tag_ids) || [];
      return pick(emptiness((i) => ids(i).length === 0), anyOf((i, v) => ids(i).includes(Number(v))));
    }
    case 'people': {
      const entries = (i) => (raw(i) && raw(i).personsAndTeams) || [];
      return pick(emptiness((i) => entries(i).length === 0), anyOf((i, v) => personMatches(v, entries(i), ctx)), textOps(text));
    }
    case 'date': {
      const d = (i) => (raw(i) && raw(i).date) || null;
      if (op === 'between') {
        const ranges = dateRanges(values, ctx).filter((r) => r !== BLANK);
        if (ranges.length !== 2) throw badArgument('between needs two dates', { column_id: col.id });
        return (i) => d(i) != null && d(i) >= ranges[0][0] && d(i) <= ranges[1][1];
      }
      if (op === 'within_the_last' || op === 'within_the_next') {
        const [s, e] = withinRange(rule, ctx);
        return (i) => d(i) != null && d(i) >= s && d(i) <= e;
      }
      if (COMPARE.includes(op)) {
        const range = dateRanges(values, ctx).find((r) => r !== BLANK);
        if (!range) throw badArgument(`${op} needs a date`, { column_id: col.id });
        return (i) => compareDates(op, d(i), range);
      }
      const ranges = dateRanges(values, ctx);
      const fn = (i) => ranges.some((r) => (r === BLANK ? d(i) == null : d(i) != null && d(i) >= r[0] && d(i) <= r[1]));
      return pick(emptiness((i) => d(i) == null), op === 'any_of' ? fn : op === 'not_any_of' ? negate(fn) : null);
    }
    case 'timeline': {
      const tl = (i) => (raw(i) && raw(i).from ? raw(i) : null);
      if (COMPARE.includes(op) || op === 'between') {
        if (attr !== 'START_DATE' && attr !== 'END_DATE') {
          throw badArgument(`${op} on a timeline column needs compare_attribute START_DATE or END_DATE`, { column_id: col.id });
        }
        const side = (i) => (tl(i) ? (attr === 'START_DATE' ? tl(i).from : tl(i).to) : null);
        const ranges = dateRanges(values, ctx).filter((r) => r !== BLANK);
        if (op === 'between') {
          if (ranges.length !== 2) throw badArgument('between needs two dates', { column_id: col.id });
          return (i) => side(i) != null && side(i) >= ranges[0][0] && side(i) <= ranges[1][1];
        }
        return (i) => compareDates(op, side(i), ranges[0]);
      }
      const t = todayIso(ctx);
      const word = (i, v) => {
        const x = tl(i);
        switch (String(v).toUpperCase()) {
          case BLANK.toUpperCase(): return x == null;
          case 'CURRENT': return !!x && x.from <= t && t <= x.to;
          case 'DUE_TODAY': return !!x && x.to === t;
          case 'FUTURE_TIMELINE': return !!x && x.from > t;
          case 'PAST_TIMELINE': return !!x && x.to < t;
          case 'MILESTONE': return !!x && (x.from === x.to || x.visualization_type === 'milestone');
          default: {
            const r = wordRange(v, ctx);
            return !!x && !!r && x.from <= r[1] && x.to >= r[0];
          }
        }
      };
      return pick(emptiness((i) => tl(i) == null), anyOf(word));
    }
    case 'checkbox': {
      const checked = (i) => !!raw(i) && (raw(i).checked === true || raw(i).checked === 'true');
      return pick(emptiness((i) => !checked(i)));
    }
    case 'phone': {
      const blank = (i) => !raw(i) || !raw(i).phone;
      return pick(emptiness(blank), anyOf((i, v) => (String(v) === '' ? blank(i) : !blank(i) && norm(raw(i).countryShortName) === norm(v))), textOps((i) => (raw(i) && raw(i).phone) || ''));
    }
    case 'country': {
      const blank = (i) => !raw(i) || !raw(i).countryCode;
      return pick(emptiness(blank), anyOf((i, v) => (String(v) === '' ? blank(i) : !blank(i) && norm(raw(i).countryCode) === norm(v))), textOps((i) => (raw(i) && raw(i).countryName) || ''));
    }
    case 'hour': {
      const h = (i) => (raw(i) && raw(i).hour != null ? raw(i).hour : null);
      const bucket = (hour) => (hour >= 4 && hour < 7 ? 'early morning' : hour >= 7 && hour < 12 ? 'morning' : hour >= 12 && hour < 20 ? 'afternoon' : hour >= 20 && hour < 23 ? 'evening' : 'night');
      return pick(emptiness((i) => h(i) == null), anyOf((i, v) => (v === BLANK ? h(i) == null : h(i) != null && bucket(h(i)) === norm(v))));
    }
    case 'week': {
      const w = (i) => (raw(i) && raw(i).week ? raw(i).week : null);
      const t = todayIso(ctx);
      return pick(emptiness((i) => w(i) == null), anyOf((i, v) => {
        const x = w(i);
        switch (String(v).toUpperCase()) {
          case BLANK.toUpperCase(): return x == null;
          case 'THIS_WEEK': return !!x && x.startDate <= t && t <= x.endDate;
          case 'NEXT_WEEKS': return !!x && x.startDate > t;
          case 'PAST_WEEKS': return !!x && x.endDate < t;
          default: return false;
        }
      }));
    }
    case 'rating': {
      const r = (i) => (raw(i) && raw(i).rating ? raw(i).rating : 0);
      return pick(anyOf((i, v) => r(i) === Number(v)));
    }
    case 'world_clock':
      return pick(anyOf((i, v) => (raw(i) ? raw(i).timezone === String(v) : String(v) === '')));
    case 'board_relation':
    case 'dependency': {
      const ids = (i) => linkedIds(raw(i));
      const names = (i) => ids(i).map((id) => (store.items.get(id) || {}).name || '').join(', ');
      return pick(
        emptiness((i) => ids(i).length === 0),
        anyOf((i, v) => ids(i).includes(Number(v))),
        type === 'board_relation' ? textOps(names) : null,
      );
    }
    case 'vote': {
      const voters = (i) => (raw(i) && raw(i).votersIds) || [];
      return pick(emptiness((i) => voters(i).length === 0), anyOf((i, v) => (norm(v) === 'no votes' ? voters(i).length === 0 : voters(i).includes(Number(v)))));
    }
    case 'time_tracking': {
      const running = (i) => !!raw(i) && (raw(i).running === true || raw(i).running === 'true');
      return pick(anyOf((i, v) => (Number(v) === 2 ? running(i) : !running(i))));
    }
    case 'progress': {
      const pct = (i) => progressPercent({ item: i }, store);
      return pick(anyOf((i, v) => {
        const s = String(v);
        if (s === '') return false;
        if (s === '0') return pct(i) < 20;
        if (s === '100') return pct(i) === 100;
        return pct(i) > Number(s);
      }));
    }
    case 'creation_log':
    case 'last_updated': {
      const isCreation = type === 'creation_log';
      const at = (i) => dayOf(isCreation ? i.created_at : i.updated_at);
      const who = (i) => (isCreation ? i.creator_id : i.updater_id || i.creator_id);
      if (op === 'between') {
        const ranges = dateRanges(values, ctx).filter((r) => r !== BLANK);
        if (ranges.length !== 2) throw badArgument('between needs two dates', { column_id: col.id });
        return (i) => at(i) >= ranges[0][0] && at(i) <= ranges[1][1];
      }
      if (op === 'within_the_last') {
        const [s, e] = withinRange(rule, ctx);
        return (i) => at(i) >= s && at(i) <= e;
      }
      const byDate = attr === 'CREATED_AT' || attr === 'UPDATED_AT';
      if (!isCreation && !byDate && values.some((v) => /^[A-Z_]+$/.test(String(v)) && String(v) !== 'assigned_to_me')) {
        throw badArgument('Date words on __last_updated__ need compare_attribute UPDATED_AT', { column_id: col.id });
      }
      const match = (i, v) => {
        if (byDate) {
          const word = String(v).toUpperCase();
          if (word === 'LAST_WEEK' || word === 'LAST_MONTH') return false; // reported to match nothing
          const r = wordRange(v, ctx);
          return !!r && at(i) >= r[0] && at(i) <= r[1];
        }
        const s = String(v);
        if (s === 'assigned_to_me') return who(i) === ctx.user.id;
        const m = /^person-(\d+)$/.exec(s);
        return who(i) === Number(m ? m[1] : s);
      };
      return pick(anyOf(match));
    }
    case 'subtasks':
      return pick(emptiness((i) => (i.subitem_ids || []).length === 0));
    case 'location':
      return pick(emptiness((i) => !raw(i) || !raw(i).address));
    default:
      throw badArgument(`Column type ${type} cannot be used in query_params rules`, { column_id: col.id, column_type: type });
  }
}

function compileGroup(group, board, ctx) {
  const parts = [
    ...(group.rules || []).map((r) => compileRule(r, board, ctx)),
    ...(group.groups || []).map((g) => compileGroup(g, board, ctx)),
  ];
  if (parts.length === 0) return () => true;
  return (group.operator || 'and') === 'or' ? (i) => parts.some((p) => p(i)) : (i) => parts.every((p) => p(i));
}

function sortKey(columnId, board, ctx) {
  const store = ctx.store;
  switch (columnId) {
    case 'name': return (i) => norm(i.name);
    case '__creation_log__': return (i) => i.created_at;
    case '__last_updated__': return (i) => i.updated_at;
    case '__item_id__': return (i) => i.id;
    case 'group': return (i) => i.group_id;
    default: break;
  }
  const col = board.columns.find((c) => c.id === columnId);
  if (!col) {
    throw new ApiError('InvalidColumnIdException', `Column ${columnId} was not found on board ${board.id}`, { errorData: { column_id: columnId } });
  }
  const raw = (i) => i.values[col.id] ?? null;
  switch (col.type) {
    case 'numbers': return (i) => numberOf(raw(i));
    case 'date': return (i) => (raw(i) && raw(i).date ? `${raw(i).date} ${raw(i).time || ''}` : null);
    case 'timeline': return (i) => (raw(i) && raw(i).from ? raw(i).from : null);
    case 'status': return (i) => {
      const l = raw(i) && raw(i).index != null ? statusLabelById(col, raw(i).index) : null;
      return l && l.id !== 5 ? l.index : null;
    };
    case 'rating': return (i) => (raw(i) && raw(i).rating ? raw(i).rating : null);
    case 'checkbox': return (i) => (raw(i) && (raw(i).checked === true || raw(i).checked === 'true') ? 1 : 0);
    case 'creation_log': return (i) => i.created_at;
    case 'last_updated': return (i) => i.updated_at;
    case 'item_id': return (i) => i.id;
    default: return (i) => {
      const t = cellText({ col, item: i, raw: raw(i) }, store);
      return t ? norm(t) : null;
    };
  }
}

function compileOrder(orderBy, board, ctx) {
  if (!orderBy || orderBy.length === 0) return null;
  const keys = orderBy.map((o) => ({ key: sortKey(o.column_id, board, ctx), dir: o.direction === 'desc' ? -1 : 1 }));
  return (a, b) => {
    for (const { key, dir } of keys) {
      const x = key(a);
      const y = key(b);
      if (x === y) continue;
      if (x == null) return 1;
      if (y == null) return -1;
      return (x < y ? -1 : 1) * dir;
    }
    return 0;
  };
}

// items → filtered and ordered list for a board (or one group of it).
export function applyQuery(items, queryParams, board, ctx) {
  if (!queryParams) return items;
  const idSet = queryParams.ids ? new Set(queryParams.ids.map(Number)) : null;
  const pred = compileGroup(queryParams, board, ctx);
  let out = items.filter((i) => (!idSet || idSet.has(i.id)) && pred(i));
  const cmp = compileOrder(queryParams.order_by, board, ctx);
  if (cmp) out = out.map((i, n) => [i, n]).sort((a, b) => cmp(a[0], b[0]) || a[1] - b[1]).map((x) => x[0]);
  return out;
}
