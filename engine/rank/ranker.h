// Ranks the rows of a CSV file of headlines by the confidence of their text.
//
// Call order: fill RankOptions, build a Scorer, call RankCsv with the input
// stream (read once, never copied whole) and the output stream.
//
//   credence::RankOptions opt;
//   opt.top = 1000;
//   credence::FileRecordSource again("in.csv");
//   credence::RankSummary s = credence::RankCsv(file, "in.csv", again, opt,
//                                               scorer, out, log);
//
// Each text is scored as one claim (the same score `credence score` gives a
// one-line article). Rows come out by score, highest first (lowest first
// with `ascending`); equal scores keep input order, so the output is the
// same whatever the thread count. Nothing is written to `out` until every
// row has been read: a bad row that stops the run leaves no partial output.
// With `input_order` instead, rows are written in input order as they are
// scored, a batch at a time (`out` flushed after each): no sort, no second
// reading, memory independent of the row count; a row error that stops
// the run then leaves the rows before it written.
//
// `threads` threads do the work: the calling thread reads the rows and
// scores batches too whenever it is ahead of the threads - 1 others, which
// then also format the output a batch of rows at a time. With two or more,
// one more thread reads the records back for the output meanwhile.
#ifndef CREDENCE_ENGINE_RANK_RANKER_H_
#define CREDENCE_ENGINE_RANK_RANKER_H_

#include <cstddef>
#include <cstdint>
#include <functional>
#include <iosfwd>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "engine/csv/csv_reader.h"
#include "engine/scorer.h"

namespace credence {

struct RankOptions {
  std::string column = "headline";  // the text column
  std::string id_column = "id";     // row numbers when absent...
  bool id_required = false;         // ...unless the user named it
  uint64_t top = 0;                 // keep the best `top` rows; 0: all
  bool ascending = false;           // least credible first
  bool input_order = false;  // rows in input order, streamed (not with top)
  // With input_order: each written row's score (the full precision the
  // output rounds to six decimals) and 1-based row number, appended in
  // output order when not null. Not owned.
  std::vector<double>* scores = nullptr;
  std::vector<uint64_t>* numbers = nullptr;
  bool jsonl = false;          // JSON lines instead of CSV
  bool brief = false;          // with jsonl: the CSV's fields, no claim object
  unsigned threads = 1;        // threads, the caller's included
  bool skip_bad_rows = false;  // report bad rows on `log` and go on
  // The byte between the input's fields, and the CSV output's: one that
  // IsCsvDelimiter() (engine/csv/csv_record.h) accepts.
  char delimiter = ',';
  // Input columns written after credence's own, in this order (CSV: under
  // their names; JSON lines: a "columns" object, name -> value); every
  // column, in header order, with keep_all_columns.
  std::vector<std::string> keep_columns;
  bool keep_all_columns = false;
  // The CSV reader's buffers (engine/csv/csv_reader.h): kSmall for many small
  // inputs (tests, fuzzing).
  CsvBuffers csv_buffers = CsvBuffers::kLarge;
  // Tuning: rows a job scores (or formats for output) at a time, and rows
  // whose records a full ranking reads again at a time. Each window reads
  // the whole input again; two windows of headlines (70 bytes a record)
  // then hold about 28 MB, which keeps the output pass below the reading
  // pass's peak memory. Tests use tiny values to cross the boundaries.
  size_t batch_rows = 4096;
  size_t window_rows = size_t{3} << 16;
};

struct RankSummary {
  uint64_t read = 0;  // data rows in the input: always ranked + rejected
  uint64_t ranked = 0;
  uint64_t rejected = 0;
};

// A --keep-columns name the header lacks: what() is "path:line: no column
// 'NAME' to keep (columns: ...)". A usage error to the command line.
class KeptColumnError : public CsvError {
 public:
  using CsvError::CsvError;
};

// The bad row that stopped a run without `skip_bad_rows`: what() is the
// row's "path:line: problem (hint)".
class BadRowError : public CsvError {
 public:
  using CsvError::CsvError;
};

// Called now and then with the number of rows read so far and the bytes
// of the input they span (to the end of the last one).
using RankProgress = std::function<void(uint64_t rows, uint64_t bytes)>;

// Gives back the bytes of a record the input already held: a full ranking
// keeps each row's position and score, not its text, and reads the text
// again for output.
class RecordSource {
 public:
  virtual ~RecordSource() = default;
  // The bytes [offset, offset + length); valid until the next call.
  // Throws std::runtime_error when they cannot be read.
  virtual std::string_view Read(uint64_t offset, uint64_t length) = 0;
  // The bytes from `offset` on: at least `length` of them, and any more
  // that are at hand (the rest of a block read), so that a caller reading
  // in file order takes the next records from the same view instead of a
  // call each. Valid until the next call; throws as Read() does.
  virtual std::string_view ReadFrom(uint64_t offset, uint64_t length) {
    return Read(offset, length);
  }
};

// Records of an input held in memory.
class StringRecordSource : public RecordSource {
 public:
  explicit StringRecordSource(std::string_view input) : input_(input) {}
  std::string_view Read(uint64_t offset, uint64_t length) override;
  std::string_view ReadFrom(uint64_t offset, uint64_t length) override;

 private:
  std::string_view input_;
};

// Records of a file, read with pread() a block at a time: no stream
// position to disturb, and few system calls when asked in file order.
class FileRecordSource : public RecordSource {
 public:
  explicit FileRecordSource(const std::string& path);  // throws
  ~FileRecordSource() override;
  FileRecordSource(const FileRecordSource&) = delete;
  FileRecordSource& operator=(const FileRecordSource&) = delete;
  std::string_view Read(uint64_t offset, uint64_t length) override;
  std::string_view ReadFrom(uint64_t offset, uint64_t length) override;

 private:
  std::string path_;
  int fd_ = -1;
  // The last block read (not zero-filled first: it is read over), its
  // size, and where it starts in the file.
  std::unique_ptr<char[]> buffer_;
  size_t capacity_ = 0;
  size_t size_ = 0;
  uint64_t block_offset_ = 0;
};

// Reads CSV from `in` once. `again` must give back the same bytes as `in`
// (a full ranking reads its records again for output; with --top it is not
// used, nor with `input_order`). `spool`, when given, receives a copy of every
// byte read (for a stream that cannot be read again). Throws CsvError
// (engine/csv/csv_reader.h) for a bad header, KeptColumnError for a kept column
// the header lacks, and BadRowError for the first bad row unless
// `skip_bad_rows`, in
// which case each bad row's "path:line: problem" goes to `log` as a line;
// CsvInputError (a failed read, an endless record) always stops the run.
RankSummary RankCsv(std::istream& in, const std::string& path,
                    RecordSource& again, const RankOptions& options,
                    const Scorer& scorer, std::ostream& out, std::ostream& log,
                    const RankProgress& progress = nullptr,
                    std::ostream* spool = nullptr);

}  // namespace credence

#endif  // CREDENCE_ENGINE_RANK_RANKER_H_
