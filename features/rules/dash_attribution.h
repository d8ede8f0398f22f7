// The dash pass: "... —Commissioner Rafael Ibarra", a dash and then a
// speaker that ends the claim, attributes it; so does the signature of an
// embedded post, "— Ana Ruiz (@anaruiz) May 20, 2020": that person's own
// statement, named or official as their title says.
//
// Call order: after MarkMatchedTokens (it reads the roles); only for claims
// with a dash (TokenList::has_dash()).
//
//   if (token_list.has_dash()) AddDashAttribution(&state);
#ifndef CREDENCE_FEATURES_RULES_DASH_ATTRIBUTION_H_
#define CREDENCE_FEATURES_RULES_DASH_ATTRIBUTION_H_

#include "features/rules/claim_state.h"

namespace credence {

void AddDashAttribution(ClaimState* state);

}  // namespace credence

#endif  // CREDENCE_FEATURES_RULES_DASH_ATTRIBUTION_H_
