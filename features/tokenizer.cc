// The tokenizer: text into word and punctuation tokens with normalized
// forms and hashes (tokenizer.h).
#include "features/tokenizer.h"

#include <algorithm>
#include <cstdint>
#include <cstring>

#ifdef __SSE2__
#include <emmintrin.h>
#endif

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

// ASCII bytes by what they start: the common case, looked up in one step.
enum ByteClass : uint8_t {
  kWordByte,       // lower-case letter, digit or '_'
  kUpperByte,      // upper-case letter, also a word byte
  kPunctByte,      // a token of its own
  kAmpersandByte,  // a token of its own, or the start of "&quot;"
  kSpaceByte,
  kApostropheByte,  // ' (a word of its own in "'s")
  kHighByte,        // the first of a multi-byte code point
};

struct ByteTable {
  uint8_t kind[256] = {};
  char lower[128] = {};
  uint8_t word_lower[256] = {};  // an ASCII word byte lower-cased, else 0
  ByteTable() {
    for (int c = 0; c < 256; ++c) {
      const bool word = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') ||
                        (c >= '0' && c <= '9') || c == '_';
      const bool space = c == ' ' || c == '\t' || c == '\n' || c == '\r' ||
                         c == '\f' || c == '\v';
      kind[c] = c >= 0x80              ? kHighByte
                : c >= 'A' && c <= 'Z' ? kUpperByte
                : word                 ? kWordByte
                : space                ? kSpaceByte
                : c == '\''            ? kApostropheByte
                : c == '&'             ? kAmpersandByte
                                       : kPunctByte;
      if (c < 128) {
        lower[c] = static_cast<char>(c >= 'A' && c <= 'Z' ? c - 'A' + 'a' : c);
        if (word) word_lower[c] = static_cast<uint8_t>(lower[c]);
      }
    }
  }
};
const ByteTable kBytes;

bool IsWordAt(std::string_view text, size_t pos, size_t* len) {
  const auto b = static_cast<unsigned char>(text[pos]);
  if (b < 0x80) {
    *len = 1;
    return kBytes.kind[b] <= kUpperByte;
  }
  return IsWordChar(DecodeUtf8(text, pos, len));
}

// Writes the normalized form of the word character text[pos, pos + len):
// ASCII lower-cased, anything else as it stands.
char* PutWordChar(std::string_view text, size_t pos, size_t len, char* out) {
  const auto b = static_cast<unsigned char>(text[pos]);
  if (b < 0x80) {
    *out = kBytes.lower[b];
    return out + 1;
  }
  for (size_t k = 0; k < len; ++k) *out++ = text[pos + k];
  return out;
}

// Where a scan stopped: the text offset, and the next free byte of the
// buffer the normalized form is written to.
struct ScanEnd {
  size_t pos;
  char* out;
};

// Extends a word from text[j]: word characters, and an apostrophe between
// two of them unless it starts a possessive. Writes the normalized bytes
// from `out` on.
ScanEnd ScanWord(std::string_view text, size_t j, size_t end, char* out) {
  while (j < end) {
    const auto b = static_cast<unsigned char>(text[j]);
    size_t l1 = 1;
    if (b < 0x80) {
      if (kBytes.kind[b] <= kUpperByte) {
        *out++ = kBytes.lower[b];
        ++j;
        continue;
      }
      if (b != '\'') break;
    } else {
      const char32_t c = DecodeUtf8(text, j, &l1);
      if (IsWordChar(c)) {
        out = PutWordChar(text, j, l1, out);
        j += l1;
        continue;
      }
      if (c != U'\u2019') break;
    }
    size_t l2;
    if (j + l1 < end && !IsPossessive(text, j + l1, end) &&
        IsWordAt(text, j + l1, &l2)) {
      *out++ = '\'';  // "didn’t" reads as "didn't"
      out = PutWordChar(text, j + l1, l2, out);
      j += l1 + l2;
      continue;
    }
    break;
  }
  return {j, out};
}

