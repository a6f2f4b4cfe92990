// CreateDocBoard: creates a workdoc in an item's doc column (monday's create_doc with a board
// location); the column then shows the new doc. monday answers with the doc.
#include "driver/common/error.h"
#include "procedures/graphql_call.h"

namespace monday::procedures {

ProcedureDef makeCreateDocBoardProcedure() {
  ProcedureDef procedure;
  procedure.name = "CreateDocBoard";
  procedure.description = "Creates a workdoc in an item's doc column; the column then shows it, and it appears in Docs. "
                          "Returns the new doc.";
  procedure.mutating = true;
  procedure.parameters = {
      {"ItemId", DataType::BigInt, true, {}, "The item whose doc column gets the doc."},
      {"ColumnId", DataType::Varchar, true, {}, "The doc column (Columns.id of a column of type doc)."},
  };
  procedure.results = {
      {"doc_id", DataType::BigInt, "The new doc's id (Docs.id)."},
      {"object_id", DataType::BigInt, "Its object id: the number in its URL, and what the doc column points at."},
      {"name", DataType::Varchar, "Its name."},
      {"doc_kind", DataType::Varchar, "public, private or share.", 16},
      {"workspace_id", DataType::BigInt, "The workspace it is in."},
      {"url", DataType::Varchar, "Link to the doc.", 512},
      {"created_at", DataType::Timestamp, "When it was created (UTC)."},
  };
  procedure.run = [](ProcedureContext& context, const Arguments& arguments) {
    // The location object is written in the document, its values are variables.
    static const std::string kDocument =
        "mutation CreateDocBoard($item: ID!, $column: String!) { create_doc(location: { board: { item_id: $item, "
        "column_id: $column } }) { id object_id name doc_kind workspace_id url created_at } }";
    const std::string column = arguments.requiredText("ColumnId");
    if (column.empty()) {
      throw Error(sqlstate::kInvalidCharacterValue,
                  "CreateDocBoard: ColumnId is empty; give the id of the item's doc column (Columns.id).");
    }
    Variables variables;
    variables.set("item", arguments.requiredId("ItemId")).set("column", column);
    return mutateOneRow(context, "CreateDocBoard", kDocument, variables, "create_doc",
                        {{"id", schema::Decode::Id},
                         {"object_id", schema::Decode::Id},
                         {"name", schema::Decode::Text},
                         {"doc_kind", schema::Decode::Text},
                         {"workspace_id", schema::Decode::Id},
                         {"url", schema::Decode::Text},
                         {"created_at", schema::Decode::Timestamp}});
  };
  return procedure;
}

}  // namespace monday::procedures
