#include "driver/engine/aggregate_pushdown.h"

#include <algorithm>
#include <array>
#include <cctype>
#include <map>

#include "driver/common/sql_lexer.h"
#include "driver/engine/c_boundary.h"
#include "driver/engine/session_state.h"
#include "driver/engine/sqlite_values.h"

namespace monday::engine {

namespace {

using sql::Token;
using sql::TokenKind;
using schema::AggregateFunction;

constexpr std::size_t kMaxWidth = 64;
constexpr std::string_view kColumnPrefix = "monday_agg_";

// SQLite's aggregate functions. A statement that uses one the table cannot push is not rewritten:
// over already grouped rows it would compute something else.
constexpr std::array kAggregateNames = {"COUNT",          "SUM",        "AVG",          "MIN",
                                        "MAX",            "TOTAL",      "GROUP_CONCAT", "STRING_AGG",
                                        "JSON_GROUP_ARRAY", "JSON_GROUP_OBJECT", "JSONB_GROUP_ARRAY",
                                        "JSONB_GROUP_OBJECT", "MEDIAN", "PERCENTILE", "PERCENTILE_CONT",
                                        "PERCENTILE_DISC"};

// Words that end an expression without being an alias after it ("x IS NULL", "CASE ... END").
constexpr std::array kNotAnAlias = {"END", "NULL", "NOTNULL", "ISNULL", "TRUE", "FALSE", "CURRENT_DATE",
                                    "CURRENT_TIME", "CURRENT_TIMESTAMP", "ASC", "DESC"};
// Words after which the next word is an operand, not an alias.
constexpr std::array kOperatorWords = {"COLLATE", "IS", "NOT", "AND", "OR", "LIKE", "GLOB", "REGEXP", "MATCH",
                                       "IN", "BETWEEN", "ESCAPE", "ELSE", "THEN", "WHEN", "CASE", "DISTINCT",
                                       "SELECT", "AS", "ALL"};

template <std::size_t N>
bool oneOf(const Token& token, const std::array<const char*, N>& words) {
  if (token.kind != TokenKind::Word) return false;
  return std::any_of(words.begin(), words.end(), [&](const char* word) { return token.isKeyword(word); });
}

bool isName(const Token& token) { return token.kind == TokenKind::Word || token.kind == TokenKind::QuotedIdentifier; }

bool sameNameAscii(std::string_view a, std::string_view b) {
  return a.size() == b.size() && std::equal(a.begin(), a.end(), b.begin(), [](char x, char y) {
           return std::tolower(static_cast<unsigned char>(x)) == std::tolower(static_cast<unsigned char>(y));
         });
}

std::string columnName(std::size_t position) { return std::string(kColumnPrefix) + std::to_string(position); }

// A half-open range of token indexes.
struct Span {
  std::size_t begin = 0, end = 0;
  bool empty() const { return begin >= end; }
};

class Rewriter {
 public:
  Rewriter(SessionState& state, std::string_view sql, std::vector<Token> tokens)
      : state_(state), sql_(sql), tokens_(std::move(tokens)) {}

