// Features of a whole article, counted claim by claim (article_features.h).
#include "features/article_features.h"

#include <algorithm>
#include <cmath>
#include <cstdint>

namespace credence {
namespace {

bool IsSpace(char c) {
  return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f' ||
         c == '\v';
}
bool IsUpper(char c) { return c >= 'A' && c <= 'Z'; }
bool IsLetter(char c) { return IsUpper(c) || (c >= 'a' && c <= 'z'); }
char Lower(char c) { return IsUpper(c) ? static_cast<char>(c - 'A' + 'a') : c; }

// Whether `word` is `lower` in any case; `lower` is lower case.
bool EqualsFolded(std::string_view word, std::string_view lower) {
  if (word.size() != lower.size()) return false;
  for (size_t i = 0; i < word.size(); ++i) {
    if (Lower(word[i]) != lower[i]) return false;
  }
  return true;
}

bool IsSpeechVerb(std::string_view word) {
  return word.size() == 4 &&
         (EqualsFolded(word, "said") || EqualsFolded(word, "says") ||
          EqualsFolded(word, "told"));
}

bool IsAllCaps(std::string_view word) {
  if (word.size() < 3) return false;
  for (char c : word) {
    if (!IsUpper(c)) return false;
  }
  return true;
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

// The byte classes Add reads.
constexpr uint8_t kSpace = 1, kLetter = 2, kQuote = 4;
struct ByteClasses {
  uint8_t of[256] = {};
  ByteClasses() {
    for (int c = 0; c < 256; ++c) {
      const char ch = static_cast<char>(c);
      of[c] = static_cast<uint8_t>((IsSpace(ch) ? kSpace : 0) |
                                   (IsLetter(ch) ? kLetter : 0) |
                                   (ch == '"' ? kQuote : 0));
    }
  }
};

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
  // One pass over the bytes by class: words start after white space,
  // letter runs are where the verbs and capitals are looked for, and
  // quotation marks count anywhere.
  static const ByteClasses classes;
  bool after_space = true;
  size_t run = std::string_view::npos;  // start of the current letter run
  for (size_t i = 0; i < claim.size(); ++i) {
    const uint8_t k = classes.of[static_cast<unsigned char>(claim[i])];
    if ((k & kLetter) == 0 && run != std::string_view::npos) {
      CountWord(claim.substr(run, i - run));
      run = std::string_view::npos;
    } else if ((k & kLetter) != 0 && run == std::string_view::npos) {
      run = i;
    }
    words_ += (k & kSpace) == 0 && after_space;
    after_space = (k & kSpace) != 0;
    if ((k & kQuote) != 0) {
      ++quote_marks_;
    } else if (claim[i] == '\xE2' && i + 2 < claim.size() &&
               claim[i + 1] == '\x80' &&
               (claim[i + 2] == '\x9C' || claim[i + 2] == '\x9D')) {
      // U+201C and U+201D are E2 80 9C and E2 80 9D.
      ++quote_marks_;
    }
  }
  if (run != std::string_view::npos) CountWord(claim.substr(run));
}

void ArticleFeatureSum::CountWord(std::string_view word) {
  speech_verbs_ += IsSpeechVerb(word);
  all_caps_ += IsAllCaps(word);
}

std::vector<double> ArticleFeatureSum::Values() const {
  return {LogDensity(speech_verbs_, words_), LogDensity(quote_marks_, words_),
          LogDensity(all_caps_, words_), dateline_ ? 1.0 : 0.0};
}

}  // namespace credence
