// Query cost, computed before execution from the document alone (monday
// charges for the possible result size, not the rows returned). Model from
// REFERENCE.md §10.3; every weight is in config.mjs.
//
//   scalar                 1
//   object or list field   10 + m * (cost of its selection)
//   mutation field         30,000 (file uploads 100,000) + cost of its selection
//   flat field             a fixed cost, its selection free (`aggregate`: 100)
//   m = number of `ids` if given, else `limit`, else a per-field default
//
// Nested lists multiply: boards(ids: [a, b, c]) { items_page(limit: 500) { items
// { ... } } } costs 10 + 3 * (items_page's cost), as monday charges per id.
//
// The `items` inside items_page / next_items_page / items_page_by_column_values
// are multiplied by that call's `limit`.

import { Kind, getNamedType, isLeafType, isListType, isNonNullType, getArgumentValues } from 'graphql';
import { COMPLEXITY } from './config.mjs';

const PAGED_RESPONSE = 'ItemsResponse';
const FILE_MUTATIONS = new Set(['add_file_to_column', 'add_file_to_update']);

function isList(type) {
  return isListType(isNonNullType(type) ? type.ofType : type);
}

export function computeComplexity(schema, document, operation, variables, weights = COMPLEXITY) {
  const fragments = new Map();
  for (const def of document.definitions) if (def.kind === Kind.FRAGMENT_DEFINITION) fragments.set(def.name.value, def);

  function argsOf(fieldDef, node) {
    try {
      return getArgumentValues(fieldDef, node, variables);
    } catch {
      return {};
    }
  }

  function selectionCost(type, selectionSet, state, depth) {
    if (!selectionSet || depth > 64) return 0;
    let sum = 0;
    for (const sel of selectionSet.selections) {
      if (sel.kind === Kind.FIELD) sum += fieldCost(type, sel, state, depth);
      else if (sel.kind === Kind.INLINE_FRAGMENT) {
        const t = sel.typeCondition ? schema.getType(sel.typeCondition.name.value) : type;
        sum += selectionCost(t || type, sel.selectionSet, state, depth + 1);
      } else if (sel.kind === Kind.FRAGMENT_SPREAD) {
        const f = fragments.get(sel.name.value);
        if (f) sum += selectionCost(schema.getType(f.typeCondition.name.value) || type, f.selectionSet, state, depth + 1);
      }
    }
    return sum;
  }

  function fieldCost(parentType, node, state, depth) {
    const name = node.name.value;
    if (name.startsWith('__')) return 0; // __typename and introspection are free
    const fieldDef = parentType.getFields ? parentType.getFields()[name] : null;
    if (!fieldDef) return 0;
    const named = getNamedType(fieldDef.type);
    if (isLeafType(named)) return weights.scalar;
    const flat = weights.flatFields && weights.flatFields[`${parentType.name}.${name}`];
    if (flat != null) return flat;
    const args = argsOf(fieldDef, node);
    let childState = state;
    let m;
    if (parentType.name === PAGED_RESPONSE && name === 'items') m = state.pageLimit ?? 25;
    else if (named.name === PAGED_RESPONSE) {
      m = 1;
      childState = { ...state, pageLimit: typeof args.limit === 'number' ? args.limit : 25 };
    } else if (Array.isArray(args.ids)) m = args.ids.length;
    else if (typeof args.limit === 'number') m = args.limit;
    else if (weights.listMultipliers[`${parentType.name}.${name}`] != null) m = weights.listMultipliers[`${parentType.name}.${name}`];
    else m = isList(fieldDef.type) ? weights.defaultListMultiplier : 1;
    return weights.object + m * selectionCost(named, node.selectionSet, childState, depth + 1);
  }

  const isMutation = operation.operation === 'mutation';
  const root = isMutation ? schema.getMutationType() : schema.getQueryType();
  let total = 0;
  for (const sel of operation.selectionSet.selections) {
    if (sel.kind !== Kind.FIELD) {
      total += selectionCost(root, sel.kind === Kind.INLINE_FRAGMENT ? sel.selectionSet : fragments.get(sel.name.value)?.selectionSet, {}, 1);
      continue;
    }
    const name = sel.name.value;
    if (isMutation && name !== 'complexity' && !name.startsWith('__')) {
      const fieldDef = root.getFields()[name];
      const base = FILE_MUTATIONS.has(name) ? weights.fileUpload : weights.mutation;
      total += base + (fieldDef ? selectionCost(getNamedType(fieldDef.type), sel.selectionSet, {}, 1) : 0);
    } else {
      total += fieldCost(root, sel, {}, 0);
    }
  }
  return total;
}
