// The linear model: its text file format, read and written strictly, and
// the logits of claims and articles.
#include "models/linear_model.h"

#include <Eigen/Dense>
#include <algorithm>
#include <charconv>
#include <cmath>
#include <cstddef>
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <istream>
#include <iterator>
#include <ostream>
#include <string_view>
#include <system_error>
#include <unordered_map>
#include <unordered_set>

namespace credence {
namespace {

using Fields = std::vector<std::string_view>;

constexpr std::string_view kMagic = "credence-model";
constexpr std::string_view kHeaderHint =
    "first line must be 'credence-model 1'";

// Weights and biases beyond this would let a logit overflow to infinity
// (and a report print NaN); real models stay within a few units.
constexpr double kMaxAbsWeight = LinearModel::kMaxAbsWeight;

bool IsControl(char c) {
  const auto byte = static_cast<unsigned char>(c);
  return byte < 0x20 || byte == 0x7f;
}

// Escapes control bytes, which would otherwise be invisible in a message.
std::string Quote(std::string_view token) {
  constexpr char kHex[] = "0123456789abcdef";
  std::string quoted = "'";
  for (char c : token) {
    const auto byte = static_cast<unsigned char>(c);
    if (IsControl(c)) {
      quoted += {'\\', 'x', kHex[byte >> 4], kHex[byte & 0xf]};
    } else {
      quoted += c;
    }
  }
  return quoted + "'";
}

// Feature names and meta keys are one field of a space-separated record, so
// white space or control bytes would corrupt the line. UTF-8 is allowed.
std::string FieldProblem(const std::string& what, std::string_view field) {
  if (field.empty()) return what + " is empty";
  for (char c : field) {
    if (c == ' ' || IsControl(c)) {
      return what + " " + Quote(field) +
             " contains white space or a non-printable byte";
    }
  }
  return "";
}

// Free text runs to the end of its line; '\r' is refused too because Load
// would take a trailing one for part of a CRLF line end.
std::string TextProblem(const std::string& what, std::string_view text) {
  if (text.find_first_of("\r\n") == std::string_view::npos) return "";
  return what + " contains a line break";
}

std::size_t Utf8Length(std::string_view s, std::size_t i);

bool IsUtf8(std::string_view s) {
  for (std::size_t i = 0, len; i < s.size(); i += len) {
    if ((len = Utf8Length(s, i)) == 0) return false;
  }
  return true;
}

// A name that Save writes must load again: one line of UTF-8.
std::string NameProblem(std::string_view name) {
  if (name.empty()) return "model name is empty";
  if (!IsUtf8(name)) return "model name is not valid UTF-8";
  return TextProblem("model name", name);
}

// An article feature (format version 2) is named once, after the article
// weights of the claim features.
std::string ArticleFeatureProblem(const std::string& name,
                                  const std::vector<std::string>& earlier) {
  const std::string field = FieldProblem("article feature name", name);
  if (!field.empty()) return field;
  if (std::find(earlier.begin(), earlier.end(), name) != earlier.end()) {
    return "duplicate article feature " + Quote(name);
  }
  return "";
}

bool InRange(double value) { return std::fabs(value) <= kMaxAbsWeight; }

void ThrowIf(const std::string& problem) {
  if (!problem.empty()) throw std::invalid_argument(problem);
}

// std::to_chars gives the shortest text that reads back to the same double
// and, unlike iostreams and printf, ignores the locale's decimal separator.
std::string FormatNumber(double value) {
  char buffer[64];
  return std::string(buffer,
                     std::to_chars(buffer, buffer + sizeof buffer, value).ptr);
}

Eigen::Map<const Eigen::VectorXd> AsEigen(const std::vector<double>& v) {
  return {v.data(), static_cast<Eigen::Index>(v.size())};
}

void CheckSize(std::size_t got, std::size_t want) {
  if (got == want) return;
  throw std::invalid_argument("feature vector has " + std::to_string(got) +
                              " entries but the model has " +
                              std::to_string(want) + " features");
}

// Splits at single spaces into at most `max` fields, the last keeping the rest
// of the line; doubled spaces thus show up as empty or extra fields.
Fields Split(std::string_view line, std::size_t max) {
  Fields fields;
  std::size_t space = 0;
  while (fields.size() + 1 < max &&
         (space = line.find(' ')) != std::string_view::npos) {
    fields.push_back(line.substr(0, space));
    line.remove_prefix(space + 1);
  }
  fields.push_back(line);
  return fields;
}

// Produces "path:line: problem (hint)" errors for the line being parsed.
class Reporter {
 public:
  explicit Reporter(const std::string& path) : path_(path) {}
  void set_line(std::size_t line) { line_ = line; }

