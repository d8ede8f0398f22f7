// Tests of the claim splitter: sentence ends, headlines, articles.
#include "engine/splitter.h"

#include <gtest/gtest.h>

#include <ostream>
#include <string>
#include <vector>

namespace credence {
namespace {

struct Case {
  const char* name;
  std::string input;
  std::vector<std::string> expected;
};

// Names the case, rather than dumping its bytes, when a TEST_P fails.
void PrintTo(const Case& c, std::ostream* os) { *os << c.name; }

std::vector<std::string> Texts(const std::string& text,
                               const std::vector<Span>& spans) {
  std::vector<std::string> out;
  for (const Span& s : spans) {
    EXPECT_LE(s.begin, s.end);
    EXPECT_LE(s.end, text.size());
    if (s.begin <= s.end && s.end <= text.size()) {
      out.push_back(text.substr(s.begin, s.end - s.begin));
    }
  }
  return out;
}

std::string CaseName(const testing::TestParamInfo<Case>& info) {
  return info.param.name;
}

// Inputs for SplitSentences(text, 0, text.size()).
const std::vector<Case>& SentenceCases() {
  static const auto* cases = new std::vector<Case>{
      // Unicode white space and line ends separate sentences as ASCII ones do.
      {"ThinSpaceAfterPeriod",
       "He may go.\u2009Officials said so.",
       {"He may go.", "Officials said so."}},
      {"IdeographicSpaceAfterPeriod",
       "He may go.\u3000Officials said so.",
       {"He may go.", "Officials said so."}},
      {"NarrowNoBreakSpaceAfterPeriod",
       "He may go.\u202FOfficials said so.",
       {"He may go.", "Officials said so."}},
      {"LineSeparatorAfterPeriod",
       "He may go.\u2028Officials said so.",
       {"He may go.", "Officials said so."}},
      {"ParagraphSeparatorAfterPeriod",
       "He may go.\u2029Officials said so.",
       {"He may go.", "Officials said so."}},
      {"NextLineAfterPeriod",
       "He may go.\u0085Officials said so.",
       {"He may go.", "Officials said so."}},
      {"ParagraphSeparatorEndsAWrappedSentence",
       "He said the talks,\u2029they said.",
       {"He said the talks,", "they said."}},
      {"LineSeparatorWrapsLikeANewline",
       "He said the talks,\u2028they said.",
       {"He said the talks,\u2028they said."}},
      {"CarriageReturnLinesStandAlone",
       "BREAKING:\rPolice closed the road\rOfficials said so.",
       {"BREAKING:", "Police closed the road", "Officials said so."}},
      {"CarriageReturnBlankLineIsAParagraph",
       "He said the talks,\r\rthey said.",
       {"He said the talks,", "they said."}},
      {"CrlfLinesStandAlone",
       "BREAKING:\r\nPolice closed the road\r\n",
       {"BREAKING:", "Police closed the road"}},
      {"TwoSentences",
       "He may go. Officials said so.",
       {"He may go.", "Officials said so."}},
      {"QuestionAndExclamation",
       "Is it over? Yes! It is.",
       {"Is it over?", "Yes!", "It is."}},
      {"LowercaseAfterPeriodDoesNotSplit",
       "The vote was 5 to 4. but it was close.",
       {"The vote was 5 to 4. but it was close."}},
      {"LowercaseAfterQuestionDoesNotSplit",
       "Why? because it rained.",
       {"Why? because it rained."}},
      {"TitlesBeforeNames",
       "Mr. Smith met Dr. Jones and Sen. Warren on Monday.",
       {"Mr. Smith met Dr. Jones and Sen. Warren on Monday."}},
      {"PluralTitlesBeforeNames",
       "Reps. Ana Ruiz and Tom Lee spoke. Sens. Lee and Park agreed.",
       {"Reps. Ana Ruiz and Tom Lee spoke.", "Sens. Lee and Park agreed."}},
      {"StackedTitles",
       "Gov. Newsom and Lt. Gen. Smith spoke. Prof. Lee agreed.",
       {"Gov. Newsom and Lt. Gen. Smith spoke.", "Prof. Lee agreed."}},
      {"MonthsBeforeDigits",
       "The vote is set for Jan. 5 in the city. It may slip to Sept. 12.",
       {"The vote is set for Jan. 5 in the city.", "It may slip to Sept. 12."}},
      {"NumberAbbreviations",
       "He was ranked No. 1 in the world. Vol. 3 is out.",
       {"He was ranked No. 1 in the world.", "Vol. 3 is out."}},
      {"VsAndPages",
       "Smith vs. Jones is cited on pp. 10-12 and p. 4 of it. It was 1990.",
       {"Smith vs. Jones is cited on pp. 10-12 and p. 4 of it.",
        "It was 1990."}},
      {"TitleInsideOpeningQuote",
       "“Mr. Smith is here,” she said.",
       {"“Mr. Smith is here,” she said."}},
      {"TitleBeforeNonAsciiName",
       "Police in Zürich said so. Dr. Émile Roux agreed.",
       {"Police in Zürich said so.", "Dr. Émile Roux agreed."}},
      {"Initials",
       "John F. Kennedy was president. J. K. Rowling wrote books.",
       {"John F. Kennedy was president.", "J. K. Rowling wrote books."}},
      {"InitialBeforeInitialA", "J. A. Smith won.", {"J. A. Smith won."}},
      {"InitialsWithoutSpace",
       "J.K. Rowling spoke. World War I. Then peace came.",
       {"J.K. Rowling spoke.", "World War I.", "Then peace came."}},
      {"TitleAfterGluedDashOrParen",
       "The official—Dr. Smith—agreed (Sen. Lee did not).",
       {"The official—Dr. Smith—agreed (Sen. Lee did not)."}},
      {"AcronymBeforeOpeningQuote",
       "He criticised the U.S. “We will respond,” he said.",
       {"He criticised the U.S.", "“We will respond,” he said."}},
      {"CapitalLetterBeforeStarter",
       "He chose Plan B. The rest followed.",
       {"He chose Plan B.", "The rest followed."}},
      {"Decimal",
       "Inflation rose 3.7 percent in May. Prices fell.",
       {"Inflation rose 3.7 percent in May.", "Prices fell."}},
      {"NumberEndsSentence",
       "It ended in 2020. 2021 was worse.",
       {"It ended in 2020.", "2021 was worse."}},
      {"AcronymBeforeName",
       "U.S. President Joe Biden spoke. The U.N. Security Council met.",
       {"U.S. President Joe Biden spoke.", "The U.N. Security Council met."}},
      {"AcronymBeforeLowercase",
       "A U.S. official said the talks failed.",
       {"A U.S. official said the talks failed."}},
      {"AcronymBeforeStarter",
       "Russia imposed sanctions on the U.S. The ministry said so.",
       {"Russia imposed sanctions on the U.S.", "The ministry said so."}},
      {"AcronymGluedToHyphen",
       "The U.S.-led coalition struck. It was dawn.",
       {"The U.S.-led coalition struck.", "It was dawn."}},
      {"TimesOfDay",
       "It hit at 9 a.m. Tuesday near the port. It ended at 5 p.m. Officials "
       "left.",
       {"It hit at 9 a.m. Tuesday near the port.", "It ended at 5 p.m.",
        "Officials left."}},
      {"LatinAbbreviations",
       "Some states, e.g. Texas, refused. Others, i.e. most, agreed.",
       {"Some states, e.g. Texas, refused.", "Others, i.e. most, agreed."}},
      {"PhD",
       "She earned a Ph.D. in physics. She then taught.",
       {"She earned a Ph.D. in physics.", "She then taught."}},
      {"CorporateSuffixes",
       "Apple Inc. said profits rose. He owns Acme Corp. The firm is small. "
       "Warner Bros. Discovery fell.",
       {"Apple Inc. said profits rose.", "He owns Acme Corp.",
        "The firm is small.", "Warner Bros. Discovery fell."}},
      {"StreetAndGenerationalSuffixes",
       "He lives on Main St. The house is old. Martin Luther King Jr. Day is "
       "near. St. Louis is big.",
       {"He lives on Main St.", "The house is old.",
        "Martin Luther King Jr. Day is near.", "St. Louis is big."}},
      {"ClosingCurlyQuote",
       "He said, “We will go.” Then he left.",
       {"He said, “We will go.”", "Then he left."}},
      {"QuestionInsideQuotes",
       "“Is it true?” he asked.",
       {"“Is it true?” he asked."}},
      {"ExclamationInsideQuotesThenCapital",
       "She shouted, “Stop!” Nobody did.",
       {"She shouted, “Stop!”", "Nobody did."}},
      {"StraightQuotes",
       "He said \"no.\" Then he left. She said 'fine.' He agreed.",
       {"He said \"no.\"", "Then he left.", "She said 'fine.'", "He agreed."}},
      {"ClosingParenthesis",
       "(He left early.) Then we ate.",
       {"(He left early.)", "Then we ate."}},
      {"EllipsisBeforeCapital",
       "He paused... Then he spoke.",
       {"He paused...", "Then he spoke."}},
      {"EllipsisBeforeLowercase",
       "He paused... and then spoke.",
       {"He paused... and then spoke."}},
      {"UnicodeEllipsisBothWays",
       "We waited… and waited… Nothing happened.",
       {"We waited… and waited…", "Nothing happened."}},
      {"Dashes",
       "The deal — signed in May — collapsed. Talks – such as they were – "
       "ended.",
       {"The deal — signed in May — collapsed.",
        "Talks – such as they were – ended."}},
      {"Dateline",
       "WASHINGTON (Reuters) -\nThe Senate voted on Tuesday.",
       {"WASHINGTON (Reuters) -", "The Senate voted on Tuesday."}},
      {"Breaking",
       "BREAKING:\nA quake hit Tokyo.",
       {"BREAKING:", "A quake hit Tokyo."}},
      {"TweetEmbed",
       "— Megatron (@Megatron_ron) September 4, 2023\nNorth Korean leader Kim "
       "Jong Un will meet Putin",
       {"— Megatron (@Megatron_ron) September 4, 2023",
        "North Korean leader Kim Jong Un will meet Putin"}},
      {"PicTwitterAfterEllipsis",
       "We will see a new alliance… pic.twitter.com/ItCHpyAQiY",
       {"We will see a new alliance… pic.twitter.com/ItCHpyAQiY"}},
      {"Urls",
       "Read example.com/a.b today. Or visit https://www.reuters.com/world.",
       {"Read example.com/a.b today.",
        "Or visit https://www.reuters.com/world."}},
      {"BlankLineIsParagraphBreak",
       "It ends with a comma,\n\nand a new paragraph.",
       {"It ends with a comma,", "and a new paragraph."}},
      {"LineEndingInCommaContinues",
       "The minister said,\nThe plan is dead.",
       {"The minister said,\nThe plan is dead."}},
      {"LineEndingInSemicolonContinues",
       "Prices rose;\nWages did not.",
       {"Prices rose;\nWages did not."}},
      {"LineEndingInWordHyphenContinues",
       "The Franco-\nGerman border is closed.",
       {"The Franco-\nGerman border is closed."}},
      {"LowercaseNextLineContinues",
       "The storm hit the coast\nand cut power. Crews came.",
       {"The storm hit the coast\nand cut power.", "Crews came."}},
      {"PeriodThenLowercaseLineContinues",
       "He left at 5 p.m.\nand did not return.",
       {"He left at 5 p.m.\nand did not return."}},
      {"LinesWithoutPunctuationStandAlone",
       "Kim to visit Russia\nHe may go\nOfficials said so.",
       {"Kim to visit Russia", "He may go", "Officials said so."}},
      {"DashBulletsNeverContinue",
       "Key points,\n- first point\n- second point",
       {"Key points,", "first point", "second point"}},
      {"OtherBullets",
       "* Alpha\n• Beta\n– Gamma\n· Delta",
       {"Alpha", "Beta", "Gamma", "Delta"}},
      {"BulletWithTwoSentences",
       "- Prices rose. Wages fell.",
       {"Prices rose.", "Wages fell."}},
      {"NumberedList",
       "Steps:\n1. Open the box.\n2) Close it.\n10. Done",
       {"Steps:", "Open the box.", "Close it.", "Done"}},
      {"ListMarkerAlone", "1.\nOpen the box.\n-\n2.", {"Open the box."}},
      {"ListNumberMidLine",
       "Open the box. 2. Close it.",
       {"Open the box.", "2. Close it."}},
      {"NotABullet",
       "-5 degrees hit. 3.7 percent fell.",
       {"-5 degrees hit.", "3.7 percent fell."}},
      {"Crlf",
       "First line\r\nSecond line.\r\n\r\nThird,\r\nfourth.\r\n",
       {"First line", "Second line.", "Third,\r\nfourth."}},
      {"TrailingTextWithoutPunctuation",
       "He left. And then",
       {"He left.", "And then"}},
      {"LeadingAndTrailingSpaces",
       "   He left.   She stayed.  \t ",
       {"He left.", "She stayed."}},
      {"TabBetweenSentences",
       "He left.\tShe stayed.",
       {"He left.", "She stayed."}},
      {"Nbsp",
       "\u00A0He left.\u00A0She stayed.\u00A0\n\u00A0Then\u00A0rain.\u00A0",
       {"He left.", "She stayed.", "Then\u00A0rain."}},
      {"Empty", "", {}},
      {"Blank", " \t\r\n \n\u00A0 \r\n", {}},
      {"Korean",
       "서울에서 회의가 열렸다. 대통령이 참석했다.",
       {"서울에서 회의가 열렸다.", "대통령이 참석했다."}},
      {"PunctuationRun", "Really?! Yes.", {"Really?!", "Yes."}},
  };
  return *cases;
}

const char kKimArticle[] =
    "Surprising Twist: North Korea's Kim Jong Un Set to Meet with Russia's "
    "Putin Amid Rising Tensions\n"
    "In a surprising development, North Korean leader Kim Jong Un is rumored "
    "to be making a trip to Russia soon. While the exact details are still "
    "uncertain, a U.S. official, speaking on the condition of anonymity, has "
    "indicated that the trip is expected to happen within the month.\n"
    "BREAKING:\n"
    "— Megatron (@Megatron_ron) September 4, 2023\n"
    "North Korean leader Kim Jong Un will meet Putin in Russia to discuss new "
    "arms deals\n"
    "Most likely, in the near future we will see a new military alliance… "
    "pic.twitter.com/ItCHpyAQiY\n"
    "National Security Council spokeswoman Adrienne Watson confirmed that Kim "
    "expects discussions to continue. However, she emphasized that the U.S. "
    "is urging North Korea to cease its arms negotiations.\n";

// Inputs for SplitArticle(text).
const std::vector<Case>& ArticleCases() {
  static const auto* cases = new std::vector<Case>{
      // The headline ends at any line end; CR alone is one (old Mac files).
      {"CarriageReturnLineEnds",
       "Port closes\rThe port closed. Ships wait.\r",
       {"Port closes", "The port closed.", "Ships wait."}},
      {"HeadlineEndsAtLineSeparator",
       "Port closes\u2028The port closed.",
       {"Port closes", "The port closed."}},
      {"HeadlineEndsAtNextLine",
       "Port closes\u0085The port closed.",
       {"Port closes", "The port closed."}},
      {"LeadingUnicodeBlankLines",
       "\u3000\u2029\uFEFF\u2028Port closes\nThe port closed.",
       {"Port closes", "The port closed."}},
      {"HeaderExample",
       "Kim to visit Russia\nHe may go. Officials said so.",
       {"Kim to visit Russia", "He may go.", "Officials said so."}},
      {"HeadlineKeepsItsPunctuation",
       "Kim to visit Russia. Really?\nHe may go.",
       {"Kim to visit Russia. Really?", "He may go."}},
      {"BomAndLeadingBlankLines",
       "\xEF\xBB\xBF\n  \r\n\u00A0 Headline here \u00A0\r\nBody text.",
       {"Headline here", "Body text."}},
      {"HeadlineNeverJoinsBody",
       "Breaking,\nthe body starts lowercase.",
       {"Breaking,", "the body starts lowercase."}},
      {"HeadlineOnly", "Just a headline", {"Just a headline"}},
      {"BulletHeadlineKeepsMarker", "- Alert\nBody.", {"- Alert", "Body."}},
      {"BlankArticle", "\xEF\xBB\xBF \r\n\t\n", {}},
      {"EmptyArticle", "", {}},
      {"KimArticle",
       kKimArticle,
       {"Surprising Twist: North Korea's Kim Jong Un Set to Meet with "
        "Russia's Putin Amid Rising Tensions",
        "In a surprising development, North Korean leader Kim Jong Un is "
        "rumored to be making a trip to Russia soon.",
        "While the exact details are still uncertain, a U.S. official, "
        "speaking on the condition of anonymity, has indicated that the trip "
        "is expected to happen within the month.",
        "BREAKING:", "— Megatron (@Megatron_ron) September 4, 2023",
        "North Korean leader Kim Jong Un will meet Putin in Russia to discuss "
        "new arms deals",
        "Most likely, in the near future we will see a new military alliance… "
        "pic.twitter.com/ItCHpyAQiY",
        "National Security Council spokeswoman Adrienne Watson confirmed that "
        "Kim expects discussions to continue.",
        "However, she emphasized that the U.S. is urging North Korea to cease "
        "its arms negotiations."}},
  };
  return *cases;
}

class SplitSentencesTest : public testing::TestWithParam<Case> {};

TEST_P(SplitSentencesTest, Splits) {
  const Case& c = GetParam();
  EXPECT_EQ(Texts(c.input, SplitSentences(c.input, 0, c.input.size())),
            c.expected);
}

INSTANTIATE_TEST_SUITE_P(Table, SplitSentencesTest,
                         testing::ValuesIn(SentenceCases()), CaseName);

class SplitArticleTest : public testing::TestWithParam<Case> {};

TEST_P(SplitArticleTest, Splits) {
  const Case& c = GetParam();
  EXPECT_EQ(Texts(c.input, SplitArticle(c.input)), c.expected);
}

INSTANTIATE_TEST_SUITE_P(Table, SplitArticleTest,
                         testing::ValuesIn(ArticleCases()), CaseName);

bool StartsWithSpace(const std::string& text, size_t pos) {
  const char c = text[pos];
  return c == ' ' || c == '\t' || c == '\r' || c == '\n' ||
         text.compare(pos, 2, "\xC2\xA0") == 0;
}

bool EndsWithSpace(const std::string& text, size_t end) {
  const char c = text[end - 1];
  return c == ' ' || c == '\t' || c == '\r' || c == '\n' ||
         (end >= 2 && text.compare(end - 2, 2, "\xC2\xA0") == 0);
}

TEST(SplitterTest, SpansAreTrimmedOrderedAndDisjoint) {
  const std::string text =
      "\xEF\xBB\xBF  Headline: Markets fall \u00A0\r\n\r\n"
      "WASHINGTON (Reuters) -\n"
      "  Stocks fell 3.7 percent on Monday.  The U.S. Treasury said so. \n"
      "\n\n"
      "- Oil rose\u00A0\n"
      "1. Gold fell.\u00A0 Silver, too,\n"
      "  fell.\t\n"
      "“Is it bad?” he asked. “Yes.” \r\n"
      "\u00A0\n"
      "Analysts at Acme Corp. The firm said… nothing";
  const std::vector<Span> spans = SplitArticle(text);
  ASSERT_EQ(spans.size(), 11u);
  size_t previous_end = 0;
  for (const Span& s : spans) {
    SCOPED_TRACE(text.substr(s.begin, s.end - s.begin));
    ASSERT_LT(s.begin, s.end);
    ASSERT_LE(s.end, text.size());
    EXPECT_GE(s.begin, previous_end);
    EXPECT_FALSE(StartsWithSpace(text, s.begin));
    EXPECT_FALSE(EndsWithSpace(text, s.end));
    EXPECT_NE(text.compare(s.begin, 3, "\xEF\xBB\xBF"), 0);
    previous_end = s.end;
  }
}

TEST(SplitterTest, SubrangeOffsetsAreAbsolute) {
  const std::string text = "Skip me. He may go. Officials said so. Not me.";
  const size_t begin = text.find("He");
  const size_t end = text.find(" Not");
  EXPECT_EQ(Texts(text, SplitSentences(text, begin, end)),
            (std::vector<std::string>{"He may go.", "Officials said so."}));
  EXPECT_TRUE(SplitSentences(text, end, begin).empty());
  EXPECT_EQ(Texts(text, SplitSentences(text, 5, 1000)),
            (std::vector<std::string>{"me.", "He may go.", "Officials said so.",
                                      "Not me."}));
}

TEST(SplitterTest, LongLineWithoutPunctuationIsOneSpan) {
  std::string text(2'000'000, 'a');
  for (size_t i = 7; i < text.size(); i += 8) text[i] = ' ';
  text.back() = 'z';
  const std::vector<Span> spans = SplitSentences(text, 0, text.size());
  ASSERT_EQ(spans.size(), 1u);
  EXPECT_EQ(spans[0], (Span{0, text.size()}));
  EXPECT_EQ(SplitArticle(text).size(), 1u);
}

TEST(SplitterTest, MillionPeriodsCompletes) {
  const std::string text(1'000'000, '.');
  const std::vector<Span> spans = SplitSentences(text, 0, text.size());
  ASSERT_EQ(spans.size(), 1u);
  EXPECT_EQ(spans[0], (Span{0, text.size()}));
  const std::string spaced = "Hi.\n" + std::string(1'000'000, '.') + " Ok.";
  const std::vector<Span> article = SplitArticle(spaced);
  ASSERT_GE(article.size(), 2u);
  EXPECT_EQ(article.back().end, spaced.size());
}

}  // namespace
}  // namespace credence
