// A whole eval run, as `credence eval` does it: a model scored on labeled
// CSV files (metrics for all rows and each file, the reliability table,
// optionally the cue table), or judged against a gold file or a contrast
// suite. The report is text or JSON (or, of CSV files, an HTML page), as
// the options say.
//
//   credence::EvalRunOptions o;
//   o.inputs = {"liar_dev.csv"};
//   credence::ValidateEvalRunOptions(o);
//   const credence::EvalRun run = credence::EvaluateModel(o);
//   std::cout << run.report;
#ifndef CREDENCE_ENGINE_LEARN_EVAL_RUN_H_
#define CREDENCE_ENGINE_LEARN_EVAL_RUN_H_

#include <iosfwd>
#include <string>

#include "engine/learn/dataset.h"
#include "engine/learn/learn_options.h"

namespace credence {

struct EvalRun {
  Dataset data;        // the rows scored, with their probabilities
  std::string report;  // text, JSON or HTML, as options.format says
  std::string page;    // the HTML page, when options.report is set
};

// Scores the labeled CSV files of `options` (validated, not a judgment
// run). Throws std::runtime_error naming the file for bad data.
EvalRun EvaluateModel(const EvalRunOptions& options);

// The predictions CSV of a run: the header, then each row's probability.
void WriteEvalPredictions(const EvalRun& run, const EvalRunOptions& options,
                          std::ostream& out);

// The report of a judgment run (IsJudgeEval): the gold file's or the
// contrast suite's, text or JSON.
std::string JudgeModel(const EvalRunOptions& options);

}  // namespace credence

#endif  // CREDENCE_ENGINE_LEARN_EVAL_RUN_H_
