// The procedure registry: every definition is complete and usable as a table-valued function
// (unique names, no parameter named like a result column, descriptions everywhere), and
// arguments convert to the parameters' types with messages that name the parameter.

#include "procedures/registry.h"

#include <gtest/gtest.h>

#include <set>

#include "driver/common/error.h"

namespace monday::procedures {
namespace {

std::string lowered(std::string s) {
  for (auto& c : s) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  return s;
}

TEST(ProcedureRegistry, HasEveryDataProcedureInNameOrder) {
  std::vector<std::string> names;
  for (const auto& procedure : allProcedures()) names.push_back(procedure->name);
  for (const char* wanted : {"AddFileToColumn", "AddFileToUpdate", "ArchiveBoard", "ArchiveGroup", "ArchiveItem",
                             "CreateNotification", "DownloadAsset", "DuplicateBoard", "DuplicateGroup",
                             "DuplicateItem", "ExecuteGraphQL", "MoveItemToBoard", "MoveItemToGroup", "LikeUpdate",
                             "UnlikeUpdate", "PinUpdate", "UnpinUpdate", "ClearItemUpdates", "CreateColumn",
                             "DeleteColumn", "ChangeColumnMetadata", "GetAccount", "CreateDocBlock",
                             "AddContentToDocFromMarkdown", "DuplicateDoc", "CreateDocBoard"}) {
    EXPECT_NE(std::find(names.begin(), names.end(), wanted), names.end()) << wanted;
  }
  for (std::size_t i = 1; i < names.size(); ++i) EXPECT_LT(lowered(names[i - 1]), lowered(names[i]));
}

TEST(ProcedureRegistry, DefinitionsAreCompleteAndCannotClash) {
  std::set<std::string> procedure_names;
  for (const auto& procedure : allProcedures()) {
    SCOPED_TRACE(procedure->name);
    EXPECT_TRUE(procedure_names.insert(lowered(procedure->name)).second) << "duplicate name";
    EXPECT_FALSE(procedure->description.empty());
    EXPECT_TRUE(procedure->run);
    EXPECT_FALSE(procedure->results.empty());
    EXPECT_LE(procedure->parameters.size(), 30u);  // idxNum bit set in the engine
    // Parameters and result columns share one virtual table: SQLite compares names without case.
    std::set<std::string> columns;
    for (const auto& column : procedure->results) {
      EXPECT_TRUE(columns.insert(lowered(column.name)).second) << column.name;
      EXPECT_FALSE(column.description.empty()) << column.name;
    }
    for (const auto& parameter : procedure->parameters) {
      EXPECT_TRUE(columns.insert(lowered(parameter.name)).second) << parameter.name;
      EXPECT_FALSE(parameter.description.empty()) << parameter.name;
    }
  }
}

TEST(ProcedureRegistry, FindIgnoresCase) {
  ASSERT_NE(findProcedure("duplicateitem"), nullptr);
  EXPECT_EQ(findProcedure("DUPLICATEITEM")->name, "DuplicateItem");
  EXPECT_EQ(findProcedure("Duplicate"), nullptr);
}

TEST(ProcedureArguments, ConvertToTheParameterTypes) {
  const auto procedure = findProcedure("DuplicateItem");
  Arguments arguments(*procedure, {std::string(" 42 "), std::monostate{}, std::string("true")});
  EXPECT_EQ(arguments.id("ItemId"), "42");
  EXPECT_FALSE(arguments.given("BoardId"));
  EXPECT_EQ(arguments.id("BoardId"), std::nullopt);
  EXPECT_EQ(arguments.boolean("WithUpdates"), true);

  Arguments defaults(*procedure, {std::int64_t{7}});
  EXPECT_EQ(defaults.boolean("WithUpdates"), false);  // the declared default
  EXPECT_EQ(defaults.id("ItemId"), "7");
  EXPECT_EQ(Arguments(*procedure, {7.0}).id("ItemId"), "7");
}

TEST(ProcedureArguments, BadValuesNameTheProcedureAndParameter) {
  const auto procedure = findProcedure("DuplicateItem");
  try {
    Arguments(*procedure, {std::string("abc")}).id("ItemId");
    FAIL();
  } catch (const Error& error) {
    EXPECT_EQ(error.state(), "22018");
    EXPECT_EQ(error.message(), "DuplicateItem: parameter ItemId expects a monday id (a whole number); got 'abc'.");
  }
  EXPECT_THROW(Arguments(*procedure, {std::int64_t{1}, std::monostate{}, std::string("maybe")}).boolean("WithUpdates"),
               Error);
  EXPECT_THROW(Arguments(*procedure, {1.5}).id("ItemId"), Error);
  EXPECT_THROW(Arguments(*procedure, {std::int64_t{-3}}).id("ItemId"), Error);
}

}  // namespace
}  // namespace monday::procedures
