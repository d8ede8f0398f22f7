// How often each cue (a lexicon entry or built-in rule, within the category
// it fired in) marks labeled rows of each class: which cues agree with a
// dataset's labels and which point the other way. `credence eval --cues`.
//
//   credence::CueTally tally;
//   credence::LoadLabeled("data.csv", scorer, options, &data, &tally);
//   for (const credence::CueRow& r : tally.Rows()) ...  // most rows first
//
// A cue counts once a row however often it fires there (an article row:
// in any of its claims).
#ifndef CREDENCE_ENGINE_LEARN_CUE_TALLY_H_
#define CREDENCE_ENGINE_LEARN_CUE_TALLY_H_

#include <cstddef>
#include <map>
#include <utility>
#include <vector>

#include "features/extractor.h"

namespace credence {

struct CueRow {
  size_t category = 0;                  // index into CategoryNames()
  const LexiconEntry* entry = nullptr;  // its phrase and source
  size_t rows[2] = {0, 0};              // rows labeled 0, 1 it fires in
  // log of the odds ratio of firing in a row labeled 1 against a row
  // labeled 0, each of the four counts plus 0.5 (Haldane); > 0: the cue
  // marks credible rows in this data. Its standard error is
  // sqrt(1/a + 1/b + 1/c + 1/d) over the same counts.
  double log_odds_ratio = 0.0;
  double se = 0.0;
};

class CueTally {
 public:
  // One row's cues (any order, repeats allowed) and its label (0 or 1).
  void AddRow(const std::vector<Cue>& cues, int label);
  size_t rows(int label) const { return rows_[label]; }
  // Every cue seen, by rows fired in (most first), then category, then
  // phrase.
  std::vector<CueRow> Rows() const;

 private:
  using Key = std::pair<size_t, const LexiconEntry*>;
  std::map<Key, CueRow> counts_;
  size_t rows_[2] = {0, 0};
  std::vector<Key> seen_;  // scratch: the current row's keys
};

}  // namespace credence

#endif  // CREDENCE_ENGINE_LEARN_CUE_TALLY_H_
