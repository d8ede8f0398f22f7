// The tuner: cross-validated fits of a model's weights, Platt scaling and
// the final fit on every row.
#include "engine/learn/tuner.h"

#include <algorithm>
#include <cmath>
#include <map>
#include <sstream>
#include <stdexcept>

#include "engine/report.h"

namespace credence {
namespace {

// splitmix64: a small, fully specified generator, so that a seed gives the
// same folds with any standard library.
uint64_t NextRandom(uint64_t* state) {
  uint64_t z = (*state += 0x9E3779B97F4A7C15ULL);
  z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9ULL;
  z = (z ^ (z >> 27)) * 0x94D049BB133111EBULL;
  return z ^ (z >> 31);
}

void Shuffle(std::vector<size_t>* v, uint64_t* state) {
  for (size_t i = v->size(); i > 1; --i) {
    size_t j = static_cast<size_t>(NextRandom(state) % i);
    std::swap((*v)[i - 1], (*v)[j]);
  }
}

// The weight of every row outside fold `skip`: each file weighs the same
// in total (or each row 1), times the file's --file-weights share; each
// class of a file the same inside it (or each row the same); they add up to
// the number of rows. Computed on the rows a fit sees, so every training
// part is exactly balanced.
std::vector<double> SampleWeights(const Dataset& data,
                                  const std::vector<int>& fold, int skip,
                                  const TuneOptions& options,
                                  bool balance_classes) {
  const size_t files = data.files.size();
  std::vector<double> cell_rows(files * 2, 0.0);
  for (size_t i = 0; i < data.rows(); ++i) {
    if (fold[i] == skip) continue;
    cell_rows[data.file[i] * 2 + static_cast<size_t>(data.y[i])] += 1;
  }
  std::vector<double> cell_weight(files * 2, 0.0);
  for (size_t f = 0; f < files; ++f) {
    const double rows = cell_rows[f * 2] + cell_rows[f * 2 + 1];
    if (rows == 0) continue;
    const double file_total =
        (options.equal_files ? 1.0 : rows) *
        (options.file_weights.empty() ? 1.0 : options.file_weights[f]);
    const double classes = (cell_rows[f * 2] > 0 ? 1.0 : 0.0) +
                           (cell_rows[f * 2 + 1] > 0 ? 1.0 : 0.0);
    for (size_t c = 0; c < 2; ++c) {
      if (cell_rows[f * 2 + c] == 0) continue;
      cell_weight[f * 2 + c] = balance_classes
                                   ? file_total / classes / cell_rows[f * 2 + c]
                                   : file_total / rows;
    }
  }
  std::vector<double> w;
  double sum = 0.0;
  for (size_t i = 0; i < data.rows(); ++i) {
    if (fold[i] == skip) continue;
    w.push_back(cell_weight[data.file[i] * 2 + static_cast<size_t>(data.y[i])]);
    sum += w.back();
  }
  for (double& v : w) v *= static_cast<double>(w.size()) / sum;
  return w;
}

std::vector<int> AssignFolds(const Dataset& data, int k, uint64_t seed) {
  std::vector<int> fold(data.rows(), 0);
  const size_t files = data.files.size();
  for (size_t f = 0; f < files; ++f) {
    if (data.files[f].grouped) {
      std::map<std::string, int> group_fold;  // sorted: stable numbering
      for (size_t i = 0; i < data.rows(); ++i) {
        if (data.file[i] == f) group_fold.emplace(data.group[i], 0);
      }
      int next = 0;
      for (auto& [name, g] : group_fold) g = next++ % k;
      for (size_t i = 0; i < data.rows(); ++i) {
        if (data.file[i] == f) fold[i] = group_fold[data.group[i]];
      }
      continue;
    }
    for (int label = 0; label < 2; ++label) {
      std::vector<size_t> cell;
      for (size_t i = 0; i < data.rows(); ++i) {
        if (data.file[i] == f && data.y[i] == label) cell.push_back(i);
      }
      uint64_t state = seed * 1000003 + f * 2 + static_cast<uint64_t>(label);
      Shuffle(&cell, &state);
      for (size_t j = 0; j < cell.size(); ++j) {
        fold[cell[j]] = static_cast<int>(j % static_cast<size_t>(k));
      }
    }
  }
  return fold;
}

FitData Subset(const Dataset& data, const std::vector<int>& fold, int skip,
               const TuneOptions& options) {
  FitData d;
  d.cols = data.cols;
  d.weight = SampleWeights(data, fold, skip, options, options.balance_classes);
  for (size_t i = 0; i < data.rows(); ++i) {
    if (fold[i] == skip) continue;
    d.x.insert(d.x.end(), data.x.begin() + static_cast<long>(i * data.cols),
               data.x.begin() + static_cast<long>((i + 1) * data.cols));
    d.y.push_back(data.y[i]);
  }
  return d;
}

double LogitOf(const FitResult& fit, const double* x) {
  double z = fit.bias;
  for (size_t j = 0; j < fit.weights.size(); ++j) z += fit.weights[j] * x[j];
  return z;
}

// Platt scaling: a one-feature logistic fit of the label on the logit.
FitResult FitPlatt(const std::vector<double>& logit, const Dataset& data,
                   const std::vector<int>& fold, int skip,
                   const TuneOptions& options) {
  FitData d;
  d.cols = 1;
  d.weight = SampleWeights(data, fold, skip, options, false);
  for (size_t i = 0; i < data.rows(); ++i) {
    if (fold[i] == skip) continue;
    d.x.push_back(logit[i]);
    d.y.push_back(data.y[i]);
  }
  // A unit ridge: nothing next to thousands of rows, but it keeps the
  // scale finite when a handful of rows are separable.
  FitOptions platt;
  platt.l2 = 1.0;
  return FitLogistic(d, platt);
}

void CheckClasses(const FitData& d, const std::string& what) {
  bool zero = false, one = false;
  for (double y : d.y) (y == 0 ? zero : one) = true;
  if (!zero || !one) {
    throw std::invalid_argument(what + " holds only rows labeled " +
                                (one ? "1" : "0") +
                                " (tuning needs both classes)");
  }
}

std::string MetricsLine(const Metrics& m) {
  return "n=" + std::to_string(m.n) + " auc=" + FormatFixed(m.auc, 4) +
         " auc_se=" + FormatFixed(m.auc_se, 4) +
         " accuracy=" + FormatFixed(m.accuracy, 4) +
         " f1_credible=" + FormatFixed(m.f1_credible, 4) +
         " f1_doubtful=" + FormatFixed(m.f1_doubtful, 4) +
         " log_loss=" + FormatFixed(m.log_loss, 4) +
         " brier=" + FormatFixed(m.brier, 4) + " ece=" + FormatFixed(m.ece, 4);
}

// " file_weights=2,1" (6 significant digits); "" when none are given.
std::string FileWeightsMeta(const std::vector<double>& weights) {
  std::ostringstream out;
  for (size_t f = 0; f < weights.size(); ++f) {
    out << (f == 0 ? " file_weights=" : ",") << weights[f];
  }
  return out.str();
}

}  // namespace

std::vector<ScopedMetrics> MetricsByFile(const Dataset& data,
                                         const std::vector<double>& p,
                                         size_t max_groups) {
  std::vector<ScopedMetrics> out;
  out.push_back({"all", Evaluate(p, data.y), "", 0});
  if (data.files.size() < 2 && (data.files.empty() || !data.files[0].grouped)) {
    return out;
  }
  for (size_t f = 0; f < data.files.size(); ++f) {
    std::vector<double> fp;
    std::vector<int> fy;
    // A grouped file's groups, in sorted order: each was one fold's
    // held-out part, so these are the figures for unseen groups.
    std::map<std::string, std::pair<std::vector<double>, std::vector<int>>>
        groups;
    for (size_t i = 0; i < data.rows(); ++i) {
      if (data.file[i] != f) continue;
      fp.push_back(p[i]);
      fy.push_back(data.y[i]);
      if (data.files[f].grouped) {
        auto& [gp, gy] = groups[data.group[i]];
        gp.push_back(p[i]);
        gy.push_back(data.y[i]);
      }
    }
    if (data.files.size() > 1) {
      out.push_back({data.files[f].path, Evaluate(fp, fy), "", 0});
    }
    size_t listed = 0;
    for (const auto& [group, rows] : groups) {
      if (listed == max_groups) {
        out.back().file = data.files[f].path;
        out.back().more_groups = groups.size() - listed;
        break;
      }
      out.push_back({data.files[f].path + " group=" + group,
                     Evaluate(rows.first, rows.second), "", 0});
      ++listed;
    }
  }
  return out;
}

namespace {

// The checks on Tune()'s arguments; throws std::invalid_argument.
void CheckTuneInputs(const Dataset& data,
                     const std::vector<std::string>& feature_names,
                     const TuneOptions& options) {
  if (options.folds < 2) {
    throw std::invalid_argument("--folds must be at least 2");
  }
  if (options.calibrate != "auto" && options.calibrate != "platt" &&
      options.calibrate != "none") {
    throw std::invalid_argument("--calibrate must be auto, platt or none");
  }
  if (feature_names.size() != data.cols) {
    throw std::invalid_argument("tune: feature names and data differ");
  }
  if (!options.file_weights.empty() &&
      options.file_weights.size() != data.files.size()) {
    throw std::invalid_argument(
        "tune: " + std::to_string(options.file_weights.size()) +
        " file weights for " + std::to_string(data.files.size()) + " files");
  }
  for (const double w : options.file_weights) {
    if (!(w > 0) || !std::isfinite(w)) {
      throw std::invalid_argument("tune: a file weight must be > 0");
    }
  }
  if (data.rows() < static_cast<size_t>(options.folds)) {
    throw std::invalid_argument("tune: " + std::to_string(data.rows()) +
                                " rows for " + std::to_string(options.folds) +
                                " folds (hint: lower --folds)");
  }
}

// The meta lines of report->model: the inputs, the fit, the calibration
// and the cross-validated figures.
void AddTuneMeta(const Dataset& data, const TuneOptions& options,
                 TuneReport* report_out) {
  const TuneReport& report = *report_out;
  LinearModel& m = report_out->model;
  for (const DatasetFile& f : data.files) {
    m.AddMeta(options.meta_prefix + "input",
              f.path + " sha256=" + f.sha256 +
                  " rows=" + std::to_string(f.rows) + " labeled_1=" +
                  std::to_string(f.positives) + (f.grouped ? " grouped" : ""));
  }
  m.AddMeta(
      options.meta_prefix + "fit",
      "unit=" + options.unit + " l2=" + FormatFixed(options.l2, 6) +
          " class_weight=" + (options.balance_classes ? "balanced" : "none") +
          " file_weight=" + (options.equal_files ? "equal" : "rows") +
          FileWeightsMeta(options.file_weights) +
          " signs=" + (options.signs.empty() ? "free" : "taxonomy") +
          (options.constraints.empty()
               ? std::string()
               : " constraints=" + std::to_string(options.constraints.size())) +
          " iterations=" + std::to_string(report.fit.iterations) +
          " loss=" + FormatFixed(report.fit.loss, 6));
  m.AddMeta(options.meta_prefix + "calibration",
            (report.calibrated ? "platt a=" + FormatFixed(report.platt_a, 6) +
                                     " b=" + FormatFixed(report.platt_b, 6) +
                                     " (folded into bias and weights); "
                               : std::string("none; ")) +
                report.calibration_note);
  m.AddMeta(options.meta_prefix + "cv",
            "folds=" + std::to_string(options.folds) +
                " seed=" + std::to_string(options.seed));
  for (const ScopedMetrics& s : report.cv) {
    m.AddMeta(options.meta_prefix + "cv_metrics",
              s.scope + " " + MetricsLine(s.metrics));
    if (s.more_groups > 0) {
      m.AddMeta(options.meta_prefix + "cv_groups",
                s.file +
                    " groups=" + std::to_string(kListedGroups + s.more_groups) +
                    " recorded=" + std::to_string(kListedGroups));
    }
  }
}

}  // namespace

TuneReport Tune(const Dataset& data,
                const std::vector<std::string>& feature_names,
                const TuneOptions& options) {
  CheckTuneInputs(data, feature_names, options);
  const std::vector<int> fold = AssignFolds(data, options.folds, options.seed);
  FitOptions fit_options;
  fit_options.l2 = options.l2;
  fit_options.signs = options.signs;
  fit_options.prior = options.prior;
  fit_options.constraints = options.constraints;

  TuneReport report;
  FitData all = Subset(data, fold, -1, options);
  CheckClasses(all, "the data");
  std::vector<double> oof_logit(data.rows(), 0.0);
  for (int k = 0; k < options.folds; ++k) {
    FitData train = Subset(data, fold, k, options);
    if (train.rows() == data.rows()) continue;  // an empty fold
    CheckClasses(train, "the training part of fold " + std::to_string(k + 1));
    FitResult fit = FitLogistic(train, fit_options);
    for (size_t i = 0; i < data.rows(); ++i) {
      if (fold[i] == k) oof_logit[i] = LogitOf(fit, &data.x[i * data.cols]);
    }
  }
  std::vector<double> raw(data.rows()), calibrated(data.rows());
  for (size_t i = 0; i < data.rows(); ++i) raw[i] = Logistic(oof_logit[i]);
  for (int k = 0; k < options.folds; ++k) {
    FitResult platt = FitPlatt(oof_logit, data, fold, k, options);
    for (size_t i = 0; i < data.rows(); ++i) {
      if (fold[i] == k) {
        calibrated[i] = Logistic(platt.bias + platt.weights[0] * oof_logit[i]);
      }
    }
  }
  report.cv_raw = MetricsByFile(data, raw, kListedGroups);
  std::vector<ScopedMetrics> cv_calibrated =
      MetricsByFile(data, calibrated, kListedGroups);
  const double before = report.cv_raw[0].metrics.log_loss;
  const double after = cv_calibrated[0].metrics.log_loss;
  report.calibrated = options.calibrate == "platt" ||
                      (options.calibrate == "auto" && after <= before - 0.001);
  report.calibration_note =
      "cross-validated log loss " + FormatFixed(before, 4) + " raw, " +
      FormatFixed(after, 4) + " with Platt scaling (--calibrate " +
      options.calibrate + ")";
  report.cv = report.calibrated ? cv_calibrated : report.cv_raw;
  report.oof = report.calibrated ? calibrated : raw;

  report.fit = FitLogistic(all, fit_options);
  double bias = report.fit.bias;
  std::vector<double> weights = report.fit.weights;
  if (report.calibrated) {
    FitResult platt = FitPlatt(oof_logit, data, fold, -1, options);
    report.platt_a = platt.weights[0];
    report.platt_b = platt.bias;
    bias = report.platt_a * bias + report.platt_b;
    for (double& w : weights) w *= report.platt_a;
  }
  report.model = LinearModel(options.model_name, bias, feature_names, weights);
  AddTuneMeta(data, options, &report);
  return report;
}

}  // namespace credence
