// Sorting many rows by a 64-bit key: a least-significant-digit radix sort,
// stable, a byte a pass, skipping the bytes every key shares.
//
//   std::vector<credence::KeyedIndex> items;  // {key, row}
//   for (uint64_t i = 0; i < n; ++i) items.push_back({OrderKey(score[i]), i});
//   std::vector<credence::KeyedIndex> scratch;
//   credence::RadixSort(&items, &scratch);   // ascending; ties keep order
#ifndef CREDENCE_ENGINE_UTIL_RADIX_SORT_H_
#define CREDENCE_ENGINE_UTIL_RADIX_SORT_H_

#include <cstdint>
#include <vector>

namespace credence {

struct KeyedIndex {
  uint64_t key = 0;
  uint64_t index = 0;
};

// A key that orders doubles as < does: OrderKey(a) < OrderKey(b) exactly
// when a < b, and 0.0 and -0.0 get the same key. Not for NaN.
uint64_t OrderKey(double x);

// Sorts `items` by key, ascending; items with equal keys keep their order.
// `scratch` is working space (its contents are left unspecified).
void RadixSort(std::vector<KeyedIndex>* items,
               std::vector<KeyedIndex>* scratch);

}  // namespace credence

#endif  // CREDENCE_ENGINE_UTIL_RADIX_SORT_H_
