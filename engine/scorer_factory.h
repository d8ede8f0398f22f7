// Scorers built from what a user names: a model file, a lexicon folder and
// an overlay folder, each empty for the built-in data (builtin_data.h).
//
//   const std::unique_ptr<credence::Scorer> scorer =
//       credence::BuildScorer("my.model", "", "");  // built-in lexicons
#ifndef CREDENCE_ENGINE_SCORER_FACTORY_H_
#define CREDENCE_ENGINE_SCORER_FACTORY_H_

#include <memory>
#include <string>

#include "engine/scorer.h"

namespace credence {

// The scorer from the built-in or given lexicons, overlay and model (empty
// strings: the built-in ones, no overlay). Throws std::runtime_error
// naming the model when its features are not the lexicons'.
std::unique_ptr<Scorer> BuildScorer(const std::string& model_path,
                                    const std::string& lexicon_dir,
                                    const std::string& overlay_dir);

// A scorer for feature extraction alone (tune): the lexicons' extractor
// with a model of zero weights over its features, so that tuning never
// depends on the built-in model matching the lexicons.
std::unique_ptr<Scorer> BuildFeatureScorer(const std::string& lexicon_dir,
                                           const std::string& overlay_dir);

}  // namespace credence

#endif  // CREDENCE_ENGINE_SCORER_FACTORY_H_
