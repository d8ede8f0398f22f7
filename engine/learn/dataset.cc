// Labeled CSV files read into feature vectors for tune and eval.
#include "engine/learn/dataset.h"

#include <fstream>
#include <string_view>

#include "engine/csv/csv_reader.h"
#include "engine/util/sha256.h"
#include "features/article_features.h"

namespace credence {
namespace {

bool EqualsIgnoringCase(std::string_view a, std::string_view b) {
  if (a.size() != b.size()) return false;
  for (size_t i = 0; i < a.size(); ++i) {
    char c = a[i];
    if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
    if (c != b[i]) return false;
  }
  return true;
}

std::ifstream OpenOrThrow(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  if (!in) {
    throw CsvError(path +
                   ": cannot open file (check the path and permissions)");
  }
  return in;
}

// One column's value for every row, from another pass over the file.
std::vector<std::string> ReadColumn(const std::string& path,
                                    const std::string& column,
                                    const DatasetOptions& options) {
  std::ifstream in = OpenOrThrow(path);
  CsvReader reader(in, path, column, options.label_column, true);
  std::vector<std::string> values;
  CsvRow row;
  while (reader.Next(&row)) values.emplace_back(row.text);
  return values;
}

bool HasColumn(const std::string& path, const std::string& column,
               const DatasetOptions& options) {
  std::ifstream in = OpenOrThrow(path);
  CsvReader reader(in, path, options.text_column, options.label_column, true);
  for (const std::string& name : reader.header()) {
    if (name == column) return true;
  }
  return false;
}

// Whether `text` holds no claim: nothing but white space. (The reader has
// already refused invalid UTF-8 and NUL bytes, CheckArticleText's other
// complaints.)
bool HasNoClaim(std::string_view text) {
  try {
    CheckArticleText(text);
  } catch (const InputError&) {
    return true;
  }
  return false;
}

}  // namespace

int ParseLabel(std::string_view field) {
  if (field == "1" || EqualsIgnoringCase(field, "true")) return 1;
  if (field == "0" || EqualsIgnoringCase(field, "false")) return 0;
  return -1;
}

void LoadLabeled(const std::string& path, const Scorer& scorer,
                 const DatasetOptions& options, Dataset* data,
                 CueTally* tally) {
  const size_t claim_cols = scorer.model().feature_names().size();
  const bool with_article_features =
      options.unit == Unit::kArticle && options.article_features;
  const size_t cols =
      claim_cols + (with_article_features ? ArticleFeatureNames().size() : 0);
  if (data->cols != 0 && data->cols != cols) {
    throw std::invalid_argument("dataset: feature count changed");
  }
  data->cols = cols;
  DatasetFile file;
  file.path = path;
  OpenOrThrow(path);  // a missing file is a CsvError, as documented
  file.sha256 = Sha256OfFile(path);
  file.grouped = !options.group_column.empty() &&
                 HasColumn(path, options.group_column, options);
  std::vector<std::string> groups;
  if (file.grouped) groups = ReadColumn(path, options.group_column, options);
  std::vector<std::string> ids;
  if (!options.id_column.empty() &&
      HasColumn(path, options.id_column, options)) {
    ids = ReadColumn(path, options.id_column, options);
  }

  std::ifstream in = OpenOrThrow(path);
  CsvReader reader(in, path, options.text_column, options.label_column, true);
  const auto file_index = static_cast<uint32_t>(data->files.size());
  CsvRow row;
  std::vector<double> mean(claim_cols);
  std::vector<Cue> article_cues;
  while (reader.Next(&row)) {
    const std::string where = path + ":" + std::to_string(row.line) + ": ";
    int label = ParseLabel(row.id);
    if (label < 0) {
      throw CsvError(where + "label '" + std::string(row.id.substr(0, 40)) +
                     "' is not 0/1 or true/false (hint: --label-column names "
                     "the label column)");
    }
    try {
      if (options.unit == Unit::kClaim || HasNoClaim(row.text)) {
        // Empty text is a claim with no cues, as `credence rank` scores it.
        ScoredClaim claim = scorer.ScoreClaim(row.text, {0, row.text.size()});
        data->x.insert(data->x.end(), claim.evidence.features.begin(),
                       claim.evidence.features.end());
        data->x.resize(data->x.size() + cols - claim_cols, 0.0);
        data->probability.push_back(claim.confidence);
        if (tally != nullptr) tally->AddRow(claim.evidence.cues, label);
      } else {
        ArticleScore article = scorer.ScoreArticle(row.text);
        ArticleFeatures(article, &mean);
        data->x.insert(data->x.end(), mean.begin(), mean.end());
        if (with_article_features) {
          const std::vector<double> values =
              ArticleFeatureValues(row.text, article);
          data->x.insert(data->x.end(), values.begin(), values.end());
        }
        data->probability.push_back(article.score);
        if (tally != nullptr) {
          article_cues.clear();
          for (const ScoredClaim& claim : article.claims) {
            article_cues.insert(article_cues.end(), claim.evidence.cues.begin(),
                                claim.evidence.cues.end());
          }
          tally->AddRow(article_cues, label);
        }
      }
    } catch (const InputError& e) {
      throw CsvError(where + "text: " + e.what());
    }
    data->y.push_back(label);
    data->file.push_back(file_index);
    data->group.push_back(file.grouped && row.number <= groups.size()
                              ? groups[row.number - 1]
                              : std::string());
    data->id.push_back(row.number <= ids.size() ? ids[row.number - 1]
                                                : std::string());
    data->line.push_back(row.line);
    ++file.rows;
    file.positives += static_cast<size_t>(label);
  }
  if (file.rows == 0) {
    throw CsvError(path +
                   ":2: no data rows (hint: the file holds a header "
                   "only)");
  }
  data->files.push_back(std::move(file));
}

}  // namespace credence
