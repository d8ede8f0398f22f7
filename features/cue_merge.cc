// Merging the per-category cue lists into a claim's ordered cue list
// (cue_merge.h).
#include "features/cue_merge.h"

#include <algorithm>

namespace credence {
namespace {

// Sorts by begin, keeping the order of equal begins. Claims have few cues,
// already in order or nearly: an insertion sort does that without the
// buffer std::stable_sort allocates.
void SortByBegin(std::vector<Cue>* cues) {
  if (cues->size() > 32) {
    std::stable_sort(
        cues->begin(), cues->end(),
        [](const Cue& a, const Cue& b) { return a.begin < b.begin; });
    return;
  }
  for (size_t i = 1; i < cues->size(); ++i) {
    const Cue cue = (*cues)[i];
    size_t j = i;
    for (; j > 0 && (*cues)[j - 1].begin > cue.begin; --j) {
      (*cues)[j] = (*cues)[j - 1];
    }
    (*cues)[j] = cue;
  }
}

// Merges the cues of one category, sorted by begin first, onto *out.
void MergeList(std::vector<Cue>* list, std::vector<Cue>* out) {
  SortByBegin(list);
  const size_t start = out->size();
  for (const Cue& cue : *list) {
    Cue* open = out->size() > start ? &out->back() : nullptr;
    if (open == nullptr || cue.begin >= open->end) {
      out->push_back(cue);
      continue;
    }
    if (cue.strength > open->strength ||
        (cue.strength == open->strength && cue.begin == open->begin &&
         cue.end > open->end)) {
      open->strength = cue.strength;
      open->entry = cue.entry;
    }
    open->end = std::max(open->end, cue.end);
  }
}

// Merged cues of one category never overlap, so (begin, category) is
// unique and this order is total: any sort gives the same result, and
// the few cues of a claim take an insertion sort, done in place.
void SortMerged(std::vector<Cue>* out) {
  const auto before = [](const Cue& a, const Cue& b) {
    if (a.begin != b.begin) return a.begin < b.begin;
    if (a.category != b.category) return a.category < b.category;
    return a.end < b.end;
  };
  if (out->size() > 32) {
    std::sort(out->begin(), out->end(), before);
    return;
  }
  for (size_t i = 1; i < out->size(); ++i) {
    if (!before((*out)[i], (*out)[i - 1])) continue;  // already in place
    const Cue cue = (*out)[i];
    size_t j = i;
    for (; j > 0 && before(cue, (*out)[j - 1]); --j) (*out)[j] = (*out)[j - 1];
    (*out)[j] = cue;
  }
}

}  // namespace

void MergeCues(std::vector<Cue>* by_category, uint32_t lists,
               std::vector<Cue>* out) {
  out->clear();
  for (; lists != 0; lists &= lists - 1) {
    const auto c = static_cast<size_t>(__builtin_ctz(lists));
    if (!by_category[c].empty()) MergeList(&by_category[c], out);
  }
  SortMerged(out);
}

}  // namespace credence
