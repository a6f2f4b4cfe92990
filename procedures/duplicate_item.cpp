// DuplicateItem: copies an item (its column values, optionally its updates) into the same group,
// right below the original. monday's duplicate_item needs the board id; when it is not given the
// driver looks it up first (one read).
#include "procedures/item_result.h"

namespace monday::procedures {

ProcedureDef makeDuplicateItemProcedure() {
  ProcedureDef procedure;
  procedure.name = "DuplicateItem";
  procedure.description = "Copies an item with its column values (and, with WithUpdates = 1, its updates) into the "
                          "same group. Returns the new item.";
  procedure.mutating = true;
  procedure.parameters = {
      {"ItemId", DataType::BigInt, true, {}, "The item to copy."},
      {"BoardId", DataType::BigInt, false, {}, "The board the item is on; looked up when omitted (one more request)."},
      {"WithUpdates", DataType::Bit, false, std::int64_t{0}, "1 to copy the item's updates too."},
  };
  procedure.results = itemResultColumns();
  procedure.run = [](ProcedureContext& context, const Arguments& arguments) {
    static const std::string kDocument =
        "mutation DuplicateItem($board: ID!, $item: ID, $updates: Boolean) { duplicate_item(board_id: $board, "
        "item_id: $item, with_updates: $updates) { " + std::string(kItemSelection) + " } }";
    const std::string item = arguments.requiredId("ItemId");
    const std::string board = arguments.given("BoardId") ? arguments.requiredId("BoardId")
                                                         : boardOfItem(context, "DuplicateItem", item);
    Variables variables;
    variables.set("board", board).set("item", item).setIfGiven("updates", arguments.boolean("WithUpdates"));
    return mutateOneRow(context, "DuplicateItem", kDocument, variables, "duplicate_item", itemFields());
  };
  return procedure;
}

}  // namespace monday::procedures
