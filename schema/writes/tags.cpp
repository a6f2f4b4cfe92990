// Tags: INSERT = create_or_get_tag (an existing tag of that name is reused, not duplicated).
#include "schema/writes/writes.h"

namespace monday::schema {

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

}  // namespace monday::schema
