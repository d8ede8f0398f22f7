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
      // A symbol after the mark is not a lower-case word: "⋆ Site Name".
      {"He sued police in 2011! \u22c6 Freedom Daily", {"exclamation:!"}},
      {"They chanted \"no more!\" all night", {}},
      {"This is SHOCKING news", {"capitals:SHOCKING"}},
      // A section label that opens the claim files it; it does not shout.
      {"UPDATE: Soldier dies of his wounds", {}},
      {"OTTAWA SHOOTING - Soldier shot at memorial", {}},
      {"RT @CBCNews: BREAKING NEWS | Soldier dies", {"handle:@CBCNews"}},
      {"SHOOTER IS ON THE LOOSE", {"capitals:SHOOTER", "capitals:LOOSE"}},
      {"Update: the SHOOTER is loose", {"capitals:SHOOTER"}},
      {"Vigil tonight #MIKEBROWN", {"hashtag:#MIKEBROWN"}},
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

// An acronym in brackets after its expansion is a name there and in every
// later claim that shares the list; other capitals still shout.
TEST(StyleCuesTest, DefinedAcronymsDoNotShout) {
  std::vector<std::string> defined;
  const std::string first =
      "The Clinton Health Access Initiative (CHAI) and CHAI";
  const TokenList a = Tokenize(first, 0, first.size());
  std::vector<uint8_t> flags_a(a.tokens().size(), 0);
  MarkDefinedAcronyms(first, a.tokens(), &defined, &flags_a);
  EXPECT_EQ(defined, std::vector<std::string>{"chai"});
  EXPECT_TRUE(FindStyleCues(first, a.tokens(), flags_a).empty());

  const std::string later = "CHAI paid; a LIAR said so";
  const TokenList b = Tokenize(later, 0, later.size());
  std::vector<uint8_t> flags_b(b.tokens().size(), 0);
  MarkDefinedAcronyms(later, b.tokens(), &defined, &flags_b);
  const std::vector<StyleCue> cues = FindStyleCues(later, b.tokens(), flags_b);
  ASSERT_EQ(cues.size(), 1u);
  EXPECT_EQ(cues[0].kind, StyleKind::kCapitals);
  EXPECT_EQ(cues[0].first, 4u);  // "LIAR": CHAI ; a LIAR
  EXPECT_EQ(defined.size(), 1u);

  // Only an expansion defines: "Amazon (EXCLUSIVE)" is a label in capitals.
  const std::string label = "Renewed by Amazon (EXCLUSIVE)";
  const TokenList c = Tokenize(label, 0, label.size());
  std::vector<uint8_t> flags_l(c.tokens().size(), 0);
  MarkDefinedAcronyms(label, c.tokens(), &defined, &flags_l);
  EXPECT_EQ(defined.size(), 1u);
  EXPECT_EQ(FindStyleCues(label, c.tokens(), flags_l).size(), 1u);

  std::vector<std::string> none;
  std::vector<uint8_t> flags_c(b.tokens().size(), 0);
  MarkDefinedAcronyms(later, b.tokens(), &none, &flags_c);
  EXPECT_EQ(FindStyleCues(later, b.tokens(), flags_c).size(), 2u);
}

// A text full of definitions keeps the first 32, so marking stays linear.
TEST(StyleCuesTest, DefinedAcronymsAreCapped) {
  std::string text;
  for (char a = 'A'; a < 'A' + 20; ++a) {
    for (char b : {'B', 'C'}) {
      text += std::string(1, a) + "x Bx Cx " + std::string(1, b) + "x (" +
              std::string(1, a) + "BC" + std::string(1, b) + ") ";
    }
  }
  const TokenList list = Tokenize(text, 0, text.size());
  std::vector<uint8_t> flags(list.tokens().size(), 0);
  std::vector<std::string> defined;
  MarkDefinedAcronyms(text, list.tokens(), &defined, &flags);
  ASSERT_EQ(defined.size(), 32u);
  EXPECT_EQ(defined.front(), "abcb");
  EXPECT_EQ(defined.back(), "pbcc");
}

// Extract skips FindStyleCues for a TokenList without may_shout_or_mark():
// the flag must be set whenever FindStyleCues finds more than a listicle,
// and must match a plain reading of its definition.
TEST(StyleCuesTest, MayShoutOrMarkCoversEveryNonListicleCue) {
  const std::vector<std::string> texts = {"",
                                          "plain words only",
                                          "Title Case Words",
                                          "NASA says",
                                          "Nasa says",
                                          "a FBI raid",
                                          "wow!",
                                          "Yahoo! said",
                                          "@user hi",
                                          "#tag it",
                                          "e-mail @ home",
                                          "x#y",
                                          "\u00c9TAT",
                                          "caf\u00e9 NOW",
                                          "5 Reasons Why",
                                          "\"Quoted!\" he said",
                                          "A",
                                          "AB",
                                          "A1B2",
                                          "ABC",
                                          "ABCD",
                                          "ABcd",
                                          "ok!!",
                                          "The Top 10 Lists",
                                          "SHOUT",
                                          "didn\u2019t STOP",
                                          "\u201cHELP\u201d"};
  for (const std::string& text : texts) {
    const TokenList list = Tokenize(text, 0, text.size());
    bool reference = false;
    for (const Token& t : list) {
      const std::string_view raw(text.data() + t.begin, t.end - t.begin);
      const auto upper = [](char c) { return c >= 'A' && c <= 'Z'; };
      if (t.is_word && raw.size() >= 4 && upper(raw[0]) && upper(raw[1])) {
        reference = true;
      }
      if (raw == "@" || raw == "#" || raw == "!") reference = true;
    }
    EXPECT_EQ(list.may_shout_or_mark(), reference) << text;
    const std::vector<uint8_t> flags(list.size(), 0);
    std::vector<StyleCue> all, listicle;
    FindStyleCues(text, list.tokens(), flags, &all);
    FindListicleCues(list.tokens(), flags, &listicle);
    if (!list.may_shout_or_mark()) {
      EXPECT_EQ(all.size(), listicle.size()) << text;
    }
  }
}

// Quotations of four words or more; a span cut by the text's edge counts
// from one word.
TEST(StyleCuesTest, Quotations) {
  const Case cases[] = {
      {"\"We will fight this in court,\" the mayor said.",
       {"\"We will fight this in court,\""}},
      {"Critics called it a \"total disaster\".", {}},  // scare quotes
      {"He said \u201cwe are not leaving this city\u201d today",
       {"\u201cwe are not leaving this city\u201d"}},
      {"\"We will win.", {"\"We will win."}},  // opens, runs on
      {"We win,\" she said.", {"We win,\""}},  // closes one
      {"a \"b c d e\" f \"g\" h \"i j k l m", {"\"b c d e\"", "\"i j k l m"}},
      {"No quotes at all", {}},
      {"\"\"", {}},
  };
  for (const Case& c : cases) {
    SCOPED_TRACE(c.text);
    const std::string text = c.text;
    const TokenList list = Tokenize(text, 0, text.size());
    std::vector<TokenRange> found;
    FindQuotations(list.tokens(), 4, &found);
    std::vector<std::string> got;
    for (const TokenRange& r : found) {
      const size_t b = list[r.first].begin, e = list[r.last - 1].end;
      got.push_back(text.substr(b, e - b));
    }
    EXPECT_EQ(got, c.want);
  }
}

}  // namespace
}  // namespace credence
