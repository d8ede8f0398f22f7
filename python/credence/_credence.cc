// The extension module under the credence Python package (__init__.py is
// its interface): a scorer over libcredence's public API, scoring lists of
// texts on threads of its own with the GIL released.
#include <pybind11/pybind11.h>
#include <pybind11/stl.h>

#include <algorithm>
#include <atomic>
#include <cstddef>
#include <mutex>
#include <sstream>
#include <string>
#include <thread>
#include <tuple>
#include <vector>

#include "credence/credence.h"

namespace py = pybind11;
namespace api = credence::api;

namespace {

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

// Runs job(i) for every i in [0, n) on `threads` threads, each taking the
// next index from a shared counter. A TextError stops the run; the one of
// the lowest index is thrown again as "texts[i]: message".
template <class Job>
void ParallelFor(size_t n, int threads, const Job& job) {
  std::atomic<size_t> next{0};
  std::atomic<bool> failed{false};
  std::mutex mutex;
  size_t error_index = n;
  std::string error;
  const auto work = [&] {
    while (!failed) {
      const size_t i = next++;
      if (i >= n) return;
      try {
        job(i);
      } catch (const api::TextError& e) {
        const std::lock_guard<std::mutex> lock(mutex);
        if (i < error_index) {
          error_index = i;
          error = e.what();
        }
        failed = true;
      }
    }
  };
  std::vector<std::thread> pool;
  for (size_t t = 1; t < ThreadCount(threads, n); ++t) pool.emplace_back(work);
  work();
  for (std::thread& t : pool) t.join();
  if (failed) {
    throw api::TextError("texts[" + std::to_string(error_index) +
                         "]: " + error);
  }
}

std::vector<std::string> ScoreJsonMany(const api::Scorer& scorer,
                                       const std::vector<std::string>& texts,
                                       int threads) {
  std::vector<std::string> reports(texts.size());
  ParallelFor(texts.size(), threads,
              [&](size_t i) { reports[i] = ReportJson(scorer, texts[i]); });
  return reports;
}

// Four columns (confidence, backing, cue category, cue): what rank_frame
// adds to a frame, and score_many(brief=True) zips into dicts.
using BriefColumns =
    std::tuple<std::vector<double>, std::vector<std::string>,
               std::vector<std::string>, std::vector<std::string>>;

BriefColumns BriefMany(const api::Scorer& scorer,
                       const std::vector<std::string>& texts, int threads) {
  BriefColumns columns;
  auto& [scores, backings, categories, cues] = columns;
  scores.resize(texts.size());
  backings.resize(texts.size());
  categories.resize(texts.size());
  cues.resize(texts.size());
  ParallelFor(texts.size(), threads, [&](size_t i) {
    api::Brief brief = scorer.ScoreBrief(texts[i]);
    scores[i] = brief.confidence;
    backings[i] = std::move(brief.backing);
    categories[i] = std::move(brief.cue_category);
    cues[i] = std::move(brief.cue);
  });
  return columns;
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
      .def("score_json", &ReportJson, py::arg("text"),
           py::call_guard<py::gil_scoped_release>())
      .def("score_json_many", &ScoreJsonMany, py::arg("texts"),
           py::arg("threads"), py::call_guard<py::gil_scoped_release>())
      .def("brief_many", &BriefMany, py::arg("texts"), py::arg("threads"),
           py::call_guard<py::gil_scoped_release>());
}