  [[noreturn]] void Fail(const std::string& problem,
                         std::string_view hint) const {
    std::string message = path_ + ":" + std::to_string(line_) + ": " + problem;
    if (!hint.empty()) message += " (" + std::string(hint) + ")";
    throw ModelError(message);
  }

  void Check(const std::string& problem, std::string_view hint) const {
    if (!problem.empty()) Fail(problem, hint);
  }

  // Fields of a record that takes exactly `count` values after its keyword.
  Fields Record(std::string_view line, std::size_t count,
                std::string_view usage) const {
    const Fields fields = Split(line, count + 2);
    const std::string record = " in " + Quote(fields[0]) + " record";
    if (fields.size() <= count) Fail("missing value" + record, usage);
    if (fields.size() > count + 1) {
      Fail("extra field " + Quote(fields.back()) + record,
           std::string(usage) + "; fields are separated by one space");
    }
    return fields;
  }

  double Number(std::string_view token, const std::string& what) const {
    double value = 0.0;
    const char* const end = token.data() + token.size();
    const auto [ptr, ec] = std::from_chars(token.data(), end, value);
    const bool parsed = ec == std::errc() && ptr == end;
    // from_chars reports overflow and underflow alike as out of range.
    if (ec == std::errc::result_out_of_range ||
        (parsed && !std::isfinite(value))) {
      Fail("non-finite or out-of-range " + what + " " + Quote(token),
           "must be 0 or a finite double with 5e-324 <= |x| <= 1.8e308");
    }
    if (!parsed) {
      Fail("invalid number for " + what + " " + Quote(token),
           "expected a decimal number such as -1.25 or 3e-05");
    }
    if (std::fabs(value) > kMaxAbsWeight) {
      Fail(what + " out of range " + Quote(token),
           "must lie within -1e6 and 1e6");
    }
    return value;
  }

  // Records the line of a once-only record; fails if it was seen before.
  void Once(std::size_t& seen_at, std::string_view keyword) const {
    if (seen_at != 0) {
      Fail("duplicate " + Quote(keyword) + " record (first at line " +
               std::to_string(seen_at) + ")",
           "a model has exactly one " + std::string(keyword));
    }
    seen_at = line_;
  }

