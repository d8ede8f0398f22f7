// A whole eval run: labeled CSV files scored and measured, or a model
// judged against gold annotations or a contrast suite.
#include "engine/learn/eval_run.h"

#include <memory>
#include <ostream>
#include <sstream>
#include <vector>

#include "engine/learn/contrast.h"
#include "engine/learn/cue_tally.h"
#include "engine/learn/eval_html.h"
#include "engine/learn/gold_eval.h"
#include "engine/learn/learn_report.h"
#include "engine/learn/tuner.h"
#include "engine/report.h"
#include "engine/scorer_factory.h"

namespace credence {
namespace {

// Loads every file; a file of articles is read as articles.
Dataset LoadAll(const EvalRunOptions& o, const Scorer& scorer,
                DatasetOptions options, CueTally* tally) {
  Dataset data;
  options.unit = o.unit == "article" ? Unit::kArticle : Unit::kClaim;
  for (const std::string& path : o.inputs) {
    LoadLabeled(path, scorer, options, &data, tally);
  }
  options.unit = Unit::kArticle;
  for (const std::string& path : o.articles) {
    LoadLabeled(path, scorer, options, &data, tally);
  }
  return data;
}

void WriteEvalJson(const Scorer& scorer, const Dataset& data,
                   const std::vector<ScopedMetrics>& metrics,
                   const CueTally* tally, std::ostream& text) {
  text << "{\"schema_version\":" << kJsonSchemaVersion << ",\"model\":";
  WriteJsonString(scorer.model().name(), text);
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
  if (tally != nullptr) {
    WriteCueJson(*tally, scorer.extractor().FeatureDirections(), text);
  }
  text << "}\n";
}

void WriteEvalText(const Scorer& scorer, const Dataset& data,
                   const std::vector<ScopedMetrics>& metrics,
                   const CueTally* tally, std::ostream& text) {
  text << "eval: model " << scorer.model().name() << ", " << data.rows()
       << " rows\n";
  WriteDatasetFiles(data, text);
  text << "\n";
  WriteMetricsTable(metrics, text);
  text << "\nreliability, all rows:\n";
  WriteReliability(metrics[0].metrics, text);
  if (tally != nullptr) {
    text << "\n";
    WriteCueTable(*tally, scorer.extractor().FeatureDirections(), text);
  }
}

}  // namespace

EvalRun EvaluateModel(const EvalRunOptions& o) {
  const std::unique_ptr<Scorer> scorer =
      BuildScorer(o.model, o.lexicons, o.overlay);
  DatasetOptions data_options;
  data_options.text_column = o.text_column;
  data_options.label_column = o.label_column;
  if (!o.predictions.empty()) data_options.id_column = "id";
  CueTally tally;
  EvalRun run;
  run.data = LoadAll(o, *scorer, data_options, o.cues ? &tally : nullptr);
  const std::vector<ScopedMetrics> metrics =
      MetricsByFile(run.data, run.data.probability);
  std::ostringstream text;
  const EvalPage page{scorer->model().name(), run.data, metrics,
                      o.cues ? &tally : nullptr,
                      scorer->extractor().FeatureDirections()};
  if (!o.report.empty()) {
    std::ostringstream html;
    WriteEvalHtml(page, html);
    run.page = html.str();
  }
  if (o.format == "json") {
    WriteEvalJson(*scorer, run.data, metrics, o.cues ? &tally : nullptr, text);
  } else if (o.format == "html") {
    WriteEvalHtml(page, text);
  } else {
    WriteEvalText(*scorer, run.data, metrics, o.cues ? &tally : nullptr, text);
  }
  run.report = text.str();
  return run;
}

void WriteEvalPredictions(const EvalRun& run, const EvalRunOptions& o,
                          std::ostream& out) {
  out << kPredictionsHeader;
  WritePredictions(run.data, run.data.probability,
                   o.unit == "claim" ? o.inputs.size() : 0, out);
}

std::string JudgeModel(const EvalRunOptions& o) {
  const std::unique_ptr<Scorer> scorer =
      BuildScorer(o.model, o.lexicons, o.overlay);
  std::ostringstream text;
  if (!o.gold.empty()) {
    const GoldSet gold = ReadGoldFile(o.gold, o.gold_root);
    const GoldResult result = EvaluateGold(gold, *scorer, o.gold_split);
    if (o.format == "json") {
      WriteGoldJson(result, text);
    } else {
      WriteGoldText(result, text);
    }
  } else {
    const ContrastResult result =
        RunContrast(ReadContrastSuite(o.contrast), *scorer);
    if (o.format == "json") {
      WriteContrastJson(result, text);
    } else {
      WriteContrastText(result, text);
    }
  }
  return text.str();
}

}  // namespace credence
