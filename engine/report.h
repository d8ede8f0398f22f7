// Writes an ArticleScore for a person (text) or for a program (JSON).
//
// Call order: score the article, then hand the same text to a writer; or
// let ScoreAndWrite*Report do both, holding one claim at a time.
//
//   credence::ArticleScore a = scorer.ScoreArticle(text);
//   credence::WriteJsonReport(text, a, scorer, std::cout);
//   credence::ScoreAndWriteTextReport(text, scorer, std::cout);  // same bytes
//
// Offsets in both reports are Unicode code points into the input text, so
// text[start:end] in Python (the file decoded as UTF-8, newlines kept as
// they are) is the claim, cue or speaker.
#ifndef CREDENCE_ENGINE_REPORT_H_
#define CREDENCE_ENGINE_REPORT_H_

#include <ios>
#include <locale>
#include <string>
#include <string_view>

#include "engine/scorer.h"

namespace credence {

extern const char kCredenceVersion[];

// The "schema_version" of every JSON output (docs/schema/): it changes when
// a field changes meaning or goes away, not when one is added.
inline constexpr int kJsonSchemaVersion = 1;

// Gives a stream the classic "C" locale while it lives, then its own back:
// numbers a writer streams (offsets, counts, ranks) print the same whatever
// the global locale ("1000", never "1.000"). The writers below and RankCsv
// use one; so does anything else that streams numbers into a caller's
// stream.
class ClassicLocale {
 public:
  explicit ClassicLocale(std::ios_base& stream) : stream_(stream) {
    if (stream.getloc() != std::locale::classic()) {
      old_ = stream.imbue(std::locale::classic());
      changed_ = true;
    }
  }
  ~ClassicLocale() {
    if (changed_) stream_.imbue(old_);
  }
  ClassicLocale(const ClassicLocale&) = delete;
  ClassicLocale& operator=(const ClassicLocale&) = delete;

 private:
  std::ios_base& stream_;
  std::locale old_;
  bool changed_ = false;
};

// One JSON object and a newline; the fields are listed in `credence score
// --help`. Strings are UTF-8 with quotes and control characters escaped.
void WriteJsonReport(std::string_view text, const ArticleScore& article,
                     const Scorer& scorer, std::ostream& out);

// `s` as a JSON string literal, quotes and control characters escaped.
void WriteJsonString(std::string_view s, std::ostream& out);

// How the model makes the article score, as article.aggregation says it:
// "article weights on the mean claim features and the article features",
// "article weights on the mean claim features" or "logistic of the mean
// claim logit".
const char* ArticleAggregation(const LinearModel& model);

// `value` with `digits` decimals and a '.' whatever the C locale.
std::string FormatFixed(double value, int digits);

// One claim object of the JSON report ({"index", "start", ...}) without
// its "speaker" (rank's JSON lines hold this form) and without a line
// end; offsets are code points into `text`.
void WriteClaimJson(std::string_view text, const ScoredClaim& claim,
                    size_t index, const Scorer& scorer, std::ostream& out);

// A report that fits `width` columns: the article score and its claims by
// backing, then every claim with its confidence, its text wrapped, who
// backs it (or "unattributed"), and one line a cue.
void WriteTextReport(std::string_view text, const ArticleScore& article,
                     const Scorer& scorer, std::ostream& out,
                     size_t width = 80);

// The same bytes as ScoreArticle then Write*Report, in memory that does not
// grow with the number of claims: a first pass keeps only the sums the
// article score needs (it comes first in the report), a second scores each
// claim again and writes it out. Throws InputError, as ScoreArticle does,
// before anything is written.
void ScoreAndWriteJsonReport(std::string_view text, const Scorer& scorer,
                             std::ostream& out);
void ScoreAndWriteTextReport(std::string_view text, const Scorer& scorer,
                             std::ostream& out, size_t width = 80);

}  // namespace credence

#endif  // CREDENCE_ENGINE_REPORT_H_
