// The reports of tune and eval runs: metrics as a table or JSON, the
// reliability table, the files read, predictions as CSV, the cue table.
#include "engine/learn/learn_report.h"

#include <algorithm>
#include <cmath>
#include <ostream>
#include <utility>

#include "engine/csv/csv_record.h"
#include "engine/report.h"

namespace credence {
namespace {

std::string Rate(double v) {
  return std::isnan(v) ? "   -  " : FormatFixed(v, 4);
}

std::string Pad(std::string s, size_t width, bool left = false) {
  if (s.size() >= width) return s;
  std::string pad(width - s.size(), ' ');
  return left ? s + pad : pad + s;
}

void JsonRate(double v, std::ostream& out) {
  if (std::isnan(v)) {
    out << "null";
  } else {
    out << FormatFixed(v, 6);
  }
}

// A cue whose data points against its taxonomy side by more than two
// standard errors.
}  // namespace

bool CueContradicts(const CueRow& row, int direction) {
  return direction != 0 && direction * row.log_odds_ratio < -2 * row.se;
}

void WriteMetricsTable(const std::vector<ScopedMetrics>& all,
                       std::ostream& out) {
  out << Pad("scope", 36, true) << Pad("n", 8) << Pad("auc", 8)
      << Pad("auc_se", 8) << Pad("acc", 8) << Pad("f1(1)", 8) << Pad("f1(0)", 8)
      << Pad("logloss", 8) << Pad("brier", 8) << Pad("ece", 8) << "\n";
  for (const ScopedMetrics& s : all) {
    const Metrics& m = s.metrics;
    std::string scope = s.scope;
    if (scope.size() > 35) scope = "..." + scope.substr(scope.size() - 32);
    out << Pad(scope, 36, true) << Pad(std::to_string(m.n), 8)
        << Pad(Rate(m.auc), 8) << Pad(Rate(m.auc_se), 8)
        << Pad(Rate(m.accuracy), 8) << Pad(Rate(m.f1_credible), 8)
        << Pad(Rate(m.f1_doubtful), 8) << Pad(Rate(m.log_loss), 8)
        << Pad(Rate(m.brier), 8) << Pad(Rate(m.ece), 8) << "\n";
    if (s.more_groups > 0) {
      out << "(" << s.more_groups << " more groups not shown)\n";
    }
  }
}

void WriteReliability(const Metrics& m, std::ostream& out) {
  out << "  predicted        n  mean predicted  observed\n";
  for (const ReliabilityBin& b : m.bins) {
    out << "  [" << FormatFixed(b.low, 1) << "," << FormatFixed(b.high, 1)
        << (b.high < 1 ? ")" : "]") << Pad(std::to_string(b.n), 9)
        << Pad(b.n ? FormatFixed(b.mean_predicted, 4) : "-", 16)
        << Pad(b.n ? FormatFixed(b.observed, 4) : "-", 10) << "\n";
  }
}

void WriteMetricsJson(const Metrics& m, std::ostream& out) {
  out << "\"n\":" << m.n << ",\"positives\":" << m.positives << ",\"auc\":";
  JsonRate(m.auc, out);
  out << ",\"auc_se\":";
  JsonRate(m.auc_se, out);
  out << ",\"auc_ci95\":";
  if (std::isnan(m.auc_se)) {
    out << "null";
  } else {
    out << "[" << FormatFixed(std::max(0.0, m.auc - 1.96 * m.auc_se), 6) << ","
        << FormatFixed(std::min(1.0, m.auc + 1.96 * m.auc_se), 6) << "]";
  }
  const std::pair<const char*, double> rates[] = {
      {"accuracy", m.accuracy},
      {"f1", (m.f1_credible + m.f1_doubtful) / 2},
      {"f1_credible", m.f1_credible},
      {"f1_doubtful", m.f1_doubtful},
      {"log_loss", m.log_loss},
      {"brier", m.brier},
      {"ece", m.ece},
  };
  for (const auto& [key, rate] : rates) {
    out << ",\"" << key << "\":";
    JsonRate(rate, out);
  }
  out << ",\"reliability\":[";
  for (size_t i = 0; i < m.bins.size(); ++i) {
    const ReliabilityBin& b = m.bins[i];
    out << (i ? "," : "") << "{\"low\":" << FormatFixed(b.low, 1)
        << ",\"high\":" << FormatFixed(b.high, 1) << ",\"n\":" << b.n
        << ",\"mean_predicted\":" << FormatFixed(b.mean_predicted, 6)
        << ",\"observed\":" << FormatFixed(b.observed, 6) << "}";
  }
  out << "]";
}

void WriteDatasetFiles(const Dataset& data, std::ostream& out) {
  for (const DatasetFile& f : data.files) {
    out << "  " << f.path << ": " << f.rows << " rows, " << f.positives
        << " labeled 1" << (f.grouped ? ", grouped" : "") << ", sha256 "
        << f.sha256.substr(0, 16) << "...\n";
  }
}

// One CSV row a dataset row, in order, after the header (kPredictionsHeader,
// written by the caller once): file, line, id, unit (the first `claim_files`
// files were read as claims, the rest as articles), label, probability (9
// decimals, so that ties in the file are ties in the scores).
void WritePredictions(const Dataset& data, const std::vector<double>& p,
                      size_t claim_files, std::ostream& out) {
  std::string line;
  for (size_t i = 0; i < data.rows(); ++i) {
    line.clear();
    AppendCsvField(data.files[data.file[i]].path, &line);
    line += "," + std::to_string(data.line[i]) + ",";
    AppendCsvField(data.id[i], &line);
    line += data.file[i] < claim_files ? ",claim" : ",article";
    line += (data.y[i] == 1 ? ",1," : ",0,") + FormatFixed(p[i], 9) + "\n";
    out << line;
  }
}

void WriteCueTable(const CueTally& tally, const std::vector<int>& directions,
                   std::ostream& out) {
  const std::vector<std::string>& names = Extractor::CategoryNames();
  out << "cues: the rows each fires in (" << tally.rows(1) << " labeled 1, "
      << tally.rows(0)
      << " labeled 0); log OR > 0: it marks rows labeled 1 here;\n"
         "side: the taxonomy's (+ sourcing, - doubt, = either); ! the data "
         "says the other side, by more than 2 se\n";
  out << Pad("rows", 8) << Pad("label 1", 9) << Pad("log OR", 8) << Pad("se", 7)
      << "  side  " << Pad("category", 23, true) << "entry (source)\n";
  for (const CueRow& row : tally.Rows()) {
    const int side = directions[row.category];
    out << Pad(std::to_string(row.rows[0] + row.rows[1]), 8)
        << Pad(std::to_string(row.rows[1]), 9)
        << Pad(FormatFixed(row.log_odds_ratio, 2), 8)
        << Pad(FormatFixed(row.se, 2), 7) << "  "
        << (side > 0   ? "+"
            : side < 0 ? "-"
                       : "=")
        << (CueContradicts(row, side) ? "!" : " ") << "    "
        << Pad(names[row.category], 23, true) << row.entry->phrase << " ("
        << row.entry->source << ")\n";
  }
}

void WriteCueJson(const CueTally& tally, const std::vector<int>& directions,
                  std::ostream& out) {
  const std::vector<std::string>& names = Extractor::CategoryNames();
  out << ",\"cues\":[";
  bool first = true;
  for (const CueRow& row : tally.Rows()) {
    out << (first ? "" : ",") << "{\"category\":";
    first = false;
    WriteJsonString(names[row.category], out);
    out << ",\"entry\":";
    WriteJsonString(row.entry->phrase, out);
    out << ",\"source\":";
    WriteJsonString(row.entry->source, out);
    out << ",\"rows\":" << row.rows[0] + row.rows[1]
        << ",\"rows_credible\":" << row.rows[1]
        << ",\"log_odds_ratio\":" << FormatFixed(row.log_odds_ratio, 6)
        << ",\"se\":" << FormatFixed(row.se, 6)
        << ",\"side\":" << directions[row.category] << ",\"contradicts\":"
        << (CueContradicts(row, directions[row.category]) ? "true" : "false")
        << "}";
  }
  out << "]";
}

void WriteTunePartReport(const std::string& unit, const Dataset& data,
                         const TuneReport& report, const TuneRunOptions& o,
                         double l2, std::ostream& text) {
  size_t positives = 0;
  for (const DatasetFile& f : data.files) positives += f.positives;
  text << unit << " weights: " << data.files.size() << " file"
       << (data.files.size() == 1 ? "" : "s") << ", " << data.rows()
       << " rows (" << positives << " labeled 1), " << data.cols
       << " features\n";
  WriteDatasetFiles(data, text);
  text << "fit: l2 " << FormatFixed(l2, 4) << ", class weight "
       << o.class_weight << ", file weight " << o.file_weight
       << (o.file_weights.empty() ? "" : " x " + o.file_weights) << ": "
       << report.fit.iterations << " Newton iterations, weighted log loss "
       << FormatFixed(report.fit.loss, 4) << "\n\n";
  text << "cross-validation, out of fold (" << o.folds << " folds, seed "
       << o.seed
       << (o.group_column.empty() ? "" : ", grouped by " + o.group_column)
       << ")\n";
  WriteMetricsTable(report.cv, text);
  text << "\ncalibration: "
       << (report.calibrated
               ? "Platt scaling a=" + FormatFixed(report.platt_a, 4) +
                     " b=" + FormatFixed(report.platt_b, 4) +
                     ", folded into the weights"
               : std::string("none"))
       << " (" << report.calibration_note << ")\n";
  text << "reliability, all rows, out of fold:\n";
  WriteReliability(report.cv[0].metrics, text);
  text << "\n";
}

}  // namespace credence
