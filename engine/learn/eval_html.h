// The report of `credence eval --format html`: one self-contained page
// with, for all rows and then each file (when there are several), the
// metrics, the ROC curve with the AUC and its 95% interval, the
// reliability diagram with its bins' counts and the score histograms of
// the two classes (inline SVG, engine/learn/eval_plots.h); then, with
// --cues, the cue table, ordered by log odds ratio (highest first) and
// sortable by any column with the page's one inline script.
//
//   const auto metrics = credence::MetricsByFile(data, data.probability);
//   credence::WriteEvalHtml({scorer.model().name(), data, metrics, &tally,
//                            scorer.extractor().FeatureDirections()},
//                           std::cout);
//
// Every piece of input text (file paths, model name, cue entries and
// sources) is escaped.
#ifndef CREDENCE_ENGINE_LEARN_EVAL_HTML_H_
#define CREDENCE_ENGINE_LEARN_EVAL_HTML_H_

#include <ostream>
#include <string>
#include <vector>

#include "engine/learn/cue_tally.h"
#include "engine/learn/dataset.h"
#include "engine/learn/tuner.h"

namespace credence {

struct EvalPage {
  std::string model;  // the model's name
  const Dataset& data;
  // MetricsByFile(data, data.probability): all rows first, then each file
  // when there are several.
  const std::vector<ScopedMetrics>& metrics;
  const CueTally* cues = nullptr;  // no cue table when null
  std::vector<int> directions;     // taxonomy side a category, with cues
};

void WriteEvalHtml(const EvalPage& page, std::ostream& out);

}  // namespace credence

#endif  // CREDENCE_ENGINE_LEARN_EVAL_HTML_H_
