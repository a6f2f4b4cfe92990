// ClearCache: empties the CacheTTL response cache of the connection's token, so the next reads ask
// monday again (after a change made elsewhere, in monday itself or by another tool).
#include "driver/client/api_client.h"
#include "procedures/procedure.h"

namespace monday::procedures {

ProcedureDef makeClearCacheProcedure() {
  ProcedureDef procedure;
  procedure.name = "ClearCache";
  procedure.description =
      "Empties the response cache (CacheTTL) of this connection's token: the next reads ask monday again. Returns "
      "how many answers were dropped. Changes nothing in monday.";
  procedure.mutating = false;
  procedure.results = {
      {"dropped_entries", DataType::BigInt, "Answers that were in the cache."},
  };
  procedure.run = [](ProcedureContext& context, const Arguments&) {
    const auto state = context.api.cacheState();
    const auto dropped = state ? static_cast<std::int64_t>(state->stats.entries) : 0;
    context.api.clearCache();
    return Rows{Row{Value{dropped}}};
  };
  return procedure;
}

}  // namespace monday::procedures
