// The extension module under the credence Python package (__init__.py is
// its interface): a scorer over libcredence's public API, scoring lists of
// texts on threads of its own with the GIL released.
#include <pybind11/pybind11.h>
#include <pybind11/stl.h>
#include <unistd.h>

#include <algorithm>
#include <atomic>
#include <cerrno>
#include <charconv>
#include <cstddef>
#include <cstdint>
#include <cstdio>
#include <cstring>
#include <mutex>
#include <sstream>
#include <string>
#include <string_view>
#include <thread>
#include <unordered_map>
#include <vector>

#include "credence/credence.h"

namespace py = pybind11;
namespace api = credence::api;

namespace {

// "L:C" of the first lone surrogate in a str (lines as the CLI counts them:
// LF, CRLF or a lone CR; columns in code points from 1), or "".
std::string SurrogatePosition(PyObject* text, Py_UCS4* found) {
  const Py_ssize_t n = PyUnicode_GET_LENGTH(text);
  const int kind = PyUnicode_KIND(text);
  const void* data = PyUnicode_DATA(text);
  size_t line = 1, column = 1;
  for (Py_ssize_t i = 0; i < n; ++i) {
    const Py_UCS4 c = PyUnicode_READ(kind, data, i);
    if (c >= 0xD800 && c <= 0xDFFF) {
      *found = c;
      return std::to_string(line) + ":" + std::to_string(column);
    }
    const bool line_end =
        c == '\n' || (c == '\r' && (i + 1 == n ||
                                    PyUnicode_READ(kind, data, i + 1) != '\n'));
    if (line_end) {
      ++line;
      column = 1;
    } else {
      ++column;
    }
  }
  return "";
}

// "texts[i]: " before a message about texts[i]; "" for a lone text.
constexpr size_t kLoneText = static_cast<size_t>(-1);
std::string Where(size_t index) {
  return index == kLoneText ? "" : "texts[" + std::to_string(index) + "]: ";
}

// The UTF-8 bytes of a text without a copy: a str's UTF-8 form (Python
// keeps it with the str; an ASCII str is its own), or bytes as they are
// (the scorer checks that they are UTF-8). Messages name texts[index].
// Call with the GIL held; the view lives as long as the object.
std::string_view Utf8Of(py::handle text, size_t index) {
  if (PyUnicode_Check(text.ptr())) {
    Py_ssize_t size = 0;
    const char* data = PyUnicode_AsUTF8AndSize(text.ptr(), &size);
    if (data) return {data, static_cast<size_t>(size)};
    PyErr_Clear();
    Py_UCS4 surrogate = 0;
    const std::string position = SurrogatePosition(text.ptr(), &surrogate);
    char code[16];
    std::snprintf(code, sizeof code, "U+%04X",
                  static_cast<unsigned>(surrogate));
    throw py::value_error(Where(index) + position + ": lone surrogate " + code +
                          " (not text UTF-8 can hold; decode the source with "
                          "errors='replace', or drop it)");
  }
  if (PyBytes_Check(text.ptr())) {
    char* data = nullptr;
    Py_ssize_t size = 0;
    PyBytes_AsStringAndSize(text.ptr(), &data, &size);
    return {data, static_cast<size_t>(size)};
  }
  throw py::type_error(Where(index) + "a text is str or UTF-8 bytes, not " +
                       std::string(Py_TYPE(text.ptr())->tp_name));
}

// The texts of a sequence as UTF-8 views (Utf8Of), read while they are
// scored without the GIL: `held` is a tuple of the same objects, so another
// Python thread changing the list cannot free a text under a view.
struct TextViews {
  py::tuple held;
  std::vector<std::string_view> views;
};

TextViews Utf8Views(const py::sequence& texts) {
  TextViews out;
  out.held = py::reinterpret_steal<py::tuple>(PySequence_Tuple(texts.ptr()));
  if (!out.held) throw py::error_already_set();
  const size_t n = out.held.size();
  out.views.reserve(n);
  for (size_t i = 0; i < n; ++i) {
    out.views.push_back(Utf8Of(
        PyTuple_GET_ITEM(out.held.ptr(), static_cast<Py_ssize_t>(i)), i));
  }
  return out;
}

std::string ReportJson(const api::Scorer& scorer, std::string_view text) {
  std::ostringstream out;
  scorer.WriteJson(text, out);
  return out.str();
}

size_t ThreadCount(int threads, size_t items) {
  if (threads < 0 || threads > 1024) {
    throw std::invalid_argument(
        "threads must be between 1 and 1024 (0: every core)");
  }
  size_t n = threads > 0 ? static_cast<size_t>(threads)
                         : std::max(1u, std::thread::hardware_concurrency());
  return std::max<size_t>(1, std::min(n, items));
}

// Indices a thread takes at once: enough to make the shared counter cheap,
// few enough to share the end of the work.
constexpr size_t kChunk = 64;

// Runs job(i) for every i in [0, n) on `threads` threads, each taking the
// next chunk of indices from a shared counter. A TextError stops the run;
// the one of the lowest index is thrown again as "texts[i]: message".
template <class Job>
void ParallelFor(size_t n, int threads, const Job& job) {
  std::atomic<size_t> next{0};
  std::atomic<bool> failed{false};
  std::mutex mutex;
  size_t error_index = n;
  std::string error;
  const auto work = [&] {
    while (!failed) {
      const size_t first = next.fetch_add(kChunk);
      if (first >= n) return;
      for (size_t i = first; i < std::min(n, first + kChunk); ++i) {
        try {
          job(i);
        } catch (const api::TextError& e) {
          const std::lock_guard<std::mutex> lock(mutex);
          if (i < error_index) {
            error_index = i;
            error = e.what();
          }
          failed = true;
          break;
        }
      }
    }
  };
  const size_t count = ThreadCount(threads, n);
  std::vector<std::thread> pool;
  for (size_t t = 1; t < count; ++t) pool.emplace_back(work);
  work();
  for (std::thread& t : pool) t.join();
  if (failed) {
    throw api::TextError("texts[" + std::to_string(error_index) +
                         "]: " + error);
  }
}

std::string ScoreJson(const api::Scorer& scorer, py::handle text) {
  const std::string_view view = Utf8Of(text, kLoneText);
  const py::gil_scoped_release release;
  return ReportJson(scorer, view);
}

std::vector<std::string> ScoreJsonMany(const api::Scorer& scorer,
                                       const py::sequence& texts, int threads) {
  const TextViews text_views = Utf8Views(texts);
  const std::vector<std::string_view>& views = text_views.views;
  std::vector<std::string> reports(views.size());
  const py::gil_scoped_release release;
  ParallelFor(views.size(), threads,
              [&](size_t i) { reports[i] = ReportJson(scorer, views[i]); });
  return reports;
}

// The brief results of many texts, scored without the GIL.
struct BriefColumns {
  std::vector<double> scores;
  std::vector<api::Brief> rest;  // backing, cue category and cue
};

BriefColumns BriefMany(const api::Scorer& scorer, const py::sequence& texts,
                       int threads) {
  const TextViews text_views = Utf8Views(texts);
  const std::vector<std::string_view>& views = text_views.views;
  BriefColumns columns;
  columns.scores.resize(views.size());
  columns.rest.resize(views.size());
  const py::gil_scoped_release release;
  ParallelFor(views.size(), threads, [&](size_t i) {
    api::Brief& brief = columns.rest[i];
    brief = scorer.ScoreBrief(views[i]);
    columns.scores[i] = brief.confidence;
  });
  return columns;
}

// One Python str for each distinct string: backings, categories and cues
// repeat over millions of rows, so each is made once and shared.
class StrCache {
 public:
  py::object Get(const std::string& s) {
    auto it = strs_.find(s);
    if (it == strs_.end()) it = strs_.emplace(s, py::str(s)).first;
    return it->second;
  }

