// Forecasts told by an unnamed or vague source, filed as speculation
// ("Critics say the law will hurt"); told by the ministry a future is an
// announcement. A modal of possibility ("could result in", "might take")
// is a hedge, not a forecast: the speculation lexicon holds the explicit
// ones ("is expected to", "is likely to", "predicts").
//
// Call order: AddSourceForecasts once the attribution passes have run, if
// they found an unnamed or vague source.
//
//   if (unnamed_or_vague) AddSourceForecasts(&state);
#ifndef CREDENCE_FEATURES_RULES_FORECAST_H_
#define CREDENCE_FEATURES_RULES_FORECAST_H_

#include <cstddef>

#include "features/rules/claim_state.h"

namespace credence {

// A speculation cue (0.5) over each "will <word>"; for a claim with an
// anonymous_source or vague_attribution cue.
void AddSourceForecasts(ClaimState* state);

}  // namespace credence

#endif  // CREDENCE_FEATURES_RULES_FORECAST_H_
