#include "engine/csv_record.h"

#include <array>
#include <charconv>
#include <cmath>
#include <cstdint>
#include <cstring>

namespace credence {
namespace {

constexpr std::array<bool, 256> MakeSpecials() {
  std::array<bool, 256> specials{};
  specials[','] = true;
  specials['"'] = true;
  specials['\r'] = true;
  specials['\n'] = true;
  return specials;
}
constexpr std::array<bool, 256> kSpecials = MakeSpecials();

char* Put(std::string_view s, char* out) {
  // An empty view may hold a null pointer, which memcpy must not get.
  if (!s.empty()) std::memcpy(out, s.data(), s.size());
  return out + s.size();
}

}  // namespace

bool SplitRawRecord(std::string_view record,
                    std::vector<std::string_view>* fields) {
  fields->clear();
  const bool quotes = record.find('"') != std::string_view::npos;
  const bool plain = !quotes && record.find('\r') == std::string_view::npos;
  if (!record.empty() && record.back() == '\r') record.remove_suffix(1);
  size_t begin = 0;
  if (!quotes) {
    // No quotes: every comma ends a field (found with memchr).
    for (;;) {
      const size_t comma = record.find(',', begin);
      if (comma == std::string_view::npos) break;
      fields->push_back(record.substr(begin, comma - begin));
      begin = comma + 1;
    }
  } else {
    // A quote toggles quoting. Outside quotes (short: ids, numbers) the
    // bytes are looked at one by one; inside, memchr finds the closing one.
    for (size_t i = 0; i < record.size(); ++i) {
      if (record[i] == ',') {
        fields->push_back(record.substr(begin, i - begin));
        begin = i + 1;
      } else if (record[i] == '"') {
        i = record.find('"', i + 1);
        if (i == std::string_view::npos) break;  // not from CsvReader
      }
    }
  }
  fields->push_back(record.substr(begin));
  return plain;
}

std::string_view FieldValue(std::string_view raw, std::string* scratch) {
  // Like fccp: only a field that starts and ends with a quote is unquoted;
  // any other field, stray quotes included, is taken as it stands.
  if (raw.size() < 2 || raw.front() != '"' || raw.back() != '"') return raw;
  raw = raw.substr(1, raw.size() - 2);
  if (raw.find('"') == std::string_view::npos) return raw;
  scratch->clear();
  for (size_t i = 0; i < raw.size(); ++i) {
    scratch->push_back(raw[i]);
    if (raw[i] == '"' && i + 1 < raw.size() && raw[i + 1] == '"') ++i;
  }
  return *scratch;
}

std::vector<std::string> SplitRecord(std::string_view record) {
  std::vector<std::string_view> raw;
  SplitRawRecord(record, &raw);
  std::vector<std::string> fields;
  fields.reserve(raw.size());
  std::string scratch;
  for (const std::string_view field : raw) {
    fields.emplace_back(FieldValue(field, &scratch));
  }
  return fields;
}

bool NeedsQuotes(std::string_view value) {
  bool special = false;  // no early exit: the loop stays branch-free
  for (const char c : value) special |= kSpecials[static_cast<uint8_t>(c)];
  return special;
}

char* PutCsvField(std::string_view value, char* out) {
  if (!NeedsQuotes(value)) return Put(value, out);
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

void AppendCsvField(std::string_view value, std::string* out) {
  const size_t old_size = out->size();
  out->resize(old_size + 2 * value.size() + 2);
  char* const begin = out->data();
  out->resize(
      static_cast<size_t>(PutCsvField(value, begin + old_size) - begin));
}

char* PutFixed6(double x, char* out) {
  // x * 1e6 is within 2^-23 of its exact value below 1000, so unless its
  // fraction is near one half it rounds to the same integer as the exact
  // value does; the rest is left to to_chars.
  if (!std::signbit(x) && x < 1000.0) {
    const double scaled = x * 1e6;
    const auto whole = static_cast<uint64_t>(scaled);             // rounds down
    const double fraction = scaled - static_cast<double>(whole);  // exact
    if (std::fabs(fraction - 0.5) > 1e-6) {
      const uint64_t units = whole + (fraction > 0.5 ? 1u : 0u);
      out = std::to_chars(out, out + 20, units / 1000000).ptr;
      *out = '.';
      uint64_t digits = units % 1000000;
      for (int i = 6; i > 0; --i) {
        out[i] = static_cast<char>('0' + digits % 10);
        digits /= 10;
      }
      return out + 7;
    }
  }
  const auto fixed =
      std::to_chars(out, out + kMaxScoreChars, x, std::chars_format::fixed, 6);
  if (fixed.ec == std::errc()) return fixed.ptr;
  return std::to_chars(out, out + kMaxScoreChars, x).ptr;  // too long
}

}  // namespace credence
