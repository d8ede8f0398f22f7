#include "features/tokenizer.h"

#include "features/utf8.h"

namespace credence {
namespace {

bool IsApostrophe(char32_t c) { return c == U'\'' || c == U'\u2019'; }

bool IsSpace(char32_t c) {
  return c == U' ' || c == U'\t' || c == U'\n' || c == U'\r' || c == U'\f' ||
         c == U'\v' || c == U'\u00A0' || c == U'\u2028' || c == U'\u2029' ||
         (c >= U'\u2000' && c <= U'\u200B') || c == U'\u202F' ||
         c == U'\u3000' || c == U'\uFEFF';
}

// Non-ASCII code points count as word characters unless they are one of the
// punctuation blocks news text uses (quotes, dashes, ellipsis, bullets).
bool IsWordChar(char32_t c) {
  if (c < 0x80) {
    return (c >= U'a' && c <= U'z') || (c >= U'A' && c <= U'Z') ||
           (c >= U'0' && c <= U'9') || c == U'_';
  }
  if (c >= U'\u2000' && c <= U'\u206F') return false;  // General Punctuation
  if (c >= U'\u00A0' && c <= U'\u00BF') return false;  // Latin-1 symbols
  if (c == U'\u00D7' || c == U'\u00F7') return false;
  if (c >= U'\u3000' && c <= U'\u303F') return false;  // CJK punctuation
  if (c == U'\uFEFF' || c == U'\uFFFD') return false;
  return true;
}

// Whether text[pos] starts the "s" of a possessive "'s": an s that ends
// the word, so "Russia's" is russia + 's but "didn't" stays whole.
bool IsPossessive(std::string_view text, size_t pos, size_t end) {
  if (pos >= end || (text[pos] != 's' && text[pos] != 'S')) return false;
  if (pos + 1 >= end) return true;
  size_t len;
  return !IsWordChar(DecodeUtf8(text, pos + 1, &len));
}

void AppendNormalized(std::string_view text, size_t begin, size_t end,
                      bool lower, std::string* out) {
  // Most tokens are ASCII: copied whole, then folded in place; the first
  // non-ASCII byte sends the rest down the slow path.
  const size_t at = out->size();
  out->append(text.data() + begin, end - begin);
  size_t k = at;
  for (; k < out->size(); ++k) {
    char& ch = (*out)[k];
    if (static_cast<unsigned char>(ch) >= 0x80) break;
    if (lower && ch >= 'A' && ch <= 'Z') ch = static_cast<char>(ch - 'A' + 'a');
  }
  if (k == out->size()) return;
  begin += k - at;
  out->resize(k);
  out->reserve(out->size() + end - begin);
  for (size_t i = begin; i < end;) {
    const char ch = text[i];
    if (lower && ch >= 'A' && ch <= 'Z') {
      out->push_back(static_cast<char>(ch - 'A' + 'a'));
      ++i;
    } else if (static_cast<unsigned char>(ch) < 0x80) {
      out->push_back(ch);
      ++i;
    } else {
      size_t len;
      const char32_t c = DecodeUtf8(text, i, &len);
      // Curly quotes read as straight ones, so a lexicon written with
      // either matches both.
      if (c == U'\u2018' || c == U'\u2019') {
        out->push_back('\'');
      } else if (c == U'\u201C' || c == U'\u201D') {
        out->push_back('"');
      } else {
        out->append(text.substr(i, len));
      }
      i += len;
    }
  }
}

// ASCII letters, digits and '_': the common case, looked up in one step.
struct AsciiClass {
  bool word[128] = {};
  AsciiClass() {
    for (int c = 0; c < 128; ++c) {
      word[c] = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') ||
                (c >= '0' && c <= '9') || c == '_';
    }
  }
};
const AsciiClass kAscii;

// The code point at text[pos], decoding only when it is not ASCII.
char32_t CodePointAt(std::string_view text, size_t pos, size_t* len) {
  const auto b = static_cast<unsigned char>(text[pos]);
  if (b < 0x80) {
    *len = 1;
    return b;
  }
  return DecodeUtf8(text, pos, len);
}

bool IsWordAt(std::string_view text, size_t pos, size_t* len) {
  const auto b = static_cast<unsigned char>(text[pos]);
  if (b < 0x80) {
    *len = 1;
    return kAscii.word[b];
  }
  return IsWordChar(DecodeUtf8(text, pos, len));
}

}  // namespace

std::vector<Token> Tokenize(std::string_view text, size_t begin, size_t end) {
  std::vector<Token> tokens;
  Tokenize(text, begin, end, &tokens);
  return tokens;
}

void Tokenize(std::string_view text, size_t begin, size_t end,
              std::vector<Token>* out) {
  // Tokens already in `out` are overwritten in place, so their strings'
  // buffers are reused from one claim to the next.
  size_t count = 0;
  size_t i = begin;
  while (i < end) {
    size_t len;
    const char32_t c = CodePointAt(text, i, &len);
    if (IsSpace(c)) {
      i += len;
      continue;
    }
    if (count == out->size()) out->emplace_back();
    Token& token = (*out)[count++];
    token.begin = i;
    token.is_word = false;
    token.capitalized = false;
    token.norm.clear();
    if (IsApostrophe(c) && IsPossessive(text, i + len, end)) {
      token.is_word = true;  // "'s" of "Russia's": a word of its own
      token.end = i + len + 1;
    } else if (!IsWordChar(c)) {
      token.end = i + len;
    } else {
      token.is_word = true;
      token.capitalized = c >= U'A' && c <= U'Z';
      size_t j = i + len;
      while (j < end) {
        size_t l1;
        if (IsWordAt(text, j, &l1)) {
          j += l1;
          continue;
        }
        const char32_t d = CodePointAt(text, j, &l1);
        if (IsApostrophe(d) && j + l1 < end &&
            !IsPossessive(text, j + l1, end)) {
          size_t l2;
          if (IsWordAt(text, j + l1, &l2)) {
            j += l1 + l2;
            continue;
          }
        }
        break;
      }
      token.end = j;
    }
    AppendNormalized(text, token.begin, token.end, true, &token.norm);
    i = token.end;
  }
  out->resize(count);
}

std::string NormalizeToken(std::string_view token) {
  std::string out;
  AppendNormalized(token, 0, token.size(), true, &out);
  return out;
}

std::string FoldQuotes(std::string_view token) {
  std::string out;
  AppendNormalized(token, 0, token.size(), false, &out);
  return out;
}

}  // namespace credence
