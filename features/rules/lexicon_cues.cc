// The lexicon pass (lexicon_cues.h).
#include "features/rules/lexicon_cues.h"

#include "features/attribution.h"
#include "features/lexicon_ids.h"
#include "features/match_context.h"
#include "features/rules/forecast.h"
#include "features/rules/lexicon_exceptions.h"
#include "features/rules/lexicon_matches.h"
#include "features/rules/speech.h"
#include "features/word_set.h"

namespace credence {
namespace {

// Whether named_source match i lies at the start of an
// official_confirmation one: "said" of "said in a statement", "told" of
// "told parliament" speak once, as the longer form. Matches come ordered by
// first token, then by length, so a longer one at the same start follows.
bool StartsLongerConfirmation(const std::vector<PhraseMatch>& matches,
                              size_t i) {
  const PhraseMatch& m = matches[i];
  for (size_t j = i + 1;
       j < matches.size() && matches[j].first_token == m.first_token; ++j) {
    if (LexiconOf(matches[j]) == kOfficialConfirmation &&
        matches[j].last_token > m.last_token) {
      return true;
    }
  }
  return false;
}

const LexiconEntry kOnRecordPostRule =
    RuleEntry("<on-record speaker> tweeted|posted|wrote on <platform>");

// Whether a social-media match at `first` is a post by a speaker on record
// ("Mayor Ana Ruiz tweeted", "the ministry posted on X", "He wrote on
// Facebook" after a named speaker): that speaker's own statement, not an
// unverified one. The post as a topic ("the president's tweet") is not.
bool PostedOnRecord(size_t first, const ClaimState& s) {
  static const WordSet kPostingVerbs = {"tweeted",   "tweets", "tweeting",
                                        "retweeted", "posted", "wrote",
                                        "said",      "writes", "posts"};
  const std::vector<Token>& tokens = s.t();
  if (!kPostingVerbs.Contains(tokens[first])) return false;
  const Speaker speaker = SpeakerBefore(tokens, *s.roles, first);
  // "a letter to Ana Ruiz posted on Twitter": the name is the object of a
  // preposition, and the post is the letter's.
  if (speaker.first > 0) {
    const Token& before = tokens[speaker.first - 1];
    if (IsPreposition(before) || Is(before, "to") || Is(before, "by") ||
        Is(before, "at")) {
      return false;
    }
  }
  switch (speaker.kind) {
    case SpeakerKind::kOfficial:
    case SpeakerKind::kInstitution:
    case SpeakerKind::kNamed:
      return true;
    case SpeakerKind::kPronoun:
      return s.previous == Backing::kOfficial ||
             s.previous == Backing::kInstitution ||
             s.previous == Backing::kNamed;
    default:
      return false;
  }
}

// Whether social match i lies inside another that is a post on record:
// "on Twitter" of "Ana Ruiz wrote on Twitter", "on Facebook" after "The
// ministry posted on". Such a match starts earlier, at most an entry's
// length before (matches come ordered by first token).
bool InsideOnRecordPost(const std::vector<PhraseMatch>& matches, size_t i,
                        const ClaimState& s) {
  const size_t at = matches[i].first_token;
  for (size_t j = i; j-- > 0;) {
    const PhraseMatch& other = matches[j];
    if (other.first_token + Lexicon::kMaxEntryTokens < at) break;
    if (LexiconOf(other) == kUnverifiedSocial && other.first_token < at &&
        at < other.last_token && PostedOnRecord(other.first_token, s)) {
      return true;
    }
  }
  return false;
}

const LexiconEntry kUnnamedDenialRule = RuleEntry("<unnamed> <deny>");

// A denial's speaker backs it; one the reader cannot name ("military
// officials have denied", "critics deny") is also that kind of source.
void AddDenialSpeaker(size_t first, ClaimState* state) {
  const Speaker speaker = SpeakerBefore(state->t(), *state->roles, first);
  state->BackBySpeaker(speaker);
  if (speaker.kind == SpeakerKind::kAnonymous ||
      speaker.kind == SpeakerKind::kVague) {
    state->Add(SpeechCategory(speaker.kind, false, state->previous),
               speaker.first, speaker.last, 1.0, &kUnnamedDenialRule);
  }
}

}  // namespace

void AddLexiconCues(const std::vector<PhraseMatch>& matches,
                    const std::vector<Lexicon>& lexicons, ClaimState* state) {
  std::vector<uint8_t>& marks = *state->marks;
  for (size_t i = 0; i < matches.size(); ++i) {
    const PhraseMatch& m = matches[i];
    const size_t id = LexiconOf(m);
    if (id >= kCategoryCount) continue;
    const LexiconEntry& entry = EntryOf(lexicons, m);
    const size_t first = m.first_token, last = m.last_token;
    if (IsLexiconException(id, first, last, state)) continue;
    if (id == kNamedSource && StartsLongerConfirmation(matches, i)) {
      continue;
    }
    for (size_t t = first; t < last; ++t) marks[t] |= kNotShoutingMark;
    if (id == kDenial && !IsNoAnswer(state->t(), first, last)) {
      AddDenialSpeaker(first, state);
    }
    if (id == kUnverifiedSocial) {
      if (PostedOnRecord(first, *state)) {
        AddSpeechCue(first, last, kOnRecordPostRule, false, state);
        continue;
      }
      if (InsideOnRecordPost(matches, i, *state)) continue;
    }
    if (id == kOfficialConfirmation && Is(state->t()[first], "in")) {
      AddStatementFrame(first, last, entry, state);
      continue;
    }
    if (id == kNamedSource || id == kOfficialConfirmation) {
      AddSpeechCue(first, last, entry, id == kOfficialConfirmation, state);
      continue;
    }
    state->Add(id, first, last, entry.strength, &entry);
  }
}

}  // namespace credence
