// One CSV record read again by its offset, and fields written back out as
// RFC 4180 CSV.
#include "engine/csv/csv_record.h"

#include <array>
#include <charconv>
#include <cmath>
#include <cstdint>
#include <cstring>

#ifdef __SSE2__
#include <emmintrin.h>
#endif

namespace credence {
namespace {

#ifdef __SSE2__
// A bit for each of the 16 bytes at `p` that is the delimiter, '"', CR or
// LF.
unsigned SpecialBits(const char* p, char delimiter) {
  const __m128i v = _mm_loadu_si128(reinterpret_cast<const __m128i*>(p));
  const __m128i special =
      _mm_or_si128(_mm_or_si128(_mm_cmpeq_epi8(v, _mm_set1_epi8(delimiter)),
                                _mm_cmpeq_epi8(v, _mm_set1_epi8('"'))),
                   _mm_or_si128(_mm_cmpeq_epi8(v, _mm_set1_epi8('\r')),
                                _mm_cmpeq_epi8(v, _mm_set1_epi8('\n'))));
  return static_cast<unsigned>(_mm_movemask_epi8(special));
}
#endif

// "00", "01", ... "99", one after another: two digits a step.
constexpr std::array<char, 200> MakeDigitPairs() {
  std::array<char, 200> pairs{};
  for (int i = 0; i < 100; ++i) {
    pairs[static_cast<size_t>(2 * i)] = static_cast<char>('0' + i / 10);
    pairs[static_cast<size_t>(2 * i + 1)] = static_cast<char>('0' + i % 10);
  }
  return pairs;
}
constexpr std::array<char, 200> kDigitPairs = MakeDigitPairs();

// Writes `n` (below 100) as two digits.
void PutTwoDigits(uint32_t n, char* out) {
  std::memcpy(out, &kDigitPairs[2 * n], 2);
}

char* Put(std::string_view s, char* out) {
  // An empty view may hold a null pointer, which memcpy must not get.
  if (!s.empty()) std::memcpy(out, s.data(), s.size());
  return out + s.size();
}

}  // namespace

size_t QuotedEnd(std::string_view record, size_t open) {
  for (size_t i = open + 1;; i += 2) {
    i = record.find('"', i);
    if (i == std::string_view::npos) return record.size();
    if (i + 1 == record.size() || record[i + 1] != '"') return i;
  }
}

bool SplitRawRecord(std::string_view record,
                    std::vector<std::string_view>* fields, char delimiter) {
  fields->clear();
  const bool quotes = record.find('"') != std::string_view::npos;
  const bool plain = !quotes && record.find('\r') == std::string_view::npos;
  if (!record.empty() && record.back() == '\r') record.remove_suffix(1);
  size_t begin = 0;
  if (!quotes) {
    // No quotes: every delimiter ends a field (found with memchr).
    for (;;) {
      const size_t comma = record.find(delimiter, begin);
      if (comma == std::string_view::npos) break;
      fields->push_back(record.substr(begin, comma - begin));
      begin = comma + 1;
    }
  } else {
    // Outside quotes (short: ids, numbers) the bytes are looked at one by
    // one; a quoted field is passed over with QuotedEnd().
    for (size_t i = 0; i < record.size(); ++i) {
      if (record[i] == delimiter) {
        fields->push_back(record.substr(begin, i - begin));
        begin = i + 1;
      } else if (record[i] == '"' && i == begin) {
        i = QuotedEnd(record, i);
        if (i == record.size()) break;  // not from CsvReader
      }
    }
  }
  fields->push_back(record.substr(begin));
  return plain;
}

size_t FindRawFields(std::string_view record, size_t count, RawField* fields,
                     char delimiter) {
  if (!record.empty() && record.back() == '\r') record.remove_suffix(1);
  size_t begin = 0;
  for (size_t f = 0; f < count; ++f) {
    // The field ends at the first delimiter outside quotes. FindSpecial()
    // skips the plain bytes, 16 at a step, and memchr the inside of quotes.
    bool simple = true;
    size_t i = begin;
    while (i < record.size()) {
      i += FindSpecial(record.substr(i), delimiter);
      if (i == record.size() || record[i] == delimiter) break;
      simple = false;  // a quote, CR or LF
      if (record[i] == '"' && i == begin) {
        i = QuotedEnd(record, i);
        if (i == record.size()) break;  // not from CsvReader
      }
      ++i;
    }
    fields[f] = {record.substr(begin, i - begin), simple};
    if (i == record.size()) return f + 1;
    begin = i + 1;
  }
  return count;
}

std::string_view FieldValue(std::string_view raw, std::string* scratch) {
  // Only a field that is one quoted section is unquoted; any other field
  // (stray quotes, or bytes after a closing quote) is taken as it stands.
  if (raw.size() < 2 || raw.front() != '"' ||
      QuotedEnd(raw, 0) + 1 != raw.size()) {
    return raw;
  }
  raw = raw.substr(1, raw.size() - 2);
  size_t quote = raw.find('"');
  if (quote == std::string_view::npos) return raw;
  scratch->clear();
  for (size_t begin = 0;;) {
    // Copy up to and with a quote, then pass over the quote doubling it.
    scratch->append(raw.substr(begin, quote + 1 - begin));
    begin = quote + 2;
    quote = raw.find('"', begin);
    if (quote == std::string_view::npos) {
      scratch->append(raw.substr(begin));
      return *scratch;
    }
  }
}

std::vector<std::string> SplitRecord(std::string_view record, char delimiter) {
  std::vector<std::string_view> raw;
  SplitRawRecord(record, &raw, delimiter);
  std::vector<std::string> fields;
  fields.reserve(raw.size());
  std::string scratch;
  for (const std::string_view field : raw) {
    fields.emplace_back(FieldValue(field, &scratch));
  }
  return fields;
}

size_t FindSpecial(std::string_view value, char delimiter) {
  const char* const p = value.data();
  const size_t size = value.size();
  size_t i = 0;
#ifdef __SSE2__
  if (size >= 16) {
    for (; size - i >= 16; i += 16) {
      const unsigned bits = SpecialBits(p + i, delimiter);
      if (bits != 0) return i + static_cast<size_t>(__builtin_ctz(bits));
    }
    if (i == size) return size;
    // The last bytes, in the 16 that end the value: the bits of those
    // already looked at are shifted out.
    const unsigned bits =
        SpecialBits(p + size - 16, delimiter) >> (16 - (size - i));
    return bits != 0 ? i + static_cast<size_t>(__builtin_ctz(bits)) : size;
  }
#endif
  while (i < size && !IsCsvSpecial(static_cast<uint8_t>(p[i]), delimiter)) ++i;
  return i;
}

char* PutCsvField(std::string_view value, char* out, char delimiter) {
  if (!NeedsQuotes(value, delimiter)) return Put(value, out);
  *out++ = '"';
  for (size_t b = 0;;) {  // copy up to each quote, then double it
    const size_t q = value.find('"', b);
    if (q == std::string_view::npos) {
      out = Put(value.substr(b), out);
      break;
    }
    out = Put(value.substr(b, q + 1 - b), out);
    *out++ = '"';
    b = q + 1;
  }
  *out++ = '"';
  return out;
}

void AppendCsvField(std::string_view value, std::string* out, char delimiter) {
  const size_t old_size = out->size();
  out->resize(old_size + 2 * value.size() + 2);
  char* const begin = out->data();
  out->resize(static_cast<size_t>(
      PutCsvField(value, begin + old_size, delimiter) - begin));
}

char* PutFixed6(double x, char* out) {
  // x * 1e6 is within 2^-23 of its exact value below 1000, so unless its
  // fraction is near one half it rounds to the same integer as the exact
  // value does; the rest is left to to_chars.
  if (!std::signbit(x) && x < 1000.0) {
    // Below 1e9: signed conversions, one instruction each way (unsigned
    // 64-bit ones take several).
    const double scaled = x * 1e6;
    const auto whole = static_cast<int64_t>(scaled);              // rounds down
    const double fraction = scaled - static_cast<double>(whole);  // exact
    if (std::fabs(fraction - 0.5) > 1e-6) {
      const auto units =
          static_cast<uint32_t>(whole) + (fraction > 0.5 ? 1u : 0u);
      const uint32_t integral = units / 1000000;
      if (integral < 10) {  // scores are mostly below 1
        *out++ = static_cast<char>('0' + integral);
      } else {
        out = std::to_chars(out, out + 20, integral).ptr;
      }
      *out = '.';
      const uint32_t decimals = units % 1000000;
      PutTwoDigits(decimals / 10000, out + 1);
      PutTwoDigits(decimals / 100 % 100, out + 3);
      PutTwoDigits(decimals % 100, out + 5);
      return out + 7;
    }
  }
  const auto fixed =
      std::to_chars(out, out + kMaxScoreChars, x, std::chars_format::fixed, 6);
  if (fixed.ec == std::errc()) return fixed.ptr;
  return std::to_chars(out, out + kMaxScoreChars, x).ptr;  // too long
}

DecimalCounter::DecimalCounter(uint64_t value) {
  size_ = static_cast<size_t>(
      std::to_chars(digits_.data(), digits_.data() + kMaxDigits, value).ptr -
      digits_.data());
}

void DecimalCounter::Increment() {
  size_t i = size_;
  while (i > 0 && digits_[i - 1] == '9') digits_[--i] = '0';
  if (i > 0) {
    ++digits_[i - 1];
  } else {  // all nines: a 1 and as many zeros
    digits_[0] = '1';
    digits_[size_++] = '0';
  }
}

}  // namespace credence
