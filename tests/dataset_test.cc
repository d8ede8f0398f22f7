// LoadLabeled on small CSV files written by the tests: labels, located
// error messages, the group column, and claim versus article rows checked
// against the Scorer itself.
#include "engine/learn/dataset.h"

#include <gtest/gtest.h>

#include <cmath>
#include <cstddef>
#include <stdexcept>
#include <string>
#include <string_view>
#include <vector>

#include "engine/builtin_data.h"
#include "engine/csv/csv_reader.h"
#include "engine/scorer.h"
#include "engine/util/sha256.h"
#include "features/extractor.h"
#include "tests/scratch_dir.h"

namespace credence {
namespace {

const Scorer& BuiltInScorer() {
  static const Scorer* scorer =
      new Scorer(Extractor(DefaultLexicons()), DefaultModel());
  return *scorer;
}

// Line 1 header; line 2 a quoted field with a comma; lines 3-4 one record
// whose text holds a line break; line 5; line 6.
const char kGood[] =
    "text,label,event\n"
    "\"The ministry confirmed the figures, officials said.\",1,e1\n"
    "\"Officials said the report was accurate.\n"
    "It was confirmed by the agency.\",TRUE,e2\n"
    "Sources say it may happen,0,e1\n"
    "Rumors suggest the deal could collapse,False,e3\n";

std::string LoadError(const std::string& path,
                      const DatasetOptions& options = {}) {
  Dataset data;
  try {
    LoadLabeled(path, BuiltInScorer(), options, &data);
  } catch (const CsvError& e) {
    return e.what();
  }
  return "<no CsvError>";
}

bool StartsWith(const std::string& text, const std::string& prefix) {
  return text.rfind(prefix, 0) == 0;
}

TEST(ParseLabelTest, Table) {
  struct Case {
    const char* field;
    int label;
  };
  const Case cases[] = {
      {"0", 0},     {"1", 1},      {"true", 1}, {"TRUE", 1},  {"True", 1},
      {"false", 0}, {"FaLsE", 0},  {"", -1},    {"2", -1},    {"yes", -1},
      {"no", -1},   {" 1", -1},    {"1 ", -1},  {"1.0", -1},  {"01", -1},
      {"-1", -1},   {"truee", -1}, {"t", -1},   {"fals", -1},
  };
  for (const Case& c : cases) {
    EXPECT_EQ(ParseLabel(c.field), c.label) << "'" << c.field << "'";
  }
}

TEST(LoadLabeledTest, ReadsLabelsInAnyCaseAndRecordsTheFile) {
  const ScratchDir dir("credence_dataset_test");
  const std::string path = dir.Write("good.csv", kGood);
  Dataset data;
  LoadLabeled(path, BuiltInScorer(), {}, &data);
  const size_t cols = BuiltInScorer().model().feature_names().size();
  EXPECT_EQ(data.cols, cols);
  EXPECT_EQ(data.y, (std::vector<int>{1, 1, 0, 0}));
  EXPECT_EQ(data.x.size(), 4 * cols);
  EXPECT_EQ(data.probability.size(), 4u);
  EXPECT_EQ(data.file, (std::vector<uint32_t>{0, 0, 0, 0}));
  EXPECT_EQ(data.group, (std::vector<std::string>{"", "", "", ""}));
  ASSERT_EQ(data.files.size(), 1u);
  EXPECT_EQ(data.files[0].path, path);
  EXPECT_EQ(data.files[0].sha256, Sha256OfFile(path));
  EXPECT_EQ(data.files[0].rows, 4u);
  EXPECT_EQ(data.files[0].positives, 2u);
  EXPECT_FALSE(data.files[0].grouped);
}

// A claim row is the whole text scored as one claim.
TEST(LoadLabeledTest, ClaimRowsAreTheScorersClaimFeatures) {
  const ScratchDir dir("credence_dataset_test");
  const std::string path = dir.Write("good.csv", kGood);
  Dataset data;
  LoadLabeled(path, BuiltInScorer(), {}, &data);
  const std::vector<std::string> texts = {
      "The ministry confirmed the figures, officials said.",
      "Officials said the report was accurate.\n"
      "It was confirmed by the agency.",
      "Sources say it may happen", "Rumors suggest the deal could collapse"};
  for (size_t i = 0; i < texts.size(); ++i) {
    SCOPED_TRACE(i);
    const ScoredClaim claim =
        BuiltInScorer().ScoreClaim(texts[i], {0, texts[i].size()});
    const std::vector<double> row(
        data.x.begin() + static_cast<long>(i * data.cols),
        data.x.begin() + static_cast<long>((i + 1) * data.cols));
    EXPECT_EQ(row, claim.evidence.features);
    EXPECT_EQ(data.probability[i], claim.confidence);
  }
}

// An article row is the mean of its claims' feature vectors.
TEST(LoadLabeledTest, ArticleRowsAreTheMeanOfTheClaimFeatures) {
  const ScratchDir dir("credence_dataset_test");
  const std::string text =
      "Officials may have hidden the report\n"
      "The ministry confirmed the figures on Monday. Sources say it could "
      "change. Critics, however, doubt it.";
  const std::string path =
      dir.Write("articles.csv", "text,label\n\"" + text + "\",1\n");
  DatasetOptions options;
  options.unit = Unit::kArticle;
  Dataset data;
  LoadLabeled(path, BuiltInScorer(), options, &data);
  ASSERT_EQ(data.rows(), 1u);

  const ArticleScore article = BuiltInScorer().ScoreArticle(text);
  ASSERT_GE(article.claims.size(), 3u);
  std::vector<double> mean(data.cols, 0.0);
  for (const ScoredClaim& claim : article.claims) {
    for (size_t j = 0; j < data.cols; ++j) {
      mean[j] += claim.evidence.features[j];
    }
  }
  bool differs_from_one_claim = false;
  const ScoredClaim whole = BuiltInScorer().ScoreClaim(text, {0, text.size()});
  for (size_t j = 0; j < data.cols; ++j) {
    SCOPED_TRACE(BuiltInScorer().model().feature_names()[j]);
    mean[j] /= static_cast<double>(article.claims.size());
    EXPECT_NEAR(data.x[j], mean[j], 1e-12);
    if (std::abs(whole.evidence.features[j] - mean[j]) > 1e-9) {
      differs_from_one_claim = true;
    }
  }
  EXPECT_TRUE(differs_from_one_claim);
  EXPECT_EQ(data.probability[0], article.score);
}

// With article_features, an article row goes on with the article
// features; a claim row of the same file keeps its own width.
TEST(LoadLabeledTest, ArticleRowsCanCarryTheArticleFeatures) {
  const ScratchDir dir("credence_dataset_test");
  // 2 + 5 words (counted as 100); "said" once, two quotation marks, no
  // capitals, no dateline.
  const std::string path = dir.Write(
      "articles.csv",
      "text,label\n\"Port reopens\n\"\"We are open,\"\" she said.\",1\n");
  DatasetOptions options;
  options.unit = Unit::kArticle;
  options.article_features = true;
  Dataset data;
  LoadLabeled(path, BuiltInScorer(), options, &data);
  const size_t claim_cols = BuiltInScorer().model().feature_names().size();
  ASSERT_EQ(data.cols, claim_cols + 4);
  const double want[] = {std::log1p(1.0), std::log1p(2.0), 0, 0};
  for (size_t k = 0; k < 4; ++k) {
    EXPECT_NEAR(data.x[claim_cols + k], want[k], 1e-15) << k;
  }
  options.unit = Unit::kClaim;
  Dataset claims;
  LoadLabeled(path, BuiltInScorer(), options, &claims);
  EXPECT_EQ(claims.cols, claim_cols);
}

TEST(LoadLabeledTest, GroupColumnWhenPresent) {
  const ScratchDir dir("credence_dataset_test");
  const std::string grouped = dir.Write("grouped.csv", kGood);
  const std::string plain =
      dir.Write("plain.csv", "text,label\nThe police confirmed it,1\n");
  DatasetOptions options;
  options.group_column = "event";
  Dataset data;
  LoadLabeled(grouped, BuiltInScorer(), options, &data);
  LoadLabeled(plain, BuiltInScorer(), options, &data);
  EXPECT_EQ(data.group, (std::vector<std::string>{"e1", "e2", "e1", "e3", ""}));
  EXPECT_EQ(data.file, (std::vector<uint32_t>{0, 0, 0, 0, 1}));
  ASSERT_EQ(data.files.size(), 2u);
  EXPECT_TRUE(data.files[0].grouped);
  EXPECT_FALSE(data.files[1].grouped);
  EXPECT_EQ(data.files[1].rows, 1u);
  EXPECT_EQ(data.files[1].positives, 1u);
}

// Each row keeps where its record starts and, when the file has the id
// column, its id.
TEST(LoadLabeledTest, LinesAndIds) {
  const ScratchDir dir("credence_dataset_test");
  const std::string plain = dir.Write("plain.csv", kGood);
  const std::string with_ids =
      dir.Write("ids.csv",
                "label,key,text\n1,a7,The police confirmed it\n"
                "0,\"b,8\",It may happen\n");
  Dataset data;
  LoadLabeled(plain, BuiltInScorer(), {}, &data);
  DatasetOptions options;
  options.id_column = "key";
  LoadLabeled(with_ids, BuiltInScorer(), options, &data);
  EXPECT_EQ(data.line, (std::vector<uint64_t>{2, 3, 5, 6, 2, 3}));
  EXPECT_EQ(data.id, (std::vector<std::string>{"", "", "", "", "a7", "b,8"}));
}

TEST(LoadLabeledTest, BadLabelNamesFileAndLine) {
  const ScratchDir dir("credence_dataset_test");
  // The bad label is on line 6: the record on lines 3-4 spans two lines.
  const std::string head =
      "text,label\n"
      "First claim,1\n"
      "\"A quoted, two-line\n"
      "claim\",0\n"
      "Third claim,true\n";
  for (const char* label : {"2", "yes", "", "0.5"}) {
    SCOPED_TRACE(label);
    const std::string path =
        dir.Write("bad.csv", head + "Fourth claim," + label + "\n");
    const std::string message = LoadError(path);
    EXPECT_TRUE(StartsWith(
        message, path + ":6: label '" + label + "' is not 0/1 or true/false"))
        << message;
  }
}

TEST(LoadLabeledTest, MissingLabelColumnListsTheColumns) {
  const ScratchDir dir("credence_dataset_test");
  const std::string path = dir.Write("nolabel.csv", "text,lbl\nA claim,1\n");
  EXPECT_EQ(LoadError(path),
            path + ":1: no column 'label' (columns: text, lbl)");
  DatasetOptions options;
  options.text_column = "headline";
  EXPECT_EQ(LoadError(path, options),
            path + ":1: no column 'headline' (columns: text, lbl)");
}

TEST(LoadLabeledTest, HeaderOnlyIsAnError) {
  const ScratchDir dir("credence_dataset_test");
  const std::string path = dir.Write("header.csv", "text,label\n");
  EXPECT_EQ(LoadError(path),
            path + ":2: no data rows (hint: the file holds a header only)");
}

// Empty or blank text is a claim with no cues in either unit (as rank
// scores it), not an error that ends the whole load.
TEST(LoadLabeledTest, EmptyTextIsAClaimWithNoCues) {
  const ScratchDir dir("credence_dataset_test");
  const std::string path = dir.Write(
      "empty.csv", "text,label\nA claim,1\n\"   \",0\nB claim,0\n,1\n");
  const std::string blank = "   ";
  const ScoredClaim none[] = {BuiltInScorer().ScoreClaim(blank, {0, 3}),
                              BuiltInScorer().ScoreClaim("", {0, 0})};
  EXPECT_TRUE(none[0].evidence.cues.empty());
  EXPECT_TRUE(none[1].evidence.cues.empty());
  for (const Unit unit : {Unit::kClaim, Unit::kArticle}) {
    SCOPED_TRACE(unit == Unit::kClaim ? "claims" : "articles");
    DatasetOptions options;
    options.unit = unit;
    Dataset data;
    LoadLabeled(path, BuiltInScorer(), options, &data);
    ASSERT_EQ(data.rows(), 4u);
    EXPECT_EQ(data.y, (std::vector<int>{1, 0, 0, 1}));
    EXPECT_EQ(data.line, (std::vector<uint64_t>{2, 3, 4, 5}));
    for (const size_t row : {size_t{1}, size_t{3}}) {
      SCOPED_TRACE(row);
      const std::vector<double> x(
          data.x.begin() + static_cast<long>(row * data.cols),
          data.x.begin() + static_cast<long>((row + 1) * data.cols));
      EXPECT_EQ(x, none[row / 2].evidence.features);
      EXPECT_EQ(data.probability[row], none[row / 2].confidence);
    }
  }
}

// The header promises a CsvError for every problem, a missing file too.
TEST(LoadLabeledTest, MissingFileIsACsvError) {
  const ScratchDir dir("credence_dataset_test");
  const std::string path = dir.Path("missing.csv");
  EXPECT_TRUE(StartsWith(LoadError(path), path + ": cannot open"))
      << LoadError(path);
}

TEST(LoadLabeledTest, FilesAppendWithTheirOwnIndex) {
  const ScratchDir dir("credence_dataset_test");
  const std::string a = dir.Write("a.csv", kGood);
  const std::string b =
      dir.Write("b.csv", "label,text\nfalse,It may be true\n");
  Dataset data;
  LoadLabeled(a, BuiltInScorer(), {}, &data);
  LoadLabeled(b, BuiltInScorer(), {}, &data);
  EXPECT_EQ(data.rows(), 5u);
  EXPECT_EQ(data.y.back(), 0);
  EXPECT_EQ(data.file.back(), 1u);
  EXPECT_EQ(data.x.size(), 5 * data.cols);
  EXPECT_EQ(data.files[1].path, b);
}

}  // namespace
}  // namespace credence
