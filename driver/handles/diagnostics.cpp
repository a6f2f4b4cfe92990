#include "driver/handles/diagnostics.h"

#include <array>
#include <utility>

namespace monday::handles {

void Diagnostics::clear() {
  records_.clear();
  return_code_ = SQL_SUCCESS;
  row_count_ = 0;
  cursor_row_count_ = 0;
  dynamic_function_.clear();
  dynamic_function_code_ = 0;
  sql_error_position_ = 0;
}

void Diagnostics::add(std::string_view state, std::string_view message, SQLINTEGER native_code,
                      SQLLEN row_number, SQLINTEGER column_number) {
  DiagRecord r;
  r.sqlstate = std::string(state.substr(0, 5));
  while (r.sqlstate.size() < 5) r.sqlstate.push_back('0');
  r.native_code = native_code;
  r.message.reserve(kMessagePrefix.size() + message.size());
  r.message.append(kMessagePrefix);
  r.message.append(message);
  r.row_number = row_number;
  r.column_number = column_number;
  // ODBC orders records: errors before warnings; within a kind, in the order they happened.
  const bool is_warning = r.sqlstate.rfind("01", 0) == 0;
  if (!is_warning) {
    auto it = records_.begin();
    while (it != records_.end() && it->sqlstate.rfind("01", 0) != 0) ++it;
    records_.insert(it, std::move(r));
  } else {
    records_.push_back(std::move(r));
  }
}

bool Diagnostics::hasErrors() const {
  for (const auto& r : records_) {
    if (r.sqlstate.rfind("01", 0) != 0) return true;
  }
  return false;
}

std::string_view classOrigin(std::string_view state) {
  return state.rfind("IM", 0) == 0 ? "ODBC 3.0" : "ISO 9075";
}

std::string_view subclassOrigin(std::string_view state) {
  static constexpr std::array<std::string_view, 40> kOdbcSubclasses = {
      "01S00", "01S01", "01S02", "01S06", "01S07", "07S01", "08S01", "21S01", "21S02", "25S01",
      "25S02", "25S03", "42S01", "42S02", "42S11", "42S12", "42S21", "42S22", "HY095", "HY097",
      "HY098", "HY099", "HY100", "HY101", "HY105", "HY107", "HY109", "HY110", "HY111", "HYT00",
      "HYT01", "IM001", "IM002", "IM003", "IM004", "IM005", "IM006", "IM007", "IM008", "IM010"};
  for (auto s : kOdbcSubclasses) {
    if (s == state) return "ODBC 3.0";
  }
  if (state.rfind("IM", 0) == 0) return "ODBC 3.0";
  return "ISO 9075";
}

std::string odbc2State(std::string_view state) {
  static constexpr std::array<std::pair<std::string_view, std::string_view>, 22> kExact = {{
      {"07002", "07001"}, {"07005", "24000"}, {"07009", "S1002"}, {"22007", "22008"},
      {"22018", "22005"}, {"42000", "37000"}, {"42S01", "S0001"}, {"42S02", "S0002"},
      {"42S11", "S0011"}, {"42S12", "S0012"}, {"42S21", "S0021"}, {"42S22", "S0022"},
      {"HY024", "S1009"}, {"HYT01", "S1T00"}, {"HY007", "S1010"}, {"HY013", "S1000"},
      {"HY014", "S1000"}, {"HY015", "S1000"}, {"HY016", "S1000"}, {"HY017", "S1000"},
      {"HY018", "S1000"}, {"HY019", "S1000"},
  }};
  for (const auto& [from, to] : kExact) {
    if (from == state) return std::string(to);
  }
  // The rest of class HY keeps its subclass under S1 (HY000 -> S1000, HYC00 -> S1C00 ...).
  if (state.size() == 5 && state[0] == 'H' && state[1] == 'Y') {
    return "S1" + std::string(state.substr(2));
  }
  return std::string(state);
}

}  // namespace monday::handles
