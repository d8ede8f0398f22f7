// Quotations over several claims (quote_carry.h).
#include "features/rules/quote_carry.h"

#include <algorithm>

namespace credence {
namespace {

// The attribution after a closing quote is a speaker and a verb; a
// speaker with a long title still ends well within this many bytes.
constexpr size_t kAttributionBytes = 200;
// A post runs to 280 characters and a link; its signature's dash stands
// within a name's length of the "(@".
constexpr size_t kPostBytes = 1200;
constexpr size_t kSignatureNameBytes = 80;

enum class Mark { kNone, kStraight, kOpening, kClosing };

// The double quotation mark at text[i], if any, and its length in *size.
Mark MarkAt(std::string_view text, size_t i, size_t* size) {
  *size = 1;
  if (text[i] == '"') return Mark::kStraight;
  // U+201C and U+201D: E2 80 9C and E2 80 9D.
  if (static_cast<unsigned char>(text[i]) != 0xE2 || i + 2 >= text.size() ||
      static_cast<unsigned char>(text[i + 1]) != 0x80) {
    return Mark::kNone;
  }
  *size = 3;
  const auto third = static_cast<unsigned char>(text[i + 2]);
  if (third == 0x9C) return Mark::kOpening;
  if (third == 0x9D) return Mark::kClosing;
  *size = 1;
  return Mark::kNone;
}

bool IsSpace(char c) { return c == ' ' || c == '\t' || c == '\r'; }

}  // namespace

bool ScanQuotes(std::string_view text, size_t begin, size_t end, bool open) {
  end = std::min(end, text.size());
  for (size_t i = begin; i < end;) {
    size_t size;
    switch (MarkAt(text, i, &size)) {
      case Mark::kStraight:
        open = !open;
        break;
      case Mark::kOpening:
        open = true;
        break;
      case Mark::kClosing:
        open = false;
        break;
      case Mark::kNone:
        break;
    }
    i += size;
  }
  return open;
}

bool HasLineBreak(std::string_view text, size_t from, size_t to) {
  to = std::min(to, text.size());
  return from < to &&
         text.substr(from, to - from).find('\n') != std::string_view::npos;
}

bool OpensWithQuote(std::string_view text, size_t begin, size_t end) {
  end = std::min(end, text.size());
  while (begin < end && (IsSpace(text[begin]) || text[begin] == '\n')) ++begin;
  size_t size;
  if (begin == end) return false;
  const Mark mark = MarkAt(text, begin, &size);
  return mark == Mark::kStraight || mark == Mark::kOpening;
}

bool EndsWithColon(std::string_view text, size_t begin, size_t end) {
  end = std::min(end, text.size());
  while (end > begin && (IsSpace(text[end - 1]) || text[end - 1] == '\n')) {
    --end;
  }
  return end > begin && text[end - 1] == ':';
}

bool OpensWithListMarker(std::string_view text, size_t begin, size_t end) {
  end = std::min(end, text.size());
  while (begin < end && (IsSpace(text[begin]) || text[begin] == '\n')) ++begin;
  if (begin == end) return false;
  const std::string_view rest = text.substr(begin, end - begin);
  if (rest[0] == '-' || rest[0] == '*') return true;
  // U+2022 bullet, U+2013 en dash, U+2014 em dash.
  if (rest.size() >= 3 && rest.compare(0, 2, "\xE2\x80") == 0 &&
      (rest[2] == '\xA2' || rest[2] == '\x93' || rest[2] == '\x94')) {
    return true;
  }
  size_t digits = 0;
  while (digits < rest.size() && digits < 3 && rest[digits] >= '0' &&
         rest[digits] <= '9') {
    ++digits;
  }
  return digits > 0 && digits < rest.size() &&
         (rest[digits] == '.' || rest[digits] == ')');
}

size_t AttributedClose(std::string_view text, size_t from) {
  for (size_t i = from; i < text.size() && text[i] != '\n';) {
    size_t size;
    const Mark mark = MarkAt(text, i, &size);
    if (mark == Mark::kOpening) return std::string::npos;
    if (mark == Mark::kStraight || mark == Mark::kClosing) {
      size_t p = i;
      while (p > from && IsSpace(text[p - 1])) --p;
      const char before = p > from ? text[p - 1] : ' ';
      return before == ',' || before == '?' || before == '!'
                 ? i
                 : std::string::npos;
    }
    i += size;
  }
  return std::string::npos;
}

size_t PostSignatureDash(std::string_view text, size_t from) {
  // Only the next kPostBytes are searched, so that many claims on one long
  // line cost linear time.
  std::string_view line = text.substr(from, kPostBytes);
  line = line.substr(0, line.find('\n'));
  const size_t handle = line.find("(@");
  if (handle == std::string_view::npos) return std::string::npos;
  const size_t lo =
      handle > kSignatureNameBytes ? handle - kSignatureNameBytes : 0;
  // U+2014 em dash and U+2013 en dash: E2 80 94 and E2 80 93.
  for (size_t i = handle; i >= lo + 3; --i) {
    if (line.compare(i - 3, 2, "\xE2\x80") == 0 &&
        (line[i - 1] == '\x94' || line[i - 1] == '\x93')) {
      return from + i - 3;
    }
  }
  return std::string::npos;
}

size_t AttributionEnd(std::string_view text, size_t close) {
  size_t cap = std::min(text.size(), close + kAttributionBytes);
  // Not within a character's bytes.
  while (cap < text.size() &&
         (static_cast<unsigned char>(text[cap]) & 0xC0) == 0x80) {
    --cap;
  }
  const size_t line = text.substr(close, cap - close).find('\n');
  return line == std::string_view::npos ? cap : close + line;
}

}  // namespace credence
