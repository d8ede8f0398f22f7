// Metrics of probabilistic predictions against 0/1 labels: ranking (AUC),
// decisions at 0.5 (accuracy, F1 of each class) and probabilities (log
// loss, Brier score, expected calibration error with its reliability
// table).
//
//   credence::Metrics m = credence::Evaluate(probabilities, labels);
//   // m.auc, m.accuracy, m.f1_credible, m.log_loss, m.ece, m.bins[i] ...
//
// Every row counts once (no sample weights): these are the figures a user
// sees on their data. AUC is NaN when only one class is present. Its
// standard error is DeLong's (DeLong, DeLong and Clarke-Pearson 1988): the
// variance of each positive's share of negatives it outranks over the
// positives, plus the same for the negatives; AUC +- 1.96 se is the usual
// 95% interval, which says how far a held-out figure may fall from this one.
#ifndef CREDENCE_MODELS_METRICS_H_
#define CREDENCE_MODELS_METRICS_H_

#include <cstddef>
#include <vector>

namespace credence {

// Ten equal-width bins of predicted probability: [0,0.1), ..., [0.9,1].
struct ReliabilityBin {
  double low = 0.0;
  double high = 0.0;
  size_t n = 0;
  double mean_predicted = 0.0;  // 0 when n == 0
  double observed = 0.0;        // share of label 1; 0 when n == 0
};

struct Metrics {
  size_t n = 0;
  size_t positives = 0;      // rows labeled 1
  double auc = 0.0;          // P(score of a 1 > score of a 0), ties count half
  double auc_se = 0.0;       // DeLong; NaN unless each class has 2+ rows
  double accuracy = 0.0;     // predicted label: probability >= 0.5
  double f1_credible = 0.0;  // F1 of class 1 (0 when undefined)
  double f1_doubtful = 0.0;  // F1 of class 0
  double log_loss = 0.0;     // probabilities clipped to [1e-15, 1 - 1e-15]
  double brier = 0.0;
  double ece = 0.0;  // sum over bins of n_bin / n * |observed - predicted|
  std::vector<ReliabilityBin> bins;
};

// Throws std::invalid_argument when the sizes differ, a label is not 0 or
// 1, or a probability is outside [0, 1] or NaN. Empty input gives n = 0
// and NaN for every rate.
Metrics Evaluate(const std::vector<double>& probabilities,
                 const std::vector<int>& labels);

// The AUC alone (Mann-Whitney U with mid-ranks for ties); NaN unless both
// classes are present.
double Auc(const std::vector<double>& scores, const std::vector<int>& labels);

// DeLong's standard error of the AUC; NaN unless each class has 2+ rows.
double AucStandardError(const std::vector<double>& scores,
                        const std::vector<int>& labels);

}  // namespace credence

#endif  // CREDENCE_MODELS_METRICS_H_
