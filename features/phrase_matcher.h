// Finds every occurrence of a set of token sequences in a token stream.
//
// Call order: Add() every phrase, then FindAll() as often as needed (const,
// safe to share between threads).
//
//   PhraseMatcher m;
//   m.Add({"according", "to"}, 7);
//   m.FindAll(Tokenize(text, 0, text.size()).tokens(), &matches);  // 7 ...
//
// The phrases form a trie over interned words; FindAll walks it from each
// token, so its cost is tokens x (longest phrase), never tokens x phrases.
// A caller that already has each token's WordId passes the ids instead.
#ifndef CREDENCE_FEATURES_PHRASE_MATCHER_H_
#define CREDENCE_FEATURES_PHRASE_MATCHER_H_

#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>
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
  // The id of a word no phrase uses.
  static constexpr uint32_t kNoWord = UINT32_MAX;

  PhraseMatcher();
  // tokens must be normalized (NormalizeToken) and non-empty.
  void Add(const std::vector<std::string>& tokens, uint32_t payload);
  // Appends matches ordered by first token, then by length (shorter first).
  void FindAll(const std::vector<Token>& tokens,
               std::vector<PhraseMatch>* matches) const;
  // The same for a token stream given as WordId(token.norm) per token.
  void FindAll(const std::vector<uint32_t>& word_ids,
               std::vector<PhraseMatch>* matches) const;

  // The id of a normalized word that some phrase uses, or kNoWord.
  uint32_t WordId(std::string_view word) const {
    return WordId(word, HashWord(word));
  }
  // Each token's WordId into *ids (resized), from the hashes the tokens
  // carry.
  void WordIds(const std::vector<Token>& tokens,
               std::vector<uint32_t>* ids) const;

 private:
  uint32_t WordId(std::string_view word, uint64_t hash) const;
  uint32_t AddWord(std::string_view word);
  void GrowWords();
  uint32_t Child(uint32_t node, uint32_t word) const;
  void AddEdge(uint32_t node, uint32_t word, uint32_t child);

  // Interned words: open addressing over HashWord hashes, a lookup a token
  // being the matcher's hottest line.
  struct Slot {
    uint64_t hash = 0;
    uint32_t id = kNoWord;
  };
  std::vector<Slot> slots_ = std::vector<Slot>(64);
  std::vector<std::string> words_;  // by id
  // Trie nodes are numbered from 0, the root. The root's children are
  // found by word id (0: none), so a word that starts no phrase costs one
  // load; deeper edges are open addressing over (node << 32 | word id).
  std::vector<uint32_t> root_children_;
  struct Edge {
    uint64_t key = 0;  // 0: empty (no edge leaves the root here)
    uint32_t child = 0;
  };
  std::vector<Edge> edges_ = std::vector<Edge>(64);
  size_t edge_count_ = 0;
  std::vector<std::vector<uint32_t>> payloads_;  // per node
};

}  // namespace credence

#endif  // CREDENCE_FEATURES_PHRASE_MATCHER_H_