 private:
  std::unordered_map<std::string, py::object> strs_;
};

// Four lists (score, backing, cue category, cue): what rank_frame adds to
// a frame.
py::tuple BriefLists(const api::Scorer& scorer, const py::sequence& texts,
                     int threads) {
  const BriefColumns columns = BriefMany(scorer, texts, threads);
  const size_t n = columns.scores.size();
  StrCache strs;
  py::list scores(n), backings(n), categories(n), cues(n);
  for (size_t i = 0; i < n; ++i) {
    const api::Brief& brief = columns.rest[i];
    scores[i] = py::float_(columns.scores[i]);
    backings[i] = strs.Get(brief.backing);
    categories[i] = strs.Get(brief.cue_category);
    cues[i] = strs.Get(brief.cue);
  }
  return py::make_tuple(scores, backings, categories, cues);
}

// A dict a text ({"score", "backing", "cue_category", "cue"}), the form of
// score_many(brief=True).
py::list BriefDicts(const api::Scorer& scorer, const py::sequence& texts,
                    int threads) {
  const BriefColumns columns = BriefMany(scorer, texts, threads);
  const size_t n = columns.scores.size();
  StrCache strs;
  const py::str score_key("score"), backing_key("backing"),
      category_key("cue_category"), cue_key("cue");
  py::list rows(n);
  for (size_t i = 0; i < n; ++i) {
    const api::Brief& brief = columns.rest[i];
    py::dict row;
    row[score_key] = py::float_(columns.scores[i]);
    row[backing_key] = strs.Get(brief.backing);
    row[category_key] = strs.Get(brief.cue_category);
    row[cue_key] = strs.Get(brief.cue);
    rows[i] = std::move(row);
  }
  return rows;
}

// A run: one block's kept rows sorted by score descending (ties in input
// order), as bytes the client merges with the runs of other blocks. Little-
// endian: u64 rows; f64 scores[rows]; u64 numbers[rows] (1-based row
// numbers in the block); u64 id_ends[rows]; u64 line_ends[rows]; the id
// fields; the lines from the score on (RankedBlock's fields, reordered).
constexpr size_t kRunArrays = 4;

std::string_view Piece(std::string_view text, const uint64_t* ends,
                       uint64_t i) {
  const uint64_t begin = i == 0 ? 0 : ends[i - 1];
  return text.substr(begin, ends[i] - begin);
}

size_t RunSize(const api::RankedBlock& block) {
  return 8 * (1 + kRunArrays * block.scores.size()) + block.ids.size() +
         block.lines.size();
}

// Writes block's run into `run`, RunSize(block) bytes.
void WriteRun(const api::RankedBlock& block, char* run) {
  const size_t n = block.scores.size();
  std::vector<uint64_t> order(n);
  for (size_t i = 0; i < n; ++i) order[i] = i;
  std::stable_sort(order.begin(), order.end(),
                   [&block](uint64_t a, uint64_t b) {
                     return block.scores[a] > block.scores[b];
                   });
  const auto put = [&run](uint64_t word) {
    std::memcpy(run, &word, sizeof word);
    run += sizeof word;
  };
  const auto copy = [&run](std::string_view piece) {
    std::memcpy(run, piece.data(), piece.size());
    run += piece.size();
  };
  put(n);
  for (const uint64_t i : order) {
    uint64_t bits = 0;
    std::memcpy(&bits, &block.scores[i], sizeof bits);
    put(bits);
  }
  for (const uint64_t i : order) put(block.numbers[i]);
  uint64_t end = 0;
  for (const uint64_t i : order)
    put(end += Piece(block.ids, block.id_ends.data(), i).size());
  end = 0;
  for (const uint64_t i : order)
    put(end += Piece(block.lines, block.line_ends.data(), i).size());
  for (const uint64_t i : order)
    copy(Piece(block.ids, block.id_ends.data(), i));
  for (const uint64_t i : order)
    copy(Piece(block.lines, block.line_ends.data(), i));
}

// rank_run(): a block of CSV bytes ranked by api::RankCsvBlock, as a tuple
// (has_id, read, messages, run): the run as bytes, described above.
py::tuple RankRun(const api::Scorer& scorer, const py::bytes& data,
                  const std::string& path, const std::string& text_column,
                  const std::string& id_column, uint64_t top, int threads) {
  char* bytes = nullptr;
  Py_ssize_t size = 0;
  PyBytes_AsStringAndSize(data.ptr(), &bytes, &size);
  api::BlockOptions options;
  options.path = path;
  options.text_column = text_column;
  options.id_column = id_column;
  options.top = top;
  options.threads = static_cast<unsigned>(ThreadCount(threads, 1 << 20));
  api::RankedBlock block;
  {
    const py::gil_scoped_release release;
    block = api::RankCsvBlock(
        scorer, std::string_view(bytes, static_cast<size_t>(size)), options);
  }
  // Written in place: a run is tens of MB, and a Dask worker's allocator
  // hands such memory back to the system after each task (Dask sets
  // MALLOC_TRIM_THRESHOLD_), so that every copy pays its page faults again.
  py::bytes run(nullptr, RunSize(block));
  {
    const py::gil_scoped_release release;
    WriteRun(block, PyBytes_AS_STRING(run.ptr()));
  }
  return py::make_tuple(block.has_id, block.read, block.messages, run);
}

// A run read in place from a buffer (bytes or mmap) the caller keeps alive.
class RunView {
 public:
  RunView(std::string_view bytes, size_t which) : bytes_(bytes) {
    const auto bad = [which](const char* what) {
      return py::value_error("run " + std::to_string(which) + ": " + what);
    };
    if (bytes.size() < 8) throw bad("shorter than its row count");
    rows_ = Word(0);
    if (rows_ > (bytes.size() - 8) / (8 * kRunArrays))
      throw bad("shorter than its arrays");
    const uint64_t ids = rows_ ? Word(1 + 3 * rows_ - 1) : 0;
    const uint64_t lines = rows_ ? Word(1 + 4 * rows_ - 1) : 0;
    blobs_ = 8 * (1 + kRunArrays * rows_);
    if (bytes.size() - blobs_ != ids + lines) throw bad("wrong size");
    ids_ = bytes.substr(blobs_, ids);
    lines_ = bytes.substr(blobs_ + ids, lines);
  }
  uint64_t rows() const { return rows_; }
  double Score(uint64_t i) const {
    const uint64_t bits = Word(1 + i);
    double score = 0;
    std::memcpy(&score, &bits, sizeof score);
    return score;
  }
  uint64_t Number(uint64_t i) const { return Word(1 + rows_ + i); }
  std::string_view Id(uint64_t i) const { return Cut(ids_, 1 + 2 * rows_, i); }
  std::string_view Line(uint64_t i) const {
    return Cut(lines_, 1 + 3 * rows_, i);
  }
  // The bytes of the ids, and of the lines, of rows [begin, end).
  uint64_t IdBytes(uint64_t begin, uint64_t end) const {
    return Offset(1 + 2 * rows_, end) - Offset(1 + 2 * rows_, begin);
  }
  uint64_t LineBytes(uint64_t begin, uint64_t end) const {
    return Offset(1 + 3 * rows_, end) - Offset(1 + 3 * rows_, begin);
  }

