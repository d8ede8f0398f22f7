#include "engine/scorer.h"

#include <algorithm>
#include <cstdint>
#include <cstdio>
#include <cstring>
#include <string>

#include "features/utf8.h"

namespace credence {
namespace {

// 1-based line and column (in code points) of a byte offset.
std::string Position(std::string_view text, size_t offset) {
  size_t line = 1, line_start = 0;
  for (size_t i = 0; i < offset; ++i) {
    if (text[i] == '\n') {
      ++line;
      line_start = i + 1;
    }
  }
  return std::to_string(line) + ":" +
         std::to_string(CountCodePoints(text, line_start, offset) + 1);
}

std::string Join(const std::vector<std::string>& names) {
  std::string s;
  for (const std::string& n : names) s += (s.empty() ? "" : ", ") + n;
  return s.empty() ? "(none)" : s;
}

std::vector<std::string> Missing(const std::vector<std::string>& from,
                                 const std::vector<std::string>& in) {
  std::vector<std::string> out;
  for (const std::string& n : from) {
    bool found = false;
    for (const std::string& m : in) found |= m == n;
    if (!found) out.push_back(n);
  }
  return out;
}

// Whether a and b are the same double, bit for bit.
bool SameBits(double a, double b) {
  uint64_t x, y;
  std::memcpy(&x, &a, sizeof x);
  std::memcpy(&y, &b, sizeof y);
  return x == y;
}

}  // namespace

void CheckArticleText(std::string_view text) {
  const size_t bad = FindInvalidUtf8(text);
  if (bad != std::string_view::npos) {
    char byte[8];
    std::snprintf(byte, sizeof byte, "0x%02X",
                  static_cast<unsigned>(static_cast<unsigned char>(text[bad])));
    throw InputError(Position(text, bad) + ": invalid UTF-8 (byte " + byte +
                     "; convert the text to UTF-8, e.g. iconv -f latin1 -t "
                     "utf-8)");
  }
  const size_t nul = text.find('\0');
  if (nul != std::string_view::npos) {
    throw InputError(Position(text, nul) +
                     ": NUL byte (binary data? credence reads UTF-8 text)");
  }
  // White space as the splitter skips it (ASCII, no-break spaces, a byte
  // order mark at the start): text of nothing else has no claim to score.
  size_t pos = text.substr(0, 3) == "\xEF\xBB\xBF" ? 3 : 0;
  for (;;) {
    pos = text.find_first_not_of(" \t\r\n\f\v", pos);
    if (pos == std::string_view::npos || text.substr(pos, 2) != "\xC2\xA0") {
      break;
    }
    pos += 2;
  }
  if (pos == std::string_view::npos) {
    throw InputError(
        "empty input (nothing to score: give a headline line, "
        "then the article)");
  }
}

Scorer::Scorer(Extractor extractor, LinearModel model)
    : extractor_(std::move(extractor)), model_(std::move(model)) {
  const auto& want = extractor_.feature_names();
  const auto& have = model_.feature_names();
  if (want == have) {
    // Worked out as ScoreClaim would for a claim whose features are all 0.
    const std::vector<double> zeros(want.size(), 0.0);
    std::vector<double> contributions;
    featureless_logit_ =
        model_.ContributionsAndLogit(zeros, uint64_t{0}, &contributions);
    featureless_confidence_ = Logistic(featureless_logit_);
    return;
  }
  std::string problem =
      "model '" + model_.name() +
      "' does not fit the lexicons: features the model "
      "lacks: " +
      Join(Missing(want, have)) +
      "; features the lexicons lack: " + Join(Missing(have, want));
  if (Missing(want, have).empty() && Missing(have, want).empty()) {
    problem = "model '" + model_.name() +
              "' lists the features in another "
              "order (expected: " +
              Join(want) + ")";
  }
  throw std::invalid_argument(problem);
}

ScoredClaim Scorer::ScoreClaim(std::string_view text, Span span,
                               Backing previous) const {
  ExtractScratch scratch;
  ScoredClaim claim;
  ScoreClaim(text, span, previous, &scratch, &claim);
  return claim;
}

void Scorer::ScoreClaim(std::string_view text, Span span, Backing previous,
                        ExtractScratch* scratch, ScoredClaim* claim) const {
  claim->span = span;
  extractor_.Extract(text, span.begin, span.end, previous, scratch,
                     &claim->evidence);
  // The logit is the bias plus the contributions, added as they are
  // formed, so the report's terms add up to it exactly.
  claim->logit = model_.ContributionsAndLogit(claim->evidence.features,
                                              claim->evidence.nonzero_features,
                                              &claim->contributions);
  // Claims without features (many a headline) share one logit.
  claim->confidence = SameBits(claim->logit, featureless_logit_)
                          ? featureless_confidence_
                          : Logistic(claim->logit);
  claim->cue_contributions.clear();
  if (claim->evidence.cues.empty()) return;
  // strength[c] is set once c is in `seen`, starting from 0.0 as a cleared
  // array would: most claims have cues of one or two categories.
  double strength[Extractor::kCategoryCount];
  uint32_t seen = 0;
  for (const Cue& cue : claim->evidence.cues) {
    const uint32_t bit = uint32_t{1} << cue.category;
    strength[cue.category] =
        ((seen & bit) != 0 ? strength[cue.category] : 0.0) + cue.strength;
    seen |= bit;
  }
  for (const Cue& cue : claim->evidence.cues) {
    claim->cue_contributions.push_back(claim->contributions[cue.category] *
                                       cue.strength / strength[cue.category]);
  }
}

ArticleScore Scorer::ScoreClaims(std::string_view text,
                                 const std::vector<Span>& spans) const {
  ArticleScore article;
  article.claims.resize(spans.size());
  ExtractScratch scratch;
  Backing previous = Backing::kNone;
  for (size_t i = 0; i < spans.size(); ++i) {
    ScoredClaim& claim = article.claims[i];
    ScoreClaim(text, spans[i], previous, &scratch, &claim);
    previous = claim.evidence.backing;
  }
  // A headline names people by surname before the body gives their titles
  // ("Berg says ..."): read a first claim backed by a named person again
  // with the names of the whole text.
  if (spans.size() > 1 &&
      article.claims[0].evidence.backing == Backing::kNamed &&
      scratch.RemembersNames()) {
    scratch.KeepNamesForNextClaim();
    ScoreClaim(text, spans[0], Backing::kNone, &scratch, &article.claims[0]);
  }
  if (!article.claims.empty()) {
    std::vector<double> mean(model_.feature_names().size());
    ArticleFeatures(article, &mean);
    article.logit = model_.ArticleLogit(mean);
    article.score = Logistic(article.logit);
  }
  return article;
}

void ArticleFeatures(const ArticleScore& article, std::vector<double>* mean) {
  std::fill(mean->begin(), mean->end(), 0.0);
  if (article.claims.empty()) return;
  for (const ScoredClaim& claim : article.claims) {
    const std::vector<double>& x = claim.evidence.features;
    for (size_t i = 0; i < mean->size() && i < x.size(); ++i) {
      (*mean)[i] += x[i];
    }
  }
  for (double& v : *mean) v /= static_cast<double>(article.claims.size());
}

ArticleScore Scorer::ScoreArticle(std::string_view text) const {
  CheckArticleText(text);
  return ScoreClaims(text, SplitArticle(text));
}

}  // namespace credence
