// Tunes a model's weights on labeled rows: stratified, seeded k-fold
// cross-validation first (honest figures), then the fit on every row, then
// optional Platt scaling folded into the weights.
//
//   credence::Dataset data;  ... LoadLabeled(...) each file ...
//   credence::TuneOptions opt;              // l2 1, 5 folds, seed 1
//   credence::TuneReport r = credence::Tune(data, feature_names, opt);
//   r.model.Save(out);                      // with provenance in meta lines
//
// Sample weights: every file weighs the same in total (--file-weight
// equal; or one a row), and inside a file each class weighs the same
// (--class-weight balanced; or none). Folds: rows of a group (DatasetOptions
// ::group_column) stay together, group i of a file in sorted order going to
// fold i mod k; other rows are dealt out to folds per file and label after a
// seeded shuffle. Calibration: Platt scaling p = logistic(a z + b) of the
// logit z, fitted on out-of-fold logits; under "auto" it is kept when
// cross-fitted (each fold calibrated by the others) it lowers the
// cross-validated log loss by at least 0.001. Because z is linear in the
// features, the scaling is folded into the bias and weights exactly.
#ifndef CREDENCE_ENGINE_LEARN_TUNER_H_
#define CREDENCE_ENGINE_LEARN_TUNER_H_

#include <cstddef>
#include <cstdint>
#include <string>
#include <utility>
#include <vector>

#include "engine/learn/dataset.h"
#include "models/linear_model.h"
#include "models/logistic_fit.h"
#include "models/metrics.h"

namespace credence {

struct TuneOptions {
  double l2 = 1.0;
  int folds = 5;  // >= 2
  uint64_t seed = 1;
  bool balance_classes = true;
  bool equal_files = true;
  // One factor a file (in Dataset::files order) scaling its total weight;
  // empty: every file 1.
  std::vector<double> file_weights;
  std::string calibrate = "auto";             // auto, platt or none
  std::vector<int> signs;                     // FitOptions::signs; empty: free
  std::vector<double> prior;                  // FitOptions::prior; empty: 0
  std::vector<WeightConstraint> constraints;  // FitOptions::constraints
  std::string model_name = "credence-tuned";
  std::string unit = "claim";  // recorded in the model's meta lines...
  std::string meta_prefix;     // ...whose keys start with this
};

// Metrics of one scope: every row ("all"), one input file, or one group of
// a grouped file ("PATH group=VALUE").
struct ScopedMetrics {
  std::string scope;
  Metrics metrics;
  // On the last group listed of a file with more groups than listed: its
  // file's path and how many of its groups follow unlisted.
  std::string file;
  size_t more_groups = 0;
};

// The groups of a file whose figures Tune lists (in TuneReport::cv and in
// the model's meta lines); one line counts the rest, so that a group
// column with a value a row does not make a model of a line a row.
constexpr size_t kListedGroups = 20;

struct TuneReport {
  LinearModel model;  // calibrated when `calibrated`
  FitResult fit;      // the final fit on every row, before calibration
  std::vector<ScopedMetrics> cv;      // out-of-fold, as shipped
  std::vector<ScopedMetrics> cv_raw;  // out-of-fold, before calibration
  std::vector<double> oof;  // each row's out-of-fold probability, as shipped
  bool calibrated = false;
  double platt_a = 1.0, platt_b = 0.0;
  std::string calibration_note;  // why it was or was not applied
};

// Throws std::invalid_argument for bad options and for data with fewer
// than two classes or fewer rows than folds.
TuneReport Tune(const Dataset& data,
                const std::vector<std::string>& feature_names,
                const TuneOptions& options);

// Metrics of predicted probabilities over all rows, then each file (when
// there are several), each followed by its first `max_groups` groups in
// sorted order (when it is grouped).
std::vector<ScopedMetrics> MetricsByFile(const Dataset& data,
                                         const std::vector<double>& p,
                                         size_t max_groups = SIZE_MAX);

}  // namespace credence

#endif  // CREDENCE_ENGINE_LEARN_TUNER_H_
