// credence rank: CSV rows read in batches, scored on a thread pool and
// written in rank order (all rows or the top k), as CSV or JSON lines.
#include "engine/rank/ranker.h"

#include <fcntl.h>
#include <unistd.h>

#include <algorithm>
#include <cerrno>
#include <charconv>
#include <cmath>
#include <cstring>
#include <locale>
#include <memory>
#include <new>
#include <ostream>
#include <sstream>
#include <stdexcept>
#include <vector>

#include "engine/csv/csv_reader.h"
#include "engine/csv/csv_record.h"
#include "engine/report.h"
#include "engine/util/huge_pages.h"
#include "engine/util/radix_sort.h"
#include "engine/util/work_pool.h"

namespace credence {
namespace {

constexpr uint8_t kNoCue = 0xFF;

// The values of a row's kept columns (RankOptions::keep_columns), in the
// order they are written.
using KeptValues = std::vector<std::string_view>;

// What the output needs of a row besides its id and text, which a full
// ranking reads again: 24 bytes a row, so a full ranking costs far less
// memory than the input it reads. Rows are kept in input order, so a row's
// place is its number (less the rejected rows before it).
struct Row {
  Row()
      : offset(0),
        length(0),
        cue_begin(0),
        cue_category(kNoCue),
        cue_end(0),
        backing(0) {}

  double score = 0.0;
  uint64_t offset : 40;     // the record's bytes in the input (up to 1 TiB);
  uint64_t length : 24;     // CsvReader rejects records of 2^24 bytes or more
  uint32_t cue_begin : 24;  // the strongest cue, bytes into the text
  uint32_t cue_category : 8;
  uint32_t cue_end : 24;
  uint32_t backing : 8;
};
static_assert(sizeof(Row) == 24, "a row costs 24 bytes");
constexpr uint64_t kMaxOffset = (uint64_t{1} << 40) - 1;
constexpr uint32_t kMaxLength = (uint32_t{1} << 24) - 1;

// A row in rank order, as the sort leaves it: the row's index (below 2^40,
// as rows are no fewer than their bytes) and its record's length above, so
// windows of ranks are sized without looking their rows up.
constexpr int kRankedLengthShift = 40;
uint64_t RankedRow(uint64_t ranked) { return ranked & kMaxOffset; }
uint64_t RankedLength(uint64_t ranked) { return ranked >> kRankedLengthShift; }

// What a scoring thread reuses from row to row: after its first rows,
// scoring allocates nothing. Pool threads run any batch, so it is kept per
// thread.
struct Workspace {
  ExtractScratch scratch;
  ScoredClaim claim;
};

const ScoredClaim& ScoreText(const Scorer& scorer, std::string_view text) {
  thread_local Workspace work;
  scorer.ScoreClaim(text, {0, text.size()}, Backing::kNone, &work.scratch,
                    &work.claim);
  return work.claim;
}

void ScoreRow(const Scorer& scorer, std::string_view text, Row* row) {
  const ScoredClaim& claim = ScoreText(scorer, text);
  row->score = claim.confidence;
  row->backing = static_cast<uint8_t>(claim.evidence.backing);
  row->cue_category = kNoCue;
  double strongest = 0;
  for (size_t c = 0; c < claim.evidence.cues.size(); ++c) {
    const double w = std::fabs(claim.cue_contributions[c]);
    if (w > strongest) {
      strongest = w;
      const Cue& cue = claim.evidence.cues[c];
      row->cue_category = static_cast<uint8_t>(cue.category);
      row->cue_begin = static_cast<uint32_t>(cue.begin) & kMaxLength;
      row->cue_end = static_cast<uint32_t>(cue.end) & kMaxLength;
    }
  }
}

// Text built a piece at a time (rows of output, texts of a batch): Room()
// gives writable bytes past the end without the zero-filling of
// std::string::resize, and Append() is inline.
class TextBuffer {
 public:
  // Room for `n` bytes in all, so that text up to that size is not copied
  // as it grows.
  void Reserve(size_t n) {
    if (n > capacity_) Room(n - size_);
  }
  // At least `n` bytes to write at; End() then says where the text ends.
  char* Room(size_t n) {
    if (capacity_ - size_ < n) {
      capacity_ = std::max(2 * capacity_, size_ + n);
      std::unique_ptr<char[]> bigger(new char[capacity_]);
      if (size_ > 0) std::memcpy(bigger.get(), data_.get(), size_);
      data_ = std::move(bigger);
    }
    return data_.get() + size_;
  }
  void End(const char* end) { size_ = static_cast<size_t>(end - data_.get()); }
  void Append(std::string_view s) {
    char* const at = Room(s.size());
    if (!s.empty()) std::memcpy(at, s.data(), s.size());
    size_ += s.size();
  }
  const char* data() const { return data_.get(); }
  size_t size() const { return size_; }
  void clear() { size_ = 0; }
  void WriteTo(std::ostream& out) const {
    out.write(data_.get(), static_cast<std::streamsize>(size_));
  }

