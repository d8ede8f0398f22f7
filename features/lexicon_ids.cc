// Names and groups of the lexicons, from features/lexicons/lexicons.def.
#include "features/lexicon_ids.h"

namespace credence {
namespace {

constexpr LexiconGroup kGroups[] = {
#define CREDENCE_LEXICON(name, id, group, direction) LexiconGroup::group,
#include "features/lexicons/lexicons.def"
#undef CREDENCE_LEXICON
};
static_assert(sizeof kGroups / sizeof kGroups[0] == kLexiconCount);

constexpr int kDirections[] = {
#define CREDENCE_LEXICON(name, id, group, direction) direction,
#include "features/lexicons/lexicons.def"
#undef CREDENCE_LEXICON
};

// Every word class comes after every cue category.
constexpr bool WordClassesLast() {
  for (size_t id = kCategoryCount; id < kLexiconCount; ++id) {
    if (kGroups[id] != LexiconGroup::kWordClass) return false;
  }
  return true;
}
static_assert(WordClassesLast(), "lexicons.def: categories first");
static_assert(kCategoryCount <= 32, "category sets are uint32_t bit masks");

}  // namespace

LexiconGroup LexiconGroupOf(size_t id) { return kGroups[id]; }

int CategoryDirection(size_t id) { return kDirections[id]; }

const std::vector<std::string>& LexiconNames() {
  static const std::vector<std::string> names = {
#define CREDENCE_LEXICON(name, id, group, direction) #name,
#include "features/lexicons/lexicons.def"
#undef CREDENCE_LEXICON
  };
  return names;
}

const std::vector<std::string>& CategoryNames() {
  static const std::vector<std::string> names(
      LexiconNames().begin(), LexiconNames().begin() + kCategoryCount);
  return names;
}

}  // namespace credence
