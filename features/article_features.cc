#include "features/article_features.h"

#include <algorithm>
#include <cmath>

namespace credence {
namespace {

bool IsSpace(char c) {
  return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f' ||
         c == '\v';
}
bool IsUpper(char c) { return c >= 'A' && c <= 'Z'; }
bool IsLetter(char c) { return IsUpper(c) || (c >= 'a' && c <= 'z'); }
char Lower(char c) { return IsUpper(c) ? static_cast<char>(c - 'A' + 'a') : c; }

size_t CountWords(std::string_view s) {
  size_t words = 0;
  for (size_t i = 0; i < s.size(); ++i) {
    if (!IsSpace(s[i]) && (i == 0 || IsSpace(s[i - 1]))) ++words;
  }
  return words;
}

bool IsSpeechVerb(std::string_view word) {
  if (word.size() != 4) return false;
  std::string lower(word);
  for (char& c : lower) c = Lower(c);
  return lower == "said" || lower == "says" || lower == "told";
}

bool IsAllCaps(std::string_view word) {
  if (word.size() < 3) return false;
  for (char c : word) {
    if (!IsUpper(c)) return false;
  }
  return true;
}

// Calls f on each maximal run of ASCII letters.
template <typename F>
void ForEachLetterRun(std::string_view s, F f) {
  for (size_t i = 0; i < s.size();) {
    if (!IsLetter(s[i])) {
      ++i;
      continue;
    }
    size_t j = i;
    while (j < s.size() && IsLetter(s[j])) ++j;
    f(s.substr(i, j - i));
    i = j;
  }
}

size_t CountQuoteMarks(std::string_view s) {
  size_t marks = 0;
  for (size_t i = 0; i < s.size(); ++i) {
    if (s[i] == '"') ++marks;
    // U+201C and U+201D are E2 80 9C and E2 80 9D.
    if (s.compare(i, 3, "\xE2\x80\x9C") == 0 ||
        s.compare(i, 3, "\xE2\x80\x9D") == 0) {
      ++marks;
    }
  }
  return marks;
}

// Skips spaces from i; returns the first index that is not one.
size_t SkipSpaces(std::string_view s, size_t i) {
  while (i < s.size() && IsSpace(s[i])) ++i;
  return i;
}

// The dash after a dateline: '-', U+2013 or U+2014; its length or 0.
size_t DashLength(std::string_view s, size_t i) {
  if (i < s.size() && s[i] == '-') return 1;
  if (s.compare(i, 3, "\xE2\x80\x93") == 0 ||
      s.compare(i, 3, "\xE2\x80\x94") == 0) {
    return 3;
  }
  return 0;
}

// Texts under kMinWords words count as that many.
constexpr size_t kMinWords = 100;

double LogDensity(size_t count, size_t words) {
  return std::log1p(100.0 * static_cast<double>(count) /
                    static_cast<double>(std::max(words, kMinWords)));
}

}  // namespace

const std::vector<std::string>& ArticleFeatureNames() {
  static const std::vector<std::string> names = {"speech_verbs", "quote_marks",
                                                 "all_caps", "dateline"};
  return names;
}

const std::vector<int>& ArticleFeatureDirections() {
  static const std::vector<int> directions = {+1, +1, -1, +1};
  return directions;
}

bool OpensWithDateline(std::string_view claim) {
  size_t i = SkipSpaces(claim, 0);
  // The place: capitals, spaces, commas, periods, apostrophes, hyphens
  // between letters ("WINSTON-SALEM"), at least three letters in all.
  size_t letters = 0;
  for (; i < claim.size(); ++i) {
    const char c = claim[i];
    if (IsUpper(c)) {
      ++letters;
    } else if (c == '-' && i + 1 < claim.size() && IsUpper(claim[i + 1]) &&
               letters > 0) {
      continue;
    } else if (c != ' ' && c != ',' && c != '.' && c != '\'') {
      break;
    }
  }
  if (letters < 3) return false;
  if (i < claim.size() && claim[i] == '(') {
    const size_t close = claim.find(')', i);
    if (close == std::string_view::npos) return false;
    i = SkipSpaces(claim, close + 1);
  }
  return DashLength(claim, i) > 0;
}

void ArticleFeatureSum::Add(std::string_view claim) {
  if (claims_ == 1) dateline_ = OpensWithDateline(claim);
  ++claims_;
  words_ += CountWords(claim);
  quote_marks_ += CountQuoteMarks(claim);
  ForEachLetterRun(claim, [this](std::string_view word) {
    if (IsSpeechVerb(word)) ++speech_verbs_;
    if (IsAllCaps(word)) ++all_caps_;
  });
}

std::vector<double> ArticleFeatureSum::Values() const {
  return {LogDensity(speech_verbs_, words_), LogDensity(quote_marks_, words_),
          LogDensity(all_caps_, words_), dateline_ ? 1.0 : 0.0};
}

}  // namespace credence