 private:
  std::unique_ptr<char[]> data_;
  size_t size_ = 0;
  size_t capacity_ = 0;
};

// Rows read and not yet scored: their texts (and with --top or in input
// order their ids and kept values) one after another in `bytes`, rather
// than a string each.
struct Batch {
  struct Item {
    uint64_t number = 0;  // 1-based row number
    size_t text = 0;      // where its text starts in `bytes`...
    size_t id = 0;        // ...and its id, which ends at `end`
    size_t end = 0;
  };
  TextBuffer bytes;
  std::vector<Item> items;
  // The kept values of item i follow its id in `bytes`, value k ending at
  // kept_ends[i * kept_count + k].
  std::vector<size_t> kept_ends;
  size_t kept_count = 0;
  Row* rows = nullptr;        // the scores go here, a row an item: into
  std::vector<Row> own_rows;  // these with --top, else a RowStore block
  WorkPool::Job job;
  bool submitted = false;
  // In input order: the rank of the first item, and the items formatted.
  uint64_t first_rank = 0;
  TextBuffer output;

  std::string_view text(const Item& item) const {
    return std::string_view(bytes.data() + item.text, item.id - item.text);
  }
  std::string_view id(const Item& item) const {
    return std::string_view(bytes.data() + item.id, item.end - item.id);
  }
  // The kept values of item `i`, into `*kept`.
  const KeptValues& Kept(size_t i, KeptValues* kept) const {
    kept->resize(kept_count);
    size_t begin = items[i].end;
    for (size_t k = 0; k < kept_count; ++k) {
      const size_t end = kept_ends[i * kept_count + k];
      (*kept)[k] = std::string_view(bytes.data() + begin, end - begin);
      begin = end;
    }
    return *kept;
  }
};

// Every row of a full ranking in input order, a block a batch: nothing is
// copied as it grows, and a batch's scores go straight to their place.
// Blocks are cut from slabs of about 8 MiB, on huge pages where there are
// any (the output pass reads rows at random).
class RowStore {
 public:
  explicit RowStore(size_t block)
      : block_(block),
        slab_blocks_(std::max<size_t>(1, kSlabBytes / (block * sizeof(Row)))) {}
  Row* NewBlock() {
    if (blocks_.size() % slab_blocks_ == 0) {
      const size_t bytes = slab_blocks_ * block_ * sizeof(Row);
      // Aligned, so that the slab is whole huge pages.
      slabs_.emplace_back(static_cast<Row*>(
          ::operator new (bytes, std::align_val_t{kHugePageBytes})));
      AdviseHugePages(slabs_.back().get(), bytes);
    }
    Row* const block =
        slabs_.back().get() + (blocks_.size() % slab_blocks_) * block_;
    std::uninitialized_default_construct_n(block, block_);
    blocks_.push_back(block);
    return block;
  }
  const Row& operator[](uint64_t i) const {
    return blocks_[i / block_][i % block_];
  }

 private:
  static constexpr size_t kSlabBytes = size_t{8} << 20;
  struct Free {
    void operator()(Row* p) const {
      ::operator delete (p, std::align_val_t{kHugePageBytes});
    }
  };
  size_t block_;
  size_t slab_blocks_;  // blocks a slab
  std::vector<std::unique_ptr<Row, Free>> slabs_;
  std::vector<Row*> blocks_;
};

// The 1-based number of the row at `index` among the ranked rows, given
// the numbers of the rejected rows (in order).
uint64_t RowNumber(uint64_t index, const std::vector<uint64_t>& rejected) {
  // Rejected row j has rejected[j] - 1 - j ranked rows before it: count
  // the rejected rows that come before the row.
  const auto before = std::partition_point(
      rejected.begin(), rejected.end(), [&](const uint64_t& r) {
        return r - 1 - static_cast<uint64_t>(&r - rejected.data()) <= index;
      });
  return index + 1 + static_cast<uint64_t>(before - rejected.begin());
}

// The bytes between a row's score and its cue, ",backing,category," (with
// the output's delimiter), for each backing and cue category (or none),
// made once: a row then copies one label instead of looking two names up
// and copying them.
class RowLabels {
 public:
  explicit RowLabels(char delimiter) {
    const std::string d(1, delimiter);
    const std::vector<std::string>& categories = Extractor::CategoryNames();
    per_backing_ = categories.size() + 1;  // the last: no cue
    for (size_t b = 0; b < kBackingCount; ++b) {
      const std::string backing = BackingName(static_cast<Backing>(b));
      for (size_t c = 0; c < per_backing_; ++c) {
        std::string label =
            d + backing + d + (c < categories.size() ? categories[c] : "") + d;
        sizes_.push_back(label.size());
        room_ = std::max(room_, label.size());
        label.resize(std::max(label.size(), kCopyBytes));  // see Put()
        labels_.push_back(std::move(label));
      }
    }
  }
  // Bytes Put() may write: kCopyBytes, or the longest label.
  size_t room() const { return room_; }
  // Writes the label of `row` at `out`, which has room(); returns its end.
  char* Put(const Row& row, char* out) const {
    const size_t category =
        row.cue_category == kNoCue ? per_backing_ - 1 : row.cue_category;
    const size_t i = row.backing * per_backing_ + category;
    // Labels are padded to kCopyBytes: a copy of that fixed size costs no
    // call (the bytes past the label are written over next).
    if (sizes_[i] <= kCopyBytes) {
      std::memcpy(out, labels_[i].data(), kCopyBytes);
    } else {
      std::memcpy(out, labels_[i].data(), sizes_[i]);
    }
    return out + sizes_[i];
  }

