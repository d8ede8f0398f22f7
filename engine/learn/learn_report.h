// The reports of `credence tune` and `credence eval`, written to any
// stream: metrics (a table or JSON), the reliability table, the files a
// data set read, each row's prediction as CSV and the cue table.
//
//   const std::vector<credence::ScopedMetrics> m =
//       credence::MetricsByFile(data, data.probability);
//   credence::WriteMetricsTable(m, std::cout);
//   credence::WriteReliability(m[0].metrics, std::cout);
#ifndef CREDENCE_ENGINE_LEARN_LEARN_REPORT_H_
#define CREDENCE_ENGINE_LEARN_LEARN_REPORT_H_

#include <cstddef>
#include <iosfwd>
#include <string>
#include <vector>

#include "engine/learn/cue_tally.h"
#include "engine/learn/dataset.h"
#include "engine/learn/learn_options.h"
#include "engine/learn/tuner.h"
#include "models/metrics.h"

namespace credence {

// One line a scope (all rows, a file, a group) with n, AUC and its
// standard error, accuracy, F1 of each class, log loss, Brier, ECE.
void WriteMetricsTable(const std::vector<ScopedMetrics>& all,
                       std::ostream& out);
// The reliability bins of `m`, one line each.
void WriteReliability(const Metrics& m, std::ostream& out);
// The keys of `m` as JSON object members (no braces); an undefined rate
// is null.
void WriteMetricsJson(const Metrics& m, std::ostream& out);
// One line a file read: rows, rows labeled 1, grouped, sha256 prefix.
void WriteDatasetFiles(const Dataset& data, std::ostream& out);

// The header line of the predictions CSV.
constexpr char kPredictionsHeader[] = "file,line,id,unit,label,probability\n";
void WritePredictions(const Dataset& data, const std::vector<double>& p,
                      size_t claim_files, std::ostream& out);

// Every cue that fired, with its rows of each class, log odds ratio and
// taxonomy side (`directions`, a category each): as a table, or as the
// JSON member ,"cues":[...].
void WriteCueTable(const CueTally& tally, const std::vector<int>& directions,
                   std::ostream& out);
void WriteCueJson(const CueTally& tally, const std::vector<int>& directions,
                  std::ostream& out);
// Whether the data puts the cue on the other side of the taxonomy's
// `direction` (+1, -1; 0 never) by more than 2 standard errors.
bool CueContradicts(const CueRow& row, int direction);

// The report of one part of a tune run (unit "claim" or "article"): the
// files, the fit, the cross-validated figures and the calibration; `l2`
// is the penalty the part used.
void WriteTunePartReport(const std::string& unit, const Dataset& data,
                         const TuneReport& report, const TuneRunOptions& o,
                         double l2, std::ostream& text);

}  // namespace credence

#endif  // CREDENCE_ENGINE_LEARN_LEARN_REPORT_H_
