// Forecasts, filed as speculation: a modal before a plain verb ("could
// come", "might fall"), and a future told by an unnamed or vague source
// ("Critics say the law will hurt"); told by the ministry it is an
// announcement.
//
// Call order: AddModalForecast right after a hedge cue is added;
// AddSourceForecasts once the attribution passes have run, if they found
// an unnamed or vague source.
//
//   AddModalForecast(first, last, &state);   // for a hedge at [first, last)
//   if (unnamed_or_vague) AddSourceForecasts(&state);
#ifndef CREDENCE_FEATURES_RULES_FORECAST_H_
#define CREDENCE_FEATURES_RULES_FORECAST_H_

#include <cstddef>

#include "features/rules/claim_state.h"

namespace credence {

// A speculation cue (0.5) over "could|may|might <verb>" if the hedge at
// tokens [first, last) is such a modal.
void AddModalForecast(size_t first, size_t last, ClaimState* state);

// A speculation cue (0.5) over each "will <word>"; for a claim with an
// anonymous_source or vague_attribution cue.
void AddSourceForecasts(ClaimState* state);

}  // namespace credence

#endif  // CREDENCE_FEATURES_RULES_FORECAST_H_
