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

namespace {

// unixODBC copies each message into a SQL_MAX_MESSAGE_LENGTH (512) buffer and may put its own
// "[unixODBC]" before ours: longer text would be cut off in the middle, so a long message becomes
// several records of the same state, split where a sentence (or at least a word) ends.
constexpr std::size_t kMaxRecordText = 460;

std::vector<std::string_view> splitMessage(std::string_view message) {
  std::vector<std::string_view> parts;
  while (message.size() > kMaxRecordText) {
    std::string_view window = message.substr(0, kMaxRecordText);
    std::size_t cut = window.rfind(". ");
    if (cut != std::string_view::npos && cut > kMaxRecordText / 3) {
      cut += 1;  // keep the full stop
    } else {
      cut = window.rfind(' ');
      if (cut == std::string_view::npos || cut < kMaxRecordText / 3) {
        cut = kMaxRecordText;
        while (cut > 0 && (static_cast<unsigned char>(message[cut]) & 0xC0) == 0x80) --cut;  // whole UTF-8 characters
      }
    }
    parts.push_back(message.substr(0, cut));
    message.remove_prefix(cut);
    while (!message.empty() && message.front() == ' ') message.remove_prefix(1);
  }
  parts.push_back(message);
  return parts;
}

}  // namespace

void Diagnostics::add(std::string_view state, std::string_view message, SQLINTEGER native_code,
                      SQLLEN row_number, SQLINTEGER column_number) {
  std::string sqlstate(state.substr(0, 5));
  while (sqlstate.size() < 5) sqlstate.push_back('0');
  // ODBC orders records: errors before warnings; within a kind, in the order they happened.
  const bool is_warning = sqlstate.rfind("01", 0) == 0;
  auto position = records_.end();
  if (!is_warning) {
    position = records_.begin();
    while (position != records_.end() && position->sqlstate.rfind("01", 0) != 0) ++position;
  }
  bool first = true;
  for (std::string_view part : splitMessage(message)) {
    DiagRecord r;
    r.sqlstate = sqlstate;
    r.native_code = native_code;
    r.message.reserve(kMessagePrefix.size() + part.size() + 12);
    r.message.append(kMessagePrefix);
    if (!first) r.message.append("(continued) ");
    r.message.append(part);
    r.row_number = row_number;
    r.column_number = column_number;
    position = records_.insert(position, std::move(r)) + 1;
    first = false;
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
