// Fuzzes article scoring: any bytes are either rejected with InputError or
// scored into claims and cues that lie inside the text, confidences in
// [0,1], a JSON report that parses and a text report.
#include <cmath>
#include <cstddef>
#include <cstdint>
#include <nlohmann/json.hpp>
#include <sstream>
#include <string_view>

#include "engine/report.h"
#include "engine/scorer.h"
#include "fuzz/fuzz_common.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  using namespace credence;  // NOLINT(build/namespaces): a fuzz entry point
  const std::string_view text(reinterpret_cast<const char*>(data), size);
  const Scorer& scorer = BuiltInScorer();
  ArticleScore article;
  try {
    article = scorer.ScoreArticle(text);
  } catch (const InputError& e) {
    FuzzCheckOneLine(e);
    return 0;  // unusable text: the one expected failure
  }
  FuzzCheck(!article.claims.empty(), "a scored article has a claim");
  FuzzCheck(article.score >= 0.0 && article.score <= 1.0, "score in [0,1]");
  for (const ScoredClaim& claim : article.claims) {
    FuzzCheck(claim.span.begin <= claim.span.end && claim.span.end <= size,
              "claim inside the text");
    FuzzCheck(std::isfinite(claim.logit), "finite logit");
    FuzzCheck(claim.confidence >= 0.0 && claim.confidence <= 1.0,
              "confidence in [0,1]");
    FuzzCheck(claim.cue_contributions.size() == claim.evidence.cues.size(),
              "a contribution per cue");
    for (const Cue& cue : claim.evidence.cues) {
      FuzzCheck(cue.begin <= cue.end && cue.end <= size, "cue inside the text");
    }
  }
  std::ostringstream json;
  WriteJsonReport(text, article, scorer, json);
  const nlohmann::json parsed =
      nlohmann::json::parse(json.str(), nullptr,
                            /*allow_exceptions=*/false);
  FuzzCheck(!parsed.is_discarded(), "the JSON report parses");
  FuzzCheck(parsed["claims"].size() == article.claims.size(),
            "a JSON object per claim");
  std::ostringstream report;
  WriteTextReport(text, article, scorer, report);
  FuzzCheck(!report.str().empty(), "a text report");
  return 0;
}
