// The colon pass (colon_lead.h).
#include "features/rules/colon_lead.h"

#include <vector>

#include "features/lexicon_ids.h"
#include "features/match_context.h"
#include "features/rules/speech.h"

namespace credence {
namespace {

const LexiconEntry kColonReportRule = RuleEntry(": report");
const LexiconEntry kColonLeadRule = RuleEntry("<speaker>:");
// A lead-in colon is among the first tokens: at most this index.
constexpr size_t kLastLeadColon = 4;

// "Couple split: Report": a headline ends on a report it does not name.
void AddColonReport(ClaimState* state) {
  const std::vector<Token>& tokens = state->t();
  const size_t n = tokens.size();
  if (n >= 3 && Is(tokens[n - 2], ":") &&
      (Is(tokens[n - 1], "report") || Is(tokens[n - 1], "reports"))) {
    state->Back(Backing::kVague, n - 1, n);
    state->Add(kVagueAttribution, n - 2, n, 1.0, &kColonReportRule);
  }
}

// The speaker before the lead-in colon at token c, if it speaks. A bare
// name before a colon is as often a topic ("Tech Layoffs:") as a speaker,
// and so is a name that only holds a body ("Parliament Shooting:", unlike
// "Ottawa Police:" or "Ministry of Health:"); a quote after the colon
// settles it.
void AddColonLead(size_t c, ClaimState* state) {
  const std::vector<Token>& tokens = state->t();
  const Speaker s = SpeakerAfter(tokens, *state->roles, 0);
  const bool quoted = c + 1 < tokens.size() &&
                      (Is(tokens[c + 1], "\"") || Is(tokens[c + 1], "'"));
  const bool topic =
      s.kind == SpeakerKind::kNamed ||
      (s.kind == SpeakerKind::kInstitution && (*state->roles)[c - 1] == 0 &&
       !(c >= 2 && Is(tokens[c - 2], "of")));
  if (s.last == c && s.kind != SpeakerKind::kNone && (!topic || quoted)) {
    state->BackBySpeaker(s);
    state->Add(SpeechCategory(s.kind, false, state->previous), 0, c + 1, 1.0,
               &kColonLeadRule);
  }
}

}  // namespace

void AddColonAttributions(ClaimState* state) {
  AddColonReport(state);
  const std::vector<Token>& tokens = state->t();
  for (size_t c = 1; c < tokens.size() && c <= kLastLeadColon; ++c) {
    if (!Is(tokens[c], ":")) continue;
    // "Breaking news:", "Latest News:": a label that files the story.
    if (!IsNewsLabel(tokens[0])) AddColonLead(c, state);
    return;
  }
}

}  // namespace credence
