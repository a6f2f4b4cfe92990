#include "driver/handles/catalog.h"

#include <algorithm>
#include <set>
#include <tuple>

#include "driver/common/error.h"
#include "driver/convert/search_pattern.h"
#include "driver/convert/type_info.h"

namespace monday::handles::catalog {

namespace {

using convert::SqlTypeId;

// Names in catalog results are declared as long as SQLGetInfo says a name can be (SQL_MAX_*_NAME_LEN),
// so clients that size buffers from the declaration never cut a long board or column name.
constexpr std::int64_t kNameSize = 512;
// REMARKS and COLUMN_DEF carry monday's free-text descriptions, which are longer than a name:
// declaring them as names made clients that bind by the declared size (DBD::ODBC) fail with 01004.
constexpr std::int64_t kTextSize = 65535;

struct ColumnSpec {
  std::string_view odbc3_name;
  std::string_view odbc2_name;  // "" = same as odbc3_name
  SqlTypeId type;
  bool nullable;
};

DriverResult makeResult(std::initializer_list<ColumnSpec> specs, const Context& context) {
  std::vector<engine::ResultColumn> columns;
  DriverResult result;
  for (const auto& spec : specs) {
    engine::ResultColumn c;
    const bool odbc2 = context.odbc_version == SQL_OV_ODBC2 && !spec.odbc2_name.empty();
    c.name = std::string(odbc2 ? spec.odbc2_name : spec.odbc3_name);
    c.type = convert::typeInfo(spec.type).data_type;
    const bool free_text = spec.odbc3_name == "REMARKS" || spec.odbc3_name == "COLUMN_DEF";
    c.size = (spec.type == SqlTypeId::WVarchar) ? (free_text ? kTextSize : kNameSize) : 0;
    c.nullable = spec.nullable ? engine::Nullability::Nullable : engine::Nullability::NoNulls;
    columns.push_back(std::move(c));
    result.reported_types.push_back(spec.type);
  }
  result.rows = std::make_unique<engine::MaterializedResult>(std::move(columns));
  return result;
}

Value text(std::string_view s) { return std::string(s); }
Value number(std::int64_t n) { return n; }
Value null() { return std::monostate{}; }
template <class T>
Value optionalNumber(const std::optional<T>& n) {
  return n ? Value{static_cast<std::int64_t>(*n)} : null();
}

// Pattern-value arguments (SQLTables schema/table, SQLColumns ...): a search pattern, or an
// identifier when SQL_ATTR_METADATA_ID is on. NULL means "any".
bool matchesPatternArg(const CatalogArg& arg, std::string_view value, const Context& context) {
  if (!arg) return true;
  if (context.metadata_id) return convert::matchesIdentifier(*arg, value);
  return convert::matchesSearchPattern(*arg, value);
}

// Ordinary arguments (SQLPrimaryKeys, SQLStatistics ...): taken literally.
bool matchesOrdinaryArg(const CatalogArg& arg, std::string_view value) {
  if (!arg) return true;
  return convert::matchesIdentifier(*arg, value);
}

// Our tables have no catalog (SQL_CATALOG_NAME = "N"): they match a NULL or empty catalog
// argument, and "%" where the argument is a pattern.
bool matchesNoCatalog(const CatalogArg& arg, bool is_pattern, const Context& context) {
  if (!arg || arg->empty()) return true;
  if (!is_pattern || context.metadata_id) return false;
  return convert::matchesSearchPattern(*arg, "");
}

void requireTableName(const CatalogArg& table, std::string_view function) {
  if (!table) {
    throw Error(sqlstate::kInvalidArgumentValue,
                "Invalid use of null pointer: " + std::string(function) + " needs a table name.");
  }
}

std::string upperAscii(std::string_view s) {
  std::string out(s);
  for (auto& c : out) {
    if (c >= 'a' && c <= 'z') c = static_cast<char>(c - 'a' + 'A');
  }
  return out;
}

std::vector<const engine::CatalogTable*> sortedTables(const Tables& all) {
  std::vector<const engine::CatalogTable*> out;
  for (const auto& t : all) out.push_back(&t);
  std::sort(out.begin(), out.end(), [](const auto* a, const auto* b) {
    return std::tie(a->schema, a->name) < std::tie(b->schema, b->name);
  });
  return out;
}

std::vector<const engine::CatalogProcedure*> sortedProcedures(const Procedures& all) {
  std::vector<const engine::CatalogProcedure*> out;
  for (const auto& p : all) out.push_back(&p);
  std::sort(out.begin(), out.end(), [](const auto* a, const auto* b) {
    return std::tie(a->schema, a->name) < std::tie(b->schema, b->name);
  });
  return out;
}

}  // namespace

std::vector<std::string> parseTableTypes(std::string_view list) {
  std::vector<std::string> out;
  std::size_t start = 0;
  while (start <= list.size()) {
    std::size_t end = list.find(',', start);
    if (end == std::string_view::npos) end = list.size();
    std::string_view item = list.substr(start, end - start);
    while (!item.empty() && item.front() == ' ') item.remove_prefix(1);
    while (!item.empty() && item.back() == ' ') item.remove_suffix(1);
    if (item.size() >= 2 && item.front() == '\'' && item.back() == '\'') item = item.substr(1, item.size() - 2);
    if (!item.empty()) out.push_back(upperAscii(item));
    start = end + 1;
  }
  return out;
}

DriverResult tables(const Tables& all, const CatalogArg& catalog, const CatalogArg& schema,
                    const CatalogArg& table, const CatalogArg& table_type, const Context& context) {
  DriverResult result = makeResult({{"TABLE_CAT", "TABLE_QUALIFIER", SqlTypeId::WVarchar, true},
                                    {"TABLE_SCHEM", "TABLE_OWNER", SqlTypeId::WVarchar, true},
                                    {"TABLE_NAME", "", SqlTypeId::WVarchar, true},
                                    {"TABLE_TYPE", "", SqlTypeId::WVarchar, true},
                                    {"REMARKS", "", SqlTypeId::WVarchar, true}},
                                   context);
  auto is = [](const CatalogArg& a, std::string_view v) { return a && *a == v; };
  auto empty = [](const CatalogArg& a) { return a && a->empty(); };

  // The three special enumerations (MS SQLTables, "Comments").
  if (is(catalog, SQL_ALL_CATALOGS) && empty(schema) && empty(table)) {
    return result;  // no catalogs
  }
  if (is(schema, SQL_ALL_SCHEMAS) && empty(catalog) && empty(table)) {
    std::set<std::string> schemas;
    for (const auto& t : all) schemas.insert(t.schema);
    for (const auto& s : schemas) result.rows->addRow({null(), text(s), null(), null(), null()});
    return result;
  }
  if (is(table_type, SQL_ALL_TABLE_TYPES) && empty(catalog) && empty(schema) && empty(table)) {
    std::set<std::string> types{"TABLE"};
    for (const auto& t : all) types.insert(t.type);
    for (const auto& t : types) result.rows->addRow({null(), null(), null(), text(t), null()});
    return result;
  }

  if (!matchesNoCatalog(catalog, context.odbc_version != SQL_OV_ODBC2, context)) return result;
  std::vector<std::string> wanted_types;
  if (table_type && *table_type != SQL_ALL_TABLE_TYPES) wanted_types = parseTableTypes(*table_type);

  std::vector<const engine::CatalogTable*> rows;
  for (const auto* t : sortedTables(all)) {
    if (!matchesPatternArg(schema, t->schema, context)) continue;
    if (!matchesPatternArg(table, t->name, context)) continue;
    if (!wanted_types.empty() &&
        std::find(wanted_types.begin(), wanted_types.end(), upperAscii(t->type)) == wanted_types.end()) {
      continue;
    }
    rows.push_back(t);
  }
  std::stable_sort(rows.begin(), rows.end(), [](const auto* a, const auto* b) { return a->type < b->type; });
  for (const auto* t : rows) {
    result.rows->addRow({null(), text(t->schema), text(t->name), text(t->type),
                         t->remarks.empty() ? null() : text(t->remarks)});
  }
  return result;
}

DriverResult columns(const Tables& all, const CatalogArg& catalog, const CatalogArg& schema,
                     const CatalogArg& table, const CatalogArg& column, const Context& context) {
  DriverResult result = makeResult({{"TABLE_CAT", "TABLE_QUALIFIER", SqlTypeId::WVarchar, true},
                                    {"TABLE_SCHEM", "TABLE_OWNER", SqlTypeId::WVarchar, true},
                                    {"TABLE_NAME", "", SqlTypeId::WVarchar, false},
                                    {"COLUMN_NAME", "", SqlTypeId::WVarchar, false},
                                    {"DATA_TYPE", "", SqlTypeId::SmallInt, false},
                                    {"TYPE_NAME", "", SqlTypeId::WVarchar, false},
                                    {"COLUMN_SIZE", "PRECISION", SqlTypeId::Integer, true},
                                    {"BUFFER_LENGTH", "LENGTH", SqlTypeId::Integer, true},
                                    {"DECIMAL_DIGITS", "SCALE", SqlTypeId::SmallInt, true},
                                    {"NUM_PREC_RADIX", "RADIX", SqlTypeId::SmallInt, true},
                                    {"NULLABLE", "", SqlTypeId::SmallInt, false},
                                    {"REMARKS", "", SqlTypeId::WVarchar, true},
                                    {"COLUMN_DEF", "", SqlTypeId::WVarchar, true},
                                    {"SQL_DATA_TYPE", "", SqlTypeId::SmallInt, false},
                                    {"SQL_DATETIME_SUB", "", SqlTypeId::SmallInt, true},
                                    {"CHAR_OCTET_LENGTH", "", SqlTypeId::Integer, true},
                                    {"ORDINAL_POSITION", "", SqlTypeId::Integer, false},
                                    {"IS_NULLABLE", "", SqlTypeId::WVarchar, true}},
                                   context);
  if (!matchesNoCatalog(catalog, false, context)) return result;
  for (const auto* t : sortedTables(all)) {
    if (!matchesPatternArg(schema, t->schema, context)) continue;
    if (!matchesPatternArg(table, t->name, context)) continue;
    std::int64_t ordinal = 0;
    for (const auto& c : t->columns) {
      ++ordinal;
      if (!matchesPatternArg(column, c.name, context)) continue;
      const SqlTypeId id = convert::sqlTypeOf(c.type);
      const convert::ColumnFacts facts = convert::columnFacts(id, c.size, c.scale);
      const convert::TypeInfo& info = *facts.info;
      const SQLSMALLINT verbose = context.odbc_version == SQL_OV_ODBC2 ? info.odbc2_type : info.verbose_type;
      result.rows->addRow({null(), text(t->schema), text(t->name), text(c.name),
                           number(convert::conciseType(info, context.odbc_version)), text(info.type_name),
                           number(static_cast<std::int64_t>(facts.column_size)), number(facts.octet_length),
                           optionalNumber(facts.decimal_digits), optionalNumber(info.num_prec_radix),
                           number(c.nullable ? SQL_NULLABLE : SQL_NO_NULLS),
                           c.remarks.empty() ? null() : text(c.remarks), null(), number(verbose),
                           info.datetime_sub ? number(info.datetime_sub) : null(),
                           optionalNumber(facts.char_octet_length), number(ordinal),
                           text(c.nullable ? "YES" : "NO")});
    }
  }
  return result;
}

DriverResult primaryKeys(const Tables& all, const CatalogArg& catalog, const CatalogArg& schema,
                         const CatalogArg& table, const Context& context) {
  DriverResult result = makeResult({{"TABLE_CAT", "TABLE_QUALIFIER", SqlTypeId::WVarchar, true},
                                    {"TABLE_SCHEM", "TABLE_OWNER", SqlTypeId::WVarchar, true},
                                    {"TABLE_NAME", "", SqlTypeId::WVarchar, false},
                                    {"COLUMN_NAME", "", SqlTypeId::WVarchar, false},
                                    {"KEY_SEQ", "", SqlTypeId::SmallInt, false},
                                    {"PK_NAME", "", SqlTypeId::WVarchar, true}},
                                   context);
  requireTableName(table, "SQLPrimaryKeys");
  if (!matchesNoCatalog(catalog, false, context)) return result;
  for (const auto* t : sortedTables(all)) {
    if (!matchesOrdinaryArg(schema, t->schema) || !matchesOrdinaryArg(table, t->name)) continue;
    std::int64_t seq = 0;
    for (const auto& key : t->primary_key) {
      result.rows->addRow({null(), text(t->schema), text(t->name), text(key), number(++seq), text("PRIMARY")});
    }
  }
  return result;
}

DriverResult statistics(const Tables& all, const CatalogArg& catalog, const CatalogArg& schema,
                        const CatalogArg& table, SQLUSMALLINT unique, const Context& context) {
  DriverResult result = makeResult({{"TABLE_CAT", "TABLE_QUALIFIER", SqlTypeId::WVarchar, true},
                                    {"TABLE_SCHEM", "TABLE_OWNER", SqlTypeId::WVarchar, true},
                                    {"TABLE_NAME", "", SqlTypeId::WVarchar, false},
                                    {"NON_UNIQUE", "", SqlTypeId::SmallInt, true},
                                    {"INDEX_QUALIFIER", "", SqlTypeId::WVarchar, true},
                                    {"INDEX_NAME", "", SqlTypeId::WVarchar, true},
                                    {"TYPE", "", SqlTypeId::SmallInt, false},
                                    {"ORDINAL_POSITION", "SEQ_IN_INDEX", SqlTypeId::SmallInt, true},
                                    {"COLUMN_NAME", "", SqlTypeId::WVarchar, true},
                                    {"ASC_OR_DESC", "COLLATION", SqlTypeId::WVarchar, true},
                                    {"CARDINALITY", "", SqlTypeId::Integer, true},
                                    {"PAGES", "", SqlTypeId::Integer, true},
                                    {"FILTER_CONDITION", "", SqlTypeId::WVarchar, true}},
                                   context);
  requireTableName(table, "SQLStatistics");
  if (unique != SQL_INDEX_UNIQUE && unique != SQL_INDEX_ALL) {
    throw Error(sqlstate::kUniquenessOptionOutOfRange, "Uniqueness option type out of range: use SQL_INDEX_UNIQUE or SQL_INDEX_ALL.");
  }
  if (!matchesNoCatalog(catalog, false, context)) return result;
  for (const auto* t : sortedTables(all)) {
    if (!matchesOrdinaryArg(schema, t->schema) || !matchesOrdinaryArg(table, t->name)) continue;
    // The table's row count when monday tells it without a scan (a board's items_count; a local
    // table's count); NULL otherwise.
    const auto cardinality = t->row_estimate ? number(*t->row_estimate) : null();
    result.rows->addRow({null(), text(t->schema), text(t->name), null(), null(), null(),
                         number(SQL_TABLE_STAT), null(), null(), null(), cardinality, null(), null()});
    std::int64_t position = 0;
    // monday ids are unique: the key behaves like a unique index for tools that look for one.
    for (const auto& key : t->primary_key) {
      result.rows->addRow({null(), text(t->schema), text(t->name), number(SQL_FALSE), null(),
                           text("PRIMARY"), number(SQL_INDEX_OTHER), number(++position), text(key),
                           text("A"), null(), null(), null()});
    }
    // Local tables' own indexes (CREATE INDEX).
    for (const auto& index : t->indexes) {
      if (unique == SQL_INDEX_UNIQUE && !index.unique) continue;
      std::int64_t seq = 0;
      for (const auto& column : index.columns) {
        result.rows->addRow({null(), text(t->schema), text(t->name), number(index.unique ? SQL_FALSE : SQL_TRUE), null(),
                             text(index.name), number(SQL_INDEX_OTHER), number(++seq), text(column), text("A"), null(),
                             null(), null()});
      }
    }
  }
  return result;
}

DriverResult specialColumns(const Tables& all, SQLUSMALLINT identifier_type, const CatalogArg& catalog,
                            const CatalogArg& schema, const CatalogArg& table, SQLUSMALLINT nullable,
                            const Context& context) {
  DriverResult result = makeResult({{"SCOPE", "", SqlTypeId::SmallInt, true},
                                    {"COLUMN_NAME", "", SqlTypeId::WVarchar, false},
                                    {"DATA_TYPE", "", SqlTypeId::SmallInt, false},
                                    {"TYPE_NAME", "", SqlTypeId::WVarchar, false},
                                    {"COLUMN_SIZE", "PRECISION", SqlTypeId::Integer, true},
                                    {"BUFFER_LENGTH", "LENGTH", SqlTypeId::Integer, true},
                                    {"DECIMAL_DIGITS", "SCALE", SqlTypeId::SmallInt, true},
                                    {"PSEUDO_COLUMN", "", SqlTypeId::SmallInt, true}},
                                   context);
  requireTableName(table, "SQLSpecialColumns");
  if (identifier_type != SQL_BEST_ROWID && identifier_type != SQL_ROWVER) {
    throw Error(sqlstate::kColumnTypeOutOfRange, "Column type out of range: use SQL_BEST_ROWID or SQL_ROWVER.");
  }
  if (identifier_type == SQL_ROWVER) return result;  // nothing changes a row's version for us
  if (!matchesNoCatalog(catalog, false, context)) return result;
  for (const auto* t : sortedTables(all)) {
    if (!matchesOrdinaryArg(schema, t->schema) || !matchesOrdinaryArg(table, t->name)) continue;
    for (const auto& key : t->primary_key) {
      auto it = std::find_if(t->columns.begin(), t->columns.end(), [&](const auto& c) { return c.name == key; });
      if (it == t->columns.end()) continue;
      if (nullable == SQL_NO_NULLS && it->nullable) continue;
      const convert::ColumnFacts facts = convert::columnFacts(convert::sqlTypeOf(it->type), it->size, it->scale);
      result.rows->addRow({number(SQL_SCOPE_SESSION), text(it->name),
                           number(convert::conciseType(*facts.info, context.odbc_version)),
                           text(facts.info->type_name), number(static_cast<std::int64_t>(facts.column_size)),
                           number(facts.octet_length), optionalNumber(facts.decimal_digits),
                           number(SQL_PC_NOT_PSEUDO)});
    }
  }
  return result;
}

DriverResult foreignKeys(const Tables& all, const CatalogArg& pk_schema, const CatalogArg& pk_table,
                         const CatalogArg& fk_schema, const CatalogArg& fk_table, const Context& context) {
  DriverResult result = makeResult({{"PKTABLE_CAT", "PKTABLE_QUALIFIER", SqlTypeId::WVarchar, true},
                     {"PKTABLE_SCHEM", "PKTABLE_OWNER", SqlTypeId::WVarchar, true},
                     {"PKTABLE_NAME", "", SqlTypeId::WVarchar, false},
                     {"PKCOLUMN_NAME", "", SqlTypeId::WVarchar, false},
                     {"FKTABLE_CAT", "FKTABLE_QUALIFIER", SqlTypeId::WVarchar, true},
                     {"FKTABLE_SCHEM", "FKTABLE_OWNER", SqlTypeId::WVarchar, true},
                     {"FKTABLE_NAME", "", SqlTypeId::WVarchar, false},
                     {"FKCOLUMN_NAME", "", SqlTypeId::WVarchar, false},
                     {"KEY_SEQ", "", SqlTypeId::SmallInt, false},
                     {"UPDATE_RULE", "", SqlTypeId::SmallInt, true},
                     {"DELETE_RULE", "", SqlTypeId::SmallInt, true},
                     {"FK_NAME", "", SqlTypeId::WVarchar, true},
                     {"PK_NAME", "", SqlTypeId::WVarchar, true},
                     {"DEFERRABILITY", "", SqlTypeId::SmallInt, true}},
                    context);
  struct Row {
    std::string pk_schema, pk_table, pk_column, fk_schema, fk_table, fk_column, fk_name;
    std::int64_t seq;
  };
  std::vector<Row> rows;
  for (const auto* t : sortedTables(all)) {
    if (fk_table && !matchesOrdinaryArg(fk_table, t->name)) continue;
    if (fk_schema && !matchesOrdinaryArg(fk_schema, t->schema)) continue;
    for (const auto& key : t->foreign_keys) {
      if (pk_table && !matchesOrdinaryArg(pk_table, key.table)) continue;
      if (pk_schema && !matchesOrdinaryArg(pk_schema, t->schema)) continue;
      std::string name = "fk_" + t->name;
      for (const auto& column : key.columns) name += "_" + column;
      for (std::size_t i = 0; i < key.columns.size() && i < key.referenced_columns.size(); ++i) {
        rows.push_back({t->schema, key.table, key.referenced_columns[i], t->schema, t->name, key.columns[i], name,
                        static_cast<std::int64_t>(i + 1)});
      }
    }
  }
  // ODBC: ordered by the foreign-key table when the primary-key table was given, else by the
  // primary-key table.
  const bool by_fk_table = static_cast<bool>(pk_table);
  std::stable_sort(rows.begin(), rows.end(), [&](const Row& a, const Row& b) {
    const auto key = [&](const Row& r) {
      return by_fk_table ? std::tie(r.fk_schema, r.fk_table, r.fk_name, r.seq) : std::tie(r.pk_schema, r.pk_table, r.fk_name, r.seq);
    };
    return key(a) < key(b);
  });
  for (const auto& r : rows) {
    // monday enforces no referential rules: the rules are "not applicable" (NULL).
    result.rows->addRow({null(), text(r.pk_schema), text(r.pk_table), text(r.pk_column), null(), text(r.fk_schema),
                         text(r.fk_table), text(r.fk_column), number(r.seq), null(), null(), text(r.fk_name),
                         text("PRIMARY"), number(SQL_NOT_DEFERRABLE)});
  }
  return result;
}

DriverResult procedures(const Procedures& all, const CatalogArg& catalog, const CatalogArg& schema,
                        const CatalogArg& procedure, const Context& context) {
  DriverResult result = makeResult({{"PROCEDURE_CAT", "PROCEDURE_QUALIFIER", SqlTypeId::WVarchar, true},
                                    {"PROCEDURE_SCHEM", "PROCEDURE_OWNER", SqlTypeId::WVarchar, true},
                                    {"PROCEDURE_NAME", "", SqlTypeId::WVarchar, false},
                                    {"NUM_INPUT_PARAMS", "", SqlTypeId::Integer, true},
                                    {"NUM_OUTPUT_PARAMS", "", SqlTypeId::Integer, true},
                                    {"NUM_RESULT_SETS", "", SqlTypeId::Integer, true},
                                    {"REMARKS", "", SqlTypeId::WVarchar, true},
                                    {"PROCEDURE_TYPE", "", SqlTypeId::SmallInt, true}},
                                   context);
  if (!matchesNoCatalog(catalog, context.odbc_version != SQL_OV_ODBC2, context)) return result;
  for (const auto* p : sortedProcedures(all)) {
    if (!matchesPatternArg(schema, p->schema, context) || !matchesPatternArg(procedure, p->name, context)) continue;
    std::int64_t inputs = 0;
    for (const auto& c : p->columns) inputs += c.is_result ? 0 : 1;
    // Every procedure answers with one result set and no output parameters or return value.
    result.rows->addRow({null(), text(p->schema), text(p->name), number(inputs), number(0), number(1),
                         p->remarks.empty() ? null() : text(p->remarks), number(SQL_PT_PROCEDURE)});
  }
  return result;
}

DriverResult procedureColumns(const Procedures& all, const CatalogArg& catalog, const CatalogArg& schema,
                              const CatalogArg& procedure, const CatalogArg& column, const Context& context) {
  DriverResult result = makeResult({{"PROCEDURE_CAT", "PROCEDURE_QUALIFIER", SqlTypeId::WVarchar, true},
                                    {"PROCEDURE_SCHEM", "PROCEDURE_OWNER", SqlTypeId::WVarchar, true},
                                    {"PROCEDURE_NAME", "", SqlTypeId::WVarchar, false},
                                    {"COLUMN_NAME", "", SqlTypeId::WVarchar, false},
                                    {"COLUMN_TYPE", "", SqlTypeId::SmallInt, false},
                                    {"DATA_TYPE", "", SqlTypeId::SmallInt, false},
                                    {"TYPE_NAME", "", SqlTypeId::WVarchar, false},
                                    {"COLUMN_SIZE", "PRECISION", SqlTypeId::Integer, true},
                                    {"BUFFER_LENGTH", "LENGTH", SqlTypeId::Integer, true},
                                    {"DECIMAL_DIGITS", "SCALE", SqlTypeId::SmallInt, true},
                                    {"NUM_PREC_RADIX", "RADIX", SqlTypeId::SmallInt, true},
                                    {"NULLABLE", "", SqlTypeId::SmallInt, false},
                                    {"REMARKS", "", SqlTypeId::WVarchar, true},
                                    {"COLUMN_DEF", "", SqlTypeId::WVarchar, true},
                                    {"SQL_DATA_TYPE", "", SqlTypeId::SmallInt, false},
                                    {"SQL_DATETIME_SUB", "", SqlTypeId::SmallInt, true},
                                    {"CHAR_OCTET_LENGTH", "", SqlTypeId::Integer, true},
                                    {"ORDINAL_POSITION", "", SqlTypeId::Integer, false},
                                    {"IS_NULLABLE", "", SqlTypeId::WVarchar, true}},
                                   context);
  if (!matchesNoCatalog(catalog, context.odbc_version != SQL_OV_ODBC2, context)) return result;
  for (const auto* p : sortedProcedures(all)) {
    if (!matchesPatternArg(schema, p->schema, context) || !matchesPatternArg(procedure, p->name, context)) continue;
    // Parameters first (SQL_PARAM_INPUT = 1), then result columns (SQL_RESULT_COL = 3): the
    // required order is by COLUMN_TYPE, and within it by position.
    for (const bool results : {false, true}) {
      std::int64_t ordinal = 0;
      for (const auto& c : p->columns) {
        if (c.is_result != results) continue;
        ++ordinal;
        if (!matchesPatternArg(column, c.name, context)) continue;
        const convert::ColumnFacts facts = convert::columnFacts(convert::sqlTypeOf(c.type), c.size, 0);
        const convert::TypeInfo& info = *facts.info;
        const SQLSMALLINT verbose = context.odbc_version == SQL_OV_ODBC2 ? info.odbc2_type : info.verbose_type;
        const bool nullable = results || !c.required;
        result.rows->addRow({null(), text(p->schema), text(p->name), text(c.name),
                             number(results ? SQL_RESULT_COL : SQL_PARAM_INPUT),
                             number(convert::conciseType(info, context.odbc_version)), text(info.type_name),
                             number(static_cast<std::int64_t>(facts.column_size)), number(facts.octet_length),
                             optionalNumber(facts.decimal_digits), optionalNumber(info.num_prec_radix),
                             number(nullable ? SQL_NULLABLE : SQL_NO_NULLS),
                             c.remarks.empty() ? null() : text(c.remarks),
                             c.default_value.empty() ? null() : text(c.default_value), number(verbose),
                             info.datetime_sub ? number(info.datetime_sub) : null(),
                             optionalNumber(facts.char_octet_length), number(ordinal),
                             text(nullable ? "YES" : "NO")});
      }
    }
  }
  return result;
}

DriverResult tablePrivileges(const Tables& all, const CatalogArg& catalog, const CatalogArg& schema,
                             const CatalogArg& table, const std::string& grantee, const Context& context) {
  DriverResult result = makeResult({{"TABLE_CAT", "TABLE_QUALIFIER", SqlTypeId::WVarchar, true},
                                    {"TABLE_SCHEM", "TABLE_OWNER", SqlTypeId::WVarchar, true},
                                    {"TABLE_NAME", "", SqlTypeId::WVarchar, false},
                                    {"GRANTOR", "", SqlTypeId::WVarchar, true},
                                    {"GRANTEE", "", SqlTypeId::WVarchar, false},
                                    {"PRIVILEGE", "", SqlTypeId::WVarchar, false},
                                    {"IS_GRANTABLE", "", SqlTypeId::WVarchar, true}},
                                   context);
  if (!matchesNoCatalog(catalog, false, context)) return result;
  for (const auto* t : sortedTables(all)) {
    if (!matchesPatternArg(schema, t->schema, context) || !matchesPatternArg(table, t->name, context)) continue;
    std::vector<std::string> privileges = t->privileges;
    std::sort(privileges.begin(), privileges.end());  // ordered by privilege, as the reference asks
    for (const auto& privilege : privileges) {
      result.rows->addRow({null(), text(t->schema), text(t->name), null(), text(grantee), text(privilege), text("NO")});
    }
  }
  return result;
}

DriverResult columnPrivileges(const Tables& all, const CatalogArg& catalog, const CatalogArg& schema,
                              const CatalogArg& table, const CatalogArg& column, const std::string& grantee,
                              const Context& context) {
  DriverResult result = makeResult({{"TABLE_CAT", "TABLE_QUALIFIER", SqlTypeId::WVarchar, true},
                                    {"TABLE_SCHEM", "TABLE_OWNER", SqlTypeId::WVarchar, true},
                                    {"TABLE_NAME", "", SqlTypeId::WVarchar, false},
                                    {"COLUMN_NAME", "", SqlTypeId::WVarchar, false},
                                    {"GRANTOR", "", SqlTypeId::WVarchar, true},
                                    {"GRANTEE", "", SqlTypeId::WVarchar, false},
                                    {"PRIVILEGE", "", SqlTypeId::WVarchar, false},
                                    {"IS_GRANTABLE", "", SqlTypeId::WVarchar, true}},
                                   context);
  requireTableName(table, "SQLColumnPrivileges");
  if (!matchesNoCatalog(catalog, false, context)) return result;
  for (const auto* t : sortedTables(all)) {
    if (!matchesOrdinaryArg(schema, t->schema) || !matchesOrdinaryArg(table, t->name)) continue;
    std::vector<const engine::CatalogColumn*> columns;
    for (const auto& c : t->columns) {
      if (matchesPatternArg(column, c.name, context)) columns.push_back(&c);
    }
    std::sort(columns.begin(), columns.end(), [](const auto* a, const auto* b) { return a->name < b->name; });
    for (const auto* c : columns) {
      std::vector<std::string> privileges;
      for (const auto& privilege : t->privileges) {
        if (privilege == "SELECT" || privilege == "INSERT") privileges.push_back(privilege);
        if (privilege == "UPDATE" &&
            std::find(t->updatable_columns.begin(), t->updatable_columns.end(), c->name) != t->updatable_columns.end()) {
          privileges.push_back(privilege);
        }
      }
      std::sort(privileges.begin(), privileges.end());
      for (const auto& privilege : privileges) {
        result.rows->addRow(
            {null(), text(t->schema), text(t->name), text(c->name), null(), text(grantee), text(privilege), text("NO")});
      }
    }
  }
  return result;
}

DriverResult typeInfo(SQLSMALLINT data_type, const Context& context) {
  DriverResult result = makeResult({{"TYPE_NAME", "", SqlTypeId::WVarchar, false},
                                    {"DATA_TYPE", "", SqlTypeId::SmallInt, false},
                                    {"COLUMN_SIZE", "PRECISION", SqlTypeId::Integer, true},
                                    {"LITERAL_PREFIX", "", SqlTypeId::WVarchar, true},
                                    {"LITERAL_SUFFIX", "", SqlTypeId::WVarchar, true},
                                    {"CREATE_PARAMS", "", SqlTypeId::WVarchar, true},
                                    {"NULLABLE", "", SqlTypeId::SmallInt, false},
                                    {"CASE_SENSITIVE", "", SqlTypeId::SmallInt, false},
                                    {"SEARCHABLE", "", SqlTypeId::SmallInt, false},
                                    {"UNSIGNED_ATTRIBUTE", "", SqlTypeId::SmallInt, true},
                                    {"FIXED_PREC_SCALE", "MONEY", SqlTypeId::SmallInt, false},
                                    {"AUTO_UNIQUE_VALUE", "AUTO_INCREMENT", SqlTypeId::SmallInt, true},
                                    {"LOCAL_TYPE_NAME", "", SqlTypeId::WVarchar, true},
                                    {"MINIMUM_SCALE", "", SqlTypeId::SmallInt, true},
                                    {"MAXIMUM_SCALE", "", SqlTypeId::SmallInt, true},
                                    {"SQL_DATA_TYPE", "", SqlTypeId::SmallInt, false},
                                    {"SQL_DATETIME_SUB", "", SqlTypeId::SmallInt, true},
                                    {"NUM_PREC_RADIX", "", SqlTypeId::Integer, true},
                                    {"INTERVAL_PRECISION", "", SqlTypeId::SmallInt, true}},
                                   context);
  for (const auto& info : convert::typeInfoTable()) {
    if (data_type != SQL_ALL_TYPES && !convert::matchesSqlType(info, data_type)) continue;
    auto optionalText = [](std::string_view s) { return s.empty() ? null() : text(s); };
    const SQLSMALLINT verbose = context.odbc_version == SQL_OV_ODBC2 ? info.odbc2_type : info.verbose_type;
    result.rows->addRow({text(info.type_name), number(convert::conciseType(info, context.odbc_version)),
                         number(info.max_column_size), optionalText(info.literal_prefix),
                         optionalText(info.literal_suffix), optionalText(info.create_params),
                         number(SQL_NULLABLE), number(info.case_sensitive ? SQL_TRUE : SQL_FALSE),
                         number(info.searchable),
                         info.is_numeric ? number(SQL_FALSE) : null(), number(SQL_FALSE),
                         info.is_numeric ? number(SQL_FALSE) : null(), text(info.type_name),
                         optionalNumber(info.minimum_scale), optionalNumber(info.maximum_scale),
                         number(verbose), info.datetime_sub ? number(info.datetime_sub) : null(),
                         optionalNumber(info.num_prec_radix), null()});
  }
  return result;
}

}  // namespace monday::handles::catalog