  std::optional<PushedAggregate> run(sqlite3_stmt* original) {
    if (!splitClauses()) return std::nullopt;
    if (!resolveTable()) return std::nullopt;
    if (!readSelectItems(original)) return std::nullopt;
    if (!readGroupBy()) return std::nullopt;
    if (!readWhere()) return std::nullopt;

    std::vector<std::string> items;
    for (const auto& item : select_items_) {
      auto text = rewrite(item.expression, false);
      if (!text) return std::nullopt;
      items.push_back(*text + " AS " + sql::quoteIdentifier(item.name));
    }
    std::optional<std::string> having, order_by;
    if (!having_.empty() && !(having = rewrite(having_, false))) return std::nullopt;
    if (!order_by_.empty() && !(order_by = rewrite(order_by_, true))) return std::nullopt;
    if (!limit_.empty()) {
      for (std::size_t i = limit_.begin; i < limit_.end; ++i) {
        const Token& t = tokens_[i];
        if (!(t.kind == TokenKind::Number || t.isKeyword("OFFSET") || t.isPunctuation(','))) return std::nullopt;
      }
    }
    if (query_.aggregates.empty()) return std::nullopt;  // GROUP BY alone is DISTINCT: nothing to push
    const std::size_t width = query_.group_columns.size() + query_.aggregates.size();
    if (width > kMaxWidth) return std::nullopt;

    query_.api_version = state_.settings.api_version;
    auto plan = table_->aggregates(query_);
    if (!plan) return std::nullopt;

    const long long id = ++state_.aggregate_serial;
    state_.aggregate_plans[id] = AggregateSlot{std::move(*plan), table_, width, false};

    std::string out = "SELECT ";
    if (!distinct_.empty()) out += std::string(text(distinct_)) + " ";
    for (std::size_t i = 0; i < items.size(); ++i) out += (i ? ", " : "") + items[i];
    out += " FROM monday_aggregate(" + std::to_string(id) + ")";
    if (having) out += " WHERE (" + *having + ")";
    if (order_by) {
      out += " ORDER BY " + *order_by;
    } else if (!query_.group_columns.empty()) {
      // SQLite hands out grouped rows in the order of their keys; so does the rewritten statement.
      out += " ORDER BY ";
      for (std::size_t i = 0; i < query_.group_columns.size(); ++i) out += (i ? ", " : "") + columnName(i);
    }
    if (!limit_.empty()) out += " LIMIT " + std::string(text(limit_));
    return PushedAggregate{id, out};
  }

 private:
  struct SelectItem {
    Span expression;
    std::string name;                  // the column name the original statement reports
    std::optional<std::string> alias;  // an explicit alias (ORDER BY may name it)
  };

  std::string_view text(Span span) const {
    if (span.empty()) return {};
    const Token& last = tokens_[span.end - 1];
    return sql_.substr(tokens_[span.begin].offset, last.offset + last.text.size() - tokens_[span.begin].offset);
  }

  // The index of the ')' closing the '(' at `open`, or npos.
  std::size_t closing(std::size_t open) const {
    int depth = 0;
    for (std::size_t i = open; i < tokens_.size(); ++i) {
      if (tokens_[i].isPunctuation('(')) ++depth;
      if (tokens_[i].isPunctuation(')') && --depth == 0) return i;
    }
    return std::string::npos;
  }

  // SELECT [DISTINCT|ALL] list FROM t WHERE ... GROUP BY ... HAVING ... ORDER BY ... LIMIT ...
  bool splitClauses() {
    if (tokens_.empty() || !tokens_[0].isKeyword("SELECT")) return false;
    std::size_t end = tokens_.size();
    while (end > 0 && tokens_[end - 1].isPunctuation(';')) --end;
    for (std::size_t i = 0; i < end; ++i) {
      const Token& t = tokens_[i];
      if (t.kind == TokenKind::Parameter || t.kind == TokenKind::EscapeOpen || t.kind == TokenKind::EscapeClose ||
          t.kind == TokenKind::Unterminated || t.isPunctuation(';')) {
        return false;
      }
      if (i > 0 && (t.isKeyword("SELECT") || t.isKeyword("OVER") || t.isKeyword("FILTER") || t.isKeyword("WITHIN"))) {
        return false;
      }
    }
    enum Clause { kSelect, kFrom, kWhere, kGroup, kHaving, kOrder, kLimit };
    std::array<Span, 7> spans{};
    std::array<bool, 7> seen{};
    int current = kSelect;
    std::size_t start = 1;
    if (start < end && (tokens_[start].isKeyword("DISTINCT") || tokens_[start].isKeyword("ALL"))) {
      distinct_ = {start, start + 1};
      ++start;
    }
    int depth = 0;
    auto close = [&](std::size_t at) { spans[current] = {start, at}; };
    for (std::size_t i = start; i < end; ++i) {
      const Token& t = tokens_[i];
      if (t.isPunctuation('(')) ++depth;
      if (t.isPunctuation(')')) --depth;
      if (depth != 0) continue;
      int next = -1;
      std::size_t words = 1;
      if (t.isKeyword("FROM")) next = kFrom;
      else if (t.isKeyword("WHERE")) next = kWhere;
      else if (t.isKeyword("GROUP") && i + 1 < end && tokens_[i + 1].isKeyword("BY")) next = kGroup, words = 2;
      else if (t.isKeyword("HAVING")) next = kHaving;
      else if (t.isKeyword("ORDER") && i + 1 < end && tokens_[i + 1].isKeyword("BY")) next = kOrder, words = 2;
      else if (t.isKeyword("LIMIT")) next = kLimit;
      else if (t.isKeyword("UNION") || t.isKeyword("INTERSECT") || t.isKeyword("EXCEPT") || t.isKeyword("WINDOW") ||
               t.isKeyword("JOIN")) {
        return false;
      }
      if (next < 0) continue;
      if (next <= current || seen[next]) return false;
      close(i);
      seen[next] = true;
      current = next;
      start = i + words;
    }
    close(end);
    if (!seen[kFrom] || spans[kSelect].empty() || spans[kFrom].empty()) return false;
    select_ = spans[kSelect];
    from_ = spans[kFrom];
    where_ = spans[kWhere];
    group_by_ = spans[kGroup];
    having_ = spans[kHaving];
    order_by_ = spans[kOrder];
    limit_ = spans[kLimit];
    if ((seen[kWhere] && where_.empty()) || (seen[kGroup] && group_by_.empty()) ||
        (seen[kHaving] && having_.empty()) || (seen[kOrder] && order_by_.empty()) ||
        (seen[kLimit] && limit_.empty())) {
      return false;
    }
    return true;
  }

