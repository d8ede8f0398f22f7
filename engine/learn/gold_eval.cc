// Scoring against hand-annotated gold articles (gold_eval.h).
#include "engine/learn/gold_eval.h"

#include <algorithm>
#include <cmath>
#include <iomanip>
#include <limits>
#include <ostream>
#include <stdexcept>

#include "engine/report.h"
#include "features/utf8.h"
#include "models/metrics.h"

namespace credence {
namespace {

constexpr double kNaN = std::numeric_limits<double>::quiet_NaN();

double Ratio(size_t part, size_t whole) {
  return whole == 0 ? kNaN
                    : static_cast<double>(part) / static_cast<double>(whole);
}

// The code point offset of every byte offset of `text` (and of its end).
std::vector<size_t> CodePointOfByte(std::string_view text) {
  std::vector<size_t> cp(text.size() + 1, 0);
  size_t count = 0, length = 1;
  for (size_t i = 0; i < text.size(); i += length) {
    DecodeUtf8(text, i, &length);
    for (size_t j = i; j < i + length && j < text.size(); ++j) cp[j] = count;
    ++count;
  }
  cp[text.size()] = count;
  return cp;
}

size_t Overlap(size_t a_start, size_t a_end, size_t b_start, size_t b_end) {
  const size_t start = std::max(a_start, b_start);
  const size_t end = std::min(a_end, b_end);
  return end > start ? end - start : 0;
}

// How many cues of `from` (of `category`) overlap some cue of `to` of it.
template <typename From, typename To>
size_t CountMatched(const std::vector<From>& from, const std::vector<To>& to,
                    const std::string& category, size_t* total) {
  size_t matched = 0;
  for (const From& f : from) {
    if (f.category != category) continue;
    ++*total;
    for (const To& t : to) {
      if (t.category == category && Overlap(f.start, f.end, t.start, t.end)) {
        ++matched;
        break;
      }
    }
  }
  return matched;
}

// The system claim that overlaps [start, end) most (ties: the earlier);
// null when no claim overlaps it.
const SystemClaim* BestClaim(const SystemArticle& system, size_t start,
                             size_t end) {
  size_t best = 0;
  const SystemClaim* claim = nullptr;
  for (const SystemClaim& c : system.claims) {
    const size_t overlap = Overlap(start, end, c.start, c.end);
    if (overlap > best) {
      best = overlap;
      claim = &c;
    }
  }
  return claim;
}

void CompareBacking(const GoldClaim& gold, Backing got, GoldResult* result) {
  const bool right = got == gold.backing;
  ++result->confusion[static_cast<size_t>(gold.backing)]
                     [static_cast<size_t>(got)];
  AccuracyCount& part = gold.backing == Backing::kNone
                            ? result->backing_unsourced
                            : result->backing_sourced;
  for (AccuracyCount* c : {&result->backing, &part}) {
    ++c->n;
    c->correct += right;
  }
}

// Counts a gold claim with a speaker; compares it when the system claim
// names one too.
void CompareSpeaker(const GoldClaim& gold, const SystemClaim* system,
                    GoldResult* result) {
  if (!gold.has_speaker) return;
  ++result->speaker_gold;
  if (system == nullptr || !system->has_speaker) return;
  ++result->speaker.n;
  result->speaker.correct +=
      Overlap(gold.speaker_start, gold.speaker_end, system->speaker_start,
              system->speaker_end) > 0;
}

bool IsSourcing(const std::string& category) {
  const std::vector<std::string>& s = SourcingCategories();
  return std::find(s.begin(), s.end(), category) != s.end();
}

}  // namespace

double CueCounts::Precision() const { return Ratio(system_matched, system); }
double CueCounts::Recall() const { return Ratio(gold_matched, gold); }
double CueCounts::F1() const {
  const double p = Precision(), r = Recall();
  if (std::isnan(p) || std::isnan(r)) return kNaN;
  return p + r == 0 ? 0.0 : 2 * p * r / (p + r);
}
void CueCounts::Add(const CueCounts& o) {
  system += o.system;
  gold += o.gold;
  system_matched += o.system_matched;
  gold_matched += o.gold_matched;
}

double AccuracyCount::Rate() const { return Ratio(correct, n); }

const std::vector<std::string>& SourcingCategories() {
  static const std::vector<std::string> names = {
      "anonymous_source", "vague_attribution",
      "named_source",     "official_confirmation",
      "denial",           "media_report",
      "unverified_social"};
  return names;
}

SystemArticle ReadSystem(std::string_view text, const Scorer& scorer) {
  const ArticleScore score = scorer.ScoreArticle(text);
  const std::vector<size_t> cp = CodePointOfByte(text);
  const std::vector<std::string>& names = Extractor::CategoryNames();
  SystemArticle system;
  system.score = score.score;
  for (const ScoredClaim& claim : score.claims) {
    const SpeakerSpan& speaker = claim.evidence.backer;
    system.claims.push_back(
        {cp[claim.span.begin], cp[claim.span.end], claim.evidence.backing,
         speaker.begin != speaker.end, cp[speaker.begin], cp[speaker.end]});
    for (const Cue& cue : claim.evidence.cues) {
      system.cues.push_back(
          {cp[cue.begin], cp[cue.end], names.at(cue.category)});
    }
  }
  return system;
}

void CompareArticle(const GoldArticle& gold, const SystemArticle& system,
                    GoldResult* result) {
  result->cues.resize(result->categories.size());
  for (size_t k = 0; k < result->categories.size(); ++k) {
    const std::string& category = result->categories[k];
    CueCounts counts;
    counts.system_matched =
        CountMatched(system.cues, gold.cues, category, &counts.system);
    counts.gold_matched =
        CountMatched(gold.cues, system.cues, category, &counts.gold);
    result->cues[k].Add(counts);
    result->micro_all.Add(counts);
    if (IsSourcing(category)) result->micro_sourcing.Add(counts);
  }
  for (const GoldClaim& claim : gold.claims) {
    const SystemClaim* best = BestClaim(system, claim.start, claim.end);
    CompareBacking(claim, best ? best->backing : Backing::kNone, result);
    CompareSpeaker(claim, best, result);
  }
  ++result->articles;
}

GoldResult EvaluateGold(const GoldSet& gold, const Scorer& scorer,
                        const std::string& split) {
  if (split != "dev" && split != "test" && split != "all") {
    throw std::invalid_argument("split " + split + " is not dev, test or all");
  }
  GoldResult result;
  result.split = split;
  result.categories = gold.categories;
  std::vector<double> scores;
  std::vector<std::string> groups;
  for (const GoldArticle& article : gold.articles) {
    if (split != "all" && article.split != split) continue;
    const SystemArticle system = ReadSystem(article.text, scorer);
    CompareArticle(article, system, &result);
    scores.push_back(system.score);
    groups.push_back(article.group);
    if (std::count(result.groups.begin(), result.groups.end(), article.group) ==
        0) {
      result.groups.push_back(article.group);
    }
  }
  if (result.articles == 0) {
    throw std::runtime_error(gold.path + ": no article in split " + split +
                             " (--gold-split dev|test|all)");
  }
  if (result.groups.size() == 2 &&
      std::count(groups.begin(), groups.end(), "reputable") > 0) {
    std::vector<int> labels;
    for (const std::string& g : groups) labels.push_back(g == "reputable");
    result.auc = Auc(scores, labels);
    result.auc_positive =
        static_cast<size_t>(std::count(labels.begin(), labels.end(), 1));
    result.auc_negative = labels.size() - result.auc_positive;
  }
  return result;
}

namespace {

std::string Text(double x) { return std::isnan(x) ? "-" : FormatFixed(x, 3); }
std::string Json(double x) {
  return std::isnan(x) ? "null" : FormatFixed(x, 4);
}

void CueRow(const std::string& name, const CueCounts& c, std::ostream& out) {
  out << std::left << std::setw(22) << name << std::right << std::setw(7)
      << c.system << std::setw(7) << c.gold << std::setw(11) << c.system_matched
      << std::setw(11) << c.gold_matched << std::setw(10) << Text(c.Precision())
      << std::setw(8) << Text(c.Recall()) << std::setw(8) << Text(c.F1())
      << "\n";
}

void AccuracyLine(const std::string& what, const AccuracyCount& a,
                  std::ostream& out) {
  out << "  " << what << ": " << a.correct << " of " << a.n << " right ("
      << Text(a.Rate()) << ")\n";
}

void CueJson(const CueCounts& c, std::ostream& out) {
  out << "\"system\":" << c.system << ",\"gold\":" << c.gold
      << ",\"system_matched\":" << c.system_matched
      << ",\"gold_matched\":" << c.gold_matched
      << ",\"precision\":" << Json(c.Precision())
      << ",\"recall\":" << Json(c.Recall()) << ",\"f1\":" << Json(c.F1());
}

void AccuracyJson(const AccuracyCount& a, std::ostream& out) {
  out << "{\"claims\":" << a.n << ",\"correct\":" << a.correct
      << ",\"accuracy\":" << Json(a.Rate()) << "}";
}

}  // namespace

void WriteGoldText(const GoldResult& r, std::ostream& out) {
  const ClassicLocale classic(out);
  out << "gold: " << r.articles << " articles, split " << r.split << "\n\n"
      << "cues (a match: the same category and spans that overlap by at "
         "least one code point)\n"
      << std::left << std::setw(22) << "category" << std::right << std::setw(7)
      << "system" << std::setw(7) << "gold" << std::setw(11) << "sys_match"
      << std::setw(11) << "gold_match" << std::setw(10) << "precision"
      << std::setw(8) << "recall" << std::setw(8) << "f1"
      << "\n";
  for (size_t k = 0; k < r.categories.size(); ++k) {
    CueRow(r.categories[k], r.cues[k], out);
  }
  CueRow("(all annotated)", r.micro_all, out);
  CueRow("(sourcing)", r.micro_sourcing, out);
  out << "\nbacking (each gold claim against the system claim overlapping it "
         "most)\n";
  AccuracyLine("all claims", r.backing, out);
  AccuracyLine("claims with a source", r.backing_sourced, out);
  AccuracyLine("claims with none", r.backing_unsourced, out);
  out << "  confusion, rows gold, columns system:\n  " << std::setw(12) << "";
  for (size_t s = 0; s < kBackingCount; ++s) {
    out << std::setw(12) << BackingName(static_cast<Backing>(s));
  }
  for (size_t g = 0; g < kBackingCount; ++g) {
    out << "\n  " << std::setw(12) << BackingName(static_cast<Backing>(g));
    for (size_t s = 0; s < kBackingCount; ++s) {
      out << std::setw(12) << r.confusion[g][s];
    }
  }
  out << "\n\nspeaker (gold claims with a speaker whose system claim has "
         "one; right when the\nspans overlap by at least one code point)\n";
  AccuracyLine("compared", r.speaker, out);
  out << "  gold claims with a speaker: " << r.speaker_gold << " ("
      << r.speaker_gold - r.speaker.n << " without a system speaker)\n";
  if (r.auc) {
    out << "article score AUC, reputable positive: " << Text(*r.auc) << " (n "
        << r.auc_positive << " reputable, " << r.auc_negative << " other)\n";
  } else {
    out << "article score AUC: - (needs two groups, one of them reputable)\n";
  }
}

void WriteGoldJson(const GoldResult& r, std::ostream& out) {
  const ClassicLocale classic(out);
  out << "{\"schema_version\":" << kJsonSchemaVersion << ",\"split\":";
  WriteJsonString(r.split, out);
  out << ",\"articles\":" << r.articles << ",\"categories\":[";
  for (size_t k = 0; k < r.categories.size(); ++k) {
    out << (k ? "," : "") << "{\"category\":";
    WriteJsonString(r.categories[k], out);
    out << ",";
    CueJson(r.cues[k], out);
    out << "}";
  }
  out << "],\"micro_all\":{";
  CueJson(r.micro_all, out);
  out << "},\"micro_sourcing\":{";
  CueJson(r.micro_sourcing, out);
  out << "},\"backing\":";
  AccuracyJson(r.backing, out);
  out << ",\"backing_sourced\":";
  AccuracyJson(r.backing_sourced, out);
  out << ",\"backing_unsourced\":";
  AccuracyJson(r.backing_unsourced, out);
  out << ",\"confusion\":{\"labels\":[";
  for (size_t b = 0; b < kBackingCount; ++b) {
    out << (b ? "," : "") << "\"" << BackingName(static_cast<Backing>(b))
        << "\"";
  }
  out << "],\"rows\":[";
  for (size_t g = 0; g < kBackingCount; ++g) {
    out << (g ? "," : "") << "[";
    for (size_t s = 0; s < kBackingCount; ++s) {
      out << (s ? "," : "") << r.confusion[g][s];
    }
    out << "]";
  }
  out << "]},\"speaker\":{\"gold\":" << r.speaker_gold
      << ",\"claims\":" << r.speaker.n << ",\"correct\":" << r.speaker.correct
      << ",\"accuracy\":" << Json(r.speaker.Rate()) << "},\"groups\":[";
  for (size_t g = 0; g < r.groups.size(); ++g) {
    out << (g ? "," : "");
    WriteJsonString(r.groups[g], out);
  }
  out << "],\"auc\":" << (r.auc ? Json(*r.auc) : "null")
      << ",\"auc_positive\":" << r.auc_positive
      << ",\"auc_negative\":" << r.auc_negative << "}\n";
}

}  // namespace credence