 private:
  const std::string& path_;
  std::size_t line_ = 1;
};

// Returns the file's format version.
int CheckHeader(const Reporter& report, std::string_view line) {
  if (Split(line, 2)[0] != kMagic) {
    report.Fail("not a credence model file", kHeaderHint);
  }
  const std::string_view token = report.Record(line, 1, kHeaderHint)[1];
  int version = 0;
  const char* const end = token.data() + token.size();
  const auto [ptr, ec] = std::from_chars(token.data(), end, version);
  if (ec != std::errc() || ptr != end) {
    report.Fail("model format version " + Quote(token) + " is not an integer",
                kHeaderHint);
  }
  if (version > LinearModel::kVersion) {
    report.Fail("model format version " + std::to_string(version) +
                    " is newer than this build supports (" +
                    std::to_string(LinearModel::kVersion) +
                    "); upgrade credence",
                "");
  }
  if (version < 1) {
    report.Fail("invalid model format version " + std::to_string(version),
                "versions start at 1");
  }
  return version;
}

// The whole stream, refused past kMaxFileBytes (a device such as /dev/zero
// would otherwise fill the memory).
std::string ReadBounded(std::istream& in, const std::string& path) {
  std::string text;
  char buffer[1 << 16];
  while (in.read(buffer, sizeof buffer) || in.gcount() > 0) {
    text.append(buffer, static_cast<std::size_t>(in.gcount()));
    if (text.size() > LinearModel::kMaxFileBytes) {
      throw ModelError(path +
                       ": model file larger than 16 MiB (is it a "
                       "model file?)");
    }
  }
  if (in.bad()) throw ModelError(path + ": cannot read model file (I/O error)");
  return text;
}

// Length of the well-formed UTF-8 sequence at s[i] (RFC 3629: no overlong
// forms, surrogates or code points past U+10FFFF), or 0.
std::size_t Utf8Length(std::string_view s, std::size_t i) {
  const auto b0 = static_cast<unsigned char>(s[i]);
  if (b0 < 0x80) return 1;
  std::size_t len = 0;
  unsigned char lo = 0x80, hi = 0xBF;
  if (b0 >= 0xC2 && b0 <= 0xDF) {
    len = 2;
  } else if (b0 >= 0xE0 && b0 <= 0xEF) {
    len = 3;
    lo = b0 == 0xE0 ? 0xA0 : lo;
    hi = b0 == 0xED ? 0x9F : hi;
  } else if (b0 >= 0xF0 && b0 <= 0xF4) {
    len = 4;
    lo = b0 == 0xF0 ? 0x90 : lo;
    hi = b0 == 0xF4 ? 0x8F : hi;
  } else {
    return 0;
  }
  if (s.size() - i < len) return 0;
  for (std::size_t k = 1; k < len; ++k) {
    const auto b = static_cast<unsigned char>(s[i + k]);
    if (b < (k == 1 ? lo : 0x80) || b > (k == 1 ? hi : 0xBF)) return 0;
  }
  return len;
}

// Names and meta values reach reports and JSON, which need valid UTF-8.
void CheckUtf8(Reporter& report, const Fields& lines) {
  for (std::size_t n = 0; n < lines.size(); ++n) {
    const std::string_view line = lines[n];
    for (std::size_t i = 0; i < line.size();) {
      const std::size_t len = Utf8Length(line, i);
      if (len == 0) {
        report.set_line(n + 1);
        char byte[8];
        std::snprintf(
            byte, sizeof byte, "0x%02X",
            static_cast<unsigned>(static_cast<unsigned char>(line[i])));
        report.Fail(std::string("invalid UTF-8 (byte ") + byte + ")",
                    "save the model file as UTF-8");
      }
      i += len;
    }
  }
  report.set_line(1);
}

}  // namespace

LinearModel::LinearModel(std::string name, double bias,
                         std::vector<std::string> feature_names,
                         std::vector<double> weights)
    : name_(std::move(name)),
      bias_(bias),
      feature_names_(std::move(feature_names)),
      weights_(std::move(weights)) {
  ThrowIf(NameProblem(name_));
  if (!InRange(bias_)) {
    throw std::invalid_argument("bias is not finite or outside [-1e6, 1e6]");
  }
  if (feature_names_.size() != weights_.size()) {
    throw std::invalid_argument(
        "size mismatch: " + std::to_string(feature_names_.size()) +
        " feature names but " + std::to_string(weights_.size()) + " weights");
  }
  // Load rejects a file without weights; refuse to build what cannot be read.
  if (weights_.empty()) throw std::invalid_argument("model has no features");
  std::unordered_set<std::string_view> seen;
  for (std::size_t i = 0; i < weights_.size(); ++i) {
    const std::string& feature = feature_names_[i];
    ThrowIf(FieldProblem("feature name", feature));
    if (!seen.insert(feature).second) {
      throw std::invalid_argument("duplicate feature name " + Quote(feature));
    }
    if (!InRange(weights_[i])) {
      throw std::invalid_argument("weight of feature " + Quote(feature) +
                                  " is not finite or outside [-1e6, 1e6]");
    }
  }
}

void LinearModel::AddMeta(std::string key, std::string value) {
  ThrowIf(FieldProblem("meta key", key));
  ThrowIf(TextProblem("meta value", value));
  meta_.emplace_back(std::move(key), std::move(value));
}

namespace {

// The lines of a model file: a final line without '\n' still counts; a
// '\r' before '\n' is dropped.
Fields SplitLines(std::string_view text) {
  Fields lines;
  for (std::string_view rest = text; !rest.empty();) {
    const std::size_t newline = std::min(rest.find('\n'), rest.size());
    std::string_view line = rest.substr(0, newline);
    if (!line.empty() && line.back() == '\r') line.remove_suffix(1);
    lines.push_back(line);
    rest.remove_prefix(std::min(newline + 1, rest.size()));
  }
  return lines;
}

}  // namespace

namespace {

// What a model file's records hold, as LinearModel keeps it.
struct ModelRecords {
  std::string name;
  double bias = 0.0;
  std::vector<std::string> feature_names;
  std::vector<double> weights;
  bool has_article_weights = false;
  double article_bias = 0.0;
  std::vector<double> article_weights;
  std::vector<std::string> article_feature_names;
  std::vector<std::pair<std::string, std::string>> meta;
};

// Reads the records of a model file one line at a time, remembering where
// each once-only record stood for the messages.
class ModelReader {
 public:
  ModelReader(Reporter* report, int version, ModelRecords* model)
      : report_(*report), version_(version), model_(*model) {}

