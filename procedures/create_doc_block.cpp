// CreateDocBlock: adds one block (a paragraph, title, list item, code ...) to a workdoc; monday
// answers with the block, which DocBlocks lists from then on.
#include <algorithm>

#include "driver/common/error.h"
#include "procedures/graphql_call.h"

namespace monday::procedures {

namespace {

// monday's DocBlockContentType values. Checked here so a typo fails with a clear message (and
// nothing is sent) instead of as a GraphQL validation error about a variable.
constexpr std::string_view kBlockTypes[] = {
    "bulleted_list", "check_list", "code",          "divider",    "image", "large_title", "layout", "medium_title",
    "normal_text",   "notice_box", "numbered_list", "page_break", "quote", "small_title", "table",  "video",
};

// The enum's own spelling (normal_text) or the one DocBlocks.type shows (normal text), so a type
// read from a block can be written back as it is.
std::string blockType(const Arguments& arguments) {
  const std::string given = arguments.requiredText("BlockType");
  std::string underscored = given;
  std::replace(underscored.begin(), underscored.end(), ' ', '_');
  for (std::string_view type : kBlockTypes) {
    if (sameName(underscored, type)) return std::string(type);
  }
  throw Error(sqlstate::kInvalidCharacterValue,
              "CreateDocBlock: BlockType '" + given +
                  "' is not a monday doc block type (normal_text, large_title, medium_title, small_title, "
                  "bulleted_list, numbered_list, check_list, quote, code, divider, notice_box, table, layout, "
                  "image, video, page_break).");
}

}  // namespace

ProcedureDef makeCreateDocBlockProcedure() {
  ProcedureDef procedure;
  procedure.name = "CreateDocBlock";
  procedure.description = "Adds a block to a workdoc: first in the doc unless AfterBlockId or ParentBlockId place it. "
                          "It appears in DocBlocks. Returns the new block.";
  procedure.mutating = true;
  procedure.parameters = {
      {"DocId", DataType::BigInt, true, {}, "The doc to add the block to (Docs.id, not its object_id)."},
      {"BlockType", DataType::Varchar, true, {},
       "monday's block type: normal_text, large_title, medium_title, small_title, bulleted_list, numbered_list, "
       "check_list, quote, code, divider ... (the spelling DocBlocks.type shows, 'normal text', works too)."},
      {"Content", DataType::LongVarchar, true, {},
       "The block's content as a JSON object, e.g. {\"deltaFormat\": [{\"insert\": \"Hello\"}]} for text."},
      {"AfterBlockId", DataType::Varchar, false, {}, "The block to place it after (DocBlocks.id)."},
      {"ParentBlockId", DataType::Varchar, false, {}, "The block to place it in (a table or layout cell)."},
  };
  // Named apart from the parameters (BlockType, Content): a procedure's result columns and its
  // parameters share one virtual table, whose column names SQLite compares without case.
  procedure.results = {
      {"block_id", DataType::Varchar, "The new block's id.", 64},
      {"doc_id", DataType::BigInt, "The doc it is in (Docs.id)."},
      {"block_type", DataType::Varchar, "Its type as monday answers it (normal text, large title ...).", 64},
      {"parent_block_id", DataType::Varchar, "The block containing it; NULL at the top level.", 64},
      {"position", DataType::Double, "Its position in the doc."},
      {"block_content", DataType::LongVarchar, "Its content as JSON."},
      {"created_by_id", DataType::BigInt, "The user who created it."},
      {"created_at", DataType::Timestamp, "When it was created (UTC)."},
  };
  procedure.run = [](ProcedureContext& context, const Arguments& arguments) {
    static const std::string kDocument =
        "mutation CreateDocBlock($doc: ID!, $type: DocBlockContentType!, $content: JSON!, $after: String, "
        "$parent: String) { create_doc_block(doc_id: $doc, type: $type, content: $content, after_block_id: $after, "
        "parent_block_id: $parent) { id doc_id type parent_block_id position content created_by { id } created_at } }";
    Variables variables;
    variables.set("doc", arguments.requiredId("DocId"))
        .set("type", blockType(arguments))
        .setIfGiven("content",
                    jsonObjectArgument(arguments, "Content", R"({"deltaFormat": [{"insert": "Hello"}]})"))
        .setIfGiven("after", arguments.text("AfterBlockId"))
        .setIfGiven("parent", arguments.text("ParentBlockId"));
    return mutateOneRow(context, "CreateDocBlock", kDocument, variables, "create_doc_block",
                        {{"id", schema::Decode::Text},
                         {"doc_id", schema::Decode::Id},
                         {"type", schema::Decode::Text},
                         {"parent_block_id", schema::Decode::Text},
                         {"position", schema::Decode::Real},
                         {"content", schema::Decode::Json},
                         {"created_by.id", schema::Decode::Id},
                         {"created_at", schema::Decode::Timestamp}});
  };
  return procedure;
}

}  // namespace monday::procedures
