// Tab-separated lines, as the gold and contrast files hold them.
//
//   credence::SplitTabs("a\tb\t") == {"a", "b", ""}
#ifndef CREDENCE_ENGINE_UTIL_TAB_FIELDS_H_
#define CREDENCE_ENGINE_UTIL_TAB_FIELDS_H_

#include <string>
#include <vector>

namespace credence {

// The fields of one line split at every tab: n tabs give n + 1 fields,
// empty ones included.
std::vector<std::string> SplitTabs(const std::string& line);

}  // namespace credence

#endif  // CREDENCE_ENGINE_UTIL_TAB_FIELDS_H_
