#include "schema/table.h"

#include <rapidjson/stringbuffer.h>
#include <rapidjson/writer.h>

#include <cctype>
#include <charconv>
#include <ctime>
#include <functional>
#include <cmath>
#include <cstdlib>
#include <map>
#include <string_view>

namespace monday::schema {

std::string_view constraintOpText(ConstraintOp op) {
  switch (op) {
    case ConstraintOp::Eq: return "=";
    case ConstraintOp::Ne: return "<>";
    case ConstraintOp::Lt: return "<";
    case ConstraintOp::Le: return "<=";
    case ConstraintOp::Gt: return ">";
    case ConstraintOp::Ge: return ">=";
    case ConstraintOp::Like: return "LIKE";
    case ConstraintOp::IsNull: return "IS NULL";
    case ConstraintOp::IsNotNull: return "IS NOT NULL";
  }
  return "?";
}

const ColumnDef* TableDef::column(const std::string& column_name) const {
  int index = columnIndex(column_name);
  return index < 0 ? nullptr : &columns[static_cast<std::size_t>(index)];
}

int TableDef::columnIndex(const std::string& column_name) const {
  for (std::size_t i = 0; i < columns.size(); ++i) {
    if (columns[i].name == column_name) return static_cast<int>(i);
  }
  return -1;
}

namespace {

const rapidjson::Value* walk(const rapidjson::Value* node, std::string_view path) {
  while (node && !path.empty()) {
    if (!node->IsObject()) return nullptr;
    auto dot = path.find('.');
    std::string_view key = path.substr(0, dot);
    // A Value key, not a StringRef: StringRef decays to const char* and FindMember would then
    // read up to the NUL, i.e. the whole remaining path.
    const rapidjson::Value name(rapidjson::StringRef(key.data(), key.size()));
    auto it = node->FindMember(name);
    if (it == node->MemberEnd()) return nullptr;
    node = &it->value;
    path = dot == std::string_view::npos ? std::string_view() : path.substr(dot + 1);
  }
  return node;
}

std::string scalarText(const rapidjson::Value& value) {
  if (value.IsString()) return std::string(value.GetString(), value.GetStringLength());
  if (value.IsBool()) return value.GetBool() ? "true" : "false";
  return jsonText(value);
}

// monday writes times as ISO 8601 ("2026-03-01T10:00:00Z", "...T10:00:00.123+00:00"). SQL tools
// expect 'YYYY-MM-DD HH:MM:SS'; anything with a non-UTC offset is shifted to UTC.
Value isoToTimestamp(std::string_view text, bool date_only) {
  if (text.size() < 10 || text[4] != '-' || text[7] != '-') return std::string(text);
  if (date_only || text.size() < 19) return std::string(text.substr(0, 10));
  std::string out(text.substr(0, 10));
  out.push_back(' ');
  out.append(text.substr(11, 8));
  std::string_view zone = text.substr(19);
  if (!zone.empty() && zone.front() == '.') {
    std::size_t digits = 1;
    while (digits < zone.size() && std::isdigit(static_cast<unsigned char>(zone[digits]))) ++digits;
    zone.remove_prefix(digits);
  }
  if (zone.size() >= 6 && (zone[0] == '+' || zone[0] == '-') && zone.substr(1) != "00:00") {
    // Rare for monday, but keep UTC honest: apply the offset with timegm arithmetic.
    std::tm tm{};
    tm.tm_year = std::atoi(out.substr(0, 4).c_str()) - 1900;
    tm.tm_mon = std::atoi(out.substr(5, 2).c_str()) - 1;
    tm.tm_mday = std::atoi(out.substr(8, 2).c_str());
    tm.tm_hour = std::atoi(out.substr(11, 2).c_str());
    tm.tm_min = std::atoi(out.substr(14, 2).c_str());
    tm.tm_sec = std::atoi(out.substr(17, 2).c_str());
    int offset = (std::atoi(std::string(zone.substr(1, 2)).c_str()) * 60 +
                  std::atoi(std::string(zone.substr(4, 2)).c_str())) * 60;
    std::time_t t = timegm(&tm) - (zone[0] == '+' ? offset : -offset);
    std::tm utc{};
    gmtime_r(&t, &utc);
    char buffer[32];
    std::strftime(buffer, sizeof buffer, "%Y-%m-%d %H:%M:%S", &utc);
    return std::string(buffer);
  }
  return out;
}

}  // namespace

Value readColumn(const ColumnDef& column, const RowView& row) {
  if (column.read) return column.read(row);
  std::string_view path = column.source();
  const rapidjson::Value* start = row.node;
  if (!path.empty() && path.front() == '^') {
    start = row.parent;
    path.remove_prefix(1);
  }
  const rapidjson::Value* value = walk(start, path);
  if (!value || value->IsNull()) return std::monostate{};

  switch (column.decode) {
    case Decode::Text:
      return scalarText(*value);
    case Decode::Json:
      return value->IsString() ? scalarText(*value) : jsonText(*value);
    case Decode::Id:
    case Decode::Integer: {
      if (auto parsed = jsonInteger(*value)) return *parsed;
      // Not a number: keep the text rather than invent a value.
      if (value->IsString() && value->GetStringLength() > 0) return std::string(value->GetString(), value->GetStringLength());
      return std::monostate{};
    }
    case Decode::Real: {
      if (value->IsNumber()) return value->GetDouble();
      if (value->IsString()) {
        std::string text(value->GetString(), value->GetStringLength());
        if (text.empty()) return std::monostate{};
        char* end = nullptr;
        double parsed = std::strtod(text.c_str(), &end);
        if (end && *end == '\0' && std::isfinite(parsed)) return parsed;
        return text;
      }
      return std::monostate{};
    }
    case Decode::Boolean:
      if (value->IsBool()) return std::int64_t{value->GetBool() ? 1 : 0};
      if (value->IsString()) {
        std::string_view text(value->GetString(), value->GetStringLength());
        if (text == "true" || text == "v" || text == "1") return std::int64_t{1};
        if (text == "false" || text == "0" || text.empty()) return std::int64_t{0};
      }
      if (value->IsNumber()) return std::int64_t{value->GetDouble() != 0 ? 1 : 0};
      return std::monostate{};
    case Decode::Timestamp:
    case Decode::Date:
      if (!value->IsString()) return scalarText(*value);
      if (value->GetStringLength() == 0) return std::monostate{};
      return isoToTimestamp(std::string_view(value->GetString(), value->GetStringLength()),
                            column.decode == Decode::Date);
  }
  return std::monostate{};
}

std::string selectionFor(const std::vector<ColumnDef>& columns) {
  // Build a tree of paths, then print it: "id name workspace { id name }".
  struct Node {
    std::map<std::string, Node> children;
    std::vector<std::string> order;
  };
  Node root;
  for (const auto& column : columns) {
    std::string_view path = column.source();
    if (path.empty() || path.front() == '^' || path.front() == '@') continue;
    Node* node = &root;
    while (!path.empty()) {
      auto dot = path.find('.');
      std::string key(path.substr(0, dot));
      if (!node->children.contains(key)) node->order.push_back(key);
      node = &node->children[key];
      path = dot == std::string_view::npos ? std::string_view() : path.substr(dot + 1);
    }
  }
  std::function<std::string(const Node&)> print = [&](const Node& node) {
    std::string out;
    for (const auto& key : node.order) {
      if (!out.empty()) out.push_back(' ');
      out += key;
      const Node& child = node.children.at(key);
      if (!child.order.empty()) out += " { " + print(child) + " }";
    }
    return out;
  };
  return print(root);
}

}  // namespace monday::schema
