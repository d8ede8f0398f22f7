// Tests of lexicon parsing, overlays and inflections.
#include "features/lexicon.h"

#include <gtest/gtest.h>

#include <cstdio>
#include <cstdlib>
#include <string>
#include <vector>

namespace credence {
namespace {

using Forms = std::vector<std::vector<std::string>>;

constexpr const char* kPath = "lex.txt";

struct ExpectedEntry {
  std::string phrase;
  double strength;
  int line;
  Forms forms;
};

void ExpectEntries(const Lexicon& lexicon,
                   const std::vector<ExpectedEntry>& expected) {
  ASSERT_EQ(lexicon.entries.size(), expected.size());
  for (size_t i = 0; i < expected.size(); ++i) {
    SCOPED_TRACE("entry " + std::to_string(i));
    const LexiconEntry& got = lexicon.entries[i];
    EXPECT_EQ(got.phrase, expected[i].phrase);
    EXPECT_EQ(got.strength, expected[i].strength);
    EXPECT_EQ(got.line, expected[i].line);
    EXPECT_EQ(got.forms, expected[i].forms);
  }
}

// The what() of the LexiconError ParseLexicon throws, or "" when it parses.
std::string ErrorOf(const std::string& content) {
  try {
    ParseLexicon(content, "hedge", kPath);
  } catch (const LexiconError& e) {
    return e.what();
  }
  return "";
}

// n words "w", separated by spaces.
std::string Words(int n) {
  std::string out;
  for (int i = 0; i < n; ++i) out += (i == 0 ? "w" : " w");
  return out;
}

// n words, each "a|b", separated by spaces.
std::string AlternativeWords(int n) {
  std::string out;
  for (int i = 0; i < n; ++i) out += (i == 0 ? "" : " ") + std::string("a|b");
  return out;
}

TEST(ParseLexiconTest, KeepsNameAndPath) {
  const Lexicon lexicon = ParseLexicon("reportedly\n", "hedge", "hedge.txt");
  EXPECT_EQ(lexicon.name, "hedge");
  EXPECT_EQ(lexicon.path, "hedge.txt");
  ExpectEntries(lexicon, {{"reportedly", 1.0, 1, {{"reportedly"}}}});
}

TEST(ParseLexiconTest, ValidInput) {
  struct Case {
    const char* name;
    std::string content;
    std::vector<ExpectedEntry> expected;
  };
  const Case kCases[] = {
      {"Empty", "", {}},
      {"OnlyCommentsAndBlankLines", "# hedge\n\n   \n\t\n# more\n", {}},
      {"SingleWordDefaultStrength",
       "reportedly\n",
       {{"reportedly", 1.0, 1, {{"reportedly"}}}}},
      {"NoFinalNewline",
       "reportedly\nallegedly",
       {{"reportedly", 1.0, 1, {{"reportedly"}}},
        {"allegedly", 1.0, 2, {{"allegedly"}}}}},
      {"CommentsAndBlankLinesSkippedButCounted",
       "# hedge\n\nreportedly\n   \n  # indented comment\nallegedly\n",
       {{"reportedly", 1.0, 3, {{"reportedly"}}},
        {"allegedly", 1.0, 6, {{"allegedly"}}}}},
      {"CommentIsNeverAnEntryEvenIfItLooksLikeOne",
       "#may = abc\n#confirm+|\n# = 2\n#a||b\nmay\n",
       {{"may", 1.0, 5, {{"may"}}}}},
      {"Strengths",
       "may = 0.5\nmight=0.6\ncould =100\nsaid = 1e-3\nseems = 2\n",
       {{"may", 0.5, 1, {{"may"}}},
        {"might", 0.6, 2, {{"might"}}},
        {"could", 100.0, 3, {{"could"}}},
        {"said", 0.001, 4, {{"said"}}},
        {"seems", 2.0, 5, {{"seems"}}}}},
      {"MultiWordWithStrength",
       "told reporters = 0.8\n",
       {{"told reporters", 0.8, 1, {{"told", "reporters"}}}}},
      {"LeadingAndTrailingWhitespaceTrimmed",
       "  \treportedly \t\n",
       {{"reportedly", 1.0, 1, {{"reportedly"}}}}},
      {"SpacesAndTabsBetweenWords",
       "according  \tto\n",
       {{"according  \tto", 1.0, 1, {{"according", "to"}}}}},
      {"Inflection",
       "confirm+\n",
       {{"confirm+",
         1.0,
         1,
         {{"confirm"}, {"confirms"}, {"confirmed"}, {"confirming"}}}}},
      {"InflectionThenWord",
       "confirm+ that = 0.6\n",
       {{"confirm+ that",
         0.6,
         1,
         {{"confirm", "that"},
          {"confirms", "that"},
          {"confirmed", "that"},
          {"confirming", "that"}}}}},
      {"InflectionAfterWord",
       "state+ in a statement\n",
       {{"state+ in a statement",
         1.0,
         1,
         {{"state", "in", "a", "statement"},
          {"states", "in", "a", "statement"},
          {"stated", "in", "a", "statement"},
          {"stating", "in", "a", "statement"}}}}},
      {"InflectedAlternatives",
       "confirm+|deny+\n",
       {{"confirm+|deny+",
         1.0,
         1,
         {{"confirm"},
          {"confirms"},
          {"confirmed"},
          {"confirming"},
          {"deny"},
          {"denies"},
          {"denied"},
          {"denying"}}}}},
      {"IrregularListedWithBar",
       "say+|said\n",
       {{"say+|said",
         1.0,
         1,
         {{"say"}, {"says"}, {"sayed"}, {"saying"}, {"said"}}}}},
      {"Alternatives",
       "is|are rumored to\n",
       {{"is|are rumored to",
         1.0,
         1,
         {{"is", "rumored", "to"}, {"are", "rumored", "to"}}}}},
      {"ProductOfAlternativesInOrder",
       "a|b c|d\n",
       {{"a|b c|d", 1.0, 1, {{"a", "c"}, {"a", "d"}, {"b", "c"}, {"b", "d"}}}}},
      {"ThreeByTwo",
       "was|is|are said|thought\n",
       {{"was|is|are said|thought",
         1.0,
         1,
         {{"was", "said"},
          {"was", "thought"},
          {"is", "said"},
          {"is", "thought"},
          {"are", "said"},
          {"are", "thought"}}}}},
      {"PunctuationSplitsIntoTokens",
       "U.S. official\n",
       {{"U.S. official", 1.0, 1, {{"u", ".", "s", ".", "official"}}}}},
      {"Hyphen",
       "so-called\n",
       {{"so-called", 1.0, 1, {{"so", "-", "called"}}}}},
      {"AlternativeWithPunctuation",
       "U.S.|American official\n",
       {{"U.S.|American official",
         1.0,
         1,
         {{"u", ".", "s", ".", "official"}, {"american", "official"}}}}},
      {"InflectLastTokenOfMultiTokenWord",
       "re-confirm+\n",
       {{"re-confirm+",
         1.0,
         1,
         {{"re", "-", "confirm"},
          {"re", "-", "confirms"},
          {"re", "-", "confirmed"},
          {"re", "-", "confirming"}}}}},
      {"Possessive",
       "prosecutor's office\n",
       {{"prosecutor's office", 1.0, 1, {{"prosecutor", "'s", "office"}}}}},
      {"CaseFolded",
       "Reportedly\nWhite House\n",
       {{"Reportedly", 1.0, 1, {{"reportedly"}}},
        {"White House", 1.0, 2, {{"white", "house"}}}}},
      {"CurlyApostropheFolded",
       "didn\xE2\x80\x99t confirm\n",
       {{"didn\xE2\x80\x99t confirm", 1.0, 1, {{"didn't", "confirm"}}}}},
      {"NonAsciiWord",
       "Z\xC3\xBCrich police\n",
       {{"Z\xC3\xBCrich police", 1.0, 1, {{"z\xC3\xBCrich", "police"}}}}},
      {"CrlfLineEnds",
       "# c\r\nreportedly\r\nmay = 0.5\r\n\r\nallegedly\r\n",
       {{"reportedly", 1.0, 2, {{"reportedly"}}},
        {"may", 0.5, 3, {{"may"}}},
        {"allegedly", 1.0, 5, {{"allegedly"}}}}},
      {"SameWordInDifferentPhrasesIsNoDuplicate",
       "confirm+\nconfirm+ that\n",
       {{"confirm+",
         1.0,
         1,
         {{"confirm"}, {"confirms"}, {"confirmed"}, {"confirming"}}},
        {"confirm+ that",
         1.0,
         2,
         {{"confirm", "that"},
          {"confirms", "that"},
          {"confirmed", "that"},
          {"confirming", "that"}}}}},
  };
  for (const auto& c : kCases) {
    SCOPED_TRACE(c.name);
    try {
      ExpectEntries(ParseLexicon(c.content, "hedge", kPath), c.expected);
    } catch (const LexiconError& e) {
      ADD_FAILURE() << "unexpected LexiconError: " << e.what();
    }
  }
}

TEST(ParseLexiconTest, EntriesOnTheLengthBoundsAreAccepted) {
  const std::string bytes(1024, 'a');
  const Lexicon lexicon =
      ParseLexicon(bytes + "\n" + Words(32) + "\n", "hedge", kPath);
  ASSERT_EQ(lexicon.entries.size(), 2u);
  EXPECT_EQ(lexicon.entries[0].forms, (Forms{std::vector<std::string>{bytes}}));
  EXPECT_EQ(lexicon.entries[1].forms.at(0).size(), 32u);
  // Comment lines are not entries: any length.
  EXPECT_TRUE(ParseLexicon("# " + std::string(5000, 'x'), "hedge", kPath)
                  .entries.empty());
}

TEST(ParseLexiconTest, ExactlyMaxFormsIsAccepted) {
  // 12 words of 2 alternatives: 2^12 = 4096 forms, the limit.
  const Lexicon lexicon = ParseLexicon(AlternativeWords(12), "hedge", kPath);
  ASSERT_EQ(lexicon.entries.size(), 1u);
  const Forms& forms = lexicon.entries[0].forms;
  ASSERT_EQ(forms.size(), 4096u);
  EXPECT_EQ(forms.front(), std::vector<std::string>(12, "a"));
  EXPECT_EQ(forms[1], (std::vector<std::string>{"a", "a", "a", "a", "a", "a",
                                                "a", "a", "a", "a", "a", "b"}));
  EXPECT_EQ(forms.back(), std::vector<std::string>(12, "b"));
}

TEST(ParseLexiconTest, BadInput) {
  struct Case {
    const char* name;
    std::string content;
    std::string message;  // expected substring of what()
  };
  const Case kCases[] = {
      {"StrengthNotANumber", "may = abc\n",
       "lex.txt:1: bad strength 'abc' (write 'phrase = N' with 0 < N <= 100)"},
      {"StrengthZero", "may = 0\n", "lex.txt:1: bad strength '0'"},
      // A stray carriage return or control byte is shown, not printed: the
      // message stays one line (lexicon_fuzzer found this).
      {"StrengthWithControlBytes", "rumored = \x11\r\x11 1\n",
       "lex.txt:1: bad strength '\\x11\\r\\x11 1'"},
      {"StrengthNegative", "may = -1\n", "lex.txt:1: bad strength '-1'"},
      {"StrengthAboveMax", "may = 101\n", "lex.txt:1: bad strength '101'"},
      {"StrengthJustAboveMax", "may = 100.001\n",
       "lex.txt:1: bad strength '100.001'"},
      {"StrengthNan", "may = nan\n", "lex.txt:1: bad strength 'nan'"},
      {"StrengthInf", "may = inf\n", "lex.txt:1: bad strength 'inf'"},
      {"StrengthTrailingGarbage", "may = 1.5x\n",
       "lex.txt:1: bad strength '1.5x'"},
      {"StrengthTwoNumbers", "may = 1 2\n", "lex.txt:1: bad strength '1 2'"},
      {"StrengthMissing", "may =\n", "lex.txt:1: bad strength ''"},
      {"StrengthOnLaterLine", "reportedly\n\n# c\nmay = abc\n",
       "lex.txt:4: bad strength 'abc'"},
      {"StrengthWithoutPhrase", "= 2\n",
       "lex.txt:1: strength without a phrase"},
      {"StrengthWithoutPhraseIndented", "reportedly\n  = 0.5\n",
       "lex.txt:2: strength without a phrase"},
      {"EmptyAlternativeMiddle", "a||b\n",
       "lex.txt:1: empty alternative in 'a||b' (write alternatives as a|b|c)"},
      {"EmptyAlternativeFirst", "|a\n", "lex.txt:1: empty alternative in '|a'"},
      {"EmptyAlternativeLast", "is rumored|\n",
       "lex.txt:1: empty alternative in 'rumored|'"},
      {"BarAlone", "reportedly\nis | rumored\n",
       "lex.txt:2: empty alternative in '|'"},
      {"PlusAfterPunctuation", "U.S.+\n",
       "lex.txt:1: '+' follows punctuation in 'U.S.+' (put '+' right after a "
       "word)"},
      {"PlusAfterPunctuationInAlternative", "confirm+|U.S.+ official\n",
       "lex.txt:1: '+' follows punctuation in 'confirm+|U.S.+'"},
      {"DoublePlus", "a ++\n", "lex.txt:1: '+' follows punctuation in '++'"},
      {"DuplicateAcrossLines", "reportedly\nallegedly\nreportedly\n",
       "lex.txt:3: 'reportedly' is already an entry at line 1 (remove one of "
       "them)"},
      {"DuplicateMultiWord", "told reporters\n# c\ntold  reporters = 0.8\n",
       "lex.txt:3: 'told reporters' is already an entry at line 1"},
      {"DuplicateByCase", "reportedly\nReportedly\n",
       "lex.txt:2: 'reportedly' is already an entry at line 1"},
      {"DuplicateByApostropheFold", "didn't\ndidn\xE2\x80\x99t\n",
       "lex.txt:2: 'didn't' is already an entry at line 1"},
      {"DuplicateByInflection", "confirm+\nconfirmed\n",
       "lex.txt:2: 'confirmed' is already an entry at line 1"},
      {"DuplicateByInflectionReversed", "x\nconfirmed\nconfirm+\n",
       "lex.txt:3: 'confirmed' is already an entry at line 2"},
      {"DuplicateByAlternative", "is rumored to\nis|are rumored to\n",
       "lex.txt:2: 'is rumored to' is already an entry at line 1"},
      {"DuplicateTokenized", "U.S. official\nU. S. official\n",
       "lex.txt:2: 'u . s . official' is already an entry at line 1"},
      {"DuplicateWithinOneLine", "reportedly\nis|is said\n",
       "lex.txt:2: 'is said' is already an entry at line 2"},
      {"InvalidUtf8FirstLine", "caf\xC3\x28\n",
       "lex.txt:1: invalid UTF-8 (save the file as UTF-8)"},
      {"InvalidUtf8LaterLine", "reportedly\r\n# c\r\nbad \xFF\r\n",
       "lex.txt:3: invalid UTF-8"},
      {"InvalidUtf8InComment", "reportedly\n# \xC0\x80\n",
       "lex.txt:2: invalid UTF-8"},
      {"InvalidUtf8Surrogate", "\xED\xA0\x80\n", "lex.txt:1: invalid UTF-8"},
      {"NulInEntry", std::string("reportedly\nalleg\0edly\n", 20),
       "lex.txt:2: NUL byte (a lexicon is UTF-8 text)"},
      {"NulInComment", std::string("# a\0\n", 5), "lex.txt:1: NUL byte"},
      // Long entries cost time with their length squared to load and with
      // the text times their length to match.
      {"EntryOfMoreThan1024Bytes", "reportedly\n" + std::string(1025, 'a'),
       "lex.txt:2: entry longer than 1024 bytes (a lexicon entry is a short "
       "phrase)"},
      {"EntryOfMoreThan32Tokens", Words(33),
       "lex.txt:1: entry longer than 32 tokens (a lexicon entry is a short "
       "phrase)"},
      {"AlternativeOfMoreThan32Tokens", "a|" + Words(32) + ".\n",
       "lex.txt:1: entry longer than 32 tokens"},
      {"TooManyForms", "reportedly\n" + AlternativeWords(13) + "\n",
       "lex.txt:2: entry expands to more than 4096 forms (split it into "
       "lines)"},
      {"TooManyFormsOneWord",
       "a|b|c|d|e|f|g|h a|b|c|d|e|f|g|h a|b|c|d|e|f|g|h "
       "a|b|c|d|e|f|g|h a|b\n",
       "lex.txt:1: entry expands to more than 4096 forms"},
  };
  for (const auto& c : kCases) {
    SCOPED_TRACE(c.name);
    const std::string error = ErrorOf(c.content);
    EXPECT_NE(error.find(c.message), std::string::npos)
        << "what(): \"" << error << "\"\nexpected substring: \"" << c.message
        << "\"";
  }
}

TEST(ParseLexiconTest, DuplicateMessageStartsWithPathAndLaterLine) {
  // what() is "path:line: problem (hint)": the location is the prefix.
  const std::string error = ErrorOf("may\nmight\nmay = 0.5\n");
  EXPECT_EQ(error.rfind("lex.txt:3: ", 0), 0u) << error;
  EXPECT_NE(error.find("line 1"), std::string::npos) << error;
}

// Regression: a line whose only characters are spaces the tokenizer skips (NBSP
// U+00A0, zero-width space U+200B) but Trim() does not is accepted as an entry
// whose only form is the empty token sequence; likewise an alternative made of
// such a space becomes an empty alternative. PhraseMatcher::Add requires
// non-empty token lists, and an empty alternative makes a word optional.
// Expected: the line is skipped like a blank line, or a LexiconError naming
// the line. Actual: e.g. "reportedly\n\xC2\xA0\n" parses to 2 entries, the
// second (line 2) with forms == {{}}; "is|\xC2\xA0 rumored\n" parses to forms
// {{"is","rumored"},{"rumored"}}.
TEST(ParseLexiconTest, UnicodeSpaceOnlyWordsNeverYieldEmptyForms) {
  struct Case {
    const char* name;
    std::string content;
    std::vector<ExpectedEntry> if_skipped;  // accepted result when no error
    std::string error;                      // accepted error prefix
  };
  const Case kCases[] = {
      {"NbspLine",
       "reportedly\n\xC2\xA0\n",
       {{"reportedly", 1.0, 1, {{"reportedly"}}}},
       "lex.txt:2:"},
      {"ZeroWidthSpaceLine",
       "reportedly\n\xE2\x80\x8B\n",
       {{"reportedly", 1.0, 1, {{"reportedly"}}}},
       "lex.txt:2:"},
      {"NbspAlternative", "is|\xC2\xA0 rumored\n", {}, "lex.txt:1:"},
  };
  for (const auto& c : kCases) {
    SCOPED_TRACE(c.name);
    try {
      const Lexicon lexicon = ParseLexicon(c.content, "hedge", kPath);
      for (const LexiconEntry& entry : lexicon.entries) {
        for (const auto& form : entry.forms) {
          EXPECT_FALSE(form.empty()) << "empty form at line " << entry.line;
        }
      }
      if (c.if_skipped.empty()) {
        ADD_FAILURE() << "expected a LexiconError \"" << c.error << "...\"";
      } else {
        ExpectEntries(lexicon, c.if_skipped);
      }
    } catch (const LexiconError& e) {
      EXPECT_EQ(std::string(e.what()).rfind(c.error, 0), 0u) << e.what();
    }
  }
}

// Regression: a UTF-8 byte-order mark (which FindInvalidUtf8 accepts, and which
// many editors write when saving "as UTF-8") turns a first-line comment into an
// entry: the line does not start with '#' byte-wise, so
// "\xEF\xBB\xBF# hedge\nreportedly\n" yields an entry at line 1 with phrase
// "\xEF\xBB\xBF# hedge" and forms {{"#", "hedge"}} (the tokenizer drops the
// BOM as a space). Expected: the comment is skipped (only "reportedly", line
// 2) or the BOM is rejected with "lex.txt:1:".
TEST(ParseLexiconTest, ByteOrderMarkDoesNotTurnCommentIntoEntry) {
  const std::string content = "\xEF\xBB\xBF# hedge\nreportedly\n";
  try {
    ExpectEntries(ParseLexicon(content, "hedge", kPath),
                  {{"reportedly", 1.0, 2, {{"reportedly"}}}});
  } catch (const LexiconError& e) {
    EXPECT_EQ(std::string(e.what()).rfind("lex.txt:1:", 0), 0u) << e.what();
  }
}

// Regression: '+' after a word made only of a Unicode space the tokenizer skips
// ("\xC2\xA0+", NBSP then '+') calls tokens.back() on an empty token list in
// WordAlternatives: undefined behaviour, a segfault in practice. Expected: a
// LexiconError "lex.txt:1: ..."; actual: the process crashes. Run in a death
// test so the crash cannot take the other tests down.
TEST(ParseLexiconDeathTest, PlusAfterUnicodeSpaceIsAnErrorNotACrash) {
  struct Case {
    const char* name;
    const char* content;
  };
  const Case kCases[] = {
      {"NbspPlus", "\xC2\xA0+\n"},
      {"ZeroWidthSpacePlusAfterWord", "reportedly \xE2\x80\x8B+\n"},
  };
  for (const auto& c : kCases) {
    SCOPED_TRACE(c.name);
    EXPECT_EXIT(
        {
          try {
            ParseLexicon(c.content, "hedge", kPath);
          } catch (const LexiconError& e) {
            std::fprintf(stderr, "%s\n", e.what());
            std::exit(0);
          }
          std::fprintf(stderr, "no LexiconError\n");
          std::exit(1);
        },
        testing::ExitedWithCode(0), "lex.txt:1:");
  }
}

TEST(InflectionsTest, RegularForms) {
  struct Case {
    const char* word;
    std::vector<std::string> forms;  // base, -s, -ed, -ing
  };
  const Case kCases[] = {
      {"confirm", {"confirm", "confirms", "confirmed", "confirming"}},
      {"deny", {"deny", "denies", "denied", "denying"}},
      {"announce", {"announce", "announces", "announced", "announcing"}},
      {"acknowledge",
       {"acknowledge", "acknowledges", "acknowledged", "acknowledging"}},
      {"push", {"push", "pushes", "pushed", "pushing"}},
      {"reach", {"reach", "reaches", "reached", "reaching"}},
      {"fix", {"fix", "fixes", "fixed", "fixing"}},
      {"pass", {"pass", "passes", "passed", "passing"}},
      {"buzz", {"buzz", "buzzes", "buzzed", "buzzing"}},
      // Regular rule only: irregular pasts ("said") are listed with '|'.
      {"say", {"say", "says", "sayed", "saying"}},
      {"play", {"play", "plays", "played", "playing"}},
      {"tie", {"tie", "ties", "tied", "tying"}},
      {"die", {"die", "dies", "died", "dying"}},
      {"agree", {"agree", "agrees", "agreed", "agreeing"}},
      {"dye", {"dye", "dyes", "dyed", "dyeing"}},
      {"hoe", {"hoe", "hoes", "hoed", "hoeing"}},
      {"request", {"request", "requests", "requested", "requesting"}},
  };
  for (const auto& c : kCases) {
    SCOPED_TRACE(c.word);
    EXPECT_EQ(Inflections(c.word), c.forms);
  }
}

}  // namespace
}  // namespace credence
