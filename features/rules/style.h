// The style pass: @handles (unverified_social), '!', words in capitals and
// listicle counts (sensational) as cues, from FindStyleCues (style_cues.h).
//
// Call order: after the lexicon pass, which marks the words of its cues as
// not shouting; `acronyms` holds the acronyms earlier claims of the same
// text defined (cleared by the caller at a new text).
//
//   AddStyleCues(token_list.may_shout_or_mark(), &acronyms, &found, &state);
#ifndef CREDENCE_FEATURES_RULES_STYLE_H_
#define CREDENCE_FEATURES_RULES_STYLE_H_

#include <string>
#include <vector>

#include "features/rules/claim_state.h"
#include "features/style_cues.h"

namespace credence {

// may_shout_or_mark: TokenList::may_shout_or_mark() of the claim. *found is
// working memory.
void AddStyleCues(bool may_shout_or_mark, std::vector<std::string>* acronyms,
                  std::vector<StyleCue>* found, ClaimState* state);

}  // namespace credence

#endif  // CREDENCE_FEATURES_RULES_STYLE_H_
