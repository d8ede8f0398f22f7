// The extension module under the credence Python package (__init__.py is
// its interface): a scorer over libcredence's public API, scoring lists of
// texts on threads of its own with the GIL released.
#include <pybind11/pybind11.h>
#include <pybind11/stl.h>

#include <algorithm>
#include <atomic>
#include <charconv>
#include <cstddef>
#include <cstdint>
#include <cstdio>
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

// The bytes of a vector's elements (little-endian on every machine credence
// builds for), for numpy.frombuffer or array("d") on the Python side.
template <class T>
py::bytes BytesOf(const std::vector<T>& values) {
  return py::bytes(reinterpret_cast<const char*>(values.data()),
                   values.size() * sizeof(T));
}

// rank_block(): a block of CSV bytes ranked by api::RankCsvBlock, as a
// tuple (has_id, read, scores, numbers, ids, id_ends, lines, line_ends,
// messages): the arrays as bytes of float64 or uint64, messages a list.
py::tuple RankBlock(const api::Scorer& scorer, const py::bytes& data,
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
  return py::make_tuple(block.has_id, block.read, BytesOf(block.scores),
                        BytesOf(block.numbers), py::bytes(block.ids),
                        BytesOf(block.id_ends), py::bytes(block.lines),
                        BytesOf(block.line_ends), block.messages);
}

// A block of rank_block() as write_ranked() reads it: views into the
// Python objects, which the caller keeps alive.
struct BlockView {
  const uint64_t* numbers = nullptr;
  std::string_view ids, lines;
  const uint64_t* id_ends = nullptr;
  const uint64_t* line_ends = nullptr;
  uint64_t rows = 0;
  uint64_t first_row = 0;  // the global number of the block's row 1, less 1
};

template <class T>
const T* ArrayOf(py::handle bytes, uint64_t* count) {
  char* data = nullptr;
  Py_ssize_t size = 0;
  if (PyBytes_AsStringAndSize(bytes.ptr(), &data, &size) != 0) {
    throw py::error_already_set();
  }
  *count = static_cast<uint64_t>(size) / sizeof(T);
  return reinterpret_cast<const T*>(data);
}

std::string_view ViewOf(py::handle bytes) {
  uint64_t n = 0;
  const char* data = ArrayOf<char>(bytes, &n);
  return {data, n};
}

BlockView ViewBlock(const py::tuple& block, uint64_t first_row) {
  BlockView view;
  uint64_t n = 0;
  view.numbers = ArrayOf<uint64_t>(block[3], &view.rows);
  view.ids = ViewOf(block[4]);
  view.id_ends = ArrayOf<uint64_t>(block[5], &n);
  view.lines = ViewOf(block[6]);
  view.line_ends = ArrayOf<uint64_t>(block[7], &n);
  view.first_row = first_row;
  return view;
}

std::string_view Piece(std::string_view text, const uint64_t* ends,
                       uint64_t i) {
  const uint64_t begin = i == 0 ? 0 : ends[i - 1];
  return text.substr(begin, ends[i] - begin);
}

// Appends the CSV row of rank `rank`: "rank,id," then the block's line.
void AppendRanked(const BlockView& block, uint64_t row, uint64_t rank,
                  bool use_ids, std::string* out) {
  char digits[24];
  out->append(digits,
              static_cast<size_t>(std::to_chars(digits, digits + 24, rank).ptr -
                                  digits));
  out->push_back(',');
  if (use_ids) {
    out->append(Piece(block.ids, block.id_ends, row));
  } else {
    const uint64_t number = block.first_row + block.numbers[row];
    out->append(digits,
                static_cast<size_t>(
                    std::to_chars(digits, digits + 24, number).ptr - digits));
  }
  out->push_back(',');
  out->append(Piece(block.lines, block.line_ends, row));
}

// write_ranked(blocks, first_rows, order, use_ids, write): the rows of
// rank_block() results in `order` (bytes of uint64: indices into the
// blocks' rows, concatenated), ranked from 1, given to write() as bytes a
// few MiB at a time. Ids are the id fields, or with use_ids false the
// blocks' row numbers plus first_rows[block].
void WriteRanked(const py::list& blocks,
                 const std::vector<uint64_t>& first_rows,
                 const py::bytes& order, bool use_ids,
                 const py::function& write) {
  std::vector<BlockView> views;
  std::vector<uint64_t> starts;  // each block's first index in `order`
  uint64_t total = 0;
  for (size_t b = 0; b < blocks.size(); ++b) {
    views.push_back(ViewBlock(blocks[b].cast<py::tuple>(), first_rows.at(b)));
    starts.push_back(total);
    total += views.back().rows;
  }
  uint64_t n = 0;
  const uint64_t* indices = ArrayOf<uint64_t>(order, &n);
  constexpr size_t kFlushBytes = size_t{4} << 20;
  std::string out;
  out.reserve(kFlushBytes + 4096);
  for (uint64_t r = 0; r < n; ++r) {
    if (indices[r] >= total)
      throw py::value_error("order: index past the rows");
    const size_t b = static_cast<size_t>(
        std::upper_bound(starts.begin(), starts.end(), indices[r]) -
        starts.begin() - 1);
    AppendRanked(views[b], indices[r] - starts[b], r + 1, use_ids, &out);
    if (out.size() >= kFlushBytes) {
      write(py::bytes(out));
      out.clear();
    }
  }
  if (!out.empty()) write(py::bytes(out));
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
  m.def("rank_block", &RankBlock, py::arg("scorer"), py::arg("data"),
        py::arg("path"), py::arg("text_column"), py::arg("id_column"),
        py::arg("top"), py::arg("threads"));
  m.def("write_ranked", &WriteRanked, py::arg("blocks"), py::arg("first_rows"),
        py::arg("order"), py::arg("use_ids"), py::arg("write"));
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
