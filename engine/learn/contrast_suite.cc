// Reads, checks and expands a contrast suite (declared in contrast.h).
#include <algorithm>
#include <cstdlib>
#include <fstream>
#include <set>
#include <stdexcept>

#include "engine/learn/contrast.h"
#include "engine/util/tab_fields.h"
#include "features/utf8.h"

namespace credence {
namespace {

[[noreturn]] void Fail(const std::string& where, const std::string& problem) {
  throw std::runtime_error(where + ": " + problem);
}

struct Row {
  std::string where;  // PATH:LINE
  std::vector<std::string> fields;
};

// The rows of DIR/NAME after its header, each with `header`'s field count.
std::vector<Row> ReadRows(const std::string& dir, const std::string& name,
                          const std::vector<std::string>& header) {
  const std::string path = dir + "/" + name;
  std::ifstream in(path, std::ios::binary);
  if (!in) Fail(path, "cannot open (a suite folder holds " + name + ")");
  std::vector<Row> rows;
  std::string line;
  bool header_seen = false;
  for (int number = 1; std::getline(in, line); ++number) {
    const std::string where = path + ":" + std::to_string(number);
    if (!line.empty() && line.back() == '\r') line.pop_back();
    if (line.empty() || line[0] == '#') continue;
    if (FindInvalidUtf8(line) != std::string::npos) {
      Fail(where, "not valid UTF-8");
    }
    std::vector<std::string> fields = SplitTabs(line);
    if (!header_seen) {
      if (fields != header) Fail(where, "expected the header line");
      header_seen = true;
      continue;
    }
    if (fields.size() != header.size()) {
      Fail(where, "needs " + std::to_string(header.size()) +
                      " fields separated by tabs, found " +
                      std::to_string(fields.size()));
    }
    for (const std::string& f : fields) {
      if (f.empty()) Fail(where, "empty field");
    }
    rows.push_back({where, std::move(fields)});
  }
  if (!header_seen) Fail(path, "no header line");
  if (rows.empty()) Fail(path, "no rows");
  return rows;
}

// The placeholders of `s` ("S", "PERSON", ...) in order; throws on an
// unclosed or empty brace.
std::vector<std::string> Placeholders(const std::string& s,
                                      const std::string& where) {
  std::vector<std::string> names;
  for (size_t open = s.find('{'); open != std::string::npos;
       open = s.find('{', open + 1)) {
    const size_t close = s.find_first_of("{}", open + 1);
    if (close == std::string::npos || s[close] != '}' || close == open + 1) {
      Fail(where, "a '{' without a name and '}' (placeholders read {SLOT})");
    }
    names.push_back(s.substr(open + 1, close - open - 1));
  }
  return names;
}

void CheckSlots(const std::vector<std::string>& names,
                const ContrastSuite& suite, const std::string& where) {
  for (const std::string& n : names) {
    if (suite.slots.count(n) == 0) {
      std::string known;
      for (const auto& [slot, values] : suite.slots) {
        known += (known.empty() ? "" : ", ") + slot;
      }
      Fail(where, "unknown slot {" + n + "} (slots.tsv has " + known + ")");
    }
  }
}

void ReadSlots(const std::string& dir, ContrastSuite* suite) {
  for (const Row& row : ReadRows(dir, "slots.tsv", {"slot", "value"})) {
    const std::string& name = row.fields[0];
    const bool upper = std::all_of(name.begin(), name.end(), [](char c) {
      return (c >= 'A' && c <= 'Z') || c == '_';
    });
    if (!upper || name == "S") {
      Fail(row.where,
           "slot name \"" + name + "\" must be capitals or '_' (and not S)");
    }
    std::vector<std::string>& values = suite->slots[name];
    if (std::count(values.begin(), values.end(), row.fields[1])) {
      Fail(row.where, "value \"" + row.fields[1] + "\" repeated");
    }
    values.push_back(row.fields[1]);
  }
}

void ReadBases(const std::string& dir, ContrastSuite* suite) {
  std::set<std::string> seen;
  for (const Row& row : ReadRows(dir, "bases.tsv", {"split", "statement"})) {
    const std::string& split = row.fields[0];
    if (split != "dev" && split != "test") {
      Fail(row.where, "split \"" + split + "\" is not dev or test");
    }
    if (!seen.insert(row.fields[1]).second) {
      Fail(row.where, "statement repeated");
    }
    CheckSlots(Placeholders(row.fields[1], row.where), *suite, row.where);
    suite->bases.push_back({split, row.fields[1]});
  }
}

void ReadFrames(const std::string& dir, ContrastSuite* suite) {
  std::set<std::string> seen;
  for (const Row& row : ReadRows(dir, "frames.tsv", {"class", "frame"})) {
    std::vector<std::string> names = Placeholders(row.fields[1], row.where);
    const auto statement = [](const std::string& n) {
      return n == "S" || n == "s";
    };
    if (std::count_if(names.begin(), names.end(), statement) != 1) {
      Fail(row.where, "a frame holds the statement once ({S} or {s})");
    }
    names.erase(std::remove_if(names.begin(), names.end(), statement),
                names.end());
    CheckSlots(names, *suite, row.where);
    if (!seen.insert(row.fields[1]).second) Fail(row.where, "frame repeated");
    suite->frames.push_back({row.fields[0], row.fields[1]});
  }
}

void ReadExpectations(const std::string& dir, ContrastSuite* suite) {
  for (const Row& row :
       ReadRows(dir, "expectations.tsv", {"higher", "lower", "margin"})) {
    for (size_t i = 0; i < 2; ++i) {
      const std::string& cls = row.fields[i];
      if (std::none_of(suite->frames.begin(), suite->frames.end(),
                       [&](const ContrastFrame& f) { return f.cls == cls; })) {
        Fail(row.where, "no frame of class \"" + cls + "\" in frames.tsv");
      }
    }
    char* end = nullptr;
    const double margin = std::strtod(row.fields[2].c_str(), &end);
    if (*end != '\0' || !(margin >= 0.0 && margin < 1.0)) {
      Fail(row.where,
           "margin \"" + row.fields[2] + "\" is not a number in [0, 1)");
    }
    suite->expectations.push_back({row.fields[0], row.fields[1], margin});
  }
}

std::string Fill(const std::string& s,
                 const std::map<std::string, std::string>& values) {
  std::string out;
  size_t done = 0;
  for (size_t open = s.find('{'); open != std::string::npos;
       open = s.find('{', done)) {
    const size_t close = s.find('}', open);
    out.append(s, done, open - done);
    out += values.at(s.substr(open + 1, close - open - 1));
    done = close + 1;
  }
  return out + s.substr(done);
}

}  // namespace

ContrastSuite ReadContrastSuite(const std::string& dir) {
  ContrastSuite suite;
  ReadSlots(dir, &suite);
  ReadBases(dir, &suite);
  ReadFrames(dir, &suite);
  ReadExpectations(dir, &suite);
  return suite;
}

std::map<std::string, std::string> DefaultSlotValues(const ContrastSuite& s) {
  std::map<std::string, std::string> values;
  for (const auto& [slot, list] : s.slots) values[slot] = list.front();
  return values;
}

std::string ExpandFrame(const ContrastFrame& frame, const ContrastBase& base,
                        const std::map<std::string, std::string>& values) {
  std::map<std::string, std::string> all = values;
  all["s"] = Fill(base.statement, values);
  all["S"] = all["s"];
  char& first = all["S"][0];
  if (first >= 'a' && first <= 'z') first = static_cast<char>(first - 32);
  return Fill(frame.pattern, all);
}

}  // namespace credence
