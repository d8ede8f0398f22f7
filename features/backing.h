// The kinds of source that back a claim, listed once: Backing (what backs
// a claim) and SpeakerKind (who speaks for a speech verb) share them, so a
// kind added to the list is in both.
//
// Call order: none; enums and a name lookup.
//
//   Backing b = BackingOfSpeaker(speaker.kind, previous);
//   std::cout << BackingName(b);   // "official" ... "social", "none"
#ifndef CREDENCE_FEATURES_BACKING_H_
#define CREDENCE_FEATURES_BACKING_H_

#include <cstddef>
#include <cstdint>

// The kinds, strongest first (the order Backing ranks them in), each as
// X(enumerator, name, direction): direction is the sign the weight of its
// backing feature must have (+1 on record, -1 unnamed, 0 either).
#define CREDENCE_SOURCE_KINDS(X)   \
  X(kOfficial, official, +1)       \
  X(kInstitution, institution, +1) \
  X(kNamed, named, +1)             \
  X(kMedia, media, 0)              \
  X(kAnonymous, anonymous, -1)     \
  X(kVague, vague, -1)             \
  X(kSocial, social, -1)

namespace credence {

#define CREDENCE_SOURCE_KIND_ENUMERATOR(kind, name, direction) kind,

// The strongest source behind a claim; kNone last, so the strongest of
// several is their minimum.
enum class Backing : uint8_t {
  CREDENCE_SOURCE_KINDS(CREDENCE_SOURCE_KIND_ENUMERATOR) kNone
};
constexpr size_t kBackingCount = static_cast<size_t>(Backing::kNone) + 1;

// The kind of a speaker (attribution.h): a source kind, no speaker, or a
// pronoun that stands for the speaker of an earlier claim.
enum class SpeakerKind : uint8_t {
  CREDENCE_SOURCE_KINDS(CREDENCE_SOURCE_KIND_ENUMERATOR) kNone,
  kPronoun,  // he, she, they, it
};

#undef CREDENCE_SOURCE_KIND_ENUMERATOR

// "official" ... "social", "none".
const char* BackingName(Backing backing);
// The sign the weight of the backing's feature must have (none: 0).
int BackingDirection(Backing backing);

// The backing a speaker gives: its own kind, or for a pronoun the previous
// claim's backing (named when that has none).
inline Backing BackingOfSpeaker(SpeakerKind kind, Backing previous) {
  if (kind == SpeakerKind::kPronoun) {
    return previous == Backing::kNone ? Backing::kNamed : previous;
  }
  return static_cast<Backing>(kind);
}

}  // namespace credence

#endif  // CREDENCE_FEATURES_BACKING_H_
