// Scoring whole articles: hand-checked confidences with the built-in model,
// input checks, and the check that model and lexicons agree.
#include "engine/scorer.h"

#include <gtest/gtest.h>

#include <cmath>
#include <string>

#include "engine/builtin_data.h"

namespace credence {
namespace {

// Scores are pinned against the hand-set weights of models/prior.model
// (round numbers a reader can check), not the trained default model.
const Scorer& Default() {
  static const Scorer scorer(
      Extractor(DefaultLexicons()),
      LinearModel::LoadFile(CREDENCE_MODELS "/prior.model"));
  return scorer;
}

std::string ClaimText(const std::string& text, const ScoredClaim& c) {
  return text.substr(c.span.begin, c.span.end - c.span.begin);
}

// The built-in model: bias 0.5; hedge -2, speculation -1,
// official_confirmation 1.6, anonymous_source -1.6, backing_institution 0.8,
// backing_anonymous -0.5. A category's feature is log(1 + s) for the sum s
// of its cue strengths ("may" 0.4, a hedge and no forecast; others 1):
// log 1.4 = 0.336472, log 2 = 0.693147.
TEST(ScorerTest, HandCheckedArticle) {
  const std::string text =
      "Kim may visit Russia\n"
      "The ministry confirmed the visit. Sources said it was planned.\n";
  const ArticleScore a = Default().ScoreArticle(text);
  ASSERT_EQ(a.claims.size(), 3u);
  EXPECT_EQ(ClaimText(text, a.claims[0]), "Kim may visit Russia");
  EXPECT_EQ(ClaimText(text, a.claims[1]), "The ministry confirmed the visit.");
  EXPECT_EQ(ClaimText(text, a.claims[2]), "Sources said it was planned.");
  // hedge log 1.4 * -2: logit 0.5 - 0.672944 = -0.172944
  EXPECT_NEAR(a.claims[0].logit, 0.5 - 2 * std::log(1.4), 1e-15);
  EXPECT_NEAR(a.claims[0].confidence, 0.45687132560954469, 1e-15);
  EXPECT_NEAR(a.claims[0].contributions[0], -2 * std::log(1.4), 1e-15);
  EXPECT_EQ(a.claims[0].contributions[9], 0.0);  // no speculation
  // official_confirmation log 2 * 1.6 + backing_institution 0.8: 2.409035
  EXPECT_NEAR(a.claims[1].logit, 1.3 + 1.6 * std::log(2.0), 1e-15);
  EXPECT_NEAR(a.claims[1].confidence, 0.9175137148445953, 1e-15);
  EXPECT_EQ(a.claims[1].evidence.backing, Backing::kInstitution);
  // anonymous_source log 2 * -1.6 + backing_anonymous -0.5: -1.109035
  EXPECT_NEAR(a.claims[2].logit, -1.6 * std::log(2.0), 1e-15);
  EXPECT_NEAR(a.claims[2].confidence, 0.24805074696865662, 1e-15);
  // No article weights: the article logit is the mean claim logit,
  // (-0.172944 + 2.409035 - 1.109035) / 3 = 0.375685, and
  // logistic(0.375685) = 0.592832.
  EXPECT_NEAR(a.logit, 0.6 - 2 * std::log(1.4) / 3, 1e-15);
  EXPECT_NEAR(a.score, 0.59283199967194222, 1e-15);
  // A cue's share of its category's contribution.
  ASSERT_EQ(a.claims[0].cue_contributions.size(), 1u);
  EXPECT_NEAR(a.claims[0].cue_contributions[0], -2 * std::log(1.4), 1e-15);
}

// Backing carries from one claim to the next through a pronoun.
TEST(ScorerTest, BackingCarriesOver) {
  const std::string text =
      "Headline\nSpokeswoman Ana Ruiz said the plant was safe. She added "
      "that no one was hurt. It rained.";
  const ArticleScore a = Default().ScoreArticle(text);
  ASSERT_EQ(a.claims.size(), 4u);
  EXPECT_EQ(a.claims[1].evidence.backing, Backing::kOfficial);
  EXPECT_EQ(a.claims[2].evidence.backing, Backing::kOfficial);
  EXPECT_TRUE(a.claims[2].evidence.backing_carried);
  EXPECT_EQ(a.claims[3].evidence.backing, Backing::kNone);
}

// Each claim's speaker span is the attribution that set its backing, in
// bytes ("Zoë" is three bytes); a carried one is the earlier claim's.
TEST(ScorerTest, SpeakerSpansFollowTheBacking) {
  const std::string text =
      "Port to reopen on Monday\n"
      "Transport Minister Zo\xC3\xAB Berg said the port would reopen on "
      "Monday. She added that repairs had cost two million euros. Dock "
      "worker Sam Ortiz said the cranes were back in use. A person familiar "
      "with the repairs said the cost may rise. The harbour was closed for "
      "three weeks.\n";
  struct Expected {
    Backing backing;
    bool carried;
    size_t begin, end;
    const char* words;
    bool earlier_claim;
  };
  const Expected expected[] = {
      {Backing::kNone, false, 0, 0, "", false},
      {Backing::kOfficial, false, 25, 53, "Transport Minister Zo\xC3\xAB Berg",
       false},
      {Backing::kOfficial, true, 25, 53, "Transport Minister Zo\xC3\xAB Berg",
       true},
      {Backing::kNamed, false, 143, 164, "Dock worker Sam Ortiz", false},
      {Backing::kAnonymous, false, 201, 221, "person familiar with", false},
      {Backing::kNone, false, 0, 0, "", false},
  };
  const ArticleScore a = Default().ScoreArticle(text);
  ASSERT_EQ(a.claims.size(), std::size(expected));
  for (size_t k = 0; k < std::size(expected); ++k) {
    SCOPED_TRACE("claim " + std::to_string(k));
    const ClaimEvidence& ev = a.claims[k].evidence;
    const Expected& e = expected[k];
    EXPECT_EQ(ev.backing, e.backing);
    EXPECT_EQ(ev.backing_carried, e.carried);
    EXPECT_EQ(ev.backer.begin, e.begin);
    EXPECT_EQ(ev.backer.end, e.end);
    EXPECT_EQ(text.substr(ev.backer.begin, ev.backer.end - ev.backer.begin),
              e.words);
    EXPECT_EQ(ev.backer.earlier_claim, e.earlier_claim);
  }
  // The claims by backing, counted from the claims and by ScoreTotals.
  const BackingCounts counts = {2, 0, 1, 0, 1, 0, 0, 2};
  EXPECT_EQ(CountBackings(a), counts);
  EXPECT_EQ(Default().ScoreTotals(text, SplitArticle(text)).backing, counts);
}

// A model with article weights scores the article with them, on the mean
// of the claims' features.
TEST(ScorerTest, ArticleWeightsScoreTheMeanFeatures) {
  LinearModel model = LinearModel::LoadFile(CREDENCE_MODELS "/prior.model");
  std::vector<double> article(model.weights().size(), 0.0);
  article[0] = -6.0;  // hedge
  model.SetArticleWeights(1.0, article);
  const Scorer scorer(Extractor(DefaultLexicons()), model);
  const std::string text =
      "Kim may visit Russia\n"
      "The ministry confirmed the visit. Sources said it was planned.\n";
  const ArticleScore a = scorer.ScoreArticle(text);
  ASSERT_EQ(a.claims.size(), 3u);
  // Claims keep the claim weights.
  EXPECT_NEAR(a.claims[0].logit, 0.5 - 2 * std::log(1.4), 1e-15);
  // hedge features log 1.4, 0, 0: mean log 1.4 / 3; 1 - 2 log 1.4 = 0.327056.
  EXPECT_NEAR(a.logit, 1 - 2 * std::log(1.4), 1e-15);
  EXPECT_NEAR(a.score, Logistic(1 - 2 * std::log(1.4)), 1e-15);
}

// A model with article features adds their weighted values to the
// article's logit, in ScoreArticle and ScoreTotals alike; the claims keep
// their own scores.
TEST(ScorerTest, ArticleFeaturesAddToTheArticleLogit) {
  LinearModel model = LinearModel::LoadFile(CREDENCE_MODELS "/prior.model");
  std::vector<double> article(model.weights().size(), 0.0);
  article.push_back(2.0);  // dateline
  article.push_back(1.0);  // speech_verbs
  model.SetArticleWeights(0.5, article, {"dateline", "speech_verbs"});
  const Scorer scorer(Extractor(DefaultLexicons()), model);
  const std::string text =
      "Port reopens\n"
      "HAMBURG (Reuters) - The port reopened, officials said.\n";
  const ArticleScore a = scorer.ScoreArticle(text);
  ASSERT_EQ(a.claims.size(), 2u);
  EXPECT_EQ(a.claims[1].confidence,
            Default().ScoreArticle(text).claims[1].confidence);
  // A dateline; "said" once in 2 + 8 words, counted as 100: log(1 + 1).
  EXPECT_NEAR(a.logit, 0.5 + 2.0 + std::log(2.0), 1e-15);
  EXPECT_EQ(scorer.ScoreTotals(text, SplitArticle(text)).logit, a.logit);
  const std::vector<double> values = ArticleFeatureValues(text, a);
  const double want[] = {std::log(2.0), 0, std::log(2.0), 1};  // HAMBURG
  ASSERT_EQ(values.size(), 4u);
  for (size_t k = 0; k < 4; ++k) EXPECT_NEAR(values[k], want[k], 1e-15) << k;
}

TEST(ScorerTest, RefusesAnUnknownArticleFeature) {
  LinearModel model = LinearModel::LoadFile(CREDENCE_MODELS "/prior.model");
  std::vector<double> article(model.weights().size() + 1, 0.0);
  model.SetArticleWeights(0.0, article, {"exclamations"});
  try {
    Scorer scorer(Extractor(DefaultLexicons()), model);
    FAIL() << "built";
  } catch (const std::invalid_argument& e) {
    EXPECT_NE(std::string(e.what()).find(
                  "weighs an unknown article feature 'exclamations' (known: "
                  "speech_verbs, quote_marks, all_caps, dateline)"),
              std::string::npos)
        << e.what();
  }
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

constexpr char kEmpty[] =
    "empty input (nothing to score: give a headline line, then the article)";
constexpr char kUtf16[] =
    "UTF-16 text (credence reads UTF-8; convert it, e.g. iconv -f utf-16 -t "
    "utf-8)";

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
      // What the splitter skips counts as white space too: these once
      // scored as an article of no claims, "article score 0.00", exit 0.
      {"byte order mark only", "\xEF\xBB\xBF",
       "empty input (nothing to score: give a headline line, then the "
       "article)"},
      {"byte order mark and blank lines", "\xEF\xBB\xBF \r\n\n\t",
       "empty input (nothing to score: give a headline line, then the "
       "article)"},
      {"no-break spaces", "\xC2\xA0\n \xC2\xA0\xC2\xA0\n",
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
      // Unicode white space and line ends alone are no claim either.
      {"line separators", "\xE2\x80\xA8\xE2\x80\xA8", kEmpty},
      {"paragraph separator", "\xE2\x80\xA9\n", kEmpty},
      {"next line", "\xC2\x85\xC2\x85", kEmpty},
      {"ideographic space", "\xE3\x80\x80", kEmpty},
      {"narrow no-break space", "\xE2\x80\xAF \xE2\x80\xAF", kEmpty},
      {"thin and hair spaces", "\xE2\x80\x89\xE2\x80\x8A", kEmpty},
      {"three byte order marks", "\xEF\xBB\xBF\xEF\xBB\xBF\xEF\xBB\xBF",
       kEmpty},
      {"carriage returns", "\r\r \r", kEmpty},
      // Windows-1252 curly quotes: latin1 would turn them into controls.
      {"latin1 after CR line ends", "Head\rline\r\nab\xE9",
       "3:3: invalid UTF-8 (byte 0xE9; convert the text to UTF-8, e.g. iconv "
       "-f latin1 -t utf-8)"},
      {"cp1252 apostrophe", "Headline\ndon\x92t go",
       "2:4: invalid UTF-8 (byte 0x92; convert the text to UTF-8, e.g. iconv "
       "-f cp1252 -t utf-8)"},
      {"cp1252 after latin1", "Caf\xE9 \x93open\x94",
       "1:4: invalid UTF-8 (byte 0xE9; convert the text to UTF-8, e.g. iconv "
       "-f cp1252 -t utf-8)"},
      {"utf-16le with bom", std::string("\xFF\xFEH\0i\0", 6), kUtf16},
      {"utf-16be with bom", std::string("\xFE\xFF\0H\0i", 6), kUtf16},
      {"utf-16le without bom", std::string("H\0e\0a\0d\0", 8), kUtf16},
      {"utf-16be without bom", std::string("\0H\0e\0a\0d", 8), kUtf16},
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
  std::vector<std::string> names = DefaultModel().feature_names();
  std::vector<double> weights(names.size(), 1.0);
  names[1] = "rumor";  // booster is missing, rumor unknown
  try {
    Scorer s(Extractor(DefaultLexicons()),
             LinearModel("other", 0.0, names, weights));
    FAIL() << "accepted";
  } catch (const std::invalid_argument& e) {
    EXPECT_STREQ(e.what(),
                 "model 'other' does not fit the lexicons: features the "
                 "model lacks: booster; features the lexicons lack: rumor");
  }
  names = DefaultModel().feature_names();
  std::swap(names[0], names[1]);
  try {
    Scorer s(Extractor(DefaultLexicons()),
             LinearModel("reordered", 0.0, names, weights));
    FAIL() << "accepted";
  } catch (const std::invalid_argument& e) {
    EXPECT_EQ(std::string(e.what()).substr(0, 81),
              "model 'reordered' lists the features in another order "
              "(expected: hedge, booster, ");
  }
}

// ScoreClaim into a reused ScoredClaim gives what a fresh call gives.
TEST(ScorerTest, ReusedClaimMatchesFreshOne) {
  const std::vector<std::string> texts = {
      "The ministry confirmed the visit, officials said.", "",
      "Sources say it may rain.", "Stocks rose."};
  ExtractScratch scratch;
  ScoredClaim reused;
  for (const std::string& text : texts) {
    SCOPED_TRACE(text);
    const ScoredClaim fresh = Default().ScoreClaim(text, {0, text.size()});
    Default().ScoreClaim(text, {0, text.size()}, Backing::kNone, &scratch,
                         &reused);
    EXPECT_EQ(reused.evidence.cues.size(), fresh.evidence.cues.size());
    EXPECT_EQ(reused.evidence.features, fresh.evidence.features);
    EXPECT_EQ(reused.contributions, fresh.contributions);
    EXPECT_EQ(reused.cue_contributions, fresh.cue_contributions);
    EXPECT_EQ(reused.logit, fresh.logit);
    EXPECT_EQ(reused.confidence, fresh.confidence);
  }
}

}  // namespace
}  // namespace credence
