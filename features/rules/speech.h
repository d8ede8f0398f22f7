// Speech verbs (named_source.txt: said, according to; and
// official_confirmation.txt: confirmed, announced): who speaks, whether it
// is said, planned or negated, and the cue and backing that gives.
//
// Call order: for each speech-verb match that passed IsLexiconException, in
// match order (a later "... and said" reuses the earlier speaker).
//
//   AddSpeechCue(first, last, entry, id == kOfficialConfirmation, &state);
#ifndef CREDENCE_FEATURES_RULES_SPEECH_H_
#define CREDENCE_FEATURES_RULES_SPEECH_H_

#include <cstddef>

#include "features/rules/claim_state.h"

namespace credence {

// The category a speech act gives, from its speaker and its verb: an
// outlet gives media_report, an unnamed person anonymous_source, a crowd
// vague_attribution, an official or body with a confirming verb
// official_confirmation, anyone else named_source. A pronoun speaks as the
// previous claim's source.
size_t SpeechCategory(SpeakerKind kind, bool confirms, Backing previous);

// The cue (if any) of the speech verb at tokens [first, last).
void AddSpeechCue(size_t first, size_t last, const LexiconEntry& entry,
                  bool confirms, ClaimState* state);

// "in a statement" after a speech verb of the claim ("The church told the
// newspaper in a statement"): an official's or body's words become a
// confirmation on record, the verb's cue growing over the frame; anyone
// else's stay a plain statement, and the frame names no speaker of its own.
void AddStatementFrame(size_t first, size_t last, const LexiconEntry& entry,
                       ClaimState* state);

}  // namespace credence

#endif  // CREDENCE_FEATURES_RULES_SPEECH_H_
