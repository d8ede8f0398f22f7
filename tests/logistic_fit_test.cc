// FitLogistic: recovers known weights, shrinks with l2, treats a sample
// weight like repeated rows, is deterministic, honours sign constraints and
// the prior, and rejects malformed input.
#include "models/logistic_fit.h"

#include <gtest/gtest.h>

#include <cmath>
#include <cstdint>
#include <limits>
#include <ostream>
#include <stdexcept>
#include <string>
#include <vector>

#include "models/linear_model.h"
#include "tests/lcg.h"

namespace credence {
namespace {

constexpr double kNaN = std::numeric_limits<double>::quiet_NaN();
constexpr double kInf = std::numeric_limits<double>::infinity();

// Rows of uniform features in [-2, 2]; the label drawn from the logistic
// model with the given bias and weights.
FitData Synthetic(size_t rows, double bias, const std::vector<double>& w,
                  uint64_t seed) {
  Lcg rng(seed);
  FitData d;
  d.cols = w.size();
  for (size_t i = 0; i < rows; ++i) {
    double z = bias;
    for (double wj : w) {
      const double x = rng.Between(-2.0, 2.0);
      d.x.push_back(x);
      z += wj * x;
    }
    d.y.push_back(rng.Uniform() < Logistic(z) ? 1.0 : 0.0);
  }
  return d;
}

double Norm(const std::vector<double>& v) {
  double sum = 0.0;
  for (double x : v) sum += x * x;
  return std::sqrt(sum);
}

// Keeps only the listed columns of d.
FitData Columns(const FitData& d, const std::vector<size_t>& keep) {
  FitData out;
  out.cols = keep.size();
  out.y = d.y;
  out.weight = d.weight;
  for (size_t i = 0; i < d.rows(); ++i) {
    for (size_t j : keep) out.x.push_back(d.x[i * d.cols + j]);
  }
  return out;
}

FitOptions WithL2(double l2) {
  FitOptions o;
  o.l2 = l2;
  return o;
}

TEST(FitLogisticTest, RecoversKnownWeightsFromALargeSample) {
  // 20000 rows: the standard error of each weight is about 0.02, so 0.1 is
  // five of them; l2 = 1 is negligible against 20000 rows.
  const FitData d = Synthetic(20000, 0.5, {1.5, -2.0, 0.0}, 42);
  const FitResult r = FitLogistic(d, WithL2(1.0));
  EXPECT_NEAR(r.bias, 0.5, 0.1);
  ASSERT_EQ(r.weights.size(), 3u);
  EXPECT_NEAR(r.weights[0], 1.5, 0.1);
  EXPECT_NEAR(r.weights[1], -2.0, 0.1);
  EXPECT_NEAR(r.weights[2], 0.0, 0.1);
  // Newton's method needs a handful of steps, not the 100 allowed.
  EXPECT_GE(r.iterations, 3);
  EXPECT_LE(r.iterations, 20);
  // Mean log loss of the true model is well below ln 2 = 0.693 here.
  EXPECT_GT(r.loss, 0.2);
  EXPECT_LT(r.loss, 0.5);
}

// No features carry information: the bias is the log odds of the base rate
// (1 in 4: ln(1/3) = -1.0986122887) and the mean loss is the entropy
// -(0.25 ln 0.25 + 0.75 ln 0.75) = 0.5623351446.
TEST(FitLogisticTest, ConstantFeatureGivesTheBaseRate) {
  FitData d;
  d.cols = 1;
  d.x = {0, 0, 0, 0};
  d.y = {1, 0, 0, 0};
  const FitResult r = FitLogistic(d, WithL2(1.0));
  EXPECT_NEAR(r.bias, -1.0986122887, 1e-6);
  EXPECT_EQ(r.weights, std::vector<double>{0.0});
  EXPECT_NEAR(r.loss, 0.5623351446, 1e-9);
  // objective = 4 * loss (no penalty on a zero weight, a whisper on the bias)
  EXPECT_NEAR(r.objective, 4 * 0.5623351446, 1e-6);
}

TEST(FitLogisticTest, L2ShrinksEveryWeight) {
  const FitData d = Synthetic(2000, -0.3, {1.0, -1.5}, 7);
  const FitResult loose = FitLogistic(d, WithL2(0.0));
  const FitResult medium = FitLogistic(d, WithL2(100.0));
  const FitResult tight = FitLogistic(d, WithL2(10000.0));
  for (size_t j = 0; j < 2; ++j) {
    SCOPED_TRACE(j);
    EXPECT_LT(std::abs(medium.weights[j]), std::abs(loose.weights[j]));
    EXPECT_LT(std::abs(tight.weights[j]), std::abs(medium.weights[j]));
    // Shrunk towards 0, never across it.
    EXPECT_GT(medium.weights[j] * loose.weights[j], 0.0);
  }
  EXPECT_LT(Norm(tight.weights), 0.1 * Norm(loose.weights));
}

TEST(FitLogisticTest, SampleWeightEqualsRepeatingTheRow) {
  FitData base = Synthetic(60, 0.2, {0.8, -0.6}, 3);
  const std::vector<double> times = {1, 2, 3};  // row i weighs times[i % 3]
  FitData weighted = base;
  FitData repeated;
  repeated.cols = base.cols;
  for (size_t i = 0; i < base.rows(); ++i) {
    weighted.weight.push_back(times[i % 3]);
    for (int k = 0; k < static_cast<int>(times[i % 3]); ++k) {
      repeated.x.push_back(base.x[i * 2]);
      repeated.x.push_back(base.x[i * 2 + 1]);
      repeated.y.push_back(base.y[i]);
    }
  }
  ASSERT_EQ(repeated.rows(), 120u);
  const FitResult a = FitLogistic(weighted, WithL2(0.5));
  const FitResult b = FitLogistic(repeated, WithL2(0.5));
  EXPECT_NEAR(a.bias, b.bias, 1e-9);
  EXPECT_NEAR(a.weights[0], b.weights[0], 1e-9);
  EXPECT_NEAR(a.weights[1], b.weights[1], 1e-9);
  EXPECT_NEAR(a.objective, b.objective, 1e-9);
  EXPECT_NEAR(a.loss, b.loss, 1e-12);
  // And weights of 1 are no weights at all, bit for bit.
  FitData ones = base;
  ones.weight.assign(base.rows(), 1.0);
  const FitResult c = FitLogistic(ones, WithL2(0.5));
  const FitResult u = FitLogistic(base, WithL2(0.5));
  EXPECT_EQ(c.bias, u.bias);
  EXPECT_EQ(c.weights, u.weights);
}

TEST(FitLogisticTest, SameDataGivesTheSameBits) {
  const FitData d = Synthetic(3000, 0.1, {0.7, -1.1, 0.4}, 11);
  FitOptions o = WithL2(2.0);
  o.signs = {1, -1, 0};
  o.prior = {0.5, -0.5, 0.0};
  const FitResult a = FitLogistic(d, o);
  const FitResult b = FitLogistic(d, o);
  EXPECT_EQ(a.bias, b.bias);
  EXPECT_EQ(a.weights, b.weights);
  EXPECT_EQ(a.iterations, b.iterations);
  EXPECT_EQ(a.loss, b.loss);
  EXPECT_EQ(a.objective, b.objective);
}

// Feature 1 truly lowers the odds; under sign +1 it is held at exactly 0
// and the others are fitted as if it were absent.
TEST(FitLogisticTest, SignHoldsAViolatingWeightAtZero) {
  const FitData d = Synthetic(4000, 0.0, {1.0, -1.5, 0.5}, 5);
  const FitResult free_fit = FitLogistic(d, WithL2(1.0));
  ASSERT_LT(free_fit.weights[1], -1.0);  // the premise

  FitOptions o = WithL2(1.0);
  o.signs = {0, 1, 0};
  const FitResult held = FitLogistic(d, o);
  EXPECT_EQ(held.weights[1], 0.0);
  EXPECT_FALSE(std::signbit(held.weights[1]));
  const FitResult without = FitLogistic(Columns(d, {0, 2}), WithL2(1.0));
  EXPECT_NEAR(held.bias, without.bias, 1e-12);
  EXPECT_NEAR(held.weights[0], without.weights[0], 1e-12);
  EXPECT_NEAR(held.weights[2], without.weights[1], 1e-12);
  // The two rounds' Newton steps are both counted.
  EXPECT_GT(held.iterations, without.iterations);

  // The mirror image: sign -1 on a weight that wants to be positive.
  o.signs = {-1, 0, 0};
  const FitResult held0 = FitLogistic(d, o);
  EXPECT_EQ(held0.weights[0], 0.0);
  const FitResult without0 = FitLogistic(Columns(d, {1, 2}), WithL2(1.0));
  EXPECT_NEAR(held0.weights[1], without0.weights[0], 1e-12);
  EXPECT_NEAR(held0.weights[2], without0.weights[1], 1e-12);
}

// Signs that the free fit already satisfies change nothing at all.
TEST(FitLogisticTest, SatisfiedSignsGiveTheFreeFit) {
  const FitData d = Synthetic(1000, 0.3, {1.0, -1.5}, 9);
  FitOptions o = WithL2(1.0);
  const FitResult free_fit = FitLogistic(d, o);
  o.signs = {1, -1};
  const FitResult signed_fit = FitLogistic(d, o);
  EXPECT_EQ(signed_fit.bias, free_fit.bias);
  EXPECT_EQ(signed_fit.weights, free_fit.weights);
  EXPECT_EQ(signed_fit.iterations, free_fit.iterations);
}

// Every feature held: the bias alone, at the base rate's log odds.
TEST(FitLogisticTest, AllWeightsHeldLeavesTheBias) {
  FitData d;
  d.cols = 1;
  d.x = {1, 2, 3, 4};
  d.y = {1, 1, 1, 0};  // x lowers the odds; the base rate is 3/4
  FitOptions o = WithL2(1.0);
  o.signs = {1};
  const FitResult r = FitLogistic(d, o);
  EXPECT_EQ(r.weights, std::vector<double>{0.0});
  EXPECT_NEAR(r.bias, std::log(3.0), 1e-6);
}

TEST(FitLogisticTest, HugeL2PinsTheWeightsToThePrior) {
  const FitData d = Synthetic(500, 0.4, {1.0, -1.0}, 13);
  FitOptions o = WithL2(1e12);
  o.prior = {-0.75, 2.5};  // far from what the data says
  const FitResult r = FitLogistic(d, o);
  EXPECT_NEAR(r.weights[0], -0.75, 1e-6);
  EXPECT_NEAR(r.weights[1], 2.5, 1e-6);
  // Without a prior the same l2 pins them to 0.
  const FitResult zero = FitLogistic(d, WithL2(1e12));
  EXPECT_NEAR(zero.weights[0], 0.0, 1e-6);
  EXPECT_NEAR(zero.weights[1], 0.0, 1e-6);
  // A moderate pull lands between the data's answer and the prior.
  const FitResult data_only = FitLogistic(d, WithL2(0.0));
  o.l2 = 50.0;
  const FitResult between = FitLogistic(d, o);
  EXPECT_GT(between.weights[1], data_only.weights[1]);
  EXPECT_LT(between.weights[1], 2.5);
}

// ---------------------------------------------------------------- constraints

// A constraint the free fit already meets changes nothing (it binds only
// on the way there: Newton's method starts from 0, where it does not hold).
TEST(FitLogisticTest, SatisfiedConstraintGivesTheFreeFit) {
  const FitData d = Synthetic(1000, 0.3, {1.0, -1.5}, 9);
  FitOptions o = WithL2(1.0);
  const FitResult free_fit = FitLogistic(d, o);
  o.constraints = {{{{0, 1.0}, {1, -1.0}}, 1.0}};  // w0 - w1 >= 1 (about 2.5)
  const FitResult bound = FitLogistic(d, o);
  EXPECT_NEAR(bound.bias, free_fit.bias, 1e-6);
  EXPECT_NEAR(bound.weights[0], free_fit.weights[0], 1e-6);
  EXPECT_NEAR(bound.weights[1], free_fit.weights[1], 1e-6);
}

// A binding constraint holds at its bound; the other weight refits.
TEST(FitLogisticTest, BindingConstraintsHoldAtTheirBound) {
  const FitData d = Synthetic(2000, 0.0, {1.0, -0.5}, 21);
  FitOptions o = WithL2(1.0);
  o.constraints = {{{{1, 1.0}}, 0.25}};  // w1 >= 0.25, the data says -0.5
  const FitResult r = FitLogistic(d, o);
  EXPECT_NEAR(r.weights[1], 0.25, 1e-5);
  EXPECT_GT(r.weights[0], 0.5);
  // A sum: w0 + w1 >= 2, the data says 0.5.
  o.constraints = {{{{0, 1.0}, {1, 1.0}}, 2.0}};
  const FitResult sum = FitLogistic(d, o);
  EXPECT_NEAR(sum.weights[0] + sum.weights[1], 2.0, 1e-5);
  // An ordering: w1 - w0 >= 0.5 turns the two around.
  o.constraints = {{{{1, 1.0}, {0, -1.0}}, 0.5}};
  const FitResult order = FitLogistic(d, o);
  EXPECT_NEAR(order.weights[1] - order.weights[0], 0.5, 1e-5);
}

// A weight whose sign would hold it at 0 is freed when a constraint needs
// it: sign >= 0, the data pulls below 0, the constraint asks for 0.3.
TEST(FitLogisticTest, ConstraintLiftsAWeightTheSignHeld) {
  const FitData d = Synthetic(2000, 0.0, {1.0, -0.5}, 23);
  FitOptions o = WithL2(1.0);
  o.signs = {0, 1};
  EXPECT_EQ(FitLogistic(d, o).weights[1], 0.0);
  o.constraints = {{{{1, 1.0}}, 0.3}};
  EXPECT_NEAR(FitLogistic(d, o).weights[1], 0.3, 1e-5);
}

// ---------------------------------------------------------------- rejections

struct BadFitCase {
  const char* name;
  FitData data;
  FitOptions options;
};

FitData Good() {
  FitData d;
  d.cols = 2;
  d.x = {0, 1, 1, 0, 1, 1};
  d.y = {0, 1, 1};
  return d;
}

BadFitCase Case(const char* name, void (*edit)(FitData*, FitOptions*)) {
  BadFitCase c{name, Good(), FitOptions()};
  edit(&c.data, &c.options);
  return c;
}

void PrintTo(const BadFitCase& c, std::ostream* os) { *os << c.name; }

class BadFitTest : public ::testing::TestWithParam<BadFitCase> {};

TEST(FitLogisticTest, ConstraintsNamingNoFeatureAreRejected) {
  FitOptions o;
  o.constraints = {{{{2, 1.0}}, 0.0}};  // Good() has 2 features
  EXPECT_THROW(FitLogistic(Good(), o), std::invalid_argument);
  o.constraints = {{{}, 0.0}};
  EXPECT_THROW(FitLogistic(Good(), o), std::invalid_argument);
  o.constraints = {{{{0, 1.0}}, kNaN}};
  EXPECT_THROW(FitLogistic(Good(), o), std::invalid_argument);
}

TEST_P(BadFitTest, Throws) {
  EXPECT_THROW(FitLogistic(GetParam().data, GetParam().options),
               std::invalid_argument);
}

TEST(FitLogisticTest, TheUneditedRejectionCaseFits) {
  EXPECT_NO_THROW(FitLogistic(Good(), FitOptions()));
}

INSTANTIATE_TEST_SUITE_P(
    Table, BadFitTest,
    ::testing::Values(
        Case("NoRows",
             [](FitData* d, FitOptions*) {
               d->x.clear();
               d->y.clear();
             }),
        Case("NoFeatures",
             [](FitData* d, FitOptions*) {
               d->cols = 0;
               d->x.clear();
             }),
        Case("LabelHalf", [](FitData* d, FitOptions*) { d->y[1] = 0.5; }),
        Case("LabelTwo", [](FitData* d, FitOptions*) { d->y[0] = 2; }),
        Case("WeightZero",
             [](FitData* d, FitOptions*) {
               d->weight = {1, 0, 1};
             }),
        Case("WeightNegative",
             [](FitData* d, FitOptions*) {
               d->weight = {1, -1, 1};
             }),
        Case("WeightNaN",
             [](FitData* d, FitOptions*) {
               d->weight = {1, kNaN, 1};
             }),
        Case("WeightInfinite",
             [](FitData* d, FitOptions*) {
               d->weight = {1, kInf, 1};
             }),
        Case("FeatureNaN", [](FitData* d, FitOptions*) { d->x[3] = kNaN; }),
        Case("FeatureInfinite",
             [](FitData* d, FitOptions*) { d->x[0] = -kInf; }),
        Case("L2Negative", [](FitData*, FitOptions* o) { o->l2 = -1; }),
        Case("L2NaN", [](FitData*, FitOptions* o) { o->l2 = kNaN; }),
        Case("L2Infinite", [](FitData*, FitOptions* o) { o->l2 = kInf; }),
        Case("TooFewFeatureValues",
             [](FitData* d, FitOptions*) { d->x.pop_back(); }),
        Case("TooManyFeatureValues",
             [](FitData* d, FitOptions*) { d->x.push_back(1); }),
        Case("WeightsForFewerRows",
             [](FitData* d, FitOptions*) {
               d->weight = {1, 1};
             }),
        Case("SignsWrongSize", [](FitData*, FitOptions* o) { o->signs = {1}; }),
        Case("PriorWrongSize",
             [](FitData*, FitOptions* o) {
               o->prior = {1, 2, 3};
             }),
        Case("PriorNaN",
             [](FitData*, FitOptions* o) {
               o->prior = {0, kNaN};
             })),
    [](const ::testing::TestParamInfo<BadFitCase>& case_info) {
      return std::string(case_info.param.name);
    });

}  // namespace
}  // namespace credence
