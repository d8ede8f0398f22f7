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

double ParseNumber(const std::string& token, const std::string& what,
                   const std::string& path, int line) {
  double value = 0.0;
  const char* end = token.data() + token.size();
  const auto [ptr, ec] = std::from_chars(token.data(), end, value);
  if (ec != std::errc() || ptr != end || !std::isfinite(value) ||
      std::abs(value) > 1e6) {
    Fail(path, line,
         what + " '" + token + "' is not a number (hint: like 0.4 or -1)");
  }
  return value;
}

// One term, "NAME" or "COEF*NAME", with the sign before it.
std::pair<size_t, double> ParseTerm(const std::string& token, double sign,
                                    const std::string& path, int line,
                                    const std::vector<std::string>& names) {
  const size_t star = token.find('*');
  const std::string name =
      star == std::string::npos ? token : token.substr(star + 1);
  const double coefficient =
      star == std::string::npos
          ? 1.0
          : ParseNumber(token.substr(0, star), "coefficient", path, line);
  const auto found = std::find(names.begin(), names.end(), name);
  if (found == names.end()) {
    Fail(path, line,
         "unknown feature '" + name +
             "' (hint: the features are the model's weight "
             "names, as in models/default.model)");
  }
  return {static_cast<size_t>(found - names.begin()), sign * coefficient};
}

constexpr const char* kShape =
    "expected 'TERM [+|- TERM ...] >= NUMBER' (or <=), a TERM being FEATURE "
    "or COEFFICIENT*FEATURE";

WeightConstraint ParseLine(const std::string& text, const std::string& path,
                           int line, const std::vector<std::string>& names) {
  std::istringstream words(text);
  std::vector<std::string> tokens;
  for (std::string t; words >> t;) tokens.push_back(t);
  auto op = std::find_if(tokens.begin(), tokens.end(),
                         [](const auto& t) { return t == ">=" || t == "<="; });
  if (op == tokens.end() || op + 2 != tokens.end() || op == tokens.begin()) {
    Fail(path, line, kShape);
  }
  const double flip = *op == "<=" ? -1.0 : 1.0;
  WeightConstraint c;
  c.min = flip * ParseNumber(tokens.back(), "bound", path, line);
  const std::vector<std::string> lhs(tokens.begin(), op);
  const auto is_sign = [](const std::string& t) {
    return t == "+" || t == "-";
  };
  size_t i = 0;
  double sign = 1.0;
  if (is_sign(lhs[0])) sign = lhs[i++] == "-" ? -1.0 : 1.0;
  for (;;) {
    if (i == lhs.size() || is_sign(lhs[i])) Fail(path, line, kShape);
    const auto term = ParseTerm(lhs[i++], flip * sign, path, line, names);
    for (const auto& other : c.terms) {
      if (other.first == term.first) {
        Fail(path, line, "'" + names[term.first] + "' repeated");
      }
    }
    c.terms.push_back(term);
    if (i == lhs.size()) break;
    if (!is_sign(lhs[i])) Fail(path, line, kShape);
    sign = lhs[i++] == "-" ? -1.0 : 1.0;
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
