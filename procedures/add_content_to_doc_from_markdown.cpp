// AddContentToDocFromMarkdown: monday turns markdown into doc blocks (titles, lists, paragraphs
// ...) and adds them to a workdoc. Its answer says whether that worked and names the new blocks.
#include <algorithm>
#include <cctype>

#include "driver/common/error.h"
#include "procedures/graphql_call.h"

namespace monday::procedures {

namespace {

// Blank markdown makes no block; refused here so the call fails clearly and nothing is sent.
std::string markdown(const Arguments& arguments) {
  std::string text = arguments.requiredText("Markdown");
  if (std::all_of(text.begin(), text.end(), [](unsigned char c) { return std::isspace(c); })) {
    throw Error(sqlstate::kInvalidCharacterValue,
                "AddContentToDocFromMarkdown: Markdown is empty; give the text to add, e.g. '# Title'.");
  }
  return text;
}

}  // namespace

ProcedureDef makeAddContentToDocFromMarkdownProcedure() {
  ProcedureDef procedure;
  procedure.name = "AddContentToDocFromMarkdown";
  procedure.description = "Adds markdown to a workdoc as blocks (titles, lists, paragraphs ...): at the end, or after "
                          "AfterBlockId. They appear in DocBlocks. Returns whether it worked (success = 0 with "
                          "monday's error otherwise) and the new blocks' ids.";
  procedure.mutating = true;
  procedure.parameters = {
      {"DocId", DataType::BigInt, true, {}, "The doc to add to (Docs.id, not its object_id)."},
      {"Markdown", DataType::LongVarchar, true, {}, "The markdown to add."},
      {"AfterBlockId", DataType::Varchar, false, {}, "The block to add it after (DocBlocks.id); the end when omitted."},
  };
  procedure.results = {
      {"success", DataType::Bit, "1 when monday added the content."},
      {"block_ids", DataType::LongVarchar, "The new blocks' ids in document order, as a JSON array."},
      {"error", DataType::Varchar, "monday's message when success is 0; NULL otherwise.", 1024},
  };
  procedure.run = [](ProcedureContext& context, const Arguments& arguments) {
    static const std::string kDocument =
        "mutation AddContentToDocFromMarkdown($doc: ID!, $markdown: String!, $after: String) { "
        "add_content_to_doc_from_markdown(docId: $doc, markdown: $markdown, afterBlockId: $after) { success "
        "block_ids error } }";
    Variables variables;
    variables.set("doc", arguments.requiredId("DocId"))
        .set("markdown", markdown(arguments))
        .setIfGiven("after", arguments.text("AfterBlockId"));
    return mutateOneRow(context, "AddContentToDocFromMarkdown", kDocument, variables,
                        "add_content_to_doc_from_markdown",
                        {{"success", schema::Decode::Boolean},
                         {"block_ids", schema::Decode::Json},
                         {"error", schema::Decode::Text}});
  };
  return procedure;
}

}  // namespace monday::procedures
