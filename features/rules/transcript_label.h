// The transcript pass: the speaker labels of an interview or hearing
// transcript, a name in capitals and a colon ("PRUITT: I did not.",
// "MS. BERG: We will.", "... – HENRY: Who did it?").
//
// Transcripts printed in news name each turn's speaker once, in capitals,
// before a colon; the turn runs on, sentence after sentence, until the
// next label. A claim that opens with a label is backed by its speaker
// (an official when the text named the person with a title); the last
// label of a claim goes on to the next claims of its paragraph
// (extractor.cc carries it); a question in a turn asserts nothing and
// stays unbacked. A label names the speaker but is no verb of
// saying: it backs the claim and adds no cue.
//
// Call order: after MarkMatchedTokens and the names' Scan (it reads roles
// and the name memory); the extractor runs it after the document pass.
//
//   AddTranscriptLabels(tokens.has_dash(), &state);  // sets label_backing
#ifndef CREDENCE_FEATURES_RULES_TRANSCRIPT_LABEL_H_
#define CREDENCE_FEATURES_RULES_TRANSCRIPT_LABEL_H_

#include <vector>

#include "features/rules/claim_state.h"

namespace credence {

// has_dash: whether the claim has a dash token (TokenList::has_dash()).
void AddTranscriptLabels(bool has_dash, ClaimState* state);

// Whether a claim's tokens end in a question mark: a question asserts
// nothing, so a turn's speaker backs none of its questions.
bool IsQuestion(const std::vector<Token>& tokens);

}  // namespace credence

#endif  // CREDENCE_FEATURES_RULES_TRANSCRIPT_LABEL_H_
