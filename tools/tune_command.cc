// `credence tune` and `credence eval`: weights from labeled CSV files, and
// how well a model does on them.
#include <algorithm>
#include <cmath>
#include <cstdlib>
#include <iostream>
#include <memory>
#include <sstream>

#include "engine/util/atomic_file.h"
#include "engine/csv/csv_record.h"
#include "engine/learn/cue_tally.h"
#include "engine/learn/dataset.h"
#include "engine/report.h"
#include "engine/util/sha256.h"
#include "engine/learn/tuner.h"
#include "features/utf8.h"
#include "models/weight_constraints.h"
#include "tools/cli.h"
#include "tools/command_options.h"

namespace credence {
namespace {

namespace po = boost::program_options;

const char kTuneHelp[] =
    "usage: credence tune FILE.csv [FILE.csv ...] -o OUT.model\n"
    "                     [--text-column text] [--label-column label]\n"
    "                     [--unit claim|article] [--article-file FILE.csv]\n"
    "                     [--folds 5] [--l2 1.0] [--article-l2 X] [--seed 1]\n"
    "                     [--class-weight balanced|none]\n"
    "                     [--file-weight equal|rows] [--file-weights W,W,...]\n"
    "                     [--group-column COL]\n"
    "                     [--calibrate auto|platt|none] [--signs "
    "taxonomy|free]\n"
    "                     [--prior MODEL] [--constraints FILE]\n"
    "                     [--article-constraints FILE]\n"
    "                     [--name NAME] [--predictions FILE]\n"
    "                     [--lexicons DIR] [--overlay DIR]\n"
    "\n"
    "Fits the model's bias and weights to labeled rows (label 1 = credible:\n"
    "0/1 or true/false) by L2-regularized logistic regression (Newton's\n"
    "method). First a stratified, seeded k-fold cross-validation gives\n"
    "honest figures (AUC with DeLong's standard error, accuracy, F1 of each\n"
    "class, log loss, Brier score, expected calibration error and a\n"
    "reliability table); then the fit on\n"
    "every row is written to OUT.model, whole or not at all, with the\n"
    "command, each input's sha256 and row count, and the figures. A row\n"
    "whose text is empty or blank counts as one claim with no cues (as\n"
    "rank scores it).\n"
    "\n"
    "options:\n"
    "  -o, --output FILE     the model file to write (required)\n"
    "  --unit claim|article  claim: each row's text is one claim (a headline,\n"
    "                        a sentence, a tweet); article: each row is an\n"
    "                        article (first line the headline), its features\n"
    "                        the mean of its claims' (default claim)\n"
    "  --article-file FILE   also read FILE as articles, whatever --unit\n"
    "  --folds K             cross-validation folds, >= 2 (default 5)\n"
    "  --l2 X                ridge penalty on the weights (default 1.0)\n"
    "  --article-l2 X        the same for the article weights (default: --l2)\n"
    "  --seed N              seed of the fold shuffle (default 1)\n"
    "  --class-weight balanced|none\n"
    "                        balanced: inside each file both classes weigh\n"
    "                        the same (default)\n"
    "  --file-weight equal|rows\n"
    "                        equal: every file weighs the same in total, so\n"
    "                        a large file does not drown a small one\n"
    "                        (default); rows: every row weighs the same\n"
    "  --file-weights W,W,...\n"
    "                        one factor > 0 for each FILE.csv, in order,\n"
    "                        scaling that file's total weight (e.g. 2,1:\n"
    "                        the first file counts twice); --article-file\n"
    "                        files keep 1 (default: all 1)\n"
    "  --group-column COL    in files with column COL, rows of one value\n"
    "                        (e.g. a news event) stay in one fold: the "
    "figures\n"
    "                        then measure unseen groups, and each group\n"
    "                        gets its own row (the first 20 of a file in\n"
    "                        sorted order; a line counts the rest)\n"
    "  --calibrate auto|platt|none\n"
    "                        Platt scaling of the output, folded into the\n"
    "                        weights; auto keeps it when it lowers the\n"
    "                        cross-validated log loss by 0.001 or more\n"
    "  --signs taxonomy|free taxonomy: a weight stays on the side its cue\n"
    "                        category gives it (hedges never raise a score,\n"
    "                        official confirmations never lower one; held\n"
    "                        at 0 otherwise); free: no constraint\n"
    "                        (default taxonomy)\n"
    "  --predictions FILE    also write each row's out-of-fold probability\n"
    "                        there (CSV: file, line, id, unit, label,\n"
    "                        probability; id from an id column, if any)\n"
    "  --prior MODEL         pull the weights towards MODEL's (article\n"
    "                        weights towards its article weights, if it has\n"
    "                        any) instead of towards 0:\n"
    "                        the data moves a weight as far as its evidence\n"
    "                        goes, --l2 says how hard the pull is\n"
    "  --constraints FILE    linear constraints the claim weights keep, one a\n"
    "                        line after 'credence-constraints 1', e.g.\n"
    "                        '0.693*named_source + backing_official >= 0.4',\n"
    "                        'backing_named - backing_anonymous >= 0.3' or\n"
    "                        '0.693*denial + backing_institution <= -0.4':\n"
    "                        what the labeled data cannot teach; each holds\n"
    "                        before Platt scaling, which multiplies every\n"
    "                        weight by the same a > 0\n"
    "  --article-constraints FILE  the same for the article weights\n"
    "  --name NAME           the model's name (default credence-tuned)\n"
    "  --lexicons DIR, --overlay DIR  as for credence score\n"
    "\n"
    "exit codes: 0 written; 1 unreadable or bad data (a missing column, a\n"
    "label other than 0/1, one class only, an unwritable output); 2 bad\n"
    "command line.\n";

const char kEvalHelp[] =
    "usage: credence eval FILE.csv [FILE.csv ...] [--model FILE]\n"
    "                     [--unit claim|article] [--article-file FILE.csv]\n"
    "                     [--format text|json] [--text-column text]\n"
    "                     [--label-column label] [--predictions FILE]\n"
    "                     [--cues] [--lexicons DIR] [--overlay DIR]\n"
    "\n"
    "Scores labeled rows (label 1 = credible) with a model (default: the\n"
    "built-in one) and reports AUC with DeLong's standard error, accuracy,\n"
    "F1 of each class, log loss, Brier score, expected calibration error\n"
    "(10 bins) and the reliability table: for all rows, then each file when\n"
    "there are several. A row whose text is empty or blank counts as one\n"
    "claim with no cues (as rank scores it).\n"
    "\n"
    "JSON (--format json): one object with keys n, positives, auc, auc_se,\n"
    "auc_ci95 ([auc - 1.96 auc_se, auc + 1.96 auc_se] inside [0, 1]),\n"
    "accuracy, f1 (mean of the two classes' F1), f1_credible, f1_doubtful,\n"
    "log_loss, brier, ece, reliability (bins: low, high, n, mean_predicted,\n"
    "observed) and files (the same keys a file, with path). A rate that is\n"
    "undefined (AUC with one class) is null.\n"
    "\n"
    "--predictions FILE writes each row's probability there, whole or not at\n"
    "all: CSV with columns file, line (where the row's record starts), id\n"
    "(the id column's value, empty without one), unit, label, probability.\n"
    "\n"
    "--cues adds a table of every cue that fired (lexicon entry or rule,\n"
    "in its category): the rows it fires in (once a row) of each class, the\n"
    "log odds ratio of firing in a row labeled 1 against one labeled 0 (each\n"
    "count + 0.5) with its standard error, and the category's taxonomy side;\n"
    "'!' marks a cue the data puts on the other side by more than 2 se. In\n"
    "JSON: \"cues\", objects with category, entry, source, rows,\n"
    "rows_credible, log_odds_ratio, se, side (+1, -1, 0) and contradicts.\n"
    "\n"
    "exit codes: 0 done; 1 unreadable or bad data; 2 bad command line.\n";

void AddScorerOptions(po::options_description* desc, std::string* lexicons,
                      std::string* overlay) {
  desc->add_options()("lexicons", po::value(lexicons))("overlay",
                                                       po::value(overlay));
}

std::vector<std::string> Inputs(const po::variables_map& vm) {
  if (vm.count("input") == 0) return {};
  return vm["input"].as<std::vector<std::string>>();
}

std::string CommandLine(const std::string& command,
                        const std::vector<std::string>& args) {
  std::string line = "credence " + command;
  for (const std::string& a : args) {
    const bool plain = !a.empty() && a.find_first_of(" \t'\"\\") == a.npos;
    line += " " + (plain ? a : "'" + a + "'");
  }
  return line;
}

// Loads every file; a file of articles is read as articles.
Dataset LoadAll(const std::vector<std::string>& inputs,
                const std::vector<std::string>& articles, Unit unit,
                const Scorer& scorer, DatasetOptions options,
                CueTally* tally = nullptr) {
  Dataset data;
  options.unit = unit;
  for (const std::string& path : inputs) {
    LoadLabeled(path, scorer, options, &data, tally);
  }
  options.unit = Unit::kArticle;
  for (const std::string& path : articles) {
    LoadLabeled(path, scorer, options, &data, tally);
  }
  return data;
}

std::string Rate(double v) {
  return std::isnan(v) ? "   -  " : FormatFixed(v, 4);
}

std::string Pad(std::string s, size_t width, bool left = false) {
  if (s.size() >= width) return s;
  std::string pad(width - s.size(), ' ');
  return left ? s + pad : pad + s;
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

void JsonRate(double v, std::ostream& out) {
  if (std::isnan(v)) {
    out << "null";
  } else {
    out << FormatFixed(v, 6);
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
  out << ",\"accuracy\":";
  JsonRate(m.accuracy, out);
  out << ",\"f1\":";
  JsonRate((m.f1_credible + m.f1_doubtful) / 2, out);
  out << ",\"f1_credible\":";
  JsonRate(m.f1_credible, out);
  out << ",\"f1_doubtful\":";
  JsonRate(m.f1_doubtful, out);
  out << ",\"log_loss\":";
  JsonRate(m.log_loss, out);
  out << ",\"brier\":";
  JsonRate(m.brier, out);
  out << ",\"ece\":";
  JsonRate(m.ece, out);
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

void WriteFiles(const Dataset& data, std::ostream& out) {
  for (const DatasetFile& f : data.files) {
    out << "  " << f.path << ": " << f.rows << " rows, " << f.positives
        << " labeled 1" << (f.grouped ? ", grouped" : "") << ", sha256 "
        << f.sha256.substr(0, 16) << "...\n";
  }
}

// One CSV row a dataset row, in order, after the header (written by the
// caller once): file, line, id, unit (the first `claim_files` files were
// read as claims, the rest as articles), label, probability (9 decimals,
// so that ties in the file are ties in the scores).
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

constexpr char kPredictionsHeader[] = "file,line,id,unit,label,probability\n";

// A cue whose data points against its taxonomy side by more than two
// standard errors.
bool Contradicts(const CueRow& row, int direction) {
  return direction != 0 && direction * row.log_odds_ratio < -2 * row.se;
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
        << (Contradicts(row, side) ? "!" : " ") << "    "
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
        << (Contradicts(row, directions[row.category]) ? "true" : "false")
        << "}";
  }
  out << "]";
}

// One line of UTF-8 text without control characters: what a model's name
// line holds and a terminal shows as it is.
bool PrintableText(const std::string& text) {
  if (text.empty() || FindInvalidUtf8(text) != std::string::npos) return false;
  return std::none_of(text.begin(), text.end(), [](char c) {
    const auto byte = static_cast<unsigned char>(c);
    return byte < 0x20 || byte == 0x7F;
  });
}

void RefuseDirectories(const std::vector<std::vector<std::string>>& lists) {
  for (const std::vector<std::string>& list : lists) {
    for (const std::string& path : list) RefuseDirectory(path, "a CSV file");
  }
}

Unit ParseUnit(const std::string& unit) {
  return unit == "article" ? Unit::kArticle : Unit::kClaim;
}

void CheckChoice(const std::string& option, const std::string& value,
                 std::initializer_list<const char*> choices) {
  std::string list;
  for (const char* c : choices) {
    if (value == c) return;
    list += (list.empty() ? "" : " or ") + std::string(c);
  }
  throw UsageError("--" + option + " must be " + list + ", not '" + value +
                   "'");
}

// Tune() with its data problems named after the files.
TuneReport TunePart(const Dataset& data, const std::vector<std::string>& names,
                    const TuneOptions& options) {
  try {
    return Tune(data, names, options);
  } catch (const std::invalid_argument& e) {
    std::string paths;
    for (const DatasetFile& f : data.files) {
      paths += (paths.empty() ? "" : ", ") + f.path;
    }
    throw DataError(paths + ": " + e.what());
  }
}

void WritePartReport(const std::string& unit, const Dataset& data,
                     const TuneReport& report, const TuneCommandOptions& o,
                     double l2, std::ostream& text) {
  size_t positives = 0;
  for (const DatasetFile& f : data.files) positives += f.positives;
  text << unit << " weights: " << data.files.size() << " file"
       << (data.files.size() == 1 ? "" : "s") << ", " << data.rows()
       << " rows (" << positives << " labeled 1), " << data.cols
       << " features\n";
  WriteFiles(data, text);
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

}  // namespace

std::vector<double> ParseFileWeights(const TuneCommandOptions& o) {
  std::vector<double> weights;
  if (o.file_weights.empty()) return weights;
  const std::string hint = " (hint: one number > 0 for each of the " +
                           std::to_string(o.inputs.size()) +
                           " FILE.csv, comma-separated)";
  size_t start = 0;
  while (true) {
    const size_t comma =
        std::min(o.file_weights.find(',', start), o.file_weights.size());
    const std::string item = o.file_weights.substr(start, comma - start);
    char* end = nullptr;
    const double w = std::strtod(item.c_str(), &end);
    if (item.empty() || end != item.c_str() + item.size() || !(w > 0) ||
        !std::isfinite(w)) {
      throw UsageError("--file-weights: '" + item + "' is not a number > 0" +
                       hint);
    }
    weights.push_back(w);
    if (comma == o.file_weights.size()) break;
    start = comma + 1;
  }
  if (weights.size() != o.inputs.size()) {
    throw UsageError("--file-weights gives " + std::to_string(weights.size()) +
                     " weights for " + std::to_string(o.inputs.size()) +
                     " FILE.csv" + hint);
  }
  return weights;
}

void ValidateTuneOptions(const TuneCommandOptions& o) {
  if (o.inputs.empty() && o.articles.empty()) {
    throw UsageError(
        "no labeled CSV file given (credence tune FILE.csv -o "
        "OUT.model)");
  }
  if (o.output.empty()) {
    throw UsageError("-o OUT.model is required (where to write the model)");
  }
  CheckChoice("unit", o.unit, {"claim", "article"});
  CheckChoice("class-weight", o.class_weight, {"balanced", "none"});
  CheckChoice("file-weight", o.file_weight, {"equal", "rows"});
  ParseFileWeights(o);  // throws on a bad list
  CheckChoice("calibrate", o.calibrate, {"auto", "platt", "none"});
  CheckChoice("signs", o.signs, {"taxonomy", "free"});
  if (o.folds < 2 || o.folds > 1000) {
    throw UsageError("--folds must be between 2 and 1000, not " +
                     std::to_string(o.folds));
  }
  if (!(o.l2 >= 0) || !std::isfinite(o.l2)) {
    throw UsageError("--l2 must be a number >= 0");
  }
  if (o.article_l2_given &&
      (!(o.article_l2 >= 0) || !std::isfinite(o.article_l2))) {
    throw UsageError("--article-l2 must be a number >= 0");
  }
  if (o.seed < 0) throw UsageError("--seed must be >= 0");
  if (o.text_column.empty() || o.label_column.empty()) {
    throw UsageError("--text-column and --label-column must name columns");
  }
  if (!PrintableText(o.name)) {
    throw UsageError(
        "--name must be one non-empty line of printable UTF-8 text");
  }
  if (o.predictions_given && o.predictions.empty()) {
    throw UsageError(
        "--predictions must name a file (leave it out for no predictions)");
  }
}

void ValidateEvalOptions(const EvalCommandOptions& o) {
  if (o.inputs.empty() && o.articles.empty()) {
    throw UsageError("no labeled CSV file given (credence eval FILE.csv)");
  }
  CheckChoice("unit", o.unit, {"claim", "article"});
  CheckChoice("format", o.format, {"text", "json"});
  if (o.text_column.empty() || o.label_column.empty()) {
    throw UsageError("--text-column and --label-column must name columns");
  }
  if (o.predictions_given && o.predictions.empty()) {
    throw UsageError(
        "--predictions must name a file (leave it out for no predictions)");
  }
}

int RunTune(const std::vector<std::string>& args, std::ostream& out) {
  TuneCommandOptions o;
  bool help = false;
  po::options_description desc;
  desc.add_options()("help,h", po::bool_switch(&help))("output,o",
                                                       po::value(&o.output))(
      "text-column", po::value(&o.text_column))("label-column",
                                                po::value(&o.label_column))(
      "group-column", po::value(&o.group_column))("unit", po::value(&o.unit))(
      "article-file", po::value(&o.articles))("folds", po::value(&o.folds))(
      "l2", po::value(&o.l2))("article-l2", po::value(&o.article_l2))(
      "seed", po::value(&o.seed))("class-weight", po::value(&o.class_weight))(
      "file-weight", po::value(&o.file_weight))("file-weights",
                                                po::value(&o.file_weights))(
      "calibrate", po::value(&o.calibrate))("signs", po::value(&o.signs))(
      "prior", po::value(&o.prior))("constraints", po::value(&o.constraints))(
      "article-constraints", po::value(&o.article_constraints))(
      "name", po::value(&o.name))("predictions", po::value(&o.predictions))(
      "input", po::value<std::vector<std::string>>());
  AddScorerOptions(&desc, &o.lexicons, &o.overlay);
  const po::variables_map vm = ParseCommandLine(args, desc, "tune");
  if (help) {
    out << kTuneHelp;
    return 0;
  }
  o.inputs = Inputs(vm);
  o.article_l2_given = vm.count("article-l2") > 0;
  o.predictions_given = vm.count("predictions") > 0;
  ValidateTuneOptions(o);
  const std::vector<std::string> side_inputs = {o.prior, o.constraints,
                                                o.article_constraints};
  CheckNotAnInput(o.output, "-o", {o.inputs, o.articles, side_inputs});
  if (!o.predictions.empty()) {
    CheckNotAnInput(o.predictions, "--predictions",
                    {o.inputs, o.articles, side_inputs});
    if (SamePath(o.predictions, o.output)) {
      throw UsageError("--predictions and -o name the same file (" + o.output +
                       ")");
    }
  }

  RefuseDirectories({o.inputs, o.articles});
  if (!o.prior.empty()) RefuseDirectory(o.prior, "a model file");
  AtomicFile target(o.output);  // a bad folder fails before the work
  std::unique_ptr<AtomicFile> predictions;
  if (!o.predictions.empty()) {
    predictions = std::make_unique<AtomicFile>(o.predictions);
  }
  const std::unique_ptr<Scorer> scorer =
      BuildFeatureScorer(o.lexicons, o.overlay);
  DatasetOptions data_options;
  data_options.text_column = o.text_column;
  data_options.label_column = o.label_column;
  if (!o.predictions.empty()) data_options.id_column = "id";
  data_options.group_column = o.group_column;
  // Claim rows fit the claim weights, article rows the article weights.
  const bool articles_only = o.unit == "article";
  const Dataset claims =
      LoadAll(articles_only ? std::vector<std::string>{} : o.inputs, {},
              Unit::kClaim, *scorer, data_options);
  std::vector<std::string> article_files = o.articles;
  if (articles_only) {
    article_files.insert(article_files.begin(), o.inputs.begin(),
                         o.inputs.end());
  }
  const Dataset articles =
      LoadAll({}, article_files, Unit::kArticle, *scorer, data_options);

  TuneOptions options;
  options.l2 = o.l2;
  options.folds = static_cast<int>(o.folds);
  options.seed = static_cast<uint64_t>(o.seed);
  options.balance_classes = o.class_weight == "balanced";
  options.equal_files = o.file_weight == "equal";
  // The FILE.csv come first in either dataset; --article-file files weigh 1.
  const std::vector<double> input_weights = ParseFileWeights(o);
  options.calibrate = o.calibrate;
  options.model_name = o.name;
  if (o.signs == "taxonomy") {
    options.signs = scorer->extractor().FeatureDirections();
  }
  const std::vector<std::string>& names = scorer->model().feature_names();
  LinearModel prior;
  if (!o.prior.empty()) {
    prior = LinearModel::LoadFile(o.prior);
    if (prior.feature_names() != names) {
      throw DataError(o.prior +
                      ": its features are not the extractor's (hint: a prior "
                      "model must weigh the same features in the same order)");
    }
  }
  std::ostringstream text;
  TuneReport claim_report, article_report;
  if (claims.rows() > 0) {
    options.unit = "claim";
    options.file_weights = input_weights;
    if (!o.prior.empty()) options.prior = prior.weights();
    if (!o.constraints.empty()) {
      options.constraints = LoadConstraintsFile(o.constraints, names);
    }
    claim_report = TunePart(claims, names, options);
    WritePartReport("claim", claims, claim_report, o, options.l2, text);
  }
  if (articles.rows() > 0) {
    options.unit = "article";
    options.meta_prefix = "article_";
    options.file_weights.clear();
    if (articles_only && !input_weights.empty()) {
      options.file_weights = input_weights;
      options.file_weights.resize(articles.files.size(), 1.0);
    }
    if (o.article_l2_given) options.l2 = o.article_l2;
    // Articles pull towards the prior's article weights, or towards 0:
    // claim weights are on another scale (one claim, not a mean of many).
    options.prior = prior.has_article_weights() ? prior.article_weights()
                                                : std::vector<double>();
    options.constraints.clear();
    if (!o.article_constraints.empty()) {
      options.constraints = LoadConstraintsFile(o.article_constraints, names);
    }
    article_report = TunePart(articles, names, options);
    WritePartReport("article", articles, article_report, o, options.l2, text);
  }
  // Without claim rows, the article weights serve claims too.
  const TuneReport& first = claims.rows() > 0 ? claim_report : article_report;
  LinearModel model(o.name, first.model.bias(), names, first.model.weights());
  model.AddMeta("command", CommandLine("tune", args));
  if (!o.prior.empty()) {
    model.AddMeta("prior", o.prior + " sha256=" + Sha256OfFile(o.prior));
  }
  for (const auto& [key, path] :
       {std::pair<const char*, const std::string&>{"constraints",
                                                   o.constraints},
        {"article_constraints", o.article_constraints}}) {
    if (!path.empty()) {
      model.AddMeta(key, path + " sha256=" + Sha256OfFile(path));
    }
  }
  for (const auto& [key, value] : claim_report.model.meta()) {
    model.AddMeta(key, value);
  }
  if (articles.rows() > 0) {
    model.SetArticleWeights(article_report.model.bias(),
                            article_report.model.weights());
    for (const auto& [key, value] : article_report.model.meta()) {
      model.AddMeta(key, value);
    }
  }
  if (predictions) {
    predictions->stream() << kPredictionsHeader;
    if (claims.rows() > 0) {
      WritePredictions(claims, claim_report.oof, claims.files.size(),
                       predictions->stream());
    }
    if (articles.rows() > 0) {
      WritePredictions(articles, article_report.oof, 0, predictions->stream());
    }
    predictions->Commit();
  }
  model.Save(target.stream());
  target.Commit();
  text << "wrote " << o.output << "\n";
  out << text.str();
  return 0;
}

int RunEval(const std::vector<std::string>& args, std::ostream& out) {
  EvalCommandOptions o;
  bool help = false;
  po::options_description desc;
  desc.add_options()("help,h", po::bool_switch(&help))(
      "model", po::value(&o.model))("text-column", po::value(&o.text_column))(
      "label-column", po::value(&o.label_column))("unit", po::value(&o.unit))(
      "article-file", po::value(&o.articles))("format", po::value(&o.format))(
      "predictions", po::value(&o.predictions))(
      "cues", po::bool_switch(&o.cues))("input",
                                        po::value<std::vector<std::string>>());
  AddScorerOptions(&desc, &o.lexicons, &o.overlay);
  AddJudgeOptions(&desc, &o);
  const po::variables_map vm = ParseCommandLine(args, desc, "eval");
  if (help) {
    out << kEvalHelp << kJudgeHelp;
    return 0;
  }
  o.inputs = Inputs(vm);
  o.predictions_given = vm.count("predictions") > 0;
  if (IsJudgeEval(o)) return RunJudgeEval(o, out);
  ValidateEvalOptions(o);
  RefuseDirectories({o.inputs, o.articles});
  std::unique_ptr<AtomicFile> predictions;
  if (!o.predictions.empty()) {
    CheckNotAnInput(o.predictions, "--predictions",
                    {o.inputs, o.articles, {o.model}});
    predictions = std::make_unique<AtomicFile>(o.predictions);
  }
  const std::unique_ptr<Scorer> scorer =
      BuildScorer(o.model, o.lexicons, o.overlay);
  DatasetOptions data_options;
  data_options.text_column = o.text_column;
  data_options.label_column = o.label_column;
  if (!o.predictions.empty()) data_options.id_column = "id";
  CueTally tally;
  const Dataset data = LoadAll(o.inputs, o.articles, ParseUnit(o.unit), *scorer,
                               data_options, o.cues ? &tally : nullptr);
  const std::vector<ScopedMetrics> metrics =
      MetricsByFile(data, data.probability);
  const std::vector<int> directions = scorer->extractor().FeatureDirections();
  std::ostringstream text;
  if (o.format == "json") {
    text << "{\"model\":";
    WriteJsonString(scorer->model().name(), text);
    text << ",";
    WriteMetricsJson(metrics[0].metrics, text);
    text << ",\"files\":[";
    for (size_t i = metrics.size() > 1 ? 1 : 0; i < metrics.size(); ++i) {
      text << (i > 1 ? "," : "") << "{\"path\":";
      WriteJsonString(i == 0 ? data.files[0].path : metrics[i].scope, text);
      text << ",";
      WriteMetricsJson(metrics[i].metrics, text);
      text << "}";
    }
    text << "]";
    if (o.cues) WriteCueJson(tally, directions, text);
    text << "}\n";
  } else {
    text << "eval: model " << scorer->model().name() << ", " << data.rows()
         << " rows\n";
    WriteFiles(data, text);
    text << "\n";
    WriteMetricsTable(metrics, text);
    text << "\nreliability, all rows:\n";
    WriteReliability(metrics[0].metrics, text);
    if (o.cues) {
      text << "\n";
      WriteCueTable(tally, directions, text);
    }
  }
  if (predictions) {
    predictions->stream() << kPredictionsHeader;
    WritePredictions(data, data.probability,
                     o.unit == "claim" ? o.inputs.size() : 0,
                     predictions->stream());
    predictions->Commit();
  }
  out << text.str();
  return 0;
}

}  // namespace credence
