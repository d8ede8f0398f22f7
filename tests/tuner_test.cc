// Tune() on hand-built datasets: determinism, what the seed does and does
// not change, grouped folds, sample weights, calibration folded into the
// weights, provenance lines, and the data it refuses.
#include "engine/learn/tuner.h"

#include <gtest/gtest.h>

#include <cmath>
#include <cstdint>
#include <sstream>
#include <stdexcept>
#include <string>
#include <utility>
#include <vector>

#include "models/linear_model.h"
#include "models/logistic_fit.h"
#include "models/metrics.h"
#include "tests/lcg.h"

namespace credence {
namespace {

const std::vector<std::string> kNames = {"f0", "f1"};

// `rows` rows of two features in [-1, 1]; the label drawn from
// logistic(0.3 + 2 x0 - 1.5 x1). Rows go to files in blocks of the given
// sizes (one file of every row when empty); group names cycle through
// `groups` when given (the file is then grouped).
Dataset Toy(size_t rows, uint64_t seed, std::vector<size_t> file_rows = {},
            const std::vector<std::string>& groups = {}) {
  if (file_rows.empty()) file_rows = {rows};
  Lcg rng(seed);
  Dataset d;
  d.cols = 2;
  for (size_t f = 0; f < file_rows.size(); ++f) {
    DatasetFile file;
    file.path = "f" + std::to_string(f) + ".csv";
    file.sha256 = "0123abcd";
    file.grouped = !groups.empty();
    for (size_t i = 0; i < file_rows[f]; ++i) {
      const double x0 = 2 * rng.Uniform() - 1;
      const double x1 = 2 * rng.Uniform() - 1;
      const int y = rng.Uniform() < Logistic(0.3 + 2 * x0 - 1.5 * x1) ? 1 : 0;
      d.x.push_back(x0);
      d.x.push_back(x1);
      d.y.push_back(y);
      d.probability.push_back(0.5);
      d.file.push_back(static_cast<uint32_t>(f));
      d.group.push_back(groups.empty() ? ""
                                       : groups[d.y.size() % groups.size()]);
      ++file.rows;
      file.positives += static_cast<size_t>(y);
    }
    d.files.push_back(file);
  }
  return d;
}

TuneOptions Options(const std::string& calibrate = "none", uint64_t seed = 1,
                    int folds = 5) {
  TuneOptions o;
  o.calibrate = calibrate;
  o.seed = seed;
  o.folds = folds;
  return o;
}

std::string Saved(const LinearModel& m) {
  std::ostringstream out;
  m.Save(out);
  return out.str();
}

std::vector<std::string> MetaKeys(const LinearModel& m) {
  std::vector<std::string> keys;
  for (const auto& [key, value] : m.meta()) keys.push_back(key);
  return keys;
}

std::string MetaValue(const LinearModel& m, const std::string& key) {
  for (const auto& [k, value] : m.meta()) {
    if (k == key) return value;
  }
  return "<missing>";
}

std::string ThrowMessage(const Dataset& d, const TuneOptions& o) {
  try {
    Tune(d, kNames, o);
  } catch (const std::invalid_argument& e) {
    return e.what();
  }
  return "<no exception>";
}

// The premise of several tests: the toy data has both classes in fair
// numbers and is not separable.
TEST(TunerTest, ToyDataHasBothClasses) {
  const Dataset d = Toy(40, 1);
  EXPECT_EQ(d.rows(), 40u);
  EXPECT_GE(d.files[0].positives, 12u);
  EXPECT_LE(d.files[0].positives, 28u);
}

TEST(TunerTest, SameInputsGiveByteIdenticalModels) {
  const Dataset d = Toy(40, 1);
  for (const char* calibrate : {"none", "platt", "auto"}) {
    SCOPED_TRACE(calibrate);
    const std::string first = Saved(Tune(d, kNames, Options(calibrate)).model);
    const std::string second = Saved(Tune(d, kNames, Options(calibrate)).model);
    EXPECT_EQ(first, second);
    EXPECT_EQ(first.rfind("credence-model 1\nname credence-tuned\n", 0), 0u);
  }
}

// The final fit sees every row, so the fold shuffle cannot move it; only
// the cross-validated figures (and a Platt scaling fitted on them) change.
TEST(TunerTest, SeedChangesTheFoldsButNotTheFinalFit) {
  const Dataset d = Toy(40, 1);
  const TuneReport one = Tune(d, kNames, Options("none", 1));
  const TuneReport two = Tune(d, kNames, Options("none", 2));
  EXPECT_EQ(one.fit.bias, two.fit.bias);
  EXPECT_EQ(one.fit.weights, two.fit.weights);
  EXPECT_EQ(one.model.bias(), two.model.bias());
  EXPECT_EQ(one.model.weights(), two.model.weights());
  EXPECT_NE(one.cv_raw[0].metrics.log_loss, two.cv_raw[0].metrics.log_loss);
  EXPECT_EQ(MetaValue(one.model, "cv"), "folds=5 seed=1");
  EXPECT_EQ(MetaValue(two.model, "cv"), "folds=5 seed=2");

  const TuneReport platt_one = Tune(d, kNames, Options("platt", 1));
  const TuneReport platt_two = Tune(d, kNames, Options("platt", 2));
  EXPECT_EQ(platt_one.fit.weights, platt_two.fit.weights);
  EXPECT_NE(platt_one.platt_a, platt_two.platt_a);
}

// The final fit is FitLogistic on every row with these sample weights:
// every file weighs the same in total (or every row), times its factor
// from --file-weights, each class of a file the same (or every row),
// scaled to add up to the number of rows N.
struct WeightCase {
  const char* name;
  bool equal_files;
  bool balance_classes;
  std::vector<double> file_weights;  // TuneOptions::file_weights
  // The weight of a row of a file with `file_rows` rows, `class_rows` of
  // them of its class, and file weight `f` (1 without file weights), out of
  // N rows in two files.
  double (*weight)(double n, double file_rows, double class_rows, double f);
};

class SampleWeightTest : public ::testing::TestWithParam<WeightCase> {};

TEST_P(SampleWeightTest, FinalFitUsesTheseWeights) {
  const WeightCase& c = GetParam();
  const Dataset d = Toy(40, 3, {30, 10});
  for (const DatasetFile& f : d.files) {  // both classes in each file
    ASSERT_GT(f.positives, 0u);
    ASSERT_LT(f.positives, f.rows);
  }
  TuneOptions o = Options("none");
  o.equal_files = c.equal_files;
  o.balance_classes = c.balance_classes;
  o.file_weights = c.file_weights;
  const TuneReport r = Tune(d, kNames, o);

  FitData manual;
  manual.cols = 2;
  manual.x = d.x;
  manual.y.assign(d.y.begin(), d.y.end());
  for (size_t i = 0; i < d.rows(); ++i) {
    const DatasetFile& f = d.files[d.file[i]];
    const double class_rows =
        static_cast<double>(d.y[i] == 1 ? f.positives : f.rows - f.positives);
    const double factor =
        c.file_weights.empty() ? 1.0 : c.file_weights[d.file[i]];
    manual.weight.push_back(
        c.weight(40.0, static_cast<double>(f.rows), class_rows, factor));
  }
  FitOptions fo;
  fo.l2 = 1.0;
  const FitResult expected = FitLogistic(manual, fo);
  EXPECT_NEAR(r.fit.bias, expected.bias, 1e-9);
  EXPECT_NEAR(r.fit.weights[0], expected.weights[0], 1e-9);
  EXPECT_NEAR(r.fit.weights[1], expected.weights[1], 1e-9);

  // And the weighting matters: unweighted rows give another fit.
  if (c.equal_files || c.balance_classes) {
    manual.weight.clear();
    const FitResult plain = FitLogistic(manual, fo);
    EXPECT_GT(std::abs(plain.bias - r.fit.bias) +
                  std::abs(plain.weights[0] - r.fit.weights[0]),
              1e-3);
  }
}

INSTANTIATE_TEST_SUITE_P(
    Table, SampleWeightTest,
    ::testing::Values(
        // Cells weigh 1/2 each a file: 1/(2 class_rows) a row, 2 in all.
        WeightCase{
            "EqualFilesBalanced",
            true,
            true,
            {},
            [](double n, double, double k, double) { return n / (4 * k); }},
        // Files weigh 1 each: 1/file_rows a row, 2 in all.
        WeightCase{
            "EqualFilesOnly",
            true,
            false,
            {},
            [](double n, double r, double, double) { return n / (2 * r); }},
        // A file weighs its rows, half to each class; N in all.
        WeightCase{
            "BalancedOnly",
            false,
            true,
            {},
            [](double, double r, double k, double) { return r / (2 * k); }},
        WeightCase{"Neither",
                   false,
                   false,
                   {},
                   [](double, double, double, double) { return 1.0; }},
        // Files weigh 3 and 1: cells f/2 each, 1/(2 class_rows) of that a
        // row, 4 in all.
        WeightCase{"EqualFilesBalancedWeighted",
                   true,
                   true,
                   {3.0, 1.0},
                   [](double n, double, double k, double f) {
                     return n * f / (8 * k);
                   }},
        // Files of 30 and 10 rows weigh 0.5 and 2 a row: 15 + 20 = 35 in
        // all.
        WeightCase{
            "RowsWeighted",
            false,
            false,
            {0.5, 2.0},
            [](double n, double, double, double f) { return n * f / 35; }}),
    [](const ::testing::TestParamInfo<WeightCase>& case_info) {
      return std::string(case_info.param.name);
    });

TEST(TunerTest, NoWeightingIsThePlainFitBitForBit) {
  const Dataset d = Toy(40, 3, {30, 10});
  TuneOptions o = Options("none");
  o.equal_files = false;
  o.balance_classes = false;
  const TuneReport r = Tune(d, kNames, o);
  FitData plain;
  plain.cols = 2;
  plain.x = d.x;
  plain.y.assign(d.y.begin(), d.y.end());
  const FitResult expected = FitLogistic(plain, FitOptions());
  EXPECT_EQ(r.fit.bias, expected.bias);
  EXPECT_EQ(r.fit.weights, expected.weights);
  EXPECT_EQ(r.model.bias(), expected.bias);
  EXPECT_EQ(r.model.weights(), expected.weights);
}

// Out-of-fold logits of a grouped file, worked out independently: group
// names sorted (a, b, c, d) go to folds 0, 1, 0, 1 whatever their order in
// the file; each training part is class-balanced (weight N_train /
// (2 class_rows) a row, one file).
Metrics GroupedCvByHand(const Dataset& d, const std::vector<int>& fold,
                        int folds) {
  std::vector<double> p(d.rows());
  for (int k = 0; k < folds; ++k) {
    FitData train;
    train.cols = 2;
    double rows = 0, ones = 0;
    for (size_t i = 0; i < d.rows(); ++i) {
      if (fold[i] == k) continue;
      rows += 1;
      ones += d.y[i];
    }
    for (size_t i = 0; i < d.rows(); ++i) {
      if (fold[i] == k) continue;
      train.x.push_back(d.x[2 * i]);
      train.x.push_back(d.x[2 * i + 1]);
      train.y.push_back(d.y[i]);
      train.weight.push_back(rows / (2 * (d.y[i] == 1 ? ones : rows - ones)));
    }
    const FitResult fit = FitLogistic(train, FitOptions());
    for (size_t i = 0; i < d.rows(); ++i) {
      if (fold[i] != k) continue;
      p[i] = Logistic(fit.bias + fit.weights[0] * d.x[2 * i] +
                      fit.weights[1] * d.x[2 * i + 1]);
    }
  }
  return Evaluate(p, d.y);
}

TEST(TunerTest, GroupedFoldsKeepEachGroupTogether) {
  // In file order the groups come d, a, c, b, d, a, ...
  const Dataset d = Toy(40, 5, {}, {"b", "d", "a", "c"});
  ASSERT_EQ(d.group[0], "d");
  ASSERT_EQ(d.group[1], "a");
  const TuneReport r = Tune(d, kNames, Options("none", 1, 2));

  std::vector<int> sorted_folds, appearance_folds;
  for (const std::string& g : d.group) {
    sorted_folds.push_back(g == "a" || g == "c" ? 0 : 1);
    appearance_folds.push_back(g == "d" || g == "c" ? 0 : 1);
  }
  const Metrics expected = GroupedCvByHand(d, sorted_folds, 2);
  EXPECT_NEAR(r.cv_raw[0].metrics.log_loss, expected.log_loss, 1e-9);
  EXPECT_NEAR(r.cv_raw[0].metrics.auc, expected.auc, 1e-12);
  EXPECT_NEAR(r.cv_raw[0].metrics.brier, expected.brier, 1e-9);
  // The check can tell partitions apart: numbering groups in order of
  // appearance gives other figures.
  const Metrics other = GroupedCvByHand(d, appearance_folds, 2);
  EXPECT_GT(std::abs(other.log_loss - expected.log_loss), 1e-6);
}

TEST(TunerTest, GroupedFoldsIgnoreTheSeed) {
  const Dataset d = Toy(40, 5, {}, {"b", "d", "a", "c"});
  const TuneReport one = Tune(d, kNames, Options("none", 1, 4));
  const TuneReport two = Tune(d, kNames, Options("none", 99, 4));
  EXPECT_EQ(one.cv_raw[0].metrics.log_loss, two.cv_raw[0].metrics.log_loss);
  EXPECT_EQ(one.cv_raw[0].metrics.auc, two.cv_raw[0].metrics.auc);
  // Four groups in four folds: leave one group out.
  std::vector<int> fold;
  for (const std::string& g : d.group) fold.push_back(g[0] - 'a');
  EXPECT_NEAR(one.cv_raw[0].metrics.log_loss,
              GroupedCvByHand(d, fold, 4).log_loss, 1e-9);
}

// More folds than groups leaves folds empty; they are skipped, so the
// figures are those of one fold a group.
TEST(TunerTest, EmptyFoldsAreSkipped) {
  const Dataset d = Toy(40, 5, {}, {"x", "y"});
  const TuneReport two = Tune(d, kNames, Options("none", 1, 2));
  const TuneReport three = Tune(d, kNames, Options("none", 1, 3));
  EXPECT_EQ(two.cv_raw[0].metrics.log_loss, three.cv_raw[0].metrics.log_loss);
  EXPECT_EQ(two.cv_raw[0].metrics.n, 40u);
}

TEST(TunerTest, CalibrateNoneKeepsTheFitExactly) {
  const Dataset d = Toy(40, 1);
  const TuneReport r = Tune(d, kNames, Options("none"));
  EXPECT_FALSE(r.calibrated);
  EXPECT_EQ(r.platt_a, 1.0);
  EXPECT_EQ(r.platt_b, 0.0);
  EXPECT_EQ(r.model.bias(), r.fit.bias);
  EXPECT_EQ(r.model.weights(), r.fit.weights);
  EXPECT_EQ(r.model.feature_names(), kNames);
  EXPECT_EQ(MetaValue(r.model, "calibration").rfind("none; ", 0), 0u);
  // Shipped figures are the raw ones.
  EXPECT_EQ(r.cv[0].metrics.log_loss, r.cv_raw[0].metrics.log_loss);
}

// logistic(a z + b) with z = bias + w.x is logistic((a bias + b) + (a w).x).
TEST(TunerTest, PlattIsFoldedIntoBiasAndWeights) {
  const Dataset d = Toy(40, 1);
  const TuneReport r = Tune(d, kNames, Options("platt"));
  EXPECT_TRUE(r.calibrated);
  EXPECT_NE(r.platt_a, 1.0);
  EXPECT_GT(r.platt_a, 0.0);
  EXPECT_EQ(r.model.bias(), r.platt_a * r.fit.bias + r.platt_b);
  ASSERT_EQ(r.model.weights().size(), 2u);
  EXPECT_EQ(r.model.weights()[0], r.platt_a * r.fit.weights[0]);
  EXPECT_EQ(r.model.weights()[1], r.platt_a * r.fit.weights[1]);
  const std::vector<double> x = {0.25, -0.5};
  const double z =
      r.fit.bias + r.fit.weights[0] * x[0] + r.fit.weights[1] * x[1];
  EXPECT_NEAR(r.model.Probability(x), Logistic(r.platt_a * z + r.platt_b),
              1e-12);
  EXPECT_EQ(MetaValue(r.model, "calibration").rfind("platt a=", 0), 0u);
  // The raw figures are still reported, and differ from the shipped ones.
  EXPECT_NE(r.cv[0].metrics.log_loss, r.cv_raw[0].metrics.log_loss);
}

// Under auto, Platt scaling is kept when its cross-validated log loss is
// at least 0.001 below the raw one: the same decision as comparing the
// "platt" and "none" runs by hand.
TEST(TunerTest, AutoDecidesByCrossValidatedLogLoss) {
  for (uint64_t seed = 1; seed <= 4; ++seed) {
    SCOPED_TRACE(seed);
    const Dataset d = Toy(40, seed);
    const TuneReport platt = Tune(d, kNames, Options("platt"));
    const TuneReport none = Tune(d, kNames, Options("none"));
    const TuneReport automatic = Tune(d, kNames, Options("auto"));
    const bool better =
        platt.cv[0].metrics.log_loss <= none.cv[0].metrics.log_loss - 0.001;
    EXPECT_EQ(automatic.calibrated, better);
    EXPECT_NE(Saved(automatic.model).find("(--calibrate auto)"),
              std::string::npos);
    EXPECT_EQ(automatic.model.weights(),
              better ? platt.model.weights() : none.model.weights());
  }
}

TEST(TunerTest, MetaLinesRecordInputsFitCalibrationAndFigures) {
  const Dataset d = Toy(40, 3, {30, 10});
  const TuneReport r = Tune(d, kNames, Options("none"));
  EXPECT_EQ(MetaKeys(r.model), (std::vector<std::string>{
                                   "input", "input", "fit", "calibration", "cv",
                                   "cv_metrics", "cv_metrics", "cv_metrics"}));
  const auto& meta = r.model.meta();
  EXPECT_EQ(meta[0].second, "f0.csv sha256=0123abcd rows=30 labeled_1=" +
                                std::to_string(d.files[0].positives));
  EXPECT_EQ(meta[1].second, "f1.csv sha256=0123abcd rows=10 labeled_1=" +
                                std::to_string(d.files[1].positives));
  EXPECT_EQ(meta[2].second.rfind("unit=claim l2=1.000000 class_weight=balanced "
                                 "file_weight=equal signs=free iterations=",
                                 0),
            0u)
      << meta[2].second;
  EXPECT_EQ(meta[4].second, "folds=5 seed=1");
  EXPECT_EQ(meta[5].second.rfind("all n=40 auc=", 0), 0u) << meta[5].second;
  EXPECT_EQ(meta[6].second.rfind("f0.csv n=30 auc=", 0), 0u);
  EXPECT_EQ(meta[7].second.rfind("f1.csv n=10 auc=", 0), 0u);

  TuneOptions weighted = Options("none");
  weighted.file_weights = {3.0, 0.25};
  const std::string fit = MetaValue(Tune(d, kNames, weighted).model, "fit");
  EXPECT_EQ(fit.rfind("unit=claim l2=1.000000 class_weight=balanced "
                      "file_weight=equal file_weights=3,0.25 signs=free "
                      "iterations=",
                      0),
            0u)
      << fit;
}

// An article part's lines go into the same file as the claim part's, so
// every one of its keys carries the prefix.
TEST(TunerTest, MetaPrefixStartsEveryKey) {
  const Dataset d = Toy(40, 1);
  TuneOptions o = Options("none");
  o.meta_prefix = "article_";
  o.unit = "article";
  const TuneReport r = Tune(d, kNames, o);
  EXPECT_EQ(MetaKeys(r.model),
            (std::vector<std::string>{"article_input", "article_fit",
                                      "article_calibration", "article_cv",
                                      "article_cv_metrics"}));
  EXPECT_EQ(MetaValue(r.model, "article_fit").rfind("unit=article ", 0), 0u);
}

TEST(MetricsByFileTest, AllRowsThenEachFile) {
  const Dataset one = Toy(10, 1);
  const std::vector<double> p(10, 0.5);
  const std::vector<ScopedMetrics> single = MetricsByFile(one, p);
  ASSERT_EQ(single.size(), 1u);
  EXPECT_EQ(single[0].scope, "all");
  EXPECT_EQ(single[0].metrics.n, 10u);

  const Dataset two = Toy(10, 1, {7, 3});
  std::vector<double> q = {0.1, 0.2, 0.3, 0.4, 0.5, 0.6, 0.7, 0.8, 0.9, 1.0};
  const std::vector<ScopedMetrics> both = MetricsByFile(two, q);
  ASSERT_EQ(both.size(), 3u);
  EXPECT_EQ(both[0].scope, "all");
  EXPECT_EQ(both[1].scope, "f0.csv");
  EXPECT_EQ(both[2].scope, "f1.csv");
  EXPECT_EQ(both[0].metrics.n, 10u);
  EXPECT_EQ(both[1].metrics.n, 7u);
  EXPECT_EQ(both[2].metrics.n, 3u);
  // The file's rows are the last three: Brier of {0.8, 0.9, 1.0}.
  double brier = 0;
  for (size_t i = 7; i < 10; ++i)
    brier += (q[i] - two.y[i]) * (q[i] - two.y[i]);
  EXPECT_DOUBLE_EQ(both[2].metrics.brier, brier / 3);
}

// A grouped file's groups follow it, in sorted order; one grouped file
// alone gets no file row (it would repeat "all").
TEST(MetricsByFileTest, GroupsFollowTheirFileInSortedOrder) {
  // Row i gets group groups[(i + 1) % 3]: rows 0, 3, 6, 9 are "a".
  const Dataset one = Toy(12, 1, {}, {"c", "a", "b"});
  std::vector<double> p;
  for (int i = 0; i < 12; ++i) p.push_back(0.05 + 0.075 * i);
  const std::vector<ScopedMetrics> single = MetricsByFile(one, p);
  ASSERT_EQ(single.size(), 4u);
  EXPECT_EQ(single[0].scope, "all");
  EXPECT_EQ(single[1].scope, "f0.csv group=a");
  EXPECT_EQ(single[2].scope, "f0.csv group=b");
  EXPECT_EQ(single[3].scope, "f0.csv group=c");
  double brier = 0;
  for (size_t i : {0u, 3u, 6u, 9u}) {
    ASSERT_EQ(one.group[i], "a");
    brier += (p[i] - one.y[i]) * (p[i] - one.y[i]);
  }
  EXPECT_EQ(single[1].metrics.n, 4u);
  EXPECT_DOUBLE_EQ(single[1].metrics.brier, brier / 4);

  const Dataset two = Toy(12, 1, {6, 6}, {"b", "a"});
  const std::vector<ScopedMetrics> both = MetricsByFile(two, p);
  std::vector<std::string> scopes;
  for (const ScopedMetrics& s : both) scopes.push_back(s.scope);
  EXPECT_EQ(scopes, (std::vector<std::string>{
                        "all", "f0.csv", "f0.csv group=a", "f0.csv group=b",
                        "f1.csv", "f1.csv group=a", "f1.csv group=b"}));
  EXPECT_EQ(both[2].metrics.n, 3u);
  EXPECT_EQ(both[6].metrics.n, 3u);
}

// --------------------------------------------------------------- rejections

TEST(TunerTest, RejectsOneClass) {
  Dataset d = Toy(20, 1);
  for (int& y : d.y) y = 1;
  d.files[0].positives = 20;
  EXPECT_EQ(ThrowMessage(d, Options()),
            "the data holds only rows labeled 1 (tuning needs both classes)");
  for (int& y : d.y) y = 0;
  EXPECT_EQ(ThrowMessage(d, Options()),
            "the data holds only rows labeled 0 (tuning needs both classes)");
}

// Group "a" holds every 1, group "b" every 0: leaving one out leaves a
// training part of one class.
TEST(TunerTest, RejectsAFoldWhoseTrainingPartHasOneClass) {
  Dataset d = Toy(20, 1, {}, {"a", "b"});
  for (size_t i = 0; i < d.rows(); ++i) d.y[i] = d.group[i] == "a" ? 1 : 0;
  EXPECT_EQ(ThrowMessage(d, Options("none", 1, 2)),
            "the training part of fold 1 holds only rows labeled 0 (tuning "
            "needs both classes)");
}

TEST(TunerTest, RejectsFewerRowsThanFolds) {
  const Dataset d = Toy(4, 1);
  EXPECT_EQ(ThrowMessage(d, Options("none", 1, 5)),
            "tune: 4 rows for 5 folds (hint: lower --folds)");
}

TEST(TunerTest, RejectsBadOptions) {
  const Dataset d = Toy(40, 1);
  EXPECT_EQ(ThrowMessage(d, Options("none", 1, 1)),
            "--folds must be at least 2");
  EXPECT_EQ(ThrowMessage(d, Options("isotonic")),
            "--calibrate must be auto, platt or none");
  EXPECT_THROW(Tune(d, {"f0"}, Options()), std::invalid_argument);
  TuneOptions o = Options();
  o.l2 = -1;
  EXPECT_THROW(Tune(d, kNames, o), std::invalid_argument);
  o = Options();
  o.file_weights = {1.0, 2.0};  // Toy(40, 1) is one file
  EXPECT_EQ(ThrowMessage(d, o), "tune: 2 file weights for 1 files");
  o.file_weights = {0.0};
  EXPECT_EQ(ThrowMessage(d, o), "tune: a file weight must be > 0");
  o.file_weights = {std::nan("")};
  EXPECT_EQ(ThrowMessage(d, o), "tune: a file weight must be > 0");
}

}  // namespace
}  // namespace credence
