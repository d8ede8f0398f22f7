// Scoring whole articles: hand-checked confidences with the built-in model,
// input checks, and the check that model and lexicons agree.
#include "engine/scorer.h"

#include <gtest/gtest.h>

#include <string>

#include "engine/resources.h"

namespace credence {
namespace {

const Scorer& Default() {
  static const Scorer scorer(Extractor(DefaultLexicons()), DefaultModel());
  return scorer;
}

std::string ClaimText(const std::string& text, const ScoredClaim& c) {
  return text.substr(c.span.begin, c.span.end - c.span.begin);
}

// The built-in model: bias 0.5, hedge -1, anonymous_source -1,
// official_confirmation 1.5. "may" has strength 0.5.
TEST(ScorerTest, HandCheckedArticle) {
  const std::string text =
      "Kim may visit Russia\n"
      "The ministry confirmed the visit. Sources said it was planned.\n";
  const ArticleScore a = Default().ScoreArticle(text);
  ASSERT_EQ(a.claims.size(), 3u);
  EXPECT_EQ(ClaimText(text, a.claims[0]), "Kim may visit Russia");
  EXPECT_EQ(ClaimText(text, a.claims[1]), "The ministry confirmed the visit.");
  EXPECT_EQ(ClaimText(text, a.claims[2]), "Sources said it was planned.");
  // logit 0.5 - 0.5 = 0
  EXPECT_DOUBLE_EQ(a.claims[0].logit, 0.0);
  EXPECT_DOUBLE_EQ(a.claims[0].confidence, 0.5);
  EXPECT_EQ(a.claims[0].contributions, (std::vector<double>{-0.5, 0, 0}));
  // logit 0.5 + 1.5 = 2
  EXPECT_DOUBLE_EQ(a.claims[1].logit, 2.0);
  EXPECT_NEAR(a.claims[1].confidence, 0.8807970779778823, 1e-15);
  EXPECT_EQ(a.claims[1].contributions, (std::vector<double>{0, 0, 1.5}));
  // logit 0.5 - 1 = -0.5
  EXPECT_NEAR(a.claims[2].confidence, 0.3775406687981454, 1e-15);
  EXPECT_NEAR(a.score, 0.5861125822586759, 1e-15);
}

TEST(ScorerTest, NoCuesGivesTheBias) {
  const ArticleScore a = Default().ScoreArticle("Plain headline");
  ASSERT_EQ(a.claims.size(), 1u);
  EXPECT_NEAR(a.claims[0].confidence, 0.6224593312018546, 1e-15);
  EXPECT_DOUBLE_EQ(a.score, a.claims[0].confidence);
}

// A claim scores the same alone as inside an article.
TEST(ScorerTest, ClaimScoreDoesNotDependOnItsNeighbours) {
  const std::string claim = "A U.S. official said the trip may happen.";
  const std::string article = "Headline\nThe ministry confirmed it. " + claim;
  const ArticleScore alone = Default().ScoreArticle(claim);
  const ArticleScore inside = Default().ScoreArticle(article);
  ASSERT_EQ(inside.claims.size(), 3u);
  EXPECT_EQ(ClaimText(article, inside.claims[2]), claim);
  EXPECT_EQ(inside.claims[2].confidence, alone.claims[0].confidence);
  EXPECT_EQ(inside.claims[2].evidence.features,
            alone.claims[0].evidence.features);
}

struct BadText {
  const char* name;
  std::string text;
  const char* message;
};

TEST(ScorerTest, RejectsUnusableText) {
  const BadText cases[] = {
      {"empty", "",
       "empty input (nothing to score: give a headline line, then the "
       "article)"},
      {"blank", " \n\t\r\n ",
       "empty input (nothing to score: give a headline line, then the "
       "article)"},
      {"latin1", "Headline\ncaf\xE9 au lait",
       "2:4: invalid UTF-8 (byte 0xE9; convert the text to UTF-8, e.g. iconv "
       "-f latin1 -t utf-8)"},
      {"truncated", "Z\xC3\xBCrich \xE2\x80",
       "1:8: invalid UTF-8 (byte 0xE2; convert the text to UTF-8, e.g. iconv "
       "-f latin1 -t utf-8)"},
      {"nul", std::string("Head\nab\0c", 9),
       "2:3: NUL byte (binary data? credence reads UTF-8 text)"},
  };
  for (const BadText& c : cases) {
    SCOPED_TRACE(c.name);
    try {
      Default().ScoreArticle(c.text);
      ADD_FAILURE() << "accepted";
    } catch (const InputError& e) {
      EXPECT_STREQ(e.what(), c.message);
    }
  }
}

TEST(ScorerTest, RefusesAModelWithOtherFeatures) {
  const LinearModel other("other", 0.0, {"hedge", "booster"}, {1.0, 2.0});
  try {
    Scorer s(Extractor(DefaultLexicons()), other);
    FAIL() << "accepted";
  } catch (const std::invalid_argument& e) {
    EXPECT_STREQ(e.what(),
                 "model 'other' does not fit the lexicons: features the "
                 "model lacks: anonymous_source, official_confirmation; "
                 "features the lexicons lack: booster");
  }
  const LinearModel reordered(
      "reordered", 0.0, {"anonymous_source", "hedge", "official_confirmation"},
      {1.0, 2.0, 3.0});
  try {
    Scorer s(Extractor(DefaultLexicons()), reordered);
    FAIL() << "accepted";
  } catch (const std::invalid_argument& e) {
    EXPECT_STREQ(e.what(),
                 "model 'reordered' lists the features in another order "
                 "(expected: hedge, anonymous_source, official_confirmation)");
  }
}

}  // namespace
}  // namespace credence
