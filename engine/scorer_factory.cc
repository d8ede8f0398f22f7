// Scorers from the built-in data or the files a user names.
#include "engine/scorer_factory.h"

#include <stdexcept>
#include <utility>
#include <vector>

#include "engine/builtin_data.h"
#include "engine/util/paths.h"

namespace credence {

std::unique_ptr<Scorer> BuildScorer(const std::string& model_path,
                                    const std::string& lexicon_dir,
                                    const std::string& overlay_dir) {
  if (!model_path.empty()) RefuseDirectory(model_path, "a model file");
  std::vector<Lexicon> lexicons = lexicon_dir.empty()
                                      ? DefaultLexicons()
                                      : LoadLexiconDirectory(lexicon_dir);
  if (!overlay_dir.empty()) ApplyOverlayDirectory(overlay_dir, &lexicons);
  const LinearModel model =
      model_path.empty() ? DefaultModel() : LinearModel::LoadFile(model_path);
  try {
    return std::make_unique<Scorer>(Extractor(std::move(lexicons)), model);
  } catch (const std::invalid_argument& e) {
    throw std::runtime_error(
        (model_path.empty() ? "<built-in model>" : model_path) + ": " +
        e.what() + " (use a model tuned for these lexicons)");
  }
}

std::unique_ptr<Scorer> BuildFeatureScorer(const std::string& lexicon_dir,
                                           const std::string& overlay_dir) {
  std::vector<Lexicon> lexicons = lexicon_dir.empty()
                                      ? DefaultLexicons()
                                      : LoadLexiconDirectory(lexicon_dir);
  if (!overlay_dir.empty()) ApplyOverlayDirectory(overlay_dir, &lexicons);
  Extractor extractor(std::move(lexicons));
  const std::vector<std::string> names = extractor.feature_names();
  LinearModel zero("features", 0.0, names,
                   std::vector<double>(names.size(), 0.0));
  return std::make_unique<Scorer>(std::move(extractor), std::move(zero));
}

}  // namespace credence
