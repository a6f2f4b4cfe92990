#pragma once
// Every stored procedure the driver offers (the list is procedures/procedure_list.h). The engine
// turns each into a table-valued function; the ODBC catalog lists them through engine::Session.

#include <memory>
#include <string_view>
#include <vector>

#include "procedures/procedure.h"

namespace monday::procedures {

// In name order (case-insensitive), as SQLProcedures returns them.
const std::vector<std::shared_ptr<const ProcedureDef>>& allProcedures();

// Case-insensitive; nullptr when there is no such procedure.
std::shared_ptr<const ProcedureDef> findProcedure(std::string_view name);

}  // namespace monday::procedures
