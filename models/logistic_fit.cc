// L2-regularized logistic regression fitted by Newton's method.
#include "models/logistic_fit.h"

#include <Eigen/Dense>
#include <cmath>
#include <stdexcept>
#include <string>
#include <utility>
#include <vector>

#include "models/linear_model.h"

namespace credence {
namespace {

using Matrix =
    Eigen::Matrix<double, Eigen::Dynamic, Eigen::Dynamic, Eigen::RowMajor>;

void Validate(const FitData& d, const FitOptions& options) {
  size_t n = d.rows();
  if (n == 0) throw std::invalid_argument("fit: no rows");
  if (d.cols == 0) throw std::invalid_argument("fit: no features");
  if (d.x.size() != n * d.cols) {
    throw std::invalid_argument("fit: " + std::to_string(d.x.size()) +
                                " feature values for " + std::to_string(n) +
                                " rows of " + std::to_string(d.cols));
  }
  if (!d.weight.empty() && d.weight.size() != n) {
    throw std::invalid_argument("fit: weights and rows differ in number");
  }
  for (double v : d.x) {
    if (!std::isfinite(v))
      throw std::invalid_argument("fit: feature not finite");
  }
  for (double v : d.y) {
    if (v != 0.0 && v != 1.0) throw std::invalid_argument("fit: label not 0/1");
  }
  for (double v : d.weight) {
    if (!(v > 0.0) || !std::isfinite(v)) {
      throw std::invalid_argument("fit: sample weight not positive and finite");
    }
  }
  if (!options.prior.empty() && options.prior.size() != d.cols) {
    throw std::invalid_argument("fit: one prior weight a feature expected");
  }
  for (double v : options.prior) {
    if (!std::isfinite(v)) throw std::invalid_argument("fit: prior not finite");
  }
  if (!(options.l2 >= 0.0) || !std::isfinite(options.l2)) {
    throw std::invalid_argument("fit: l2 must be a finite number >= 0");
  }
  for (const WeightConstraint& c : options.constraints) {
    if (c.terms.empty() || !std::isfinite(c.min)) {
      throw std::invalid_argument("fit: a constraint needs terms and a bound");
    }
    for (const auto& [feature, coefficient] : c.terms) {
      if (feature >= d.cols || !std::isfinite(coefficient)) {
        throw std::invalid_argument("fit: a constraint names no feature");
      }
    }
  }
}

// A constraint over the coefficient vector (bias first): a . beta >= min.
struct Bound {
  Eigen::VectorXd a;
  double min = 0.0;
};

// How far beta falls short of the bound; 0 when it holds.
double Shortfall(const Bound& b, const Eigen::VectorXd& beta) {
  return std::max(0.0, b.min - b.a.dot(beta));
}

// log(1 + exp(z)), without overflow.
double Softplus(double z) {
  return z > 0 ? z + std::log1p(std::exp(-z)) : std::log1p(std::exp(z));
}

struct Problem {
  Matrix x;  // rows x (1 + cols): a column of ones, then the features
  Eigen::VectorXd y, w;
  Eigen::VectorXd penalty;  // a ridge a coefficient...
  Eigen::VectorXd centre;   // ...pulling it towards this value
  std::vector<Bound> bounds;
  double bound_penalty = 0.0;

  // Adds the bounds' penalty terms to a gradient and Hessian at beta.
  void AddBounds(const Eigen::VectorXd& beta, Eigen::VectorXd* gradient,
                 Eigen::MatrixXd* hessian) const {
    for (const Bound& b : bounds) {
      const double shortfall = Shortfall(b, beta);
      if (shortfall == 0.0) continue;
      *gradient -= bound_penalty * shortfall * b.a;
      hessian->selfadjointView<Eigen::Lower>().rankUpdate(b.a, bound_penalty);
    }
  }

