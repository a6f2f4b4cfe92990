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
      {"enabled", DataType::Bit, "enabled", Decode::Boolean, "1 when CacheTTL > 0.", 0, false},
      {"ttl_seconds", DataType::Integer, "ttl_seconds", Decode::Integer, "CacheTTL.", 0, false},
      {"max_bytes", DataType::BigInt, "max_bytes", Decode::Integer, "CacheMaxMB in bytes.", 0, false},
      {"entries", DataType::BigInt, "entries", Decode::Integer, "Answers kept now.", 0, false},
      {"bytes", DataType::BigInt, "bytes", Decode::Integer, "Memory they use.", 0, false},
      {"hits", DataType::BigInt, "hits", Decode::Integer, "Requests answered from the cache.", 0, false},
      {"misses", DataType::BigInt, "misses", Decode::Integer, "Requests that went to monday.", 0, false},
      {"evictions", DataType::BigInt, "evictions", Decode::Integer,
       "Answers dropped because they were older than the TTL or for room.", 0, false},
      {"invalidations", DataType::BigInt, "invalidations", Decode::Integer,
       "Times a write or ClearCache emptied the cache.", 0, false},
  };
  table.scan = scanCache;
  table.estimate = [](const ScanShape&) { return localScanEstimate(1); };
  return table;
}

}  // namespace monday::schema
