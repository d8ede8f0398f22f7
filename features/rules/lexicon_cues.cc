// The lexicon pass (lexicon_cues.h).
#include "features/rules/lexicon_cues.h"

#include "features/attribution.h"
#include "features/lexicon_ids.h"
#include "features/rules/lexicon_exceptions.h"
#include "features/rules/lexicon_matches.h"
#include "features/rules/speech.h"

namespace credence {
namespace {

const LexiconEntry kUnnamedDenialRule = RuleEntry("<unnamed> <deny>");

// A denial's speaker backs it; one the reader cannot name ("military
// officials have denied", "critics deny") is also that kind of source.
void AddDenialSpeaker(size_t first, ClaimState* state) {
  const Speaker speaker = SpeakerBefore(state->t(), *state->roles, first);
  state->BackBySpeaker(speaker);
  if (speaker.kind == SpeakerKind::kAnonymous ||
      speaker.kind == SpeakerKind::kVague) {
    state->Add(SpeechCategory(speaker.kind, false, state->previous),
               speaker.first, speaker.last, 1.0, &kUnnamedDenialRule);
  }
}

}  // namespace

void AddLexiconCues(const std::vector<PhraseMatch>& matches,
                    const std::vector<Lexicon>& lexicons, ClaimState* state) {
  std::vector<uint8_t>& marks = *state->marks;
  for (const PhraseMatch& m : matches) {
    const size_t id = LexiconOf(m);
    if (id >= kCategoryCount) continue;
    const LexiconEntry& entry = EntryOf(lexicons, m);
    const size_t first = m.first_token, last = m.last_token;
    if (IsLexiconException(id, first, last, state)) continue;
    for (size_t i = first; i < last; ++i) marks[i] |= kNotShoutingMark;
    if (id == kDenial && !IsNoAnswer(state->t(), first, last)) {
      AddDenialSpeaker(first, state);
    }
    if (id == kNamedSource || id == kOfficialConfirmation) {
      AddSpeechCue(first, last, entry, id == kOfficialConfirmation, state);
      continue;
    }
    state->Add(id, first, last, entry.strength, &entry);
  }
}

}  // namespace credence
