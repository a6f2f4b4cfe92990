#include "schema/paging/per_object_fields.h"

#include <deque>

#include "driver/client/api_client.h"

namespace monday::schema {

namespace {

class PerObjectSource final : public RowSource {
 public:
  PerObjectSource(ScanContext& context, PerObjectField field, std::vector<std::string> ids,
                  std::optional<ObjectPager> listing)
      : context_(context), field_(std::move(field)), listing_(std::move(listing)) {
    for (auto& id : ids) pending_.push_back({std::move(id), ""});
  }

  const RowView* next() override {
    for (;;) {
      if (index_ < page_.rows.size()) return &page_.rows[index_++];
      page_ = Page{};
      index_ = 0;
      fillFromListing();
      if (pending_.empty()) return nullptr;
      fetchBatch();
    }
  }

 private:
  // Lists only as far as one batch needs: a LIMIT stops the listing early too.
  void fillFromListing() {
    while (pending_.size() < field_.per_request && listing_) {
      auto objects = (*listing_)();
      if (!objects) {
        listing_.reset();
        return;
      }
      for (const auto* object : objects->objects) {
        auto id = object->FindMember("id");
        if (id != object->MemberEnd() && id->value.IsString()) pending_.push_back({id->value.GetString(), ""});
      }
    }
  }

  void fetchBatch() {
    std::vector<PerObjectCall> batch;
    while (!pending_.empty() && batch.size() < field_.per_request) {
      batch.push_back(std::move(pending_.front()));
      pending_.pop_front();
    }
    RequestVariables variables;
    std::string fields;
    for (std::size_t i = 0; i < batch.size(); ++i) {
      fields += field_.field(batch[i], "a" + std::to_string(i), variables) + " ";
    }
    page_.document = std::make_shared<rapidjson::Document>(context_.api.query(
        "query " + field_.operation + "(" + variables.declarations() + ") { " + fields + "}", variables.values()));
    // Every answer lives in the document (rows point into it): a missing alias or data becomes
    // null members first, all of them before any row is taken, as adding a member moves the others.
    auto& document = *page_.document;
    auto& allocator = document.GetAllocator();
    if (!document.IsObject()) document.SetObject();
    if (!document.HasMember("data")) document.AddMember("data", rapidjson::Value(rapidjson::kObjectType), allocator);
    rapidjson::Value& data = document["data"];
    if (!data.IsObject()) data.SetObject();
    for (std::size_t i = 0; i < batch.size(); ++i) {
      const std::string alias = "a" + std::to_string(i);
      if (!data.HasMember(alias.c_str())) {
        data.AddMember(rapidjson::Value(alias.c_str(), allocator), rapidjson::Value(), allocator);
      }
    }
    for (std::size_t i = 0; i < batch.size(); ++i) {
      rapidjson::Value& answer = data[("a" + std::to_string(i)).c_str()];
      if (auto follow_up = field_.read(batch[i], answer, page_, allocator)) pending_.push_back(std::move(*follow_up));
    }
  }

  ScanContext context_;
  PerObjectField field_;
  std::optional<ObjectPager> listing_;
  std::deque<PerObjectCall> pending_;
  Page page_;
  std::size_t index_ = 0;
};

}  // namespace

std::unique_ptr<RowSource> scanPerObject(ScanContext& context, PerObjectField field, std::vector<std::string> ids,
                                         std::optional<ObjectPager> listing) {
  return std::make_unique<PerObjectSource>(context, std::move(field), std::move(ids), std::move(listing));
}

rapidjson::Value* arrayIn(rapidjson::Value& object, const char* field) {
  if (!object.IsObject()) return nullptr;
  auto found = object.FindMember(field);
  return found != object.MemberEnd() && found->value.IsArray() ? &found->value : nullptr;
}

std::string RequestVariables::declare(const std::string& name, const std::string& type) {
  declarations_ += (declarations_.empty() ? "$" : ", $") + name + ": " + type;
  return "$" + name;
}

std::string RequestVariables::add(const std::string& name, const std::string& type, const std::string& value) {
  auto& allocator = values_.GetAllocator();
  values_.AddMember(rapidjson::Value(name.c_str(), allocator), rapidjson::Value(value.c_str(), allocator), allocator);
  return declare(name, type);
}

std::string RequestVariables::add(const std::string& name, const std::string& type, int value) {
  auto& allocator = values_.GetAllocator();
  values_.AddMember(rapidjson::Value(name.c_str(), allocator), rapidjson::Value(value), allocator);
  return declare(name, type);
}

}  // namespace monday::schema
