// Tests of the linear model: scoring, the file format, bad files.
#include "models/linear_model.h"

#include <gtest/gtest.h>

#include <cfloat>
#include <clocale>
#include <cmath>
#include <cstdint>
#include <cstdio>
#include <cstring>
#include <fstream>
#include <limits>
#include <locale>
#include <ostream>
#include <sstream>
#include <string>
#include <vector>

#include "tests/lcg.h"

namespace credence {
namespace {

// gmock's HasSubstr would need libgmock; this keeps the test on plain gtest.
::testing::AssertionResult Contains(const std::string& text,
                                    const std::string& part) {
  if (text.find(part) != std::string::npos) {
    return ::testing::AssertionSuccess();
  }
  return ::testing::AssertionFailure()
         << "'" << text << "' does not contain '" << part << "'";
}

std::uint64_t Bits(double value) {
  std::uint64_t bits = 0;
  std::memcpy(&bits, &value, sizeof bits);
  return bits;
}

std::string SaveToString(const LinearModel& model) {
  std::ostringstream out;
  model.Save(out);
  return out.str();
}

LinearModel LoadFromString(const std::string& text) {
  std::istringstream in(text);
  return LinearModel::Load(in, "m.model");
}

// A small model whose saved form is spelled out in the tests below.
LinearModel ToyModel() {
  LinearModel model("toy model", 0.5, {"has_quote", "anon_source"},
                    {1.25, -2.0});
  model.AddMeta("trained_on", "corpus v2 (2024)");
  model.AddMeta("git", "abc123");
  return model;
}

constexpr char kToyText[] =
    "credence-model 1\n"
    "name toy model\n"
    "bias 0.5\n"
    "weight has_quote 1.25\n"
    "weight anon_source -2\n"
    "meta trained_on corpus v2 (2024)\n"
    "meta git abc123\n"
    "end\n";

// Names parameterized cases after their table entry instead of an index.
template <typename Case>
std::string CaseName(const ::testing::TestParamInfo<Case>& case_info) {
  return case_info.param.name;
}

// Keeps failure output readable instead of a hex dump of the case struct.
template <typename Case>
void PrintCase(const Case& c, std::ostream* os) {
  *os << c.name;
}

// ---------------------------------------------------------------- scoring

struct ScoreCase {
  const char* name;
  double bias;
  std::vector<double> weights;
  std::vector<double> x;
  double logit;
  double probability;  // Worked out independently, to 16 digits.
  std::vector<double> contributions;
};
void PrintTo(const ScoreCase& c, std::ostream* os) { PrintCase(c, os); }

class ScoreTableTest : public ::testing::TestWithParam<ScoreCase> {};

TEST_P(ScoreTableTest, MatchesHandComputedValues) {
  const ScoreCase& c = GetParam();
  std::vector<std::string> names;
  for (std::size_t i = 0; i < c.weights.size(); ++i) {
    names.push_back("f" + std::to_string(i));
  }
  const LinearModel model("m", c.bias, names, c.weights);
  EXPECT_DOUBLE_EQ(model.Logit(c.x), c.logit);
  EXPECT_NEAR(model.Probability(c.x), c.probability, 1e-15);
  const std::vector<double> contributions = model.Contributions(c.x);
  ASSERT_EQ(contributions.size(), c.contributions.size());
  for (std::size_t i = 0; i < contributions.size(); ++i) {
    EXPECT_DOUBLE_EQ(contributions[i], c.contributions[i]) << "feature " << i;
  }
  // The fused form: the same terms, and bias + each term in order, bit for
  // bit (the scorer's logit).
  std::vector<double> fused = {7.0};  // stale, resized
  const double logit = model.ContributionsAndLogit(c.x, &fused);
  double sum = c.bias;
  for (const double term : contributions) sum += term;
  EXPECT_EQ(std::memcmp(&logit, &sum, sizeof sum), 0) << logit << " " << sum;
  ASSERT_EQ(fused.size(), contributions.size());
  for (std::size_t i = 0; i < fused.size(); ++i) {
    EXPECT_EQ(std::memcmp(&fused[i], &contributions[i], sizeof(double)), 0)
        << "feature " << i;
  }
}

INSTANTIATE_TEST_SUITE_P(
    Table, ScoreTableTest,
    ::testing::Values(
        // 1 / (1 + e^0.5)
        ScoreCase{"two_features",
                  0.5,
                  {1, -2},
                  {1, 1},
                  -0.5,
                  0.3775406687981454,
                  {1, -2}},
        ScoreCase{"all_zero", 0, {0.5}, {0}, 0, 0.5, {0}},
        // -1 + 1 + 3 - 2 = 1; 1 / (1 + e^-1)
        ScoreCase{"three_features",
                  -1,
                  {2, 3, -1},
                  {0.5, 1, 2},
                  1,
                  0.7310585786300049,
                  {1, 3, -2}},
        // 2 + 1 - 1 = 2; 1 / (1 + e^-2)
        ScoreCase{"cancelling",
                  2,
                  {0.25, 0.25},
                  {4, -4},
                  2,
                  0.8807970779778823,
                  {1, -1}},
        ScoreCase{"zero_input_keeps_bias",
                  -0.5,
                  {7, 9},
                  {0, 0},
                  -0.5,
                  0.3775406687981454,
                  {0, 0}},
        ScoreCase{"saturates_high", 0, {1000}, {1}, 1000, 1.0, {1000}},
        ScoreCase{"saturates_low", 0, {-1000}, {1}, -1000, 0.0, {-1000}}),
    CaseName<ScoreCase>);

TEST(LogisticTest, StableForLargeMagnitudes) {
  EXPECT_EQ(Logistic(0), 0.5);
  EXPECT_EQ(Logistic(1000), 1.0);
  EXPECT_EQ(Logistic(1e308), 1.0);
  EXPECT_GE(Logistic(-1000), 0.0);
  EXPECT_LT(Logistic(-1000), 1e-300);
  EXPECT_EQ(Logistic(-1e308), 0.0);
  EXPECT_FALSE(std::isnan(Logistic(-std::numeric_limits<double>::max())));
  // exp(-745) is still a (denormal) double, so the tail is not cut to 0.
  EXPECT_GT(Logistic(-745), 0.0);
}

TEST(LogisticTest, AccurateInTheLowTail) {
  // Deriving the low tail as 1 - Logistic(30) would lose every digit.
  EXPECT_NEAR(Logistic(-30) / 9.357622968839299e-14, 1.0, 1e-14);
  for (double z : {0.1, 1.0, 5.0, 20.0}) {
    EXPECT_NEAR(Logistic(-z), 1.0 - Logistic(z), 1e-15) << z;
  }
}

TEST(ScoreSizeTest, WrongSizeThrows) {
  const LinearModel model = ToyModel();
  for (const std::vector<double>& x :
       {std::vector<double>{}, std::vector<double>{1},
        std::vector<double>{1, 2, 3}}) {
    EXPECT_THROW(model.Logit(x), std::invalid_argument) << x.size();
    EXPECT_THROW(model.Probability(x), std::invalid_argument) << x.size();
    EXPECT_THROW(model.Contributions(x), std::invalid_argument) << x.size();
    std::vector<double> out;
    EXPECT_THROW(model.ContributionsAndLogit(x, &out), std::invalid_argument)
        << x.size();
    EXPECT_THROW(model.ContributionsAndLogit(x, ~uint64_t{0}, &out),
                 std::invalid_argument)
        << x.size();
  }
}

// The sparse form skips the features its mask says are 0: the same terms
// and the same logit as the dense one, bit for bit, whatever the mask
// holds beyond the non-zero features (a bias of -0 included, which the
// dense sum turns into +0 with its first term).
TEST(ScoreSparseTest, MatchesTheDenseFormBitForBit) {
  Lcg lcg(42);
  for (const size_t size :
       {size_t{1}, size_t{5}, size_t{26}, size_t{63}, size_t{64}, size_t{70}}) {
    for (const double bias : {0.25, -0.0, 0.0, -3.5}) {
      std::vector<std::string> names;
      std::vector<double> weights;
      for (size_t i = 0; i < size; ++i) {
        names.push_back("f" + std::to_string(i));
        weights.push_back(lcg.Between(-2.0, 2.0));
      }
      const LinearModel model("m", bias, names, weights);
      for (int round = 0; round < 20; ++round) {
        std::vector<double> x(size, 0.0);
        uint64_t nonzero = 0;
        for (size_t i = 0; i < size; ++i) {
          if (round == 0 || lcg.Uniform() < 0.8) continue;  // round 0: all 0
          x[i] = lcg.Uniform() < 0.5 ? 1.0 : lcg.Uniform();
          if (i < 64) nonzero |= uint64_t{1} << i;
        }
        std::vector<double> dense, sparse = {7.0};  // stale, resized
        const double logit = model.ContributionsAndLogit(x, &dense);
        for (const uint64_t mask : {nonzero, ~uint64_t{0}}) {
          SCOPED_TRACE(testing::Message()
                       << size << " " << bias << " " << round << " " << mask);
          const double got = model.ContributionsAndLogit(x, mask, &sparse);
          EXPECT_EQ(std::memcmp(&got, &logit, sizeof got), 0)
              << got << " " << logit;
          ASSERT_EQ(sparse.size(), dense.size());
          EXPECT_EQ(std::memcmp(sparse.data(), dense.data(),
                                dense.size() * sizeof(double)),
                    0);
        }
      }
    }
  }
}

// -------------------------------------------------------------- round trip

TEST(SaveTest, WritesExactFormat) {
  EXPECT_EQ(SaveToString(ToyModel()), kToyText);
}

TEST(SaveTest, UsesShortestRoundTripNumbers) {
  const LinearModel model("n", 0.1, {"a", "b", "c", "d", "e"},
                          {1 / 3.0, -2.5e-300, 1e6, 4.9e-324, -0.0});
  EXPECT_EQ(SaveToString(model),
            "credence-model 1\n"
            "name n\n"
            "bias 0.1\n"
            "weight a 0.3333333333333333\n"
            "weight b -2.5e-300\n"
            "weight c 1e+06\n"
            "weight d 5e-324\n"
            "weight e -0\n"
            "end\n");
}

TEST(RoundTripTest, ReproducesEveryDoubleBitForBit) {
  const std::vector<double> values = {
      0.1,  1 / 3.0,       -2.5e-300, 1e6,  4.9e-324,   -0.0, 0.0,      DBL_MIN,
      -1e6, -DBL_TRUE_MIN, 0.1 + 0.2, -1.0, 123456.125, 1e-5, 2.0 / 3.0};
  std::vector<std::string> names;
  for (std::size_t i = 0; i < values.size(); ++i) {
    names.push_back("feature_" + std::to_string(i));
  }
  LinearModel model("bits", -0.0, names, values);
  model.AddMeta("key", "value with  two spaces and a # sign");
  model.AddMeta("empty", "");
  model.AddMeta("key", "repeated keys are kept in order");

  const std::string text = SaveToString(model);
  const LinearModel loaded = LoadFromString(text);
  EXPECT_EQ(loaded.name(), model.name());
  EXPECT_EQ(Bits(loaded.bias()), Bits(model.bias()));
  EXPECT_EQ(loaded.feature_names(), model.feature_names());
  ASSERT_EQ(loaded.weights().size(), values.size());
  for (std::size_t i = 0; i < values.size(); ++i) {
    EXPECT_EQ(Bits(loaded.weights()[i]), Bits(values[i])) << names[i];
  }
  EXPECT_EQ(loaded.meta(), model.meta());
  EXPECT_EQ(SaveToString(loaded), text);
}

TEST(RoundTripTest, LoadOfCanonicalTextSavesIdentically) {
  const LinearModel model = LoadFromString(kToyText);
  EXPECT_EQ(model.name(), "toy model");
  EXPECT_EQ(model.bias(), 0.5);
  EXPECT_EQ(model.feature_names(),
            (std::vector<std::string>{"has_quote", "anon_source"}));
  EXPECT_EQ(model.weights(), (std::vector<double>{1.25, -2}));
  EXPECT_EQ(SaveToString(model), kToyText);
}

// ----------------------------------------------------------- article weights

constexpr char kArticleText[] =
    "credence-model 1\n"
    "name toy model\n"
    "bias 0.5\n"
    "weight has_quote 1.25\n"
    "weight anon_source -2\n"
    "article-bias -0.75\n"
    "article-weight has_quote 3e-05\n"
    "article-weight anon_source -0\n"
    "meta trained_on corpus v2 (2024)\n"
    "meta git abc123\n"
    "end\n";

TEST(ArticleWeightsTest, SaveWritesThemAfterTheWeights) {
  LinearModel model = ToyModel();
  EXPECT_FALSE(model.has_article_weights());
  model.SetArticleWeights(-0.75, {3e-05, -0.0});
  EXPECT_TRUE(model.has_article_weights());
  EXPECT_EQ(SaveToString(model), kArticleText);
}

TEST(ArticleWeightsTest, RoundTripBitForBit) {
  LinearModel model("m", 0.0, {"a", "b", "c"}, {1, 2, 3});
  const std::vector<double> article = {1 / 3.0, -DBL_TRUE_MIN, -1e6};
  model.SetArticleWeights(0.1 + 0.2, article);
  const std::string text = SaveToString(model);
  const LinearModel loaded = LoadFromString(text);
  EXPECT_TRUE(loaded.has_article_weights());
  EXPECT_EQ(Bits(loaded.article_bias()), Bits(0.1 + 0.2));
  ASSERT_EQ(loaded.article_weights().size(), 3u);
  for (std::size_t i = 0; i < 3; ++i) {
    EXPECT_EQ(Bits(loaded.article_weights()[i]), Bits(article[i])) << i;
  }
  EXPECT_EQ(loaded.weights(), model.weights());
  EXPECT_EQ(SaveToString(loaded), text);
  // Comments and blank lines between the records are fine.
  const LinearModel commented = LoadFromString(
      "credence-model 1\nname n\nbias 0\nweight a 1\n\n# article\n"
      "article-bias 2\n# a\narticle-weight a 4\nend\n");
  EXPECT_EQ(commented.article_bias(), 2.0);
  EXPECT_EQ(commented.article_weights(), std::vector<double>{4.0});
}

TEST(ArticleWeightsTest, ArticleLogitUsesThemOrFallsBackToTheClaimWeights) {
  LinearModel model("m", 0.5, {"a", "b"}, {1.25, -2.0});
  const std::vector<double> mean = {2.0, 0.5};
  // Without article weights: 0.5 + 1.25*2 - 2*0.5 = 2.
  EXPECT_EQ(model.ArticleLogit(mean), 2.0);
  model.SetArticleWeights(-1.0, {0.5, 4.0});
  // -1 + 0.5*2 + 4*0.5 = 2; the claim logit is unchanged.
  EXPECT_EQ(model.ArticleLogit(mean), 2.0);
  model.SetArticleWeights(0.25, {0.5, 4.0});
  EXPECT_EQ(model.ArticleLogit(mean), 3.25);  // 0.25 + 1 + 2
  EXPECT_EQ(model.Logit(mean), 2.0);
  EXPECT_THROW(model.ArticleLogit({1.0}), std::invalid_argument);
}

// Version 2: article features follow the claim features' article weights.
constexpr char kArticleFeatureText[] =
    "credence-model 2\n"
    "name toy model\n"
    "bias 0.5\n"
    "weight has_quote 1.25\n"
    "weight anon_source -2\n"
    "article-bias -0.75\n"
    "article-weight has_quote 3\n"
    "article-weight anon_source 0\n"
    "article-weight dateline 1.5\n"
    "article-weight all_caps -0.5\n"
    "meta trained_on corpus v2 (2024)\n"
    "meta git abc123\n"
    "end\n";

TEST(ArticleFeaturesTest, SaveWritesVersion2AndLoadReadsItBack) {
  LinearModel model = ToyModel();
  EXPECT_EQ(model.format_version(), 1);
  model.SetArticleWeights(-0.75, {3, 0, 1.5, -0.5}, {"dateline", "all_caps"});
  EXPECT_EQ(model.format_version(), 2);
  EXPECT_EQ(SaveToString(model), kArticleFeatureText);
  const LinearModel loaded = LoadFromString(kArticleFeatureText);
  EXPECT_EQ(loaded.article_feature_names(),
            (std::vector<std::string>{"dateline", "all_caps"}));
  EXPECT_EQ(loaded.article_weights(), (std::vector<double>{3, 0, 1.5, -0.5}));
  // -0.75 + 3*1 + 0*2 + 1.5*1 - 0.5*4 = 1.75; the claim part alone
  // does not fit.
  EXPECT_EQ(loaded.ArticleLogit({1, 2, 1, 4}), 1.75);
  EXPECT_THROW(loaded.ArticleLogit({1, 2}), std::invalid_argument);
}

TEST(ArticleFeaturesTest, Version1ModelsReadAsBefore) {
  // A version 1 file has no article features: a name past the claim
  // features is out of place, as it always was.
  std::string v1 = kArticleFeatureText;
  v1[15] = '1';
  try {
    LoadFromString(v1);
    FAIL() << "loaded";
  } catch (const ModelError& e) {
    EXPECT_TRUE(Contains(e.what(),
                         "m.model:9: article-weight 'dateline' out "
                         "of place (there are only 2 features)"))
        << e.what();
  }
  EXPECT_EQ(LoadFromString(kArticleText).format_version(), 1);
}

TEST(ArticleFeaturesTest, SetArticleWeightsRejectsBadNames) {
  LinearModel model = ToyModel();
  EXPECT_THROW(model.SetArticleWeights(0, {1, 2, 3}, {"d", "e"}),
               std::invalid_argument);  // one weight short
  EXPECT_THROW(model.SetArticleWeights(0, {1, 2, 3, 4}, {"d", "d"}),
               std::invalid_argument);
  EXPECT_THROW(model.SetArticleWeights(0, {1, 2, 3}, {"has_quote"}),
               std::invalid_argument);
  EXPECT_THROW(model.SetArticleWeights(0, {1, 2, 3}, {"a b"}),
               std::invalid_argument);
  EXPECT_FALSE(model.has_article_weights());
}

TEST(ArticleWeightsTest, SetArticleWeightsRejectsBadInput) {
  LinearModel model = ToyModel();
  const double inf = std::numeric_limits<double>::infinity();
  EXPECT_THROW(model.SetArticleWeights(0, {1}), std::invalid_argument);
  EXPECT_THROW(model.SetArticleWeights(0, {1, 2, 3}), std::invalid_argument);
  EXPECT_THROW(model.SetArticleWeights(std::nan(""), {1, 2}),
               std::invalid_argument);
  EXPECT_THROW(model.SetArticleWeights(0, {1, -inf}), std::invalid_argument);
  // Past kMaxAbsWeight a logit could overflow.
  EXPECT_THROW(model.SetArticleWeights(0, {1, 1.7e308}), std::invalid_argument);
  EXPECT_THROW(model.SetArticleWeights(-1e6 * (1 + 1e-15), {1, 2}),
               std::invalid_argument);
  EXPECT_FALSE(model.has_article_weights());
  EXPECT_EQ(SaveToString(model), kToyText);
}

TEST(LoadTest, AcceptsWeightsOnTheBoundAndUtf8Names) {
  const LinearModel model = LoadFromString(
      "credence-model 1\nname Z\xC3\xBCrich \xE2\x80\x94 v2\nbias -1e6\n"
      "weight a 1e6\nweight b -1000000\nend\n");
  EXPECT_EQ(model.name(), "Z\xC3\xBCrich \xE2\x80\x94 v2");
  EXPECT_EQ(model.bias(), -1e6);
  EXPECT_EQ(model.weights(), (std::vector<double>{1e6, -1e6}));
}

TEST(ConstructorTest, RefusesWeightsPastTheBound) {
  EXPECT_THROW(LinearModel("m", 0, {"a"}, {1.7e308}), std::invalid_argument);
  EXPECT_THROW(LinearModel("m", 2e6, {"a"}, {1}), std::invalid_argument);
  EXPECT_NO_THROW(LinearModel("m", -1e6, {"a"}, {1e6}));
  // What Save writes must load: the name is UTF-8.
  EXPECT_THROW(LinearModel("caf\xE9", 0, {"a"}, {1}), std::invalid_argument);
  EXPECT_NO_THROW(LinearModel("caf\xC3\xA9", 0, {"a"}, {1}));
}

TEST(LoadTest, AcceptsCommentsBlankLinesCrlfAndBom) {
  const std::string text =
      "\xEF\xBB\xBF"
      "credence-model 1\r\n"
      "# written by hand\r\n"
      "\r\n"
      "name toy model\r\n"
      "   \r\n"
      "bias 0.5\r\n"
      "weight has_quote 1.25\r\n"
      "#weight ignored 3\r\n"
      "weight anon_source -2\r\n"
      "meta trained_on corpus v2 (2024)\r\n"
      "meta git abc123\r\n"
      "end\r\n"
      "\r\n"
      "# trailing comment\r\n";
  EXPECT_EQ(SaveToString(LoadFromString(text)), kToyText);
}

TEST(LoadTest, AcceptsMissingFinalNewlineAndBareMetaKey) {
  const LinearModel model = LoadFromString(
      "credence-model 1\nname n\nbias 0\nweight a 1\nmeta note\nend");
  ASSERT_EQ(model.meta().size(), 1u);
  EXPECT_EQ(model.meta()[0].first, "note");
  EXPECT_EQ(model.meta()[0].second, "");
}

TEST(LoadTest, KeepsNameVerbatim) {
  const LinearModel model = LoadFromString(
      "credence-model 1\nname  spaced  name \nbias 0\nweight a 1\nend\n");
  EXPECT_EQ(model.name(), " spaced  name ");
}

TEST(SaveTest, IndependentOfCommaDecimalLocale) {
  // Restores "C" however the test exits, so later tests are unaffected.
  struct RestoreCLocale {
    ~RestoreCLocale() {
      std::locale::global(std::locale::classic());
      std::setlocale(LC_ALL, "C");
    }
  } restore;
  if (std::setlocale(LC_ALL, "de_DE.UTF-8") == nullptr) {
    GTEST_SKIP() << "de_DE.UTF-8 locale not installed";
  }
  std::locale::global(std::locale("de_DE.UTF-8"));
  char probe[32];
  std::snprintf(probe, sizeof probe, "%.1f", 0.5);
  ASSERT_STREQ(probe, "0,5") << "locale does not use a decimal comma";

  const LinearModel model("n", 0.1, {"a", "b"}, {-2.5e-300, 234567.5});
  std::ostringstream out;  // Picks up the global (German) locale.
  model.Save(out);
  EXPECT_EQ(out.str(),
            "credence-model 1\nname n\nbias 0.1\nweight a -2.5e-300\n"
            "weight b 234567.5\nend\n");
  const LinearModel loaded = LoadFromString(out.str());
  EXPECT_EQ(loaded.bias(), 0.1);
  EXPECT_EQ(loaded.weights(), model.weights());
}

// ----------------------------------------------------------- bad model files

struct BadFileCase {
  const char* name;
  std::string text;
  const char* expected;  // Must appear in what().
};
void PrintTo(const BadFileCase& c, std::ostream* os) { PrintCase(c, os); }

class BadFileTest : public ::testing::TestWithParam<BadFileCase> {};

TEST_P(BadFileTest, FailsWithLocatedMessage) {
  const BadFileCase& c = GetParam();
  try {
    LoadFromString(c.text);
    FAIL() << "loaded without error:\n" << c.text;
  } catch (const ModelError& e) {
    EXPECT_TRUE(Contains(e.what(), c.expected));
    // Every message names the file and a line, then the problem.
    EXPECT_EQ(std::string(e.what()).rfind("m.model:", 0), 0u) << e.what();
  }
}

const char kHead[] = "credence-model 1\nname toy\nbias 0.5\n";  // Lines 1-3.

INSTANTIATE_TEST_SUITE_P(
    Table, BadFileTest,
    ::testing::Values(
        BadFileCase{"Empty", "",
                    "m.model:1: empty model file (expected first line "
                    "'credence-model 1')"},
        BadFileCase{"OnlyBom", "\xEF\xBB\xBF", "m.model:1: empty model file"},
        BadFileCase{"NotAModel", "hello world\n",
                    "m.model:1: not a credence model file (first line must be "
                    "'credence-model 1')"},
        BadFileCase{"BlankFirstLine", "\ncredence-model 1\n",
                    "m.model:1: not a credence model file"},
        BadFileCase{"CommentBeforeMagic", "# hi\ncredence-model 1\n",
                    "m.model:1: not a credence model file"},
        BadFileCase{"MagicPrefixOnly", "credence-modelx 1\n",
                    "m.model:1: not a credence model file"},
        BadFileCase{"MissingVersion", "credence-model\n",
                    "m.model:1: missing value in 'credence-model' record"},
        BadFileCase{"VersionNotInteger", "credence-model one\n",
                    "m.model:1: model format version 'one' is not an integer"},
        BadFileCase{"VersionFraction", "credence-model 1.0\n",
                    "m.model:1: model format version '1.0' is not an integer"},
        BadFileCase{"VersionTooNew", "credence-model 3\nname x\n",
                    "m.model:1: model format version 3 is newer than this "
                    "build supports (2); upgrade credence"},
        BadFileCase{"ArticleFeatureTwice",
                    "credence-model 2\nname toy\nbias 0\nweight a 1\n"
                    "article-bias 0\narticle-weight a 1\narticle-weight d 1\n"
                    "article-weight d 2\nend\n",
                    "m.model:8: duplicate article feature 'd'"},
        BadFileCase{"ArticleFeatureNamingAClaimFeature",
                    "credence-model 2\nname toy\nbias 0\nweight a 1\n"
                    "article-bias 0\narticle-weight a 1\narticle-weight a 1\n"
                    "end\n",
                    "m.model:7: article-weight 'a' out of place (there are "
                    "only 1 features)"},
        BadFileCase{"ArticleFeatureBeforeTheClaimFeatures",
                    "credence-model 2\nname toy\nbias 0\nweight a 1\n"
                    "weight b 1\narticle-bias 0\narticle-weight d 1\nend\n",
                    "m.model:7: article-weight 'd' out of place (expected "
                    "'a'"},
        BadFileCase{"VersionZero", "credence-model 0\n",
                    "m.model:1: invalid model format version 0"},
        BadFileCase{"VersionNegative", "credence-model -1\n",
                    "m.model:1: invalid model format version -1"},
        BadFileCase{"VersionExtraField", "credence-model 1 beta\n",
                    "m.model:1: extra field 'beta' in 'credence-model'"},
        BadFileCase{"UnknownRecord", std::string(kHead) + "wieght a 1\nend\n",
                    "m.model:4: unknown record 'wieght' (known records: name, "
                    "bias, weight, article-bias, article-weight, meta, end)"},
        BadFileCase{"IndentedRecord", std::string(kHead) + " weight a 1\nend\n",
                    "m.model:4: line starts with white space"},
        BadFileCase{"DuplicateName", "credence-model 1\nname a\nname b\n",
                    "m.model:3: duplicate 'name' record (first at line 2)"},
        BadFileCase{"DuplicateBias",
                    std::string(kHead) + "weight a 1\n\nbias 2\nend\n",
                    "m.model:6: duplicate 'bias' record (first at line 3)"},
        BadFileCase{"DuplicateFeature",
                    std::string(kHead) + "weight a 1\nweight b 2\nweight a 3\n",
                    "m.model:6: duplicate feature 'a' (first at line 4)"},
        BadFileCase{"MissingName", "credence-model 1\nname\n",
                    "m.model:2: missing value in 'name' record"},
        BadFileCase{"EmptyName", "credence-model 1\nname \n",
                    "m.model:2: model name is empty"},
        BadFileCase{"MissingBiasValue", "credence-model 1\nbias\n",
                    "m.model:2: missing value in 'bias' record"},
        BadFileCase{"MissingWeightValue", std::string(kHead) + "weight a\n",
                    "m.model:4: missing value in 'weight' record (expected "
                    "'weight <feature-name> <number>')"},
        BadFileCase{"BareWeight", std::string(kHead) + "weight\n",
                    "m.model:4: missing value in 'weight' record"},
        BadFileCase{"MissingMetaKey", std::string(kHead) + "meta\n",
                    "m.model:4: missing value in 'meta' record"},
        BadFileCase{"BiasExtraField", "credence-model 1\nname n\nbias 1 2\n",
                    "m.model:3: extra field '2' in 'bias' record"},
        BadFileCase{"BiasDoubleSpace", "credence-model 1\nname n\nbias  1\n",
                    "fields are separated by one space"},
        BadFileCase{"WeightExtraField", std::string(kHead) + "weight a 1 2\n",
                    "m.model:4: extra field '2' in 'weight' record"},
        BadFileCase{"EndExtraField",
                    std::string(kHead) + "weight a 1\nend now\n",
                    "m.model:5: extra field 'now' in 'end' record"},
        BadFileCase{"TrailingGarbageNumber", "credence-model 1\nbias 1.5x\n",
                    "m.model:2: invalid number for bias '1.5x'"},
        BadFileCase{"EmptyNumber", "credence-model 1\nbias \n",
                    "m.model:2: invalid number for bias ''"},
        BadFileCase{"HexNumber", std::string(kHead) + "weight a 0x10\n",
                    "m.model:4: invalid number for weight '0x10'"},
        BadFileCase{"PlusSign", "credence-model 1\nbias +1\n",
                    "m.model:2: invalid number for bias '+1'"},
        BadFileCase{"CommaDecimal", "credence-model 1\nbias 0,5\n",
                    "m.model:2: invalid number for bias '0,5'"},
        BadFileCase{"NanBias", "credence-model 1\nbias nan\n",
                    "m.model:2: non-finite or out-of-range bias 'nan'"},
        BadFileCase{"InfWeight", std::string(kHead) + "weight a -inf\n",
                    "m.model:4: non-finite or out-of-range weight '-inf'"},
        BadFileCase{"OverflowWeight", std::string(kHead) + "weight a 1e999\n",
                    "m.model:4: non-finite or out-of-range weight '1e999'"},
        BadFileCase{"UnderflowWeight", std::string(kHead) + "weight a 1e-400\n",
                    "m.model:4: non-finite or out-of-range weight '1e-400'"},
        // A finite weight this large made logits infinite and reports NaN.
        BadFileCase{"HugeWeight", std::string(kHead) + "weight a 1.7e308\n",
                    "m.model:4: weight out of range '1.7e308' (must lie "
                    "within -1e6 and 1e6)"},
        BadFileCase{"HugeNegativeWeight",
                    std::string(kHead) + "weight a -1.7e308\n",
                    "m.model:4: weight out of range '-1.7e308'"},
        BadFileCase{"WeightJustPastTheBound",
                    std::string(kHead) + "weight a 1000000.0000000001\n",
                    "m.model:4: weight out of range '1000000.0000000001'"},
        BadFileCase{"HugeBias", "credence-model 1\nname n\nbias -2e6\n",
                    "m.model:3: bias out of range '-2e6'"},
        BadFileCase{"HugeArticleBias",
                    std::string(kHead) + "weight a 1\narticle-bias 1e300\n",
                    "m.model:5: article-bias out of range '1e300'"},
        BadFileCase{"HugeArticleWeight",
                    std::string(kHead) +
                        "weight a 1\narticle-bias 0\narticle-weight a 1e7\n",
                    "m.model:6: article-weight out of range '1e7'"},
        // Names reach the reports, which need UTF-8.
        BadFileCase{"Latin1Name", "credence-model 1\nname caf\xE9\n",
                    "m.model:2: invalid UTF-8 (byte 0xE9) (save the model "
                    "file as UTF-8)"},
        BadFileCase{"Latin1Meta",
                    std::string(kHead) + "weight a 1\nmeta k \x92x\nend\n",
                    "m.model:5: invalid UTF-8 (byte 0x92)"},
        BadFileCase{"TruncatedUtf8InComment",
                    std::string(kHead) + "# \xE2\x80\n",
                    "m.model:4: invalid UTF-8 (byte 0xE2)"},
        BadFileCase{
            "LargerThanTheLimit",
            std::string(kHead) + std::string(std::size_t{16} << 20, '#'),
            "m.model: model file larger than 16 MiB"},
        BadFileCase{"FeatureNameWithTab",
                    std::string(kHead) + "weight a\tb 1\n",
                    "m.model:4: feature name 'a\\x09b' contains white space"},
        BadFileCase{"FeatureNameControlByte",
                    std::string(kHead) + "weight a\x01 1\n",
                    "m.model:4: feature name 'a\\x01' contains"},
        BadFileCase{"EmptyFeatureName", std::string(kHead) + "weight  1\n",
                    "m.model:4: feature name is empty"},
        BadFileCase{
            "TextAfterEnd",
            std::string(kHead) + "weight a 1\nend\n\n# ok\nweight b 2\n",
            "m.model:8: unexpected text after 'end' (line 5)"},
        BadFileCase{"SecondModelAfterEnd",
                    std::string(kHead) + "weight a 1\nend\n" + kHead,
                    "m.model:6: unexpected text after 'end'"},
        BadFileCase{"TruncatedMidRecord",
                    std::string(kHead) + "weight a 1\nweight b",
                    "m.model:5: missing value in 'weight' record"},
        BadFileCase{"MissingEnd",
                    std::string(kHead) + "weight a 1\nweight b 2\n",
                    "m.model:5: missing 'end' record (file truncated?)"},
        BadFileCase{"MissingEndNoNewline",
                    std::string(kHead) + "weight a 1\nweight b 2",
                    "m.model:5: missing 'end' record (file truncated?)"},
        BadFileCase{"MissingEndAfterBlankLines",
                    std::string(kHead) + "weight a 1\n\n# c\n",
                    "m.model:6: missing 'end' record (file truncated?)"},
        BadFileCase{"OnlyMagic", "credence-model 1\n",
                    "m.model:1: missing 'end' record (file truncated?)"},
        BadFileCase{"MissingNameRecord",
                    "credence-model 1\nbias 0\nweight a 1\nend\n",
                    "m.model:4: missing 'name' record"},
        BadFileCase{"MissingBiasRecord",
                    "credence-model 1\nname n\nweight a 1\n\nend\n",
                    "m.model:5: missing 'bias' record"},
        BadFileCase{"NoWeights", std::string(kHead) + "meta k v\nend\n",
                    "m.model:5: no 'weight' records"},
        BadFileCase{"CrlfKeepsLineNumbers",
                    "credence-model 1\r\nname n\r\nbias oops\r\n",
                    "m.model:3: invalid number for bias 'oops' ("},
        BadFileCase{"BareCarriageReturnInName",
                    "credence-model 1\nname a\rb\nbias 0\n",
                    "m.model:2: model name contains a line break"},
        BadFileCase{"BomThenNotAModel", "\xEF\xBB\xBFhello\n",
                    "m.model:1: not a credence model file"},
        // Article records: after every weight, one a feature in the same
        // order, with one article-bias; all of them or none.
        BadFileCase{
            "ArticleWeightsWithoutArticleBias",
            std::string(kHead) + "weight a 1\narticle-weight a 2\nend\n",
            "m.model:5: article weights without an 'article-bias' "
            "record (add 'article-bias <number>')"},
        BadFileCase{"ArticleWeightsInWrongOrder",
                    std::string(kHead) +
                        "weight a 1\nweight b 2\narticle-bias 0\n"
                        "article-weight b 2\narticle-weight a 1\nend\n",
                    "m.model:7: article-weight 'b' out of place (expected "
                    "'a': article weights follow the weights, one a feature, "
                    "in the same order)"},
        BadFileCase{"ArticleWeightRepeated",
                    std::string(kHead) +
                        "weight a 1\nweight b 2\narticle-bias 0\n"
                        "article-weight a 1\narticle-weight a 1\nend\n",
                    "m.model:8: article-weight 'a' out of place (expected "
                    "'b'"},
        BadFileCase{"ArticleWeightForUnknownFeature",
                    std::string(kHead) +
                        "weight a 1\narticle-bias 0\narticle-weight a 1\n"
                        "article-weight c 1\nend\n",
                    "m.model:7: article-weight 'c' out of place (there are "
                    "only 1 features)"},
        BadFileCase{"ArticleWeightBeforeTheWeights",
                    std::string(kHead) +
                        "article-bias 0\narticle-weight a 1\nweight a 1\nend\n",
                    "m.model:5: article-weight 'a' out of place (there are "
                    "only 0 features)"},
        BadFileCase{"WeightAfterArticleRecords",
                    std::string(kHead) +
                        "weight a 1\narticle-bias 0\narticle-weight a 1\n"
                        "weight b 2\narticle-weight b 2\nend\n",
                    "m.model:7: 'weight' record after the article records "
                    "(line 5) (article-bias and article-weight records follow "
                    "every weight)"},
        BadFileCase{"ArticleBiasBeforeTheWeights",
                    std::string(kHead) +
                        "article-bias 0\nweight a 1\narticle-weight a 1\nend\n",
                    "m.model:5: 'weight' record after the article records "
                    "(line 4)"},
        BadFileCase{"TooFewArticleWeights",
                    std::string(kHead) +
                        "weight a 1\nweight b 2\narticle-bias 0\n"
                        "article-weight a 1\nend\n",
                    "m.model:6: 1 article weights for 2 features (give one "
                    "'article-weight' a feature, or none at all)"},
        BadFileCase{"ArticleBiasAlone",
                    std::string(kHead) + "weight a 1\narticle-bias 0\nend\n",
                    "m.model:5: 0 article weights for 1 features"},
        BadFileCase{"DuplicateArticleBias",
                    std::string(kHead) +
                        "weight a 1\narticle-bias 0\narticle-bias 1\n"
                        "article-weight a 1\nend\n",
                    "m.model:6: duplicate 'article-bias' record (first at "
                    "line 5) (a model has exactly one article-bias)"},
        BadFileCase{"ArticleBiasNaN",
                    std::string(kHead) + "weight a 1\narticle-bias nan\n",
                    "m.model:5: non-finite or out-of-range article-bias 'nan'"},
        BadFileCase{"ArticleWeightInfinite",
                    std::string(kHead) +
                        "weight a 1\narticle-bias 0\narticle-weight a -inf\n",
                    "m.model:6: non-finite or out-of-range article-weight "
                    "'-inf'"},
        BadFileCase{"ArticleWeightOverflow",
                    std::string(kHead) +
                        "weight a 1\narticle-bias 0\narticle-weight a 1e400\n",
                    "m.model:6: non-finite or out-of-range article-weight "
                    "'1e400'"},
        BadFileCase{"ArticleWeightMissingValue",
                    std::string(kHead) +
                        "weight a 1\narticle-bias 0\narticle-weight a\n",
                    "m.model:6: missing value in 'article-weight' record "
                    "(expected 'article-weight <feature-name> <number>')"},
        BadFileCase{"ArticleBiasExtraField",
                    std::string(kHead) + "weight a 1\narticle-bias 0 1\n",
                    "m.model:5: extra field '1' in 'article-bias' record"}),
    CaseName<BadFileCase>);

// ------------------------------------------------------------- constructor

struct BadConstructorCase {
  const char* name;
  std::string model_name;
  double bias;
  std::vector<std::string> features;
  std::vector<double> weights;
  const char* expected;
};
void PrintTo(const BadConstructorCase& c, std::ostream* os) {
  PrintCase(c, os);
}

class ConstructorRejectTest
    : public ::testing::TestWithParam<BadConstructorCase> {};

TEST_P(ConstructorRejectTest, Rejects) {
  const BadConstructorCase& c = GetParam();
  try {
    LinearModel(c.model_name, c.bias, c.features, c.weights);
    FAIL() << "constructed without error";
  } catch (const std::invalid_argument& e) {
    EXPECT_TRUE(Contains(e.what(), c.expected));
  }
}

constexpr double kNan = std::numeric_limits<double>::quiet_NaN();
constexpr double kInf = std::numeric_limits<double>::infinity();

INSTANTIATE_TEST_SUITE_P(
    Table, ConstructorRejectTest,
    ::testing::Values(
        BadConstructorCase{"SizeMismatch",
                           "m",
                           0,
                           {"a", "b"},
                           {1},
                           "size mismatch: 2 feature names but 1 weights"},
        BadConstructorCase{"NoFeatures", "m", 0, {}, {}, "no features"},
        BadConstructorCase{"DuplicateFeature",
                           "m",
                           0,
                           {"a", "b", "a"},
                           {1, 2, 3},
                           "duplicate feature name 'a'"},
        BadConstructorCase{
            "EmptyFeature", "m", 0, {""}, {1}, "feature name is empty"},
        BadConstructorCase{"SpaceInFeature",
                           "m",
                           0,
                           {"a b"},
                           {1},
                           "feature name 'a b' contains white space"},
        BadConstructorCase{
            "TabInFeature", "m", 0, {"a\tb"}, {1}, "contains white space"},
        BadConstructorCase{
            "NewlineInFeature", "m", 0, {"a\n"}, {1}, "contains white space"},
        BadConstructorCase{
            "ControlByteInFeature", "m", 0, {"a\x7f"}, {1}, "non-printable"},
        BadConstructorCase{
            "NanBias", "m", kNan, {"a"}, {1}, "bias is not finite"},
        BadConstructorCase{"InfWeight",
                           "m",
                           0,
                           {"a", "b"},
                           {1, -kInf},
                           "weight of feature 'b' is not finite"},
        BadConstructorCase{"NanWeight",
                           "m",
                           0,
                           {"a"},
                           {kNan},
                           "weight of feature 'a' is not finite"},
        BadConstructorCase{
            "EmptyName", "", 0, {"a"}, {1}, "model name is empty"},
        BadConstructorCase{"NewlineInName",
                           "a\nb",
                           0,
                           {"a"},
                           {1},
                           "model name contains a line break"},
        BadConstructorCase{"CarriageReturnInName",
                           "a\r",
                           0,
                           {"a"},
                           {1},
                           "model name contains a line break"}),
    CaseName<BadConstructorCase>);

TEST(ConstructorTest, AcceptsSpacesInNameAndUtf8FeatureNames) {
  const LinearModel model(" a  name ", -0.25, {"quelle_zitiert_\xC3\xBC"}, {1});
  EXPECT_EQ(model.name(), " a  name ");
  EXPECT_EQ(LoadFromString(SaveToString(model)).feature_names(),
            model.feature_names());
}

TEST(AddMetaTest, RejectsBadKeysAndValues) {
  LinearModel model = ToyModel();
  EXPECT_THROW(model.AddMeta("", "v"), std::invalid_argument);
  EXPECT_THROW(model.AddMeta("two words", "v"), std::invalid_argument);
  EXPECT_THROW(model.AddMeta("tab\tkey", "v"), std::invalid_argument);
  EXPECT_THROW(model.AddMeta("k", "line\nbreak"), std::invalid_argument);
  EXPECT_THROW(model.AddMeta("k", "ends in cr\r"), std::invalid_argument);
  EXPECT_EQ(model.meta().size(), 2u);
  model.AddMeta("k", "spaces are fine");
  EXPECT_EQ(model.meta().back().second, "spaces are fine");
}

// ---------------------------------------------------------------- LoadFile

TEST(LoadFileTest, MissingPath) {
  const std::string path = ::testing::TempDir() + "no_such_dir/missing.model";
  try {
    LinearModel::LoadFile(path);
    FAIL() << "loaded a missing file";
  } catch (const ModelError& e) {
    EXPECT_TRUE(Contains(e.what(), path + ": cannot open model file ("));
  }
}

TEST(LoadFileTest, DirectoryIsNotAModel) {
  EXPECT_THROW(LinearModel::LoadFile(::testing::TempDir()), ModelError);
}

TEST(LoadFileTest, ReadsSavedFileAndReportsItsPath) {
  const std::string path = ::testing::TempDir() + "linear_model_test.model";
  {
    std::ofstream out(path, std::ios::binary);
    ToyModel().Save(out);
  }
  EXPECT_EQ(SaveToString(LinearModel::LoadFile(path)), kToyText);
  {
    std::ofstream out(path, std::ios::binary);
    out << "credence-model 1\nname n\n";
  }
  try {
    LinearModel::LoadFile(path);
    FAIL() << "loaded a truncated file";
  } catch (const ModelError& e) {
    EXPECT_TRUE(Contains(e.what(), path + ":2: missing 'end' record"));
  }
  std::remove(path.c_str());
}

}  // namespace
}  // namespace credence
