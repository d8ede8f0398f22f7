// A whole tune run: data loaded, each part fitted, the model assembled.
#include "engine/learn/tune_run.h"

#include <algorithm>
#include <cstddef>
#include <memory>
#include <ostream>
#include <sstream>
#include <stdexcept>
#include <utility>

#include "engine/learn/learn_report.h"
#include "engine/scorer_factory.h"
#include "engine/util/sha256.h"
#include "features/article_features.h"
#include "models/weight_constraints.h"

namespace credence {
namespace {

// Loads every file; a file of articles is read as articles.
Dataset LoadAll(const std::vector<std::string>& inputs,
                const std::vector<std::string>& articles, Unit unit,
                const Scorer& scorer, DatasetOptions options) {
  Dataset data;
  options.unit = unit;
  for (const std::string& path : inputs) {
    LoadLabeled(path, scorer, options, &data);
  }
  options.unit = Unit::kArticle;
  for (const std::string& path : articles) {
    LoadLabeled(path, scorer, options, &data);
  }
  return data;
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
    throw std::runtime_error(paths + ": " + e.what());
  }
}

// Claim rows fit the claim weights, article rows the article weights.
void LoadParts(const TuneRunOptions& o, const Scorer& scorer, TuneRun* run) {
  DatasetOptions data_options;
  data_options.text_column = o.text_column;
  data_options.label_column = o.label_column;
  if (!o.predictions.empty()) data_options.id_column = "id";
  data_options.group_column = o.group_column;
  const bool articles_only = o.unit == "article";
  run->claims = LoadAll(articles_only ? std::vector<std::string>{} : o.inputs,
                        {}, Unit::kClaim, scorer, data_options);
  std::vector<std::string> article_files = o.articles;
  if (articles_only) {
    article_files.insert(article_files.begin(), o.inputs.begin(),
                         o.inputs.end());
  }
  data_options.article_features = true;
  run->articles =
      LoadAll({}, article_files, Unit::kArticle, scorer, data_options);
}

LinearModel LoadPrior(const TuneRunOptions& o,
                      const std::vector<std::string>& names) {
  LinearModel prior;
  if (!o.prior.empty()) {
    prior = LinearModel::LoadFile(o.prior);
    if (prior.feature_names() != names) {
      throw std::runtime_error(
          o.prior +
          ": its features are not the extractor's (hint: a prior "
          "model must weigh the same features in the same order)");
    }
  }
  return prior;
}

// The prior's article weights in the order a tune fits them (the claim
// features, then ArticleFeatureNames()), 0 for an article feature the
// prior lacks; empty when it has no article weights.
std::vector<double> ArticlePrior(const LinearModel& prior) {
  if (!prior.has_article_weights()) return {};
  const size_t claim_part = prior.feature_names().size();
  const std::vector<double>& w = prior.article_weights();
  std::vector<double> out(w.begin(),
                          w.begin() + static_cast<std::ptrdiff_t>(claim_part));
  const std::vector<std::string>& has = prior.article_feature_names();
  for (const std::string& name : ArticleFeatureNames()) {
    const auto it = std::find(has.begin(), has.end(), name);
    out.push_back(it == has.end()
                      ? 0.0
                      : w[claim_part + static_cast<size_t>(it - has.begin())]);
  }
  return out;
}

// Fits the claim part, then the article part, of the rows each has.
void FitParts(const TuneRunOptions& o, const Scorer& scorer, TuneRun* run) {
  std::ostringstream text;
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
    options.signs = scorer.extractor().FeatureDirections();
  }
  const std::vector<std::string>& names = scorer.model().feature_names();
  const LinearModel prior = LoadPrior(o, names);
  if (run->claims.rows() > 0) {
    options.unit = "claim";
    options.file_weights = input_weights;
    if (!o.prior.empty()) options.prior = prior.weights();
    if (!o.constraints.empty()) {
      options.constraints = LoadConstraintsFile(o.constraints, names);
    }
    run->claim_report = TunePart(run->claims, names, options);
    WriteTunePartReport("claim", run->claims, run->claim_report, o, options.l2,
                        text);
  }
  if (run->articles.rows() > 0) {
    // Article weights read the mean claim features, then the article's.
    std::vector<std::string> article_names = names;
    article_names.insert(article_names.end(), ArticleFeatureNames().begin(),
                         ArticleFeatureNames().end());
    if (!options.signs.empty()) {
      options.signs.insert(options.signs.end(),
                           ArticleFeatureDirections().begin(),
                           ArticleFeatureDirections().end());
    }
    options.unit = "article";
    options.meta_prefix = "article_";
    options.file_weights.clear();
    if (o.unit == "article" && !input_weights.empty()) {
      options.file_weights = input_weights;
      options.file_weights.resize(run->articles.files.size(), 1.0);
    }
    if (o.article_l2_given) options.l2 = o.article_l2;
    // Articles pull towards the prior's article weights, or towards 0:
    // claim weights are on another scale (one claim, not a mean of many).
    options.prior = ArticlePrior(prior);
    options.constraints.clear();
    if (!o.article_constraints.empty()) {
      options.constraints =
          LoadConstraintsFile(o.article_constraints, article_names);
    }
    run->article_report = TunePart(run->articles, article_names, options);
    WriteTunePartReport("article", run->articles, run->article_report, o,
                        options.l2, text);
  }
  run->report = text.str();
}

// The model of the fitted parts, with its provenance meta lines.
LinearModel AssembleModel(const TuneRunOptions& o, const std::string& command,
                          const std::vector<std::string>& names,
                          const TuneRun& run) {
  // Without claim rows, the article weights serve claims too.
  const TuneReport& first =
      run.claims.rows() > 0 ? run.claim_report : run.article_report;
  std::vector<double> weights = first.model.weights();
  weights.resize(names.size());  // an article part's claim features
  LinearModel model(o.name, first.model.bias(), names, weights);
  model.AddMeta("command", command);
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
  for (const auto& [key, value] : run.claim_report.model.meta()) {
    model.AddMeta(key, value);
  }
  if (run.articles.rows() > 0) {
    model.SetArticleWeights(run.article_report.model.bias(),
                            run.article_report.model.weights(),
                            ArticleFeatureNames());
    for (const auto& [key, value] : run.article_report.model.meta()) {
      model.AddMeta(key, value);
    }
  }
  return model;
}

}  // namespace

TuneRun TuneModel(const TuneRunOptions& options, const std::string& command) {
  const std::unique_ptr<Scorer> scorer =
      BuildFeatureScorer(options.lexicons, options.overlay);
  TuneRun run;
  LoadParts(options, *scorer, &run);
  FitParts(options, *scorer, &run);
  run.model =
      AssembleModel(options, command, scorer->model().feature_names(), run);
  return run;
}

void WriteTunePredictions(const TuneRun& run, std::ostream& out) {
  out << kPredictionsHeader;
  if (run.claims.rows() > 0) {
    WritePredictions(run.claims, run.claim_report.oof, run.claims.files.size(),
                     out);
  }
  if (run.articles.rows() > 0) {
    WritePredictions(run.articles, run.article_report.oof, 0, out);
  }
}

}  // namespace credence
