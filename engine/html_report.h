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

#include "engine/scorer.h"

namespace credence {

// `s` with &, <, >, " and ' written as character references, safe as
// element text and inside a quoted attribute.
void WriteHtmlEscaped(std::string_view s, std::ostream& out);
std::string HtmlEscaped(std::string_view s);

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

// The whole page. Cue elements are <mark class="cue FAMILY"
// data-category="CATEGORY" data-cue="CLAIM.CUE" title=... aria-label=...
// tabindex="0">; claims are <span class="claim" id="cK"> in the article
// and rows of the claims table.
void WriteHtmlReport(std::string_view text, const ArticleScore& article,
                     const Scorer& scorer, std::ostream& out);

}  // namespace credence

#endif  // CREDENCE_ENGINE_HTML_REPORT_H_
