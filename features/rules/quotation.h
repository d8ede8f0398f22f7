// The quotation pass: a quotation cue over each direct quotation of four
// words or more (FindQuotations, style_cues.h).
//
// Call order: any time after the tokens are set; the extractor runs it
// after the style pass.
//
//   if (token_list.has_double_quote()) AddQuotations(&found, &state);
#ifndef CREDENCE_FEATURES_RULES_QUOTATION_H_
#define CREDENCE_FEATURES_RULES_QUOTATION_H_

#include <vector>

#include "features/rules/claim_state.h"
#include "features/style_cues.h"

namespace credence {

// *found is working memory.
void AddQuotations(std::vector<TokenRange>* found, ClaimState* state);

}  // namespace credence

#endif  // CREDENCE_FEATURES_RULES_QUOTATION_H_
