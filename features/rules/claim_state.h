// The working state of one claim while the rule passes of Extractor::Extract
// run over it: its tokens and their marks, the cues found so far (one list
// per category) and the strongest backing so far, with who gives it.
//
// Call order: the extractor fills tokens, roles and marks, then each pass
// reads them and calls Add (a cue) and Back (a backing) as its rules fire.
//
//   state.Add(kHedge, first, last, entry.strength, &entry);
//   state.BackBySpeaker(speaker);  // or Back(Backing::kVague, first, last)
#ifndef CREDENCE_FEATURES_RULES_CLAIM_STATE_H_
#define CREDENCE_FEATURES_RULES_CLAIM_STATE_H_

#include <cstddef>
#include <cstdint>
#include <string_view>
#include <vector>

#include "features/attribution.h"
#include "features/extractor.h"
#include "features/lexicon_ids.h"
#include "features/rules/name_memory.h"
#include "features/style_cues.h"
#include "features/tokenizer.h"

namespace credence {

// Per-token marks besides the roles: the StyleFlags FindStyleCues reads,
// and bits of their own.
enum TokenMarks : uint8_t {
  // In an acronym.txt match, or inside a lexicon cue kept as one.
  kNotShoutingMark = kStyleNotShouting,
  kListicleMark = kStyleListicleNoun,  // in a listicle_noun.txt match
  kAnonymousMark = 4,                  // in an anonymous_source.txt match
  kSetPhraseMark = 8,                  // in a set_phrase.txt match
};

// Whether any of tokens [first, last) has `mark`.
bool AnyMarked(const std::vector<uint8_t>& marks, size_t first, size_t last,
               uint8_t mark);

// The pseudo-entry of a built-in rule, so every cue names its source.
LexiconEntry RuleEntry(const char* phrase);

struct ClaimState {
  std::string_view text;
  const std::vector<Token>* tokens = nullptr;
  std::vector<uint8_t>* roles = nullptr;  // RoleBits per token
  std::vector<uint8_t>* marks = nullptr;  // TokenMarks per token
  Backing previous = Backing::kNone;      // the previous claim's backing
  SpeakerSpan previous_backer;            // and who gave it, if known
  bool set_phrases = false;               // whether any set phrase matched
  bool listicle_nouns = false;            // whether any listicle noun matched
  // People the text named with a title in earlier claims (and this one).
  NameMemory* names = nullptr;

  std::vector<Cue>* cues = nullptr;  // [kCategoryCount], before MergeCues
  uint32_t cues_used = 0;            // bit c: cues[c] may hold cues
  size_t found = 0;                  // cues added, in all categories
  Backing backing = Backing::kNone;
  SpeakerSpan backer;    // who gave `backing`
  bool carried = false;  // a pronoun speech verb carried `previous` over
  // An outlet the writer cites for the whole claim ("..., according to
  // CNN", "..., a TV channel said") backs it, whoever speaks inside it: the
  // link of a chain nearest the writer. Once set, the backing is fixed.
  bool writer_link = false;
  // Another claim's source backs it: of the quotation or list it
  // continues (quote_carry.h).
  bool continued = false;
  Speaker last_speaker;  // of the last speech verb, for "... and said"
  // The speaker of the claim's last transcript label ("PRUITT:"), whose
  // turn goes on in the next claims of the paragraph (transcript_label.h).
  Backing label_backing = Backing::kNone;
  SpeakerSpan label_backer;

  const std::vector<Token>& t() const { return *tokens; }
  // A cue of `category` over tokens [first, last).
  void Add(size_t category, size_t first, size_t last, double strength,
           const LexiconEntry* entry) {
    cues_used |= uint32_t{1} << category;
    cues[category].push_back(
        {t()[first].begin, t()[last - 1].end, category, strength, entry});
    ++found;
  }
  // Backing `b`, given by tokens [first, last), if stronger than so far.
  void Back(Backing b, size_t first, size_t last) {
    if (b < backing && !writer_link) {
      backing = b;
      backer = {};
      if (first < last) backer = {t()[first].begin, t()[last - 1].end, false};
    }
  }
  // Backing `b`, given by a cue's words, if stronger than so far.
  void BackByCue(Backing b, const Cue& cue) {
    if (b < backing && !writer_link) {
      backing = b;
      backer = {cue.begin, cue.end, false};
    }
  }
  // The backing speaker `s` gives; a pronoun's is the previous claim's.
  // Returns it.
  Backing BackBySpeaker(const Speaker& s);
  // Backs the claim by the outlet `s` alone, for good (writer_link).
  void BackByWriterLink(const Speaker& s) {
    backing = Backing::kNone;
    writer_link = false;
    Back(Backing::kMedia, s.first, s.last);
    writer_link = true;
  }

  // Prose, not a headline: a final full stop, or more tokens than a
  // headline runs to. Worked out when first asked.
  bool Prose();
  // Most long words capitalized, as a headline in title case has them.
  bool LongWordsCapitalized();

 private:
  int prose_ = -1;  // -1: not yet worked out
  int long_words_capitalized_ = -1;
};

}  // namespace credence

#endif  // CREDENCE_FEATURES_RULES_CLAIM_STATE_H_
