// The plots of the evaluation page as inline SVG: the ROC curve, the
// reliability diagram and the score histograms of the two classes. Each is
// a 280x260 drawing whose plot area is the square x 50..250, y 10..210
// (value v on an axis from 0 to 1 sits at x = 50 + 200 v, y = 210 - 200 v),
// with ticks every 0.2 and both axes labelled; coordinates have one
// decimal. Colours and line styles stay apart in grey print.
//
//   credence::WriteRocSvg(credence::RocPoints(p, labels), auc, out);
//   credence::WriteReliabilitySvg(metrics.bins, out);
//   credence::WriteHistogramSvg(p, labels, out);
#ifndef CREDENCE_ENGINE_LEARN_EVAL_PLOTS_H_
#define CREDENCE_ENGINE_LEARN_EVAL_PLOTS_H_

#include <ostream>
#include <vector>

#include "models/metrics.h"

namespace credence {

struct PlotPoint {
  double x = 0.0;
  double y = 0.0;
};

// The ROC curve of `scores` against 0/1 `labels`: (false positive rate,
// true positive rate) from (0, 0) to (1, 1), one point a distinct score
// from the highest down (rows of equal score move as one diagonal step).
// Just (0, 0) and (1, 1) when a class is absent.
std::vector<PlotPoint> RocPoints(const std::vector<double>& scores,
                                 const std::vector<int>& labels);

// The curve as a polyline over the chance diagonal, the AUC written in
// the plot (NaN: "AUC undefined").
void WriteRocSvg(const std::vector<PlotPoint>& roc, double auc,
                 std::ostream& out);

// Each bin with rows as a point (mean predicted, share labeled 1) with its
// row count above it, joined by a line, over the diagonal of perfect
// calibration.
void WriteReliabilitySvg(const std::vector<ReliabilityBin>& bins,
                         std::ostream& out);

// Ten bins of probability ([0, 0.1), ..., [0.9, 1]); in each, two bars of
// 9 units: the share of rows labeled 0 that fall there (class c0, left)
// and of rows labeled 1 (class c1, right). The y axis runs from 0 to the
// largest share rounded up to a quarter.
void WriteHistogramSvg(const std::vector<double>& probabilities,
                       const std::vector<int>& labels, std::ostream& out);

}  // namespace credence

#endif  // CREDENCE_ENGINE_LEARN_EVAL_PLOTS_H_