  // FROM [schema.]table [[AS] alias]: one API table, not shadowed by a local table of that name.
  bool resolveTable() {
    const std::size_t n = from_.end - from_.begin;
    auto at = [&](std::size_t k) -> const Token& { return tokens_[from_.begin + k]; };
    std::optional<std::string> schema_name;
    std::size_t k = 0;
    if (n >= 3 && isName(at(0)) && at(1).isPunctuation('.') && isName(at(2))) {
      schema_name = sql::identifierText(at(0));
      table_name_ = sql::identifierText(at(2));
      k = 3;
    } else if (n >= 1 && isName(at(0))) {
      table_name_ = sql::identifierText(at(0));
      k = 1;
    } else {
      return false;
    }
    if (k < n) {
      if (at(k).isKeyword("AS")) ++k;
      if (k + 1 != n || !isName(at(k)) || oneOf(at(k), kNotAnAlias) || oneOf(at(k), kOperatorWords) ||
          at(k).isKeyword("INDEXED") || at(k).isKeyword("NOT")) {
        return false;
      }
      alias_ = sql::identifierText(at(k));
    }

    std::shared_ptr<const schema::TableDef> found;
    auto consider = [&](const std::shared_ptr<const schema::TableDef>& table) {
      if (!sameNameAscii(table->name, table_name_)) return true;
      if (schema_name && !sameNameAscii(table->schema, *schema_name)) return true;
      if (found && found != table) return false;  // the same name in two schemas: leave it to SQLite
      found = table;
      return true;
    };
    for (const auto& table : state_.tables) {
      if (!consider(table)) return false;
    }
    for (const auto& [key, created] : state_.board_tables) {
      if (!consider(created.table)) return false;
    }
    if (!found || !found->aggregates) return false;
    if (!schema_name) {
      // An unqualified name finds a local table (main, temp) first.
      for (const char* database : {"main", "temp"}) {
        if (sqlite3_table_column_metadata(state_.db, database, table_name_.c_str(), nullptr, nullptr, nullptr,
                                          nullptr, nullptr, nullptr) == SQLITE_OK) {
          return false;
        }
      }
    }
    table_ = found;
    schema_name_ = schema_name;
    return true;
  }

  int columnOf(std::string_view name) const {
    for (std::size_t i = 0; i < table_->columns.size(); ++i) {
      if (sameNameAscii(table_->columns[i].name, name)) return static_cast<int>(i);
    }
    return -1;
  }