 private:
  static constexpr size_t kCopyBytes = 48;
  size_t per_backing_ = 0;
  size_t room_ = kCopyBytes;
  std::vector<std::string> labels_;  // [backing * per_backing_ + category]
  std::vector<size_t> sizes_;
};

// A row of the CSV output. `plain`: id and text are known to need no
// quotes.
void AppendCsvRow(const DecimalCounter& rank, std::string_view id,
                  std::string_view text, const Row& row,
                  const RowLabels& labels, bool plain, const KeptValues& kept,
                  char delimiter, TextBuffer* out) {
  std::string_view cue;
  if (row.cue_category != kNoCue) {
    cue = text.substr(row.cue_begin, row.cue_end - row.cue_begin);
  }
  const auto copy = [](std::string_view s, char* p) {
    // An empty view may hold a null pointer, which memcpy must not get.
    if (!s.empty()) std::memcpy(p, s.data(), s.size());
    return p + s.size();
  };
  const auto field = [plain, &copy, delimiter](std::string_view s, char* p) {
    return plain ? copy(s, p) : PutCsvField(s, p, delimiter);
  };
  size_t kept_bytes = 0;
  for (const std::string_view value : kept) kept_bytes += 2 * value.size() + 3;
  // Room for the longest the row can be, then its pieces copied in.
  char* p =
      out->Room(DecimalCounter::kMaxDigits + kMaxScoreChars + labels.room() +
                2 * (id.size() + cue.size() + text.size()) + kept_bytes + 16);
  p = rank.Put(p);
  *p++ = delimiter;
  p = field(id, p);
  *p++ = delimiter;
  p = PutFixed6(row.score, p);
  p = labels.Put(row, p);  // names need no quotes
  p = field(cue, p);
  *p++ = delimiter;
  p = field(text, p);
  for (const std::string_view value : kept) {
    *p++ = delimiter;
    p = PutCsvField(value, p, delimiter);
  }
  *p++ = '\n';
  out->End(p);
}

// The fields every JSON lines row starts with, into an emptied `json`:
// {"schema_version", "rank", "id", "score" (six decimals).
void StartJsonRow(uint64_t rank, std::string_view id, const Row& row,
                  std::ostringstream* json) {
  char score[kMaxScoreChars];
  const std::string_view score_text(
      score, static_cast<size_t>(PutFixed6(row.score, score) - score));
  json->str("");
  *json << "{\"schema_version\":" << kJsonSchemaVersion << ",\"rank\":" << rank
        << ",\"id\":";
  WriteJsonString(id, *json);
  *json << ",\"score\":" << score_text;
}

// The kept columns of a JSON lines row, `names` and `values` in step:
// ,"columns":{"NAME":"VALUE",...}; nothing when no column is kept.
void WriteKeptJson(const std::vector<std::string>& names,
                   const KeptValues& values, std::ostringstream* json) {
  if (names.empty()) return;
  *json << ",\"columns\":{";
  for (size_t k = 0; k < names.size(); ++k) {
    if (k > 0) *json << ',';
    WriteJsonString(names[k], *json);
    *json << ':';
    WriteJsonString(values[k], *json);
  }
  *json << '}';
}

// A row of the JSON lines output: `json` is a stream to reuse.
void AppendJsonRow(uint64_t rank, std::string_view id, std::string_view text,
                   const Row& row, const Scorer& scorer,
                   const std::vector<std::string>& kept_names,
                   const KeptValues& kept, std::ostringstream* json,
                   TextBuffer* out) {
  // The claim object is rebuilt: scoring is deterministic, and keeping
  // every cue of every row would cost more memory than the input.
  const ScoredClaim& claim = ScoreText(scorer, text);
  StartJsonRow(rank, id, row, json);
  *json << ",\"claim\":";
  WriteClaimJson(text, claim, 0, scorer, *json);
  WriteKeptJson(kept_names, kept, json);
  *json << "}\n";
  out->Append(json->str());
}

// A row of the brief JSON lines output: the CSV output's fields, the cue
// as {"category", "text"} or null.
void AppendBriefJsonRow(uint64_t rank, std::string_view id,
                        std::string_view text, const Row& row,
                        const std::vector<std::string>& kept_names,
                        const KeptValues& kept, std::ostringstream* json,
                        TextBuffer* out) {
  StartJsonRow(rank, id, row, json);
  *json << ",\"backing\":\"" << BackingName(static_cast<Backing>(row.backing))
        << "\",\"cue\":";
  if (row.cue_category == kNoCue) {
    *json << "null";
  } else {
    *json << "{\"category\":";
    WriteJsonString(Extractor::CategoryNames()[row.cue_category], *json);
    *json << ",\"text\":";
    WriteJsonString(text.substr(row.cue_begin, row.cue_end - row.cue_begin),
                    *json);
    *json << "}";
  }
  *json << ",\"text\":";
  WriteJsonString(text, *json);
  WriteKeptJson(kept_names, kept, json);
  *json << "}\n";
  out->Append(json->str());
}

// How rows are written: the format, the CSV delimiter and the names of the
// kept columns (none: no column kept).
struct RowWriter {
  const Scorer* scorer = nullptr;
  const RowLabels* labels = nullptr;
  bool jsonl = false;
  bool brief = false;
  char delimiter = ',';
  std::vector<std::string> kept_names;

