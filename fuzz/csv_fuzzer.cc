// Fuzzes the CSV reader behind `credence rank` and RankCsv itself: any
// bytes give rows or CsvError, never a crash; the rows, their lines, their
// texts and which of them are rejected are what a small reference reader
// written here finds; every row read splits again (SplitRecord) into the
// same text and id; ranking the same bytes accounts for every row.
//
// Readers and rankings use small buffers (CsvBuffers::kSmall): 48 MiB an
// input would cost more than the rest of a run. One input in 64 is also
// read with the large buffers of production, which must give the same.
#include <cstddef>
#include <cstdint>
#include <sstream>
#include <string>
#include <string_view>
#include <vector>

#include "engine/csv/csv_reader.h"
#include "engine/rank/ranker.h"
#include "features/utf8.h"
#include "fuzz/fuzz_common.h"

namespace {

using namespace credence;  // NOLINT(build/namespaces)

// ------------------------------------------------------ reference reader
// RFC 4180 where a '"' opens a quoted field only as the field's first byte
// (elsewhere it is text), byte by byte, with nothing for speed.

struct RefRecord {
  uint64_t line = 0;  // physical line it starts on
  std::vector<std::string> fields;
  bool unclosed = false;  // the input ended inside quotes
  bool bare_cr = false;   // a CR in a field that is not quoted whole
};

// The records of `input`, blank lines (empty, or one CR) left out.
std::vector<RefRecord> RefRecords(std::string_view input) {
  enum State { kFieldStart, kUnquoted, kQuoted, kAfterQuote };
  if (input.substr(0, 3) == "\xEF\xBB\xBF") input.remove_prefix(3);
  std::vector<RefRecord> records;
  uint64_t line = 1;
  size_t i = 0;
  while (i < input.size()) {
    RefRecord record;
    record.line = line;
    std::vector<std::string> raw(1);
    State state = kFieldStart;
    bool ended = false;  // by a line end, not the end of the input
    for (; i < input.size() && !ended; ++i) {
      const char c = input[i];
      if (c == '\n') ++line;
      if (c == ',' && state != kQuoted) {
        raw.emplace_back();
        state = kFieldStart;
      } else if (c == '\n' && state != kQuoted) {
        ended = true;
      } else {
        raw.back() += c;
        if (c == '"' && state == kFieldStart) {
          state = kQuoted;
        } else if (c == '"' && state == kQuoted) {
          state = kAfterQuote;
        } else if (c == '"' && state == kAfterQuote) {
          state = kQuoted;  // a doubled quote
        } else if (state != kQuoted) {
          state = kUnquoted;
        }
      }
    }
    record.unclosed = state == kQuoted;
    // A CR before the line end is part of it; one at the input's end is
    // text, but no part of the last field's value.
    std::string& last = raw.back();
    if (!last.empty() && last.back() == '\r' && ended) last.pop_back();
    if (raw.size() == 1 && (last.empty() || last == "\r")) continue;  // blank
    if (!last.empty() && last.back() == '\r') last.pop_back();
    for (const std::string& field : raw) {
      // One quoted section: its inside, "" undone. Else as it stands.
      std::string value;
      bool whole = field.size() >= 2 && field.front() == '"';
      for (size_t j = 1; whole && j < field.size(); ++j) {
        if (field[j] != '"') {
          value += field[j];
        } else if (j + 1 == field.size()) {
          break;  // the closing quote ends the field
        } else if (field[j + 1] == '"') {
          value += '"';
          ++j;
        } else {
          whole = false;  // bytes after the closing quote
        }
      }
      whole = whole && field.back() == '"' && !record.unclosed;
      record.fields.push_back(whole ? value : field);
      if (!whole && field.find('\r') != std::string::npos) {
        record.bare_cr = true;
      }
    }
    records.push_back(std::move(record));
  }
  return records;
}

bool Readable(const std::string& value) {
  return FindInvalidUtf8(value) == std::string::npos &&
         value.find('\0') == std::string::npos;
}

// What reading `input` with columns headline and id must give: an event a
// row, "line L id 'I' text 'T'" or "rejected".
struct Expected {
  bool usable_header = false;
  std::vector<std::string> events;
};

Expected RefRead(const std::string& input) {
  Expected expected;
  const std::vector<RefRecord> records = RefRecords(input);
  if (records.empty() || records[0].unclosed || records[0].bare_cr) {
    return expected;
  }
  const std::vector<std::string>& header = records[0].fields;
  size_t text = header.size(), id = header.size();
  for (size_t f = 0; f < header.size(); ++f) {
    for (size_t g = 0; g < f; ++g) {
      if (header[f] == header[g]) return expected;  // duplicate column
    }
    if (header[f] == "headline") text = f;
    if (header[f] == "id") id = f;
  }
  if (text == header.size()) return expected;
  expected.usable_header = true;
  for (size_t r = 1; r < records.size(); ++r) {
    const RefRecord& record = records[r];
    const bool ok = !record.unclosed && record.fields.size() == header.size() &&
                    Readable(record.fields[text]) &&
                    (id == header.size() || Readable(record.fields[id]));
    expected.events.push_back(
        ok ? "line " + std::to_string(record.line) + " id '" +
                 (id == header.size() ? "" : record.fields[id]) + "' text '" +
                 record.fields[text] + "'"
           : "rejected");
  }
  return expected;
}

// ------------------------------------------------------------ the reader

// Reads every row the way `credence rank --skip-bad-rows` does, checking
// each against the record at its offset; returns its events (as RefRead
// words them), or sets `*bad_header`.
std::vector<std::string> ReadAllRows(const std::string& input,
                                     CsvBuffers buffers, bool* bad_header) {
  std::istringstream in(input);
  std::vector<std::string> events;
  *bad_header = false;
  try {
    CsvReader reader(in, "fuzz.csv", "headline", "id", false, nullptr, buffers);
    CsvRow row;
    for (;;) {
      try {
        if (!reader.Next(&row)) break;
      } catch (const CsvError& e) {
        FuzzCheckOneLine(e);
        events.emplace_back("rejected");
        continue;
      }
      events.push_back("line " + std::to_string(row.line) + " id '" +
                       std::string(row.id) + "' text '" +
                       std::string(row.text) + "'");
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
    *bad_header = true;
  }
  return events;
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  const std::string input(reinterpret_cast<const char*>(data), size);
  bool bad_header = false;
  const std::vector<std::string> events =
      ReadAllRows(input, CsvBuffers::kSmall, &bad_header);
  const Expected expected = RefRead(input);
  FuzzCheck(bad_header != expected.usable_header,
            "the header is refused when the reference refuses it");
  if (!bad_header) {
    FuzzCheck(events == expected.events,
              "rows, lines, texts and rejections are the reference's");
  }
  const uint8_t last = size > 0 ? data[size - 1] : 0;
  if (last % 64 == 63) {
    bool large_bad_header = false;
    FuzzCheck(
        ReadAllRows(input, CsvBuffers::kLarge, &large_bad_header) == events &&
            large_bad_header == bad_header,
        "large buffers read what small ones do");
  }
  uint64_t rejected = 0;
  for (const std::string& event : events) {
    rejected += event == "rejected" ? 1 : 0;
  }

  // The full ranking reads records again through a StringRecordSource.
  // The last byte picks the output format, --top, --skip-bad-rows and
  // batches and windows of a few rows (whose boundaries rows then cross,
  // and which cost little to allocate).
  RankOptions options;
  options.jsonl = (last & 1) != 0;
  options.top = (last & 2) != 0 ? 2 : 0;
  options.skip_bad_rows = (last & 4) == 0;
  options.batch_rows = 1 + ((last >> 3) & 3);
  options.window_rows = 1 + ((last >> 5) & 3);
  options.csv_buffers = CsvBuffers::kSmall;
  StringRecordSource again(input);
  std::istringstream in(input);
  std::ostringstream out, log;
  try {
    const RankSummary s =
        RankCsv(in, "fuzz.csv", again, options, BuiltInScorer(), out, log);
    FuzzCheck(s.read == s.ranked + s.rejected, "read = ranked + rejected");
    FuzzCheck(!bad_header && s.read == events.size() && s.rejected == rejected,
              "rank reads and rejects the rows the reader does");
  } catch (const CsvError& e) {
    FuzzCheckOneLine(e);
    // Without --skip-bad-rows the first bad row stops the run, output-less.
    FuzzCheck(bad_header || (!options.skip_bad_rows && rejected > 0),
              "only a bad header or row stops a run");
    FuzzCheck(out.str().empty(), "no output from a stopped run");
  }
  return 0;
}
