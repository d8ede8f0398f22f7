#include "engine/ranker.h"

#include <fcntl.h>
#include <unistd.h>

#include <algorithm>
#include <cerrno>
#include <charconv>
#include <cmath>
#include <cstring>
#include <deque>
#include <memory>
#include <ostream>
#include <stdexcept>
#include <thread>
#include <vector>

#include "engine/csv_reader.h"
#include "engine/report.h"

namespace credence {
namespace {

// Rows are read and scored in batches: big enough to keep threads busy,
// small enough that the texts in flight cost little memory.
constexpr size_t kBatchRows = 8192;

// What the output needs of a row besides its text: 40 bytes a row, so a
// full ranking costs far less memory than the input it reads.
struct Row {
  double score = 0.0;
  uint64_t number = 0;  // 1-based row number: input order, for ties
  uint64_t offset = 0;  // the record's bytes in the input
  uint32_t length = 0;
  uint32_t cue_begin = 0;  // the strongest cue, bytes into the text
  uint32_t cue_end = 0;
  uint8_t backing = 0;
  uint8_t cue_category = 0xFF;  // 0xFF: no cue
};

// A row being scored: its strings live in the batch.
struct Pending {
  Row row;
  std::string id;
  std::string text;
};

void ScoreRow(const Scorer& scorer, Pending* p) {
  const ScoredClaim claim = scorer.ScoreClaim(p->text, {0, p->text.size()});
  Row& row = p->row;
  row.score = claim.confidence;
  row.backing = static_cast<uint8_t>(claim.evidence.backing);
  double strongest = 0;
  for (size_t c = 0; c < claim.evidence.cues.size(); ++c) {
    const double w = std::fabs(claim.cue_contributions[c]);
    if (w > strongest) {
      strongest = w;
      const Cue& cue = claim.evidence.cues[c];
      row.cue_category = static_cast<uint8_t>(cue.category);
      row.cue_begin = static_cast<uint32_t>(cue.begin);
      row.cue_end = static_cast<uint32_t>(cue.end);
    }
  }
}

// Scores a batch on `threads` threads, each a contiguous share.
void ScoreBatch(const Scorer& scorer, unsigned threads,
                std::vector<Pending>* batch) {
  const size_t n = batch->size();
  const size_t workers = std::min<size_t>(threads, (n + 255) / 256);
  if (workers <= 1) {
    for (Pending& p : *batch) ScoreRow(scorer, &p);
    return;
  }
  std::vector<std::thread> pool;
  for (size_t w = 0; w < workers; ++w) {
    pool.emplace_back([&, w] {
      for (size_t i = n * w / workers; i < n * (w + 1) / workers; ++i) {
        ScoreRow(scorer, &(*batch)[i]);
      }
    });
  }
  for (std::thread& t : pool) t.join();
}

// Whether a comes before b in the output: a total order, so sorting is
// deterministic without being stable.
struct OutputOrder {
  bool ascending;
  bool operator()(const Row& a, const Row& b) const {
    if (a.score != b.score) {
      return ascending ? a.score < b.score : a.score > b.score;
    }
    return a.number < b.number;
  }
};

void CsvField(std::string_view s, std::string* line) {
  bool plain = true;  // a loop: find_first_of calls memchr a character
  for (const char c : s) {
    plain &= c != ',' && c != '"' && c != '\r' && c != '\n';
  }
  if (plain) {
    line->append(s);
    return;
  }
  line->push_back('"');
  for (size_t b = 0;;) {  // copy up to each quote, then double it
    const size_t q = s.find('"', b);
    line->append(s.substr(b, q == std::string_view::npos ? q : q + 1 - b));
    if (q == std::string_view::npos) break;
    line->push_back('"');
    b = q + 1;
  }
  line->push_back('"');
}

void WriteRow(const Row& row, std::string_view id, std::string_view text,
              uint64_t rank, const Scorer& scorer, bool jsonl,
              std::ostream& out) {
  char score[32];
  const auto end = std::to_chars(score, score + sizeof score, row.score,
                                 std::chars_format::fixed, 6);
  const std::string_view score_text(score,
                                    static_cast<size_t>(end.ptr - score));
  if (jsonl) {
    // The claim object is rebuilt: scoring is deterministic, and keeping
    // every cue of every row would cost more memory than the input.
    const ScoredClaim claim = scorer.ScoreClaim(text, {0, text.size()});
    out << "{\"rank\":" << rank << ",\"id\":";
    WriteJsonString(id, out);
    out << ",\"score\":" << score_text << ",\"claim\":";
    WriteClaimJson(text, claim, 0, scorer, out);
    out << "}\n";
    return;
  }
  // One write a row: stream operators a field at a time cost more than
  // scoring the row did.
  thread_local std::string line;
  line.clear();
  line.append(std::to_string(rank)).push_back(',');
  CsvField(id, &line);
  line.push_back(',');
  line.append(score_text).push_back(',');
  line.append(BackingName(static_cast<Backing>(row.backing))).push_back(',');
  if (row.cue_category != 0xFF) {
    line.append(Extractor::CategoryNames()[row.cue_category]).push_back(',');
    CsvField(text.substr(row.cue_begin, row.cue_end - row.cue_begin), &line);
  } else {
    line.push_back(',');
  }
  line.push_back(',');
  CsvField(text, &line);
  line.push_back('\n');
  out.write(line.data(), static_cast<std::streamsize>(line.size()));
}

}  // namespace

std::string_view StringRecordSource::Read(uint64_t offset, uint64_t length) {
  if (offset + length > input_.size()) {
    throw std::runtime_error("record beyond the end of the input");
  }
  return input_.substr(offset, length);
}

FileRecordSource::FileRecordSource(const std::string& path) : path_(path) {
  fd_ = ::open(path.c_str(), O_RDONLY);
  if (fd_ < 0) {
    throw std::runtime_error(path + ": cannot open (" + std::strerror(errno) +
                             ")");
  }
}

FileRecordSource::~FileRecordSource() {
  if (fd_ >= 0) ::close(fd_);
}

std::string_view FileRecordSource::Read(uint64_t offset, uint64_t length) {
  // Served from the last block read when it holds the record: callers that
  // ask in file order cost one system call a megabyte.
  if (offset >= block_offset_ &&
      offset + length <= block_offset_ + buffer_.size()) {
    return std::string_view(buffer_).substr(offset - block_offset_, length);
  }
  constexpr uint64_t kBlock = uint64_t{1} << 20;
  buffer_.resize(std::max(length, kBlock));
  size_t done = 0;
  while (done < buffer_.size()) {
    const ssize_t n = ::pread(fd_, buffer_.data() + done, buffer_.size() - done,
                              static_cast<off_t>(offset + done));
    if (n < 0) {
      throw std::runtime_error(path_ + ": cannot read the input again (" +
                               std::string(std::strerror(errno)) + ")");
    }
    if (n == 0) break;  // end of file: the block is shorter
    done += static_cast<size_t>(n);
  }
  buffer_.resize(done);
  block_offset_ = offset;
  if (done < length) {
    throw std::runtime_error(path_ +
                             ": cannot read the input again (it got shorter)");
  }
  return std::string_view(buffer_).substr(0, length);
}

RankSummary RankCsv(std::istream& in, const std::string& path,
                    RecordSource& again, const RankOptions& options,
                    const Scorer& scorer, std::ostream& out, std::ostream& log,
                    const RankProgress& progress, std::ostream* spool) {
  const ClassicLocale classic_out(out), classic_log(log);
  auto reader = std::make_unique<CsvReader>(
      in, path, options.column, options.id_column, options.id_required, spool);
  RankSummary summary;
  const OutputOrder order{options.ascending};
  const bool top = options.top > 0;
  // Without --top: every row, positions only (a deque grows without the
  // copies a vector makes). With --top: a heap whose front is the worst
  // row kept, each with its strings.
  std::deque<Row> rows;
  std::vector<Pending> heap;
  auto heap_order = [&](const Pending& a, const Pending& b) {
    return order(a.row, b.row);
  };
  std::vector<Pending> batch;

  // Keeps the scored rows of a batch, in input order.
  auto keep = [&](std::vector<Pending>* scored) {
    for (Pending& p : *scored) {
      if (!top) {
        rows.push_back(p.row);
        continue;
      }
      if (heap.size() == options.top && !order(p.row, heap.front().row)) {
        continue;
      }
      heap.push_back(std::move(p));
      std::push_heap(heap.begin(), heap.end(), heap_order);
      if (heap.size() > options.top) {
        std::pop_heap(heap.begin(), heap.end(), heap_order);
        heap.pop_back();
      }
    }
    scored->clear();
  };
  // One batch is scored while the next is read: parsing and scoring
  // overlap, and batches are kept in input order, so the result does not
  // depend on timing.
  std::vector<Pending> scoring;
  std::thread scorer_thread;
  auto wait = [&] {
    if (scorer_thread.joinable()) {
      scorer_thread.join();
      keep(&scoring);
    }
  };
  auto flush = [&] {
    wait();
    std::swap(scoring, batch);
    scorer_thread = std::thread(
        [&] { ScoreBatch(scorer, std::max(1u, options.threads), &scoring); });
    if (progress) progress(summary.read);
  };
  // A run stopped by a bad row still joins the scoring thread.
  struct Joiner {
    std::thread* t;
    ~Joiner() {
      if (t->joinable()) t->join();
    }
  } joiner{&scorer_thread};

  CsvRow row;
  for (;;) {
    bool more;
    try {
      more = reader->Next(&row);
    } catch (const CsvError& e) {
      ++summary.read;
      ++summary.rejected;
      if (!options.skip_bad_rows) throw;
      log << e.what() << '\n';
      continue;
    }
    if (!more) break;
    ++summary.read;
    ++summary.ranked;
    Pending p;
    p.row.number = row.number;
    p.row.offset = row.offset;
    p.row.length = static_cast<uint32_t>(row.length);
    p.id = reader->has_id() ? std::string(row.id) : std::to_string(row.number);
    p.text = std::string(row.text);
    batch.push_back(std::move(p));
    if (batch.size() == kBatchRows) flush();
  }
  flush();
  wait();

  if (!options.jsonl) out << "rank,id,score,backing,cue_category,cue,text\n";
  if (top) {
    std::sort_heap(heap.begin(), heap.end(), heap_order);
    for (size_t i = 0; i < heap.size(); ++i) {
      WriteRow(heap[i].row, heap[i].id, heap[i].text, i + 1, scorer,
               options.jsonl, out);
    }
    return summary;
  }
  std::sort(rows.begin(), rows.end(), order);
  const size_t text_field = reader->text_index();
  const size_t id_field = reader->id_index();
  const bool has_id = reader->has_id();
  reader.reset();  // its buffers are the largest thing still held
  // Records are fetched a window of ranks at a time in file order (so the
  // source reads big sequential blocks, not a million small ones), then
  // written in rank order.
  constexpr size_t kWindow = size_t{1} << 18;
  std::vector<uint32_t> by_offset;
  std::vector<size_t> at;  // where each window row's bytes start in `bytes`
  std::string bytes;
  std::vector<std::string_view> views;
  std::vector<std::string> fields;
  for (size_t w = 0; w < rows.size(); w += kWindow) {
    const size_t n = std::min(kWindow, rows.size() - w);
    by_offset.resize(n);
    for (size_t i = 0; i < n; ++i) by_offset[i] = static_cast<uint32_t>(i);
    std::sort(by_offset.begin(), by_offset.end(), [&](uint32_t a, uint32_t b) {
      return rows[w + a].offset < rows[w + b].offset;
    });
    bytes.clear();
    at.assign(n + 1, 0);
    for (const uint32_t i : by_offset) {
      at[i] = bytes.size();
      bytes.append(again.Read(rows[w + i].offset, rows[w + i].length));
    }
    for (size_t i = 0; i < n; ++i) {
      const Row& r = rows[w + i];
      const std::string_view record =
          std::string_view(bytes).substr(at[i], r.length);
      views.clear();
      if (record.find('"') == std::string_view::npos) {
        // No quotes: the fields are the text between commas, as they stand.
        for (size_t b = 0;;) {
          const size_t e = std::min(record.find(',', b), record.size());
          views.push_back(record.substr(b, e - b));
          if (e == record.size()) break;
          b = e + 1;
        }
      } else {
        fields = SplitRecord(record);
        views.assign(fields.begin(), fields.end());
      }
      const std::string number = std::to_string(r.number);
      WriteRow(r, has_id ? views[id_field] : number, views[text_field],
               w + i + 1, scorer, options.jsonl, out);
    }
  }
  return summary;
}

}  // namespace credence