  // Line i (0-based) of the file, past the header.
  void Read(std::size_t i, std::string_view line) {
    report_.set_line(i + 1);
    if (line.find_first_not_of(" \t") == line.npos || line[0] == '#') return;
    if (end_line_ != 0) {
      report_.Fail("unexpected text after 'end' (line " +
                       std::to_string(end_line_) + ")",
                   "'end' must be the last record; were two files "
                   "concatenated?");
    }
    if (line[0] == ' ' || line[0] == '\t') {
      report_.Fail("line starts with white space",
                   "records and '#' comments must start in the first column");
    }
    const Fields fields = Split(line, 3);
    const std::string_view keyword = fields[0];
    if (keyword == "name") {
      Name(line);
    } else if (keyword == "bias") {
      report_.Once(bias_line_, keyword);
      const Fields bias = report_.Record(line, 1, "expected 'bias <number>'");
      model_.bias = report_.Number(bias[1], "bias");
    } else if (keyword == "weight") {
      Weight(i, line);
    } else if (keyword == "article-bias") {
      report_.Once(article_bias_line_, keyword);
      if (first_article_line_ == 0) first_article_line_ = i + 1;
      const Fields bias =
          report_.Record(line, 1, "expected 'article-bias <number>'");
      model_.article_bias = report_.Number(bias[1], "article-bias");
    } else if (keyword == "article-weight") {
      ArticleWeight(i, line);
    } else if (keyword == "meta") {
      Meta(fields);
    } else if (keyword == "end") {
      report_.Record(line, 0, "'end' stands alone");
      end_line_ = i + 1;
    } else {
      report_.Fail("unknown record " + Quote(keyword),
                   "known records: name, bias, weight, article-bias, "
                   "article-weight, meta, end");
    }
  }

  // The checks of the whole file, once every line is read.
  void Finish(std::size_t line_count) {
    if (end_line_ == 0) {
      report_.set_line(line_count);
      report_.Fail("missing 'end' record", "file truncated?");
    }
    report_.set_line(end_line_);
    if (name_line_ == 0) {
      report_.Fail("missing 'name' record", "add 'name <text>'");
    }
    if (bias_line_ == 0) {
      report_.Fail("missing 'bias' record", "add 'bias <number>'");
    }
    if (model_.weights.empty()) {
      report_.Fail("no 'weight' records",
                   "a model needs at least one 'weight <feature-name> "
                   "<number>'");
    }
    if (first_article_line_ != 0) FinishArticleWeights();
  }

 private:
  void Name(std::string_view line) {
    report_.Once(name_line_, "name");
    const std::string_view usage = "expected 'name <text>'";
    const Fields name = Split(line, 2);
    if (name.size() < 2) report_.Fail("missing value in 'name' record", usage);
    report_.Check(NameProblem(name[1]), usage);
    model_.name = std::string(name[1]);
  }

  void Weight(std::size_t i, std::string_view line) {
    const std::string_view usage = "expected 'weight <feature-name> <number>'";
    const Fields weight = report_.Record(line, 2, usage);
    if (first_article_line_ != 0) {
      report_.Fail("'weight' record after the article records (line " +
                       std::to_string(first_article_line_) + ")",
                   "article-bias and article-weight records follow every "
                   "weight");
    }
    const std::string feature(weight[1]);
    report_.Check(FieldProblem("feature name", feature), usage);
    const auto [first, added] = feature_lines_.emplace(feature, i + 1);
    if (!added) {
      report_.Fail("duplicate feature " + Quote(feature) + " (first at line " +
                       std::to_string(first->second) + ")",
                   "each feature has exactly one weight");
    }
    model_.weights.push_back(report_.Number(weight[2], "weight"));
    model_.feature_names.push_back(feature);
  }

