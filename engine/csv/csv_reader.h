// Reads the text column (and the id column, when there is one) of an RFC
// 4180 CSV file row by row, with fast-cpp-csv-parser underneath: the only
// file of credence that includes it.
//
// Call order: construct on a stream positioned at the file's start, then
// Next() until it returns false. A malformed row throws CsvError; the
// reader stays usable and the next call continues after that row.
//
//   credence::CsvReader reader(file, "headlines.csv", "headline", "id", false);
//   credence::CsvRow row;
//   while (reader.Next(&row)) Use(row.id, row.text, row.line);
//
// Quoted fields may hold commas, doubled quotes and line breaks; CRLF line
// ends and a UTF-8 byte order mark are accepted. A quote opens a quoted
// field only as its first byte: elsewhere, as in `5" screen`, it is text
// (csv_record.h has the rules). Limits: a record (the header too) is at
// most 16 MiB; a longer one is a row error, and one that runs on past 256
// MiB ends the reading (an endless input such as /dev/zero). Line
// numbers are physical
// lines of the file, so a record spread over three lines reports the line
// it starts on. Record offsets let a caller read a record again later
// (SplitRecord) instead of keeping its text.
#ifndef CREDENCE_ENGINE_CSV_CSV_READER_H_
#define CREDENCE_ENGINE_CSV_CSV_READER_H_

#include <cstdint>
#include <iosfwd>
#include <memory>
#include <stdexcept>
#include <string>
#include <string_view>
#include <vector>

#include "engine/csv/csv_record.h"  // SplitRecord, to read a record again

namespace credence {

// what() is "path:line: problem (hint)".
class CsvError : public std::runtime_error {
 public:
  using std::runtime_error::runtime_error;
};

// A CsvError of the input as a whole, not of a row: a failed read, a
// failed write to the spool, no memory left, a record that runs on past
// 256 MiB. No row is lost to it, and the reading is over.
class CsvInputError : public CsvError {
 public:
  using CsvError::CsvError;
};

struct CsvRow {
  uint64_t line = 0;      // physical 1-based line the record starts on
  uint64_t number = 0;    // 1-based data row number (the header is row 0)
  uint64_t offset = 0;    // byte offset of the record's first byte
  uint64_t length = 0;    // bytes of the record, its line end excluded
  std::string_view id;    // the id field; empty when there is no id column
  std::string_view text;  // the text field; both valid until Next()
  // Every field, in header order, checked as the text is (valid UTF-8, no
  // NUL) when CsvLayout::all_fields; else empty. Valid until Next().
  std::vector<std::string_view> fields;
};

// How the reader buffers its input. kLarge is fast-cpp-csv-parser's own:
// 48 MiB, with a thread that reads ahead once the input passes 32 MiB (the
// fastest on large files). kSmall starts at 64 KiB and grows as long
// records need, on the calling thread: for many small inputs (tests,
// fuzzing), where allocating 48 MiB costs more than the reading. Both give
// the same rows and errors.
enum class CsvBuffers { kLarge, kSmall };

// How the reader cuts records into fields, and what it returns of them.
// A delimiter other than ',', or all_fields, reads as CsvBuffers::kSmall
// does (fast-cpp-csv-parser knows ',' only, and returns named columns).
struct CsvLayout {
  char delimiter = ',';     // the byte between fields: IsCsvDelimiter()
  bool all_fields = false;  // CsvRow::fields gets every field of a row
};

class CsvReader {
 public:
  // Reads the header at once. Throws CsvError for an empty input, a header
  // without `text_column`, or (when `id_required`) without `id_column`;
  // the message lists the header's columns. `path` only names the input in
  // messages. When `spool` is given, every byte read is copied to it (to
  // read records again from a stream that cannot seek). `layout.delimiter`
  // must be one IsCsvDelimiter() accepts.
  CsvReader(std::istream& source, std::string path,
            const std::string& text_column, const std::string& id_column,
            bool id_required, std::ostream* spool = nullptr,
            CsvBuffers buffers = CsvBuffers::kLarge, CsvLayout layout = {});
  ~CsvReader();
  CsvReader(const CsvReader&) = delete;
  CsvReader& operator=(const CsvReader&) = delete;

  bool has_id() const;
  const std::vector<std::string>& header() const;
  // 0-based positions of the text and id columns in the header (for
  // SplitRecord); id_index() is meaningful only when has_id().
  size_t text_index() const;
  size_t id_index() const;

  // The next row; false at the end of the input. Throws CsvError for a
  // malformed row (wrong number of fields, a quote that never closes,
  // invalid UTF-8 or a NUL byte in the text or id, or with all_fields in
  // any field).
  bool Next(CsvRow* row);

 private:
  struct Impl;
  std::unique_ptr<Impl> impl_;
};

}  // namespace credence

#endif  // CREDENCE_ENGINE_CSV_CSV_READER_H_
