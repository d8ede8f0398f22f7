// Claim-level judgment against a hand-annotated gold file (credence-gold 1):
// cue precision and recall per category, backing accuracy with its
// confusion table, and the article-score AUC between two groups.
//
// Call order: ReadGoldFile() (validates the file, reads and checks every
// article), then EvaluateGold() with a scorer, then a writer.
//
//   credence::GoldSet gold = credence::ReadGoldFile("gold.tsv", "");
//   credence::GoldResult r = credence::EvaluateGold(gold, scorer, "dev");
//   credence::WriteGoldText(r, std::cout);
//
// Match rule: a system cue and a gold cue match when they have the same
// category and their spans overlap by at least one code point. Precision:
// system cues that match some gold cue / system cues; recall: gold cues
// matched by some system cue / gold cues. Each gold claim is compared with
// the system claim that overlaps it most (ties: the earlier); a gold claim
// that no system claim overlaps counts as system backing none. Speaker: a
// gold claim with a speaker whose system claim has a speaker span is
// compared; right when the two spans overlap by at least one code point
// (a carried speaker's span lies in an earlier claim, in both).
#ifndef CREDENCE_ENGINE_LEARN_GOLD_EVAL_H_
#define CREDENCE_ENGINE_LEARN_GOLD_EVAL_H_

#include <array>
#include <cstddef>
#include <iosfwd>
#include <optional>
#include <string>
#include <vector>

#include "engine/scorer.h"

namespace credence {

// Offsets below are code points into the article's text, [start, end).
struct GoldClaim {
  size_t start = 0, end = 0;
  Backing backing = Backing::kNone;
  bool carried = false;
  bool has_speaker = false;
  size_t speaker_start = 0, speaker_end = 0;
  std::string speaker_text;
};

struct GoldCue {
  size_t start = 0, end = 0;
  std::string category;
};

struct GoldArticle {
  std::string path;   // as the gold file gives it, relative to the root
  std::string split;  // "dev" or "test"
  std::string group;
  std::string text;  // the file's bytes
  std::vector<GoldClaim> claims;
  std::vector<GoldCue> cues;
};

struct GoldSet {
  std::string path;                     // the gold file, for messages
  std::vector<std::string> categories;  // as the categories line lists them
  std::vector<GoldArticle> articles;
};

// Parses `gold_path` and reads each article from `root` (empty: the gold
// file's folder). Throws std::runtime_error "GOLD:LINE: problem (hint)"
// for a malformed line, a missing article (naming its path), a changed
// article (sha256) or span text that differs from the article.
GoldSet ReadGoldFile(const std::string& gold_path, const std::string& root);

// What the system said about one article, offsets in code points.
struct SystemClaim {
  size_t start = 0, end = 0;
  Backing backing = Backing::kNone;
  bool has_speaker = false;  // the words that gave the backing are known
  size_t speaker_start = 0, speaker_end = 0;
};
struct SystemCue {
  size_t start = 0, end = 0;
  std::string category;
};
struct SystemArticle {
  std::vector<SystemClaim> claims;
  std::vector<SystemCue> cues;
  double score = 0.0;
};

// The scorer's reading of `text` in the form above.
SystemArticle ReadSystem(std::string_view text, const Scorer& scorer);

struct CueCounts {
  size_t system = 0, gold = 0;
  size_t system_matched = 0;  // system cues that match some gold cue
  size_t gold_matched = 0;    // gold cues some system cue matches
  double Precision() const;   // NaN without system cues
  double Recall() const;      // NaN without gold cues
  double F1() const;          // NaN unless both are defined
  void Add(const CueCounts& o);
};

struct AccuracyCount {
  size_t n = 0, correct = 0;
  double Rate() const;  // NaN when n == 0
};

struct GoldResult {
  std::string split;  // "dev", "test" or "all"
  size_t articles = 0;
  std::vector<std::string> categories;
  std::vector<CueCounts> cues;  // one a category, in `categories` order
  CueCounts micro_all;          // over the annotated categories
  CueCounts micro_sourcing;     // over the annotated sourcing categories
  AccuracyCount backing, backing_sourced, backing_unsourced;
  // confusion[gold][system], backings in Backing order.
  std::array<std::array<size_t, kBackingCount>, kBackingCount> confusion{};
  // Gold claims with a speaker, and of those the ones whose system claim
  // has a speaker span: correct when the spans overlap.
  size_t speaker_gold = 0;
  AccuracyCount speaker;
  std::vector<std::string> groups;  // distinct groups, first seen first
  std::optional<double> auc;        // two groups, one "reputable"
  size_t auc_positive = 0, auc_negative = 0;
};

// The sourcing categories micro_sourcing sums over.
const std::vector<std::string>& SourcingCategories();

// Adds one article's comparison to *result (cues, backing, confusion,
// speaker).
void CompareArticle(const GoldArticle& gold, const SystemArticle& system,
                    GoldResult* result);

// Scores every article of `split` ("dev", "test" or "all"); throws
// std::invalid_argument for another split, std::runtime_error "GOLD: no
// article ..." when no article is in it.
GoldResult EvaluateGold(const GoldSet& gold, const Scorer& scorer,
                        const std::string& split);

// The result for a person, and as one JSON object and a newline (keys in
// `credence eval --help`).
void WriteGoldText(const GoldResult& result, std::ostream& out);
void WriteGoldJson(const GoldResult& result, std::ostream& out);

}  // namespace credence

#endif  // CREDENCE_ENGINE_LEARN_GOLD_EVAL_H_
