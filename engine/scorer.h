// Scores an article claim by claim: split, extract cues, apply the model.
//
// Call order: build a Scorer from an Extractor and a LinearModel (checks
// that they agree on feature names), then ScoreArticle() any number of
// texts; a Scorer is immutable and safe to share between threads.
//
//   credence::Scorer scorer(credence::Extractor(credence::DefaultLexicons()),
//                           credence::DefaultModel());
//   credence::ArticleScore a = scorer.ScoreArticle(text);  // throws InputError
//   // a.score in [0,1]; a.claims[i].confidence, .evidence.cues, ...
//
// The article's logit is the model's article weights applied to the mean
// of its claims' feature vectors (every claim, the headline included,
// counts once) followed by the article features the model weighs
// (features/article_features.h); `credence tune --unit article` fits
// exactly these. A model
// without article weights uses its claim weights, which makes the article
// logit the mean of the claim logits.
#ifndef CREDENCE_ENGINE_SCORER_H_
#define CREDENCE_ENGINE_SCORER_H_

#include <array>
#include <stdexcept>
#include <string_view>
#include <vector>

#include "engine/splitter.h"
#include "features/extractor.h"
#include "models/linear_model.h"

namespace credence {

// Unusable input text; what() is "line:column: problem (hint)" or
// "problem (hint)" when no position applies.
class InputError : public std::runtime_error {
 public:
  using std::runtime_error::runtime_error;
};

struct ScoredClaim {
  Span span;                          // bytes into the article text
  ClaimEvidence evidence;             // cues and feature values
  std::vector<double> contributions;  // weight x feature, feature order
  // Each cue's share of its category's contribution, in proportion to its
  // strength (the shares of a category add up to its contribution).
  std::vector<double> cue_contributions;
  double logit = 0.0;       // bias + sum of contributions
  double confidence = 0.0;  // logistic(logit)
};

struct ArticleScore {
  std::vector<ScoredClaim> claims;  // claim 0 is the headline
  double logit = 0.0;               // from the mean claim features
  double score = 0.0;               // logistic(logit)
};

// Claims by backing, indexed by static_cast<size_t>(Backing).
using BackingCounts = std::array<size_t, kBackingCount>;

// An article's score without its claims: what ScoreTotals keeps.
struct ArticleTotals {
  size_t claims = 0;
  double logit = 0.0;  // as ArticleScore::logit, bit for bit
  double score = 0.0;
  BackingCounts backing{};
};

// How many of the article's claims each backing backs.
BackingCounts CountBackings(const ArticleScore& article);

// The mean of the claims' feature vectors, into `mean` (sized by the
// caller to the feature count); zeros for an article without claims.
void ArticleFeatures(const ArticleScore& article, std::vector<double>* mean);

// Every article feature of ArticleFeatureNames(), in that order, from the
// text of the article's claims (`text` is the one the claims' spans index).
std::vector<double> ArticleFeatureValues(std::string_view text,
                                         const ArticleScore& article);

// The largest article ScoreArticle takes (32 MiB); readers stop there.
inline constexpr size_t kMaxArticleBytes = size_t{32} << 20;

// Throws InputError when text is longer than kMaxArticleBytes, is UTF-16
// (a byte order mark or NUL-paired ASCII), is not valid UTF-8 (the hint
// names cp1252 when bytes 0x80-0x9F stand alone, else latin1), holds a NUL
// byte, or has nothing but white space (what SplitArticle skips), so that
// a scored article has a claim.
void CheckArticleText(std::string_view text);

class Scorer {
 public:
  // Throws std::invalid_argument naming the features that differ, or an
  // article feature of the model's that ArticleFeatureNames() lacks.
  Scorer(Extractor extractor, LinearModel model);

  ArticleScore ScoreArticle(std::string_view text) const;
  // Scores given claim spans in order (backing carries from one claim to
  // the next), for callers that split text themselves.
  ArticleScore ScoreClaims(std::string_view text,
                           const std::vector<Span>& spans) const;
  // ScoreClaims(text, spans)'s claim count, logit, score and claims by
  // backing, keeping only the running sum of the claims' features.
  ArticleTotals ScoreTotals(std::string_view text,
                            const std::vector<Span>& spans) const;
  // One claim; `previous` is the backing of the claim before it, if any.
  ScoredClaim ScoreClaim(std::string_view text, Span span,
                         Backing previous = Backing::kNone) const;
  // The same into *claim (every field overwritten, its vectors' memory
  // reused), working in *scratch: for loops over many claims, with one
  // scratch and one ScoredClaim per thread.
  void ScoreClaim(std::string_view text, Span span, Backing previous,
                  ExtractScratch* scratch, ScoredClaim* claim) const;

  const Extractor& extractor() const { return extractor_; }
  const LinearModel& model() const { return model_; }

 private:
  // Appends to *x the values (ArticleFeatureNames() order) of the article
  // features the model weighs, in the model's order.
  void AppendArticleFeatures(const std::vector<double>& values,
                             std::vector<double>* x) const;

  Extractor extractor_;
  LinearModel model_;
  std::vector<size_t> article_feature_index_;  // into ArticleFeatureNames()
  // The logit of a claim whose features are all 0, and its logistic: a
  // claim with that logit takes the confidence without a call to exp().
  double featureless_logit_ = 0.0;
  double featureless_confidence_ = 0.0;
};

}  // namespace credence

#endif  // CREDENCE_ENGINE_SCORER_H_
