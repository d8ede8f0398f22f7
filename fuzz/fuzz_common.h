// What the fuzz targets share: the built-in scorer, built once, and a check
// that stops the run loudly when an invariant of the library breaks.
#ifndef CREDENCE_FUZZ_FUZZ_COMMON_H_
#define CREDENCE_FUZZ_FUZZ_COMMON_H_

#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <exception>

#include "engine/builtin_data.h"
#include "engine/scorer.h"

namespace credence {

// The scorer of `credence score` without options.
inline const Scorer& BuiltInScorer() {
  static const Scorer* const scorer =
      new Scorer(Extractor(DefaultLexicons()), DefaultModel());
  return *scorer;
}

// abort()s (a crash libFuzzer reports and saves) when `ok` is false.
inline void FuzzCheck(bool ok, const char* what) {
  if (!ok) {
    std::fprintf(stderr, "fuzz invariant broken: %s\n", what);
    std::abort();
  }
}

// Every error credence reports is one line: the CLI prints what() as is.
inline void FuzzCheckOneLine(const std::exception& e) {
  FuzzCheck(std::strchr(e.what(), '\n') == nullptr &&
                std::strchr(e.what(), '\r') == nullptr,
            "an error message is one line");
}

}  // namespace credence

#endif  // CREDENCE_FUZZ_FUZZ_COMMON_H_
