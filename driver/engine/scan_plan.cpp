#include "driver/engine/scan_plan.h"

#include <charconv>

#include "driver/common/error.h"

namespace monday::engine {

namespace {

[[noreturn]] void unreadable(std::string_view text) {
  throw Error(sqlstate::kGeneralError, "Internal driver error: unreadable scan plan '" + std::string(text) + "'.");
}

// A whole number in `text` (base 10 or 16), or the plan is unreadable.
template <class Number>
Number numberIn(std::string_view text, std::string_view plan, int base = 10) {
  Number value{};
  const auto [end, error] = std::from_chars(text.data(), text.data() + text.size(), value, base);
  if (error != std::errc() || end != text.data() + text.size() || text.empty()) unreadable(plan);
  return value;
}

// "<a>:<b>" as two numbers.
std::pair<int, int> pairIn(std::string_view text, std::string_view plan) {
  const auto colon = text.find(':');
  if (colon == std::string_view::npos) unreadable(plan);
  return {numberIn<int>(text.substr(0, colon), plan), numberIn<int>(text.substr(colon + 1), plan)};
}

// Calls `each` with every ','-separated piece of `list` that is not empty.
template <class Each>
void forEachPiece(std::string_view list, Each&& each) {
  while (!list.empty()) {
    const auto comma = list.find(',');
    const std::string_view piece = list.substr(0, comma);
    if (!piece.empty()) each(piece);
    if (comma == std::string_view::npos) break;
    list.remove_prefix(comma + 1);
  }
}

void append(std::string& out, std::string_view token) {
  if (!out.empty()) out.push_back(',');
  out += token;
}

}  // namespace

std::string ScanPlan::encode() const {
  std::string tokens;
  for (const Argument& argument : arguments) {
    switch (argument.kind) {
      case ArgumentKind::Equals: append(tokens, "E" + std::to_string(argument.column)); break;
      case ArgumentKind::InList: append(tokens, "I" + std::to_string(argument.column)); break;
      case ArgumentKind::Compare:
        append(tokens, "C" + std::to_string(argument.column) + ":" + std::to_string(static_cast<int>(argument.op)));
        break;
      case ArgumentKind::Limit: append(tokens, "L"); break;
      case ArgumentKind::Offset: append(tokens, "O"); break;
    }
  }
  for (const Order& order : order_by) {
    append(tokens, "S" + std::to_string(order.column) + ":" + (order.descending ? "1" : "0"));
  }
  if (columns_used) {
    char hex[17];
    const auto [end, error] = std::to_chars(hex, hex + sizeof hex, *columns_used, 16);
    append(tokens, "U" + std::string(hex, end));
  }
  std::string terms;
  for (const LocalTerm& term : local) append(terms, std::to_string(term.column) + ":" + std::to_string(term.sqlite_op));
  return tokens + "|" + terms;
}

ScanPlan ScanPlan::decode(std::string_view text) {
  const auto bar = text.find('|');
  if (bar == std::string_view::npos) unreadable(text);
  ScanPlan plan;
  forEachPiece(text.substr(0, bar), [&](std::string_view token) {
    const std::string_view rest = token.substr(1);
    switch (token[0]) {
      case 'E': plan.arguments.push_back({ArgumentKind::Equals, numberIn<int>(rest, text)}); break;
      case 'I': plan.arguments.push_back({ArgumentKind::InList, numberIn<int>(rest, text)}); break;
      case 'C': {
        const auto [column, op] = pairIn(rest, text);
        if (op < 0 || op > static_cast<int>(schema::ConstraintOp::IsNotNull)) unreadable(text);
        plan.arguments.push_back({ArgumentKind::Compare, column, static_cast<schema::ConstraintOp>(op)});
        break;
      }
      case 'L':
        if (!rest.empty()) unreadable(text);
        plan.arguments.push_back({ArgumentKind::Limit});
        break;
      case 'O':
        if (!rest.empty()) unreadable(text);
        plan.arguments.push_back({ArgumentKind::Offset});
        break;
      case 'S': {
        const auto [column, descending] = pairIn(rest, text);
        if (column < 0 || (descending != 0 && descending != 1)) unreadable(text);
        plan.order_by.push_back({column, descending == 1});
        break;
      }
      case 'U': plan.columns_used = numberIn<std::uint64_t>(rest, text, 16); break;
      default: unreadable(text);
    }
  });
  forEachPiece(text.substr(bar + 1), [&](std::string_view term) {
    const auto [column, op] = pairIn(term, text);
    if (column < 0) unreadable(text);
    plan.local.push_back({column, op});
  });
  for (const Argument& argument : plan.arguments) {
    if (argument.kind != ArgumentKind::Limit && argument.kind != ArgumentKind::Offset && argument.column < 0) {
      unreadable(text);
    }
  }
  return plan;
}

}  // namespace monday::engine
