// Fuzzes the CSV reader behind `credence rank` and RankCsv itself: any
// bytes give rows or CsvError, never a crash; every row read splits again
// (SplitRecord) into the same text and id; ranking the same bytes with
// --skip-bad-rows accounts for every row.
#include <cstddef>
#include <cstdint>
#include <sstream>
#include <string>
#include <string_view>
#include <vector>

#include "engine/csv_reader.h"
#include "engine/ranker.h"
#include "fuzz/fuzz_common.h"

namespace {

constexpr uint64_t kBadHeader = ~uint64_t{0};

// Reads every row the way `credence rank --skip-bad-rows` does; returns
// the number of rows read (kBadHeader for a bad header) and counts the
// rejected ones in `rejected`.
uint64_t ReadAllRows(const std::string& input, uint64_t* rejected) {
  using namespace credence;  // NOLINT(build/namespaces)
  std::istringstream in(input);
  uint64_t rows = 0;
  try {
    CsvReader reader(in, "fuzz.csv", "headline", "id", false);
    CsvRow row;
    for (;;) {
      try {
        if (!reader.Next(&row)) break;
      } catch (const CsvError& e) {
        FuzzCheckOneLine(e);
        ++rows;
        ++*rejected;
        continue;
      }
      ++rows;
      FuzzCheck(row.offset + row.length <= input.size(), "record in input");
      const std::vector<std::string> fields =
          SplitRecord(std::string_view(input).substr(row.offset, row.length));
      FuzzCheck(reader.text_index() < fields.size() &&
                    fields[reader.text_index()] == row.text,
                "SplitRecord gives the text back");
      if (reader.has_id()) {
        FuzzCheck(reader.id_index() < fields.size() &&
                      fields[reader.id_index()] == row.id,
                  "SplitRecord gives the id back");
      }
    }
  } catch (const CsvError& e) {
    FuzzCheckOneLine(e);
    return kBadHeader;
  }
  return rows;
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  using namespace credence;  // NOLINT(build/namespaces)
  const std::string input(reinterpret_cast<const char*>(data), size);
  uint64_t rejected = 0;
  const uint64_t rows = ReadAllRows(input, &rejected);

  // The full ranking reads records again through a StringRecordSource.
  // The last byte picks the output format, --top and --skip-bad-rows (a
  // reader costs a 48 MiB fccp buffer, so one ranking a run).
  const uint8_t last = size > 0 ? data[size - 1] : 0;
  RankOptions options;
  options.jsonl = (last & 1) != 0;
  options.top = (last & 2) != 0 ? 2 : 0;
  options.skip_bad_rows = (last & 4) == 0;
  StringRecordSource again(input);
  std::istringstream in(input);
  std::ostringstream out, log;
  try {
    const RankSummary s =
        RankCsv(in, "fuzz.csv", again, options, BuiltInScorer(), out, log);
    FuzzCheck(s.read == s.ranked + s.rejected, "read = ranked + rejected");
    FuzzCheck(s.read == rows && s.rejected == rejected,
              "rank reads and rejects the rows the reader does");
  } catch (const CsvError& e) {
    FuzzCheckOneLine(e);
    // Without --skip-bad-rows the first bad row stops the run, output-less.
    FuzzCheck(rows == kBadHeader || (!options.skip_bad_rows && rejected > 0),
              "only a bad header or row stops a run");
    FuzzCheck(out.str().empty(), "no output from a stopped run");
  }
  return 0;
}
