#include "procedures/column_result.h"

namespace monday::procedures {

std::vector<ResultColumnDef> columnResultColumns() {
  return {
      {"board_id", DataType::BigInt, "The board the column is on."},
      {"column_id", DataType::Varchar, "The column's id (Columns.id).", 64},
      {"column_title", DataType::Varchar, "Its title."},
      {"column_type", DataType::Varchar, "Its type (monday's ColumnType: status, text, date, ...).", 64},
      {"column_description", DataType::Varchar, "Its description; NULL when it has none."},
      {"archived", DataType::Bit, "1: the column is deleted (monday archives it)."},
  };
}

Rows mutateColumnRow(ProcedureContext& context, std::string_view procedure_name, std::string_view document,
                     const Variables& variables, std::string_view field, const std::string& board) {
  Rows rows = mutateOneRow(context, procedure_name, document, variables, field,
                           {{"id", schema::Decode::Text},
                            {"title", schema::Decode::Text},
                            {"type", schema::Decode::Text},
                            {"description", schema::Decode::Text},
                            {"archived", schema::Decode::Boolean}});
  Row row{Value{std::stoll(board)}};
  for (auto& value : rows.front()) row.push_back(std::move(value));
  return Rows{std::move(row)};
}

}  // namespace monday::procedures
