// Style cues on tokenized text: exact token ranges and kinds.
#include "features/style_cues.h"

#include <gtest/gtest.h>

#include <string>
#include <vector>

namespace credence {
namespace {

struct Case {
  const char* text;
  std::vector<std::string> want;  // "kind:text"
};

const char* KindName(StyleKind k) {
  switch (k) {
    case StyleKind::kHandle:
      return "handle";
    case StyleKind::kHashtag:
      return "hashtag";
    case StyleKind::kExclamation:
      return "exclamation";
    case StyleKind::kCapitals:
      return "capitals";
    case StyleKind::kListicle:
      return "listicle";
  }
  return "?";
}

// Listicle nouns and non-shouting words are what the caller marks; here
// "Reasons", "Things", "Foods" are nouns and "NATO" an acronym.
std::vector<std::string> Find(const std::string& text) {
  const TokenList list = Tokenize(text, 0, text.size());
  const std::vector<Token>& tokens = list.tokens();
  std::vector<uint8_t> flags(tokens.size(), 0);
  for (size_t i = 0; i < tokens.size(); ++i) {
    if (Is(tokens[i], "reasons") || Is(tokens[i], "things") ||
        Is(tokens[i], "foods")) {
      flags[i] |= kStyleListicleNoun;
    }
    if (Is(tokens[i], "nato")) flags[i] |= kStyleNotShouting;
  }
  std::vector<std::string> out;
  for (const StyleCue& c : FindStyleCues(text, tokens, flags)) {
    const size_t b = tokens[c.first].begin, e = tokens[c.last - 1].end;
    out.push_back(std::string(KindName(c.kind)) + ":" + text.substr(b, e - b));
  }
  return out;
}

TEST(StyleCuesTest, Table) {
  const Case cases[] = {
      {"— Megatron (@Megatron_ron) September 4, 2023",
       {"handle:@Megatron_ron"}},
      {"Mail tips@example.com today", {}},
      {"Rally for #SaveTheShow now", {"hashtag:#SaveTheShow"}},
      {"Ranked #1 again", {}},
      {"This is huge!", {"exclamation:!"}},
      {"Unbelievable!!! Really", {"exclamation:!!!"}},
      {"Yahoo! said it was fixed", {}},
      {"They chanted \"no more!\" all night", {}},
      {"This is SHOCKING news", {"capitals:SHOCKING"}},
      {"NATO met the FBI", {}},  // acronym; three letters never count
      {"17 Reasons Why Rents Rise", {"listicle:17 Reasons"}},
      {"The 7 Most Dangerous Foods", {"listicle:7 Most Dangerous Foods"}},
      {"Final: Five Things We Learned", {"listicle:Five Things"}},
      {"Some 200 reasons were given", {}},
      {"In 2019 things changed", {}},
  };
  for (const Case& c : cases) {
    SCOPED_TRACE(c.text);
    EXPECT_EQ(Find(c.text), c.want);
  }
}

}  // namespace
}  // namespace credence
