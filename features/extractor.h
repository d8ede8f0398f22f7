// Finds the cues of a claim, what backs it, and its named feature values.
//
// Call order: build one Extractor from the lexicons (once; it is immutable
// and safe to share between threads), then Extract() each claim in order,
// passing the previous claim's backing for carry-over.
//
//   credence::Extractor ex(lexicons);        // throws LexiconError
//   credence::ClaimEvidence ev = ex.Extract(text, claim.begin, claim.end);
//   // ev.cues: spans + categories; ev.backing; ev.features[i] pairs with
//   // ex.feature_names()[i]
//
// A loop over many claims keeps one ExtractScratch (per thread) and one
// ClaimEvidence and passes both to every call: after the first few claims
// it allocates nothing.
//
//   credence::ExtractScratch scratch;
//   for (...) ex.Extract(text, b, e, previous, &scratch, &ev);
//
// Cue categories (the names are part of the JSON contract):
//   hedge, booster, vague_attribution, doubt_marker, speculation, denial,
//   sensational, unverified_social, media_report, anonymous_source,
//   weasel, peacock, clickbait, hard_news, question, link, quotation
//       lexicon phrases; sensational adds listicle numbers at the start of a
//       claim ("17 Reasons Why"), words in capitals (acronym.txt aside) and
//       '!' outside quotes; unverified_social adds @handles; quotation adds
//       spans of four or more words in double quotes (FindQuotations).
//       clickbait and hard_news count only in a headline, a claim of at
//       most 25 tokens without a final full stop: they are a headline's
//       voice, plain words in prose, tweets and list items.
//   named_source, official_confirmation
//       a speech verb (named_source.txt: said, according to; or
//       official_confirmation.txt: confirmed, announced) with a speaker
//       (attribution.h). The speaker's kind picks the category: an outlet
//       gives media_report, an unnamed person anonymous_source, a crowd
//       vague_attribution; an official or body with a confirming verb gives
//       official_confirmation; otherwise named_source. Negated confirmations
//       ("did not confirm") are denials; modal and infinitive ones ("will
//       announce", "expected to confirm") are nothing.
// A lexicon cue that shares a word with a set phrase (set_phrase.txt: "for
// some reason", "many years later") is dropped: the phrase hedges nothing.
//
// Backing is the strongest source behind the claim, in the order official,
// institution, named, media, anonymous, vague, social, none. A claim whose
// speaker is a pronoun ("She added ...") takes the previous claim's backing.
//
// Features: for each category, log(1 + s) where s is the sum of its cue
// strengths (one cue of 1: 0.69, two: 1.10, ten: 2.40; each more cue adds
// less, so long claims do not run away), then one 0/1 feature per backing
// except none.
#ifndef CREDENCE_FEATURES_EXTRACTOR_H_
#define CREDENCE_FEATURES_EXTRACTOR_H_

#include <cstddef>
#include <cstdint>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "features/lexicon.h"
#include "features/phrase_matcher.h"

namespace credence {

enum class Backing : uint8_t {
  kOfficial,
  kInstitution,
  kNamed,
  kMedia,
  kAnonymous,
  kVague,
  kSocial,
  kNone,
};
constexpr size_t kBackingCount = 8;
const char* BackingName(Backing backing);

struct Cue {
  size_t begin = 0;  // byte offsets into the text given to Extract
  size_t end = 0;
  size_t category = 0;  // index into Extractor::CategoryNames()
  double strength = 1.0;
  // The lexicon line (or built-in rule, source "rule") that produced it.
  const LexiconEntry* entry = nullptr;
};

struct ClaimEvidence {
  std::vector<Cue> cues;  // by begin, then category
  Backing backing = Backing::kNone;
  bool backing_carried = false;  // taken from the previous claim
  std::vector<double> features;  // one value a feature name
  // Bit i clear: features[i] is 0 (features past the 64th: unknown).
  uint64_t nonzero_features = ~uint64_t{0};
};

// Working memory of Extract, reused from one claim to the next. Holds
// nothing a caller reads; one per thread (it is not safe to share).
class ExtractScratch {
 public:
  ExtractScratch();
  ~ExtractScratch();
  ExtractScratch(ExtractScratch&&) noexcept;
  ExtractScratch& operator=(ExtractScratch&&) noexcept;

 private:
  friend class Extractor;
  struct Buffers;
  std::unique_ptr<Buffers> buffers_;
};

class Extractor {
 public:
  // How many cue categories there are (the first features).
  static constexpr size_t kCategoryCount = 20;
  // The twenty cue categories, in feature order.
  static const std::vector<std::string>& CategoryNames();
  // Every lexicon the extractor needs: the categories, then word classes
  // (official_title, official_body, media_outlet, person_noun,
  // vague_speaker, acronym, listicle_noun, set_phrase).
  static const std::vector<std::string>& LexiconNames();

  // Needs exactly one lexicon of each name in LexiconNames(). Throws
  // LexiconError naming a missing or unknown lexicon, an overlay-only
  // removal line, or a form that two categories share.
  explicit Extractor(std::vector<Lexicon> lexicons);

  // Category names, then "backing_official" ... "backing_social".
  const std::vector<std::string>& feature_names() const {
    return feature_names_;
  }
  const std::vector<Lexicon>& lexicons() const { return lexicons_; }
  // The direction the taxonomy gives each feature, in feature order: +1
  // for evidence of sourcing (named_source, official_confirmation,
  // hard_news, link, quotation, backing_official/institution/named), -1
  // for distance or doubt (hedges, anonymous and vague sources, social
  // posts, bait, weasels, questions), 0 where either reading is fair
  // (booster, denial, media_report, backing_media). `credence tune` keeps
  // weights on the given side, so an explanation never says a hedge raised a
  // score.
  std::vector<int> FeatureDirections() const;

  // The evidence of the claim text[begin, end).
  ClaimEvidence Extract(std::string_view text, size_t begin, size_t end,
                        Backing previous = Backing::kNone) const;
  // The same into *evidence (every field overwritten, its vectors' memory
  // reused), working in *scratch.
  void Extract(std::string_view text, size_t begin, size_t end,
               Backing previous, ExtractScratch* scratch,
               ClaimEvidence* evidence) const;

 private:
  const LexiconEntry& EntryOf(uint32_t payload) const {
    return lexicons_[payload >> 24].entries[payload & 0xFFFFFF];
  }
  // Whether a match's tokens have the capitals its entry asks for, if any.
  bool MatchesCase(std::string_view text, const std::vector<Token>& tokens,
                   const PhraseMatch& m, std::string* folded) const;

  std::vector<Lexicon> lexicons_;  // in LexiconNames() order
  std::vector<std::string> feature_names_;
  PhraseMatcher matcher_;
};

}  // namespace credence

#endif  // CREDENCE_FEATURES_EXTRACTOR_H_
