#include "procedures/registry.h"

#include <algorithm>
#include <cctype>

namespace monday::procedures {

#define PROCEDURE(Name) ProcedureDef make##Name##Procedure();
#include "procedures/procedure_list.h"
#undef PROCEDURE

namespace {

std::string lowered(std::string_view s) {
  std::string out(s);
  for (auto& c : out) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  return out;
}

}  // namespace

const std::vector<std::shared_ptr<const ProcedureDef>>& allProcedures() {
  static const std::vector<std::shared_ptr<const ProcedureDef>> procedures = [] {
    std::vector<std::shared_ptr<const ProcedureDef>> list;
#define PROCEDURE(Name) list.push_back(std::make_shared<const ProcedureDef>(make##Name##Procedure()));
#include "procedures/procedure_list.h"
#undef PROCEDURE
    std::sort(list.begin(), list.end(),
              [](const auto& a, const auto& b) { return lowered(a->name) < lowered(b->name); });
    return list;
  }();
  return procedures;
}

std::shared_ptr<const ProcedureDef> findProcedure(std::string_view name) {
  for (const auto& procedure : allProcedures()) {
    if (sameName(procedure->name, name)) return procedure;
  }
  return nullptr;
}

}  // namespace monday::procedures
