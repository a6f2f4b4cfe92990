#pragma once
// System tables: driver state shown as SQL tables in schema `sys` (the API budget, the plan of
// the last statement ...). They are ordinary TableDefs, so the virtual-table adapter, SQLTables
// and SQLColumns treat them like API tables; their scan builds rows in memory and never calls
// monday. A system table fills a JSON array of row objects; its columns' paths read from it.

#include <memory>
#include <string_view>

#include <rapidjson/document.h>

#include "schema/table.h"

namespace monday::schema {

// The SQL schema of every system table; the catalog reports them as "SYSTEM TABLE".
inline constexpr std::string_view kSystemSchema = "sys";

inline bool isSystemTable(const TableDef& table) { return table.schema == kSystemSchema; }

// Rows from a document whose root is an array of objects (anything else: no rows).
std::unique_ptr<RowSource> documentRows(std::shared_ptr<const rapidjson::Document> rows);

// A local scan: no API requests, about `rows` rows.
ScanEstimate localScanEstimate(double rows);

}  // namespace monday::schema
