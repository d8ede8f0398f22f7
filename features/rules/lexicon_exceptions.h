// When a lexicon phrase is not the cue its category names: "may" the
// month, "the might of the navy", "more likely than", "was denied bail", a
// set phrase ("for some reason"), bait words in prose.
//
// Call order: after MarkMatchedTokens, for each category match in turn,
// before any cue of it is added.
//
//   if (IsLexiconException(id, first, last, &state)) continue;
#ifndef CREDENCE_FEATURES_RULES_LEXICON_EXCEPTIONS_H_
#define CREDENCE_FEATURES_RULES_LEXICON_EXCEPTIONS_H_

#include <cstddef>

#include "features/rules/claim_state.h"

namespace credence {

// Whether the match of category `id` over tokens [first, last) is no cue.
bool IsLexiconException(size_t id, size_t first, size_t last,
                        ClaimState* state);

}  // namespace credence

#endif  // CREDENCE_FEATURES_RULES_LEXICON_EXCEPTIONS_H_
