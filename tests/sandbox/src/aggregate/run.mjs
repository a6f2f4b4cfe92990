// Runs a compiled aggregate plan over a board's active items (filtered by
// `query` exactly as items_page filters) and shapes monday's result:
// results[] (one per group, or one in all without group_by) of entries[]
// {alias, value}, where value is AggregateBasicAggregationResult {result}
// for a number and AggregateGroupByResult {value} for anything else.
//
// Documented (REFERENCE.md §13): entries come in alphabetical order of alias;
// an aggregate with no value (e.g. SUM over empty cells) comes back as
// AggregateGroupByResult {value: null}, not as result 0; `limit` caps the
// number of groups; group_by's own limit (default 1,000) caps the distinct
// values of that entry. Inferred: groups are ordered by their keys, ascending,
// empty keys last; a limit keeps the first keys in that order.

import { ApiError } from '../errors.mjs';
import { fieldVersionError } from '../versions.mjs';
import { applyQuery } from '../filters.mjs';
import { compilePlan } from './plan.mjs';

const AGGREGATE_SINCE = '2026-01';

const TYPE_RANK = { number: 0, string: 1, boolean: 2, object: 3 };

// Total order on group keys: numbers, then strings, booleans, lists; null last.
export function compareKeys(a, b) {
  if (a === b) return 0;
  if (a == null) return 1;
  if (b == null) return -1;
  const ra = TYPE_RANK[typeof a] ?? 3;
  const rb = TYPE_RANK[typeof b] ?? 3;
  if (ra !== rb) return ra - rb;
  if (typeof a === 'number' || typeof a === 'boolean') return a < b ? -1 : a > b ? 1 : 0;
  const sa = typeof a === 'string' ? a : JSON.stringify(a);
  const sb = typeof b === 'string' ? b : JSON.stringify(b);
  return sa < sb ? -1 : sa > sb ? 1 : 0;
}

const keyId = (v) => JSON.stringify(v ?? null);

// The keys one item contributes to a dimension: FLATTEN splits a list.
function keysOf(dim, item) {
  const v = dim.value.evaluate(item).value;
  if (dim.value.flatten) return Array.isArray(v) ? (v.length ? v : [null]) : [v];
  return [v];
}

function entryValue(v) {
  return typeof v === 'number' && Number.isFinite(v) ? { result: v } : { value: v ?? null };
}

function resultSet(keys, groups, aggregates, items, store) {
  const entries = [];
  groups.forEach((g, i) => entries.push({ alias: g.alias, value: { value: keys[i] ?? null } }));
  for (const a of aggregates) entries.push({ alias: a.alias, value: entryValue(a.reduce(a.values(items), items, store)) });
  entries.sort((x, y) => (x.alias < y.alias ? -1 : x.alias > y.alias ? 1 : 0));
  return { entries };
}

// Every combination of one entry per list (lists of key indexes, one per dimension).
function combinations(lists) {
  let out = [[]];
  for (const list of lists) {
    const next = [];
    for (const prefix of out) for (const k of list) next.push([...prefix, k]);
    out = next;
  }
  return out;
}

function grouped(plan, items, store) {
  const dims = plan.groups;
  // keys[d][n]: the keys item n contributes to dimension d, and ids[d][n] their JSON texts,
  // computed once: large boards make this the costly part.
  const keys = dims.map((g) => items.map((it) => keysOf(g, it)));
  const ids = keys.map((perItem) => perItem.map((list) => list.map(keyId)));
  // Keep the first `limit` distinct keys of each dimension.
  const kept = dims.map((g, d) => {
    const distinct = new Map();
    keys[d].forEach((list, n) => list.forEach((k, j) => distinct.set(ids[d][n][j], k)));
    return new Set([...distinct].sort((a, b) => compareKeys(a[1], b[1])).slice(0, g.limit).map(([id]) => id));
  });
  const buckets = new Map();
  items.forEach((item, n) => {
    const allowed = dims.map((g, d) => ids[d][n].map((id, j) => j).filter((j) => kept[d].has(ids[d][n][j])));
    for (const combo of combinations(allowed)) {
      const id = combo.map((j, d) => ids[d][n][j]).join('\u0000');
      let b = buckets.get(id);
      if (!b) buckets.set(id, (b = { keys: combo.map((j, d) => keys[d][n][j]), items: [] }));
      b.items.push(item);
    }
  });
  const ordered = [...buckets.values()].sort((x, y) => {
    for (let d = 0; d < dims.length; d++) {
      const c = compareKeys(x.keys[d], y.keys[d]);
      if (c) return c;
    }
    return 0;
  });
  const capped = plan.limit != null ? ordered.slice(0, plan.limit) : ordered;
  return capped.map((b) => resultSet(b.keys, dims, plan.aggregates, b.items, store));
}

export function runAggregate({ query }, ctx) {
  const gate = fieldVersionError(ctx.version, AGGREGATE_SINCE, 'Query', 'aggregate');
  if (gate) throw new ApiError(gate.code, gate.message, { statusCode: 400 });
  const { store } = ctx;
  const board = store.boardsById.get(Number(query.from.id));
  if (!board || !store.canSee(board, ctx.user)) {
    throw new ApiError('InvalidBoardIdException', `Board ${query.from.id} was not found or you have no access to it`, {
      errorData: { board_id: String(query.from.id) },
    });
  }
  const plan = compilePlan(query, board, store);
  let items = store.orderedItems(board).filter((i) => i.state === 'active');
  if (query.query) items = applyQuery(items, query.query, board, ctx);
  if (plan.groups.length === 0) return { results: [resultSet([], [], plan.aggregates, items, store)] };
  return { results: grouped(plan, items, store) };
}
