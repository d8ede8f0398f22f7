// The page of many articles (html_batch.h).
#include "engine/html_batch.h"

#include <sstream>

#include "engine/html_page.h"
#include "engine/html_report.h"
#include "engine/report.h"

namespace credence {
namespace {

const char kBatchStyle[] = R"css(
section.report{border-top:3px solid #455a64;margin-top:2em}
.headline{font-family:Georgia,serif;margin:.2em 0}
nav#index ol{padding-left:2.5em}
)css";

// The article style after the shared one, then the batch's own.
const std::string& BatchStyle() {
  static const std::string style = std::string(kHtmlArticleStyle) + kBatchStyle;
  return style;
}

HtmlPage BatchPage() { return {"credence: article reports", BatchStyle(), ""}; }

std::string SectionId(size_t number) { return "a" + std::to_string(number); }

}  // namespace

void WriteHtmlBatchStart(std::ostream& out) {
  WriteHtmlPageStart(BatchPage(), out);
  out << "<header>\n<h1>Article reports</h1>\n<p class=\"muted\">credence "
      << kCredenceVersion
      << "; one section an article, in input order; <a href=\"#index\">the "
         "index of the articles</a> with their scores is at the end of the "
         "page.</p>\n</header>\n";
  WriteHtmlLegend(out);
}

double AppendHtmlBatchArticle(size_t number, std::string_view label,
                              std::string_view text, const Scorer& scorer,
                              std::string* out) {
  const ArticleScore article = scorer.ScoreArticle(text);
  std::ostringstream section;
  const std::string id = SectionId(number);
  section << "<section class=\"report\" id=\"" << id << "\">\n";
  const HtmlArticlePlace place{id + "-", std::string(label), 2, false};
  WriteHtmlArticle(text, article, scorer, place, section);
  section << "</section>\n";
  out->append(section.str());
  return article.score;
}

void WriteHtmlBatchEnd(const std::vector<HtmlBatchEntry>& index,
                       std::ostream& out) {
  const ClassicLocale classic(out);
  out << "<nav id=\"index\">\n<h2>Index</h2>\n<p class=\"muted\">"
      << index.size()
      << " articles: score, then the article's path or id</p>\n<ol>\n";
  for (const HtmlBatchEntry& entry : index) {
    out << "<li><span class=\"num\">" << FormatFixed(entry.score, 2)
        << "</span> <a href=\"#" << SectionId(entry.number) << "\">";
    WriteHtmlEscaped(entry.label, out);
    out << "</a></li>\n";
  }
  out << "</ol>\n</nav>\n";
  WriteHtmlPageEnd(BatchPage(), out);
}

}  // namespace credence
