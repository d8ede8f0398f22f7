// The dash pass (dash_attribution.h).
#include "features/rules/dash_attribution.h"

#include <vector>

#include "features/rules/speech.h"

namespace credence {
namespace {

const LexiconEntry kDashAttributionRule = RuleEntry("\u2014<speaker>");
// The last dash is looked for among this many final tokens.
constexpr size_t kDashWindow = 14;

// The last em or en dash among tokens [from, end); tokens.size() if none.
size_t LastDash(const std::vector<Token>& tokens, size_t from) {
  for (size_t d = tokens.size(); d > from;) {
    --d;
    if (Is(tokens[d], "\u2014") || Is(tokens[d], "\u2013")) return d;
  }
  return tokens.size();
}

}  // namespace

void AddDashAttribution(ClaimState* state) {
  const std::vector<Token>& tokens = state->t();
  const size_t n = tokens.size();
  const size_t d = LastDash(tokens, n > kDashWindow ? n - kDashWindow : 0);
  // None, or a byline line: "— Name (@handle) date".
  if (d == n || d == 0) return;
  const Speaker s = SpeakerAfter(tokens, *state->roles, d + 1);
  // A headline's "... – Variety" or "Hamilton East—Stoney Creek" is a
  // publisher or a place: a name or an outlet after a dash speaks only
  // when a quotation closes right before it.
  const bool quote_closes = Is(tokens[d - 1], "\"") || Is(tokens[d - 1], "'");
  const bool name =
      s.kind == SpeakerKind::kNamed || s.kind == SpeakerKind::kMedia;
  if (s.kind != SpeakerKind::kNone && s.last == n && (quote_closes || !name)) {
    state->BackBySpeaker(s);
    state->Add(SpeechCategory(s.kind, false, state->previous), d, s.last, 1.0,
               &kDashAttributionRule);
  }
}

}  // namespace credence
