// The string fields of one JSON Lines object, read without building a
// document: the fast path of `credence score --jsonl`.
//
//   std::map<std::string, std::string> fields;
//   if (!credence::ReadFlatJsonObject(line, &fields)) { /* use a parser */ }
//
// Takes only what it can read exactly: one object whose values are
// strings, numbers, true, false or null (string values kept, the others
// noted as present), valid UTF-8, standard escapes. Anything else (nested
// values, bad syntax) returns false, and the caller's full parser decides
// and words the error.
#ifndef CREDENCE_TOOLS_JSON_LINE_H_
#define CREDENCE_TOOLS_JSON_LINE_H_

#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace credence {

struct JsonField {
  std::string name;
  bool is_string = false;
  std::string value;  // the decoded string, when is_string
};

// The fields in line order (a repeated name appears twice: the last
// counts, as for nlohmann); false when the line is not of the simple kind.
bool ReadFlatJsonObject(std::string_view line, std::vector<JsonField>* fields);

}  // namespace credence

#endif  // CREDENCE_TOOLS_JSON_LINE_H_