  // A column reference starting at token i ("col", "t.col", "schema.t.col"): the column index and
  // the tokens it spans; nullopt when the tokens there are not one.
  std::optional<std::pair<std::size_t, std::size_t>> columnRef(std::size_t i, std::size_t end) const {
    if (i >= end || !isName(tokens_[i])) return std::nullopt;
    if (i > 0 && tokens_[i - 1].isPunctuation('.')) return std::nullopt;
    std::vector<std::string> parts{sql::identifierText(tokens_[i])};
    std::size_t j = i + 1;
    while (j + 1 < end && tokens_[j].isPunctuation('.') && isName(tokens_[j + 1]) && parts.size() < 3) {
      parts.push_back(sql::identifierText(tokens_[j + 1]));
      j += 2;
    }
    if (j < end && tokens_[j].isPunctuation('(')) return std::nullopt;  // a function call
    if (parts.size() == 3) {
      if (!schema_name_ && !sameNameAscii(parts[0], table_->schema)) return std::nullopt;
      if (schema_name_ && !sameNameAscii(parts[0], *schema_name_)) return std::nullopt;
      if (!sameNameAscii(parts[1], table_name_) || alias_) return std::nullopt;
    } else if (parts.size() == 2) {
      const bool by_alias = alias_ && sameNameAscii(parts[0], *alias_);
      const bool by_name = !alias_ && sameNameAscii(parts[0], table_name_);
      if (!by_alias && !by_name) return std::nullopt;
    }
    const int column = columnOf(parts.back());
    if (column < 0) return std::nullopt;
    return std::make_pair(static_cast<std::size_t>(column), j - i);
  }

  // Splits [begin, end) at top-level commas.
  std::vector<Span> commaList(Span span) const {
    std::vector<Span> out;
    int depth = 0;
    std::size_t start = span.begin;
    for (std::size_t i = span.begin; i < span.end; ++i) {
      if (tokens_[i].isPunctuation('(')) ++depth;
      if (tokens_[i].isPunctuation(')')) --depth;
      if (depth == 0 && tokens_[i].isPunctuation(',')) {
        out.push_back({start, i});
        start = i + 1;
      }
    }
    out.push_back({start, span.end});
    return out;
  }

  bool readSelectItems(sqlite3_stmt* original) {
    const auto list = commaList(select_);
    if (static_cast<int>(list.size()) != sqlite3_column_count(original)) return false;
    for (std::size_t i = 0; i < list.size(); ++i) {
      Span item = list[i];
      if (item.empty()) return false;
      SelectItem out;
      const std::size_t n = item.end - item.begin;
      if (n >= 2) {
        const Token& last = tokens_[item.end - 1];
        const Token& before = tokens_[item.end - 2];
        if (before.isKeyword("AS") && isName(last)) {
          out.alias = sql::identifierText(last);
          item.end -= 2;
        } else if (isName(last) && !oneOf(last, kNotAnAlias) && !oneOf(before, kOperatorWords) &&
                   (isName(before) || before.isPunctuation(')') || before.kind == TokenKind::Number ||
                    before.kind == TokenKind::String)) {
          out.alias = sql::identifierText(last);
          item.end -= 1;
        }
      }
      if (item.empty()) return false;
      for (std::size_t t = item.begin; t < item.end; ++t) {
        if (tokens_[t].kind == TokenKind::Operator && tokens_[t].text == "*" &&
            (t == item.begin || tokens_[t - 1].isPunctuation('.'))) {
          return false;  // SELECT * / t.*
        }
      }
      const char* name = sqlite3_column_name(original, static_cast<int>(i));
      if (!name) return false;
      out.name = name;
      out.expression = item;
      select_items_.push_back(std::move(out));
    }
    return true;
  }

  std::optional<std::size_t> groupColumnFromSelectItem(const SelectItem& item) const {
    auto ref = columnRef(item.expression.begin, item.expression.end);
    if (!ref || item.expression.begin + ref->second != item.expression.end) return std::nullopt;
    return ref->first;
  }

  bool readGroupBy() {
    if (group_by_.empty()) return true;
    for (const Span item : commaList(group_by_)) {
      if (item.empty()) return false;
      std::optional<std::size_t> column;
      if (auto ref = columnRef(item.begin, item.end); ref && item.begin + ref->second == item.end) {
        column = ref->first;
      } else if (item.end - item.begin == 1 && tokens_[item.begin].kind == TokenKind::Number) {
        const std::string digits(tokens_[item.begin].text);
        if (digits.find_first_not_of("0123456789") != std::string::npos || digits.size() > 3) return false;
        const std::size_t ordinal = std::stoul(digits);
        if (ordinal < 1 || ordinal > select_items_.size()) return false;
        column = groupColumnFromSelectItem(select_items_[ordinal - 1]);
      } else if (item.end - item.begin == 1 && isName(tokens_[item.begin])) {
        const std::string name = sql::identifierText(tokens_[item.begin]);
        for (const auto& select : select_items_) {
          if (select.alias && sameNameAscii(*select.alias, name)) column = groupColumnFromSelectItem(select);
        }
      }
      if (!column) return false;
      if (std::find(query_.group_columns.begin(), query_.group_columns.end(), *column) == query_.group_columns.end()) {
        query_.group_columns.push_back(*column);
      }
    }
    return true;
  }

