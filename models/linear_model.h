// A linear model over named features: confidence = logistic(bias + w . x).
//
// Call order: build one (constructor or Load), then Score / Contributions;
// Save writes the text format that Load reads back exactly.
//
//   credence::LinearModel m = credence::LinearModel::LoadFile("my.model");
//   double p = m.Probability(x);             // x in feature_names() order
//   std::vector<double> why = m.Contributions(x);  // w_i * x_i
//
// File format, version 2 (one record a line, fields separated by one space):
//
//   credence-model 2
//   name <free text to end of line>
//   bias <number>
//   weight <feature-name> <number>           (one line a feature, in order)
//   article-bias <number>                    (optional: an article model)
//   article-weight <feature-name> <number>   (then one a feature, in order)
//   article-weight <article-feature> <number>  (optional, any number: the
//                                            features of a whole article)
//   meta <key> <free text>                   (optional, any number)
//   end
//
// Blank lines and lines starting with '#' are ignored. Unknown records,
// duplicate names or features, a missing name/bias/end, no weights,
// non-finite numbers, a bias or weight outside [-1e6, 1e6] (kMaxAbsWeight:
// every logit then stays finite), invalid UTF-8, a model file over 16 MiB
// (kMaxFileBytes) and versions other than 1 and 2 are errors of the form
// "path:line: problem (hint)". Version 1 is version 2 without article
// features; Save writes version 1 for a model without them, so that older
// builds read it. Numbers are written with the shortest form
// that reads back to the same double, independent of the C locale.
#ifndef CREDENCE_MODELS_LINEAR_MODEL_H_
#define CREDENCE_MODELS_LINEAR_MODEL_H_

#include <cstddef>
#include <cstdint>
#include <iosfwd>
#include <stdexcept>
#include <string>
#include <utility>
#include <vector>

namespace credence {

// Thrown for every malformed model file; what() is "path:line: problem".
class ModelError : public std::runtime_error {
 public:
  using std::runtime_error::runtime_error;
};

class LinearModel {
 public:
  static constexpr int kVersion = 2;
  static constexpr double kMaxAbsWeight = 1e6;
  // Larger model files are refused before they are read whole.
  static constexpr std::size_t kMaxFileBytes = std::size_t{16} << 20;

  LinearModel() = default;
  // Throws std::invalid_argument on an empty name or one with a line break,
  // no features, size mismatch, duplicate or empty feature names, names
  // with white space or control bytes, or numbers that are not finite or
  // lie outside [-kMaxAbsWeight, kMaxAbsWeight].
  LinearModel(std::string name, double bias,
              std::vector<std::string> feature_names,
              std::vector<double> weights);

  // Parses the text format; `path` is only used in error messages.
  static LinearModel Load(std::istream& in, const std::string& path);
  static LinearModel LoadFile(const std::string& path);
  void Save(std::ostream& out) const;

  // bias + w . x; x must have feature_names().size() entries.
  double Logit(const std::vector<double>& x) const;
  // logistic(Logit(x)), computed without overflow for large |logit|.
  double Probability(const std::vector<double>& x) const;
  // An article's logit from the mean of its claims' feature vectors, then
  // the values of article_feature_names(): the article weights when the
  // model has them, otherwise Logit(mean) (the mean of the claim logits).
  double ArticleLogit(const std::vector<double>& x) const;
  // `weights`: one a feature, then one an article feature. Throws
  // std::invalid_argument on a size mismatch, non-finite numbers, or an
  // article feature name that is malformed, repeated or a claim feature's.
  void SetArticleWeights(double bias, std::vector<double> weights,
                         std::vector<std::string> article_feature_names = {});
  bool has_article_weights() const { return has_article_weights_; }
  double article_bias() const { return article_bias_; }
  const std::vector<double>& article_weights() const {
    return article_weights_;
  }
  // The features of a whole article the article weights end with.
  const std::vector<std::string>& article_feature_names() const {
    return article_feature_names_;
  }
  // The version Save writes: 1 without article features, else kVersion.
  int format_version() const;
  // w_i * x_i for every feature, in feature order.
  std::vector<double> Contributions(const std::vector<double>& x) const;
  // The same into *out (resized), reusing its memory.
  void Contributions(const std::vector<double>& x,
                     std::vector<double>* out) const;
  // The same, returning bias() plus the contributions added in feature
  // order: the logit, formed in the same pass.
  double ContributionsAndLogit(const std::vector<double>& x,
                               std::vector<double>* out) const;
  // The same, bit for bit, when x[i] is 0 wherever bit i of `nonzero` is
  // clear: only the other features are multiplied and added (a term of +0
  // leaves the sum as it is). With over 64 features, all of them are.
  double ContributionsAndLogit(const std::vector<double>& x, uint64_t nonzero,
                               std::vector<double>* out) const;

  const std::string& name() const { return name_; }
  double bias() const { return bias_; }
  const std::vector<std::string>& feature_names() const {
    return feature_names_;
  }
  const std::vector<double>& weights() const { return weights_; }
  // Free-form provenance (how the model was made), in file order.
  const std::vector<std::pair<std::string, std::string>>& meta() const {
    return meta_;
  }
  void AddMeta(std::string key, std::string value);

 private:
  std::string name_;
  double bias_ = 0.0;
  std::vector<std::string> feature_names_;
  std::vector<double> weights_;
  bool has_article_weights_ = false;
  double article_bias_ = 0.0;
  std::vector<double> article_weights_;
  std::vector<std::string> article_feature_names_;
  std::vector<std::pair<std::string, std::string>> meta_;
};

// logistic(z) = 1 / (1 + exp(-z)), stable for any finite z.
double Logistic(double z);

}  // namespace credence

#endif  // CREDENCE_MODELS_LINEAR_MODEL_H_