 private:
  // Where row i's piece starts, in the text whose end offsets are the
  // words from `ends` on.
  uint64_t Offset(uint64_t ends, uint64_t i) const {
    return i == 0 ? 0 : Word(ends + i - 1);
  }
  uint64_t Word(uint64_t index) const {
    uint64_t value = 0;
    std::memcpy(&value, bytes_.data() + 8 * index, sizeof value);
    return value;
  }
  // Piece i of text, whose end offsets are the words from `ends` on; an
  // offset past the text (a corrupt run) is refused.
  std::string_view Cut(std::string_view text, uint64_t ends, uint64_t i) const {
    const uint64_t begin = Offset(ends, i), end = Offset(ends, i + 1);
    if (begin > end || end > text.size())
      throw py::value_error("run: a row's bytes past its end");
    return text.substr(begin, end - begin);
  }
  std::string_view bytes_, ids_, lines_;
  uint64_t rows_ = 0, blobs_ = 0;
};

std::string_view BufferOf(py::handle object,
                          std::vector<py::buffer_info>* held) {
  held->push_back(py::reinterpret_borrow<py::buffer>(object).request());
  const py::buffer_info& info = held->back();
  return {static_cast<const char*>(info.ptr),
          static_cast<size_t>(info.size * info.itemsize)};
}

// The runs of a list of buffers, viewed in place while this lives.
struct Runs {
  explicit Runs(const py::list& runs) {
    held.reserve(runs.size());
    for (size_t r = 0; r < runs.size(); ++r)
      views.emplace_back(BufferOf(runs[r], &held), r);
  }
  std::vector<py::buffer_info> held;
  std::vector<RunView> views;
};

// Whether row i of run r comes before row j of run s in the ranking: the
// higher score, then the earlier run, then the earlier row.
bool Before(const Runs& runs, size_t r, uint64_t i, size_t s, uint64_t j) {
  const double x = runs.views[r].Score(i), y = runs.views[s].Score(j);
  if (x != y) return x > y;
  return r != s ? r < s : i < j;
}

size_t Digits(uint64_t value) {
  size_t digits = 1;
  for (; value >= 10; value /= 10) ++digits;
  return digits;
}

void AppendNumber(uint64_t value, std::string* out) {
  char digits[24];
  out->append(digits,
              static_cast<size_t>(
                  std::to_chars(digits, digits + 24, value).ptr - digits));
}

// A contiguous range of the ranking: rows [begins[r], ends[r]) of each run
// r, ranked from first_rank, written as `bytes` bytes.
struct Part {
  std::vector<uint64_t> begins, ends;
  uint64_t first_rank = 1;
  uint64_t bytes = 0;
};

// How many of run r's rows come before row `row` of run `run` (its rows
// are in rank order).
uint64_t RowsBefore(const Runs& runs, size_t r, size_t run, uint64_t row) {
  uint64_t lo = 0, hi = runs.views[r].rows();
  while (lo < hi) {
    const uint64_t mid = lo + (hi - lo) / 2;
    if (Before(runs, r, mid, run, row)) {
      lo = mid + 1;
    } else {
      hi = mid;
    }
  }
  return lo;
}

// The bounds of `parts` ranges of the ranking of about equal rows, from
// a sample of every run: for each of the parts + 1 bounds, the number of
// each run's rows before it.
std::vector<std::vector<uint64_t>> Bounds(const Runs& runs, size_t parts) {
  const size_t k = runs.views.size();
  uint64_t total = 0;
  for (const RunView& run : runs.views) total += run.rows();
  const uint64_t step = std::max<uint64_t>(1, total / 4096);
  std::vector<std::pair<size_t, uint64_t>> sample;  // (run, row)
  for (size_t r = 0; r < k; ++r)
    for (uint64_t i = 0; i < runs.views[r].rows(); i += step)
      sample.emplace_back(r, i);
  std::sort(sample.begin(), sample.end(),
            [&runs](const auto& a, const auto& b) {
              return Before(runs, a.first, a.second, b.first, b.second);
            });
  std::vector<std::vector<uint64_t>> bounds(parts + 1,
                                            std::vector<uint64_t>(k));
  for (size_t r = 0; r < k; ++r) bounds[parts][r] = runs.views[r].rows();
  for (size_t p = 1; p < parts && !sample.empty(); ++p) {
    const auto [run, row] = sample[sample.size() * p / parts];
    for (size_t r = 0; r < k; ++r) bounds[p][r] = RowsBefore(runs, r, run, row);
  }
  return bounds;
}

// The bytes merge_runs() writes for `part` ("rank,id," and the line of
// each row).
uint64_t PartBytes(const Runs& runs, const std::vector<uint64_t>& first_rows,
                   bool use_ids, const Part& part) {
  uint64_t bytes = 0, rows = 0;
  for (size_t r = 0; r < runs.views.size(); ++r) {
    const RunView& run = runs.views[r];
    const uint64_t begin = part.begins[r], end = part.ends[r];
    rows += end - begin;
    bytes += run.LineBytes(begin, end);
    if (use_ids) {
      bytes += run.IdBytes(begin, end);
    } else {
      for (uint64_t i = begin; i < end; ++i)
        bytes += Digits(first_rows[r] + run.Number(i));
    }
  }
  for (uint64_t rank = part.first_rank; rank < part.first_rank + rows; ++rank)
    bytes += Digits(rank) + 2;
  return bytes;
}

// plan_parts(runs, first_rows, use_ids, parts): the ranking of the runs'
// rows (runs in input order of their blocks) cut into `parts` ranges of
// about equal rows, each as (begins, ends, first_rank, bytes) for
// merge_runs(); ids as merge_runs() writes them.
std::vector<py::tuple> PlanParts(const py::list& list,
                                 const std::vector<uint64_t>& first_rows,
                                 bool use_ids, size_t parts) {
  const Runs runs(list);
  if (first_rows.size() != runs.views.size())
    throw py::value_error("first_rows: one a run");
  if (parts == 0) throw py::value_error("parts: at least 1");
  const std::vector<std::vector<uint64_t>> bounds = Bounds(runs, parts);
  std::vector<py::tuple> plan;
  uint64_t rank = 1;
  for (size_t p = 0; p < parts; ++p) {
    Part part;
    part.begins = bounds[p];
    part.ends = bounds[p + 1];
    part.first_rank = rank;
    part.bytes = PartBytes(runs, first_rows, use_ids, part);
    for (size_t r = 0; r < part.ends.size(); ++r)
      rank += part.ends[r] - part.begins[r];
    plan.push_back(
        py::make_tuple(part.begins, part.ends, part.first_rank, part.bytes));
  }
  return plan;
}

// Writes bytes to fd: at offset on, or with offset -1 at the file's own
// position (a pipe, a terminal). False (errno set) when it cannot.
bool WriteAll(int fd, int64_t* offset, std::string_view bytes) {
  while (!bytes.empty()) {
    const ssize_t n = *offset < 0
                          ? ::write(fd, bytes.data(), bytes.size())
                          : ::pwrite(fd, bytes.data(), bytes.size(), *offset);
    if (n < 0 && errno == EINTR) continue;
    if (n < 0) return false;
    bytes.remove_prefix(static_cast<size_t>(n));
    if (*offset >= 0) *offset += n;
  }
  return true;
}

// merge_runs(runs, first_rows, use_ids, begins, ends, first_rank, top, fd,
// offset): rows begins[r] to ends[r] of each run r (runs in input order
// of their blocks) merged by score descending, ties in input order, as
// credence rank writes them ("rank,id," then the line), ranked from
// first_rank, the first `top` (0: all), written to the file descriptor fd
// at offset on (-1: at its position), a few MiB at a time, without the
// GIL. Ids are the id fields, or with use_ids false the rows' numbers
// plus first_rows[r]. Returns the bytes written.
uint64_t MergeRuns(const py::list& list,
                   const std::vector<uint64_t>& first_rows, bool use_ids,
                   const std::vector<uint64_t>& begins,
                   const std::vector<uint64_t>& ends, uint64_t first_rank,
                   uint64_t top, int fd, int64_t offset) {
  const Runs runs(list);
  const size_t k = runs.views.size();
  if (first_rows.size() != k || begins.size() != k || ends.size() != k)
    throw py::value_error("first_rows, begins, ends: one a run");
  std::vector<uint64_t> next(begins);
  std::vector<size_t> heap;  // runs by their next row, the first on top
  for (size_t r = 0; r < k; ++r) {
    if (begins[r] > ends[r] || ends[r] > runs.views[r].rows())
      throw py::value_error("run " + std::to_string(r) + ": rows out of range");
    if (begins[r] < ends[r]) heap.push_back(r);
  }
  const auto after = [&runs, &next](size_t a, size_t b) {
    return Before(runs, b, next[b], a, next[a]);
  };
  std::make_heap(heap.begin(), heap.end(), after);
  constexpr size_t kFlushBytes = size_t{4} << 20;
  std::string out;
  out.reserve(kFlushBytes + 4096);
  uint64_t written = 0, bytes = 0;
  int error = 0;
  {
    const py::gil_scoped_release release;
    while (!heap.empty() && (top == 0 || written < top) && error == 0) {
      std::pop_heap(heap.begin(), heap.end(), after);
      const size_t r = heap.back();
      const RunView& run = runs.views[r];
      const uint64_t i = next[r]++;
      AppendNumber(first_rank + written++, &out);
      out.push_back(',');
      if (use_ids) {
        out.append(run.Id(i));
      } else {
        AppendNumber(first_rows[r] + run.Number(i), &out);
      }
      out.push_back(',');
      out.append(run.Line(i));
      if (next[r] < ends[r]) {
        std::push_heap(heap.begin(), heap.end(), after);
      } else {
        heap.pop_back();
      }
      if (out.size() >= kFlushBytes || heap.empty() ||
          (top != 0 && written == top)) {
        if (!WriteAll(fd, &offset, out)) error = errno;
        bytes += out.size();
        out.clear();
      }
    }
  }
  if (error != 0) {
    errno = error;
    PyErr_SetFromErrno(PyExc_OSError);
    throw py::error_already_set();
  }
  return bytes;
}
}  // namespace

