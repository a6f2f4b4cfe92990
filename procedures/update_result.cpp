#include "procedures/update_result.h"

namespace monday::procedures {

std::vector<ResultColumnDef> updateResultColumns() {
  return {
      {"update_id", DataType::BigInt, "The update's id."},
      {"item_id", DataType::BigInt, "The item the update was posted on."},
      {"text_body", DataType::Varchar, "The update's text, without HTML."},
      {"likes", DataType::Varchar,
       "Its likes now, as a JSON array of {\"creator_id\", \"reaction_type\"} (the user who reacted, and how)."},
      {"pinned_to_top", DataType::Varchar,
       "The items it is pinned to the top of now, as a JSON array of {\"item_id\"}; [] when not pinned."},
  };
}

const std::vector<JsonField>& updateFields() {
  static const std::vector<JsonField> fields = {{"id", schema::Decode::Id},
                                                {"item_id", schema::Decode::Id},
                                                {"text_body", schema::Decode::Text},
                                                {"likes", schema::Decode::Json},
                                                {"pinned_to_top", schema::Decode::Json}};
  return fields;
}

}  // namespace monday::procedures
