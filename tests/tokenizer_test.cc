// Tests of the tokenizer and token normalization.
#include "features/tokenizer.h"

#include <gtest/gtest.h>

#include <ostream>
#include <string>
#include <tuple>
#include <utility>
#include <vector>

namespace credence {
namespace {

// Token fields in one comparable, printable value.
struct Tok {
  std::string norm;
  size_t begin;
  size_t end;
  bool is_word;
  bool capitalized;

  bool operator==(const Tok& o) const {
    return std::tie(norm, begin, end, is_word, capitalized) ==
           std::tie(o.norm, o.begin, o.end, o.is_word, o.capitalized);
  }
};

std::ostream& operator<<(std::ostream& os, const Tok& t) {
  return os << "{\"" << t.norm << "\" [" << t.begin << "," << t.end << ") "
            << (t.is_word ? "word" : "punct") << (t.capitalized ? " Cap" : "")
            << "}";
}

std::vector<Tok> Toks(const TokenList& tokens) {
  std::vector<Tok> out;
  for (const Token& t : tokens) {
    out.push_back(
        {std::string(t.norm), t.begin, t.end, t.is_word, t.capitalized});
  }
  return out;
}

// Shorthands for the expected lists.
constexpr bool W = true;   // is_word
constexpr bool P = false;  // punctuation
constexpr bool C = true;   // capitalized
constexpr bool L = false;  // not capitalized

struct Case {
  const char* name;
  std::string text;
  std::vector<Tok> expected;
};

// Inputs for Tokenize(text, 0, text.size()).
const std::vector<Case>& WholeTextCases() {
  static const auto* cases = new std::vector<Case>{
      {"HeaderExample",
       "Officials didn\xE2\x80\x99t confirm.",
       {{"officials", 0, 9, W, C},
        {"didn't", 10, 18, W, L},  // ’ is bytes [14,17), folded to '
        {"confirm", 19, 26, W, L},
        {".", 26, 27, P, L}}},
      {"AsciiApostropheInsideWord", "didn't", {{"didn't", 0, 6, W, L}}},
      {"Abbreviation",
       "U.S. officials",
       {{"u", 0, 1, W, C},
        {".", 1, 2, P, L},
        {"s", 2, 3, W, C},
        {".", 3, 4, P, L},
        {"officials", 5, 14, W, L}}},
      {"Hyphen",
       "so-called",
       {{"so", 0, 2, W, L}, {"-", 2, 3, P, L}, {"called", 3, 9, W, L}}},
      {"Decimal",
       "3.7 percent",
       {{"3", 0, 1, W, L},
        {".", 1, 2, P, L},
        {"7", 2, 3, W, L},
        {"percent", 4, 11, W, L}}},
      {"Handle",
       "(@Megatron_ron)",
       {{"(", 0, 1, P, L},
        {"@", 1, 2, P, L},
        {"megatron_ron", 2, 14, W, C},
        {")", 14, 15, P, L}}},
      {"Url",
       "pic.twitter.com/ItCHpyAQiY",
       {{"pic", 0, 3, W, L},
        {".", 3, 4, P, L},
        {"twitter", 4, 11, W, L},
        {".", 11, 12, P, L},
        {"com", 12, 15, W, L},
        {"/", 15, 16, P, L},
        {"itchpyaqiy", 16, 26, W, C}}},
      {"CurlyDoubleQuotes",
       "\xE2\x80\x9CYes,\xE2\x80\x9D she said.",  // “Yes,” she said.
       {{"\"", 0, 3, P, L},  // curly quotes fold to straight ones
        {"yes", 3, 6, W, C},
        {",", 6, 7, P, L},
        {"\"", 7, 10, P, L},
        {"she", 11, 14, W, L},
        {"said", 15, 19, W, L},
        {".", 19, 20, P, L}}},
      // An HTML reference for a quote or an ampersand is one token, the
      // character it stands for; any other reference is plain text.
      {"HtmlQuoteReferences",
       "&quot;Yes,&quot; she said &amp; left.",
       {{"\"", 0, 6, P, L},
        {"yes", 6, 9, W, C},
        {",", 9, 10, P, L},
        {"\"", 10, 16, P, L},
        {"she", 17, 20, W, L},
        {"said", 21, 25, W, L},
        {"&", 26, 31, P, L},
        {"left", 32, 36, W, L},
        {".", 36, 37, P, L}}},
      {"HtmlApostropheReferences",
       "&#39;ok&#39; &rsquo;&#8221;",
       {{"'", 0, 5, P, L},
        {"ok", 5, 7, W, L},
        {"'", 7, 12, P, L},
        {"'", 13, 20, P, L},
        {"\"", 20, 27, P, L}}},
      {"OtherReferenceIsPlainText",
       "&nbsp;x &quot",
       {{"&", 0, 1, P, L},
        {"nbsp", 1, 5, W, L},
        {";", 5, 6, P, L},
        {"x", 6, 7, W, L},
        {"&", 8, 9, P, L},
        {"quot", 9, 13, W, L}}},
      {"NonAsciiLetterInsideWord",
       "Z\xC3\xBCrich",  // Zürich
       {{"z\xC3\xBCrich", 0, 7, W, C}}},
      {"NonAsciiUpperCaseNotFolded",
       "Z\xC3\x9CRICH",  // ZÜRICH -> zÜrich
       {{"z\xC3\x9Crich", 0, 7, W, C}}},
      {"NonAsciiFirstLetterIsNotCapitalized",
       "\xC3\x89mile Roux",  // Émile Roux
       {{"\xC3\x89mile", 0, 6, W, L}, {"roux", 7, 11, W, C}}},
      {"Cyrillic",
       "\xD0\x9C\xD0\xBE\xD1\x81\xD0\xBA\xD0\xB2\xD0\xB0",  // Москва
       {{"\xD0\x9C\xD0\xBE\xD1\x81\xD0\xBA\xD0\xB2\xD0\xB0", 0, 12, W, L}}},
      {"Cjk",
       "\xE6\x9D\xB1\xE4\xBA\xAC",  // 東京
       {{"\xE6\x9D\xB1\xE4\xBA\xAC", 0, 6, W, L}}},
      // The possessive 's is a token of its own, so "ministry's" still
      // matches the lexicon word "ministry".
      {"Possessive", "Kim's", {{"kim", 0, 3, W, C}, {"'s", 3, 5, W, L}}},
      {"PossessiveCurly",
       "Kim\xE2\x80\x99s",
       {{"kim", 0, 3, W, C}, {"'s", 3, 7, W, L}}},
      {"PossessiveBeforePunctuation",
       "union's.",
       {{"union", 0, 5, W, L}, {"'s", 5, 7, W, L}, {".", 7, 8, P, L}}},
      {"NotPossessiveInsideWord", "Kim'sa", {{"kim'sa", 0, 6, W, C}}},
      {"ContractionStaysWhole",
       "it's",
       {{"it", 0, 2, W, L}, {"'s", 2, 4, W, L}}},
      {"ApostropheBetweenWordCharsTwice",
       "rock'n'roll",
       {{"rock'n'roll", 0, 11, W, L}}},
      {"TrailingApostropheBeforeSpace",
       "leaders' views",
       {{"leaders", 0, 7, W, L}, {"'", 7, 8, P, L}, {"views", 9, 14, W, L}}},
      {"TrailingApostropheAtEndOfText",
       "leaders'",
       {{"leaders", 0, 7, W, L}, {"'", 7, 8, P, L}}},
      {"TrailingCurlyApostropheFolded",
       "the leaders\xE2\x80\x99 view",
       {{"the", 0, 3, W, L},
        {"leaders", 4, 11, W, L},
        {"'", 11, 14, P, L},
        {"view", 15, 19, W, L}}},
      {"ApostropheBeforePunctuation",
       "leaders'.",
       {{"leaders", 0, 7, W, L}, {"'", 7, 8, P, L}, {".", 8, 9, P, L}}},
      {"DoubleApostropheSplits",
       "don''t",
       {{"don", 0, 3, W, L},
        {"'", 3, 4, P, L},
        {"'", 4, 5, P, L},
        {"t", 5, 6, W, L}}},
      {"LeadingApostrophe", "'90s", {{"'", 0, 1, P, L}, {"90s", 1, 4, W, L}}},
      {"CurlySingleQuotesAroundWord",
       "\xE2\x80\x98quoted\xE2\x80\x99",  // ‘quoted’
       {{"'", 0, 3, P, L}, {"quoted", 3, 9, W, L}, {"'", 9, 12, P, L}}},
      {"Nbsp",
       "10\xC2\xA0percent",
       {{"10", 0, 2, W, L}, {"percent", 4, 11, W, L}}},
      {"NarrowNbspThinSpaceAndIdeographicSpace",
       "a\xE2\x80\xAF"
       "b\xE2\x80\x89"
       "c\xE3\x80\x80"
       "d",
       {{"a", 0, 1, W, L},
        {"b", 4, 5, W, L},
        {"c", 8, 9, W, L},
        {"d", 12, 13, W, L}}},
      {"ZeroWidthSpaceAndBomSeparate",
       "a\xE2\x80\x8B"
       "b\xEF\xBB\xBF"
       "c",
       {{"a", 0, 1, W, L}, {"b", 4, 5, W, L}, {"c", 8, 9, W, L}}},
      {"AsciiWhitespace",
       " a\tb\r\nc\f\vd ",
       {{"a", 1, 2, W, L},
        {"b", 3, 4, W, L},
        {"c", 6, 7, W, L},
        {"d", 9, 10, W, L}}},
      {"EmDashBetweenWords",
       "war\xE2\x80\x94peace",
       {{"war", 0, 3, W, L},
        {"\xE2\x80\x94", 3, 6, P, L},
        {"peace", 6, 11, W, L}}},
      {"EmDashBetweenSpaces",
       "yes \xE2\x80\x94 no",
       {{"yes", 0, 3, W, L},
        {"\xE2\x80\x94", 4, 7, P, L},
        {"no", 8, 10, W, L}}},
      {"Ellipsis",
       "wait\xE2\x80\xA6",
       {{"wait", 0, 4, W, L}, {"\xE2\x80\xA6", 4, 7, P, L}}},
      {"Latin1Symbols",
       "5\xC2\xB0"
       "C \xC2\xA3"
       "5",  // 5°C £5
       {{"5", 0, 1, W, L},
        {"\xC2\xB0", 1, 3, P, L},
        {"c", 3, 4, W, C},
        {"\xC2\xA3", 5, 7, P, L},
        {"5", 7, 8, W, L}}},
      {"MultiplicationSign",
       "2\xC3\x97"
       "3",
       {{"2", 0, 1, W, L}, {"\xC3\x97", 1, 3, P, L}, {"3", 3, 4, W, L}}},
      {"AcronymWithDigits",
       "COVID-19",
       {{"covid", 0, 5, W, C}, {"-", 5, 6, P, L}, {"19", 6, 8, W, L}}},
      {"UnderscoreFirstIsWordNotCapitalized", "_Foo", {{"_foo", 0, 4, W, L}}},
      {"EveryAsciiPunctuationIsItsOwnToken",
       "a,;:!?\"",
       {{"a", 0, 1, W, L},
        {",", 1, 2, P, L},
        {";", 2, 3, P, L},
        {":", 3, 4, P, L},
        {"!", 4, 5, P, L},
        {"?", 5, 6, P, L},
        {"\"", 6, 7, P, L}}},
      // The ASCII word loop takes eight bytes a step, then one at a time.
      {"WordsAroundEightBytes",
       "abcdefg ABCDEFGH abcdefghi Internationalization",
       {{"abcdefg", 0, 7, W, L},
        {"abcdefgh", 8, 16, W, C},
        {"abcdefghi", 17, 26, W, L},
        {"internationalization", 27, 47, W, C}}},
      {"OneLetterWords",
       "A I x 7",
       {{"a", 0, 1, W, C},
        {"i", 2, 3, W, C},
        {"x", 4, 5, W, L},
        {"7", 6, 7, W, L}}},
      {"AsciiRunThenNonAsciiLetter",
       "Caf\xC3\xA9s CAF\xC3\x89",
       {{"caf\xC3\xA9s", 0, 6, W, C}, {"caf\xC3\x89", 7, 12, W, C}}},
      {"AsciiRunThenNonAsciiPunctuation",
       "word\xE2\x80\x94next\xE2\x80\xA6",
       {{"word", 0, 4, W, L},
        {"\xE2\x80\x94", 4, 7, P, L},
        {"next", 7, 11, W, L},
        {"\xE2\x80\xA6", 11, 14, P, L}}},
      {"PossessiveAfterLongWord",
       "Administration\xE2\x80\x99s plan",
       {{"administration", 0, 14, W, C},
        {"'s", 14, 18, W, L},
        {"plan", 19, 23, W, L}}},
      {"WordThenPunctuationThenWord",
       "ok,no!yes",
       {{"ok", 0, 2, W, L},
        {",", 2, 3, P, L},
        {"no", 3, 5, W, L},
        {"!", 5, 6, P, L},
        {"yes", 6, 9, W, L}}},
      {"Empty", "", {}},
      {"OnlySpaces", "  \t\xC2\xA0 \n", {}},
  };
  return *cases;
}

TEST(TokenizeTest, WholeText) {
  for (const auto& c : WholeTextCases()) {
    SCOPED_TRACE(c.name);
    EXPECT_EQ(Toks(Tokenize(c.text, 0, c.text.size())), c.expected);
  }
}

TEST(TokenizeTest, SubRangeOffsetsIntoFullText) {
  struct RangeCase {
    const char* name;
    std::string text;
    size_t begin;
    size_t end;
    std::vector<Tok> expected;
  };
  // "He said: " is 9 bytes; the quoted sentence is 27 bytes.
  const std::string kSentence =
      "He said: Officials didn\xE2\x80\x99t confirm. Later.";
  const RangeCase kCases[] = {
      {"SentenceInsideParagraph",
       kSentence,
       9,
       36,
       {{"officials", 9, 18, W, C},
        {"didn't", 19, 27, W, L},
        {"confirm", 28, 35, W, L},
        {".", 35, 36, P, L}}},
      {"RangeStartsOnSpace", kSentence, 8, 18, {{"officials", 9, 18, W, C}}},
      {"RangeEndCutsWord", "reportedly", 0, 6, {{"report", 0, 6, W, L}}},
      {"RangeStartsInsideWord", "reportedly", 6, 10, {{"edly", 6, 10, W, L}}},
      {"RangeEndsAfterApostrophe",
       "Kim's car",
       0,
       4,
       {{"kim", 0, 3, W, C}, {"'", 3, 4, P, L}}},
      {"RangeEndsAfterCurlyApostrophe",
       "Kim\xE2\x80\x99s car",
       0,
       6,
       {{"kim", 0, 3, W, C}, {"'", 3, 6, P, L}}},
      {"RangeStartsAtMultibyteChar",
       "in Z\xC3\xBCrich today",
       3,
       10,
       {{"z\xC3\xBCrich", 3, 10, W, C}}},
      {"EmptyRangeInsideText", kSentence, 12, 12, {}},
      {"EmptyRangeAtEnd", kSentence, kSentence.size(), kSentence.size(), {}},
      {"RangeOfOnlySpaces", "a   b", 1, 4, {}},
      {"RangeEndCutsLongWordAfterEightBytes",
       "Internationalization",
       0,
       9,
       {{"internati", 0, 9, W, C}}},
      {"RangeEndCutsLongWordAtEightBytes",
       "Internationalization",
       4,
       12,
       {{"rnationa", 4, 12, W, L}}},
      {"RangeEndsAfterFirstLetter", "AB cd", 0, 1, {{"a", 0, 1, W, C}}},
      {"RangeEndCutsHtmlReference",
       "&quot;",
       0,
       4,
       {{"&", 0, 1, P, L}, {"quo", 1, 4, W, L}}},
  };
  for (const auto& c : kCases) {
    SCOPED_TRACE(c.name);
    EXPECT_EQ(Toks(Tokenize(c.text, c.begin, c.end)), c.expected);
  }
}

TEST(TokenizeTest, TokensAreOrderedDisjointAndNormalizeTheirOwnBytes) {
  const std::string text =
      "\xE2\x80\x9CWe can\xE2\x80\x99t say,\xE2\x80\x9D the U.S. "
      "official \xE2\x80\x94 who wasn't named \xE2\x80\x94 told "
      "Reuters in Z\xC3\xBCrich on 3.7\xC2\xA0percent (@Megatron_ron).";
  const size_t begin = 3;
  const size_t end = text.size() - 1;
  const TokenList tokens = Tokenize(text, begin, end);
  ASSERT_EQ(tokens.size(), 29u);
  size_t previous_end = begin;
  for (const Token& t : tokens) {
    const std::string bytes = text.substr(t.begin, t.end - t.begin);
    SCOPED_TRACE(bytes);
    EXPECT_LE(previous_end, t.begin);
    EXPECT_LT(t.begin, t.end);
    EXPECT_LE(t.end, end);
    EXPECT_EQ(t.norm, NormalizeToken(bytes));
    EXPECT_EQ(t.hash, HashWord(t.norm));
    previous_end = t.end;
  }
}

// HashWord's blocks, worked out by hand: the length seeds the hash, then
// eight bytes at a time, little-endian, the last block zero-padded. The
// numbers are the same steps done apart from this code (64-bit Python).
TEST(HashWordTest, BlocksByHand) {
  EXPECT_EQ(HashStep(0, 1), 0xff51afd71204231aull);  // M ^ (M >> 32)
  struct HashCase {
    const char* word;
    uint64_t steps;  // the documented steps
    uint64_t value;
  };
  const HashCase kCases[] = {
      {"", HashStep(kHashSeed ^ 0, 0), 0x2e72b465600b6cb4ull},
      {"a", HashStep(kHashSeed ^ 1, 0x61), 0xed14a55ea39a00efull},
      {"said", HashStep(kHashSeed ^ 4, 0x64696173), 0x8728e43ced92fb46ull},
      {"abcdefgh", HashStep(kHashSeed ^ 8, 0x6867666564636261),
       0x7d6b56205aae6f6cull},
      {"according", HashStep(HashStep(kHashSeed ^ 9, 0x6e6964726f636361), 0x67),
       0xb69f1d52885a5413ull},
      {"confirmed.",
       HashStep(HashStep(kHashSeed ^ 10, 0x656d7269666e6f63), 0x2e64),
       0xb5b140d90a3cee8dull},
      {"abcdefghijklmnop",
       HashStep(HashStep(kHashSeed ^ 16, 0x6867666564636261),
                0x706f6e6d6c6b6a69),
       0x3833b6e192f00b0dull},
      {"abcdefghijklmnopq",
       HashStep(HashStep(HashStep(kHashSeed ^ 17, 0x6867666564636261),
                         0x706f6e6d6c6b6a69),
                0x71),
       0x6e064ea7558a4e2eull},
  };
  for (const HashCase& c : kCases) {
    SCOPED_TRACE(c.word);
    EXPECT_EQ(HashWord(c.word), c.steps);
    EXPECT_EQ(HashWord(c.word), c.value);
  }
}

// Most words are lower-cased and hashed 16 bytes at a time, near the end
// of the range from a padded copy: every length, at every distance from
// the end, in any case, gets the form and the HashWord of its form.
TEST(TokenizeTest, WordsOfEveryLengthAnywhere) {
  const std::string letters = "aBcDeFgHiJkLmNoPqRsTuVwXyZ_0123456789";
  for (size_t length = 1; length <= letters.size(); ++length) {
    const std::string word = letters.substr(0, length);
    for (size_t after = 0; after <= 20; ++after) {
      const std::string text = "x " + word + std::string(after, '.');
      SCOPED_TRACE(text);
      const TokenList tokens = Tokenize(text, 0, text.size());
      ASSERT_EQ(tokens.size(), 2 + after);
      EXPECT_EQ(tokens[1].norm, NormalizeToken(word));
      EXPECT_EQ(tokens[1].end, 2 + length);
      for (const Token& t : tokens) EXPECT_EQ(t.hash, HashWord(t.norm));
    }
  }
}

TEST(NormalizeTokenTest, Table) {
  struct NormCase {
    const char* name;
    std::string token;
    std::string norm;
  };
  const NormCase kCases[] = {
      {"Capitalized", "Reportedly", "reportedly"},
      {"CurlyApostrophe", "didn\xE2\x80\x99t", "didn't"},
      {"AsciiApostropheKept", "didn't", "didn't"},
      {"AllCaps", "SAID", "said"},
      {"AlreadyLower", "said", "said"},
      {"DigitsAndUnderscore", "Megatron_ron42", "megatron_ron42"},
      {"PunctuationKept", "U.S.", "u.s."},
      {"NonAsciiUpperKept", "Z\xC3\x9CRICH", "z\xC3\x9Crich"},
      {"NonAsciiLowerKept", "Z\xC3\xBCrich", "z\xC3\xBCrich"},
      {"LoneCurlyApostrophe", "\xE2\x80\x99", "'"},
      {"LeftCurlyQuoteFolded", "\xE2\x80\x98", "'"},
      {"CurlyDoubleQuotesFolded", "\xE2\x80\x9C\xE2\x80\x9D", "\"\""},
      {"Empty", "", ""},
  };
  for (const auto& c : kCases) {
    SCOPED_TRACE(c.name);
    EXPECT_EQ(NormalizeToken(c.token), c.norm);
  }
}

// A TokenList tokenized into again, longer or shorter, holds the new
// text's tokens only, and their forms are right.
TEST(TokenizeTest, ReusedListMatchesFreshOne) {
  const std::vector<std::string> texts = {
      "Officials didn\xE2\x80\x99t confirm the REPORT, sources said.",
      "A",
      "",
      "Russia\xE2\x80\x99s \xE2\x80\x9CZ\xC3\xBCrich\xE2\x80\x9D "
      "Megatron_ron42 u.s. so-called 3.7\xC2\xA0percent",
      "ok",
  };
  TokenList reused;
  for (const std::string& text : texts) {
    SCOPED_TRACE(text);
    Tokenize(text, 0, text.size(), &reused);
    const TokenList fresh = Tokenize(text, 0, text.size());
    EXPECT_EQ(Toks(reused), Toks(fresh));
    for (const Token& t : reused) EXPECT_EQ(t.hash, HashWord(t.norm));
  }
}

// The flag that lets the extractor skip most style cues: a word opening
// with two ASCII capitals, or a token @, # or !.
TEST(TokenizerTest, MayShoutOrMark) {
  struct FlagCase {
    std::string text;
    size_t end;
    bool want;
  };
  const FlagCase cases[] = {
      {"BREAKING news", 13, true},
      {"The US says", 11, false},  // too short to shout (FindStyleCues)
      {"The NATO says", 13, true},
      {"Us and them", 11, false},
      {"A B C", 5, false},
      {"ends with A", 11, false},
      {"ABCD", 3, false},  // the range ends before the fourth byte
      {"ABCD", 4, true},
      {"ABcd", 4, true},        // two capitals open it: FindStyleCues looks on
      {"A\xC3\x89", 3, false},  // a non-ASCII capital is no ASCII one
      {"hi@there", 8, true},
      {"#tag", 4, true},
      {"wow!", 4, true},
      {"no marks, none.", 15, false},
  };
  TokenList list;
  for (const auto& c : cases) {
    SCOPED_TRACE(c.text);
    Tokenize(c.text, 0, c.end, &list);
    EXPECT_EQ(list.may_shout_or_mark(), c.want);
  }
}

// Tokenizes each case's text into one reused list and hands it to `check`
// with the case's expected flag.
template <typename Check>
void ForEachFlagCase(const std::vector<std::pair<const char*, bool>>& cases,
                     Check check) {
  TokenList list;
  for (const auto& [text, want] : cases) {
    SCOPED_TRACE(text);
    const std::string t = text;
    Tokenize(t, 0, t.size(), &list);
    check(list, want);
  }
}

// The flag that lets the extractor skip the quotation scan.
TEST(TokenizerTest, HasDoubleQuote) {
  const std::vector<std::pair<const char*, bool>> cases = {
      {"He said \"no\"", true},
      {"He said \u201cno\u201d", true},
      {"He said \u201dno", true},
      {"It\u2019s \u2018fine\u2019 and 'ok'", false},
      {"He said &quot;no&quot;", true},
      {"&#39;no&#39; &amp; &quo", false},
      {"No quotes", false},
      {"", false},
  };
  ForEachFlagCase(cases, [](const TokenList& list, bool want) {
    EXPECT_EQ(list.has_double_quote(), want);
  });
}

// The flag that lets the extractor skip the dash attribution scan: set for
// every token an em or en dash makes, glued to words or not.
TEST(TokenizerTest, HasDash) {
  const std::vector<std::pair<const char*, bool>> cases = {
      {"Rates rise \u2014Minister Ann Lee", true},
      {"Rates rise \u2013 Minister Ann Lee", true},
      {"rise\u2014fall", true},
      {"\u2014", true},
      {"so-called - nothing", false},
      {"\u2012 \u2015 \u2026 caf\u00e9", false},
      {"", false},
  };
  ForEachFlagCase(cases, [](const TokenList& list, bool want) {
    EXPECT_EQ(list.has_dash(), want);
    bool reference = false;
    for (const Token& token : list) {
      reference |= Is(token, "\u2014") || Is(token, "\u2013");
    }
    EXPECT_EQ(list.has_dash(), reference);
  });
}

}  // namespace
}  // namespace credence
