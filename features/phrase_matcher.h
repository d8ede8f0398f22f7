// Finds every occurrence of a set of token sequences in a token stream.
//
// Call order: Add() every phrase, then FindAll() as often as needed (const,
// safe to share between threads).
//
//   PhraseMatcher m;
//   m.Add({"according", "to"}, 7);
//   m.FindAll(Tokenize(text, 0, text.size()), &matches);  // payload 7 ...
//
// The phrases form a trie over interned words; FindAll walks it from each
// token, so its cost is tokens x (longest phrase), never tokens x phrases.
#ifndef CREDENCE_FEATURES_PHRASE_MATCHER_H_
#define CREDENCE_FEATURES_PHRASE_MATCHER_H_

#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "features/tokenizer.h"

namespace credence {

struct PhraseMatch {
  size_t first_token = 0;  // [first_token, last_token) into the token list
  size_t last_token = 0;
  uint32_t payload = 0;
};

class PhraseMatcher {
 public:
  PhraseMatcher();
  // tokens must be normalized (NormalizeToken) and non-empty.
  void Add(const std::vector<std::string>& tokens, uint32_t payload);
  // Appends matches ordered by first token, then by length (shorter first).
  void FindAll(const std::vector<Token>& tokens,
               std::vector<PhraseMatch>* matches) const;

 private:
  static constexpr uint32_t kNoWord = UINT32_MAX;
  uint32_t WordId(std::string_view word) const;
  uint32_t AddWord(std::string_view word);
  void Grow();

  // Interned words: open addressing over FNV-1a hashes, a lookup a token
  // being the matcher's hottest line.
  struct Slot {
    uint64_t hash = 0;
    uint32_t id = kNoWord;
  };
  std::vector<Slot> slots_ = std::vector<Slot>(64);
  std::vector<std::string> words_;  // by id
  // Trie edges keyed by (node << 32 | word id).
  std::unordered_map<uint64_t, uint32_t> edges_;
  std::vector<std::vector<uint32_t>> payloads_;  // per node; node 0 = root
};

}  // namespace credence

#endif  // CREDENCE_FEATURES_PHRASE_MATCHER_H_
