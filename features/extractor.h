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
// Extract runs the passes of features/rules/ in turn: lexicon matches
// (lexicon_matches.h), lexicon cues with their exceptions and the speech
// verbs (lexicon_cues.h, speech.h), style, quotation, dash and colon
// attributions, documents as sources (document_source.h), social users
// (social_user.h), transcript labels (transcript_label.h), forecasts; then
// merges the cues (cue_merge.h), backs the claim and computes its
// features. The categories are listed in
// features/lexicons/lexicons.def; the backings in backing.h.
//
// Backing is the strongest source behind the claim, in backing.h's order.
// A claim whose speaker is a pronoun ("She added ...") takes the previous
// claim's backing. A claim with no source of its own that continues one
// takes it too: a sentence inside a quotation (its speaker named before
// or right after it), a quotation that follows a sourced claim, an item
// of a list a sourced colon leads (features/rules/quote_carry.h), a
// sentence in a transcript speaker's turn (transcript_label.h).
//
// Features: for each category, log(1 + s) where s is the sum of its cue
// strengths (each more cue adds less, so long claims do not run away),
// then one 0/1 feature per backing except none.
#ifndef CREDENCE_FEATURES_EXTRACTOR_H_
#define CREDENCE_FEATURES_EXTRACTOR_H_

#include <cstddef>
#include <cstdint>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "features/backing.h"
#include "features/lexicon.h"
#include "features/lexicon_ids.h"
#include "features/phrase_matcher.h"

namespace credence {

struct ClaimState;

struct Cue {
  size_t begin = 0;  // byte offsets into the text given to Extract
  size_t end = 0;
  size_t category = 0;  // index into Extractor::CategoryNames()
  double strength = 1.0;
  // The lexicon line (or built-in rule, source "rule") that produced it.
  const LexiconEntry* entry = nullptr;
};

// The words of the attribution that set a claim's backing ("Transport
// Ministry spokeswoman Ingrid Solberg", "sources", "reportedly"), as byte
// offsets into the text; empty (begin == end) when nothing backs the claim
// or, for a backing a pronoun carried over, when the earlier claim's words
// are unknown.
struct SpeakerSpan {
  size_t begin = 0;
  size_t end = 0;
  // The words are in an earlier claim: a pronoun ("She added ...") took
  // that claim's backing, and with it the words that gave it.
  bool earlier_claim = false;
};

struct ClaimEvidence {
  std::vector<Cue> cues;  // by begin, then category
  Backing backing = Backing::kNone;
  // Taken from another claim: the previous one (a pronoun, a quotation or
  // list that goes on), or, inside a quotation, the one that attributes it.
  bool backing_carried = false;
  // Who gave `backing`. A carried backing's words are known when the
  // previous claim of the same text went through the same ExtractScratch.
  SpeakerSpan backer;
  std::vector<double> features;  // one value a feature name
  // Bit i clear: features[i] is 0 (features past the 64th: unknown).
  uint64_t nonzero_features = ~uint64_t{0};
};

// Working memory of Extract, reused from one claim to the next; one per
// thread (it is not safe to share). Besides buffers it remembers the last
// claim's text, acronyms and backer, and the people the text named with a
// title (features/rules/name_memory.h), which the next claim of the same
// text reads.
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
  static constexpr size_t kCategoryCount = ::credence::kCategoryCount;
  // The cue categories, in feature order (lexicon_ids.h).
  static const std::vector<std::string>& CategoryNames() {
    return ::credence::CategoryNames();
  }
  // Every lexicon the extractor needs: the categories, then the word
  // classes (features/lexicons/lexicons.def).
  static const std::vector<std::string>& LexiconNames() {
    return ::credence::LexiconNames();
  }

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
  // (booster, denial, media_report, backing_media); listed in lexicons.def
  // and backing.h. `credence tune` keeps weights on the given side, so an
  // explanation never says a hedge raised a score.
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
  // The rule passes over text[begin, end), into *state.
  void RunPasses(std::string_view text, size_t begin, size_t end,
                 Backing previous, ExtractScratch* scratch,
                 ClaimState* state) const;
  // A claim with no source of its own inside a quotation takes the
  // quotation's speaker: the one an earlier claim gave, or the one
  // attributed after its closing mark; one in the block a sourced colon
  // leads takes that source (quote_carry.h).
  void CarryQuotation(std::string_view text, size_t end,
                      const ExtractScratch::Buffers& buf,
                      ClaimState* state) const;
  // The backing of the attribution right after the mark that closes the
  // quotation open at `from` ('...," she said'), or of the signature of a
  // post later on the line ("— Ana Ruiz (@anaruiz) May 20"); kNone if
  // there is none.
  Backing AttributionAhead(std::string_view text, size_t from, Backing previous,
                           SpeakerSpan* backer) const;
  Backing SignatureAhead(std::string_view text, size_t from, Backing previous,
                         SpeakerSpan* backer) const;
  // The backing a speech cue gives within the first words of text[from,
  // to), extracted on its own.
  Backing BackingRightAfter(std::string_view text, size_t from, size_t to,
                            Backing previous, SpeakerSpan* backer) const;

  std::vector<Lexicon> lexicons_;  // in LexiconNames() order
  std::vector<std::string> feature_names_;
  PhraseMatcher matcher_;
};

}  // namespace credence

#endif  // CREDENCE_FEATURES_EXTRACTOR_H_
