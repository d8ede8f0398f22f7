// When a lexicon phrase is not the cue its category names: "may" the
// month, "the might of the navy", "more likely than", "was denied bail", a
// set phrase ("for some reason"), bait words in prose.
//
// Call order: after MarkMatchedTokens, for each category match in turn,
// before any cue of it is added.
//
//   if (IsLexiconException(id, first, last, &state)) continue;
//   if (id == kDenial && !IsNoAnswer(tokens, first, last)) ...  // a speaker
#ifndef CREDENCE_FEATURES_RULES_LEXICON_EXCEPTIONS_H_
#define CREDENCE_FEATURES_RULES_LEXICON_EXCEPTIONS_H_

#include <cstddef>
#include <vector>

#include "features/rules/claim_state.h"

namespace credence {

// Whether the match of category `id` over tokens [first, last) is no cue.
bool IsLexiconException(size_t id, size_t first, size_t last,
                        ClaimState* state);

// Whether the denial match over tokens [first, last) gives no answer ("did
// not respond", "declined to comment", "could not independently verify")
// rather than denying something: no reply is no source, so it leaves the
// claim's backing alone. A refusal to confirm ("declined to confirm")
// keeps its speaker, as "did not confirm" does.
bool IsNoAnswer(const std::vector<Token>& tokens, size_t first, size_t last);

}  // namespace credence

#endif  // CREDENCE_FEATURES_RULES_LEXICON_EXCEPTIONS_H_