// The ASCII word characters from text[j] on, lower-cased into `out`.
ScanEnd ScanAsciiWord(std::string_view text, size_t j, size_t end, char* out) {
  for (; j < end; ++j) {
    const uint8_t lower =
        kBytes.word_lower[static_cast<unsigned char>(text[j])];
    if (lower == 0) break;
    *out++ = static_cast<char>(lower);
  }
  return {j, out};
}

// The rest of an ASCII word from text[j] on, past what ShortAsciiWord
// could read: more word bytes, then an apostrophe or a non-ASCII letter
// that carries the word on ("didn’t").
ScanEnd FinishWord(std::string_view text, size_t j, size_t end, char* out) {
  const ScanEnd run = ScanAsciiWord(text, j, end, out);
  if (run.pos < end && kBytes.kind[static_cast<unsigned char>(text[run.pos])] >=
                           kApostropheByte) {
    return ScanWord(text, run.pos, end, run.out);
  }
  return run;
}

// An HTML character reference for a quote or an ampersand at text[i]
// ("&quot;", "&#39;", "&rsquo;", "&amp;"), as scraped feeds carry them: its
// length, and in *c the character it stands for (a curly quote as the
// straight one). 0 for anything else.
size_t QuoteReference(std::string_view text, size_t i, size_t end, char* c) {
  static constexpr struct {
    std::string_view name;
    char c;
  } kReferences[] = {
      {"&quot;", '"'},   {"&#34;", '"'},    {"&#x22;", '"'},
      {"&ldquo;", '"'},  {"&rdquo;", '"'},  {"&#8220;", '"'},
      {"&#8221;", '"'},  {"&apos;", '\''},  {"&#39;", '\''},
      {"&#x27;", '\''},  {"&lsquo;", '\''}, {"&rsquo;", '\''},
      {"&#8216;", '\''}, {"&#8217;", '\''}, {"&amp;", '&'},
  };
  const std::string_view rest = text.substr(i, std::min<size_t>(end - i, 7));
  for (const auto& r : kReferences) {
    if (rest.substr(0, r.name.size()) == r.name) {
      *c = r.c;
      return r.name.size();
    }
  }
  return 0;
}

#ifdef __SSE2__
// The bytes of `v` in [first, first + count), as a mask of 0xFF bytes.
__m128i InRange(__m128i v, char first, int count) {
  // Shifted so that the range starts at -128: then one signed compare.
  const __m128i shifted =
      _mm_add_epi8(v, _mm_set1_epi8(static_cast<char>(-128 - first)));
  return _mm_cmplt_epi8(shifted,
                        _mm_set1_epi8(static_cast<char>(-128 + count)));
}

// 16 bytes of 0xFF, then 16 of 0: the 16 bytes from kKeepLow + 16 - n
// keep the low n bytes of a block and zero the rest.
constexpr unsigned char kKeepLow[32] = {0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF,
                                        0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF,
                                        0xFF, 0xFF, 0xFF, 0xFF};

// The ASCII word of under 16 bytes that `text` starts with (16 bytes may be
// read there): its length, its form lower-cased to `out` (16 bytes written)
// and its HashWord, worked out a block at a time with no branch on the
// bytes. False, with nothing written, when all 16 are word bytes.
bool ShortAsciiWord(const char* text, char* out, size_t* length,
                    uint64_t* hash) {
  const __m128i v = _mm_loadu_si128(reinterpret_cast<const __m128i*>(text));
  // Bit 5 set folds the capitals onto the small letters, and no other byte
  // onto them: one range test finds the letters of both cases.
  const __m128i bit5 = _mm_set1_epi8(0x20);
  const __m128i letter = InRange(_mm_or_si128(v, bit5), 'a', 26);
  const __m128i word = _mm_or_si128(
      letter,
      _mm_or_si128(InRange(v, '0', 10), _mm_cmpeq_epi8(v, _mm_set1_epi8('_'))));
  const auto stops = static_cast<unsigned>(~_mm_movemask_epi8(word)) & 0xFFFF;
  if (stops == 0) return false;
  const auto n = static_cast<size_t>(__builtin_ctz(stops));
  // Bit 5 set on the letters lower-cases them (digits and '_' stay).
  const __m128i lower = _mm_or_si128(v, _mm_and_si128(letter, bit5));
  _mm_storeu_si128(reinterpret_cast<__m128i*>(out), lower);
  // The form zero-padded, as HashWord reads its blocks.
  const __m128i form = _mm_and_si128(
      lower,
      _mm_loadu_si128(reinterpret_cast<const __m128i*>(kKeepLow + 16 - n)));
  uint64_t h =
      HashStep(kHashSeed ^ n, static_cast<uint64_t>(_mm_cvtsi128_si64(form)));
  if (n > 8) {
    h = HashStep(
        h, static_cast<uint64_t>(_mm_cvtsi128_si64(_mm_srli_si128(form, 8))));
  }
  *length = n;
  *hash = h;
  return true;
}
#endif