  // A literal value at token i ('text', 12, -3.5); sets `used` to the tokens it spans.
  std::optional<Value> literal(std::size_t i, std::size_t end, std::size_t& used) const {
    bool negative = false;
    std::size_t j = i;
    if (j < end && tokens_[j].kind == TokenKind::Operator && tokens_[j].text == "-") {
      negative = true;
      ++j;
    }
    if (j >= end) return std::nullopt;
    const Token& t = tokens_[j];
    used = j + 1 - i;
    if (t.kind == TokenKind::String && !negative) {
      if (t.text.empty() || t.text.front() != '\'') return std::nullopt;  // X'..' blobs
      std::string value;
      for (std::size_t k = 1; k + 1 < t.text.size(); ++k) {
        value.push_back(t.text[k]);
        if (t.text[k] == '\'') ++k;
      }
      return Value{value};
    }
    if (t.kind != TokenKind::Number) return std::nullopt;
    const std::string digits(t.text);
    if (digits.find_first_not_of("0123456789") == std::string::npos && digits.size() <= 18) {
      const auto number = static_cast<std::int64_t>(std::stoll(digits));
      return Value{negative ? -number : number};
    }
    return std::nullopt;  // fractions and exponents: leave the comparison to SQLite
  }

  // WHERE col = literal | col IN (literal, ...) [AND ...]; any other term keeps the statement local.
  bool readWhere() {
    if (where_.empty()) return true;
    std::size_t i = where_.begin;
    while (i < where_.end) {
      auto ref = columnRef(i, where_.end);
      if (!ref) return false;
      i += ref->second;
      if (i >= where_.end) return false;
      std::vector<Value> values;
      if (tokens_[i].kind == TokenKind::Operator && (tokens_[i].text == "=" || tokens_[i].text == "==")) {
        std::size_t used = 0;
        auto value = literal(i + 1, where_.end, used);
        if (!value) return false;
        values.push_back(std::move(*value));
        i += 1 + used;
      } else if (tokens_[i].isKeyword("IN") && i + 1 < where_.end && tokens_[i + 1].isPunctuation('(')) {
        const std::size_t close = closing(i + 1);
        if (close == std::string::npos || close >= where_.end) return false;
        std::size_t k = i + 2;
        while (k < close) {
          std::size_t used = 0;
          auto value = literal(k, close, used);
          if (!value) return false;
          values.push_back(std::move(*value));
          k += used;
          if (k < close && !tokens_[k++].isPunctuation(',')) return false;
        }
        if (values.empty()) return false;
        i = close + 1;
      } else {
        return false;
      }
      query_.equals.emplace_back(ref->first, std::move(values));
      if (i < where_.end) {
        if (!tokens_[i].isKeyword("AND")) return false;
        ++i;
      }
    }
    return true;
  }

  // The output position of aggregate `term`, adding it to the query the first time.
  std::size_t aggregatePosition(const schema::AggregateTerm& term) {
    for (std::size_t k = 0; k < query_.aggregates.size(); ++k) {
      const auto& known = query_.aggregates[k];
      if (known.function == term.function &&
          (term.function == AggregateFunction::CountRows || known.column == term.column)) {
        return query_.group_columns.size() + k;
      }
    }
    query_.aggregates.push_back(term);
    return query_.group_columns.size() + query_.aggregates.size() - 1;
  }

