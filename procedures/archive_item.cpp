// ArchiveItem: archives an item (monday keeps it restorable for 30 days).
#include "procedures/item_result.h"

namespace monday::procedures {

ProcedureDef makeArchiveItemProcedure() {
  ProcedureDef procedure;
  procedure.name = "ArchiveItem";
  procedure.description = "Archives an item; it leaves Items and can be restored in monday. Returns the item.";
  procedure.mutating = true;
  procedure.parameters = {
      {"ItemId", DataType::BigInt, true, {}, "The item to archive."},
  };
  procedure.results = itemResultColumns();
  procedure.run = [](ProcedureContext& context, const Arguments& arguments) {
    static const std::string kDocument =
        "mutation ArchiveItem($item: ID) { archive_item(item_id: $item) { " + std::string(kItemSelection) + " } }";
    Variables variables;
    variables.set("item", arguments.requiredId("ItemId"));
    return mutateOneRow(context, "ArchiveItem", kDocument, variables, "archive_item", itemFields());
  };
  return procedure;
}

}  // namespace monday::procedures
