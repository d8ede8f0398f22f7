// The lexicon pass: a cue for each category match that applies, in match
// order, with the speech verbs handed to the speech rules.
//
// Call order: after KeepMatchesThatApply and MarkMatchedTokens, before the
// style and headline passes (it marks cue tokens as not shouting).
//
//   AddLexiconCues(matches, lexicons, &state);
#ifndef CREDENCE_FEATURES_RULES_LEXICON_CUES_H_
#define CREDENCE_FEATURES_RULES_LEXICON_CUES_H_

#include <vector>

#include "features/lexicon.h"
#include "features/phrase_matcher.h"
#include "features/rules/claim_state.h"

namespace credence {

void AddLexiconCues(const std::vector<PhraseMatch>& matches,
                    const std::vector<Lexicon>& lexicons, ClaimState* state);

}  // namespace credence

#endif  // CREDENCE_FEATURES_RULES_LEXICON_CUES_H_
