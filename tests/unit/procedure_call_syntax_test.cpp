// EXEC / EXECUTE / CALL / {call} → SELECT over the procedure's table-valued function: every call
// form, named and positional arguments, quoting, comments, and the errors a person sees.

#include "procedures/call_syntax.h"

#include <gtest/gtest.h>

#include "driver/common/error.h"

namespace monday::procedures {
namespace {

std::string rewritten(std::string_view sql) {
  auto select = rewriteCall(sql);
  EXPECT_TRUE(select.has_value()) << sql;
  return select.value_or("");
}

Error errorOf(std::string_view sql) {
  try {
    rewriteCall(sql);
  } catch (const Error& error) {
    return error;
  }
  ADD_FAILURE() << "no error for " << sql;
  return Error("00000", "");
}

TEST(ProcedureCallSyntax, OtherStatementsAreNotCalls) {
  EXPECT_FALSE(rewriteCall("SELECT * FROM Items").has_value());
  EXPECT_FALSE(rewriteCall("  select 'EXEC ArchiveItem 1'").has_value());
  EXPECT_FALSE(rewriteCall("INSERT INTO Items(name) VALUES ('CALL x')").has_value());
  EXPECT_FALSE(rewriteCall("EXECUTED").has_value());
  EXPECT_FALSE(rewriteCall("{fn NOW()}").has_value());
  EXPECT_FALSE(rewriteCall("").has_value());
}

TEST(ProcedureCallSyntax, EveryFormBecomesTheSameSelect) {
  const std::string expected = "SELECT * FROM \"monday\".\"DuplicateItem\"(123, 1)";
  EXPECT_EQ(rewritten("EXEC DuplicateItem 123, 1"), expected);
  EXPECT_EQ(rewritten("execute duplicateitem 123, 1;"), expected);
  EXPECT_EQ(rewritten("EXEC DuplicateItem(123, 1)"), expected);
  EXPECT_EQ(rewritten("CALL DuplicateItem(123, 1)"), expected);
  EXPECT_EQ(rewritten("{call DuplicateItem(123, 1)}"), expected);
  EXPECT_EQ(rewritten("  { CALL monday.DuplicateItem ( 123, 1 ) } ; "), expected);
  EXPECT_EQ(rewritten("EXEC \"DuplicateItem\" 123, 1"), expected);
  EXPECT_EQ(rewritten("EXEC [monday].[DuplicateItem] 123, 1"), expected);
  EXPECT_EQ(rewritten("/* copy */ EXEC DuplicateItem 123, 1 -- and its values"), expected);
}

TEST(ProcedureCallSyntax, NoArgumentsMeansNoParentheses) {
  EXPECT_EQ(rewritten("{call ArchiveItem}"), "SELECT * FROM \"monday\".\"ArchiveItem\"");
  EXPECT_EQ(rewritten("CALL ArchiveItem()"), "SELECT * FROM \"monday\".\"ArchiveItem\"");
  EXPECT_EQ(rewritten("EXEC ArchiveItem"), "SELECT * FROM \"monday\".\"ArchiveItem\"");
}

TEST(ProcedureCallSyntax, MarkersAndLiteralsPassThroughUntouched) {
  EXPECT_EQ(rewritten("{call MoveItemToGroup(?, ?)}"), "SELECT * FROM \"monday\".\"MoveItemToGroup\"(?, ?)");
  EXPECT_EQ(rewritten("EXEC MoveItemToGroup 1, 'a, b (c)'''"),
            "SELECT * FROM \"monday\".\"MoveItemToGroup\"(1, 'a, b (c)''')");
  EXPECT_EQ(rewritten("CALL MoveItemToGroup(abs(-5), lower('X'))"),
            "SELECT * FROM \"monday\".\"MoveItemToGroup\"(abs(-5), lower('X'))");
}

TEST(ProcedureCallSyntax, OmittedPositionalArgumentsAreNull) {
  EXPECT_EQ(rewritten("{call DuplicateItem(5,,1)}"), "SELECT * FROM \"monday\".\"DuplicateItem\"(5, NULL, 1)");
}

TEST(ProcedureCallSyntax, NamedArgumentsKeepTheirTextualOrder) {
  // The markers stay in the order the application binds them.
  EXPECT_EQ(rewritten("EXEC DuplicateItem @WithUpdates = ?, @itemid = ?"),
            "SELECT * FROM \"monday\".\"DuplicateItem\" WHERE \"WithUpdates\" = ? AND \"ItemId\" = ?");
  EXPECT_EQ(rewritten("CALL DuplicateItem(7, WithUpdates => 1)"),
            "SELECT * FROM \"monday\".\"DuplicateItem\"(7) WHERE \"WithUpdates\" = 1");
  EXPECT_EQ(rewritten("EXEC MoveItemToGroup @ItemId=1,@GroupId='x = y'"),
            "SELECT * FROM \"monday\".\"MoveItemToGroup\" WHERE \"ItemId\" = 1 AND \"GroupId\" = 'x = y'");
}

TEST(ProcedureCallSyntax, ParsedCallKeepsSchemaAndReturnValue) {
  auto call = parseCall("{? = call monday.ArchiveItem(1)}");
  ASSERT_TRUE(call);
  EXPECT_EQ(call->schema, "monday");
  EXPECT_EQ(call->name, "ArchiveItem");
  EXPECT_TRUE(call->return_value);
  ASSERT_EQ(call->positional.size(), 1u);
  EXPECT_EQ(call->positional[0], "1");
}

TEST(ProcedureCallSyntax, UnknownProcedureNamesTheOnesThatExist) {
  const Error error = errorOf("EXEC NoSuchThing 1");
  EXPECT_EQ(error.state(), "42000");
  EXPECT_NE(error.message().find("Procedure NoSuchThing does not exist"), std::string::npos);
  EXPECT_NE(error.message().find("DuplicateItem"), std::string::npos);
  EXPECT_EQ(errorOf("CALL other.ArchiveItem(1)").state(), "42000");
}

TEST(ProcedureCallSyntax, ArgumentMistakesAreExplained) {
  const Error too_many = errorOf("CALL ArchiveItem(1, 2)");
  EXPECT_EQ(too_many.state(), "42000");
  EXPECT_NE(too_many.message().find("at most 1 argument (ItemId BIGINT)"), std::string::npos) << too_many.message();

  const Error unknown = errorOf("EXEC ArchiveItem @Item = 1");
  EXPECT_NE(unknown.message().find("has no parameter @Item"), std::string::npos) << unknown.message();

  const Error twice = errorOf("EXEC ArchiveItem 1, @ItemId = 2");
  EXPECT_NE(twice.message().find("given twice"), std::string::npos) << twice.message();

  const Error order = errorOf("EXEC DuplicateItem @ItemId = 1, 2");
  EXPECT_NE(order.message().find("positional arguments must come before named ones"), std::string::npos);

  EXPECT_EQ(errorOf("EXEC ArchiveItem @ItemId").state(), "42000");
  EXPECT_EQ(errorOf("CALL ArchiveItem(1").state(), "42000");
  EXPECT_EQ(errorOf("{call ArchiveItem(1)").state(), "42000");
  EXPECT_EQ(errorOf("CALL ArchiveItem(1) AND more").state(), "42000");
  EXPECT_EQ(errorOf("EXEC ArchiveItem 'open").state(), "42000");
}

TEST(ProcedureCallSyntax, ReturnValueCallsAreRefusedWithAHint) {
  const Error error = errorOf("{? = call ArchiveItem(?)}");
  EXPECT_EQ(error.state(), "HYC00");
  EXPECT_NE(error.message().find("{call ArchiveItem(...)}"), std::string::npos) << error.message();
  EXPECT_EQ(errorOf("EXEC @status = ArchiveItem 1").state(), "HYC00");
}

TEST(ProcedureCallSyntax, ReadsTheStatementThroughTheSharedLexer) {
  // Comments anywhere, even one that never closes, are blanks; a quote inside a comment is no quote.
  EXPECT_EQ(rewritten("CALL MoveItemToGroup(1 /* the item */, 'g' -- group\n)"),
            "SELECT * FROM \"monday\".\"MoveItemToGroup\"(1, 'g')");
  EXPECT_EQ(rewritten("EXEC ArchiveItem 7 /* it's done"), "SELECT * FROM \"monday\".\"ArchiveItem\"(7)");
  // A statement that is no call is not judged by the call syntax, quotes that never close included.
  EXPECT_FALSE(rewriteCall("SELECT 'open").has_value());
  EXPECT_FALSE(rewriteCall("{fn CONCAT('a', 'b')}").has_value());
  // Brackets and backticks quote names as SQLite reads them.
  EXPECT_EQ(rewritten("EXEC `ArchiveItem` @ItemId = 3"),
            "SELECT * FROM \"monday\".\"ArchiveItem\" WHERE \"ItemId\" = 3");
}

}  // namespace
}  // namespace monday::procedures