  void ArticleWeight(std::size_t i, std::string_view line) {
    if (first_article_line_ == 0) first_article_line_ = i + 1;
    const std::string_view usage =
        "expected 'article-weight <feature-name> <number>'";
    const Fields weight = report_.Record(line, 2, usage);
    const std::string feature(weight[1]);
    report_.Check(FieldProblem("feature name", feature), usage);
    const std::vector<std::string>& names = model_.feature_names;
    const size_t k = article_features_.size();
    if (version_ >= 2 && k >= names.size() && !names.empty() &&
        feature_lines_.count(feature) == 0) {
      // Past the claim features: a feature of the whole article.
      report_.Check(
          ArticleFeatureProblem(feature, model_.article_feature_names),
          "article features follow the article weights of the features, "
          "each once");
      model_.article_feature_names.push_back(feature);
    } else if (k >= names.size() || names[k] != feature) {
      report_.Fail(
          "article-weight " + Quote(feature) + " out of place",
          k < names.size()
              ? "expected " + Quote(names[k]) +
                    ": article weights follow the weights, one a feature, in "
                    "the same order"
              : std::string("there are only ") + std::to_string(names.size()) +
                    " features");
    }
    article_features_.push_back(feature);
    article_weights_.push_back(report_.Number(weight[2], "article-weight"));
  }

  void Meta(const Fields& fields) {
    const std::string_view usage = "expected 'meta <key> <text>'";
    if (fields.size() < 2) {
      report_.Fail("missing value in 'meta' record", usage);
    }
    // An empty value may lose its separating space to an editor.
    const std::string_view value = fields.size() == 3 ? fields[2] : "";
    report_.Check(FieldProblem("meta key", fields[1]), usage);
    report_.Check(TextProblem("meta value", value), usage);
    model_.meta.emplace_back(fields[1], value);
  }

  void FinishArticleWeights() {
    report_.set_line(first_article_line_);
    if (article_bias_line_ == 0) {
      report_.Fail("article weights without an 'article-bias' record",
                   "add 'article-bias <number>'");
    }
    const size_t claim_part =
        article_weights_.size() - model_.article_feature_names.size();
    if (claim_part != model_.weights.size()) {
      report_.Fail(std::to_string(claim_part) + " article weights for " +
                       std::to_string(model_.weights.size()) + " features",
                   "give one 'article-weight' a feature, or none at all");
    }
    model_.has_article_weights = true;
    model_.article_weights = std::move(article_weights_);
  }

