// Turns the cues the extractor found, listed per category, into a claim's
// final cue list.
//
// Call order: collect cues into one list per category (in any order),
// noting in a bit mask which lists got any, then MergeCues once; the lists
// are left sorted by begin.
//
//   std::vector<Cue> by_category[kCategoryCount];  // cues of category c
//   uint32_t used = 0;  // bit c set when a cue joins list c
//   MergeCues(by_category, used, &evidence.cues);
//
// Same-category cues that overlap become one: it spans them all and takes
// the strongest entry (on a tie in strength, the longer of two cues that
// begin together). The result is ordered by begin, then category.
#ifndef CREDENCE_FEATURES_CUE_MERGE_H_
#define CREDENCE_FEATURES_CUE_MERGE_H_

#include <cstdint>
#include <vector>

#include "features/extractor.h"

namespace credence {

// by_category[c] holds the cues of category c; bit c of `lists` is set for
// every list that may hold any (the others must be empty and are not looked
// at). *out is overwritten (its memory reused).
void MergeCues(std::vector<Cue>* by_category, uint32_t lists,
               std::vector<Cue>* out);

}  // namespace credence

#endif  // CREDENCE_FEATURES_CUE_MERGE_H_