// A token that starts with anything but an ASCII letter, digit or space:
// the code point c, `len` bytes at text[i]. Fills in all but begin and
// hash.
ScanEnd OtherToken(std::string_view text, size_t i, size_t end, char32_t c,
                   size_t len, Token* token, char* out) {
  if (IsApostrophe(c) && IsPossessive(text, i + len, end)) {
    token->is_word = true;  // "'s" of "Russia's": a word of its own
    *out++ = '\'';
    *out++ = kBytes.lower[static_cast<unsigned char>(text[i + len])];
    return {i + len + 1, out};
  }
  if (IsWordChar(c)) {
    token->is_word = true;
    return ScanWord(text, i + len, end, PutWordChar(text, i, len, out));
  }
  if (c == '&') {
    char stands_for = '&';
    const size_t reference = QuoteReference(text, i, end, &stands_for);
    *out++ = stands_for;
    return {i + std::max<size_t>(reference, 1), out};
  }
  // Curly quotes read as straight ones, so a lexicon written with either
  // matches both.
  if (c == U'\u2018' || c == U'\u2019') {
    *out++ = '\'';
  } else if (c == U'\u201C' || c == U'\u201D') {
    *out++ = '"';
  } else {
    for (size_t k = 0; k < len; ++k) *out++ = text[i + k];
  }
  return {i + len, out};
}

// The token at text[i] that starts with neither an ASCII word byte nor
// ASCII punctuation (`kind` its byte class), appended to *tokens; its
// normalized form is written from `out` on. Sets the flags it raises.
// Returns where it ends and the next free byte, or for a space where the
// space ends and a null `out`.
ScanEnd PushOtherToken(std::string_view text, size_t i, size_t end,
                       uint8_t kind, char* out, std::vector<Token>* tokens,
                       bool* has_double_quote, bool* has_dash) {
  char32_t c = static_cast<unsigned char>(text[i]);
  size_t len = 1;
  if (kind == kHighByte) {
    c = DecodeUtf8(text, i, &len);
    if (IsSpace(c)) return {i + len, nullptr};
  }
  char* const norm = out;
  Token token;
  token.begin = i;
  const ScanEnd rest = OtherToken(text, i, end, c, len, &token, out);
  token.end = rest.pos;
  token.norm = std::string_view(norm, static_cast<size_t>(rest.out - norm));
  *has_double_quote |= token.norm == "\"";        // curly
  *has_dash |= c == U'\u2014' || c == U'\u2013';  // a token of its own
  token.hash = HashWord(token.norm);
  tokens->push_back(token);
  return rest;
}

}  // namespace

TokenList Tokenize(std::string_view text, size_t begin, size_t end) {
  TokenList tokens;
  Tokenize(text, begin, end, &tokens);
  return tokens;
}