PYBIND11_MODULE(_credence, m) {
  m.doc() = "libcredence for the credence package (see credence.__doc__)";
  // Files that cannot be read or do not fit are OSError; refused text is
  // ValueError (pybind11 maps TextError's std::invalid_argument).
  py::register_exception_translator([](std::exception_ptr error) {
    try {
      if (error) std::rethrow_exception(error);
    } catch (const api::LoadError& e) {
      PyErr_SetString(PyExc_OSError, e.what());
    }
  });
  m.def("version", &api::Version);
  m.def("rank_run", &RankRun, py::arg("scorer"), py::arg("data"),
        py::arg("path"), py::arg("text_column"), py::arg("id_column"),
        py::arg("top"), py::arg("threads"));
  m.def("plan_parts", &PlanParts, py::arg("runs"), py::arg("first_rows"),
        py::arg("use_ids"), py::arg("parts"));
  m.def("merge_runs", &MergeRuns, py::arg("runs"), py::arg("first_rows"),
        py::arg("use_ids"), py::arg("begins"), py::arg("ends"),
        py::arg("first_rank"), py::arg("top"), py::arg("fd"),
        py::arg("offset"));
  m.def(
      "evaluate_json",
      [](const std::vector<std::string>& inputs, const std::string& text_column,
         const std::string& label_column, const std::string& unit, bool cues,
         const std::string& model, const std::string& lexicons,
         const std::string& overlay) {
        api::EvalOptions options;
        options.inputs = inputs;
        options.text_column = text_column;
        options.label_column = label_column;
        options.unit = unit;
        options.cues = cues;
        options.scorer = {model, lexicons, overlay};
        return api::EvaluateJson(options);
      },
      py::call_guard<py::gil_scoped_release>());
  m.def(
      "tune_json",
      [](const std::vector<std::string>& inputs, const std::string& output,
         const std::string& text_column, const std::string& label_column,
         const std::string& unit, int folds, double l2, int seed,
         const std::string& lexicons, const std::string& overlay) {
        api::TuneOptions options;
        options.inputs = inputs;
        options.output = output;
        options.text_column = text_column;
        options.label_column = label_column;
        options.unit = unit;
        options.folds = folds;
        options.l2 = l2;
        options.seed = seed;
        options.lexicons = lexicons;
        options.overlay = overlay;
        return api::TuneJson(options);
      },
      py::call_guard<py::gil_scoped_release>());
  py::class_<api::Scorer>(m, "Scorer")
      .def(py::init([](const std::string& model, const std::string& lexicons,
                       const std::string& overlay) {
             return api::Scorer(api::Options{model, lexicons, overlay});
           }),
           py::arg("model"), py::arg("lexicons"), py::arg("overlay"))
      .def("score_json", &ScoreJson, py::arg("text"))
      .def("score_json_many", &ScoreJsonMany, py::arg("texts"),
           py::arg("threads"))
      .def("brief_lists", &BriefLists, py::arg("texts"), py::arg("threads"))
      .def("brief_dicts", &BriefDicts, py::arg("texts"), py::arg("threads"));
}
