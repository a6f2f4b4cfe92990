#include "driver/engine/catalog_entry.h"

namespace monday::engine {

CatalogTable catalogEntry(const schema::TableDef& table, std::string type, bool read_only) {
  CatalogTable entry;
  entry.schema = table.schema;
  entry.name = table.name;
  entry.type = std::move(type);
  entry.remarks = table.description;
  entry.primary_key = table.primary_key;
  entry.row_estimate = table.row_estimate;
  for (const auto& key : table.foreign_keys) entry.foreign_keys.push_back({key.columns, key.table, key.referenced_columns});
  for (const auto& column : table.columns) {
    entry.columns.push_back({column.name, column.type, column.size, 0, column.nullable, column.description});
  }
  entry.privileges.push_back("SELECT");
  if (!read_only) {
    // What monday has a mutation for, as the write authorizer allows it.
    if (table.writes.insert) entry.privileges.push_back("INSERT");
    if (table.writes.update) {
      entry.privileges.push_back("UPDATE");
      entry.updatable_columns = table.writes.update_columns;
    }
    if (table.writes.remove) entry.privileges.push_back("DELETE");
  }
  return entry;
}

}  // namespace monday::engine
