// Runs a contrast suite and writes its result (declared in contrast.h).
#include "engine/learn/contrast.h"

#include <algorithm>
#include <array>
#include <cmath>
#include <iterator>
#include <limits>
#include <ostream>
#include <string_view>
#include <utility>

#include "engine/report.h"

namespace credence {
namespace {

bool HasSlot(const ContrastFrame& frame, const ContrastBase& base,
             const std::string& slot) {
  const std::string tag = "{" + slot + "}";
  return frame.pattern.find(tag) != std::string::npos ||
         base.statement.find(tag) != std::string::npos;
}

// Whether no single slot swap moves the sentence's confidence by
// kInvarianceLimit or more; *has_slot tells whether it has any slot.
bool Invariant(const ContrastSuite& suite, const ContrastFrame& frame,
               const ContrastBase& base, double default_confidence,
               const ConfidenceFunction& confidence, bool* has_slot) {
  const std::map<std::string, std::string> defaults = DefaultSlotValues(suite);
  double low = default_confidence, high = default_confidence;
  *has_slot = false;
  for (const auto& [slot, values] : suite.slots) {
    if (!HasSlot(frame, base, slot)) continue;
    *has_slot = true;
    std::map<std::string, std::string> swapped = defaults;
    for (size_t v = 1; v < values.size(); ++v) {
      swapped[slot] = values[v];
      const double c = confidence(ExpandFrame(frame, base, swapped));
      low = std::min(low, c);
      high = std::max(high, c);
    }
  }
  return high - low < kInvarianceLimit;
}

void Count(bool passed, PassCount* count) {
  ++count->n;
  count->passed += passed;
}

double Shortfall(const ContrastFailure& f, const ContrastResult& r) {
  return r.expectations[f.expectation].expectation.margin -
         (f.higher - f.lower);
}

// Worst first, taking turns between expectations: the worst failure of
// each expectation, then the second worst of each, and so on.
void SortWorst(ContrastResult* r) {
  std::vector<ContrastFailure>& w = r->worst;
  std::stable_sort(w.begin(), w.end(),
                   [&](const ContrastFailure& a, const ContrastFailure& b) {
                     return Shortfall(a, *r) > Shortfall(b, *r);
                   });
  std::vector<size_t> seen(r->expectations.size(), 0);
  std::vector<std::pair<size_t, ContrastFailure>> ranked;
  for (const ContrastFailure& f : w)
    ranked.push_back({seen[f.expectation]++, f});
  std::stable_sort(
      ranked.begin(), ranked.end(),
      [](const auto& a, const auto& b) { return a.first < b.first; });
  for (size_t i = 0; i < w.size(); ++i) w[i] = ranked[i].second;
}

}  // namespace

double PassCount::Rate() const {
  return n == 0 ? std::numeric_limits<double>::quiet_NaN()
                : static_cast<double>(passed) / static_cast<double>(n);
}

ContrastResult RunContrast(const ContrastSuite& suite,
                           const ConfidenceFunction& confidence, size_t worst) {
  const std::map<std::string, std::string> defaults = DefaultSlotValues(suite);
  ContrastResult result;
  // sentence[b][f] and its confidence, with the default slot values.
  std::vector<std::vector<std::string>> sentence(suite.bases.size());
  std::vector<std::vector<double>> conf(suite.bases.size());
  for (size_t b = 0; b < suite.bases.size(); ++b) {
    const ContrastBase& base = suite.bases[b];
    const bool dev = base.split == "dev";
    for (const ContrastFrame& frame : suite.frames) {
      sentence[b].push_back(ExpandFrame(frame, base, defaults));
      conf[b].push_back(confidence(sentence[b].back()));
      bool has_slot = false;
      const bool invariant =
          Invariant(suite, frame, base, conf[b].back(), confidence, &has_slot);
      if (has_slot) {
        Count(invariant,
              dev ? &result.invariance_dev : &result.invariance_test);
      }
    }
  }
  // The worst dev failure of each (expectation, higher frame, lower frame).
  std::map<std::array<size_t, 3>, ContrastFailure> pair_worst;
  for (size_t e = 0; e < suite.expectations.size(); ++e) {
    const ContrastExpectation& x = suite.expectations[e];
    ExpectationResult er{x, {}, {}};
    for (size_t b = 0; b < suite.bases.size(); ++b) {
      const bool dev = suite.bases[b].split == "dev";
      for (size_t h = 0; h < suite.frames.size(); ++h) {
        if (suite.frames[h].cls != x.higher) continue;
        for (size_t l = 0; l < suite.frames.size(); ++l) {
          if (suite.frames[l].cls != x.lower) continue;
          const bool passed = conf[b][h] - conf[b][l] >= x.margin;
          Count(passed, dev ? &er.dev : &er.test);
          Count(passed, dev ? &result.dev : &result.test);
          if (passed || !dev) continue;
          const ContrastFailure f{e, sentence[b][h], sentence[b][l], conf[b][h],
                                  conf[b][l]};
          auto [it, added] = pair_worst.try_emplace({e, h, l}, f);
          if (!added &&
              f.lower - f.higher > it->second.lower - it->second.higher) {
            it->second = f;
          }
        }
      }
    }
    result.expectations.push_back(er);
  }
  for (const auto& [key, failure] : pair_worst) {
    result.worst.push_back(failure);
  }
  SortWorst(&result);
  if (result.worst.size() > worst) result.worst.resize(worst);
  return result;
}

ContrastResult RunContrast(const ContrastSuite& suite, const Scorer& scorer,
                           size_t worst) {
  return RunContrast(
      suite,
      [&scorer](const std::string& s) {
        return scorer.ScoreClaim(s, Span{0, s.size()}).confidence;
      },
      worst);
}

namespace {

std::string Rate(const PassCount& c) {
  const double r = c.Rate();
  return std::to_string(c.passed) + "/" + std::to_string(c.n) + " (" +
         (std::isnan(r) ? "-" : FormatFixed(100 * r, 1) + "%") + ")";
}

void PassJson(const PassCount& c, std::ostream& out) {
  const double r = c.Rate();
  out << "{\"n\":" << c.n << ",\"passed\":" << c.passed
      << ",\"rate\":" << (std::isnan(r) ? "null" : FormatFixed(r, 4)) << "}";
}

}  // namespace

void WriteContrastText(const ContrastResult& r, std::ostream& out) {
  const ClassicLocale classic(out);
  out << "contrast: expectation (higher > lower by margin): dev, test\n";
  for (const ExpectationResult& e : r.expectations) {
    out << "  " << e.expectation.higher << " > " << e.expectation.lower
        << " by " << FormatFixed(e.expectation.margin, 2) << ": " << Rate(e.dev)
        << ", " << Rate(e.test) << "\n";
  }
  out << "  all expectations: " << Rate(r.dev) << ", " << Rate(r.test) << "\n"
      << "invariance (a slot swap moves confidence < "
      << FormatFixed(kInvarianceLimit, 2) << "): " << Rate(r.invariance_dev)
      << ", " << Rate(r.invariance_test) << "\n";
  if (r.worst.empty()) return;
  out << "worst dev failures (confidence of higher, of lower):\n";
  for (const ContrastFailure& f : r.worst) {
    const ContrastExpectation& x = r.expectations[f.expectation].expectation;
    out << "  " << x.higher << " > " << x.lower << ": "
        << FormatFixed(f.higher, 3) << " " << f.higher_sentence << "\n    "
        << FormatFixed(f.lower, 3) << " " << f.lower_sentence << "\n";
  }
}

void WriteContrastJson(const ContrastResult& r, std::ostream& out) {
  const ClassicLocale classic(out);
  out << "{\"schema_version\":" << kJsonSchemaVersion << ",\"expectations\":[";
  for (size_t i = 0; i < r.expectations.size(); ++i) {
    const ExpectationResult& e = r.expectations[i];
    out << (i ? "," : "") << "{\"higher\":";
    WriteJsonString(e.expectation.higher, out);
    out << ",\"lower\":";
    WriteJsonString(e.expectation.lower, out);
    out << ",\"margin\":" << FormatFixed(e.expectation.margin, 4)
        << ",\"dev\":";
    PassJson(e.dev, out);
    out << ",\"test\":";
    PassJson(e.test, out);
    out << "}";
  }
  out << "]";
  const std::pair<const char*, const PassCount*> totals[] = {
      {"dev", &r.dev},
      {"test", &r.test},
      {"invariance_dev", &r.invariance_dev},
      {"invariance_test", &r.invariance_test},
  };
  for (const auto& [key, total] : totals) {
    out << ",\"" << key << "\":";
    PassJson(*total, out);
  }
  out << ",\"worst\":[";
  for (size_t i = 0; i < r.worst.size(); ++i) {
    const ContrastFailure& f = r.worst[i];
    const ContrastExpectation& x = r.expectations[f.expectation].expectation;
    const std::pair<const char*, std::string_view> texts[] = {
        {"higher_class", x.higher},
        {"lower_class", x.lower},
        {"higher_sentence", f.higher_sentence},
        {"lower_sentence", f.lower_sentence},
    };
    out << (i ? "," : "") << "{";
    for (size_t k = 0; k < std::size(texts); ++k) {
      out << (k ? ",\"" : "\"") << texts[k].first << "\":";
      WriteJsonString(texts[k].second, out);
    }
    out << ",\"higher\":" << FormatFixed(f.higher, 4)
        << ",\"lower\":" << FormatFixed(f.lower, 4) << "}";
  }
  out << "]}\n";
}

}  // namespace credence
