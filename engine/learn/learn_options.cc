// The checks on tune and eval options that need no file system.
#include "engine/learn/learn_options.h"

#include <algorithm>
#include <cmath>
#include <cstdlib>
#include <initializer_list>

#include "features/utf8.h"

namespace credence {
namespace {

// One line of UTF-8 text without control characters: what a model's name
// line holds and a terminal shows as it is.
bool PrintableText(const std::string& text) {
  if (text.empty() || FindInvalidUtf8(text) != std::string::npos) return false;
  return std::none_of(text.begin(), text.end(), [](char c) {
    const auto byte = static_cast<unsigned char>(c);
    return byte < 0x20 || byte == 0x7F;
  });
}

void CheckChoice(const std::string& option, const std::string& value,
                 std::initializer_list<const char*> choices) {
  std::string list;
  for (const char* c : choices) {
    if (value == c) return;
    list += (list.empty() ? "" : " or ") + std::string(c);
  }
  throw OptionError("--" + option + " must be " + list + ", not '" + value +
                    "'");
}

void ValidateJudgeOptions(const EvalRunOptions& o) {
  if (!o.gold.empty() && !o.contrast.empty()) {
    throw OptionError("--gold and --contrast are separate runs (give one)");
  }
  if (!o.report.empty()) {
    throw OptionError(
        "--report is the HTML page of labeled CSV files, not of --gold or "
        "--contrast");
  }
  if (!o.inputs.empty() || !o.articles.empty() || !o.predictions.empty() ||
      o.cues || o.unit != "claim") {
    throw OptionError(
        "--gold and --contrast take no CSV file, --article-file, "
        "--predictions, --cues or --unit");
  }
  if (o.gold.empty() && (!o.gold_root.empty() || o.gold_split != "dev")) {
    throw OptionError("--gold-root and --gold-split need --gold FILE");
  }
  if (o.gold_split != "dev" && o.gold_split != "test" &&
      o.gold_split != "all") {
    throw OptionError("--gold-split must be dev, test or all, not '" +
                      o.gold_split + "'");
  }
  if (o.format != "text" && o.format != "json") {
    throw OptionError("--format must be text or json, not '" + o.format + "'" +
                      (o.format == "html"
                           ? " (html is the page of labeled CSV "
                             "files, not of --gold or --contrast)"
                           : ""));
  }
}

void ValidateCsvEvalOptions(const EvalRunOptions& o) {
  if (o.inputs.empty() && o.articles.empty()) {
    throw OptionError("no labeled CSV file given (credence eval FILE.csv)");
  }
  CheckChoice("unit", o.unit, {"claim", "article"});
  CheckChoice("format", o.format, {"text", "json", "html"});
  if (o.text_column.empty() || o.label_column.empty()) {
    throw OptionError("--text-column and --label-column must name columns");
  }
  if (o.predictions_given && o.predictions.empty()) {
    throw OptionError(
        "--predictions must name a file (leave it out for no predictions)");
  }
  if (o.report_given && o.report.empty()) {
    throw OptionError(
        "--report must name a file (leave it out for no HTML page)");
  }
}
}  // namespace

std::vector<double> ParseFileWeights(const TuneRunOptions& o) {
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
      throw OptionError("--file-weights: '" + item + "' is not a number > 0" +
                        hint);
    }
    weights.push_back(w);
    if (comma == o.file_weights.size()) break;
    start = comma + 1;
  }
  if (weights.size() != o.inputs.size()) {
    throw OptionError("--file-weights gives " + std::to_string(weights.size()) +
                      " weights for " + std::to_string(o.inputs.size()) +
                      " FILE.csv" + hint);
  }
  return weights;
}

void ValidateTuneRunOptions(const TuneRunOptions& o) {
  if (o.inputs.empty() && o.articles.empty()) {
    throw OptionError(
        "no labeled CSV file given (credence tune FILE.csv -o "
        "OUT.model)");
  }
  if (o.output.empty()) {
    throw OptionError("-o OUT.model is required (where to write the model)");
  }
  CheckChoice("unit", o.unit, {"claim", "article"});
  CheckChoice("class-weight", o.class_weight, {"balanced", "none"});
  CheckChoice("file-weight", o.file_weight, {"equal", "rows"});
  ParseFileWeights(o);  // throws on a bad list
  CheckChoice("calibrate", o.calibrate, {"auto", "platt", "none"});
  CheckChoice("signs", o.signs, {"taxonomy", "free"});
  if (o.folds < 2 || o.folds > 1000) {
    throw OptionError("--folds must be between 2 and 1000, not " +
                      std::to_string(o.folds));
  }
  if (!(o.l2 >= 0) || !std::isfinite(o.l2)) {
    throw OptionError("--l2 must be a number >= 0");
  }
  if (o.article_l2_given &&
      (!(o.article_l2 >= 0) || !std::isfinite(o.article_l2))) {
    throw OptionError("--article-l2 must be a number >= 0");
  }
  if (o.seed < 0) throw OptionError("--seed must be >= 0");
  if (o.text_column.empty() || o.label_column.empty()) {
    throw OptionError("--text-column and --label-column must name columns");
  }
  if (!PrintableText(o.name)) {
    throw OptionError(
        "--name must be one non-empty line of printable UTF-8 text");
  }
  if (o.predictions_given && o.predictions.empty()) {
    throw OptionError(
        "--predictions must name a file (leave it out for no predictions)");
  }
}

bool IsJudgeEval(const EvalRunOptions& o) {
  return !o.gold.empty() || !o.contrast.empty() || !o.gold_root.empty() ||
         o.gold_split != "dev";
}

void ValidateEvalRunOptions(const EvalRunOptions& o) {
  if (IsJudgeEval(o)) {
    ValidateJudgeOptions(o);
  } else {
    ValidateCsvEvalOptions(o);
  }
}

}  // namespace credence