  // The aggregate call at token i (a name from kAggregateNames followed by '('), or nullopt when
  // it is not one the table could push. `end_out` is the token after its ')'.
  std::optional<schema::AggregateTerm> aggregateCall(std::size_t i, std::size_t& end_out) const {
    const std::size_t close = closing(i + 1);
    if (close == std::string::npos) return std::nullopt;
    end_out = close + 1;
    const std::string function = sql::upper(tokens_[i].text);
    std::size_t a = i + 2;
    if (function == "COUNT" && close == a + 1 && tokens_[a].kind == TokenKind::Operator && tokens_[a].text == "*") {
      return schema::AggregateTerm{AggregateFunction::CountRows, 0};
    }
    // COUNT(1), COUNT('x') (Power BI, Excel): a value that is never NULL counts every row.
    if (function == "COUNT" && close == a + 1 &&
        (tokens_[a].kind == TokenKind::Number || (tokens_[a].kind == TokenKind::String && !tokens_[a].text.empty() &&
                                                  tokens_[a].text.front() == '\''))) {
      return schema::AggregateTerm{AggregateFunction::CountRows, 0};
    }
    bool distinct = false;
    if (a < close && tokens_[a].isKeyword("DISTINCT")) {
      distinct = true;
      ++a;
    } else if (a < close && tokens_[a].isKeyword("ALL")) {
      ++a;
    }
    auto ref = columnRef(a, close);
    if (!ref || a + ref->second != close) return std::nullopt;
    AggregateFunction kind;
    if (function == "COUNT") kind = distinct ? AggregateFunction::CountDistinct : AggregateFunction::Count;
    else if (distinct) return std::nullopt;
    else if (function == "SUM") kind = AggregateFunction::Sum;
    else if (function == "AVG") kind = AggregateFunction::Average;
    else if (function == "MIN") kind = AggregateFunction::Min;
    else if (function == "MAX") kind = AggregateFunction::Max;
    else return std::nullopt;
    return schema::AggregateTerm{kind, ref->first};
  }

  // The text of [span] with aggregate calls and group columns replaced by the monday_aggregate
  // columns that hold them. In ORDER BY a bare name that is an output alias stays (SQLite
  // resolves it to the output column first, and the output keeps its name).
  std::optional<std::string> rewrite(Span span, bool order_by) {
    std::string out;
    std::size_t copied_to = tokens_[span.begin].offset;
    auto replace = [&](std::size_t from, std::size_t to, const std::string& with) {
      out += sql_.substr(copied_to, tokens_[from].offset - copied_to);
      out += with;
      const Token& last = tokens_[to - 1];
      copied_to = last.offset + last.text.size();
    };
    for (std::size_t i = span.begin; i < span.end;) {
      const Token& t = tokens_[i];
      if (oneOf(t, kAggregateNames) && i + 1 < span.end && tokens_[i + 1].isPunctuation('(')) {
        std::size_t after = 0;
        auto term = aggregateCall(i, after);
        if (!term || after > span.end) return std::nullopt;
        replace(i, after, columnName(aggregatePosition(*term)));
        i = after;
        continue;
      }
      if (isName(t) && i > span.begin && tokens_[i - 1].isKeyword("AS")) {
        ++i;  // CAST(x AS type): the type name
        continue;
      }
      if (order_by && isName(t)) {
        const std::string name = sql::identifierText(t);
        const bool alone = (i + 1 >= span.end || !tokens_[i + 1].isPunctuation('.')) &&
                           (i == span.begin || !tokens_[i - 1].isPunctuation('.'));
        bool is_alias = false;
        for (const auto& item : select_items_) is_alias |= item.alias && sameNameAscii(*item.alias, name);
        if (alone && is_alias) {
          ++i;
          continue;
        }
      }
      if (auto ref = columnRef(i, span.end)) {
        auto group = std::find(query_.group_columns.begin(), query_.group_columns.end(), ref->first);
        if (group == query_.group_columns.end()) return std::nullopt;  // a bare column outside its group
        replace(i, i + ref->second, columnName(static_cast<std::size_t>(group - query_.group_columns.begin())));
        i += ref->second;
        continue;
      }
      ++i;
    }
    const Token& last = tokens_[span.end - 1];
    out += sql_.substr(copied_to, last.offset + last.text.size() - copied_to);
    return out;
  }

