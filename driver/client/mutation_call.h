#pragma once
// One GraphQL mutation call as the client sends it: the field, its arguments (each travelling as
// a variable, DESIGN decision 4) and the selection. Tables build these (schema/mutation.h names
// them schema::MutationCall); MutationBatch turns many into aliased requests.

#include <cstdint>
#include <optional>
#include <string>
#include <variant>
#include <vector>

namespace monday::client {

// A GraphQL argument value. IDs and JSON travel as strings (monday's JSON scalar takes a
// JSON-encoded string), enums as their name.
using ArgumentValue = std::variant<std::string, std::int64_t, double, bool>;

struct MutationArgument {
  std::string name;  // argument name, e.g. "board_id"
  std::string type;  // GraphQL type of the variable carrying it, e.g. "ID!", "JSON", "BoardKind!"
  ArgumentValue value;
};

// One mutation field invocation, e.g. create_item(board_id: …, item_name: …) { id }.
struct MutationCall {
  std::string field;
  std::vector<MutationArgument> arguments;  // every value travels as a variable
  std::string selection = "id";              // "" for fields returning a scalar (update_board)

  // The same change as one item of monday's asynchronous bulk jobs (bulk_delete_items,
  // bulk_archive_items), when it has one: a statement changing many items may send one job per
  // board instead of the calls (BulkJobThreshold; client/bulk_item_job.h).
  struct BulkForm {
    std::string job_field;  // bulk_delete_items / bulk_archive_items
    std::string board_id;
    std::string item_id;
  };
  std::optional<BulkForm> bulk;
};

}  // namespace monday::client
