// Large buffers on transparent huge pages where the kernel offers them.
#include "engine/util/huge_pages.h"

#include <sys/mman.h>

#include <cstdint>

namespace credence {

void AdviseHugePages(void* p, size_t bytes) {
#ifdef MADV_HUGEPAGE
  if (bytes < kHugePageBytes) return;
  constexpr uintptr_t kMask = kHugePageBytes - 1;
  const auto at = reinterpret_cast<uintptr_t>(p);
  const uintptr_t begin = (at + kMask) & ~kMask;
  const uintptr_t end = (at + bytes) & ~kMask;
  // A failure (an old kernel, or none configured) leaves the range as it
  // was, which is all a hint can do.
  if (end > begin) {
    ::madvise(reinterpret_cast<void*>(begin), end - begin, MADV_HUGEPAGE);
  }
#else
  (void)p;
  (void)bytes;
#endif
}

}  // namespace credence
