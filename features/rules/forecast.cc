// Forecast rules (forecast.h).
#include "features/rules/forecast.h"

#include <vector>

#include "features/lexicon_ids.h"
#include "features/match_context.h"

namespace credence {
namespace {

const LexiconEntry kSourceForecastRule =
    RuleEntry("<unnamed source> ... will <verb>");

}  // namespace

void AddSourceForecasts(ClaimState* state) {
  const std::vector<Token>& tokens = state->t();
  for (size_t i = 0; i + 1 < tokens.size(); ++i) {
    if (Is(tokens[i], "will") && tokens[i + 1].is_word) {
      state->Add(kSpeculation, i, i + 2, 0.5, &kSourceForecastRule);
    }
  }
}

}  // namespace credence
