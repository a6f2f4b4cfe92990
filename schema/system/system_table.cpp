#include "schema/system/system_table.h"

#include <vector>

namespace monday::schema {

namespace {

class DocumentRows final : public RowSource {
 public:
  explicit DocumentRows(std::shared_ptr<const rapidjson::Document> rows) : document_(std::move(rows)) {
    if (!document_ || !document_->IsArray()) return;
    for (const auto& row : document_->GetArray()) {
      if (row.IsObject()) views_.push_back(RowView{&row, nullptr});
    }
  }

  const RowView* next() override { return index_ < views_.size() ? &views_[index_++] : nullptr; }

 private:
  std::shared_ptr<const rapidjson::Document> document_;  // keeps the rows' JSON alive
  std::vector<RowView> views_;
  std::size_t index_ = 0;
};

}  // namespace

std::unique_ptr<RowSource> documentRows(std::shared_ptr<const rapidjson::Document> rows) {
  return std::make_unique<DocumentRows>(std::move(rows));
}

ScanEstimate localScanEstimate(double rows) { return ScanEstimate{.rows = rows, .requests = 0}; }

}  // namespace monday::schema
