// sys.sys_cache: the CacheTTL response cache of this connection's token, one row. Local; reading
// it costs no API call.
#include <rapidjson/document.h>

#include "driver/client/api_client.h"
#include "schema/registry.h"
#include "schema/system/system_table.h"

namespace monday::schema {

namespace {

std::unique_ptr<RowSource> scanCache(ScanContext& context, const ScanRequest&) {
  auto rows = std::make_shared<rapidjson::Document>(rapidjson::kArrayType);
  auto& allocator = rows->GetAllocator();
  rapidjson::Value row(rapidjson::kObjectType);
  const auto state = context.api.cacheState();
  const client::ResponseCache::Stats stats = state ? state->stats : client::ResponseCache::Stats{};
  auto put = [&](const char* name, std::int64_t value) {
    row.AddMember(rapidjson::StringRef(name), rapidjson::Value(value), allocator);
  };
  row.AddMember("enabled", rapidjson::Value(state.has_value()), allocator);
  put("ttl_seconds", state ? state->ttl.count() : 0);
  put("max_bytes", state ? static_cast<std::int64_t>(state->max_bytes) : 0);
  put("entries", static_cast<std::int64_t>(stats.entries));
  put("bytes", static_cast<std::int64_t>(stats.bytes));
  put("hits", stats.hits);
  put("misses", stats.misses);
  put("evictions", stats.evictions);
  put("invalidations", stats.invalidations);
  rows->PushBack(row, allocator);
  return documentRows(std::move(rows));
}

}  // namespace

TableDef makeCacheTable() {
  TableDef table;
  table.name = "sys_cache";
  table.schema = std::string(kSystemSchema);
  table.description =
      "The response cache (CacheTTL): answers of reads reused for identical requests within the TTL, shared "
      "by the connections of this process with the same token. Local; reading it costs no API call. EXEC "
      "ClearCache empties it.";
  table.columns = {
      {.name = "enabled", .type = DataType::Bit, .decode = Decode::Boolean, .description = "1 when CacheTTL > 0.",
       .nullable = false},
      {.name = "ttl_seconds", .type = DataType::Integer, .decode = Decode::Integer, .description = "CacheTTL.",
       .nullable = false},
      {.name = "max_bytes", .type = DataType::BigInt, .decode = Decode::Integer,
       .description = "CacheMaxMB in bytes.", .nullable = false},
      {.name = "entries", .type = DataType::BigInt, .decode = Decode::Integer, .description = "Answers kept now.",
       .nullable = false},
      {.name = "bytes", .type = DataType::BigInt, .decode = Decode::Integer, .description = "Memory they use.",
       .nullable = false},
      {.name = "hits", .type = DataType::BigInt, .decode = Decode::Integer,
       .description = "Requests answered from the cache.", .nullable = false},
      {.name = "misses", .type = DataType::BigInt, .decode = Decode::Integer,
       .description = "Requests that went to monday.", .nullable = false},
      {.name = "evictions", .type = DataType::BigInt, .decode = Decode::Integer,
       .description = "Answers dropped because they were older than the TTL or for room.", .nullable = false},
      {.name = "invalidations", .type = DataType::BigInt, .decode = Decode::Integer,
       .description = "Times a write or ClearCache emptied the cache.", .nullable = false},
  };
  table.scan = scanCache;
  table.estimate = [](const ScanShape&) { return localScanEstimate(1); };
  return table;
}

}  // namespace monday::schema
