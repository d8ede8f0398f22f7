// The colon pass, headline attributions around a colon: a speaker that
// leads in ("Ministry: No Evidence of Sabotage") and an unnamed report
// that ends it ("Couple split: Report").
//
// Call order: after MarkMatchedTokens (it reads the roles); the extractor
// runs it after the dash pass.
//
//   AddColonAttributions(&state);
#ifndef CREDENCE_FEATURES_RULES_COLON_LEAD_H_
#define CREDENCE_FEATURES_RULES_COLON_LEAD_H_

#include "features/rules/claim_state.h"

namespace credence {

void AddColonAttributions(ClaimState* state);

}  // namespace credence

#endif  // CREDENCE_FEATURES_RULES_COLON_LEAD_H_