  double Objective(const Eigen::VectorXd& beta, double* loss) const {
    Eigen::VectorXd z = x * beta;
    double sum = 0.0;
    for (Eigen::Index i = 0; i < z.size(); ++i) {
      // -log p(y|z) = softplus(z) - y z
      sum += w[i] * (Softplus(z[i]) - y[i] * z[i]);
    }
    if (loss != nullptr) *loss = sum / w.sum();
    const Eigen::VectorXd d = beta - centre;
    double bounds_sum = 0.0;
    for (const Bound& b : bounds) {
      bounds_sum += Shortfall(b, beta) * Shortfall(b, beta);
    }
    return sum + d.cwiseProduct(penalty).dot(d) / 2 +
           bound_penalty * bounds_sum / 2;
  }
};

// The penalty of a bound per unit of total sample weight.
constexpr double kBoundPenalty = 1e6;

std::vector<Bound> BoundsOf(const std::vector<WeightConstraint>& constraints,
                            Eigen::Index k) {
  std::vector<Bound> bounds;
  for (const WeightConstraint& c : constraints) {
    Bound b{Eigen::VectorXd::Zero(k), c.min};
    for (const auto& [feature, coefficient] : c.terms) {
      b.a[static_cast<Eigen::Index>(feature + 1)] += coefficient;
    }
    bounds.push_back(std::move(b));
  }
  return bounds;
}

// `start`, when given, is where Newton's method starts: the bias, then one
// weight a column (an active-set refit starts from the last solution).
FitResult FitFree(const FitData& data, const FitOptions& options,
                  const std::vector<double>* start = nullptr) {
  const auto n = static_cast<Eigen::Index>(data.rows());
  const auto k = static_cast<Eigen::Index>(data.cols) + 1;
  Problem problem;
  problem.x.resize(n, k);
  problem.x.col(0).setOnes();
  problem.x.rightCols(k - 1) =
      Eigen::Map<const Matrix>(data.x.data(), n, k - 1);
  problem.y = Eigen::Map<const Eigen::VectorXd>(data.y.data(), n);
  problem.w = data.weight.empty()
                  ? Eigen::VectorXd::Ones(n)
                  : Eigen::VectorXd(Eigen::Map<const Eigen::VectorXd>(
                        data.weight.data(), n));
  // Penalty on every weight but the bias; a whisper of it on the bias keeps
  // the Hessian invertible when one class is rare or a feature never fires.
  problem.penalty = Eigen::VectorXd::Constant(k, options.l2 + 1e-9);
  problem.penalty[0] = 1e-9;
  const Eigen::VectorXd& penalty = problem.penalty;
  problem.centre = Eigen::VectorXd::Zero(k);
  for (size_t j = 0; j < options.prior.size() && j + 1 < size_t(k); ++j) {
    problem.centre[static_cast<Eigen::Index>(j + 1)] = options.prior[j];
  }
  problem.bounds = BoundsOf(options.constraints, k);
  problem.bound_penalty = kBoundPenalty * problem.w.sum();

  Eigen::VectorXd beta = Eigen::VectorXd::Zero(k);
  if (start != nullptr && start->size() == static_cast<size_t>(k)) {
    beta = Eigen::Map<const Eigen::VectorXd>(start->data(), k);
  }
  double loss = 0.0;
  double objective = problem.Objective(beta, &loss);
  FitResult result;
  for (int it = 1; it <= options.max_iterations; ++it) {
    Eigen::VectorXd z = problem.x * beta;
    Eigen::VectorXd gradient_rows(n), curvature(n);
    for (Eigen::Index i = 0; i < n; ++i) {
      double p = Logistic(z[i]);
      gradient_rows[i] = problem.w[i] * (p - problem.y[i]);
      curvature[i] = problem.w[i] * std::max(p * (1 - p), 1e-12);
    }
    Eigen::VectorXd gradient = problem.x.transpose() * gradient_rows;
    gradient += penalty.cwiseProduct(beta - problem.centre);
    // X' diag(curvature) X as the Gram matrix of sqrt(curvature) X: one
    // triangle, half the work of the general product.
    const Matrix scaled = curvature.cwiseSqrt().asDiagonal() * problem.x;
    Eigen::MatrixXd hessian = Eigen::MatrixXd::Zero(k, k);
    hessian.selfadjointView<Eigen::Lower>().rankUpdate(scaled.transpose());
    hessian.diagonal() += penalty;
    problem.AddBounds(beta, &gradient, &hessian);
    Eigen::VectorXd step =
        hessian.selfadjointView<Eigen::Lower>().ldlt().solve(gradient);
    // Halve the step until the objective does not rise.
    double t = 1.0, next = objective, next_loss = loss;
    Eigen::VectorXd candidate = beta;
    for (int halvings = 0; halvings < 40; ++halvings, t /= 2) {
      candidate = beta - t * step;
      next = problem.Objective(candidate, &next_loss);
      if (next <= objective) break;
    }
    result.iterations = it;
    if (!(next <= objective)) break;  // no descent left: at the optimum
    double change = objective - next;
    beta = candidate;
    objective = next;
    loss = next_loss;
    if (change <= options.tolerance * std::max(1.0, std::abs(objective))) break;
  }
  result.bias = beta[0];
  result.weights.assign(beta.data() + 1, beta.data() + k);
  result.loss = loss;
  result.objective = objective;
  return result;
}

// The constraints over a subset of the columns (the others are held at 0,
// so their terms drop out); a constraint left with no term is dropped.
std::vector<WeightConstraint> ConstraintsOver(
    const std::vector<WeightConstraint>& constraints,
    const std::vector<size_t>& columns) {
  std::vector<WeightConstraint> reduced;
  for (const WeightConstraint& c : constraints) {
    WeightConstraint r{{}, c.min};
    for (size_t k = 0; k < columns.size(); ++k) {
      for (const auto& [feature, coefficient] : c.terms) {
        if (feature == columns[k]) r.terms.emplace_back(k, coefficient);
      }
    }
    if (!r.terms.empty()) reduced.push_back(std::move(r));
  }
  return reduced;
}

// The fit over the columns `keep` only; the other weights are 0.
FitResult FitColumns(const FitData& data, const FitOptions& options,
                     const std::vector<bool>& keep, const FitResult* last) {
  FitData reduced;
  std::vector<size_t> columns;
  for (size_t j = 0; j < data.cols; ++j) {
    if (keep[j]) columns.push_back(j);
  }
  FitResult result;
  if (columns.empty()) {  // the bias alone
    reduced.cols = 1;
    reduced.x.assign(data.rows(), 0.0);
  } else {
    reduced.cols = columns.size();
    reduced.x.reserve(data.rows() * columns.size());
    for (size_t i = 0; i < data.rows(); ++i) {
      for (size_t j : columns) reduced.x.push_back(data.x[i * data.cols + j]);
    }
  }
  reduced.y = data.y;
  reduced.weight = data.weight;
  FitOptions reduced_options = options;
  reduced_options.prior.clear();
  if (!options.prior.empty()) {
    for (size_t j : columns) reduced_options.prior.push_back(options.prior[j]);
  }
  reduced_options.constraints = ConstraintsOver(options.constraints, columns);
  std::vector<double> start;
  if (last != nullptr && !columns.empty()) {
    start.push_back(last->bias);
    for (size_t j : columns) start.push_back(last->weights[j]);
  }
  FitResult fit =
      FitFree(reduced, reduced_options, start.empty() ? nullptr : &start);
  result = fit;
  result.weights.assign(data.cols, 0.0);
  for (size_t k = 0; k < columns.size(); ++k) {
    result.weights[columns[k]] = fit.weights[k];
  }
  return result;
}

// d(objective)/d(w_j) at the fit, for a weight held at 0.
double Gradient(const FitData& data, const FitOptions& options,
                const FitResult& fit, size_t j) {
  double g = 0.0;
  for (size_t i = 0; i < data.rows(); ++i) {
    double z = fit.bias;
    for (size_t k = 0; k < data.cols; ++k) {
      z += fit.weights[k] * data.x[i * data.cols + k];
    }
    const double w = data.weight.empty() ? 1.0 : data.weight[i];
    g += w * (Logistic(z) - data.y[i]) * data.x[i * data.cols + j];
  }
  const double centre = options.prior.empty() ? 0.0 : options.prior[j];
  g -= options.l2 * centre;
  double total_weight = 0.0;
  for (size_t i = 0; i < data.rows(); ++i) {
    total_weight += data.weight.empty() ? 1.0 : data.weight[i];
  }
  for (const WeightConstraint& c : options.constraints) {
    double value = 0.0, coefficient_j = 0.0;
    for (const auto& [feature, coefficient] : c.terms) {
      value += coefficient * fit.weights[feature];
      if (feature == j) coefficient_j += coefficient;
    }
    const double shortfall = std::max(0.0, c.min - value);
    g -= kBoundPenalty * total_weight * shortfall * coefficient_j;
  }
  return g;
}

}  // namespace

FitResult FitLogistic(const FitData& data, const FitOptions& options) {
  Validate(data, options);
  if (options.signs.empty()) return FitFree(data, options);
  if (options.signs.size() != data.cols) {
    throw std::invalid_argument("fit: one sign a feature expected");
  }
  for (int sign : options.signs) {
    if (sign < -1 || sign > 1) {
      throw std::invalid_argument("fit: a sign is -1, 0 or 1");
    }
  }
  std::vector<bool> keep(data.cols, true);
  int steps = 0;
  FitResult fit;
  // Each round holds or frees at least one weight; 4 rounds a feature is
  // far more than the active set ever needs.
  for (size_t round = 0; round < 4 * data.cols + 4; ++round) {
    fit = FitColumns(data, options, keep, round == 0 ? nullptr : &fit);
    steps += fit.iterations;
    bool changed = false;
    for (size_t j = 0; j < data.cols; ++j) {
      if (keep[j] && fit.weights[j] * options.signs[j] < 0) {
        keep[j] = false;
        changed = true;
      }
    }
    if (changed) continue;
    // Free the held weight whose gradient pulls hardest the allowed way.
    size_t best = data.cols;
    double best_pull = 1e-9;
    for (size_t j = 0; j < data.cols; ++j) {
      if (keep[j]) continue;
      const double pull = -Gradient(data, options, fit, j) * options.signs[j];
      if (pull > best_pull) {
        best_pull = pull;
        best = j;
      }
    }
    if (best == data.cols) break;
    keep[best] = true;
  }
  fit.iterations = steps;
  return fit;
}

}  // namespace credence
