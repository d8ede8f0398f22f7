// The names of the source kinds (backing.h).
#include "features/backing.h"

namespace credence {

const char* BackingName(Backing backing) {
#define CREDENCE_SOURCE_KIND_NAME(kind, name, direction) #name,
  static const char* const kNames[kBackingCount] = {
      CREDENCE_SOURCE_KINDS(CREDENCE_SOURCE_KIND_NAME) "none"};
#undef CREDENCE_SOURCE_KIND_NAME
  return kNames[static_cast<size_t>(backing)];
}

int BackingDirection(Backing backing) {
#define CREDENCE_SOURCE_KIND_DIRECTION(kind, name, direction) direction,
  static const int kDirections[kBackingCount] = {
      CREDENCE_SOURCE_KINDS(CREDENCE_SOURCE_KIND_DIRECTION) 0};
#undef CREDENCE_SOURCE_KIND_DIRECTION
  return kDirections[static_cast<size_t>(backing)];
}

}  // namespace credence
