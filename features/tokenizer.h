// Cuts text into word and punctuation tokens for lexicon matching.
//
// Call order: Tokenize(text, begin, end) on valid UTF-8; tokens come back in
// text order with byte offsets into `text`.
//
//   auto tokens = credence::Tokenize("Officials didn’t confirm.", 0, 27);
//   // officials | didn't | confirm | .
//
// A word is a run of letters, digits, '_' and non-ASCII letters; an
// apostrophe (' or ’) between two word characters stays inside the word
// ("didn't"), except the possessive "'s", a token of its own ("Kim" "'s").
// Every other non-space character is a token of its own, so "U.S." is
// u . s . and "so-called" is so - called. Lexicon phrases are tokenized the
// same way, which is what lets them match punctuation exactly.
#ifndef CREDENCE_FEATURES_TOKENIZER_H_
#define CREDENCE_FEATURES_TOKENIZER_H_

#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

namespace credence {

struct Token {
  size_t begin = 0;  // byte offsets into the tokenized text
  size_t end = 0;
  std::string norm;  // lower-cased (ASCII); curly quotes folded to ' and "
  bool is_word = false;
  bool capitalized = false;  // first character an upper-case ASCII letter
};

std::vector<Token> Tokenize(std::string_view text, size_t begin, size_t end);
// The same into `tokens`, reusing its elements (a hot loop's scratch).
void Tokenize(std::string_view text, size_t begin, size_t end,
              std::vector<Token>* tokens);

// Whether the token's normalized form is `word` (compares lengths first).
inline bool Is(const Token& token, std::string_view word) {
  return std::string_view(token.norm) == word;
}

// The normalized form a single token would get (used for lexicon words).
std::string NormalizeToken(std::string_view token);

// The token with curly quotes made straight but its case kept, for entries
// that must match capitals exactly ("BREAKING").
std::string FoldQuotes(std::string_view token);

}  // namespace credence

#endif  // CREDENCE_FEATURES_TOKENIZER_H_
