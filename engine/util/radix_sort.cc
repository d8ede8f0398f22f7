// A stable least-significant-digit radix sort of rows by a 64-bit key.
#include "engine/util/radix_sort.h"

#include <array>
#include <cstring>
#include <utility>

#include "engine/util/huge_pages.h"

namespace credence {

uint64_t OrderKey(double x) {
  if (x == 0) x = 0;  // -0.0 == 0.0
  uint64_t bits;
  std::memcpy(&bits, &x, sizeof bits);
  // Negative numbers order backwards by their bits and below the positive.
  constexpr uint64_t kSign = uint64_t{1} << 63;
  return (bits & kSign) != 0 ? ~bits : bits | kSign;
}

void RadixSort(std::vector<KeyedIndex>* items,
               std::vector<KeyedIndex>* scratch) {
  const size_t n = items->size();
  if (n < 2) return;
  // Every byte's histogram in one pass.
  std::vector<std::array<size_t, 256>> counts(8);
  for (const KeyedIndex& item : *items) {
    for (size_t b = 0; b < 8; ++b) ++counts[b][(item.key >> (8 * b)) & 0xFF];
  }
  ResizeHuge(scratch, n);
  std::vector<KeyedIndex>* from = items;
  std::vector<KeyedIndex>* to = scratch;
  for (size_t b = 0; b < 8; ++b) {
    const size_t shift = 8 * b;
    std::array<size_t, 256>& starts = counts[b];
    if (starts[((*from)[0].key >> shift) & 0xFF] == n) continue;  // shared
    size_t sum = 0;
    for (size_t& count : starts) sum += std::exchange(count, sum);
    KeyedIndex* const out = to->data();
    for (const KeyedIndex& item : *from) {
      out[starts[(item.key >> shift) & 0xFF]++] = item;
    }
    std::swap(from, to);
  }
  if (from != items) items->swap(*scratch);
}

}  // namespace credence
