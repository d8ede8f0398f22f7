// Writes an ArticleScore as one self-contained HTML page for a person: the
// article as written with every cue marked in place, each claim with its
// confidence, backing and speaker, the article score, a legend and a
// summary. The page loads nothing (a Content-Security-Policy forbids every
// script and network load) and needs no script to show all of it.
//
// Call order: score the article, then hand the same text to the writer.
//
//   credence::ArticleScore a = scorer.ScoreArticle(text);
//   credence::WriteHtmlReport(text, a, scorer, std::cout);
//
// Every piece of input text (article, lexicon entries, model name) is
// escaped: markup in an article or an overlay shows as text.
#ifndef CREDENCE_ENGINE_HTML_REPORT_H_
#define CREDENCE_ENGINE_HTML_REPORT_H_

#include <ostream>
#include <string>
#include <string_view>
#include <vector>

#include "engine/html_page.h"
#include "engine/scorer.h"

namespace credence {

// The CSS of an article's report (added to the shared page style).
extern const char kHtmlArticleStyle[];

// The colour family of a cue category: "raise" (sourcing that raises
// confidence), "lower" (sourcing that lowers it), "hedge" (hedges and
// speculation) or "style" (the rest).
const char* CueFamily(std::string_view category);

// One element to wrap around text[begin, end) (bytes): <tag attributes>.
// `attributes` is written as given (escape its values), after a space.
struct HtmlMark {
  size_t begin = 0;
  size_t end = 0;
  std::string tag;
  std::string attributes;
};

// Writes text[begin, end) escaped, with each mark's element opened and
// closed in place. Marks that nest are nested (at one begin, the longer
// one outside; equal ranges in the given order). A mark that runs past the
// end of one it starts inside is closed there and opened again after it
// with the extra attribute data-cont="" (a continuation), so every mark
// keeps its whole text, split over elements in order. Marks outside
// [begin, end) are clipped to it; empty marks are dropped.
void WriteMarkedText(std::string_view text, size_t begin, size_t end,
                     std::vector<HtmlMark> marks, std::ostream& out);

// Where an article's report sits in a page. Element ids (claims, sections)
// and data-cue values start with `prefix`, so that several articles share
// a page; the heading is `title` (escaped), or the headline when empty, at
// level `heading`, its parts one level below; `legend` adds the legend.
struct HtmlArticlePlace {
  std::string prefix;
  std::string title;
  int heading = 1;
  bool legend = true;
};

// The legend of cue colours, as a <section id="legend">.
void WriteHtmlLegend(std::ostream& out);

// One article's report (no page around it): heading, score, legend when
// asked, the article marked, the summary and the claims.
void WriteHtmlArticle(std::string_view text, const ArticleScore& article,
                      const Scorer& scorer, const HtmlArticlePlace& place,
                      std::ostream& out);

// The whole page. Cue elements are <mark class="cue FAMILY"
// data-category="CATEGORY" data-cue="CLAIM.CUE" title=... aria-label=...
// tabindex="0">; claims are <span class="claim" id="cK"> in the article
// and rows of the claims table.
void WriteHtmlReport(std::string_view text, const ArticleScore& article,
                     const Scorer& scorer, std::ostream& out);

}  // namespace credence

#endif  // CREDENCE_ENGINE_HTML_REPORT_H_
