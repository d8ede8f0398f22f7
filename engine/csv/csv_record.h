// One CSV record read again by its offset (CsvReader gives each row's), and
// fields written back out as RFC 4180 CSV.
//
//   std::vector<std::string_view> raw;
//   credence::SplitRawRecord(record, &raw);
//   std::string scratch;
//   const std::string_view text = credence::FieldValue(raw[1], &scratch);
//   std::string line;
//   credence::AppendCsvField(text, &line);
//
// A record is the bytes CsvReader accepted as one row, line end excluded.
// A '"' opens a quoted field only as the field's first byte; the field's
// quoted section then runs to the next '"' that is not doubled ("" inside
// it stands for one quote). Anywhere else a '"' is a byte like any other,
// as in `5" screen` (so reads Python's csv module, and most readers). Only
// a field that is one quoted section is unquoted; any other is its own
// value. A CR that ends the record (left of a CRLF line end, or at the end
// of the input) is no part of the last field.
#ifndef CREDENCE_ENGINE_CSV_CSV_RECORD_H_
#define CREDENCE_ENGINE_CSV_CSV_RECORD_H_

#include <array>
#include <cstddef>
#include <cstdint>
#include <cstring>
#include <string>
#include <string_view>
#include <vector>

namespace credence {

// The bytes CSV treats apart; every other byte is kPlain. kDelimiter is
// the byte between fields (',' unless a reader or writer is given another,
// such as a tab). kMapped bytes (NUL, 0xFD, 0xFF) are plain to CSV, but
// CsvReader hands them to its parser in disguise.
enum CsvByte : uint8_t {
  kPlain,
  kQuote,
  kDelimiter,
  kNewline,
  kReturn,
  kMapped
};

// The byte classes of CSV whose fields are separated by `delimiter`, which
// must be a byte IsCsvDelimiter() accepts.
constexpr std::array<uint8_t, 256> MakeCsvBytes(char delimiter) {
  std::array<uint8_t, 256> classes{};
  classes['"'] = kQuote;
  classes[static_cast<uint8_t>(delimiter)] = kDelimiter;
  classes['\n'] = kNewline;
  classes['\r'] = kReturn;
  classes[0] = kMapped;
  classes[0xFD] = kMapped;
  classes[0xFF] = kMapped;
  return classes;
}
inline constexpr std::array<uint8_t, 256> kCsvBytes = MakeCsvBytes(',');

// Whether `byte` can separate fields: an ASCII byte other than NUL, '"',
// CR and LF (which CSV gives another meaning), and other than a letter, a
// digit, '.' and '_' (which numbers and names hold, so that credence's
// own output fields never need quotes).
constexpr bool IsCsvDelimiter(char byte) {
  const auto b = static_cast<uint8_t>(byte);
  const bool alphanumeric = (b >= '0' && b <= '9') || (b >= 'a' && b <= 'z') ||
                            (b >= 'A' && b <= 'Z');
  return b < 0x80 && kCsvBytes[b] != kQuote && kCsvBytes[b] != kNewline &&
         kCsvBytes[b] != kReturn && kCsvBytes[b] != kMapped && !alphanumeric &&
         b != '.' && b != '_';
}

// Whether `byte` is one CSV must quote in a value: the delimiter, '"', CR
// or LF.
constexpr bool IsCsvSpecial(uint8_t byte, char delimiter = ',') {
  const uint8_t c = kCsvBytes[byte];
  return byte == static_cast<uint8_t>(delimiter) || c == kQuote ||
         c == kNewline || c == kReturn;
}

// The position of the '"' that closes the quoted section opening at
// `record[open]` (a '"'), passing over doubled quotes; record.size() when
// it never closes.
size_t QuotedEnd(std::string_view record, size_t open);

// The fields of a record, unquoted. The record must be well-formed (as
// CsvReader::Next() accepted it). Every function here that cuts or writes
// fields takes the delimiter last, ',' when left out.
std::vector<std::string> SplitRecord(std::string_view record,
                                     char delimiter = ',');

// The fields of a record as they stand in it, quotes included: views of
// `record`, without copying. Replaces the contents of `fields`. Returns
// whether the record is plain, without quotes or CRs: then every field is
// its own value, and one that needs no quotes.
bool SplitRawRecord(std::string_view record,
                    std::vector<std::string_view>* fields,
                    char delimiter = ',');

// A field of a record as FindRawFields() finds it: as SplitRawRecord()
// gives it, and whether it is `simple`: free of quotes, CRs and LFs, so
// that it is its own value and one that needs no quotes.
struct RawField {
  std::string_view raw;
  bool simple = true;
};

// The first `count` fields of a record, as SplitRawRecord() finds them,
// into fields[0, count): no byte after the last of them is looked at (a
// caller needs a few fields of a record, not all). Returns how many there
// are: fewer than `count` when the record has fewer fields.
size_t FindRawFields(std::string_view record, size_t count, RawField* fields,
                     char delimiter = ',');

// The value of a field SplitRawRecord gave: `raw` itself, or its inside
// when quoted; `*scratch` holds it only when doubled quotes were undone.
std::string_view FieldValue(std::string_view raw, std::string* scratch);

// The position of the first byte of `value` that CSV must quote: the
// delimiter, '"', CR or LF; value.size() when there is none.
size_t FindSpecial(std::string_view value, char delimiter = ',');

// Whether a value must be quoted in CSV: it holds the delimiter, '"', CR
// or LF.
inline bool NeedsQuotes(std::string_view value, char delimiter = ',') {
  return FindSpecial(value, delimiter) != value.size();
}

// Writes `value` as one CSV field at `out`: as it stands, or quoted with
// its quotes doubled when NeedsQuotes(). Writes at most 2 * size + 2 bytes;
// returns the end of what it wrote.
char* PutCsvField(std::string_view value, char* out, char delimiter = ',');
void AppendCsvField(std::string_view value, std::string* out,
                    char delimiter = ',');

// Writes `x` as std::to_chars(fixed, 6) does (round to nearest, ties to
// even, on the exact binary value), at most kMaxScoreChars bytes.
constexpr size_t kMaxScoreChars = 32;
char* PutFixed6(double x, char* out);

// A count kept as its decimal digits, so that counting up by one costs a
// step or two instead of a conversion: the ranks of rows written one after
// another. Holds numbers below 10^24.
class DecimalCounter {
 public:
  static constexpr size_t kMaxDigits = 24;
  explicit DecimalCounter(uint64_t value);
  void Increment();
  std::string_view digits() const { return {digits_.data(), size_}; }
  // Writes the digits at `out`, which must have room for kMaxDigits bytes:
  // a copy of fixed size, which costs no call whatever the length.
  char* Put(char* out) const {
    std::memcpy(out, digits_.data(), kMaxDigits);
    return out + size_;
  }

 private:
  std::array<char, kMaxDigits> digits_{};  // the digits, then zero bytes
  size_t size_ = 0;
};

}  // namespace credence

#endif  // CREDENCE_ENGINE_CSV_CSV_RECORD_H_
