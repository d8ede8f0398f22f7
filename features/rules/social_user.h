// The social-user pass: an unnamed user of a platform is an unverified
// social source, not an anonymous one ("A user posted on Facebook that
// ...", "a TikTok user claimed", "one account wrote on X").
//
// The speaker rules read "a user" as an unnamed person (anonymous). An
// anonymous source has been vetted by the reporter who grants anonymity;
// a post by a user no one identified has not (docs/annotation.md,
// "social"). So a speech cue whose speaker is a user or an account, on a
// platform the claim names or with a verb of posting, becomes an
// unverified_social cue and the claim is backed by social. A user of
// anything else ("a user of the clinic said") stays anonymous.
//
// Call order: after the lexicon cues; the extractor runs it after the
// document pass.
//
//   AddSocialUsers(&state);
#ifndef CREDENCE_FEATURES_RULES_SOCIAL_USER_H_
#define CREDENCE_FEATURES_RULES_SOCIAL_USER_H_

#include "features/rules/claim_state.h"

namespace credence {

void AddSocialUsers(ClaimState* state);

}  // namespace credence

#endif  // CREDENCE_FEATURES_RULES_SOCIAL_USER_H_
