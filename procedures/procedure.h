#pragma once
// A stored procedure is data, like a table (DESIGN decision 2): its parameters, its result
// columns and one function that runs it. The engine exposes each procedure as a table-valued
// function (parameters are HIDDEN columns), the ODBC catalog lists it from the same definition
// (SQLProcedures / SQLProcedureColumns), and EXEC / CALL / {call} are rewritten to a SELECT over
// it. Adding a procedure is one file under procedures/ plus one line in procedure_list.h.
//
// Every parameter is an input; what a procedure produces comes back as its result set (a table-
// valued function cannot fill output parameters), so {? = call ...} is not supported.

#include <cstdint>
#include <functional>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "driver/common/data_type.h"
#include "driver/common/value.h"

namespace monday::client {
class ApiClient;
}
namespace monday::config {
struct Settings;
}
namespace monday::log {
class Logger;
}

namespace monday::procedures {

struct ParameterDef {
  std::string name;  // as written in EXEC Name @name = ...; CamelCase, never a result column's name
  DataType type = DataType::Varchar;
  bool required = false;
  Value default_value;  // used when the argument is NULL or omitted; NULL = no default
  std::string description;
};

struct ResultColumnDef {
  std::string name;  // snake_case, like table columns
  DataType type = DataType::Varchar;
  std::string description;
  std::int64_t size = 0;  // 0 = the type's default
};

using Row = std::vector<Value>;
using Rows = std::vector<Row>;

struct ProcedureDef;

// The arguments of one call, converted to the parameters' types. Accessors return the default
// (or nullopt) for an argument that is NULL or was not given, and throw monday::Error 22018 with
// the procedure and parameter in the message when a value cannot be read as the parameter's type.
class Arguments {
 public:
  Arguments(const ProcedureDef& procedure, std::vector<Value> values);

  bool given(std::string_view parameter) const;
  // A monday id (ID!): digits, from an integer or a digit string.
  std::optional<std::string> id(std::string_view parameter) const;
  std::optional<std::string> text(std::string_view parameter) const;
  std::optional<bool> boolean(std::string_view parameter) const;
  std::optional<std::int64_t> integer(std::string_view parameter) const;
  // Raw bytes: a BLOB as is, text as its UTF-8 bytes.
  std::optional<std::vector<unsigned char>> bytes(std::string_view parameter) const;

  // The same for a parameter that must be present (required ones are checked before run, so
  // these throw only for conditionally required parameters).
  std::string requiredId(std::string_view parameter) const;
  std::string requiredText(std::string_view parameter) const;

  const ProcedureDef& procedure() const { return procedure_; }

 private:
  const Value& valueOf(std::string_view parameter) const;  // the default when NULL/absent
  [[noreturn]] void invalid(std::string_view parameter, const Value& value, std::string_view expected) const;

  const ProcedureDef& procedure_;
  std::vector<Value> values_;  // one per parameter, in declaration order
};

// What a running procedure may use. Both referents outlive the call.
struct ProcedureContext {
  client::ApiClient& api;
  const config::Settings& settings;
  log::Logger& logger;

  // Throws 42000 when the connection is ReadOnly; `what` names the change ("ExecuteGraphQL with
  // a mutation").
  void requireWritable(std::string_view what) const;
};

struct ProcedureDef {
  std::string name;  // PascalCase, unique (case-insensitively)
  std::string description;
  std::vector<ParameterDef> parameters;
  std::vector<ResultColumnDef> results;
  // Changes monday data: refused on a ReadOnly connection before run() is called. Procedures
  // that change data only sometimes (ExecuteGraphQL) leave this false and call requireWritable.
  bool mutating = false;
  std::function<Rows(ProcedureContext&, const Arguments&)> run;

  const ParameterDef* parameter(std::string_view parameter_name) const;  // case-insensitive
  int parameterIndex(std::string_view parameter_name) const;             // -1 when absent
  // "BoardId BIGINT, GroupId VARCHAR, [AddToTop BIT]" for messages (optional ones in brackets).
  std::string signature() const;
};

// Case-insensitive ASCII comparison, as SQL identifiers compare.
bool sameName(std::string_view a, std::string_view b);

}  // namespace monday::procedures
