// A fixed set of normalized words that rules test tokens against.
//
// Call order: build once (a function-local static), then Contains() from
// any thread.
//
//   static const WordSet kModals = {"will", "would", "could"};
//   if (kModals.Contains(tokens[i])) ...
//
// A token carries its HashWord hash, so a test is a probe or two into an
// open addressing table and at most one string comparison: cheaper than
// std::unordered_set, which hashes the word again on every test.
#ifndef CREDENCE_FEATURES_WORD_SET_H_
#define CREDENCE_FEATURES_WORD_SET_H_

#include <cstddef>
#include <cstdint>
#include <initializer_list>
#include <string_view>
#include <vector>

#include "features/tokenizer.h"

namespace credence {

class WordSet {
 public:
  // The words must be normalized (lower case, straight quotes), non-empty
  // and outlive the set (string literals do).
  WordSet(std::initializer_list<std::string_view> words);

  bool Contains(const Token& token) const {
    return Contains(token.norm, token.hash);
  }
  bool Contains(std::string_view word) const {
    return Contains(word, HashWord(word));
  }

 private:
  bool Contains(std::string_view word, uint64_t hash) const {
    for (size_t i = hash & mask_; !slots_[i].word.empty();
         i = (i + 1) & mask_) {
      if (slots_[i].hash == hash && slots_[i].word == word) return true;
    }
    return false;
  }

  struct Slot {
    uint64_t hash = 0;
    std::string_view word;  // empty: a free slot
  };
  std::vector<Slot> slots_;  // a power of two, at most a quarter full
  size_t mask_ = 0;
};

}  // namespace credence

#endif  // CREDENCE_FEATURES_WORD_SET_H_
