// JSON lines of scored articles: the full report folded onto one line, and
// the brief form.
#include "engine/batch_report.h"

#include <algorithm>
#include <cmath>
#include <sstream>

#include "engine/report.h"
#include "features/backing.h"
#include "features/lexicon_ids.h"

namespace credence {
namespace {

// `{"KEY":"LABEL",` as the start of an object.
void AppendLabel(std::string_view key, std::string_view label,
                 std::ostream& out) {
  out << '{';
  WriteJsonString(key, out);
  out << ':';
  WriteJsonString(label, out);
  out << ',';
}

// The index of the cue with the largest absolute contribution, or -1.
int StrongestCue(const ScoredClaim& claim) {
  int strongest = -1;
  double largest = 0;
  for (size_t c = 0; c < claim.evidence.cues.size(); ++c) {
    const double w = std::fabs(claim.cue_contributions[c]);
    if (w > largest) {
      largest = w;
      strongest = static_cast<int>(c);
    }
  }
  return strongest;
}

void WriteBriefClaim(std::string_view text, const ScoredClaim& claim,
                     std::ostream& out) {
  out << "{\"confidence\":" << FormatFixed(claim.confidence, 6)
      << ",\"backing\":\"" << BackingName(claim.evidence.backing)
      << "\",\"cue\":";
  const int c = StrongestCue(claim);
  if (c < 0) {
    out << "null}";
    return;
  }
  const Cue& cue = claim.evidence.cues[static_cast<size_t>(c)];
  out << "{\"category\":";
  WriteJsonString(CategoryNames()[cue.category], out);
  out << ",\"text\":";
  WriteJsonString(text.substr(cue.begin, cue.end - cue.begin), out);
  out << "}}";
}

}  // namespace

void AppendJsonLine(std::string_view key, std::string_view label,
                    std::string_view text, const Scorer& scorer,
                    std::string* out) {
  // Scored once with every claim held (ScoreAndWriteJsonReport scores each
  // claim twice to hold one): a batch article is at most 32 MiB.
  const ArticleScore article = scorer.ScoreArticle(text);
  std::ostringstream report;
  WriteJsonReport(text, article, scorer, report);
  std::ostringstream line;
  AppendLabel(key, label, line);
  const std::string full = report.str();
  *out += line.str();
  out->reserve(out->size() + full.size());
  // A raw newline is never inside a JSON string, so it and the indent after
  // it are layout only. The report's '{' is the label's.
  for (size_t i = 1; i < full.size();) {
    const size_t newline = std::min(full.find('\n', i), full.size());
    out->append(full, i, newline - i);
    i = newline;
    if (i < full.size()) i = full.find_first_not_of(' ', i + 1);
  }
  *out += '\n';
}

void AppendBriefLine(std::string_view key, std::string_view label,
                     std::string_view text, const Scorer& scorer,
                     std::string* out) {
  const ArticleScore article = scorer.ScoreArticle(text);
  std::ostringstream line;
  const ClassicLocale classic(line);
  AppendLabel(key, label, line);
  line << "\"schema_version\":" << kJsonSchemaVersion
       << ",\"score\":" << FormatFixed(article.score, 6) << ",\"claims\":[";
  for (size_t k = 0; k < article.claims.size(); ++k) {
    if (k > 0) line << ',';
    WriteBriefClaim(text, article.claims[k], line);
  }
  line << "]}\n";
  *out += line.str();
}

}  // namespace credence
