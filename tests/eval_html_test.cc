// The evaluation page: the plots' geometry on rows small enough to place
// by hand (the plot area is x 50..250, y 10..210: value v sits at
// x = 50 + 200 v, y = 210 - 200 v), the page's structure and its escaping.
#include "engine/learn/eval_html.h"

#include <gtest/gtest.h>

#include <cmath>
#include <regex>
#include <sstream>
#include <string>
#include <vector>

#include "engine/html_page.h"
#include "engine/learn/eval_plots.h"
#include "models/metrics.h"

namespace credence {
namespace {

// The four rows every case below starts from: scores 0.9 and 0.6 labeled
// 1, 0.7 and 0.2 labeled 0.
const std::vector<double> kP = {0.9, 0.7, 0.6, 0.2};
const std::vector<int> kY = {1, 0, 1, 0};

// Every match of `pattern` in `s`, in order.
std::vector<std::string> All(const std::string& s, const std::string& pattern) {
  std::vector<std::string> found;
  const std::regex re(pattern);
  for (auto it = std::sregex_iterator(s.begin(), s.end(), re);
       it != std::sregex_iterator(); ++it) {
    found.push_back(it->str());
  }
  return found;
}

size_t Count(const std::string& s, const std::string& needle) {
  size_t n = 0;
  for (size_t at = s.find(needle); at != std::string::npos;
       at = s.find(needle, at + 1)) {
    ++n;
  }
  return n;
}

TEST(RocPointsTest, OnePointADistinctScoreWorkedByHand) {
  const struct {
    const char* name;
    std::vector<double> scores;
    std::vector<int> labels;
    std::vector<std::pair<double, double>> points;
  } cases[] = {
      // 0.9 (1): tpr 1/2; 0.7 (0): fpr 1/2; 0.6 (1): tpr 1; 0.2 (0): fpr 1.
      {"four rows", kP, kY, {{0, 0}, {0, .5}, {.5, .5}, {.5, 1}, {1, 1}}},
      // Three rows at 0.5 (two labeled 1) move together.
      {"ties", {.5, .5, .5, .1}, {1, 0, 1, 0}, {{0, 0}, {.5, 1}, {1, 1}}},
      {"all tied", {.5, .5}, {1, 0}, {{0, 0}, {1, 1}}},
      {"one class", {.3, .4}, {1, 1}, {{0, 0}, {1, 1}}},
      {"perfect", {.8, .1}, {1, 0}, {{0, 0}, {0, 1}, {1, 1}}},
  };
  for (const auto& c : cases) {
    std::vector<std::pair<double, double>> got;
    for (const PlotPoint& p : RocPoints(c.scores, c.labels)) {
      got.emplace_back(p.x, p.y);
    }
    EXPECT_EQ(got, c.points) << c.name;
  }
}

TEST(EvalPlotsTest, RocCurveCoordinates) {
  std::ostringstream svg;
  WriteRocSvg(RocPoints(kP, kY), 0.75, svg);
  EXPECT_EQ(All(svg.str(), "<polyline[^>]*>"),
            std::vector<std::string>{
                "<polyline class=\"curve\" points=\"50.0,210.0 50.0,110.0 "
                "150.0,110.0 150.0,10.0 250.0,10.0\"/>"});
  EXPECT_EQ(
      All(svg.str(), "<line class=\"diagonal\"[^>]*>"),
      std::vector<std::string>{"<line class=\"diagonal\" x1=\"50.0\" "
                               "y1=\"210.0\" x2=\"250.0\" y2=\"10.0\"/>"});
  EXPECT_EQ(svg.str().find("<svg class=\"plot\" viewBox=\"0 0 280 260\" "
                           "width=\"280\" height=\"260\" role=\"img\"><title>"
                           "ROC curve, AUC 0.750</title>"),
            0u);
  EXPECT_NE(svg.str().find(">AUC 0.750</text>"), std::string::npos);
  EXPECT_NE(svg.str().find(">false positive rate</text>"), std::string::npos);
  EXPECT_NE(svg.str().find(">true positive rate</text>"), std::string::npos);
  // Ticks every 0.2 on both axes: 0.6 at x 170 and at y 90 (+4 baseline).
  EXPECT_NE(svg.str().find("<text x=\"170.0\" y=\"226.0\" "
                           "text-anchor=\"middle\">0.6</text>"),
            std::string::npos);
  EXPECT_NE(svg.str().find("<text x=\"46.0\" y=\"94.0\" "
                           "text-anchor=\"end\">0.60</text>"),
            std::string::npos);
  EXPECT_EQ(svg.str().substr(svg.str().size() - 7), "</svg>\n");
  std::ostringstream undefined;
  WriteRocSvg(RocPoints({.3}, {1}), std::nan(""), undefined);
  EXPECT_NE(undefined.str().find(">AUC undefined</text>"), std::string::npos);
}

TEST(EvalPlotsTest, ReliabilityPointsWithCounts) {
  // Bins 2, 6, 7, 9 hold a row each: (0.2, 0), (0.6, 1), (0.7, 0), (0.9, 1).
  std::ostringstream svg;
  WriteReliabilitySvg(Evaluate(kP, kY).bins, svg);
  EXPECT_EQ(All(svg.str(), "<polyline[^>]*>"),
            std::vector<std::string>{
                "<polyline class=\"curve\" points=\"90.0,210.0 170.0,10.0 "
                "190.0,210.0 230.0,10.0\"/>"});
  EXPECT_EQ(All(svg.str(), "<circle[^>]*>"),
            (std::vector<std::string>{
                "<circle class=\"dot\" cx=\"90.0\" cy=\"210.0\" r=\"3\">",
                "<circle class=\"dot\" cx=\"170.0\" cy=\"10.0\" r=\"3\">",
                "<circle class=\"dot\" cx=\"190.0\" cy=\"210.0\" r=\"3\">",
                "<circle class=\"dot\" cx=\"230.0\" cy=\"10.0\" r=\"3\">"}));
  EXPECT_EQ(
      All(svg.str(), "<text class=\"count\"[^<]*"),
      (std::vector<std::string>{"<text class=\"count\" x=\"90.0\" y=\"204.0\" "
                                "text-anchor=\"middle\">1",
                                "<text class=\"count\" x=\"170.0\" y=\"4.0\" "
                                "text-anchor=\"middle\">1",
                                "<text class=\"count\" x=\"190.0\" y=\"204.0\" "
                                "text-anchor=\"middle\">1",
                                "<text class=\"count\" x=\"230.0\" y=\"4.0\" "
                                "text-anchor=\"middle\">1"}));
  EXPECT_NE(svg.str().find(">mean predicted probability</text>"),
            std::string::npos);
  EXPECT_NE(svg.str().find(">share labeled 1</text>"), std::string::npos);
}

TEST(EvalPlotsTest, HistogramBarsWorkedByHand) {
  const struct {
    const char* name;
    std::vector<double> p;
    std::vector<int> y;
    std::vector<std::string> bars;  // class, x, y, height
    std::string top_tick;           // the y axis's top label
  } cases[] = {
      // Each bar holds half its class: the axis tops at 0.5, bars 200 high.
      // Bin b's bars start at 50 + 20 b + 1 (labeled 0) and + 10 (1).
      {"four rows",
       kP,
       kY,
       {"c0 91.0 10.0 200.0", "c0 191.0 10.0 200.0", "c1 180.0 10.0 200.0",
        "c1 240.0 10.0 200.0"},
       "0.50"},
      // Class 0 halves in bins 0 and 1 (100 high), class 1 whole in bin 9.
      {"unequal",
       {.05, .15, .95},
       {0, 0, 1},
       {"c0 51.0 110.0 100.0", "c0 71.0 110.0 100.0", "c1 240.0 10.0 200.0"},
       "1.00"},
      // A share of 0.1 still draws on an axis of at least 0.25: 80 high.
      {"flat",
       {.05, .15, .25, .35, .45, .55, .65, .75, .85, .95},
       {0, 0, 0, 0, 0, 0, 0, 0, 0, 0},
       {"c0 51.0 130.0 80.0", "c0 71.0 130.0 80.0", "c0 91.0 130.0 80.0",
        "c0 111.0 130.0 80.0", "c0 131.0 130.0 80.0", "c0 151.0 130.0 80.0",
        "c0 171.0 130.0 80.0", "c0 191.0 130.0 80.0", "c0 211.0 130.0 80.0",
        "c0 231.0 130.0 80.0"},
       "0.25"},
  };
  const std::regex bar(
      "<rect class=\"(c.)\" x=\"([^\"]*)\" y=\"([^\"]*)\" width=\"9\" "
      "height=\"([^\"]*)\">");
  for (const auto& c : cases) {
    std::ostringstream svg;
    WriteHistogramSvg(c.p, c.y, svg);
    const std::string s = svg.str();
    std::vector<std::string> bars;
    for (auto it = std::sregex_iterator(s.begin(), s.end(), bar);
         it != std::sregex_iterator(); ++it) {
      bars.push_back((*it)[1].str() + " " + (*it)[2].str() + " " +
                     (*it)[3].str() + " " + (*it)[4].str());
    }
    EXPECT_EQ(bars, c.bars) << c.name;
    EXPECT_NE(s.find("<text x=\"46.0\" y=\"14.0\" text-anchor=\"end\">" +
                     c.top_tick + "</text>"),
              std::string::npos)
        << c.name;
    EXPECT_NE(s.find(">share of the class's rows</text>"), std::string::npos)
        << c.name;
  }
}

// Two files of two rows each: a.csv holds 0.9 (1) and 0.7 (0), the hostile
// name holds 0.6 (1) and 0.2 (0).
Dataset TwoFiles() {
  Dataset data;
  data.y = kY;
  data.probability = kP;
  data.file = {0, 0, 1, 1};
  data.files.resize(2);
  data.files[0].path = "a.csv";
  data.files[1].path = "<script>alert(1)</script>.csv";
  for (DatasetFile& f : data.files) {
    f.rows = 2;
    f.positives = 1;
    f.sha256 = "00112233445566778899";
  }
  return data;
}

std::string Page(const Dataset& data, const CueTally* tally) {
  const std::vector<ScopedMetrics> metrics =
      MetricsByFile(data, data.probability);
  std::ostringstream out;
  WriteEvalHtml({"m<1>", data, metrics, tally,
                 std::vector<int>(Extractor::CategoryNames().size(), 1)},
                out);
  return out.str();
}

TEST(EvalHtmlTest, SectionsForAllRowsAndEachFileWithTheirPlots) {
  const std::string page = Page(TwoFiles(), nullptr);
  EXPECT_EQ(page.find("<!DOCTYPE html>\n"), 0u);
  EXPECT_EQ(All(page, "<section[^>]*>"),
            (std::vector<std::string>{"<section class=\"scope\" id=\"s0\">",
                                      "<section class=\"scope\" id=\"s1\">",
                                      "<section class=\"scope\" id=\"s2\">"}));
  EXPECT_EQ(Count(page, "<svg class=\"plot\""), 9u);
  // All rows: AUC 3/4; each file alone ranks its two rows right: 1.
  EXPECT_NE(page.find("<figcaption>ROC curve: AUC 0.750, 95% interval "),
            std::string::npos);
  EXPECT_EQ(Count(page, "<figcaption>ROC curve: AUC 1.000, "), 2u);
  EXPECT_EQ(All(page, "<polyline class=\"curve\" points=\"[^\"]*\"")[2],
            "<polyline class=\"curve\" points=\"50.0,210.0 50.0,10.0 "
            "250.0,10.0\"");
  EXPECT_NE(page.find("<h1>Evaluation of model m&lt;1&gt;</h1>"),
            std::string::npos);
  // No cue table, so no script and a policy that runs none.
  EXPECT_EQ(page.find("<script"), std::string::npos);
  EXPECT_NE(page.find("script-src 'none'"), std::string::npos);
  EXPECT_EQ(page.find("<table class=\"sortable\""), std::string::npos);
}

TEST(EvalHtmlTest, EscapesFileNamesAndCueEntries) {
  LexiconEntry hostile, plain;
  hostile.phrase = "<script>document.title='x'</script>";
  hostile.source = "overlay/<b>hedge</b>.txt:1";
  plain.phrase = "confirmed";
  plain.source = "official_confirmation.txt:3";
  CueTally tally;
  Cue a, b;
  a.entry = &hostile;
  b.entry = &plain;
  b.category = 1;
  tally.AddRow({a}, 0);
  tally.AddRow({a, b}, 1);
  tally.AddRow({b}, 1);
  const std::string page = Page(TwoFiles(), &tally);
  // The page's own script, last, and nothing else of the kind.
  EXPECT_EQ(Count(page, "<script"), 1u);
  EXPECT_EQ(page.find("<script>"), page.rfind("<script>"));
  EXPECT_GT(page.find("<script>"), page.find("</table>\n</section>"));
  EXPECT_EQ(Count(page, "<b>"), 0u);
  EXPECT_EQ(Count(page, "&lt;script&gt;alert(1)&lt;/script&gt;.csv"), 3u);
  EXPECT_NE(page.find("<td>&lt;script&gt;document.title=&#39;x&#39;&lt;/"
                      "script&gt;</td><td>overlay/&lt;b&gt;hedge&lt;/b&gt;"
                      ".txt:1</td>"),
            std::string::npos);
  // Highest log odds first. Rows labeled 1: 2, labeled 0: 1; counts + 0.5
  // (fires|1, quiet|1, fires|0, quiet|0). confirmed: 2.5, 0.5, 0.5, 1.5:
  // ln((2.5 / 0.5) / (0.5 / 1.5)) = ln 15 = 2.708050. The hostile entry:
  // 1.5, 1.5, 1.5, 0.5: ln((1.5 / 1.5) / (1.5 / 0.5)) = ln(1/3) = -1.098612.
  EXPECT_EQ(
      All(page, "data-v=\"-?[0-9]+\\.[0-9]+\">[^<]*</td><td class"),
      (std::vector<std::string>{"data-v=\"2.708050\">2.71</td><td class",
                                "data-v=\"-1.098612\">-1.10</td><td class"}));
  EXPECT_NE(page.find("<th aria-sort=\"descending\">log odds ratio</th>"),
            std::string::npos);
  EXPECT_NE(page.find("script-src 'sha256-"), std::string::npos);
}

TEST(HtmlPageTest, PolicyRunsOnlyThePageScriptByItsHash) {
  // SHA-256 of "abc" in base64 (FIPS 180-2's first example).
  EXPECT_NE(ContentSecurityPolicy({"t", "", "abc"})
                .find("script-src 'sha256-ungWv48Bz+pBQUDeXa4iI7ADYaOWF3qctBD/"
                      "YfIAFa0='; "),
            std::string::npos);
  EXPECT_NE(ContentSecurityPolicy({"t", "", ""}).find("script-src 'none'; "),
            std::string::npos);
  std::ostringstream out;
  WriteHtmlPageStart({"a <title>", "p{}", "x()"}, out);
  WriteHtmlPageEnd({"a <title>", "p{}", "x()"}, out);
  EXPECT_NE(out.str().find("<title>a &lt;title&gt;</title>"),
            std::string::npos);
  EXPECT_NE(out.str().find("p{}</style>"), std::string::npos);
  EXPECT_EQ(out.str().substr(out.str().size() - 37),
            "<script>x()</script>\n</body>\n</html>\n");
}

}  // namespace
}  // namespace credence
