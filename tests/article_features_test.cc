// Article features on invented articles: each case lists its claims and
// the counts a reader makes by hand (words, speech verbs, quotation marks,
// all-caps words), from which the expected values follow.
#include "features/article_features.h"

#include <gtest/gtest.h>

#include <algorithm>
#include <cmath>
#include <string>
#include <vector>

namespace credence {
namespace {

struct Case {
  std::vector<std::string> claims;  // headline first
  int words, speech, quotes, caps;
  bool dateline;
};

// A text under 100 words counts as 100.
double LogDensity(int count, int words) {
  return std::log1p(100.0 * count / std::max(words, 100));
}

std::string Repeat(const std::string& word, int n) {
  std::string s;
  for (int i = 0; i < n; ++i) s += word + " ";
  return s;
}

TEST(ArticleFeaturesTest, NamesInValueOrder) {
  EXPECT_EQ(ArticleFeatureNames(),
            (std::vector<std::string>{"speech_verbs", "quote_marks", "all_caps",
                                      "dateline"}));
}

TEST(ArticleFeaturesTest, CountsPerHundredWordsOfTheClaims) {
  const std::vector<Case> cases = {
      // Wire copy: a dateline (its place in capitals counts as all caps),
      // "said" and "told", one quotation.
      {{"Port reopens after storm",
        "HAMBURG (Reuters) - The port reopened on Monday, officials said.",
        "\"We are open,\" harbour master Lena Vogt told reporters."},
       4 + 10 + 9,
       2,
       2,
       1,
       true},
      // Shouting and second person, no attribution: "THEY" and "LYING"
      // are all caps, "YOU" too; "OK" is too short.
      {{"THEY Are LYING To YOU", "OK, this is the truth nobody says!"},
       5 + 7,
       1,
       0,
       3,
       false},
      // Curly quotation marks count one each; "Said" and "TOLD" in any
      // case; "saying", "sayso" and "retold" are other words.
      {{"Minister quits", "\u201cEnough,\u201d Berg Said, TOLD saying retold."},
       2 + 6,
       2,
       2,
       1,
       false},
      // A dash after a capitalised headline word is no dateline: only the
      // first claim after the headline can hold one.
      {{"PARIS - Talks resume", "Nothing new today."}, 4 + 3, 0, 0, 1, false},
      // Words are runs of non-space bytes; tabs and newlines separate.
      {{"One\ttwo\nthree", "four  five"}, 5, 0, 0, 0, false},
      // Past 100 words the density is per the words there are.
      {{"Long read", Repeat("word", 197) + "she said.", "\"Yes.\""},
       2 + 199 + 1,
       1,
       2,
       0,
       false},
  };
  for (const Case& c : cases) {
    ArticleFeatureSum sum;
    for (const std::string& claim : c.claims) sum.Add(claim);
    const std::vector<double> want = {
        LogDensity(c.speech, c.words), LogDensity(c.quotes, c.words),
        LogDensity(c.caps, c.words), c.dateline ? 1.0 : 0.0};
    const std::vector<double> got = sum.Values();
    ASSERT_EQ(got.size(), want.size());
    for (size_t k = 0; k < want.size(); ++k) {
      EXPECT_NEAR(got[k], want[k], 1e-15) << c.claims[1] << " feature " << k;
    }
  }
}

TEST(ArticleFeaturesTest, NoClaimsGiveZeros) {
  EXPECT_EQ(ArticleFeatureSum().Values(),
            (std::vector<double>{0.0, 0.0, 0.0, 0.0}));
}

TEST(ArticleFeaturesTest, Datelines) {
  const struct {
    const char* claim;
    bool want;
  } cases[] = {
      {"WASHINGTON (Reuters) - The Senate voted.", true},
      {"LONDON \u2014 Prices rose.", true},
      {"  NEW YORK, N.Y. \u2013 A fire broke out.", true},
      {"WINSTON-SALEM, N.C. (AP) - Schools closed.", true},
      {"Washington (CNN) - The Senate voted.", false},   // not capitals
      {"UK - Prices rose.", false},                      // two letters
      {"US President said - nothing.", false},           // words follow
      {"WASHINGTON (Reuters The Senate voted.", false},  // no ')'
      {"WASHINGTON The Senate voted.", false},           // no dash
      {"", false},
  };
  for (const auto& c : cases) {
    EXPECT_EQ(OpensWithDateline(c.claim), c.want) << c.claim;
  }
}

}  // namespace
}  // namespace credence
