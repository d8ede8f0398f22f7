// The extension module under the credence Python package (__init__.py is
// its interface): a scorer over libcredence's public API, scoring lists of
// texts on threads of its own with the GIL released.
#include <pybind11/pybind11.h>
#include <pybind11/stl.h>

#include <algorithm>
#include <atomic>
#include <cstddef>
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
