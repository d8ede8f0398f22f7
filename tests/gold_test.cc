// The gold sets (fixtures/gold/*.tsv): sentences in news style, each
// annotated with the cue categories present and its backing. Prints
// precision and recall per category and backing accuracy; holds every
// category of the development set to precision >= 0.9 and recall >= 0.85.
//
// CREDENCE_GOLD_VERBOSE=1 also prints every disagreement.
#include <gtest/gtest.h>

#include <cstdio>
#include <cstdlib>
#include <fstream>
#include <map>
#include <set>
#include <sstream>
#include <string>
#include <vector>

#include "engine/builtin_data.h"
#include "engine/scorer.h"
#include "features/lexicon_ids.h"

namespace credence {
namespace {

struct GoldLine {
  int line = 0;
  std::string group, text, backing;
  std::set<std::string> categories;
};

std::vector<std::string> SplitTabs(const std::string& s) {
  std::vector<std::string> fields;
  std::stringstream in(s);
  std::string f;
  while (std::getline(in, f, '\t')) fields.push_back(f);
  return fields;
}

std::vector<GoldLine> ReadGold(const std::string& path) {
  std::ifstream in(path);
  std::vector<GoldLine> gold;
  std::string line;
  int n = 0;
  while (std::getline(in, line)) {
    ++n;
    if (n == 1 || line.empty() || line[0] == '#') continue;
    const std::vector<std::string> f = SplitTabs(line);
    if (f.size() != 4) {
      ADD_FAILURE() << path << ":" << n << ": expected 4 fields";
      continue;
    }
    GoldLine g{n, f[0], f[1], f[3], {}};
    std::stringstream cats(f[2]);
    std::string c;
    while (std::getline(cats, c, ',')) {
      if (c != "-") g.categories.insert(c);
    }
    gold.push_back(g);
  }
  return gold;
}

struct Counts {
  int tp = 0, fp = 0, fn = 0;
  double Precision() const { return tp + fp == 0 ? 1.0 : tp / double(tp + fp); }
  double Recall() const { return tp + fn == 0 ? 1.0 : tp / double(tp + fn); }
};

// The gold sets annotate the sourcing categories; the style categories
// (weasel, peacock, clickbait, ...) are not in them, so they are neither
// scored nor counted.
const std::vector<std::string>& AnnotatedCategories() {
  static const std::vector<std::string> names = [] {
    std::vector<std::string> sourcing;
    for (size_t c = 0; c < kCategoryCount; ++c) {
      if (LexiconGroupOf(c) == LexiconGroup::kSourcing) {
        sourcing.push_back(Extractor::CategoryNames()[c]);
      }
    }
    return sourcing;
  }();
  return names;
}

// Scores every group of `path` and prints the table; returns the counts.
std::map<std::string, Counts> Evaluate(const std::string& path) {
  const std::vector<GoldLine> gold = ReadGold(path);
  EXPECT_GE(gold.size(), 150u);
  const Scorer scorer(Extractor(DefaultLexicons()), DefaultModel());
  const std::vector<std::string>& names = AnnotatedCategories();
  const bool verbose = std::getenv("CREDENCE_GOLD_VERBOSE") != nullptr;
  std::map<std::string, Counts> counts;
  int backing_right = 0;
  for (size_t g = 0; g < gold.size();) {
    // One group: its sentences as consecutive claims of one text.
    size_t e = g;
    std::string text;
    std::vector<Span> spans;
    while (e < gold.size() && gold[e].group == gold[g].group) {
      if (!text.empty()) text += "\n";
      spans.push_back({text.size(), text.size() + gold[e].text.size()});
      text += gold[e].text;
      ++e;
    }
    const ArticleScore scored = scorer.ScoreClaims(text, spans);
    for (size_t k = 0; k < spans.size(); ++k) {
      const GoldLine& want = gold[g + k];
      const ClaimEvidence& got = scored.claims[k].evidence;
      std::set<std::string> found;
      for (const Cue& c : got.cues) {
        if (c.category < names.size()) found.insert(names[c.category]);
      }
      for (const std::string& name : names) {
        const bool w = want.categories.count(name) > 0;
        const bool f = found.count(name) > 0;
        Counts& c = counts[name];
        c.tp += w && f;
        c.fp += !w && f;
        c.fn += w && !f;
        if (verbose && w != f) {
          std::printf("%s %-22s line %d: %s\n", f ? "FP" : "FN", name.c_str(),
                      want.line, want.text.c_str());
        }
      }
      const std::string backing = BackingName(got.backing);
      backing_right += backing == want.backing;
      if (verbose && backing != want.backing) {
        std::printf("BACKING %s (want %s) line %d: %s\n", backing.c_str(),
                    want.backing.c_str(), want.line, want.text.c_str());
      }
    }
    g = e;
  }
  std::printf("%s\n%-22s %9s %9s %5s %5s %5s\n", path.c_str(), "category",
              "precision", "recall", "tp", "fp", "fn");
  Counts all;
  for (const std::string& name : names) {
    const Counts& c = counts[name];
    all.tp += c.tp;
    all.fp += c.fp;
    all.fn += c.fn;
    std::printf("%-22s %9.3f %9.3f %5d %5d %5d\n", name.c_str(), c.Precision(),
                c.Recall(), c.tp, c.fp, c.fn);
  }
  std::printf("%-22s %9.3f %9.3f %5d %5d %5d\n", "(all categories)",
              all.Precision(), all.Recall(), all.tp, all.fp, all.fn);
  std::printf("backing accuracy %.3f (%d of %zu sentences)\n",
              backing_right / double(gold.size()), backing_right, gold.size());
  counts["(all)"] = all;
  return counts;
}

// The development set: the rules were read against it.
TEST(GoldTest, DevelopmentSetPrecisionAndRecall) {
  std::map<std::string, Counts> counts =
      Evaluate(CREDENCE_FIXTURES "/gold/cues.tsv");
  for (const std::string& name : AnnotatedCategories()) {
    SCOPED_TRACE(name);
    EXPECT_GE(counts[name].Precision(), 0.9);
    EXPECT_GE(counts[name].Recall(), 0.85);
  }
}

// A second set by another annotator, never used to change a rule: its
// figures estimate how unseen sentences are read. Only a floor is held,
// so that a change that breaks reading shows.
TEST(GoldTest, HoldoutSetEstimate) {
  std::map<std::string, Counts> counts =
      Evaluate(CREDENCE_FIXTURES "/gold/holdout.tsv");
  EXPECT_GE(counts["(all)"].Precision(), 0.8);
  EXPECT_GE(counts["(all)"].Recall(), 0.75);
}

}  // namespace
}  // namespace credence
