// WordSet's open addressing table (word_set.h).
#include "features/word_set.h"

namespace credence {

WordSet::WordSet(std::initializer_list<std::string_view> words) {
  size_t size = 8;
  while (size < words.size() * 4) size *= 2;
  slots_.resize(size);
  mask_ = size - 1;
  for (const std::string_view word : words) {
    if (Contains(word)) continue;
    const uint64_t hash = HashWord(word);
    size_t i = hash & mask_;
    while (!slots_[i].word.empty()) i = (i + 1) & mask_;
    slots_[i] = {hash, word};
  }
}

}  // namespace credence