void Tokenize(std::string_view text, size_t begin, size_t end,
              TokenList* list) {
  std::vector<Token>& tokens = list->tokens_;
  tokens.clear();
  bool may_shout_or_mark = false;
  bool has_double_quote = false;
  bool has_dash = false;
  // Normalizing never lengthens a code point, and a token overruns `end`
  // by at most the rest of one code point; ShortAsciiWord writes 16 bytes
  // where a form starts.
  const size_t need = (end > begin ? end - begin : 0) + 16;
  if (list->norms_capacity_ < need) {
    list->norms_ = std::make_unique<char[]>(need);
    list->norms_capacity_ = need;
  }
  char* out = list->norms_.get();
#ifdef __SSE2__
  // The last 16 bytes of the range (or all of a shorter one), zero-padded:
  // read there, a word near the end stops at `end` (0 is no word byte).
  char tail[32] = {};
  const size_t tail_begin = end - begin >= 16 ? end - 16 : begin;
  if (end - tail_begin == 16) {
    std::memcpy(tail, text.data() + tail_begin, 16);  // no call, no loop
  } else if (end > tail_begin) {
    std::memcpy(tail, text.data() + tail_begin, end - tail_begin);
  }
#endif
  const auto* const s = reinterpret_cast<const unsigned char*>(text.data());
  size_t i = begin;
  while (i < end) {
    const unsigned char b = s[i];
    const uint8_t kind = kBytes.kind[b];
    // Laid out as the likely branch: most tokens are ASCII words.
    if (__builtin_expect(kind <= kUpperByte, 1)) {
      // The common case, an ASCII word: lower-cased and hashed in one pass.
      char* const norm = out;
      size_t j = i;
      uint64_t h = 0;
      bool done = false;  // j is the word's end, h its hash
#ifdef __SSE2__
      // Most words: sixteen bytes classified, lower-cased and hashed at
      // once.
      size_t length;
      const char* const from =
          end - i >= 16 ? text.data() + i : tail + (i - tail_begin);
      if (ShortAsciiWord(from, out, &length, &h)) {
        j = i + length;
        out += length;
        // An apostrophe or a non-ASCII byte may carry the word on.
        done = j == end || kBytes.kind[s[j]] < kApostropheByte;
      }
#endif
      if (__builtin_expect(!done, 0)) {
        const ScanEnd rest = FinishWord(text, j, end, out);
        j = rest.pos;
        out = rest.out;
        h = HashWord(std::string_view(norm, static_cast<size_t>(out - norm)));
      }
      const bool capitalized = kind == kUpperByte;
      // Two capitals open a word of four bytes or more, as a word in
      // capitals must (FindStyleCues): then its second byte is a word byte.
      if (capitalized && j - i >= 4 && kBytes.kind[s[i + 1]] == kUpperByte) {
        may_shout_or_mark = true;
      }
      // Built in place: cheaper than pushing a Token built on the stack.
      tokens.emplace_back(
          i, j, std::string_view(norm, static_cast<size_t>(out - norm)), h,
          true, capitalized);
      i = j;
    } else if (kind == kPunctByte) {
      *out = static_cast<char>(b);
      may_shout_or_mark |= b == '@' || b == '#' || b == '!';
      has_double_quote |= b == '"';
      tokens.emplace_back(i, i + 1, std::string_view(out, 1),
                          HashStep(kHashSeed ^ 1, b),  // HashWord of the byte
                          false, false);
      ++out;
      ++i;
      continue;  // no space skip: punctuation is mostly followed by a word
    } else if (kind == kSpaceByte) {
      ++i;
      continue;
    } else {
      const ScanEnd rest = PushOtherToken(text, i, end, kind, out, &tokens,
                                          &has_double_quote, &has_dash);
      if (rest.out == nullptr) {  // a space
        i = rest.pos;
        continue;
      }
      i = rest.pos;
      out = rest.out;
    }
    if (i < end && s[i] == ' ') ++i;  // the usual single space, skipped
  }
  list->may_shout_or_mark_ = may_shout_or_mark;
  list->has_double_quote_ = has_double_quote;
  list->has_dash_ = has_dash;
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

void FoldQuotes(std::string_view token, std::string* out) {
  out->clear();
  AppendNormalized(token, 0, token.size(), false, out);
}

}  // namespace credence
