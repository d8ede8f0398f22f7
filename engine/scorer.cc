// The scorer: claims from the splitter, features from the extractor,
// confidences from the linear model.
#include "engine/scorer.h"

#include <algorithm>
#include <cstdint>
#include <cstdio>
#include <cstring>
#include <string>

#include "features/article_features.h"
#include "features/utf8.h"

namespace credence {
namespace {

// 1-based line and column (in code points) of a byte offset; LF, CRLF and
// a lone CR each end a line.
std::string Position(std::string_view text, size_t offset) {
  size_t line = 1, line_start = 0;
  for (size_t i = 0; i < offset; ++i) {
    const bool lone_cr =
        text[i] == '\r' && (i + 1 >= text.size() || text[i + 1] != '\n');
    if (text[i] == '\n' || lone_cr) {
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

// UTF-16 starts with a byte order mark, or holds English text as pairs
// of one ASCII byte and one NUL.
bool LooksLikeUtf16(std::string_view text) {
  if (text.substr(0, 2) == "\xFF\xFE" || text.substr(0, 2) == "\xFE\xFF") {
    return true;
  }
  const size_t pairs = std::min<size_t>(text.size() / 2, 64);
  if (pairs < 2) return false;
  const bool nul_second = text[1] == '\0';
  for (size_t i = 0; i < pairs; ++i) {
    const char first = text[2 * i], second = text[2 * i + 1];
    if ((nul_second ? second : first) != '\0') return false;
    if ((nul_second ? first : second) == '\0') return false;
  }
  return true;
}

// Bytes 0x80-0x9F after a character of ASCII text are Windows-1252's
// curly quotes and dashes; Latin-1 would turn them into control codes.
bool LooksLikeCp1252(std::string_view text) {
  for (size_t i = 1; i < text.size(); ++i) {
    const auto byte = static_cast<unsigned char>(text[i]);
    const auto before = static_cast<unsigned char>(text[i - 1]);
    if (byte >= 0x80 && byte <= 0x9F && before >= 0x20 && before < 0x7F) {
      return true;
    }
  }
  return false;
}

std::string EncodingHint(std::string_view text) {
  const char* from = LooksLikeCp1252(text) ? "cp1252" : "latin1";
  return std::string("convert the text to UTF-8, e.g. iconv -f ") + from +
         " -t utf-8";
}

}  // namespace

void CheckArticleText(std::string_view text) {
  if (text.size() > kMaxArticleBytes) {
    throw InputError("article larger than 32 MiB (split it into articles)");
  }
  if (LooksLikeUtf16(text)) {
    throw InputError(
        "UTF-16 text (credence reads UTF-8; convert it, e.g. iconv -f utf-16 "
        "-t utf-8)");
  }
  const size_t bad = FindInvalidUtf8(text);
  if (bad != std::string_view::npos) {
    char byte[8];
    std::snprintf(byte, sizeof byte, "0x%02X",
                  static_cast<unsigned>(static_cast<unsigned char>(text[bad])));
    throw InputError(Position(text, bad) + ": invalid UTF-8 (byte " + byte +
                     "; " + EncodingHint(text) + ")");
  }
  const size_t nul = text.find('\0');
  if (nul != std::string_view::npos) {
    throw InputError(Position(text, nul) +
                     ": NUL byte (binary data? credence reads UTF-8 text)");
  }
  // White space as the splitter skips it: text of nothing else has no
  // claim to score.
  if (IsBlank(text)) {
    throw InputError(
        "empty input (nothing to score: give a headline line, "
        "then the article)");
  }
}

namespace {

// Where each of the model's article features is in ArticleFeatureNames().
std::vector<size_t> ArticleFeatureIndex(const LinearModel& model) {
  const std::vector<std::string>& known = ArticleFeatureNames();
  std::vector<size_t> index;
  for (const std::string& name : model.article_feature_names()) {
    const auto it = std::find(known.begin(), known.end(), name);
    if (it == known.end()) {
      throw std::invalid_argument("model '" + model.name() +
                                  "' weighs an unknown article feature '" +
                                  name + "' (known: " + Join(known) + ")");
    }
    index.push_back(static_cast<size_t>(it - known.begin()));
  }
  return index;
}

}  // namespace

Scorer::Scorer(Extractor extractor, LinearModel model)
    : extractor_(std::move(extractor)),
      model_(std::move(model)),
      article_feature_index_(ArticleFeatureIndex(model_)) {
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
  if (!article.claims.empty()) {
    std::vector<double> x(model_.feature_names().size());
    ArticleFeatures(article, &x);
    AppendArticleFeatures(ArticleFeatureValues(text, article), &x);
    article.logit = model_.ArticleLogit(x);
    article.score = Logistic(article.logit);
  }
  return article;
}

ArticleTotals Scorer::ScoreTotals(std::string_view text,
                                  const std::vector<Span>& spans) const {
  ArticleTotals totals;
  totals.claims = spans.size();
  if (spans.empty()) return totals;
  // Summed and divided in the order ArticleFeatures uses, so the mean and
  // the logit are the same doubles.
  std::vector<double> mean(model_.feature_names().size(), 0.0);
  ExtractScratch scratch;
  ScoredClaim claim;
  Backing previous = Backing::kNone;
  ArticleFeatureSum sum;
  for (const Span& span : spans) {
    ScoreClaim(text, span, previous, &scratch, &claim);
    sum.Add(text.substr(span.begin, span.end - span.begin));
    previous = claim.evidence.backing;
    ++totals.backing[static_cast<size_t>(previous)];
    const std::vector<double>& x = claim.evidence.features;
    for (size_t i = 0; i < mean.size() && i < x.size(); ++i) mean[i] += x[i];
  }
  for (double& v : mean) v /= static_cast<double>(spans.size());
  AppendArticleFeatures(sum.Values(), &mean);
  totals.logit = model_.ArticleLogit(mean);
  totals.score = Logistic(totals.logit);
  return totals;
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

std::vector<double> ArticleFeatureValues(std::string_view text,
                                         const ArticleScore& article) {
  ArticleFeatureSum sum;
  for (const ScoredClaim& claim : article.claims) {
    sum.Add(text.substr(claim.span.begin, claim.span.end - claim.span.begin));
  }
  return sum.Values();
}

void Scorer::AppendArticleFeatures(const std::vector<double>& values,
                                   std::vector<double>* x) const {
  for (size_t i : article_feature_index_) x->push_back(values[i]);
}

BackingCounts CountBackings(const ArticleScore& article) {
  BackingCounts counts{};
  for (const ScoredClaim& claim : article.claims) {
    ++counts[static_cast<size_t>(claim.evidence.backing)];
  }
  return counts;
}

ArticleScore Scorer::ScoreArticle(std::string_view text) const {
  CheckArticleText(text);
  return ScoreClaims(text, SplitArticle(text));
}

}  // namespace credence
