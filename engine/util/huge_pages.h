// Huge pages for large working arrays: a hint that the kernel back a range
// with 2 MiB pages where it can. A full ranking of a million rows touches
// some 100 MB of fresh arrays (rows, sort keys, windows of records); with
// 4 KiB pages that is 25,000 page faults and as many TLB entries for the
// random reads of the output pass.
//
//   std::vector<credence::KeyedIndex> keys;
//   credence::ResizeHuge(&keys, n);  // reserve, advise, then resize
//
// The hint changes no byte. Only the whole 2 MiB pages inside a range are
// advised; a kernel without transparent huge pages ignores it, and memory
// already touched stays as it is.
#ifndef CREDENCE_ENGINE_UTIL_HUGE_PAGES_H_
#define CREDENCE_ENGINE_UTIL_HUGE_PAGES_H_

#include <cstddef>
#include <vector>

namespace credence {

// Below this, a range cannot hold a whole huge page worth advising.
constexpr size_t kHugePageBytes = size_t{1} << 21;

void AdviseHugePages(void* p, size_t bytes);

// v->resize(n), advising the new storage first when it has to grow (before
// resize() touches it).
template <class T>
void ResizeHuge(std::vector<T>* v, size_t n) {
  if (n > v->capacity()) {
    v->reserve(n);
    AdviseHugePages(v->data(), n * sizeof(T));
  }
  v->resize(n);
}

}  // namespace credence

#endif  // CREDENCE_ENGINE_UTIL_HUGE_PAGES_H_
