// Features of a whole article that no single claim shows: how much of it
// is reported speech and quotation, how much is shouted, and whether it
// opens with a dateline. They tell wire and newspaper copy from the
// hyperpartisan and fake-news sites better than the mean of the claims'
// features does.
//
// Call order: one ArticleFeatureSum per article; Add() each claim's text
// in order, the headline first; then Values().
//
//   credence::ArticleFeatureSum sum;
//   for (const Span& claim : claims) sum.Add(text.substr(claim.begin, ...));
//   std::vector<double> x = sum.Values();  // ArticleFeatureNames() order
//
// The features, in order (a density is a count per 100 words of the
// claims, words being runs of non-space bytes and the headline counting;
// a text under 100 words counts as 100, so that a line or two, which
// shows little of an article's style, gives low densities):
//   speech_verbs  log(1 + density of "said", "says", "told"): the
//                 reporting verbs of attributed news copy (any case).
//   quote_marks   log(1 + density of double quotation marks: '"', U+201C,
//                 U+201D): quoted speakers.
//   all_caps      log(1 + density of words of three or more letters all
//                 in capitals, A-Z): shouting (acronyms count too).
//   dateline      1 when the first claim after the headline opens with a
//                 dateline: a place in capitals, an optional "(Agency)",
//                 then a dash ("WASHINGTON (Reuters) -", "LONDON —"); else 0.
#ifndef CREDENCE_FEATURES_ARTICLE_FEATURES_H_
#define CREDENCE_FEATURES_ARTICLE_FEATURES_H_

#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

namespace credence {

// The names of the article features, in the order Values() gives them.
const std::vector<std::string>& ArticleFeatureNames();
// The sign each one's weight must have when tuned with signs (as
// Extractor::FeatureDirections): +1 for the marks of attributed news
// copy (speech verbs, quotation marks, a dateline), -1 for shouting.
const std::vector<int>& ArticleFeatureDirections();

// Whether `claim` opens with a dateline, as the dateline feature reads it.
bool OpensWithDateline(std::string_view claim);

class ArticleFeatureSum {
 public:
  // The next claim of the article; the first one added is the headline.
  void Add(std::string_view claim);
  // One value a name of ArticleFeatureNames(); zeros before any Add().
  std::vector<double> Values() const;

 private:
  void CountWord(std::string_view word);

  size_t claims_ = 0;
  size_t words_ = 0;
  size_t speech_verbs_ = 0;
  size_t quote_marks_ = 0;
  size_t all_caps_ = 0;
  bool dateline_ = false;
};

}  // namespace credence

#endif  // CREDENCE_FEATURES_ARTICLE_FEATURES_H_
