// The cue tally: in how many rows of each class every cue fires, and the
// log odds ratio that says which class it marks.
#include "engine/learn/cue_tally.h"

#include <algorithm>
#include <cmath>
#include <tuple>

namespace credence {

void CueTally::AddRow(const std::vector<Cue>& cues, int label) {
  seen_.clear();
  for (const Cue& cue : cues) seen_.emplace_back(cue.category, cue.entry);
  std::sort(seen_.begin(), seen_.end());
  seen_.erase(std::unique(seen_.begin(), seen_.end()), seen_.end());
  for (const Key& key : seen_) {
    CueRow& row = counts_[key];
    row.category = key.first;
    row.entry = key.second;
    ++row.rows[label];
  }
  ++rows_[label];
}

std::vector<CueRow> CueTally::Rows() const {
  std::vector<CueRow> out;
  for (const auto& [key, counted] : counts_) {
    CueRow row = counted;
    const double a = static_cast<double>(row.rows[1]) + 0.5;  // 1, fires
    const double b = static_cast<double>(rows_[1] - row.rows[1]) + 0.5;
    const double c = static_cast<double>(row.rows[0]) + 0.5;  // 0, fires
    const double d = static_cast<double>(rows_[0] - row.rows[0]) + 0.5;
    row.log_odds_ratio = std::log((a * d) / (b * c));
    row.se = std::sqrt(1 / a + 1 / b + 1 / c + 1 / d);
    out.push_back(row);
  }
  std::sort(out.begin(), out.end(), [](const CueRow& x, const CueRow& y) {
    const size_t nx = x.rows[0] + x.rows[1], ny = y.rows[0] + y.rows[1];
    return std::tie(ny, x.category, x.entry->phrase, x.entry->source) <
           std::tie(nx, y.category, y.entry->phrase, y.entry->source);
  });
  return out;
}

}  // namespace credence
