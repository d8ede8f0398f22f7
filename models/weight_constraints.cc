// Reads the constraints file of weight_constraints.h.
#include "models/weight_constraints.h"

#include <algorithm>
#include <charconv>
#include <cmath>
#include <fstream>
#include <istream>
#include <sstream>
#include <string>

#include "models/linear_model.h"

namespace credence {
namespace {

constexpr const char* kMagic = "credence-constraints 1";
constexpr size_t kMaxLine = 4096;

[[noreturn]] void Fail(const std::string& path, int line,
                       const std::string& problem) {
  throw ModelError(path + ":" + std::to_string(line) + ": " + problem);
}

std::string StripComment(const std::string& line) {
  std::string s = line.substr(0, line.find('#'));
  if (!s.empty() && s.back() == '\r') s.pop_back();
  return s;
}

double ParseBound(const std::string& token, const std::string& path, int line) {
  double value = 0.0;
  const char* end = token.data() + token.size();
  const auto [ptr, ec] = std::from_chars(token.data(), end, value);
  if (ec != std::errc() || ptr != end || !std::isfinite(value) ||
      std::abs(value) > 1e6) {
    Fail(path, line,
         "bound '" + token + "' is not a number (hint: like 0.4 or -1)");
  }
  return value;
}

WeightConstraint ParseLine(const std::string& text, const std::string& path,
                           int line, const std::vector<std::string>& names) {
  std::istringstream words(text);
  std::vector<std::string> tokens;
  for (std::string t; words >> t;) tokens.push_back(t);
  const auto ge = std::find(tokens.begin(), tokens.end(), ">=");
  if (ge == tokens.end() || ge + 2 != tokens.end() || ge == tokens.begin()) {
    Fail(path, line, "expected 'FEATURE [+|- FEATURE ...] >= NUMBER'");
  }
  WeightConstraint c;
  c.min = ParseBound(tokens.back(), path, line);
  double sign = 1.0;
  bool want_name = true;
  for (auto it = tokens.begin(); it != ge; ++it) {
    if (!want_name && (*it == "+" || *it == "-")) {
      sign = *it == "-" ? -1.0 : 1.0;
      want_name = true;
      continue;
    }
    if (it == tokens.begin() && *it == "-") {
      sign = -1.0;
      continue;
    }
    const auto found = std::find(names.begin(), names.end(), *it);
    if (!want_name || found == names.end()) {
      Fail(path, line,
           "unknown feature '" + *it +
               "' (hint: the features are the model's weight "
               "names, as in models/default.model)");
    }
    const auto feature = static_cast<size_t>(found - names.begin());
    for (const auto& term : c.terms) {
      if (term.first == feature) Fail(path, line, "'" + *it + "' repeated");
    }
    c.terms.emplace_back(feature, sign);
    want_name = false;
  }
  if (want_name) {
    Fail(path, line, "expected 'FEATURE [+|- FEATURE ...] >= NUMBER'");
  }
  return c;
}

// getline that stops past kMaxLine bytes, so an endless line (a device,
// a binary file) costs bounded memory. False at the end of the input.
bool ReadLine(std::istream& in, std::string* line, bool* too_long) {
  line->clear();
  *too_long = false;
  for (int c; (c = in.get()) != std::char_traits<char>::eof();) {
    if (c == '\n') return true;
    if (line->size() == kMaxLine) {
      *too_long = true;
      return true;
    }
    line->push_back(static_cast<char>(c));
  }
  return !line->empty();
}

}  // namespace

std::vector<WeightConstraint> LoadConstraints(
    std::istream& in, const std::string& path,
    const std::vector<std::string>& names) {
  std::vector<WeightConstraint> constraints;
  std::string line;
  int n = 0;
  bool too_long = false;
  while (ReadLine(in, &line, &too_long)) {
    ++n;
    if (too_long) Fail(path, n, "line longer than 4096 bytes");
    if (n == 1) {
      if (StripComment(line) != kMagic) {
        Fail(path, 1,
             "not a constraints file (hint: the first line is '" +
                 std::string(kMagic) + "')");
      }
      continue;
    }
    const std::string text = StripComment(line);
    if (text.find_first_not_of(" \t") == std::string::npos) continue;
    constraints.push_back(ParseLine(text, path, n, names));
  }
  if (in.bad()) throw ModelError(path + ": cannot read (I/O error)");
  if (n == 0)
    Fail(path, 1,
         "empty file (hint: the first line is '" + std::string(kMagic) + "')");
  return constraints;
}

std::vector<WeightConstraint> LoadConstraintsFile(
    const std::string& path, const std::vector<std::string>& names) {
  std::ifstream in(path, std::ios::binary);
  if (!in) throw ModelError(path + ": cannot open constraints file");
  return LoadConstraints(in, path, names);
}

}  // namespace credence