  // Appends the row of rank `rank` (its digits in `digits`). `plain`: id
  // and text are known to need no quotes in CSV. `json` is a stream to
  // reuse.
  void Append(const DecimalCounter& digits, uint64_t rank, std::string_view id,
              std::string_view text, const Row& row, bool plain,
              const KeptValues& kept, std::ostringstream* json,
              TextBuffer* out) const {
    if (jsonl && brief) {
      AppendBriefJsonRow(rank, id, text, row, kept_names, kept, json, out);
    } else if (jsonl) {
      AppendJsonRow(rank, id, text, row, *scorer, kept_names, kept, json, out);
    } else {
      AppendCsvRow(digits, id, text, row, *labels, plain, kept, delimiter, out);
    }
  }
};

// A row kept for --top, with its strings.
struct TopRow {
  Row row;
  uint64_t number = 0;
  std::string id;
  std::string text;
  std::vector<std::string> kept;  // the kept columns' values
};

// Whether a row (score, number) comes before another in the output: a
// total order, so the result does not depend on the order rows arrive in.
bool RanksBefore(double score, uint64_t number, double other_score,
                 uint64_t other_number, bool ascending) {
  if (score != other_score) {
    return ascending ? score < other_score : score > other_score;
  }
  return number < other_number;
}

// The records of a window of ranks, read again: ranks [first, first +
// starts.size()), the record of rank first + i at starts[i] in `bytes`.
// Only positions are kept, not copies of the rows: the memory goes to
// larger windows, and each window reads the whole input once.
struct WindowRecords {
  uint64_t first = 0;
  std::vector<uint64_t> starts;
  std::unique_ptr<char[]> bytes;  // room for the largest window, not filled
};

constexpr size_t kPrefetchRows = 8;

// Formats the rows of a full ranking whose records were read again: a
// window of ranks at a time, any range of it on any thread.
struct WindowFormat {
  const RowStore* rows = nullptr;
  const std::vector<uint64_t>* order = nullptr;  // by rank: RankedRow()
  const std::vector<uint64_t>* rejected = nullptr;
  const RowWriter* writer = nullptr;
  const std::string* path = nullptr;
  size_t text_field = 0;
  size_t id_field = 0;
  bool has_id = false;
  std::vector<size_t> kept_fields;  // the kept columns' positions

