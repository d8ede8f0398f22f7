// Cuts text into word and punctuation tokens for lexicon matching.
//
// Call order: Tokenize(text, begin, end) on valid UTF-8; tokens come back in
// text order with byte offsets into `text`, their normalized forms held by
// the TokenList (valid while it lives and is not tokenized into again).
//
//   credence::TokenList tokens =
//       credence::Tokenize("Officials didn’t confirm.", 0, 27);
//   // officials | didn't | confirm | .
//   credence::Tokenize(other, 0, other.size(), &tokens);  // reuses memory
//
// A word is a run of letters, digits, '_' and non-ASCII letters; an
// apostrophe (' or ’) between two word characters stays inside the word
// ("didn't"), except the possessive "'s", a token of its own ("Kim" "'s").
// Every other non-space character is a token of its own, so "U.S." is
// u . s . and "so-called" is so - called. Lexicon phrases are tokenized the
// same way, which is what lets them match punctuation exactly. An HTML
// character reference for a quote or an ampersand ("&quot;", "&#39;",
// "&rsquo;", "&amp;", as scraped feeds carry them) is one token, normalized
// to the character it stands for.
#ifndef CREDENCE_FEATURES_TOKENIZER_H_
#define CREDENCE_FEATURES_TOKENIZER_H_

#include <cstddef>
#include <cstdint>
#include <cstring>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

namespace credence {

struct Token {
  Token() = default;
  // All fields at once: Tokenize builds each token in place with it, so
  // the vector does not zero a token before its fields are written.
  Token(size_t begin_offset, size_t end_offset, std::string_view normalized,
        uint64_t word_hash, bool word, bool upper_first)
      : begin(begin_offset),
        end(end_offset),
        norm(normalized),
        hash(word_hash),
        is_word(word),
        capitalized(upper_first) {}

  size_t begin = 0;  // byte offsets into the tokenized text
  size_t end = 0;
  // Lower-cased (ASCII); curly quotes folded to ' and ". Points into the
  // TokenList the token came in.
  std::string_view norm;
  uint64_t hash = 0;  // HashWord(norm), for word tables
  bool is_word = false;
  bool capitalized = false;  // first character an upper-case ASCII letter
};

// The tokens of one text range and the buffer their normalized forms live
// in. Movable (the forms stay where they are), not copyable.
class TokenList {
 public:
  TokenList() = default;
  TokenList(TokenList&&) = default;
  TokenList& operator=(TokenList&&) = default;
  TokenList(const TokenList&) = delete;
  TokenList& operator=(const TokenList&) = delete;

  const std::vector<Token>& tokens() const { return tokens_; }
  size_t size() const { return tokens_.size(); }
  bool empty() const { return tokens_.empty(); }
  const Token& operator[](size_t i) const { return tokens_[i]; }
  const Token& back() const { return tokens_.back(); }
  std::vector<Token>::const_iterator begin() const { return tokens_.begin(); }
  std::vector<Token>::const_iterator end() const { return tokens_.end(); }
  // False when no word of four bytes or more opens with two ASCII capitals
  // and no token is @, # or !: then no style cue but a listicle's can start
  // here (a word in capitals counts from four letters).
  bool may_shout_or_mark() const { return may_shout_or_mark_; }
  // Whether a token is a double quote, straight or curly: without one,
  // no quotation can start here.
  bool has_double_quote() const { return has_double_quote_; }
  // Whether a token is an em or en dash (U+2014, U+2013): without one, no
  // attribution after a dash can end the text.
  bool has_dash() const { return has_dash_; }

 private:
  friend void Tokenize(std::string_view text, size_t begin, size_t end,
                       TokenList* tokens);
  std::vector<Token> tokens_;
  // Normalized forms, back to back; never longer than the text range, so
  // it is sized once a call and the views into it stay put.
  std::unique_ptr<char[]> norms_;
  size_t norms_capacity_ = 0;
  bool may_shout_or_mark_ = false;
  bool has_double_quote_ = false;
  bool has_dash_ = false;
};

TokenList Tokenize(std::string_view text, size_t begin, size_t end);
// The same into `tokens`, reusing its memory (a hot loop's scratch); views
// into its previous forms become invalid.
void Tokenize(std::string_view text, size_t begin, size_t end,
              TokenList* tokens);

// The hash of a normalized form, eight bytes at a step: the length seeds
// it, then each block of eight bytes, read as a little-endian number (the
// last block zero-padded), is mixed in by HashStep. Tokenize gives each
// token this hash, so a table keyed by words hashes a token once.
//
//   HashWord("said") == HashStep(kHashSeed ^ 4, 0x64696173)
//   HashWord("according") ==
//       HashStep(HashStep(kHashSeed ^ 9, 0x6e6964726f636361), 0x67)
constexpr uint64_t kHashSeed = 0x9E3779B97F4A7C15ull;
constexpr uint64_t kHashMultiplier = 0xFF51AFD7ED558CCDull;

// One block into the hash: a multiply, its high half folded onto the low
// one, as tables use the low bits.
inline uint64_t HashStep(uint64_t h, uint64_t block) {
  h = (h ^ block) * kHashMultiplier;
  return h ^ (h >> 32);
}

inline uint64_t HashWord(std::string_view word) {
  const size_t n = word.size();
  uint64_t h = kHashSeed ^ n;
  size_t k = 0;
  for (; n - k > 8; k += 8) {
    uint64_t block;
    std::memcpy(&block, word.data() + k, 8);
#if __BYTE_ORDER__ == __ORDER_BIG_ENDIAN__
    block = __builtin_bswap64(block);
#endif
    h = HashStep(h, block);
  }
  // The last block byte by byte: a call to memcpy would cost more.
  uint64_t last = 0;
  for (size_t j = n; j > k; --j) {
    last = last << 8 | static_cast<unsigned char>(word[j - 1]);
  }
  return HashStep(h, last);
}

// Whether the token's normalized form is `word` (compares lengths first).
inline bool Is(const Token& token, std::string_view word) {
  return token.norm == word;
}

// The normalized form a single token would get (used for lexicon words).
std::string NormalizeToken(std::string_view token);

// The token with curly quotes made straight but its case kept, for entries
// that must match capitals exactly ("BREAKING").
std::string FoldQuotes(std::string_view token);
// The same into `out` (cleared first), reusing its memory.
void FoldQuotes(std::string_view token, std::string* out);

}  // namespace credence

#endif  // CREDENCE_FEATURES_TOKENIZER_H_
