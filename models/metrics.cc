// Metrics of probabilistic predictions: AUC with DeLong's standard error,
// accuracy, F1, log loss, Brier score, calibration error, reliability bins.
#include "models/metrics.h"

#include <algorithm>
#include <cmath>
#include <limits>
#include <numeric>
#include <stdexcept>
#include <utility>

namespace credence {
namespace {

constexpr double kNaN = std::numeric_limits<double>::quiet_NaN();
constexpr size_t kBins = 10;

void Check(const std::vector<double>& p, const std::vector<int>& y,
           bool probabilities) {
  if (p.size() != y.size()) {
    throw std::invalid_argument("metrics: " + std::to_string(p.size()) +
                                " predictions for " + std::to_string(y.size()) +
                                " labels");
  }
  for (size_t i = 0; i < y.size(); ++i) {
    if (y[i] != 0 && y[i] != 1) {
      throw std::invalid_argument("metrics: label " + std::to_string(y[i]) +
                                  " is not 0 or 1");
    }
    if (std::isnan(p[i]) || (probabilities && (p[i] < 0.0 || p[i] > 1.0))) {
      throw std::invalid_argument("metrics: prediction " +
                                  std::to_string(p[i]) + " out of range");
    }
  }
}

double F1(size_t true_pos, size_t false_pos, size_t false_neg) {
  size_t denominator = 2 * true_pos + false_pos + false_neg;
  return denominator == 0 ? 0.0
                          : 2.0 * static_cast<double>(true_pos) /
                                static_cast<double>(denominator);
}

struct AucFigures {
  double auc = kNaN;
  double se = kNaN;
};

// One sort gives both. A tie group's rows all see the other class's rows
// below the group in full and inside it at half: a positive's share v10 of
// the negatives it outranks, a negative's share v01 of the positives that
// outrank it. AUC is the mean v10 (computed as the rank sum, the classic
// form); DeLong's variance is var(v10) / positives + var(v01) / negatives.
AucFigures AucUnchecked(const std::vector<double>& s,
                        const std::vector<int>& y) {
  size_t n = s.size();
  size_t positives = static_cast<size_t>(std::count(y.begin(), y.end(), 1));
  size_t negatives = n - positives;
  AucFigures out;
  if (positives == 0 || negatives == 0) return out;
  std::vector<size_t> order(n);
  std::iota(order.begin(), order.end(), size_t{0});
  std::sort(order.begin(), order.end(),
            [&](size_t a, size_t b) { return s[a] < s[b]; });
  const double pos = static_cast<double>(positives);
  const double neg = static_cast<double>(negatives);
  // Sum of the mid-ranks (1-based) of the positives; the structural
  // components of each tie group, with the rows they stand for.
  double rank_sum = 0.0;
  std::vector<std::pair<double, size_t>> v10, v01;
  size_t pos_below = 0, neg_below = 0;
  for (size_t i = 0; i < n;) {
    size_t j = i;
    size_t group_pos = 0;
    while (j < n && s[order[j]] == s[order[i]]) {
      if (y[order[j++]] == 1) ++group_pos;
    }
    size_t group_neg = (j - i) - group_pos;
    double mid_rank = (static_cast<double>(i + 1) + static_cast<double>(j)) / 2;
    rank_sum += mid_rank * static_cast<double>(group_pos);
    if (group_pos > 0) {
      v10.emplace_back((static_cast<double>(neg_below) +
                        0.5 * static_cast<double>(group_neg)) /
                           neg,
                       group_pos);
    }
    if (group_neg > 0) {
      v01.emplace_back(1.0 - (static_cast<double>(pos_below) +
                              0.5 * static_cast<double>(group_pos)) /
                                 pos,
                       group_neg);
    }
    pos_below += group_pos;
    neg_below += group_neg;
    i = j;
  }
  out.auc = (rank_sum - pos * (pos + 1) / 2) / (pos * neg);
  if (positives < 2 || negatives < 2) return out;
  auto variance = [&](const std::vector<std::pair<double, size_t>>& v,
                      double count) {
    double sum = 0.0;
    for (const auto& [value, rows] : v) {
      sum += (value - out.auc) * (value - out.auc) * static_cast<double>(rows);
    }
    return sum / (count - 1);
  };
  out.se = std::sqrt(variance(v10, pos) / pos + variance(v01, neg) / neg);
  return out;
}

}  // namespace

double Auc(const std::vector<double>& scores, const std::vector<int>& labels) {
  Check(scores, labels, false);
  return AucUnchecked(scores, labels).auc;
}

double AucStandardError(const std::vector<double>& scores,
                        const std::vector<int>& labels) {
  Check(scores, labels, false);
  return AucUnchecked(scores, labels).se;
}

Metrics Evaluate(const std::vector<double>& p, const std::vector<int>& y) {
  Check(p, y, true);
  Metrics m;
  m.n = p.size();
  m.bins.resize(kBins);
  for (size_t b = 0; b < kBins; ++b) {
    m.bins[b].low = static_cast<double>(b) / kBins;
    m.bins[b].high = static_cast<double>(b + 1) / kBins;
  }
  if (m.n == 0) {
    m.auc = m.auc_se = m.accuracy = m.f1_credible = m.f1_doubtful = kNaN;
    m.log_loss = m.brier = m.ece = kNaN;
    return m;
  }
  size_t tp = 0, fp = 0, tn = 0, fn = 0;
  double log_loss = 0.0, brier = 0.0;
  std::vector<double> sum_p(kBins, 0.0), sum_y(kBins, 0.0);
  for (size_t i = 0; i < m.n; ++i) {
    bool said_one = p[i] >= 0.5;
    if (y[i] == 1) {
      ++m.positives;
      said_one ? ++tp : ++fn;
    } else {
      said_one ? ++fp : ++tn;
    }
    double q = std::clamp(p[i], 1e-15, 1.0 - 1e-15);
    log_loss -= y[i] == 1 ? std::log(q) : std::log(1.0 - q);
    brier += (p[i] - y[i]) * (p[i] - y[i]);
    size_t b = std::min(kBins - 1, static_cast<size_t>(p[i] * kBins));
    ++m.bins[b].n;
    sum_p[b] += p[i];
    sum_y[b] += y[i];
  }
  double n = static_cast<double>(m.n);
  const AucFigures auc = AucUnchecked(p, y);
  m.auc = auc.auc;
  m.auc_se = auc.se;
  m.accuracy = static_cast<double>(tp + tn) / n;
  m.f1_credible = F1(tp, fp, fn);
  m.f1_doubtful = F1(tn, fn, fp);
  m.log_loss = log_loss / n;
  m.brier = brier / n;
  for (size_t b = 0; b < kBins; ++b) {
    if (m.bins[b].n == 0) continue;
    double count = static_cast<double>(m.bins[b].n);
    m.bins[b].mean_predicted = sum_p[b] / count;
    m.bins[b].observed = sum_y[b] / count;
    m.ece +=
        count / n * std::abs(m.bins[b].observed - m.bins[b].mean_predicted);
  }
  return m;
}

}  // namespace credence
