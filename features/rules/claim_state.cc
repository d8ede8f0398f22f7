// The cue and backing bookkeeping the rule passes share (claim_state.h).
#include "features/rules/claim_state.h"

#include "features/match_context.h"

namespace credence {
namespace {

// The most tokens a claim can have and still read as a headline; tweets
// and list items run longer.
constexpr size_t kHeadlineTokens = 25;

}  // namespace

bool AnyMarked(const std::vector<uint8_t>& marks, size_t first, size_t last,
               uint8_t mark) {
  for (size_t i = first; i < last; ++i) {
    if (marks[i] & mark) return true;
  }
  return false;
}

LexiconEntry RuleEntry(const char* phrase) {
  LexiconEntry e;
  e.phrase = phrase;
  e.source = "rule";
  return e;
}

Backing ClaimState::BackBySpeaker(const Speaker& s) {
  const Backing b = BackingOfSpeaker(s.kind, previous);
  if (b >= backing || writer_link) return b;
  if (s.kind == SpeakerKind::kPronoun && previous != Backing::kNone) {
    backing = b;
    backer = previous_backer;
    backer.earlier_claim = true;
  } else {
    Back(b, s.first, s.last);
  }
  return b;
}

bool ClaimState::Prose() {
  if (prose_ < 0) {
    prose_ = t().size() > kHeadlineTokens || EndsWithFullStop(t());
  }
  return prose_ == 1;
}

bool ClaimState::LongWordsCapitalized() {
  if (long_words_capitalized_ < 0) long_words_capitalized_ = IsTitleCase(t());
  return long_words_capitalized_ == 1;
}

}  // namespace credence
