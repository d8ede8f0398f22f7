// Forecast rules (forecast.h).
#include "features/rules/forecast.h"

#include <string_view>
#include <vector>

#include "features/lexicon_ids.h"
#include "features/match_context.h"

namespace credence {
namespace {

const LexiconEntry kModalForecastRule = RuleEntry("<could|may|might> <verb>");
const LexiconEntry kSourceForecastRule =
    RuleEntry("<unnamed source> ... will <verb>");

}  // namespace

void AddModalForecast(size_t first, size_t last, ClaimState* state) {
  const std::vector<Token>& tokens = state->t();
  if (last - first != 1 || last >= tokens.size()) return;
  const std::string_view w = tokens[first].norm;
  const Token& next = tokens[last];
  if ((w == "could" || w == "may" || w == "might") && next.is_word &&
      !next.capitalized && !IsNegator(next) && !IsDeterminer(next) &&
      !Is(next, "have") && !Is(next, "well") &&
      !(w == "may" && Is(next, "be"))) {
    state->Add(kSpeculation, first, last + 1, 0.5, &kModalForecastRule);
  }
}

void AddSourceForecasts(ClaimState* state) {
  const std::vector<Token>& tokens = state->t();
  for (size_t i = 0; i + 1 < tokens.size(); ++i) {
    if (Is(tokens[i], "will") && tokens[i + 1].is_word) {
      state->Add(kSpeculation, i, i + 2, 0.5, &kSourceForecastRule);
    }
  }
}

}  // namespace credence
