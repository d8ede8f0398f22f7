// The lexicons the extractor reads, named once in
// features/lexicons/lexicons.def: their ids, file names and groups.
//
// Call order: none; constants and lookups only.
//
//   for (size_t id = 0; id < kLexiconCount; ++id) LexiconName(id) ...
//   if (LexiconGroupOf(id) == LexiconGroup::kSourcing) ...
#ifndef CREDENCE_FEATURES_LEXICON_IDS_H_
#define CREDENCE_FEATURES_LEXICON_IDS_H_

#include <cstddef>
#include <string>
#include <vector>

namespace credence {

// What a lexicon is for: a cue category of sourcing (who says it, how
// sure) or of style (how it is written), or a word class the rules read.
enum class LexiconGroup { kSourcing, kStyle, kWordClass };

// Lexicon ids in lexicons.def order; the cue categories come first, so a
// category's id is also its index among the categories and features.
enum LexiconId : size_t {
#define CREDENCE_LEXICON(name, id, group, direction) id,
#include "features/lexicons/lexicons.def"
#undef CREDENCE_LEXICON
  kLexiconCount
};

// How many lexicons are cue categories: those before the first word class.
constexpr size_t CountCategories() {
  constexpr LexiconGroup kGroups[] = {
#define CREDENCE_LEXICON(name, id, group, direction) LexiconGroup::group,
#include "features/lexicons/lexicons.def"
#undef CREDENCE_LEXICON
  };
  size_t n = 0;
  while (n < kLexiconCount && kGroups[n] != LexiconGroup::kWordClass) ++n;
  return n;
}
constexpr size_t kCategoryCount = CountCategories();

LexiconGroup LexiconGroupOf(size_t id);
// The sign the weight of category `id` must have: +1, -1 or 0 (either).
int CategoryDirection(size_t id);
// The file name (without ".txt") of every lexicon, in id order.
const std::vector<std::string>& LexiconNames();
// The first kCategoryCount of LexiconNames().
const std::vector<std::string>& CategoryNames();

}  // namespace credence

#endif  // CREDENCE_FEATURES_LEXICON_IDS_H_
