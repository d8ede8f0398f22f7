// The evaluation page's plots as inline SVG (eval_plots.h).
#include "engine/learn/eval_plots.h"

#include <algorithm>
#include <array>
#include <cmath>
#include <numeric>
#include <string>

#include "engine/report.h"

namespace credence {
namespace {

constexpr double kLeft = 50, kTop = 10, kSide = 200;
constexpr size_t kBins = 10;

std::string X(double v) { return FormatFixed(kLeft + kSide * v, 1); }
std::string Y(double v) { return FormatFixed(kTop + kSide * (1 - v), 1); }

// The drawing, its accessible name, the plot area, the ticks (the y axis
// labelled 0..y_max) and the axis labels.
void WriteFrame(const std::string& name, const char* x_label,
                const char* y_label, double y_max, std::ostream& out) {
  out << "<svg class=\"plot\" viewBox=\"0 0 280 260\" width=\"280\" "
         "height=\"260\" role=\"img\"><title>"
      << name << "</title>\n";
  for (int i = 0; i <= 5; ++i) {
    const double v = i / 5.0;
    out << "<line class=\"grid\" x1=\"" << X(v) << "\" y1=\"" << Y(0)
        << "\" x2=\"" << X(v) << "\" y2=\"" << Y(1)
        << "\"/><line class=\"grid\""
        << " x1=\"" << X(0) << "\" y1=\"" << Y(v) << "\" x2=\"" << X(1)
        << "\" y2=\"" << Y(v) << "\"/>"
        << "<text x=\"" << X(v) << "\" y=\""
        << FormatFixed(kTop + kSide + 16, 1) << "\" text-anchor=\"middle\">"
        << FormatFixed(v, 1) << "</text>"
        << "<text x=\"" << FormatFixed(kLeft - 4, 1) << "\" y=\""
        << FormatFixed(kTop + kSide * (1 - v) + 4, 1)
        << "\" text-anchor=\"end\">" << FormatFixed(v * y_max, 2)
        << "</text>\n";
  }
  out << "<rect class=\"frame\" x=\"" << X(0) << "\" y=\"" << Y(1)
      << "\" width=\"200\" height=\"200\"/>\n"
      << "<text class=\"axis\" x=\"" << X(0.5)
      << "\" y=\"250\" text-anchor=\"middle\">" << x_label << "</text>\n"
      << "<text class=\"axis\" transform=\"rotate(-90)\" x=\"-" << Y(0.5)
      << "\" y=\"12\" text-anchor=\"middle\">" << y_label << "</text>\n";
}

void WriteDiagonal(std::ostream& out) {
  out << "<line class=\"diagonal\" x1=\"" << X(0) << "\" y1=\"" << Y(0)
      << "\" x2=\"" << X(1) << "\" y2=\"" << Y(1) << "\"/>\n";
}

// "x,y x,y ..." in drawing units, a point dropped when it lands where the
// one before it did (a long curve keeps only what shows).
std::string Polyline(const std::vector<PlotPoint>& points) {
  std::string out, last;
  for (const PlotPoint& p : points) {
    std::string xy = X(p.x) + "," + Y(p.y);
    if (xy == last) continue;
    out += (out.empty() ? "" : " ") + xy;
    last = std::move(xy);
  }
  return out;
}

size_t BinOf(double p) {
  return std::min(kBins - 1, static_cast<size_t>(p * kBins));
}

}  // namespace

std::vector<PlotPoint> RocPoints(const std::vector<double>& scores,
                                 const std::vector<int>& labels) {
  const auto positives =
      static_cast<size_t>(std::count(labels.begin(), labels.end(), 1));
  const size_t negatives = labels.size() - positives;
  if (positives == 0 || negatives == 0) return {{0, 0}, {1, 1}};
  std::vector<size_t> order(scores.size());
  std::iota(order.begin(), order.end(), size_t{0});
  std::sort(order.begin(), order.end(),
            [&](size_t a, size_t b) { return scores[a] > scores[b]; });
  std::vector<PlotPoint> points = {{0, 0}};
  size_t tp = 0, fp = 0;
  for (size_t i = 0; i < order.size(); ++i) {
    (labels[order[i]] == 1 ? tp : fp) += 1;
    if (i + 1 < order.size() && scores[order[i + 1]] == scores[order[i]]) {
      continue;
    }
    points.push_back(
        {static_cast<double>(fp) / static_cast<double>(negatives),
         static_cast<double>(tp) / static_cast<double>(positives)});
  }
  return points;
}

void WriteRocSvg(const std::vector<PlotPoint>& roc, double auc,
                 std::ostream& out) {
  const std::string auc_text =
      std::isnan(auc) ? "AUC undefined" : "AUC " + FormatFixed(auc, 3);
  WriteFrame("ROC curve, " + auc_text, "false positive rate",
             "true positive rate", 1.0, out);
  WriteDiagonal(out);
  out << "<polyline class=\"curve\" points=\"" << Polyline(roc) << "\"/>\n"
      << "<text class=\"note\" x=\"" << X(0.96) << "\" y=\"" << Y(0.05)
      << "\" text-anchor=\"end\">" << auc_text << "</text>\n</svg>\n";
}

void WriteReliabilitySvg(const std::vector<ReliabilityBin>& bins,
                         std::ostream& out) {
  WriteFrame(
      "Reliability diagram: share labeled 1 against mean predicted "
      "probability, per bin",
      "mean predicted probability", "share labeled 1", 1.0, out);
  WriteDiagonal(out);
  std::vector<PlotPoint> points;
  for (const ReliabilityBin& b : bins) {
    if (b.n > 0) points.push_back({b.mean_predicted, b.observed});
  }
  out << "<polyline class=\"curve\" points=\"" << Polyline(points) << "\"/>\n";
  for (const ReliabilityBin& b : bins) {
    if (b.n == 0) continue;
    out << "<circle class=\"dot\" cx=\"" << X(b.mean_predicted) << "\" cy=\""
        << Y(b.observed) << "\" r=\"3\"><title>" << FormatFixed(b.low, 1)
        << "\u2013" << FormatFixed(b.high, 1) << ": " << b.n
        << " rows</title></circle><text class=\"count\" x=\""
        << X(b.mean_predicted) << "\" y=\""
        << FormatFixed(kTop + kSide * (1 - b.observed) - 6, 1)
        << "\" text-anchor=\"middle\">" << b.n << "</text>\n";
  }
  out << "</svg>\n";
}

void WriteHistogramSvg(const std::vector<double>& probabilities,
                       const std::vector<int>& labels, std::ostream& out) {
  std::array<std::array<size_t, kBins>, 2> counts{};
  std::array<size_t, 2> totals{};
  for (size_t i = 0; i < probabilities.size(); ++i) {
    const size_t c = labels[i] == 1 ? 1 : 0;
    ++counts[c][BinOf(probabilities[i])];
    ++totals[c];
  }
  double largest = 0;
  for (size_t c = 0; c < 2; ++c) {
    for (size_t b = 0; b < kBins; ++b) {
      if (totals[c] == 0) continue;
      largest = std::max(largest, static_cast<double>(counts[c][b]) /
                                      static_cast<double>(totals[c]));
    }
  }
  const double y_max = std::max(0.25, std::ceil(largest * 4 - 1e-9) / 4);
  WriteFrame("Histograms of predicted probability, rows labeled 0 and 1",
             "predicted probability", "share of the class's rows", y_max, out);
  for (size_t c = 0; c < 2; ++c) {
    for (size_t b = 0; b < kBins; ++b) {
      if (counts[c][b] == 0) continue;
      const double share =
          static_cast<double>(counts[c][b]) / static_cast<double>(totals[c]);
      const double height = kSide * share / y_max;
      out << "<rect class=\"c" << c << "\" x=\""
          << FormatFixed(kLeft + 20.0 * static_cast<double>(b) + 1 +
                             9.0 * static_cast<double>(c),
                         1)
          << "\" y=\"" << FormatFixed(kTop + kSide - height, 1)
          << "\" width=\"9\" height=\"" << FormatFixed(height, 1)
          << "\"><title>labeled " << c << ", "
          << FormatFixed(static_cast<double>(b) / 10, 1) << "\u2013"
          << FormatFixed(static_cast<double>(b + 1) / 10, 1) << ": "
          << counts[c][b] << " of " << totals[c] << " rows</title></rect>\n";
    }
  }
  out << "</svg>\n";
}

}  // namespace credence
