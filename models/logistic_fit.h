// L2-regularized logistic regression fitted by Newton's method (iteratively
// reweighted least squares), with a sample weight a row.
//
//   credence::FitData d;                // rows of `cols` features
//   d.cols = 3;
//   d.x = {...};  d.y = {...};  d.weight = {...};
//   credence::FitResult r = credence::FitLogistic(d, {.l2 = 1.0});
//   // r.bias, r.weights, r.iterations, r.loss
//
// It minimizes  sum_i weight_i * logloss(y_i, logistic(bias + w.x_i))
//             + l2 / 2 * |w - prior|^2   (the bias is not penalized)
// where prior is 0 unless given: a ridge towards hand-set weights lets the
// data move a weight only as far as its evidence goes. Linear constraints
// (sum of coefficient * weight >= min) hold what the data cannot teach, such
// as "an official on record weighs more than no source": each is enforced
// by a quadratic penalty a million times the total sample weight, so it
// holds to within about 1e-6 of a typical weight's gradient.
// Newton steps with step halving are exact and deterministic: the same data
// gives the same bits. Eigen is used here and nowhere outside models/.
#ifndef CREDENCE_MODELS_LOGISTIC_FIT_H_
#define CREDENCE_MODELS_LOGISTIC_FIT_H_

#include <cstddef>
#include <utility>
#include <vector>

namespace credence {

struct FitData {
  size_t cols = 0;
  std::vector<double> x;       // row-major, rows * cols values
  std::vector<double> y;       // 0 or 1
  std::vector<double> weight;  // > 0; empty: every row weighs 1
  size_t rows() const { return y.size(); }
};

// sum over terms of coefficient * weight[feature] >= min.
struct WeightConstraint {
  std::vector<std::pair<size_t, double>> terms;  // (feature, coefficient)
  double min = 0.0;
};

struct FitOptions {
  double l2 = 1.0;  // >= 0
  int max_iterations = 100;
  // Stop when a Newton step changes the objective by less than this share.
  double tolerance = 1e-12;
  // Empty, or one entry a feature: +1 keeps the weight >= 0, -1 keeps it
  // <= 0, 0 leaves it free. A constrained weight that would cross zero is
  // held at 0 (an active set: fit, hold the violators at 0, refit; free a
  // held weight again when the gradient pulls it the allowed way).
  std::vector<int> signs;
  // Empty (all 0), or one centre of the ridge a feature.
  std::vector<double> prior;
  std::vector<WeightConstraint> constraints;
};

struct FitResult {
  double bias = 0.0;
  std::vector<double> weights;
  int iterations = 0;      // Newton steps, summed over the active-set refits
  double loss = 0.0;       // weighted mean log loss at the solution
  double objective = 0.0;  // the minimized sum, penalty included
};

// Throws std::invalid_argument for inconsistent sizes, labels other than
// 0/1, non-positive or non-finite weights, non-finite features, a negative
// l2, a constraint naming no feature or a feature out of range, or no rows.
FitResult FitLogistic(const FitData& data, const FitOptions& options);

}  // namespace credence

#endif  // CREDENCE_MODELS_LOGISTIC_FIT_H_
