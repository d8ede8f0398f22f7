// Metrics on inputs small enough to work out by hand; every expected value
// is derived in a comment next to it.
#include "models/metrics.h"

#include <gtest/gtest.h>

#include <cmath>
#include <limits>
#include <stdexcept>
#include <string>
#include <vector>

#include "tests/lcg.h"

namespace credence {
namespace {

constexpr double kNaN = std::numeric_limits<double>::quiet_NaN();

// ---------------------------------------------------------------------- AUC

struct AucCase {
  const char* name;
  std::vector<double> scores;
  std::vector<int> labels;
  double expected;  // NaN: undefined
};

class AucTableTest : public ::testing::TestWithParam<AucCase> {};

TEST_P(AucTableTest, MatchesHandCount) {
  const AucCase& c = GetParam();
  const double auc = Auc(c.scores, c.labels);
  if (std::isnan(c.expected)) {
    EXPECT_TRUE(std::isnan(auc)) << auc;
  } else {
    EXPECT_DOUBLE_EQ(auc, c.expected);
  }
}

INSTANTIATE_TEST_SUITE_P(
    Table, AucTableTest,
    ::testing::Values(
        // Every positive above every negative.
        AucCase{"Perfect", {0.1, 0.2, 0.8, 0.9}, {0, 0, 1, 1}, 1.0},
        // Every positive below every negative.
        AucCase{"Reversed", {0.1, 0.2, 0.8, 0.9}, {1, 1, 0, 0}, 0.0},
        // Four positive-negative pairs, all tied: 4 * 0.5 / 4.
        AucCase{"AllTied", {0.3, 0.3, 0.3, 0.3}, {1, 0, 1, 0}, 0.5},
        // Positives {0.8, 0.5}, negatives {0.5, 0.2}; pairs:
        // (0.8>0.5)=1 (0.8>0.2)=1 (0.5=0.5)=0.5 (0.5>0.2)=1 -> 3.5/4.
        AucCase{"OneTie", {0.8, 0.5, 0.5, 0.2}, {1, 1, 0, 0}, 0.875},
        // Same rows shuffled: the order of the input does not matter.
        AucCase{"OneTieShuffled", {0.5, 0.2, 0.8, 0.5}, {0, 0, 1, 1}, 0.875},
        // A tie of three (mid-rank 2 of ranks 1..3): positives {3, 3},
        // negatives {3, 1}: (3=3)=0.5 (3>1)=1, twice -> 3/4.
        AucCase{"TieOfThree", {3, 3, 3, 1}, {1, 0, 1, 0}, 0.75},
        // Scores need not be probabilities (logits work too).
        AucCase{"Logits", {-7.5, 2.0, 40.0}, {0, 1, 0}, 0.5},
        // Positives {2}, negatives {1, 3, 4}: 1 of 3 pairs.
        AucCase{"OneOfThree", {1, 2, 3, 4}, {0, 1, 0, 0}, 1.0 / 3},
        AucCase{"OnlyPositives", {0.1, 0.9}, {1, 1}, kNaN},
        AucCase{"OnlyNegatives", {0.1, 0.9}, {0, 0}, kNaN},
        AucCase{"Empty", {}, {}, kNaN}),
    [](const ::testing::TestParamInfo<AucCase>& case_info) {
      return std::string(case_info.param.name);
    });

// ----------------------------------------------------------------- Evaluate

// p = {0.8, 0.5, 0.5, 0.2}, y = {1, 1, 0, 0}.
//   Decisions at p >= 0.5: 1, 1, 1, 0 -> tp 2, fp 1, tn 1, fn 0.
//   accuracy     (2 + 1) / 4                       = 0.75
//   F1 class 1   2*2 / (2*2 + 1 + 0)               = 0.8
//   F1 class 0   2*1 / (2*1 + 0 + 1)               = 2/3
//   log loss     -(ln .8 + ln .5 + ln .5 + ln .8)/4 = -(ln .8 + ln .5) / 2
//                = (0.2231435513 + 0.6931471806) / 2 = 0.4581453659
//   Brier        (.04 + .25 + .25 + .04) / 4       = 0.145
//   AUC          0.875 (the OneTie case above)
//   bins         0.2 -> [0.2,0.3): n 1, mean 0.2, observed 0
//                0.5 -> [0.5,0.6): n 2, mean 0.5, observed 0.5
//                0.8 -> [0.8,0.9): n 1, mean 0.8, observed 1
//   ECE          1/4 * 0.2 + 2/4 * 0 + 1/4 * 0.2   = 0.1
TEST(EvaluateTest, FourRowsWorkedByHand) {
  const Metrics m = Evaluate({0.8, 0.5, 0.5, 0.2}, {1, 1, 0, 0});
  EXPECT_EQ(m.n, 4u);
  EXPECT_EQ(m.positives, 2u);
  EXPECT_DOUBLE_EQ(m.auc, 0.875);
  EXPECT_DOUBLE_EQ(m.accuracy, 0.75);
  EXPECT_DOUBLE_EQ(m.f1_credible, 0.8);
  EXPECT_DOUBLE_EQ(m.f1_doubtful, 2.0 / 3);
  EXPECT_NEAR(m.log_loss, 0.4581453659, 1e-9);
  EXPECT_DOUBLE_EQ(m.brier, 0.145);
  EXPECT_NEAR(m.ece, 0.1, 1e-12);
  ASSERT_EQ(m.bins.size(), 10u);
  for (size_t b = 0; b < 10; ++b) {
    SCOPED_TRACE(b);
    EXPECT_DOUBLE_EQ(m.bins[b].low, static_cast<double>(b) / 10);
    EXPECT_DOUBLE_EQ(m.bins[b].high, static_cast<double>(b + 1) / 10);
    const size_t expected_n = b == 2 ? 1 : b == 5 ? 2 : b == 8 ? 1 : 0;
    EXPECT_EQ(m.bins[b].n, expected_n);
  }
  EXPECT_DOUBLE_EQ(m.bins[2].mean_predicted, 0.2);
  EXPECT_DOUBLE_EQ(m.bins[2].observed, 0.0);
  EXPECT_DOUBLE_EQ(m.bins[5].mean_predicted, 0.5);
  EXPECT_DOUBLE_EQ(m.bins[5].observed, 0.5);
  EXPECT_DOUBLE_EQ(m.bins[8].mean_predicted, 0.8);
  EXPECT_DOUBLE_EQ(m.bins[8].observed, 1.0);
  // Empty bins report 0, not NaN.
  EXPECT_EQ(m.bins[0].mean_predicted, 0.0);
  EXPECT_EQ(m.bins[0].observed, 0.0);
}

// p = {0.9, 0.7, 0.3, 0.6, 0.1}, y = {1, 0, 0, 1, 0}.
//   Decisions: 1, 1, 0, 1, 0 -> tp 2, fp 1, tn 2, fn 0.
//   accuracy 4/5 = 0.8; F1(1) = 4/5 = 0.8; F1(0) = 4/5 = 0.8
//   Brier (.01 + .49 + .09 + .16 + .01) / 5 = 0.76 / 5 = 0.152
//   log loss -(ln .9 + ln .3 + ln .7 + ln .6 + ln .9) / 5
//            = (0.1053605157 + 1.2039728043 + 0.3566749439 + 0.5108256238
//               + 0.1053605157) / 5 = 2.2821944034 / 5 = 0.4564388807
//   AUC: positives {0.9, 0.6}, negatives {0.7, 0.3, 0.1}: 0.9 beats 3,
//        0.6 beats 2 -> 5/6
//   ECE: bins 1 (0.1, y0), 3 (0.3, y0), 6 (0.6, y1), 7 (0.7, y0), 9 (0.9, y1)
//        (0.1 + 0.3 + 0.4 + 0.7 + 0.1) / 5 = 1.6 / 5 = 0.32
TEST(EvaluateTest, FiveRowsWorkedByHand) {
  const Metrics m = Evaluate({0.9, 0.7, 0.3, 0.6, 0.1}, {1, 0, 0, 1, 0});
  EXPECT_EQ(m.n, 5u);
  EXPECT_EQ(m.positives, 2u);
  EXPECT_DOUBLE_EQ(m.accuracy, 0.8);
  EXPECT_DOUBLE_EQ(m.f1_credible, 0.8);
  EXPECT_DOUBLE_EQ(m.f1_doubtful, 0.8);
  EXPECT_NEAR(m.brier, 0.152, 1e-12);
  EXPECT_NEAR(m.log_loss, 0.4564388807, 1e-9);
  EXPECT_DOUBLE_EQ(m.auc, 5.0 / 6);
  EXPECT_NEAR(m.ece, 0.32, 1e-12);
  for (size_t b = 0; b < 10; ++b) {
    const bool used = b == 1 || b == 3 || b == 6 || b == 7 || b == 9;
    EXPECT_EQ(m.bins[b].n, used ? 1u : 0u) << b;
  }
}

// No row predicted 1 and no row labeled 1: F1 of class 1 is undefined (0),
// F1 of class 0 is perfect.
TEST(EvaluateTest, UndefinedF1IsZero) {
  const Metrics m = Evaluate({0.2, 0.4}, {0, 0});
  EXPECT_EQ(m.f1_credible, 0.0);
  EXPECT_DOUBLE_EQ(m.f1_doubtful, 1.0);
  EXPECT_DOUBLE_EQ(m.accuracy, 1.0);
  EXPECT_TRUE(std::isnan(m.auc));
  EXPECT_EQ(m.positives, 0u);
}

// A certain, wrong prediction is clipped to 1e-15 (-ln 1e-15 = 34.54), not
// infinite.
TEST(EvaluateTest, LogLossIsClipped) {
  const Metrics wrong = Evaluate({1.0, 0.0}, {0, 1});
  EXPECT_TRUE(std::isfinite(wrong.log_loss));
  EXPECT_NEAR(wrong.log_loss, 34.54, 0.01);
  EXPECT_DOUBLE_EQ(wrong.brier, 1.0);
  const Metrics right = Evaluate({1.0, 0.0}, {1, 0});
  EXPECT_GT(right.log_loss, 0.0);
  EXPECT_LT(right.log_loss, 1e-14);
  EXPECT_EQ(right.brier, 0.0);
  EXPECT_EQ(right.ece, 0.0);
}

struct BinCase {
  double p;
  size_t bin;
};

class BinEdgeTest : public ::testing::TestWithParam<BinCase> {};

// Bins are [0,0.1), [0.1,0.2), ..., [0.9,1]: a lower edge belongs to its
// bin, and 1.0 to the last.
TEST_P(BinEdgeTest, RowLandsInItsBin) {
  const Metrics m = Evaluate({GetParam().p}, {1});
  for (size_t b = 0; b < 10; ++b) {
    EXPECT_EQ(m.bins[b].n, b == GetParam().bin ? 1u : 0u) << "bin " << b;
  }
}

INSTANTIATE_TEST_SUITE_P(Table, BinEdgeTest,
                         ::testing::Values(BinCase{0.0, 0}, BinCase{0.0999, 0},
                                           BinCase{0.1, 1}, BinCase{0.3, 3},
                                           BinCase{0.5, 5}, BinCase{0.7, 7},
                                           BinCase{0.8999, 8}, BinCase{0.9, 9},
                                           BinCase{0.99, 9}, BinCase{1.0, 9}));

TEST(EvaluateTest, EmptyInputGivesNaNRatesAndTenEmptyBins) {
  const Metrics m = Evaluate({}, {});
  EXPECT_EQ(m.n, 0u);
  for (double v : {m.auc, m.accuracy, m.f1_credible, m.f1_doubtful, m.log_loss,
                   m.brier, m.ece}) {
    EXPECT_TRUE(std::isnan(v));
  }
  ASSERT_EQ(m.bins.size(), 10u);
  EXPECT_EQ(m.bins[9].high, 1.0);
  for (const ReliabilityBin& b : m.bins) EXPECT_EQ(b.n, 0u);
}

// ---------------------------------------------------------------- rejections

struct RejectCase {
  const char* name;
  std::vector<double> p;
  std::vector<int> y;
  const char* message;  // exact what()
};

class RejectTest : public ::testing::TestWithParam<RejectCase> {};

TEST_P(RejectTest, EvaluateThrows) {
  const RejectCase& c = GetParam();
  try {
    Evaluate(c.p, c.y);
    FAIL() << "accepted";
  } catch (const std::invalid_argument& e) {
    EXPECT_EQ(std::string(e.what()), c.message);
  }
}

INSTANTIATE_TEST_SUITE_P(
    Table, RejectTest,
    ::testing::Values(
        RejectCase{"SizeMismatch",
                   {0.5, 0.5},
                   {1},
                   "metrics: 2 predictions for 1 labels"},
        RejectCase{
            "LabelTwo", {0.5, 0.5}, {1, 2}, "metrics: label 2 is not 0 or 1"},
        RejectCase{
            "LabelMinusOne", {0.5}, {-1}, "metrics: label -1 is not 0 or 1"},
        RejectCase{"ProbabilityNaN",
                   {kNaN},
                   {1},
                   "metrics: prediction nan out of range"},
        RejectCase{"ProbabilityAboveOne",
                   {0.2, 1.5},
                   {0, 1},
                   "metrics: prediction 1.500000 out of range"},
        RejectCase{"ProbabilityNegative",
                   {-0.1},
                   {0},
                   "metrics: prediction -0.100000 out of range"}),
    [](const ::testing::TestParamInfo<RejectCase>& case_info) {
      return std::string(case_info.param.name);
    });

// -------------------------------------------------- AUC's standard error

// DeLong: v10 of a positive = share of negatives below it (ties half),
// v01 of a negative = share of positives above it (ties half);
// se^2 = var(v10) / P + var(v01) / N, variances with P - 1 and N - 1.
struct AucSeCase {
  const char* name;
  std::vector<double> scores;
  std::vector<int> labels;
  double auc;
  double se;  // NaN: undefined
};

class AucSeTableTest : public ::testing::TestWithParam<AucSeCase> {};

TEST_P(AucSeTableTest, MatchesHandCount) {
  const AucSeCase& c = GetParam();
  const Metrics m = Evaluate(c.scores, c.labels);
  EXPECT_DOUBLE_EQ(m.auc, c.auc);
  const double se = AucStandardError(c.scores, c.labels);
  if (std::isnan(c.se)) {
    EXPECT_TRUE(std::isnan(se)) << se;
    EXPECT_TRUE(std::isnan(m.auc_se)) << m.auc_se;
  } else {
    EXPECT_NEAR(se, c.se, 1e-12);
    EXPECT_EQ(m.auc_se, se);
  }
}

INSTANTIATE_TEST_SUITE_P(
    Table, AucSeTableTest,
    ::testing::Values(
        // v10 {1, 0.5}, v01 {0.5, 1}, auc 0.75: both variances
        // (0.0625 + 0.0625) / 1 = 0.125; se^2 = 0.125/2 + 0.125/2.
        AucSeCase{"FourRows",
                  {0.9, 0.7, 0.6, 0.1},
                  {1, 0, 1, 0},
                  0.75,
                  0.35355339059327373},
        // Ties across classes: v10 {0.75, 0.75} (one negative below, one
        // tied), v01 {0.5, 1}: se^2 = 0 / 2 + 0.125 / 2 = 0.0625.
        AucSeCase{
            "TieAcrossClasses", {0.5, 0.5, 0.5, 0.2}, {1, 1, 0, 0}, 0.75, 0.25},
        // v10 {1, 2/3}, v01 {1/2, 1, 1}, auc 5/6: var(v10) = 2/36,
        // var(v01) = (1/9 + 1/36 + 1/36) / 2 = 1/12; se^2 = 1/36 + 1/36.
        AucSeCase{"FiveRows",
                  {0.9, 0.7, 0.3, 0.6, 0.1},
                  {1, 0, 0, 1, 0},
                  5.0 / 6,
                  0.23570226039551584},
        // Every v is 1: no spread, no error.
        AucSeCase{"Perfect", {0.1, 0.2, 0.8, 0.9}, {0, 0, 1, 1}, 1.0, 0.0},
        AucSeCase{"AllTied", {0.3, 0.3, 0.3, 0.3}, {1, 0, 1, 0}, 0.5, 0.0},
        // One positive: its variance has no degrees of freedom.
        AucSeCase{
            "OnePositive", {0.1, 0.2, 0.3, 0.4}, {0, 1, 0, 0}, 1.0 / 3, kNaN},
        AucSeCase{"OneNegative", {0.1, 0.2, 0.3}, {1, 0, 1}, 0.5, kNaN}),
    [](const ::testing::TestParamInfo<AucSeCase>& case_info) {
      return std::string(case_info.param.name);
    });

// The definition, pair by pair, on 150 rows with many ties.
TEST(AucSeTest, MatchesPairByPairDefinition) {
  Lcg rng(7);
  std::vector<double> s;
  std::vector<int> y;
  for (int i = 0; i < 150; ++i) {
    y.push_back(rng.Uniform() < 0.4 ? 1 : 0);
    // Ten score levels, shifted up a little for positives.
    s.push_back(std::floor(10 * rng.Uniform() + 2 * y.back()) / 10);
  }
  std::vector<double> v10, v01;
  for (size_t i = 0; i < s.size(); ++i) {
    double sum = 0;
    double count = 0;
    for (size_t j = 0; j < s.size(); ++j) {
      if (y[j] == y[i]) continue;
      const double hi = y[i] == 1 ? s[i] : s[j];
      const double lo = y[i] == 1 ? s[j] : s[i];
      sum += hi > lo ? 1.0 : hi == lo ? 0.5 : 0.0;
      ++count;
    }
    (y[i] == 1 ? v10 : v01).push_back(sum / count);
  }
  auto mean = [](const std::vector<double>& v) {
    double t = 0;
    for (double x : v) t += x;
    return t / static_cast<double>(v.size());
  };
  auto variance = [&](const std::vector<double>& v) {
    const double m = mean(v);
    double t = 0;
    for (double x : v) t += (x - m) * (x - m);
    return t / static_cast<double>(v.size() - 1);
  };
  ASSERT_GT(v10.size(), 20u);
  ASSERT_GT(v01.size(), 20u);
  EXPECT_NEAR(Auc(s, y), mean(v10), 1e-12);
  const double se = std::sqrt(variance(v10) / static_cast<double>(v10.size()) +
                              variance(v01) / static_cast<double>(v01.size()));
  EXPECT_NEAR(AucStandardError(s, y), se, 1e-12);
  EXPECT_GT(se, 0.01);
}

TEST(AucTest, RejectsMismatchLabelsAndNaNButNotLogits) {
  EXPECT_THROW(Auc({0.1, 0.2}, {1}), std::invalid_argument);
  EXPECT_THROW(Auc({0.1, 0.2}, {1, 3}), std::invalid_argument);
  EXPECT_THROW(Auc({0.1, kNaN}, {1, 0}), std::invalid_argument);
  EXPECT_DOUBLE_EQ(Auc({-30.0, 1.5}, {0, 1}), 1.0);
  EXPECT_THROW(AucStandardError({0.1, 0.2}, {1}), std::invalid_argument);
  EXPECT_THROW(AucStandardError({0.1, kNaN}, {1, 0}), std::invalid_argument);
}

}  // namespace
}  // namespace credence
