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
// Its fields are found as fast-cpp-csv-parser finds them: a '"' anywhere
// toggles quoting, and only a field that starts and ends with '"' is
// unquoted, "" inside it standing for one quote. A CR that ends the record
// (left of a CRLF line end, or at the end of the input) is no part of the
// last field.
#ifndef CREDENCE_ENGINE_CSV_RECORD_H_
#define CREDENCE_ENGINE_CSV_RECORD_H_

#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

namespace credence {

// The fields of a record, unquoted. The record must be well-formed (as
// CsvReader::Next() accepted it).
std::vector<std::string> SplitRecord(std::string_view record);

// The fields of a record as they stand in it, quotes included: views of
// `record`, without copying. Replaces the contents of `fields`. Returns
// whether the record is plain, without quotes or CRs: then every field is
// its own value, and one that needs no quotes.
bool SplitRawRecord(std::string_view record,
                    std::vector<std::string_view>* fields);

// The value of a field SplitRawRecord gave: `raw` itself, or its inside
// when quoted; `*scratch` holds it only when doubled quotes were undone.
std::string_view FieldValue(std::string_view raw, std::string* scratch);

// Whether a value must be quoted in CSV: it holds a ',', '"', CR or LF.
bool NeedsQuotes(std::string_view value);

// Writes `value` as one CSV field at `out`: as it stands, or quoted with
// its quotes doubled when NeedsQuotes(). Writes at most 2 * size + 2 bytes;
// returns the end of what it wrote.
char* PutCsvField(std::string_view value, char* out);
void AppendCsvField(std::string_view value, std::string* out);

// Writes `x` as std::to_chars(fixed, 6) does (round to nearest, ties to
// even, on the exact binary value), at most kMaxScoreChars bytes.
constexpr size_t kMaxScoreChars = 32;
char* PutFixed6(double x, char* out);

}  // namespace credence

#endif  // CREDENCE_ENGINE_CSV_RECORD_H_
