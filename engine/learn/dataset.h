// Labeled CSV files turned into feature vectors, for tuning and evaluating
// a model: one row a claim (a headline, a sentence, a tweet) or a whole
// article.
//
//   credence::DatasetOptions opt;           // columns text, label
//   credence::Dataset data;
//   credence::LoadLabeled("conll.csv", scorer, opt, &data);  // throws CsvError
//   // data.x: rows of scorer.model().feature_names().size() values
//
// A claim row's features are the extractor's for the whole text as one
// claim (as `credence rank` scores it). An article row is split into claims
// (first line the headline) and its features are the mean of its claims'
// features, so that the model's logit of the mean is the article's logit;
// with DatasetOptions::article_features, the article features follow.
//
// Labels are 0/1 or true/false (any case). A row whose text is empty or
// only white space is one claim with no cues (in either unit), as `credence
// rank` scores it: it counts, with the model's intercept alone. Every
// problem is a CsvError "path:line: problem (hint)": a missing column (the
// message lists the header), a bad label, text that cannot be read
// (invalid UTF-8, NUL), a file without data rows.
#ifndef CREDENCE_ENGINE_LEARN_DATASET_H_
#define CREDENCE_ENGINE_LEARN_DATASET_H_

#include <cstdint>
#include <string>
#include <vector>

#include "engine/learn/cue_tally.h"
#include "engine/scorer.h"

namespace credence {

enum class Unit { kClaim, kArticle };

struct DatasetOptions {
  std::string text_column = "text";
  std::string label_column = "label";
  // When set, files that have this column keep each of its values inside
  // one cross-validation fold (e.g. a news event); other files ignore it.
  std::string group_column;
  // When set, files that have this column give each row its value as the
  // row's id (another pass over the file; only --predictions needs ids).
  std::string id_column;
  Unit unit = Unit::kClaim;
  // An article row's features go on with every article feature
  // (ArticleFeatureNames()), as the article weights a tune fits read them.
  bool article_features = false;
};

struct DatasetFile {
  std::string path;
  std::string sha256;
  size_t rows = 0;
  size_t positives = 0;  // rows labeled 1
  bool grouped = false;  // had the group column
};

struct Dataset {
  size_t cols = 0;                  // features a row
  std::vector<double> x;            // row-major
  std::vector<int> y;               // 0 or 1
  std::vector<double> probability;  // the scorer's own output for the row
  std::vector<uint32_t> file;       // index into files
  std::vector<std::string> group;   // empty unless the file is grouped
  std::vector<std::string> id;      // empty unless the file has the column
  std::vector<uint64_t> line;       // where the row's record starts
  std::vector<DatasetFile> files;
  size_t rows() const { return y.size(); }
};

// Appends the rows of the CSV file at `path` to `data`; counts each row's
// cues into `tally` when one is given.
void LoadLabeled(const std::string& path, const Scorer& scorer,
                 const DatasetOptions& options, Dataset* data,
                 CueTally* tally = nullptr);

// "0"/"false" -> 0, "1"/"true" -> 1 (any case); -1 for anything else.
int ParseLabel(std::string_view field);

}  // namespace credence

#endif  // CREDENCE_ENGINE_LEARN_DATASET_H_
