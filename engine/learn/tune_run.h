// A whole tune run, as `credence tune` does it: the labeled files read
// (claims with the claim weights, articles with the article weights),
// each part cross-validated and fitted, the model assembled with what it
// was tuned from (the command, the prior's and constraints' sha256), and
// the text report. The caller writes the model and the predictions.
//
//   credence::TuneRunOptions o;  ... inputs, output ...
//   credence::ValidateTuneRunOptions(o);
//   const credence::TuneRun run = credence::TuneModel(o, "my-script");
//   run.model.Save(model_stream);
//   std::cout << run.report;
#ifndef CREDENCE_ENGINE_LEARN_TUNE_RUN_H_
#define CREDENCE_ENGINE_LEARN_TUNE_RUN_H_

#include <iosfwd>
#include <string>

#include "engine/learn/dataset.h"
#include "engine/learn/learn_options.h"
#include "engine/learn/tuner.h"
#include "models/linear_model.h"

namespace credence {

struct TuneRun {
  LinearModel model;         // claim weights, and article weights if any rows
  std::string report;        // the text report of each part
  Dataset claims, articles;  // the rows each part was fitted to
  TuneReport claim_report, article_report;  // empty for a part without rows
};

// Runs the tuning `options` describe (validated); `command` is recorded in
// the model's "command" meta line. Throws std::runtime_error naming the
// file for bad data (CsvError, LexiconError, ModelError as they come).
TuneRun TuneModel(const TuneRunOptions& options, const std::string& command);

// The predictions CSV of a run: the header, then each row's out-of-fold
// probability (claim rows first).
void WriteTunePredictions(const TuneRun& run, std::ostream& out);

}  // namespace credence

#endif  // CREDENCE_ENGINE_LEARN_TUNE_RUN_H_
