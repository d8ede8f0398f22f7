// UTF-8 validation and code point counting (utf8.h).
#include "features/utf8.h"

#include <cstdint>
#include <cstring>

namespace credence {

namespace {

// Whether every byte is ASCII: eight bytes a step, the last step
// overlapping the one before, and no branch on what a step finds.
bool AllAscii(std::string_view text) {
  const char* const p = text.data();
  const size_t n = text.size();
  uint64_t seen = 0;
  if (n >= 8) {
    uint64_t word;
    for (size_t i = 0; i + 8 <= n; i += 8) {
      std::memcpy(&word, p + i, 8);
      seen |= word;
    }
    std::memcpy(&word, p + n - 8, 8);
    seen |= word;
  } else {
    for (size_t i = 0; i < n; ++i) seen |= static_cast<unsigned char>(p[i]);
  }
  return (seen & 0x8080808080808080u) == 0;
}

}  // namespace

size_t FindInvalidUtf8(std::string_view text) {
  if (AllAscii(text)) return std::string_view::npos;  // the common case
  const size_t n = text.size();
  size_t i = 0;
  while (i < n) {
    // Most text is ASCII: eight bytes a step while none has its high bit.
    for (uint64_t word; n - i >= 8; i += 8) {
      std::memcpy(&word, text.data() + i, 8);
      if ((word & 0x8080808080808080u) != 0) break;
    }
    // Then the ASCII bytes before a multi-byte sequence, or at the end.
    while (i < n && static_cast<unsigned char>(text[i]) < 0x80) ++i;
    if (i == n) break;
    const auto b0 = static_cast<unsigned char>(text[i]);
    size_t len;
    // The valid range of the second byte depends on the first (RFC 3629
    // table): it is what rules out overlong forms and surrogates.
    unsigned char lo = 0x80, hi = 0xBF;
    if (b0 >= 0xC2 && b0 <= 0xDF) {
      len = 2;
    } else if (b0 >= 0xE0 && b0 <= 0xEF) {
      len = 3;
      if (b0 == 0xE0) lo = 0xA0;
      if (b0 == 0xED) hi = 0x9F;
    } else if (b0 >= 0xF0 && b0 <= 0xF4) {
      len = 4;
      if (b0 == 0xF0) lo = 0x90;
      if (b0 == 0xF4) hi = 0x8F;
    } else {
      return i;
    }
    if (n - i < len) return i;
    const auto b1 = static_cast<unsigned char>(text[i + 1]);
    if (b1 < lo || b1 > hi) return i;
    for (size_t k = 2; k < len; ++k) {
      const auto b = static_cast<unsigned char>(text[i + k]);
      if (b < 0x80 || b > 0xBF) return i;
    }
    i += len;
  }
  return std::string_view::npos;
}

char32_t DecodeUtf8(std::string_view text, size_t pos, size_t* length) {
  const auto b0 = static_cast<unsigned char>(text[pos]);
  size_t len = 1;
  char32_t c = b0;
  if (b0 >= 0xF0) {
    len = 4;
    c = b0 & 0x07u;
  } else if (b0 >= 0xE0) {
    len = 3;
    c = b0 & 0x0Fu;
  } else if (b0 >= 0xC0) {
    len = 2;
    c = b0 & 0x1Fu;
  } else if (b0 >= 0x80) {
    *length = 1;
    return U'\uFFFD';
  }
  if (pos + len > text.size()) {
    *length = 1;
    return U'\uFFFD';
  }
  for (size_t k = 1; k < len; ++k) {
    c = (c << 6) | (static_cast<unsigned char>(text[pos + k]) & 0x3Fu);
  }
  *length = len;
  return c;
}

size_t CountCodePoints(std::string_view text, size_t begin, size_t end) {
  size_t count = 0;
  for (size_t i = begin; i < end; ++i) {
    // Every code point has exactly one byte that is not a continuation byte.
    if ((static_cast<unsigned char>(text[i]) & 0xC0) != 0x80) ++count;
  }
  return count;
}

}  // namespace credence
