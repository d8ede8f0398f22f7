// The fast reader of flat JSON lines: what it takes it reads as nlohmann
// does; what it cannot read exactly it leaves to the full parser.
#include "tools/json_line.h"

#include <gtest/gtest.h>

#include <map>
#include <nlohmann/json.hpp>
#include <string>
#include <vector>

namespace credence {
namespace {

struct Case {
  const char* name;
  std::string line;
  bool taken;
  std::vector<std::pair<std::string, std::string>> strings;  // when taken
};

TEST(JsonLineTest, ReadsFlatObjectsExactly) {
  const Case cases[] = {
      {"plain",
       R"({"id":"a1","text":"Kim"})",
       true,
       {{"id", "a1"}, {"text", "Kim"}}},
      {"spaces",
       " { \"id\" : \"a\" , \"n\" : -0.5e+3 } \r",
       true,
       {{"id", "a"}}},
      {"escapes",
       R"({"t":"q\"b\\s\/n\nt\tr\rb\bf\f"})",
       true,
       {{"t", "q\"b\\s/n\nt\tr\rb\bf\f"}}},
      {"unicode",
       R"({"t":"caf\u00e9 \u20AC \ud83d\ude00"})",
       true,
       {{"t", "caf\xC3\xA9 \xE2\x82\xAC \xF0\x9F\x98\x80"}}},
      {"raw utf-8", "{\"t\":\"caf\xC3\xA9\"}", true, {{"t", "caf\xC3\xA9"}}},
      {"scalars", R"({"a":true,"b":false,"c":null,"d":0,"e":12.5})", true, {}},
      {"empty object", "{}", true, {}},
      {"repeated name",
       R"({"t":"one","t":"two"})",
       true,
       {{"t", "one"}, {"t", "two"}}},
      {"nested object", R"({"t":"a","m":{"x":1}})", false, {}},
      {"array", R"(["a"])", false, {}},
      {"nested array", R"({"t":[1]})", false, {}},
      {"leading zero", R"({"n":01})", false, {}},
      {"bare dot", R"({"n":1.})", false, {}},
      {"bare exponent", R"({"n":1e})", false, {}},
      {"minus only", R"({"n":-})", false, {}},
      {"control char", "{\"t\":\"a\tb\"}", false, {}},
      {"lone low surrogate", R"({"t":"\udc00"})", false, {}},
      {"lone high surrogate", R"({"t":"\ud83d"})", false, {}},
      {"bad escape", R"({"t":"\x"})", false, {}},
      {"short unicode", R"({"t":"\u12"})", false, {}},
      {"invalid utf-8", "{\"t\":\"na\xEFve\"}", false, {}},
      {"unclosed", R"({"t":"a")", false, {}},
      {"trailing comma", R"({"t":"a",})", false, {}},
      {"trailing bytes", R"({"t":"a"} x)", false, {}},
      {"single quotes", "{'t':'a'}", false, {}},
      {"empty", "", false, {}},
      // Strings are scanned 8 bytes at a time: a quote, a backslash or a
      // control character is found at any place in a word, and bytes
      // from 0x20 up (DEL, UTF-8) are never taken for one.
      {"long plain",
       R"({"t":"abcdefghijklmnopqrstuvwxyz0123456789"})",
       true,
       {{"t", "abcdefghijklmnopqrstuvwxyz0123456789"}}},
      {"escapes in words",
       R"({"t":"abcdefg\"hijklmnopq\\rstuvwxyzABCDEFG\n"})",
       true,
       {{"t", "abcdefg\"hijklmnopq\\rstuvwxyzABCDEFG\n"}}},
      {"high bytes in words",
       "{\"t\":\"\xC3\xA9\xC3\xA9\xC3\xA9\xC3\xA9 \x7F\x7F\x7F\x7F\x7F\x7F "
       "!~ \xE2\x80\x9C\"}",
       true,
       {{"t",
         "\xC3\xA9\xC3\xA9\xC3\xA9\xC3\xA9 \x7F\x7F\x7F\x7F\x7F\x7F !~ "
         "\xE2\x80\x9C"}}},
      {"control char in a word", "{\"t\":\"abcdefghijk\x1Fmnop\"}", false, {}},
      {"unclosed after words",
       R"({"t":"abcdefghijklmnopqrstuvwxyz)",
       false,
       {}},
  };
  for (const Case& c : cases) {
    SCOPED_TRACE(c.name);
    std::vector<JsonField> fields;
    EXPECT_EQ(ReadFlatJsonObject(c.line, &fields), c.taken);
    if (!c.taken) continue;
    std::vector<std::pair<std::string, std::string>> strings;
    for (const JsonField& f : fields) {
      if (f.is_string) strings.emplace_back(f.name, f.value);
    }
    EXPECT_EQ(strings, c.strings);
    // nlohmann reads the line to the same strings (for a repeated name,
    // the last).
    std::map<std::string, std::string> last(strings.begin(), strings.end());
    for (const auto& [name, value] : strings) last[name] = value;
    const nlohmann::json parsed = nlohmann::json::parse(c.line);
    for (const auto& [name, value] : last) {
      EXPECT_EQ(parsed.at(name).get<std::string>(), value) << name;
    }
  }
}

}  // namespace
}  // namespace credence
