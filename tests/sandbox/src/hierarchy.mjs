// Multi-level boards (monday's "Working with multi-level boards" guide, REFERENCE §2.3): items
// nest up to five levels on one board, `subitems` lists every descendant, items_page lists top-level
// items unless hierarchy_scope_config is "allItems", and rollup columns compute a parent's cell
// from its children.

// {function: NONE} is a rollup switched off (create_column / update_column capabilities).
export const isRollup = (col) => !!(col.capabilities && col.capabilities.calculated && col.capabilities.calculated.function !== 'NONE');
export const isMultiLevelBoard = (board) => board.hierarchy_type === 'multi_level';
export const isMultiLevel = (store, item) => isMultiLevelBoard(store.boardsById.get(item.board_id));
export const childrenOf = (store, item) => item.subitem_ids.map((id) => store.items.get(id)).filter((s) => s && s.state !== 'deleted');

export function descendants(store, item) {
  const out = [];
  for (const child of childrenOf(store, item)) out.push(child, ...descendants(store, child));
  return out;
}

const activeChildren = (store, item) => childrenOf(store, item).filter((s) => s.state === 'active');

function leavesUnder(store, item) {
  const kids = activeChildren(store, item);
  return kids.length ? kids.flatMap((kid) => leavesUnder(store, kid)) : [item];
}

// What a rollup cell of a parent holds, as the stored form of its column type: numbers add up
// (SUM); anything else has no single stored value on a parent.
function rollupRaw(store, col, item) {
  if (col.type !== 'numbers') return null;
  const numbers = leavesUnder(store, item).map((it) => Number(it.values[col.id])).filter(Number.isFinite);
  return numbers.length ? String(numbers.reduce((a, b) => a + b, 0)) : null;
}

// A cell of a multi-level board's item. A status rollup is a BatteryValue, leaves included: how
// many leaves under the item carry each label (a leaf counts itself).
export function rollupCell(store, col, item, leaf) {
  const cell = { col, item, raw: item.values[col.id] ?? null, is_leaf: leaf };
  if (!isRollup(col)) return cell;
  if (col.type === 'status') {
    const counts = new Map();
    for (const it of leavesUnder(store, item)) {
      const v = it.values[col.id];
      if (v && v.index != null) counts.set(String(v.index), (counts.get(String(v.index)) || 0) + 1);
    }
    return { ...cell, raw: leaf ? cell.raw : null, typename: 'BatteryValue', battery: [...counts].map(([key, count]) => ({ key, count })) };
  }
  return leaf ? cell : { ...cell, raw: rollupRaw(store, col, item) };
}

// The items of a board an items_page query considers, with `matches` (a filter over items whose
// rollup cells hold their computed values). Classic boards: unchanged. Multi-level boards: only
// top-level items, unless scope is "allItems"; then every item that matches, and the parents
// (up to the top) of every subitem that matches.
export function inHierarchyScope(store, board, items, matches, scope) {
  if (!isMultiLevelBoard(board)) return matches(items);
  const rollups = board.columns.filter(isRollup);
  const asSeen = items.map((it) => {
    if (!rollups.length || !activeChildren(store, it).length) return it;
    const values = { ...it.values };
    for (const col of rollups) values[col.id] = rollupRaw(store, col, it);
    return { ...it, values };
  });
  if (scope !== 'allItems') return matches(asSeen.filter((it) => it.parent_id == null)).map((it) => store.items.get(it.id));
  const keep = new Set();
  for (const hit of matches(asSeen)) {
    for (let it = store.items.get(hit.id); it && !keep.has(it.id); it = it.parent_id ? store.items.get(it.parent_id) : null) keep.add(it.id);
  }
  return items.filter((it) => keep.has(it.id));
}
