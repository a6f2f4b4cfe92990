#pragma once
// One GraphQL mutation call as the client sends it: the field, its arguments (each travelling as
// a variable, DESIGN decision 4) and the selection. Tables build these (schema/mutation.h names
// them schema::MutationCall); MutationBatch turns many into aliased requests.

#include <cstdint>
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
};

}  // namespace monday::client