  SessionState& state_;
  std::string_view sql_;
  std::vector<Token> tokens_;
  Span distinct_, select_, from_, where_, group_by_, having_, order_by_, limit_;
  std::string table_name_;
  std::optional<std::string> alias_, schema_name_;
  std::shared_ptr<const schema::TableDef> table_;
  std::vector<SelectItem> select_items_;
  schema::AggregateQuery query_;
};

// ---- the monday_aggregate table function ---------------------------------------------------
//
// monday_aggregate(<plan id>) runs the plan the rewriter registered and serves its grouped rows as
// columns monday_agg_0 ... (groups, then aggregates). It is eponymous only: no CREATE VIRTUAL
// TABLE, it exists as a function of every connection.

struct AggregateVtab {
  sqlite3_vtab base{};  // must be first: SQLite hands us &base
  SessionState* session = nullptr;
};

struct AggregateCursor {
  sqlite3_vtab_cursor base{};
  SessionState* session = nullptr;
  long long plan_id = 0;
  schema::AggregateRows rows;
  std::size_t index = 0;
};

constexpr int kPlanIdColumn = static_cast<int>(kMaxWidth);

int connectAggregate(sqlite3* db, void* aux, int, const char* const*, sqlite3_vtab** out, char** error) noexcept {
  return guardedConnectCall(error, *static_cast<SessionState*>(aux), [&]() -> int {
    std::string sql = "CREATE TABLE x(";
    for (std::size_t i = 0; i < kMaxWidth; ++i) sql += columnName(i) + ", ";
    sql += "plan_id HIDDEN)";
    const int rc = sqlite3_declare_vtab(db, sql.c_str());
    if (rc != SQLITE_OK) return rc;
    auto vtab = std::make_unique<AggregateVtab>();
    vtab->session = static_cast<SessionState*>(aux);
    *out = &vtab.release()->base;
    return SQLITE_OK;
  });
}

int disconnectAggregate(sqlite3_vtab* vtab) noexcept {
  sqlite3_free(vtab->zErrMsg);
  delete reinterpret_cast<AggregateVtab*>(vtab);
  return SQLITE_OK;
}

// Only a plan id given as `= <value>` makes a usable plan; the rewriter always gives one.
int bestAggregateIndex(sqlite3_vtab*, sqlite3_index_info* info) noexcept {
  for (int i = 0; i < info->nConstraint; ++i) {
    const auto& constraint = info->aConstraint[i];
    if (constraint.usable && constraint.op == SQLITE_INDEX_CONSTRAINT_EQ && constraint.iColumn == kPlanIdColumn) {
      info->aConstraintUsage[i].argvIndex = 1;
      info->aConstraintUsage[i].omit = 1;
      info->idxNum = 1;
      info->estimatedCost = 1.0;
      info->estimatedRows = 100;
      return SQLITE_OK;
    }
  }
  info->idxNum = 0;
  info->estimatedCost = 1e12;
  return SQLITE_OK;
}

int openAggregate(sqlite3_vtab* base, sqlite3_vtab_cursor** out) noexcept {
  return guardedVtabCall(base, *reinterpret_cast<AggregateVtab*>(base)->session, [&] {
    auto cursor = std::make_unique<AggregateCursor>();
    cursor->session = reinterpret_cast<AggregateVtab*>(base)->session;
    *out = &cursor.release()->base;
    return SQLITE_OK;
  });
}

int filterAggregate(sqlite3_vtab_cursor* base, int idx_num, const char*, int argc, sqlite3_value** argv) noexcept {
  auto* cursor = reinterpret_cast<AggregateCursor*>(base);
  SessionState& session = *cursor->session;
  return guardedVtabCall(base->pVtab, session, [&]() -> int {
    cursor->rows.clear();
    cursor->index = 0;
    if (idx_num != 1 || argc < 1) {
      throw Error(sqlstate::kGeneralError, "monday_aggregate is the driver's own table function; it needs a plan id.");
    }
    cursor->plan_id = sqlite3_value_int64(argv[0]);
    auto slot = session.aggregate_plans.find(cursor->plan_id);
    if (slot == session.aggregate_plans.end()) {
      throw Error(sqlstate::kGeneralError, "monday_aggregate: no aggregate plan " + std::to_string(cursor->plan_id) +
                                               " on this connection.");
    }
    AggregateSlot& pushed = slot->second;
    const schema::TableDef& table = *pushed.table;
    schema::TableReport* entry = nullptr;
    if (session.report.present) {
      entry = &session.report.tableEntry(table.schema, table.name);
      ++entry->scans;
    }
    schema::ScanContext context{*session.api, table, nullptr, &session.last_report};
    const client::ApiUsage before = session.api->usage();
    auto rows = pushed.plan.run(context);
    const client::ApiUsage after = session.api->usage();
    // The report entry may have moved while the plan ran (another table reported): find it again.
    if (session.report.present) entry = &session.report.tableEntry(table.schema, table.name);
    pushed.fell_back = !rows;
    if (entry) {
      entry->requests += after.requests - before.requests;
      entry->complexity += after.complexity - before.complexity;
      schema::addOnce(entry->methods, rows ? pushed.plan.description
                                           : pushed.plan.description + " (too many groups: read and aggregated locally)");
    }
    if (!rows) return SQLITE_OK;
    for (auto& row : *rows) row.resize(pushed.width);
    cursor->rows = std::move(*rows);
    if (entry) entry->rows += static_cast<long long>(cursor->rows.size());
    session.logger->write(log::Level::Debug, "plan",
                          "aggregate on " + table.schema + "." + table.name + " answered by monday: " +
                              pushed.plan.description + ", " + std::to_string(cursor->rows.size()) + " group(s)");
    return SQLITE_OK;
  });
}

int nextAggregate(sqlite3_vtab_cursor* base) noexcept {
  ++reinterpret_cast<AggregateCursor*>(base)->index;
  return SQLITE_OK;
}

int eofAggregate(sqlite3_vtab_cursor* base) noexcept {
  auto* cursor = reinterpret_cast<AggregateCursor*>(base);
  return cursor->index >= cursor->rows.size() ? 1 : 0;
}

int columnAggregate(sqlite3_vtab_cursor* base, sqlite3_context* context, int index) noexcept {
  auto* cursor = reinterpret_cast<AggregateCursor*>(base);
  return guardedVtabCall(base->pVtab, *cursor->session, [&] {
    if (index == kPlanIdColumn) {
      sqlite3_result_int64(context, cursor->plan_id);
      return SQLITE_OK;
    }
    const auto& row = cursor->rows.at(cursor->index);
    const auto position = static_cast<std::size_t>(index);
    if (position < row.size()) resultFromValue(context, row[position]);
    else sqlite3_result_null(context);
    return SQLITE_OK;
  });
}

int rowidAggregate(sqlite3_vtab_cursor* base, sqlite3_int64* out) noexcept {
  *out = static_cast<sqlite3_int64>(reinterpret_cast<AggregateCursor*>(base)->index) + 1;
  return SQLITE_OK;
}

sqlite3_module makeAggregateModule() {
  sqlite3_module module{};
  module.iVersion = 1;
  module.xCreate = nullptr;  // eponymous only
  module.xConnect = cCallback(connectAggregate);
  module.xBestIndex = cCallback(bestAggregateIndex);
  module.xDisconnect = cCallback(disconnectAggregate);
  module.xDestroy = cCallback(disconnectAggregate);
  module.xOpen = cCallback(openAggregate);
  module.xClose = cCallback(&closeCursorOf<AggregateCursor>);
  module.xFilter = cCallback(filterAggregate);
  module.xNext = cCallback(nextAggregate);
  module.xEof = cCallback(eofAggregate);
  module.xColumn = cCallback(columnAggregate);
  module.xRowid = cCallback(rowidAggregate);
  return module;
}

const sqlite3_module kAggregateModule = makeAggregateModule();

}  // namespace

std::optional<PushedAggregate> pushAggregate(SessionState& state, std::string_view sql, sqlite3_stmt* original) {
  if (!state.settings.aggregate_pushdown || !sqlite3_stmt_readonly(original)) return std::nullopt;
  return Rewriter(state, sql, sql::tokenize(sql)).run(original);
}

void forgetAggregate(SessionState& state, long long plan_id) { state.aggregate_plans.erase(plan_id); }

bool aggregateFellBack(const SessionState& state, long long plan_id) {
  auto slot = state.aggregate_plans.find(plan_id);
  return slot != state.aggregate_plans.end() && slot->second.fell_back;
}

void registerAggregateModule(SessionState& state) {
  if (sqlite3_create_module_v2(state.db, "monday_aggregate", &kAggregateModule, &state, nullptr) != SQLITE_OK) {
    throw Error(sqlstate::kGeneralError,
                std::string("Cannot register the aggregate table function: ") + sqlite3_errmsg(state.db));
  }
}

}  // namespace monday::engine
