// The lexicon pass (lexicon_cues.h).
#include "features/rules/lexicon_cues.h"

#include "features/attribution.h"
#include "features/lexicon_ids.h"
#include "features/rules/lexicon_exceptions.h"
#include "features/rules/lexicon_matches.h"
#include "features/rules/speech.h"

namespace credence {

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
      state->BackBySpeaker(SpeakerBefore(state->t(), *state->roles, first));
    }
    if (id == kNamedSource || id == kOfficialConfirmation) {
      AddSpeechCue(first, last, entry, id == kOfficialConfirmation, state);
      continue;
    }
    state->Add(id, first, last, entry.strength, &entry);
  }
}

}  // namespace credence
