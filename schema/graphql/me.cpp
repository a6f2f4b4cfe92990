// Me: the user the token belongs to, one row with the columns of Users.
#include "schema/paging/api_scan.h"
#include "schema/registry.h"

namespace monday::schema {

TableDef makeMeTable() {
  TableDef table;
  table.name = "Me";
  table.description = "The user the connection's token belongs to (one row, the same columns as Users).";
  table.columns = makeUsersTable().columns;
  table.primary_key = {"id"};
  table.scan = [](ScanContext& context, const ScanRequest&) { return scanRootPath(context, "Me", "me"); };
  table.estimate = [](const ScanShape&) { return ScanEstimate{1, 1}; };
  return table;
}

}  // namespace monday::schema
