// The first passes of Extractor::Extract: which lexicon matches of a claim
// apply, and the marks they leave on its tokens for the later rules.
//
// Call order: PhraseMatcher::FindAll, then KeepMatchesThatApply, then
// MarkMatchedTokens (fills the state's roles and marks).
//
//   KeepMatchesThatApply(text, tokens, lexicons, &folded, &matches);
//   MarkMatchedTokens(matches, &state);
#ifndef CREDENCE_FEATURES_RULES_LEXICON_MATCHES_H_
#define CREDENCE_FEATURES_RULES_LEXICON_MATCHES_H_

#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "features/lexicon.h"
#include "features/phrase_matcher.h"
#include "features/rules/claim_state.h"
#include "features/tokenizer.h"

namespace credence {

// A match's payload: its lexicon id in the top 8 bits, its entry below.
inline uint32_t MatchPayload(size_t lexicon, size_t entry) {
  return static_cast<uint32_t>((lexicon << 24) | entry);
}
inline size_t LexiconOf(const PhraseMatch& m) { return m.payload >> 24; }
inline const LexiconEntry& EntryOf(const std::vector<Lexicon>& lexicons,
                                   const PhraseMatch& m) {
  return lexicons[m.payload >> 24].entries[m.payload & 0xFFFFFF];
}

// Drops the matches whose entry asks for what the text lacks: the same
// capitals ("WHO"), the claim's first words ('^'), or for title_case a
// capitalized word after a word. *folded is working memory.
void KeepMatchesThatApply(std::string_view text,
                          const std::vector<Token>& tokens,
                          const std::vector<Lexicon>& lexicons,
                          std::string* folded,
                          std::vector<PhraseMatch>* matches);

// Sets the roles (RoleBits) and marks (TokenMarks) of the state's tokens
// from the word-class and anonymous_source matches; clears the rest.
void MarkMatchedTokens(const std::vector<PhraseMatch>& matches,
                       ClaimState* state);

}  // namespace credence

#endif  // CREDENCE_FEATURES_RULES_LEXICON_MATCHES_H_
