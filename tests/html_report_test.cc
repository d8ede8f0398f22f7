// Tests of the article's HTML page: marks, escaping, structure.
#include "engine/html_report.h"

#include <gtest/gtest.h>

#include <sstream>
#include <string>
#include <vector>

#include "engine/builtin_data.h"

namespace credence {
namespace {

// Contributions are pinned against the hand-set weights of
// models/prior.model (hedge -2, named_source 0.8), not the trained model.
const Scorer& Prior() {
  static const Scorer scorer(
      Extractor(DefaultLexicons()),
      LinearModel::LoadFile(CREDENCE_MODELS "/prior.model"));
  return scorer;
}

std::string Page(const std::string& text) {
  std::ostringstream out;
  WriteHtmlReport(text, Prior().ScoreArticle(text), Prior(), out);
  return out.str();
}

// The inside of the article's first block, <div class="blk">...</div>.
std::string ArticleDiv(const std::string& page) {
  const std::string open = "<div class=\"article\"><div class=\"blk\">";
  const size_t begin = page.find(open) + open.size();
  return page.substr(begin, page.find("</div>", begin) - begin);
}

size_t Count(const std::string& haystack, const std::string& needle) {
  size_t n = 0;
  for (size_t at = haystack.find(needle); at != std::string::npos;
       at = haystack.find(needle, at + 1)) {
    ++n;
  }
  return n;
}

TEST(HtmlEscapedTest, EscapesTheFiveMarkupCharacters) {
  const struct {
    std::string in, out;
  } cases[] = {
      {"", ""},
      {"plain words", "plain words"},
      {"a & b", "a &amp; b"},
      {"<script>", "&lt;script&gt;"},
      {"\"'", "&quot;&#39;"},
      {"&amp;", "&amp;amp;"},
      {"caf\u00e9 \u201cq\u201d", "caf\u00e9 \u201cq\u201d"},
      {"<img src=x onerror=\"a('b')\">",
       "&lt;img src=x onerror=&quot;a(&#39;b&#39;)&quot;&gt;"},
  };
  for (const auto& c : cases) {
    EXPECT_EQ(HtmlEscaped(c.in), c.out) << c.in;
    std::ostringstream streamed;
    WriteHtmlEscaped(c.in, streamed);
    EXPECT_EQ(streamed.str(), c.out) << c.in;
  }
}

TEST(CueFamilyTest, GroupsCategoriesByEffect) {
  const struct {
    const char* category;
    std::string family;
  } cases[] = {
      {"named_source", "raise"},     {"official_confirmation", "raise"},
      {"anonymous_source", "lower"}, {"vague_attribution", "lower"},
      {"media_report", "lower"},     {"unverified_social", "lower"},
      {"denial", "lower"},           {"hedge", "hedge"},
      {"speculation", "hedge"},      {"doubt_marker", "hedge"},
      {"booster", "hedge"},          {"sensational", "style"},
      {"quotation", "style"},        {"title_case", "style"},
  };
  for (const auto& c : cases) EXPECT_EQ(CueFamily(c.category), c.family);
}

TEST(WriteMarkedTextTest, NestsOrContinuesOverlappingMarks) {
  const struct {
    const char* name;
    std::string text;
    std::vector<HtmlMark> marks;
    std::string out;
  } cases[] = {
      {"none", "abcdef", {}, "abcdef"},
      {"one", "abcdef", {{1, 3, "b", ""}}, "a<b>bc</b>def"},
      {"attributes",
       "ab",
       {{0, 1, "b", "class=\"x\""}},
       "<b class=\"x\">a</b>b"},
      {"nested",
       "abcdef",
       {{2, 4, "b", ""}, {0, 6, "i", ""}},
       "<i>ab<b>cd</b>ef</i>"},
      {"same range, given order",
       "abcdef",
       {{1, 3, "i", ""}, {1, 3, "b", ""}},
       "a<i><b>bc</b></i>def"},
      {"same begin, longer outside",
       "abcdef",
       {{1, 2, "b", ""}, {1, 4, "i", ""}},
       "a<i><b>b</b>cd</i>ef"},
      {"crossing",
       "abcdef",
       {{0, 3, "i", ""}, {2, 5, "b", ""}},
       "<i>ab<b>c</b></i><b data-cont=\"\">de</b>f"},
      {"crossing twice",
       "abcdef",
       {{0, 4, "i", ""}, {1, 3, "u", ""}, {2, 6, "b", ""}},
       "<i>a<u>b<b>c</b></u><b data-cont=\"\">d</b></i>"
       "<b data-cont=\"\">ef</b>"},
      {"adjacent",
       "abcd",
       {{0, 2, "b", ""}, {2, 4, "i", ""}},
       "<b>ab</b><i>cd</i>"},
      {"empty dropped, long clipped",
       "abc",
       {{1, 1, "b", ""}, {2, 9, "i", ""}},
       "ab<i>c</i>"},
      {"text escaped inside", "<a>", {{1, 2, "b", ""}}, "&lt;<b>a</b>&gt;"},
  };
  for (const auto& c : cases) {
    std::ostringstream out;
    WriteMarkedText(c.text, 0, c.text.size(), c.marks, out);
    EXPECT_EQ(out.str(), c.out) << c.name;
  }
}

TEST(WriteMarkedTextTest, WritesOnlyTheGivenRange) {
  std::ostringstream out;
  WriteMarkedText("abcdef", 1, 4, {{0, 2, "b", ""}, {3, 6, "i", ""}}, out);
  EXPECT_EQ(out.str(), "<b>b</b>c<i>d</i>");
}

TEST(WriteHtmlReportTest, MarksEachCueOfATinyArticle) {
  // hedge: -2 x log(1 + 0.4) = -0.67; named_source: 0.8 x log(2) = +0.55.
  const std::string text = "Officials may confirm <b>\n\nShe said it.\n";
  const std::string hedge = "hedge -0.67, entry \u201cmay\u201d";
  const std::string named =
      "named_source +0.55, entry \u201csay|says|said|saying\u201d";
  EXPECT_EQ(ArticleDiv(Page(text)),
            "<span class=\"claim\" id=\"c0\">Officials <mark class=\"cue "
            "hedge\" data-category=\"hedge\" data-cue=\"0.0\" title=\"" +
                hedge + "\" aria-label=\"" + hedge +
                "\" tabindex=\"0\">may</mark> confirm &lt;b&gt;</span>\n\n"
                "<span class=\"claim\" id=\"c1\"><mark class=\"cue raise\" "
                "data-category=\"named_source\" data-cue=\"1.0\" title=\"" +
                named + "\" aria-label=\"" + named +
                "\" tabindex=\"0\">She said</mark> it.</span>\n");
}

TEST(WriteHtmlReportTest, ShowsScoreBackingSpeakerAndSummary) {
  // Claim 0: 0.5 - 2 log 1.4 = -0.173, confidence 0.457; claim 1: 0.5 +
  // 0.8 log 2 + 0.5 (backed by a named source) = 1.555, confidence 0.826;
  // the article: the mean logit, 0.691.
  const std::string page = Page("Officials may confirm <b>\n\nShe said it.\n");
  const std::string expected[] = {
      "<title>credence: article report</title>",
      "<h1>Officials may confirm &lt;b&gt;</h1>",
      "2 claims; logit 0.691, logistic of the mean claim logit; "
      "model credence-prior",
      "<tr><td>named</td><td class=\"num\">1</td></tr>",
      "<tr><td>none</td><td class=\"num\">1</td></tr>",
      "<div class=\"row\" style=\"--c:0.457\">0.46 <a href=\"#c0\">#0</a> "
      "none \u00b7 \u2014 \u00b7 Officials may confirm &lt;b&gt;</div>",
      "<div class=\"row\" style=\"--c:0.826\">0.83 <a href=\"#c1\">#1</a> "
      "named \u00b7 She \u00b7 She said it.</div>",
      "<tr><td>may</td><td><span class=\"swatch hedge\"></span>hedge</td>"
      "<td class=\"num\">-0.67</td><td><a href=\"#c0\">0</a></td></tr>",
  };
  for (const std::string& e : expected) {
    EXPECT_NE(page.find(e), std::string::npos) << e;
  }
}

TEST(WriteHtmlReportTest, SplitsALongArticleIntoBlocksAtLineEnds) {
  // 100 lines of 64 bytes, a claim each: the first block closes after the
  // first claim ending 4096 bytes or more into the text, line 64 (bytes
  // 4096-4158), so it holds 65 lines; the second the other 35.
  const std::string line =
      "Officials said port " + std::string(42, 'a') + ".\n";
  ASSERT_EQ(line.size(), 64u);
  std::string text;
  for (int i = 0; i < 100; ++i) text += line;
  const std::string page = Page(text);
  EXPECT_EQ(Count(page, "<div class=\"blk\">"), 2u);
  EXPECT_EQ(Count(page, "<div class=\"rblk\">"), 1u);  // 100 rows a block
  EXPECT_EQ(Count(Page(text + line), "<div class=\"rblk\">"), 2u);
  const size_t first = page.find("<div class=\"blk\">");
  const size_t second = page.find("</div><div class=\"blk\">");
  ASSERT_NE(second, std::string::npos);
  EXPECT_EQ(Count(page.substr(first, second - first), "\n"), 65u);
  EXPECT_EQ(Count(page.substr(second, page.find("</div>", second + 6) - second),
                  "\n"),
            35u);
}

TEST(WriteHtmlReportTest, HostileTextCreatesNoElements) {
  const std::string text =
      "<script>document.title='pwned'</script> may rise\n\n"
      "<img src=x onerror=\"document.title='pwned'\"> </style> "
      "<a href=\"javascript:alert(1)\">link</a> \"quoted\" & said.\n";
  const std::string page = Page(text);
  EXPECT_EQ(Count(page, "<script"), 0u);
  EXPECT_EQ(Count(page, "<img"), 0u);
  EXPECT_EQ(Count(page, "<a href=\"javascript"), 0u);
  EXPECT_EQ(Count(page, "</style>"), 1u);  // the page's own
  EXPECT_NE(page.find("script-src 'none'"), std::string::npos);
}

}  // namespace
}  // namespace credence
