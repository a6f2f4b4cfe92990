// DocMarkdown: each doc exported as Markdown (export_markdown_from_doc, one doc per field).
#include <cmath>

#include "schema/paging/per_object_fields.h"
#include "schema/registry.h"

namespace monday::schema {

namespace {

constexpr std::size_t kDocsPerRequest = 10;

// An export that did not succeed keeps its row, with monday's error and no Markdown: the table
// never shows an empty document for one it could not read.
PerObjectField markdownOfDocs() {
  return {.operation = "DocMarkdown",
          .per_request = kDocsPerRequest,
          .field =
              [](const PerObjectCall& call, const std::string& alias, RequestVariables& variables) {
                return alias + ": export_markdown_from_doc(docId: " + variables.add(alias, "ID!", call.id) +
                       ") { success markdown error }";
              },
          .read = [](const PerObjectCall& call, rapidjson::Value& answer, Page& page,
                     rapidjson::Document::AllocatorType& allocator) -> std::optional<PerObjectCall> {
            if (!answer.IsObject()) return std::nullopt;
            answer.AddMember("@doc_id", rapidjson::Value(call.id.c_str(), allocator), allocator);
            page.rows.push_back({&answer, nullptr});
            return std::nullopt;
          }};
}

}  // namespace

TableDef makeDocMarkdownTable() {
  TableDef table;
  table.name = "DocMarkdown";
  table.description =
      "Each doc as Markdown (export_markdown_from_doc): one row per doc, for search, diffing or loading elsewhere. "
      "Filter by doc_id to export only those docs.";
  table.columns = {
      {.name = "doc_id", .type = DataType::BigInt, .path = "@doc_id", .decode = Decode::Id,
       .description = "The doc (Docs.id).", .nullable = false},
      {.name = "markdown", .type = DataType::LongVarchar,
       .description = "The whole doc as Markdown; NULL when the export failed."},
      {.name = "success", .type = DataType::Bit, .decode = Decode::Boolean,
       .description = "Whether monday exported the doc.", .nullable = false},
      {.name = "error", .description = "Why the export failed, when it did.", .size = 1024},
  };
  table.keys = {{"doc_id", true}};
  table.primary_key = {"doc_id"};
  table.foreign_keys = {{{"doc_id"}, "Docs", {"id"}}};
  table.scan = [](ScanContext& context, const ScanRequest& request) -> std::unique_ptr<RowSource> {
    if (auto docs = constrainedIds(request, "doc_id")) {
      if (docs->empty()) return emptySource();
      return scanPerObject(context, markdownOfDocs(), std::move(*docs));
    }
    return scanPerObject(context, markdownOfDocs(), {},
                         rootObjects(context, {.operation = "DocMarkdownDocs", .field = "docs", .selection = "id",
                                               .page_size = 100}));
  };
  table.estimate = [](const ScanShape& shape) -> ScanEstimate {
    for (std::size_t i = 0; i < shape.constrained.size(); ++i) {
      if (shape.constrained[i] == "doc_id") {
        const double docs = static_cast<double>(shape.in_list_sizes[i]);
        return {docs, std::ceil(docs / kDocsPerRequest)};
      }
    }
    return {50, 1 + std::ceil(50.0 / kDocsPerRequest)};
  };
  return table;
}

}  // namespace monday::schema
