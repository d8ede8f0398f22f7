// Tests of the phrase trie.
#include "features/phrase_matcher.h"

#include <gtest/gtest.h>

#include <algorithm>
#include <cstdint>
#include <string>
#include <thread>
#include <tuple>
#include <vector>

#include "features/lexicon.h"
#include "features/tokenizer.h"

namespace credence {
namespace {

// (first_token, last_token, payload), comparable and printable.
using M = std::tuple<size_t, size_t, uint32_t>;

struct Phrase {
  std::vector<std::string> tokens;
  uint32_t payload;
};

TokenList Toks(const std::string& text) {
  return Tokenize(text, 0, text.size());
}

std::vector<M> Find(const PhraseMatcher& matcher, const std::string& text) {
  std::vector<PhraseMatch> matches;
  matcher.FindAll(Toks(text).tokens(), &matches);
  std::vector<M> out;
  for (const PhraseMatch& m : matches) {
    out.emplace_back(m.first_token, m.last_token, m.payload);
  }
  return out;
}

PhraseMatcher Build(const std::vector<Phrase>& phrases) {
  PhraseMatcher matcher;
  for (const Phrase& p : phrases) matcher.Add(p.tokens, p.payload);
  return matcher;
}

TEST(PhraseMatcherTest, FindAll) {
  struct Case {
    const char* name;
    std::vector<Phrase> phrases;
    std::string text;
    std::vector<M> expected;
  };
  const std::vector<Phrase> kOverlapping = {
      {{"people", "familiar", "with"}, 1},
      {{"familiar", "with", "the", "matter"}, 2},
  };
  const Case kCases[] = {
      // he[0] reportedly[1] left[2] .[3]
      {"SingleWord", {{{"reportedly"}, 1}}, "He reportedly left.", {{1, 2, 1}}},
      {"SingleWordTwice",
       {{{"may"}, 4}},
       "may or may not",
       {{0, 1, 4}, {2, 3, 4}}},
      {"MultiWord",
       {{{"according", "to"}, 7}},
       "according to officials",
       {{0, 2, 7}}},
      // according[0] to[1] him[2] ,[3] according[4] to[5] her[6]
      {"MultiWordTwice",
       {{{"according", "to"}, 7}},
       "according to him, according to her",
       {{0, 2, 7}, {4, 6, 7}}},
      {"MultiWordAtEnd",
       {{{"according", "to"}, 7}},
       "he said according to",
       {{2, 4, 7}}},
      {"PhraseLongerThanRemainingTokens",
       {{{"according", "to"}, 7}},
       "he said according",
       {}},
      {"PhraseInterruptedByKnownWord",
       {{{"according", "to"}, 7}},
       "according according to",
       {{1, 3, 7}}},
      {"PhraseInterruptedByUnknownWord",
       {{{"according", "to"}, 7}},
       "according xyz to",
       {}},
      // people[0] familiar[1] with[2] the[3] matter[4] said[5]
      {"Overlapping",
       kOverlapping,
       "people familiar with the matter said",
       {{0, 3, 1}, {1, 5, 2}}},
      {"OverlappingOnlySecond",
       kOverlapping,
       "those familiar with the matter",
       {{1, 5, 2}}},
      // it[0] may[1] have[2] been[3]
      {"PrefixPhrases",
       {{{"may"}, 1}, {{"may", "have"}, 2}},
       "it may have been",
       {{1, 2, 1}, {1, 3, 2}}},
      {"PrefixPhrasesAddedLongestFirst",
       {{{"may", "have"}, 2}, {{"may"}, 1}},
       "it may have been",
       {{1, 2, 1}, {1, 3, 2}}},
      {"PrefixPhraseOnlyShortMatches",
       {{{"may"}, 1}, {{"may", "have"}, 2}},
       "it may be",
       {{1, 2, 1}}},
      {"LongerPhraseWithoutItsPrefixRegistered",
       {{{"is", "said", "to"}, 3}},
       "he is said to be",
       {{1, 4, 3}}},
      {"SharedPrefixDiverges",
       {{{"is", "said", "to"}, 1}, {{"is", "believed", "to"}, 2}},
       "is believed to",
       {{0, 3, 2}}},
      // a[0] b[1] c[2]: by first token, then shorter first.
      {"OrderByFirstTokenThenLength",
       {{{"b", "c"}, 5},
        {{"a", "b", "c"}, 4},
        {{"b"}, 3},
        {{"a", "b"}, 2},
        {{"a"}, 1}},
       "a b c",
       {{0, 1, 1}, {0, 2, 2}, {0, 3, 4}, {1, 2, 3}, {1, 3, 5}}},
      {"WordInTwoPhrasesAtDifferentPositions",
       {{{"to", "say"}, 1}, {{"according", "to"}, 2}},
       "according to say",
       {{0, 2, 2}, {1, 3, 1}}},
      {"RepeatedWordPhraseOverlapsItself",
       {{{"very", "very"}, 1}},
       "very very very",
       {{0, 2, 1}, {1, 3, 1}}},
      {"NoMatch",
       {{{"according", "to"}, 7}, {{"reportedly"}, 1}},
       "officials confirmed it",
       {}},
      {"NothingAdded", {}, "according to officials", {}},
      {"EmptyText", {{{"reportedly"}, 1}}, "", {}},
      // Matching is on normalized tokens.
      {"CaseInsensitive",
       {{{"sources", "said"}, 1}},
       "Sources SAID",
       {{0, 2, 1}}},
      {"CurlyApostrophe",
       {{{"didn't", "confirm"}, 1}},
       "didn\xE2\x80\x99t confirm",
       {{0, 2, 1}}},
      // U[0] .[1] S[2] .[3] officials[4]
      {"PunctuationTokens",
       {{{"u", ".", "s", ".", "officials"}, 9}},
       "The U.S. officials",
       {{1, 6, 9}}},
      {"NonAsciiWord",
       {{{"z\xC3\xBCrich", "police"}, 6}},
       "Z\xC3\xBCrich police said",
       {{0, 2, 6}}},
      {"PayloadExtremes",
       {{{"a"}, 0}, {{"b"}, UINT32_MAX}},
       "b a",
       {{0, 1, UINT32_MAX}, {1, 2, 0}}},
  };
  for (const auto& c : kCases) {
    SCOPED_TRACE(c.name);
    EXPECT_EQ(Find(Build(c.phrases), c.text), c.expected);
  }
}

TEST(PhraseMatcherTest, SamePhraseWithTwoPayloadsReportsBoth) {
  PhraseMatcher matcher;
  matcher.Add({"sources", "said"}, 3);
  matcher.Add({"sources"}, 1);
  matcher.Add({"sources", "said"}, 5);
  // officials[0] and[1] sources[2] said[3]
  std::vector<M> got = Find(matcher, "officials and sources said");
  // The header orders by first token, then length; it leaves the order of
  // payloads on one span open, so compare those as a set.
  ASSERT_EQ(got.size(), 3u);
  EXPECT_EQ(got[0], M(2, 3, 1));
  std::sort(got.begin() + 1, got.end());
  EXPECT_EQ(got[1], M(2, 4, 3));
  EXPECT_EQ(got[2], M(2, 4, 5));
}

TEST(PhraseMatcherTest, FindAllAppendsToExistingMatches) {
  PhraseMatcher matcher;
  matcher.Add({"reportedly"}, 2);
  std::vector<PhraseMatch> matches = {{9, 10, 42}};
  matcher.FindAll(Toks("it reportedly fell").tokens(), &matches);
  ASSERT_EQ(matches.size(), 2u);
  EXPECT_EQ(
      M(matches[0].first_token, matches[0].last_token, matches[0].payload),
      M(9, 10, 42));
  EXPECT_EQ(
      M(matches[1].first_token, matches[1].last_token, matches[1].payload),
      M(1, 2, 2));
}

// WordIds compares words a token's hash points at in blocks of 8, 4 or 2
// bytes: every length finds its word, and a word that differs in any one
// byte is told apart even when its hash matches (forced here).
TEST(PhraseMatcherTest, WordIdsComparesEveryByteOfEveryLength) {
  const std::string letters = "abcdefghijklmnopqrstuvwxyz";
  PhraseMatcher matcher;
  for (size_t n = 1; n <= letters.size(); ++n) {
    matcher.Add({letters.substr(0, n)}, static_cast<uint32_t>(n));
  }
  for (size_t n = 1; n <= letters.size(); ++n) {
    const std::string word = letters.substr(0, n);
    SCOPED_TRACE(word);
    std::vector<std::string> texts = {word};
    for (size_t k = 0; k < n; ++k) {
      std::string other = word;
      other[k] = 'Z';
      texts.push_back(other);
    }
    std::vector<Token> tokens(texts.size());
    for (size_t t = 0; t < texts.size(); ++t) {
      tokens[t].norm = texts[t];
      tokens[t].hash = HashWord(word);
    }
    std::vector<uint32_t> ids;
    matcher.WordIds(tokens, &ids);
    ASSERT_EQ(ids.size(), tokens.size());
    EXPECT_EQ(ids[0], matcher.WordId(word));
    EXPECT_NE(ids[0], PhraseMatcher::kNoWord);
    for (size_t t = 1; t < ids.size(); ++t) {
      EXPECT_EQ(ids[t], PhraseMatcher::kNoWord) << texts[t];
    }
  }
}

TEST(PhraseMatcherTest, AddAfterFindAllIsSeenByLaterCalls) {
  PhraseMatcher matcher;
  matcher.Add({"may"}, 1);
  EXPECT_EQ(Find(matcher, "it may have"), (std::vector<M>{{1, 2, 1}}));
  matcher.Add({"may", "have"}, 2);
  EXPECT_EQ(Find(matcher, "it may have"),
            (std::vector<M>{{1, 2, 1}, {1, 3, 2}}));
}

TEST(PhraseMatcherTest, MatchesEveryFormOfALexiconEntry) {
  const Lexicon lexicon = ParseLexicon("is|are rumored|rumoured to\nconfirm+\n",
                                       "hedge", "lex.txt");
  PhraseMatcher matcher;
  for (size_t i = 0; i < lexicon.entries.size(); ++i) {
    for (const auto& form : lexicon.entries[i].forms) {
      matcher.Add(form, static_cast<uint32_t>(i));
    }
  }
  // They[0] are[1] rumoured[2] to[3] have[4] confirmed[5] it[6] .[7]
  EXPECT_EQ(Find(matcher, "They are rumoured to have confirmed it."),
            (std::vector<M>{{1, 4, 0}, {5, 6, 1}}));
  EXPECT_EQ(Find(matcher, "Is rumored to, confirming"),
            (std::vector<M>{{0, 3, 0}, {4, 5, 1}}));
  EXPECT_EQ(Find(matcher, "was rumored to confirms"),
            (std::vector<M>{{3, 4, 1}}));
}

TEST(PhraseMatcherTest, ConcurrentFindAllOnSharedMatcher) {
  PhraseMatcher matcher;
  matcher.Add({"people", "familiar", "with"}, 1);
  matcher.Add({"familiar", "with", "the", "matter"}, 2);
  const PhraseMatcher& shared = matcher;
  const std::vector<M> expected = {{0, 3, 1}, {1, 5, 2}};
  std::vector<std::vector<M>> results(4);
  std::vector<std::thread> threads;
  for (auto& result : results) {
    threads.emplace_back([&shared, &result] {
      for (int i = 0; i < 200; ++i) {
        result = Find(shared, "people familiar with the matter said");
      }
    });
  }
  for (auto& t : threads) t.join();
  for (const auto& result : results) EXPECT_EQ(result, expected);
}

}  // namespace
}  // namespace credence
