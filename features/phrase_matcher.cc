// The token trie that finds lexicon phrases (phrase_matcher.h).
#include "features/phrase_matcher.h"

#include <cstring>

namespace credence {

PhraseMatcher::PhraseMatcher() : payloads_(1) {}

namespace {

uint64_t EdgeKey(uint32_t node, uint32_t word) {
  return (uint64_t{node} << 32) | word;
}

// Spreads an edge key over the table (Fibonacci hashing).
size_t EdgeSlot(uint64_t key, size_t mask) {
  return static_cast<size_t>((key * 0x9E3779B97F4A7C15ull) >> 32) & mask;
}

template <typename T>
T Load(const char* p) {
  T v;
  std::memcpy(&v, p, sizeof(v));
  return v;
}

// a == b, compared in line: the words are short, and a call to memcmp
// would cost more. Blocks of 8, 4 or 2 bytes, the last one overlapping the
// one before, cover any length without reading past either word.
bool SameWord(const std::string& a, std::string_view b) {
  const size_t n = b.size();
  if (a.size() != n) return false;
  const char* const p = a.data();
  const char* const q = b.data();
  if (n >= 8) {
    for (size_t k = 0; k + 8 < n; k += 8) {
      if (Load<uint64_t>(p + k) != Load<uint64_t>(q + k)) return false;
    }
    return Load<uint64_t>(p + n - 8) == Load<uint64_t>(q + n - 8);
  }
  if (n >= 4) {
    return Load<uint32_t>(p) == Load<uint32_t>(q) &&
           Load<uint32_t>(p + n - 4) == Load<uint32_t>(q + n - 4);
  }
  if (n >= 2) {
    return Load<uint16_t>(p) == Load<uint16_t>(q) &&
           Load<uint16_t>(p + n - 2) == Load<uint16_t>(q + n - 2);
  }
  return n == 0 || *p == *q;
}

}  // namespace

uint32_t PhraseMatcher::WordId(std::string_view word, uint64_t h) const {
  const size_t mask = slots_.size() - 1;
  for (size_t i = h & mask;; i = (i + 1) & mask) {
    const Slot& slot = slots_[i];
    if (slot.id == kNoWord) return kNoWord;
    if (slot.hash == h && words_[slot.id] == word) return slot.id;
  }
}

uint32_t PhraseMatcher::AddWord(std::string_view word) {
  const uint32_t known = WordId(word);
  if (known != kNoWord) return known;
  // At most a quarter full: a word that is not there (most of a claim's)
  // is found missing at the first or second slot.
  if ((words_.size() + 1) * 4 > slots_.size()) GrowWords();
  const auto id = static_cast<uint32_t>(words_.size());
  words_.emplace_back(word);
  root_children_.push_back(0);
  const uint64_t h = HashWord(word);
  const size_t mask = slots_.size() - 1;
  size_t i = h & mask;
  while (slots_[i].id != kNoWord) i = (i + 1) & mask;
  slots_[i] = {h, id};
  return id;
}

void PhraseMatcher::GrowWords() {
  std::vector<Slot> old(slots_.size() * 2);
  old.swap(slots_);
  const size_t mask = slots_.size() - 1;
  for (const Slot& slot : old) {
    if (slot.id == kNoWord) continue;
    size_t i = slot.hash & mask;
    while (slots_[i].id != kNoWord) i = (i + 1) & mask;
    slots_[i] = slot;
  }
}

// In line: FindAll calls it for each step down the trie.
inline uint32_t PhraseMatcher::Child(uint32_t node, uint32_t word) const {
  if (node == 0) return root_children_[word];
  const uint64_t key = EdgeKey(node, word);
  const size_t mask = edges_.size() - 1;
  for (size_t i = EdgeSlot(key, mask);; i = (i + 1) & mask) {
    const Edge& edge = edges_[i];
    if (edge.key == key) return edge.child;
    if (edge.key == 0) return 0;
  }
}

void PhraseMatcher::AddEdge(uint32_t node, uint32_t word, uint32_t child) {
  if (node == 0) {
    root_children_[word] = child;
    return;
  }
  if ((edge_count_ + 1) * 2 > edges_.size()) {
    std::vector<Edge> old(edges_.size() * 2);
    old.swap(edges_);
    edge_count_ = 0;
    for (const Edge& edge : old) {
      if (edge.key != 0) {
        AddEdge(static_cast<uint32_t>(edge.key >> 32),
                static_cast<uint32_t>(edge.key), edge.child);
      }
    }
  }
  const uint64_t key = EdgeKey(node, word);
  const size_t mask = edges_.size() - 1;
  size_t i = EdgeSlot(key, mask);
  while (edges_[i].key != 0) i = (i + 1) & mask;
  edges_[i] = {key, child};
  ++edge_count_;
}

void PhraseMatcher::Add(const std::vector<std::string>& tokens,
                        uint32_t payload) {
  uint32_t node = 0;
  for (const std::string& word : tokens) {
    const uint32_t id = AddWord(word);
    uint32_t child = Child(node, id);
    if (child == 0) {
      child = static_cast<uint32_t>(payloads_.size());
      payloads_.emplace_back();
      AddEdge(node, id, child);
    }
    node = child;
  }
  payloads_[node].push_back(payload);
}

void PhraseMatcher::WordIds(const std::vector<Token>& tokens,
                            std::vector<uint32_t>* ids) const {
  ids->resize(tokens.size());
  const Slot* const slots = slots_.data();
  const size_t mask = slots_.size() - 1;
  for (size_t t = 0; t < tokens.size(); ++t) {
    // WordId, inlined: most probes end at an empty slot or a hash that
    // matches; the words are compared only then.
    const Token& token = tokens[t];
    uint32_t id = kNoWord;
    for (size_t i = token.hash & mask; slots[i].id != kNoWord;
         i = (i + 1) & mask) {
      if (slots[i].hash == token.hash &&
          SameWord(words_[slots[i].id], token.norm)) {
        id = slots[i].id;
        break;
      }
    }
    (*ids)[t] = id;
  }
}

void PhraseMatcher::FindAll(const std::vector<Token>& tokens,
                            std::vector<PhraseMatch>* matches) const {
  std::vector<uint32_t> ids;
  WordIds(tokens, &ids);
  FindAll(ids, matches);
}

void PhraseMatcher::FindAll(const std::vector<uint32_t>& word_ids,
                            std::vector<PhraseMatch>* matches) const {
  const size_t n = word_ids.size();
  // Loaded once: the compiler cannot tell that push_back leaves them be.
  const uint32_t* const ids = word_ids.data();
  const uint32_t* const root_children = root_children_.data();
  for (size_t start = 0; start < n; ++start) {
    if (ids[start] == kNoWord) continue;
    uint32_t node = root_children[ids[start]];
    for (size_t i = start + 1; node != 0; ++i) {
      for (const uint32_t payload : payloads_[node]) {
        matches->push_back({start, i, payload});
      }
      if (i == n || ids[i] == kNoWord) break;
      node = Child(node, ids[i]);
    }
  }
}

}  // namespace credence