  Reporter& report_;
  const int version_;
  ModelRecords& model_;
  std::size_t name_line_ = 0, bias_line_ = 0, end_line_ = 0;
  std::size_t article_bias_line_ = 0, first_article_line_ = 0;
  std::unordered_map<std::string, std::size_t> feature_lines_;
  std::vector<std::string> article_features_;
  std::vector<double> article_weights_;
};

}  // namespace

LinearModel LinearModel::Load(std::istream& in, const std::string& path) {
  std::string text = ReadBounded(in, path);
  // Windows editors like to add a byte order mark; it means nothing in UTF-8.
  if (text.rfind("\xEF\xBB\xBF", 0) == 0) text.erase(0, 3);
  Reporter report(path);
  if (text.empty()) {
    report.Fail("empty model file", "expected first line 'credence-model 1'");
  }
  const Fields lines = SplitLines(text);
  const int version = CheckHeader(report, lines[0]);
  CheckUtf8(report, lines);
  ModelRecords records;
  ModelReader reader(&report, version, &records);
  for (std::size_t i = 1; i < lines.size(); ++i) reader.Read(i, lines[i]);
  reader.Finish(lines.size());
  LinearModel model;
  model.name_ = std::move(records.name);
  model.bias_ = records.bias;
  model.feature_names_ = std::move(records.feature_names);
  model.weights_ = std::move(records.weights);
  model.has_article_weights_ = records.has_article_weights;
  model.article_bias_ = records.article_bias;
  model.article_weights_ = std::move(records.article_weights);
  model.article_feature_names_ = std::move(records.article_feature_names);
  model.meta_ = std::move(records.meta);
  return model;
}

LinearModel LinearModel::LoadFile(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  std::error_code error;
  // A directory opens fine as a stream and would then read as empty.
  if (!in.is_open() || std::filesystem::is_directory(path, error)) {
    throw ModelError(path +
                     ": cannot open model file (missing, unreadable or a "
                     "directory?)");
  }
  return Load(in, path);
}

void LinearModel::Save(std::ostream& out) const {
  std::string text = std::string(kMagic) + " " +
                     std::to_string(format_version()) + "\nname " + name_ +
                     "\nbias " + FormatNumber(bias_) + "\n";
  for (std::size_t i = 0; i < weights_.size(); ++i) {
    text += "weight " + feature_names_[i] + " " + FormatNumber(weights_[i]);
    text += "\n";
  }
  if (has_article_weights_) {
    text += "article-bias " + FormatNumber(article_bias_) + "\n";
    for (std::size_t i = 0; i < article_weights_.size(); ++i) {
      const std::string& feature =
          i < feature_names_.size()
              ? feature_names_[i]
              : article_feature_names_[i - feature_names_.size()];
      text += "article-weight " + feature + " " +
              FormatNumber(article_weights_[i]) + "\n";
    }
  }
  for (const auto& [key, value] : meta_) {
    text += "meta " + key + " " + value + "\n";
  }
  text += "end\n";
  out.write(text.data(), static_cast<std::streamsize>(text.size()));
}

double LinearModel::Logit(const std::vector<double>& x) const {
  CheckSize(x.size(), weights_.size());
  return bias_ + AsEigen(weights_).dot(AsEigen(x));
}

void LinearModel::SetArticleWeights(
    double bias, std::vector<double> weights,
    std::vector<std::string> article_feature_names) {
  CheckSize(weights.size(), weights_.size() + article_feature_names.size());
  std::vector<std::string> seen;
  for (const std::string& name : article_feature_names) {
    const std::string problem = ArticleFeatureProblem(name, seen);
    const bool claim_feature =
        std::find(feature_names_.begin(), feature_names_.end(), name) !=
        feature_names_.end();
    if (!problem.empty() || claim_feature) {
      throw std::invalid_argument(
          "article feature " + Quote(name) + ": " +
          (claim_feature ? "also a claim feature" : problem));
    }
    seen.push_back(name);
  }
  if (!InRange(bias)) {
    throw std::invalid_argument(
        "article bias not finite or outside [-1e6, 1e6]");
  }
  for (double w : weights) {
    if (!InRange(w)) {
      throw std::invalid_argument(
          "article weight not finite or outside [-1e6, 1e6]");
    }
  }
  has_article_weights_ = true;
  article_bias_ = bias;
  article_weights_ = std::move(weights);
  article_feature_names_ = std::move(article_feature_names);
}

int LinearModel::format_version() const {
  return article_feature_names_.empty() ? 1 : kVersion;
}

double LinearModel::ArticleLogit(const std::vector<double>& x) const {
  if (!has_article_weights_) return Logit(x);
  CheckSize(x.size(), article_weights_.size());
  return article_bias_ + AsEigen(article_weights_).dot(AsEigen(x));
}

double LinearModel::Probability(const std::vector<double>& x) const {
  return Logistic(Logit(x));
}

std::vector<double> LinearModel::Contributions(
    const std::vector<double>& x) const {
  std::vector<double> result;
  Contributions(x, &result);
  return result;
}

void LinearModel::Contributions(const std::vector<double>& x,
                                std::vector<double>* out) const {
  CheckSize(x.size(), weights_.size());
  out->resize(x.size());
  // A negative weight times 0 is -0; reports should read 0.
  for (size_t i = 0; i < x.size(); ++i) (*out)[i] = weights_[i] * x[i] + 0.0;
}

double LinearModel::ContributionsAndLogit(const std::vector<double>& x,
                                          std::vector<double>* out) const {
  CheckSize(x.size(), weights_.size());
  out->resize(x.size());
  double* const c = out->data();
  double logit = bias_;
  for (size_t i = 0; i < x.size(); ++i) {
    c[i] = weights_[i] * x[i] + 0.0;  // as Contributions
    logit += c[i];
  }
  return logit;
}

double LinearModel::ContributionsAndLogit(const std::vector<double>& x,
                                          uint64_t nonzero,
                                          std::vector<double>* out) const {
  if (x.size() > 64 || x.empty()) return ContributionsAndLogit(x, out);
  CheckSize(x.size(), weights_.size());
  out->resize(x.size());
  double* const c = out->data();
  std::fill(c, c + x.size(), 0.0);  // assign() is not inlined
  // The dense sum's first term, even a +0, turns a bias of -0 into +0.
  double logit = bias_ + 0.0;
  if (x.size() < 64) nonzero &= (uint64_t{1} << x.size()) - 1;
  for (; nonzero != 0; nonzero &= nonzero - 1) {
    const auto i = static_cast<size_t>(__builtin_ctzll(nonzero));
    c[i] = weights_[i] * x[i] + 0.0;  // as Contributions
    logit += c[i];
  }
  return logit;
}

double Logistic(double z) {
  // exp() is only ever called on -|z|, so it can underflow towards 0 but
  // never overflow.
  if (z >= 0) return 1.0 / (1.0 + std::exp(-z));
  const double e = std::exp(z);
  return e / (1.0 + e);
}

}  // namespace credence
