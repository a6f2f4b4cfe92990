// Checks an AggregateQueryInput against one board and compiles it into a plan:
// the group-by dimensions (a per-item key function and a limit each) and the
// aggregates (a per-item value function and a reducer each).
//
// Rules from monday's schema and docs (REFERENCE.md §13): every select element
// needs an alias; a COLUMN or transformative element must be matched by a
// group_by entry (by alias, or for a COLUMN by its column id); an aggregative
// element must not be; a group_by entry nothing in select matches is refused.

import { badArgument } from '../errors.mjs';
import { AGGREGATIVE, TRANSFORMATIVE, REFUSED } from './functions.mjs';
import { findColumn, columnKind, columnValue } from './cell-values.mjs';

export const DEFAULT_GROUP_LIMIT = 1000; // per group_by entry, documented

const describe = (el) => (el.type === 'COLUMN' ? `column ${el.column ? el.column.column_id : '?'}` : `function ${el.function ? el.function.function : '?'}`);

function checkLimit(value, what) {
  if (value != null && (!Number.isInteger(value) || value < 1)) throw badArgument(`${what} must be a positive integer (got ${value})`, { limit: value });
}

function functionName(el, alias) {
  if (!el.function) throw badArgument(`Select element "${alias}" has type FUNCTION but no function`, { alias });
  const name = el.function.function;
  if (REFUSED[name]) throw badArgument(`Aggregate function ${name} is not supported by the sandbox: ${REFUSED[name]}`, { function: name });
  return name;
}

function singleParam(el, name, alias) {
  const params = el.function.params || [];
  if (params.length !== 1) throw badArgument(`Function ${name} in "${alias}" takes exactly one parameter (got ${params.length})`, { alias, function: name });
  return params[0];
}

// A per-item element: a COLUMN, or a transformative function of one. Returns
// { kind, col (when it reads a column directly), evaluate(item) → { value, col, item } }.
function compileValue(el, board, store, alias, depth = 0) {
  if (depth > 8) throw badArgument(`Select element "${alias}" nests functions too deeply`, { alias });
  if (el.type === 'COLUMN') {
    if (!el.column) throw badArgument(`Select element "${alias}" has type COLUMN but no column`, { alias });
    const col = findColumn(board, el.column.column_id);
    return { kind: columnKind(col), col, evaluate: (item) => ({ value: columnValue(col, item, store), col, item }) };
  }
  const name = functionName(el, alias);
  if (AGGREGATIVE[name]) throw badArgument(`Aggregative function ${name} cannot be the parameter of another function ("${alias}")`, { alias, function: name });
  const fn = TRANSFORMATIVE[name];
  const inner = compileValue(singleParam(el, name, alias), board, store, alias, depth + 1);
  if (fn.column) {
    if (!inner.col || inner.via) throw badArgument(`Function ${name} in "${alias}" needs a COLUMN parameter`, { alias, function: name });
    if (fn.column !== 'any' && !fn.column.has(inner.col.type)) {
      throw badArgument(`Function ${name} is not supported for column type ${inner.col.type}`, { alias, function: name, column_type: inner.col.type });
    }
  } else if (fn.kinds && !fn.kinds.includes(inner.kind) && !(fn.alsoColumns && inner.col && !inner.via && fn.alsoColumns.has(inner.col.type))) {
    throw badArgument(`Function ${name} needs a ${fn.kinds.join(' or ')} value; "${alias}" gives ${inner.col && !inner.via ? `column type ${inner.col.type}` : 'another kind'}`, { alias, function: name });
  }
  return {
    kind: fn.output(inner.kind),
    col: inner.col,
    via: name, // read through a function: functions that need the column itself refuse it
    flatten: name === 'FLATTEN',
    evaluate: (item) => {
      const input = inner.evaluate(item);
      return { value: fn.apply(input, store), col: input.col, item };
    },
  };
}

function compileAggregate(el, board, store, alias) {
  const name = el.function.function;
  const fn = AGGREGATIVE[name];
  if (fn.input === 'items') return { alias, name, values: () => null, reduce: fn.reduce };
  const inner = compileValue(singleParam(el, name, alias), board, store, alias, 1);
  if (Array.isArray(fn.input) && !fn.input.includes(inner.kind)) {
    const what = inner.col && !inner.via ? `column type ${inner.col.type}` : `the result of ${inner.via}`;
    throw badArgument(`Function ${name} is not supported for ${what}`, { alias, function: name, column_type: inner.col ? inner.col.type : null });
  }
  return { alias, name, values: (items) => items.map((it) => inner.evaluate(it).value), reduce: fn.reduce };
}

export function compilePlan(input, board, store) {
  const select = input.select || [];
  const groupBy = input.group_by || [];
  if (select.length === 0) throw badArgument('select must contain at least one element', {});
  checkLimit(input.limit, 'limit');
  const seen = new Set();
  for (const el of select) {
    if (seen.has(el.as)) throw badArgument(`Alias "${el.as}" is used by more than one select element`, { alias: el.as });
    seen.add(el.as);
  }
  const matches = (gb, el) => gb.column_id === el.as || (el.type === 'COLUMN' && el.column && el.column.column_id === gb.column_id);
  const dimensions = groupBy.map((gb) => {
    checkLimit(gb.limit, `group_by limit of ${gb.column_id}`);
    const el = select.find((s) => matches(gb, s));
    if (!el) throw badArgument('Failed to find a matching select elements for groupBy elements', { column_id: gb.column_id });
    return { gb, el };
  });
  const groups = [];
  const aggregates = [];
  for (const el of select) {
    const aggregative = el.type === 'FUNCTION' && AGGREGATIVE[functionName(el, el.as)];
    const dim = dimensions.find((d) => d.el === el);
    if (aggregative) {
      if (groupBy.some((gb) => gb.column_id === el.as)) {
        throw badArgument(`Aggregative select element "${el.as}" (${describe(el)}) must not appear in group_by`, { alias: el.as });
      }
      aggregates.push(compileAggregate(el, board, store, el.as));
    } else if (!dim) {
      throw badArgument(`Select element "${el.as}" (${describe(el)}) is not aggregative, so it must appear in group_by`, { alias: el.as });
    }
  }
  for (const { gb, el } of dimensions) {
    if (groups.some((g) => g.alias === el.as)) continue; // two group_by entries naming one element count once
    const value = compileValue(el, board, store, el.as);
    groups.push({ alias: el.as, limit: gb.limit ?? DEFAULT_GROUP_LIMIT, value });
  }
  return { groups, aggregates, limit: input.limit ?? null };
}
