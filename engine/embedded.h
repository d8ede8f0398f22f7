// The data files compiled into the binary (default lexicons and model).
// The table is generated at build time by tools/embed_main.cc.
//
//   for (size_t i = 0; i < credence::kEmbeddedFileCount; ++i)
//     use(credence::kEmbeddedFiles[i].name, credence::kEmbeddedFiles[i].data);
#ifndef CREDENCE_ENGINE_EMBEDDED_H_
#define CREDENCE_ENGINE_EMBEDDED_H_

#include <cstddef>

namespace credence {

struct EmbeddedFile {
  const char* name;  // base name, e.g. "hedge.txt"
  size_t size;
  const char* data;  // size bytes (NUL-terminated as well)
};

extern const EmbeddedFile kEmbeddedFiles[];
extern const size_t kEmbeddedFileCount;

}  // namespace credence

#endif  // CREDENCE_ENGINE_EMBEDDED_H_
