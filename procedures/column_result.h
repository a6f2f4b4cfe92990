#pragma once
// What the column procedures (CreateColumn, DeleteColumn, ChangeColumnMetadata) share: monday
// answers with the column, which carries no board id; the row starts with the board the call named.

#include <string>
#include <string_view>
#include <vector>

#include "procedures/graphql_call.h"
#include "procedures/procedure.h"

namespace monday::procedures {

// board_id, column_id, column_title, column_type, column_description, archived.
std::vector<ResultColumnDef> columnResultColumns();
// The GraphQL selection on Column that columnRow() reads.
inline constexpr std::string_view kColumnSelection = "id title type description archived";

// Runs the mutation (sent once, as mutateOneRow) and returns the column's row for `board`.
Rows mutateColumnRow(ProcedureContext& context, std::string_view procedure_name, std::string_view document,
                     const Variables& variables, std::string_view field, const std::string& board);

}  // namespace monday::procedures
