#include "features/phrase_matcher.h"

namespace credence {

PhraseMatcher::PhraseMatcher() : payloads_(1) {}

namespace {

uint64_t Fnv1a(std::string_view word) {
  uint64_t h = 14695981039346656037ull;
  for (const char c : word) {
    h = (h ^ static_cast<unsigned char>(c)) * 1099511628211ull;
  }
  return h;
}

}  // namespace

uint32_t PhraseMatcher::WordId(std::string_view word) const {
  const uint64_t h = Fnv1a(word);
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
  if ((words_.size() + 1) * 2 > slots_.size()) Grow();
  const auto id = static_cast<uint32_t>(words_.size());
  words_.emplace_back(word);
  const uint64_t h = Fnv1a(word);
  const size_t mask = slots_.size() - 1;
  size_t i = h & mask;
  while (slots_[i].id != kNoWord) i = (i + 1) & mask;
  slots_[i] = {h, id};
  return id;
}

void PhraseMatcher::Grow() {
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

void PhraseMatcher::Add(const std::vector<std::string>& tokens,
                        uint32_t payload) {
  uint32_t node = 0;
  for (const std::string& word : tokens) {
    const uint32_t id = AddWord(word);
    const uint64_t key = (uint64_t{node} << 32) | id;
    auto it = edges_.find(key);
    if (it == edges_.end()) {
      const auto child = static_cast<uint32_t>(payloads_.size());
      payloads_.emplace_back();
      it = edges_.emplace(key, child).first;
    }
    node = it->second;
  }
  payloads_[node].push_back(payload);
}

void PhraseMatcher::FindAll(const std::vector<Token>& tokens,
                            std::vector<PhraseMatch>* matches) const {
  // One hash look-up per token; the walks below compare integers only.
  thread_local std::vector<uint32_t> ids;
  ids.resize(tokens.size());
  for (size_t i = 0; i < tokens.size(); ++i) ids[i] = WordId(tokens[i].norm);
  for (size_t start = 0; start < tokens.size(); ++start) {
    uint32_t node = 0;
    for (size_t i = start; i < tokens.size() && ids[i] != kNoWord; ++i) {
      const auto it = edges_.find((uint64_t{node} << 32) | ids[i]);
      if (it == edges_.end()) break;
      node = it->second;
      for (const uint32_t payload : payloads_[node]) {
        matches->push_back({start, i + 1, payload});
      }
    }
  }
}

}  // namespace credence
