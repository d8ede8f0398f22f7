#include "engine/ranker.h"

#include <algorithm>
#include <charconv>
#include <cmath>
#include <memory>
#include <ostream>
#include <queue>
#include <string_view>
#include <thread>
#include <vector>

#include "engine/csv_reader.h"
#include "engine/report.h"

namespace credence {
namespace {

// Rows are read and scored in batches: big enough to keep threads busy,
// small enough that a --top run holds little besides its heap.
constexpr size_t kBatchRows = 8192;
constexpr size_t kArenaChunk = size_t{1} << 20;

// Id and text bytes of kept rows, in chunks that never move, so a row can
// point into them while more rows arrive.
class Arena {
 public:
  std::string_view Add(std::string_view bytes) {
    if (chunks_.empty() || used_ + bytes.size() > capacity_) {
      capacity_ = std::max(kArenaChunk, bytes.size());
      chunks_.push_back(std::make_unique<char[]>(capacity_));
      used_ = 0;
    }
    char* at = chunks_.back().get() + used_;
    std::copy(bytes.begin(), bytes.end(), at);
    used_ += bytes.size();
    return {at, bytes.size()};
  }
  void Clear() {
    chunks_.clear();
    used_ = capacity_ = 0;
  }

 private:
  std::vector<std::unique_ptr<char[]>> chunks_;
  size_t used_ = 0;
  size_t capacity_ = 0;
};

// What a ranked row keeps: its score, where its strings are, and the
// summary the CSV output prints.
struct Row {
  double score = 0.0;
  uint64_t number = 0;  // input order, for ties
  std::string_view id;
  std::string_view text;
  uint32_t cue_begin = 0;  // the strongest cue, bytes into text
  uint32_t cue_end = 0;
  uint8_t backing = 0;
  uint8_t cue_category = 0xFF;  // 0xFF: no cue
};

void ScoreRow(const Scorer& scorer, Row* row) {
  const ScoredClaim claim =
      scorer.ScoreClaim(row->text, {0, row->text.size()});
  row->score = claim.confidence;
  row->backing = static_cast<uint8_t>(claim.evidence.backing);
  double strongest = 0;
  for (size_t c = 0; c < claim.evidence.cues.size(); ++c) {
    const double w = std::fabs(claim.cue_contributions[c]);
    if (w > strongest) {
      strongest = w;
      const Cue& cue = claim.evidence.cues[c];
      row->cue_category = static_cast<uint8_t>(cue.category);
      row->cue_begin = static_cast<uint32_t>(cue.begin);
      row->cue_end = static_cast<uint32_t>(cue.end);
    }
  }
}

// Scores rows [0, n) on `threads` threads, each a contiguous share.
void ScoreBatch(const Scorer& scorer, unsigned threads, Row* rows, size_t n) {
  const size_t workers = std::min<size_t>(threads, (n + 255) / 256);
  if (workers <= 1) {
    for (size_t i = 0; i < n; ++i) ScoreRow(scorer, &rows[i]);
    return;
  }
  std::vector<std::thread> pool;
  for (size_t w = 0; w < workers; ++w) {
    pool.emplace_back([&, w] {
      for (size_t i = n * w / workers; i < n * (w + 1) / workers; ++i) {
        ScoreRow(scorer, &rows[i]);
      }
    });
  }
  for (std::thread& t : pool) t.join();
}

// Whether a comes before b in the output.
struct OutputOrder {
  bool ascending;
  bool operator()(const Row& a, const Row& b) const {
    if (a.score != b.score) return ascending ? a.score < b.score
                                             : a.score > b.score;
    return a.number < b.number;
  }
};

void CsvField(std::string_view s, std::ostream& out) {
  if (s.find_first_of(",\"\r\n") == std::string_view::npos) {
    out << s;
    return;
  }
  out << '"';
  for (const char c : s) {
    if (c == '"') out << '"';
    out << c;
  }
  out << '"';
}

void WriteRow(const Row& row, uint64_t rank, const Scorer& scorer,
              bool jsonl, std::ostream& out) {
  char score[32];
  const auto end = std::to_chars(score, score + sizeof score, row.score,
                                 std::chars_format::fixed, 6);
  const std::string_view score_text(score, static_cast<size_t>(end.ptr - score));
  if (jsonl) {
    // The claim object is rebuilt: scoring is deterministic, and keeping
    // every cue of every row would cost more memory than the input.
    const ScoredClaim claim =
        scorer.ScoreClaim(row.text, {0, row.text.size()});
    out << "{\"rank\":" << rank << ",\"id\":";
    WriteJsonString(row.id, out);
    out << ",\"score\":" << score_text << ",\"claim\":";
    WriteClaimJson(row.text, claim, 0, scorer, out);
    out << "}\n";
    return;
  }
  out << rank << ',';
  CsvField(row.id, out);
  out << ',' << score_text << ','
      << BackingName(static_cast<Backing>(row.backing)) << ',';
  if (row.cue_category != 0xFF) {
    out << Extractor::CategoryNames()[row.cue_category] << ',';
    CsvField(row.text.substr(row.cue_begin, row.cue_end - row.cue_begin),
             out);
  } else {
    out << ',';
  }
  out << ',';
  CsvField(row.text, out);
  out << '\n';
}

}  // namespace

RankSummary RankCsv(std::istream& in, const std::string& path,
                    const RankOptions& options, const Scorer& scorer,
                    std::ostream& out, std::ostream& log,
                    const RankProgress& progress) {
  CsvReader reader(in, path, options.column, options.id_column,
                   options.id_required);
  RankSummary summary;
  const OutputOrder order{options.ascending};
  const bool top = options.top > 0;
  std::vector<Row> kept;   // every row (without --top), in input order
  Arena kept_strings;      // their ids and texts
  std::vector<Row> batch;  // rows read, not scored yet
  Arena batch_strings;     // their strings, with --top
  // With --top: a heap whose front is the worst row kept, each row with
  // its own strings (the views are set again once the heap stops moving).
  struct Owned {
    Row row;
    std::string id, text;
  };
  std::vector<Owned> heap;
  auto heap_order = [&](const Owned& a, const Owned& b) {
    return order(a.row, b.row);
  };

  auto flush = [&] {
    ScoreBatch(scorer, std::max(1u, options.threads), batch.data(),
               batch.size());
    for (const Row& row : batch) {
      if (!top) {
        kept.push_back(row);
        continue;
      }
      if (heap.size() == options.top && !order(row, heap.front().row)) {
        continue;
      }
      heap.push_back({row, std::string(row.id), std::string(row.text)});
      std::push_heap(heap.begin(), heap.end(), heap_order);
      if (heap.size() > options.top) {
        std::pop_heap(heap.begin(), heap.end(), heap_order);
        heap.pop_back();
      }
    }
    batch.clear();
    batch_strings.Clear();
    if (progress) progress(summary.read);
  };

  CsvRow row;
  for (;;) {
    bool more;
    try {
      more = reader.Next(&row);
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
    Arena& strings = top ? batch_strings : kept_strings;
    Row r;
    r.number = row.number;
    r.id = reader.has_id() ? strings.Add(row.id)
                           : strings.Add(std::to_string(row.number));
    r.text = strings.Add(row.text);
    batch.push_back(r);
    if (batch.size() == kBatchRows) flush();
  }
  flush();
  if (top) {
    std::sort_heap(heap.begin(), heap.end(), heap_order);
    for (Owned& o : heap) {
      o.row.id = o.id;
      o.row.text = o.text;
      kept.push_back(o.row);
    }
  } else {
    std::stable_sort(kept.begin(), kept.end(), order);
  }
  if (!options.jsonl) out << "rank,id,score,backing,cue_category,cue,text\n";
  for (size_t i = 0; i < kept.size(); ++i) {
    WriteRow(kept[i], i + 1, scorer, options.jsonl, out);
  }
  return summary;
}

}  // namespace credence
