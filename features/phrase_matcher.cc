#include "features/phrase_matcher.h"

namespace credence {

PhraseMatcher::PhraseMatcher() : payloads_(1) {}

uint32_t PhraseMatcher::WordId(const std::string& word) const {
  const auto it = word_ids_.find(word);
  return it == word_ids_.end() ? kNoWord : it->second;
}

void PhraseMatcher::Add(const std::vector<std::string>& tokens,
                        uint32_t payload) {
  uint32_t node = 0;
  for (const std::string& word : tokens) {
    const auto id =
        word_ids_.emplace(word, static_cast<uint32_t>(word_ids_.size()))
            .first->second;
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
  std::vector<uint32_t> ids(tokens.size());
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
