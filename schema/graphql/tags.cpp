// Tags: the account's public tags.
#include "schema/paging/api_scan.h"
#include "schema/registry.h"

namespace monday::schema {

namespace {

// tags() takes ids but no limit/page: one request returns every public tag.
const RootList kTags{.operation = "Tags", .field = "tags", .page_size = 0, .ids_per_request = 100};

// Tags: INSERT = create_or_get_tag (an existing tag of that name is reused, not duplicated).
TableWrites tagsWrites() {
  TableWrites writes;
  writes.insert_columns = {"name"};
  writes.insert = [](const RowValues& row) -> std::vector<MutationCall> {
    row.require("name", "INSERT into Tags");
    return {{"create_or_get_tag", {stringArgument("tag_name", row.text("name"), false)}}};
  };
  writes.insert_summary = "creates a public tag (create_or_get_tag); when a tag of that name exists, nothing changes.";
  return writes;
}

}  // namespace

TableDef makeTagsTable() {
  TableDef table;
  table.name = "Tags";
  table.description = "The account's public tags (tags of private or shareable boards are not listed by monday).";
  table.columns = {
      {.name = "id", .type = DataType::BigInt, .decode = Decode::Id, .description = "Tag id.", .nullable = false},
      {.name = "name", .description = "Tag name.", .nullable = false},
      {.name = "color", .description = "Tag colour (hex).", .size = 16},
  };
  table.keys = {{"id", true}};
  table.primary_key = {"id"};
  table.scan = [](ScanContext& context, const ScanRequest& request) { return scanRootList(context, request, kTags); };
  table.estimate = [](const ScanShape& shape) { return estimateRootList(shape, kTags, 50); };
  table.writes = tagsWrites();
  return table;
}

}  // namespace monday::schema
