// Many articles' reports on one HTML page, for `credence score` over
// files, folders or JSON Lines with --format html: a section an article
// (as the one-article page shows it) and, at the end, an index that links
// to each section with its score. Sections are written as they are
// scored, so the index follows them; a link at the top leads to it.
//
// Call order: start, then the articles in order (each scored into its
// own string on any thread), then the end with the index.
//
//   credence::WriteHtmlBatchStart(out);
//   std::string section;
//   const double score =
//       credence::AppendHtmlBatchArticle(0, "a.txt", text, scorer, &section);
//   out << section;
//   credence::WriteHtmlBatchEnd({{0, "a.txt", score}}, out);
#ifndef CREDENCE_ENGINE_HTML_BATCH_H_
#define CREDENCE_ENGINE_HTML_BATCH_H_

#include <cstddef>
#include <ostream>
#include <string>
#include <string_view>
#include <vector>

#include "engine/scorer.h"

namespace credence {

// The page's <head>, its heading, the link to the index and the legend.
void WriteHtmlBatchStart(std::ostream& out);

// Appends <section class="report" id="aNUMBER"> with the report of `text`
// headed by `label` (a path or an id, escaped); its element ids and
// data-cue values start with "aNUMBER-". Returns the article's score.
// Throws InputError (engine/scorer.h) for text ScoreArticle refuses, with
// nothing appended.
double AppendHtmlBatchArticle(size_t number, std::string_view label,
                              std::string_view text, const Scorer& scorer,
                              std::string* out);

struct HtmlBatchEntry {
  size_t number = 0;  // as given to AppendHtmlBatchArticle
  std::string label;
  double score = 0.0;
};

// <nav id="index">: a list item an article, linking to its section, then
// the end of the page.
void WriteHtmlBatchEnd(const std::vector<HtmlBatchEntry>& index,
                       std::ostream& out);

}  // namespace credence

#endif  // CREDENCE_ENGINE_HTML_BATCH_H_