  void Format(const WindowRecords& window, size_t from, size_t to,
              TextBuffer* out) const {
    size_t needed = std::max(text_field, has_id ? id_field : 0) + 1;
    for (const size_t k : kept_fields) needed = std::max(needed, k + 1);
    std::vector<RawField> fields(needed);
    std::string id_scratch, text_scratch;
    std::vector<std::string> kept_scratch(kept_fields.size());
    KeptValues kept(kept_fields.size());
    const char delimiter = writer->delimiter;
    std::ostringstream json;
    json.imbue(std::locale::classic());  // '.' and no digit groups, always
    char number[20];
    const uint64_t first = window.first;
    DecimalCounter rank(first + from + 1);
    for (size_t i = from; i < to; ++i, rank.Increment()) {
      // Ranks are not in file order: ask for a row and its record a few
      // ranks ahead, so that they are on their way from memory when their
      // turn comes.
      if (i + kPrefetchRows < to) {
        const uint64_t ahead = (*order)[first + i + kPrefetchRows];
        __builtin_prefetch(&(*rows)[RankedRow(ahead)]);
        const char* const bytes =
            window.bytes.get() + window.starts[i + kPrefetchRows];
        __builtin_prefetch(bytes);
        __builtin_prefetch(bytes + RankedLength(ahead) - 1);
      }
      const uint64_t ranked = (*order)[first + i];
      const Row& row = (*rows)[RankedRow(ranked)];
      const std::string_view record(window.bytes.get() + window.starts[i],
                                    RankedLength(ranked));
      // Only the fields up to the id and the text are looked for, and only
      // those that are not simple are unquoted.
      if (FindRawFields(record, needed, fields.data(), delimiter) < needed) {
        throw std::runtime_error(*path +
                                 ": the input changed while it was ranked");
      }
      const RawField& text_raw = fields[text_field];
      const std::string_view text =
          text_raw.simple ? text_raw.raw
                          : FieldValue(text_raw.raw, &text_scratch);
      bool plain = text_raw.simple;
      std::string_view id;
      if (has_id) {
        const RawField& id_raw = fields[id_field];
        id = id_raw.simple ? id_raw.raw : FieldValue(id_raw.raw, &id_scratch);
        plain = plain && id_raw.simple;
      } else {
        const uint64_t n = RowNumber(RankedRow(ranked), *rejected);
        id = std::string_view(
            number,
            static_cast<size_t>(
                std::to_chars(number, number + sizeof number, n).ptr - number));
      }
      for (size_t k = 0; k < kept_fields.size(); ++k) {
        kept[k] = FieldValue(fields[kept_fields[k]].raw, &kept_scratch[k]);
      }
      writer->Append(rank, first + i + 1, id, text, row, plain, kept, &json,
                     out);
    }
  }
};

// What reading and scoring leaves for the output.
struct ScoredRows {
  explicit ScoredRows(size_t block) : rows(block) {}
  // Without --top: every row, positions only. With --top: a heap whose
  // front is the worst row kept, each with its strings.
  RowStore rows;
  std::vector<TopRow> heap;
  std::vector<uint64_t> rejected;  // numbers of the rows skipped
};

// Keeps the rows of a scored batch that rank among the best `top` so far
// in `heap`, whose front is the worst row kept (in input order, though
// any order would do: the order is total).
void KeepTop(const Batch& b, const RankOptions& options, bool has_id,
             std::vector<TopRow>* heap) {
  const auto heap_order = [&options](const TopRow& x, const TopRow& y) {
    return RanksBefore(x.row.score, x.number, y.row.score, y.number,
                       options.ascending);
  };
  for (size_t i = 0; i < b.items.size(); ++i) {
    const Batch::Item& item = b.items[i];
    const Row& row = b.rows[i];
    if (heap->size() == options.top &&
        !RanksBefore(row.score, item.number, heap->front().row.score,
                     heap->front().number, options.ascending)) {
      continue;
    }
    TopRow kept{row,
                item.number,
                std::string(b.id(item)),
                std::string(b.text(item)),
                {}};
    if (!has_id) kept.id = std::to_string(item.number);
    KeptValues values;
    for (const std::string_view value : b.Kept(i, &values)) {
      kept.kept.emplace_back(value);
    }
    heap->push_back(std::move(kept));
    std::push_heap(heap->begin(), heap->end(), heap_order);
    if (heap->size() > options.top) {
      std::pop_heap(heap->begin(), heap->end(), heap_order);
      heap->pop_back();
    }
  }
}

// Appends a row read to batch `b`: its text (and id and the fields at
// `kept`, for --top or input order: `whole`) to the batch's bytes; else
// its position to a row of `store`.
void AddToBatch(const CsvRow& row, bool whole, const std::string& path,
                const std::vector<size_t>& kept, RowStore* store, Batch* b) {
  if (!whole) {
    if (b->items.empty()) b->rows = store->NewBlock();
    if (row.offset > kMaxOffset) {
      throw std::runtime_error(path +
                               ": over 1 TiB; rank it with --top instead");
    }
    Row& r = b->rows[b->items.size()];
    r.offset = row.offset & kMaxOffset;
    r.length = row.length & kMaxLength;
  }
  Batch::Item item;
  item.number = row.number;
  item.text = b->bytes.size();
  b->bytes.Append(row.text);
  item.id = b->bytes.size();
  if (whole) b->bytes.Append(row.id);
  item.end = b->bytes.size();
  b->items.push_back(item);
  if (!whole) return;
  b->kept_count = kept.size();
  for (const size_t k : kept) {
    b->bytes.Append(row.fields[k]);
    b->kept_ends.push_back(b->bytes.size());
  }
}

// Formats the scored rows of batch `b` into b->output, ranked from
// b->first_rank on in input order.
void FormatBatch(const RowWriter& writer, bool has_id, Batch* b) {
  b->output.clear();
  std::ostringstream json;
  json.imbue(std::locale::classic());  // '.' and no digit groups, always
  DecimalCounter rank(b->first_rank);
  KeptValues kept;
  char number[20];
  for (size_t i = 0; i < b->items.size(); ++i, rank.Increment()) {
    const Batch::Item& item = b->items[i];
    std::string_view id = b->id(item);
    if (!has_id) {
      id = std::string_view(
          number,
          static_cast<size_t>(
              std::to_chars(number, number + sizeof number, item.number).ptr -
              number));
    }
    writer.Append(rank, b->first_rank + i, id, b->text(item), b->rows[i], false,
                  b->Kept(i, &kept), &json, &b->output);
  }
}

// Reads every row and scores it: batches are read on this thread and
// scored on the pool's, and on this one when it is ahead.
// In input order, each batch is formatted as it is scored and written to
// `out` (then flushed) once the batches before it are.
void ReadAndScore(CsvReader* reader, const std::string& path,
                  const RankOptions& options, size_t batch_rows,
                  unsigned threads, const Scorer& scorer,
                  const RowWriter& writer, const std::vector<size_t>& kept,
                  std::ostream& out, std::ostream& log,
                  const RankProgress& progress, RankSummary* summary,
                  ScoredRows* scored) {
  const bool top = options.top > 0;
  const bool streamed = options.input_order;
  const bool has_id = reader->has_id();
  std::vector<TopRow>& heap = scored->heap;
  // Batches being read and scored, reused in turn: the reading thread
  // stays at most a ring ahead of the scoring.
  std::vector<Batch> ring(threads + 2);
  size_t current = 0;          // the batch being read
  uint64_t bytes_read = 0;     // to the end of the last good row
  WorkPool pool(threads - 1);  // after `ring`, so it stops first

  const auto retire = [&](Batch* b) {
    if (!b->submitted) return;
    b->submitted = false;
    pool.Wait(&b->job);
    if (top) KeepTop(*b, options, has_id, &heap);
    if (streamed) {
      b->output.WriteTo(out);
      out.flush();
      for (size_t i = 0; i < b->items.size(); ++i) {
        if (options.scores) options.scores->push_back(b->rows[i].score);
        if (options.numbers) options.numbers->push_back(b->items[i].number);
      }
    }
    b->items.clear();
    b->bytes.clear();
    b->kept_ends.clear();
  };
  const auto submit = [&] {
    Batch& b = ring[current];
    if (top || streamed) {
      b.own_rows.assign(b.items.size(), Row());
      b.rows = b.own_rows.data();
    }
    b.first_rank = summary->ranked - b.items.size() + 1;
    b.job.run = [&scorer, &b, &writer, streamed, has_id] {
      for (size_t i = 0; i < b.items.size(); ++i) {
        ScoreRow(scorer, b.text(b.items[i]), &b.rows[i]);
      }
      if (streamed) FormatBatch(writer, has_id, &b);
    };
    b.submitted = true;
    pool.Submit(&b.job);
    if (progress) progress(summary->read, bytes_read);
    current = (current + 1) % ring.size();
    retire(&ring[current]);  // the oldest batch, whose place comes next
  };

  CsvRow row;
  for (;;) {
    bool more;
    try {
      more = reader->Next(&row);
    } catch (const CsvInputError&) {
      throw;  // no row: the input itself failed
    } catch (const CsvError& e) {
      ++summary->read;
      ++summary->rejected;
      if (!options.skip_bad_rows) throw BadRowError(e.what());
      log << e.what() << '\n';
      scored->rejected.push_back(summary->read);
      continue;
    }
    if (!more) break;
    ++summary->read;
    ++summary->ranked;
    bytes_read = row.offset + row.length;
    Batch& b = ring[current];
    AddToBatch(row, top || streamed, path, kept, &scored->rows, &b);
    if (b.items.size() == batch_rows) submit();
  }
  if (!ring[current].items.empty()) submit();
  for (size_t k = 0; k < ring.size(); ++k) {
    retire(&ring[(current + k) % ring.size()]);
  }
}

// Writes the rows --top kept.
void WriteTop(std::vector<TopRow>* heap, const RankOptions& options,
              const RowWriter& writer, std::ostream& out) {
  std::sort_heap(heap->begin(), heap->end(),
                 [&options](const TopRow& a, const TopRow& b) {
                   return RanksBefore(a.row.score, a.number, b.row.score,
                                      b.number, options.ascending);
                 });
  TextBuffer text;
  std::ostringstream json;
  json.imbue(std::locale::classic());  // '.' and no digit groups, always
  DecimalCounter rank(1);
  KeptValues kept;
  for (size_t i = 0; i < heap->size(); ++i, rank.Increment()) {
    const TopRow& k = (*heap)[i];
    kept.assign(k.kept.begin(), k.kept.end());
    writer.Append(rank, i + 1, k.id, k.text, k.row, false, kept, &json, &text);
    if (text.size() >= (size_t{1} << 20) || i + 1 == heap->size()) {
      text.WriteTo(out);
      text.clear();
    }
  }
}

// Reads the records of ranks [first, first + count) again, in file order
// (so the source reads big sequential blocks, not a million small ones).
// `by_input` and `scratch` are working space.
void FetchWindow(const RowStore& rows, const std::vector<uint64_t>& order,
                 uint64_t first, size_t count, RecordSource& again,
                 std::vector<KeyedIndex>* by_input,
                 std::vector<KeyedIndex>* scratch, WindowRecords* window) {
  ResizeHuge(by_input, count);  // {row, rank in the window}
  for (size_t i = 0; i < count; ++i) {
    (*by_input)[i] = {RankedRow(order[first + i]), i};
  }
  RadixSort(by_input, scratch);
  window->first = first;
  ResizeHuge(&window->starts, count);
  // Records are taken from the view the source gives while they lie in it
  // (most of a block's): a call to the source a block, not a record.
  std::string_view at_hand;
  uint64_t at_hand_offset = 0;
  size_t size = 0;
  for (size_t j = 0; j < count; ++j) {
    const KeyedIndex& k = (*by_input)[j];
    if (j + kPrefetchRows < count) {
      __builtin_prefetch(&rows[(*by_input)[j + kPrefetchRows].key]);
    }
    const Row& row = rows[k.key];
    if (row.offset < at_hand_offset ||
        row.offset + row.length > at_hand_offset + at_hand.size()) {
      at_hand = again.ReadFrom(row.offset, row.length);
      at_hand_offset = row.offset;
    }
    window->starts[k.index] = size;
    if (row.length > 0) {  // an empty view may hold a null pointer
      std::memcpy(window->bytes.get() + size,
                  at_hand.data() + (row.offset - at_hand_offset), row.length);
      size += row.length;
    }
  }
}

// Rows [from, to) in rank order: a radix sort of order-preserving score
// keys, stable, so equal scores keep input order.
std::vector<KeyedIndex> SortRows(const RowStore& rows, uint64_t from,
                                 uint64_t to, bool ascending) {
  std::vector<KeyedIndex> order, scratch;
  ResizeHuge(&order, to - from);
  for (uint64_t i = from; i < to; ++i) {
    const uint64_t key = OrderKey(rows[i].score);
    order[i - from] = {ascending ? key : ~key,
                       i | uint64_t{rows[i].length} << kRankedLengthShift};
  }
  RadixSort(&order, &scratch);
  return order;
}

// Every row in rank order, as RankedRow() and RankedLength() read it: the
// keys are dropped once sorted. With two threads or more, the first and
// second half of the rows are sorted at once, then merged (the first half
// first among equal keys, so equal scores still keep input order).
std::vector<uint64_t> RankOrder(const RowStore& rows, uint64_t n,
                                bool ascending, unsigned threads) {
  if (threads < 2 || n < 2) {
    const std::vector<KeyedIndex> sorted = SortRows(rows, 0, n, ascending);
    std::vector<uint64_t> order;
    ResizeHuge(&order, n);
    for (uint64_t i = 0; i < n; ++i) order[i] = sorted[i].index;
    return order;
  }
  const uint64_t half = n / 2;
  std::vector<KeyedIndex> low, high;
  WorkPool pool(1);
  WorkPool::Job sort_low, sort_high;
  sort_low.run = [&] { low = SortRows(rows, 0, half, ascending); };
  sort_high.run = [&] { high = SortRows(rows, half, n, ascending); };
  pool.Submit(&sort_low);
  pool.Submit(&sort_high);
  pool.Wait(&sort_low);
  pool.Wait(&sort_high);
  // std::merge, keeping the index only.
  std::vector<uint64_t> order;
  ResizeHuge(&order, n);
  size_t a = 0, b = 0, out = 0;
  while (a < low.size() && b < high.size()) {
    // Equal keys take the first half's row first.
    order[out++] = high[b].key < low[a].key ? high[b++].index : low[a++].index;
  }
  while (a < low.size()) order[out++] = low[a++].index;
  while (b < high.size()) order[out++] = high[b++].index;
  return order;
}

// Writes every row, reading the records again, in the order RankOrder()
// gives. Records are fetched a window of ranks at a time (FetchWindow),
// the next window's on one thread while batches of the current one are
// formatted on the others, and written in rank order.
void WriteAll(const ScoredRows& scored, uint64_t n, RecordSource& again,
              WindowFormat* format, const RankOptions& options,
              size_t batch_rows, unsigned threads, std::ostream& out) {
  const RowStore& rows = scored.rows;
  const std::vector<uint64_t> order =
      RankOrder(rows, n, options.ascending, threads);
  std::vector<KeyedIndex> scratch;
  format->rows = &rows;
  format->order = &order;

  // Window k holds ranks [bounds[k], bounds[k + 1]). Nothing is formatted
  // while the first is fetched, so it is a quarter of the others.
  const size_t window_rows = std::max<size_t>(1, options.window_rows);
  std::vector<uint64_t> bounds = {0};
  for (uint64_t first = std::max<size_t>(1, window_rows / 4); first < n;
       first += window_rows) {
    bounds.push_back(first);
  }
  bounds.push_back(n);
  const size_t window_count = n == 0 ? 0 : bounds.size() - 1;
  // Room for the largest window at once: buffers grown window after window
  // would leave freed blocks behind, raising the peak memory.
  size_t most_bytes = 0;
  for (size_t k = 0; k < window_count; ++k) {
    size_t bytes = 0;
    for (uint64_t i = bounds[k]; i < bounds[k + 1]; ++i) {
      bytes += RankedLength(order[i]);
    }
    most_bytes = std::max(most_bytes, bytes);
  }
  WindowRecords windows[2];  // being formatted, and being fetched
  for (size_t k = 0; k < std::min<size_t>(window_count, 2); ++k) {
    windows[k].bytes.reset(new char[std::max<size_t>(1, most_bytes)]);
    AdviseHugePages(windows[k].bytes.get(), most_bytes);
  }
  std::vector<KeyedIndex> by_input;
  WorkPool::Job fetch;
  struct Chunk {
    WorkPool::Job job;
    TextBuffer text;
  };
  std::vector<Chunk> chunks(2 * threads);  // formatted, or being written
  // With two threads or more, fetches run on a thread of their own (as
  // fccp reads ahead on one): a fetch is one long job, and run by a thread
  // that also formats it would hold the next chunks back while the others
  // run out of chunks to format. Both pools come after what their jobs
  // use, so they stop first.
  WorkPool fetcher(threads >= 2 ? 1 : 0);
  WorkPool pool(threads - 1);
  const auto start_fetch = [&](size_t k) {
    WindowRecords* const window = &windows[k % 2];
    fetch.run = [&, k, window] {
      FetchWindow(rows, order, bounds[k],
                  static_cast<size_t>(bounds[k + 1] - bounds[k]), again,
                  &by_input, &scratch, window);
    };
    fetcher.Submit(&fetch);
  };
  if (window_count > 0) start_fetch(0);
  for (size_t k = 0; k < window_count; ++k) {
    fetcher.Wait(&fetch);
    const WindowRecords& window = windows[k % 2];
    // Fetched while this window's batches are formatted.
    if (k + 1 < window_count) start_fetch(k + 1);
    const auto count = static_cast<size_t>(bounds[k + 1] - bounds[k]);
    const size_t jobs = (count + batch_rows - 1) / batch_rows;
    const auto start = [&](size_t c) {
      Chunk& chunk = chunks[c % chunks.size()];
      chunk.text.clear();
      const size_t from = c * batch_rows;
      const size_t to = std::min(count, from + batch_rows);
      // About the room the rows take (a CSV row is its record and cue and
      // some 60 bytes more), so that the text is not copied as it grows.
      size_t bytes = 0;
      for (size_t i = from; i < to; ++i) {
        bytes += RankedLength(order[bounds[k] + i]);
      }
      chunk.text.Reserve(2 * bytes + 64 * (to - from));
      chunk.job.run = [format, &window, &chunk, from, to] {
        format->Format(window, from, to, &chunk.text);
      };
      pool.Submit(&chunk.job);
    };
    for (size_t c = 0; c < std::min(jobs, chunks.size()); ++c) start(c);
    for (size_t c = 0; c < jobs; ++c) {
      Chunk& chunk = chunks[c % chunks.size()];
      pool.Wait(&chunk.job);
      chunk.text.WriteTo(out);
      if (c + chunks.size() < jobs) start(c + chunks.size());
    }
  }
}

// The positions of the columns to keep in `header`, their names into
// `*names`; throws KeptColumnError for a name the header lacks.
std::vector<size_t> KeptFields(const std::vector<std::string>& header,
                               const RankOptions& options,
                               const std::string& path,
                               std::vector<std::string>* names) {
  std::vector<size_t> kept;
  if (options.keep_all_columns) {
    for (size_t k = 0; k < header.size(); ++k) kept.push_back(k);
    *names = header;
    return kept;
  }
  for (const std::string& name : options.keep_columns) {
    const auto at = std::find(header.begin(), header.end(), name);
    if (at == header.end()) {
      std::string list;
      for (const std::string& column : header) {
        list += (list.empty() ? "" : ", ") + column;
      }
      throw KeptColumnError(path + ": --keep-columns names no column '" + name +
                            "' (columns: " + list + ")");
    }
    kept.push_back(static_cast<size_t>(at - header.begin()));
  }
  *names = options.keep_columns;
  return kept;
}

// The CSV output's header row: credence's columns, then the kept ones.
std::string CsvHeader(const RowWriter& writer) {
  const std::string d(1, writer.delimiter);
  std::string header = "rank" + d + "id" + d + "score" + d + "backing" + d +
                       "cue_category" + d + "cue" + d + "text";
  for (const std::string& name : writer.kept_names) {
    header += d;
    AppendCsvField(name, &header, writer.delimiter);
  }
  return header + "\n";
}

}  // namespace

std::string_view StringRecordSource::Read(uint64_t offset, uint64_t length) {
  return ReadFrom(offset, length).substr(0, length);
}

std::string_view StringRecordSource::ReadFrom(uint64_t offset,
                                              uint64_t length) {
  if (offset + length > input_.size()) {
    throw std::runtime_error("record beyond the end of the input");
  }
  return input_.substr(offset);
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
  return ReadFrom(offset, length).substr(0, length);
}

std::string_view FileRecordSource::ReadFrom(uint64_t offset, uint64_t length) {
  // Served from the last block read when it holds the record: callers that
  // ask in file order cost one system call a megabyte.
  if (offset < block_offset_ || offset + length > block_offset_ + size_) {
    constexpr uint64_t kBlock = uint64_t{1} << 20;
    const auto want = static_cast<size_t>(std::max(length, kBlock));
    if (want > capacity_) {
      buffer_.reset(new char[want]);
      capacity_ = want;
    }
    size_ = 0;  // until the block is read whole
    size_t done = 0;
    while (done < want) {
      const ssize_t n = ::pread(fd_, buffer_.get() + done, want - done,
                                static_cast<off_t>(offset + done));
      if (n < 0) {
        throw std::runtime_error(path_ + ": cannot read the input again (" +
                                 std::string(std::strerror(errno)) + ")");
      }
      if (n == 0) break;  // end of file: the block is shorter
      done += static_cast<size_t>(n);
    }
    size_ = done;
    block_offset_ = offset;
    if (done < length) {
      throw std::runtime_error(
          path_ + ": cannot read the input again (it got shorter)");
    }
  }
  return std::string_view(buffer_.get(), size_).substr(offset - block_offset_);
}

RankSummary RankCsv(std::istream& in, const std::string& path,
                    RecordSource& again, const RankOptions& options,
                    const Scorer& scorer, std::ostream& out, std::ostream& log,
                    const RankProgress& progress, std::ostream* spool) {
  const ClassicLocale classic_out(out), classic_log(log);
  const bool keep = options.keep_all_columns || !options.keep_columns.empty();
  CsvLayout layout;
  layout.delimiter = options.delimiter;
  // A full ranking reads kept fields again with the text; the others keep
  // them as they read.
  layout.all_fields = keep && (options.top > 0 || options.input_order);
  // In input order, rows are read 64 KiB at a time (fccp's first read
  // waits for 32 MiB), so that output follows input closely.
  auto reader = std::make_unique<CsvReader>(
      in, path, options.column, options.id_column, options.id_required, spool,
      options.input_order ? CsvBuffers::kSmall : options.csv_buffers, layout);
  const size_t batch_rows = std::max<size_t>(1, options.batch_rows);
  const unsigned threads = std::max(1u, options.threads);
  const RowLabels labels(options.delimiter);
  RowWriter writer;
  writer.scorer = &scorer;
  writer.labels = &labels;
  writer.jsonl = options.jsonl;
  writer.brief = options.brief;
  writer.delimiter = options.delimiter;
  const std::vector<size_t> kept =
      KeptFields(reader->header(), options, path, &writer.kept_names);
  const std::string header = CsvHeader(writer);
  if (options.input_order && !options.jsonl) out << header;
  RankSummary summary;
  ScoredRows scored(batch_rows);
  ReadAndScore(reader.get(), path, options, batch_rows, threads, scorer, writer,
               kept, out, log, progress, &summary, &scored);
  if (options.input_order) return summary;

  if (!options.jsonl) out << header;
  if (options.top > 0) {
    WriteTop(&scored.heap, options, writer, out);
    return summary;
  }
  WindowFormat format;
  format.rejected = &scored.rejected;
  format.writer = &writer;
  format.path = &path;
  format.text_field = reader->text_index();
  format.id_field = reader->id_index();
  format.has_id = reader->has_id();
  format.kept_fields = kept;
  reader.reset();  // its buffers are the largest thing still held
  WriteAll(scored, summary.ranked, again, &format, options, batch_rows, threads,
           out);
  return summary;
}

}  // namespace credence
