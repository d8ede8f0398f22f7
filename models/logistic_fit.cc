#include "models/logistic_fit.h"

#include <Eigen/Dense>
#include <cmath>
#include <stdexcept>
#include <string>

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
  if (!(options.l2 >= 0.0) || !std::isfinite(options.l2)) {
    throw std::invalid_argument("fit: l2 must be a finite number >= 0");
  }
}

// log(1 + exp(z)), without overflow.
double Softplus(double z) {
  return z > 0 ? z + std::log1p(std::exp(-z)) : std::log1p(std::exp(z));
}

struct Problem {
  Matrix x;  // rows x (1 + cols): a column of ones, then the features
  Eigen::VectorXd y, w;
  Eigen::VectorXd penalty;  // a ridge a coefficient

  double Objective(const Eigen::VectorXd& beta, double* loss) const {
    Eigen::VectorXd z = x * beta;
    double sum = 0.0;
    for (Eigen::Index i = 0; i < z.size(); ++i) {
      // -log p(y|z) = softplus(z) - y z
      sum += w[i] * (Softplus(z[i]) - y[i] * z[i]);
    }
    if (loss != nullptr) *loss = sum / w.sum();
    return sum + beta.cwiseProduct(penalty).dot(beta) / 2;
  }
};

}  // namespace

FitResult FitLogistic(const FitData& data, const FitOptions& options) {
  Validate(data, options);
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

  Eigen::VectorXd beta = Eigen::VectorXd::Zero(k);
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
    gradient += penalty.cwiseProduct(beta);
    Eigen::MatrixXd hessian =
        problem.x.transpose() * curvature.asDiagonal() * problem.x;
    hessian.diagonal() += penalty;
    Eigen::VectorXd step = hessian.ldlt().solve(gradient);
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

}  // namespace credence
