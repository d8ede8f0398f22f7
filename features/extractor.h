// Finds the cues of a claim and turns them into named feature values.
//
// Call order: build one Extractor from the lexicons (once; it is immutable
// and safe to share between threads), then Extract() each claim.
//
//   credence::Extractor ex(lexicons);        // throws LexiconError
//   credence::ClaimEvidence ev = ex.Extract(text, claim.begin, claim.end);
//   // ev.cues: spans + categories; ev.features[i] pairs with
//   // ex.feature_names()[i]
//
// Categories and their rules:
//   hedge                  any lexicon phrase ("reportedly", "may"), except
//                          "May" used as the month ("in May", "May 4").
//   anonymous_source       any lexicon phrase ("sources said").
//   official_confirmation  a lexicon verb ("confirmed", "announced") with an
//                          on-record speaker: a named person or body, or a
//                          definite official title ("the spokeswoman"),
//                          left of the verb or after a passive "by". Negated
//                          ("did not confirm") and modal or infinitive forms
//                          ("will announce", "declined to confirm") and
//                          unnamed speakers ("an official confirmed") are
//                          not confirmations. The cue spans speaker and verb.
// A feature value is the sum of the strengths of its category's cues.
#ifndef CREDENCE_FEATURES_EXTRACTOR_H_
#define CREDENCE_FEATURES_EXTRACTOR_H_

#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

#include "features/lexicon.h"
#include "features/phrase_matcher.h"

namespace credence {

struct Cue {
  size_t begin = 0;  // byte offsets into the text given to Extract
  size_t end = 0;
  size_t category = 0;  // index into Extractor::feature_names()
  double strength = 1.0;
  const LexiconEntry* entry = nullptr;  // the lexicon line that matched
};

struct ClaimEvidence {
  std::vector<Cue> cues;         // by begin, then category
  std::vector<double> features;  // one value a feature name
};

class Extractor {
 public:
  // Lexicon names the extractor needs: the categories, then word classes.
  static const std::vector<std::string>& LexiconNames();

  // Needs exactly one lexicon of each name in LexiconNames(); throws
  // LexiconError naming a missing or unknown one.
  explicit Extractor(std::vector<Lexicon> lexicons);

  const std::vector<std::string>& feature_names() const {
    return feature_names_;
  }
  const std::vector<Lexicon>& lexicons() const { return lexicons_; }

  ClaimEvidence Extract(std::string_view text, size_t begin, size_t end) const;

 private:
  std::vector<Lexicon> lexicons_;  // in LexiconNames() order
  std::vector<std::string> feature_names_;
  PhraseMatcher matcher_;
};

}  // namespace credence

#endif  // CREDENCE_FEATURES_EXTRACTOR_H_
