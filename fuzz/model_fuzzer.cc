// Fuzzes the model-file parser: any bytes are a ModelError or a model that
// saves and loads back to the same file, and that the scorer either takes
// or refuses with std::invalid_argument.
#include <cmath>
#include <cstddef>
#include <cstdint>
#include <sstream>
#include <stdexcept>
#include <string>
#include <vector>

#include "fuzz/fuzz_common.h"
#include "models/linear_model.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  using namespace credence;  // NOLINT(build/namespaces)
  std::istringstream in(std::string(reinterpret_cast<const char*>(data), size));
  LinearModel model;
  try {
    model = LinearModel::Load(in, "fuzz.model");
  } catch (const ModelError& e) {
    FuzzCheckOneLine(e);
    return 0;
  }
  FuzzCheck(!model.feature_names().empty(), "a model has features");
  FuzzCheck(model.feature_names().size() == model.weights().size(),
            "a weight per feature");
  FuzzCheck(std::isfinite(model.bias()), "finite bias");

  std::ostringstream saved;
  model.Save(saved);
  std::istringstream again(saved.str());
  const LinearModel reloaded = LinearModel::Load(again, "fuzz-saved.model");
  std::ostringstream resaved;
  reloaded.Save(resaved);
  FuzzCheck(resaved.str() == saved.str(), "Save(Load(Save(m))) == Save(m)");

  const std::vector<double> ones(model.weights().size(), 1.0);
  const double p = model.Probability(ones);
  FuzzCheck(p >= 0.0 && p <= 1.0, "probability in [0,1]");
  try {
    const Scorer scorer(BuiltInScorer().extractor(), model);
    const ArticleScore a = scorer.ScoreArticle("Kim may visit Russia\n");
    FuzzCheck(a.score >= 0.0 && a.score <= 1.0, "score in [0,1]");
  } catch (const std::invalid_argument& e) {
    FuzzCheckOneLine(e);
    // a model for other features: `credence score --model` reports it
  }
  return 0;
}
