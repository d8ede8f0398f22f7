// Which lexicon matches apply, and the token marks they leave
// (lexicon_matches.h).
#include "features/rules/lexicon_matches.h"

#include <algorithm>
#include <cstring>

#include "features/attribution.h"
#include "features/lexicon_ids.h"

namespace credence {
namespace {

// "To", not "to" or "TO": an upper-case letter, then a lower-case one.
bool IsCapitalizedWord(std::string_view text, const Token& t) {
  return t.capitalized && t.end - t.begin >= 2 && text[t.begin + 1] >= 'a' &&
         text[t.begin + 1] <= 'z';
}

// Whether a match's tokens have the capitals its entry asks for, if any.
bool MatchesCase(std::string_view text, const std::vector<Token>& tokens,
                 const LexiconEntry& e, const PhraseMatch& m,
                 std::string* folded) {
  const size_t n = m.last_token - m.first_token;
  for (const std::vector<std::string>& form : e.exact_forms) {
    if (form.size() != n) continue;
    size_t k = 0;
    for (; k < n; ++k) {
      const Token& t = tokens[m.first_token + k];
      FoldQuotes(text.substr(t.begin, t.end - t.begin), folded);
      if (*folded != form[k]) break;
    }
    if (k == n) return true;
  }
  return false;
}

// Whether tokens before `first` hold a word: an entry marked '^' matches
// only where the claim's words begin.
bool WordBefore(const std::vector<Token>& tokens, size_t first) {
  for (size_t i = 0; i < first; ++i) {
    if (tokens[i].is_word) return true;
  }
  return false;
}

// Makes the first n of *bytes zeros (and up to 15 more), growing it when it
// is shorter but never shrinking it: growing costs a call, and every reader
// of these per-token flags stops at the last token. Cleared 16 bytes at a
// time, stores of a fixed size the compiler writes in line: for the dozen
// tokens of a claim, a call to memset would cost more than the stores.
void ZeroFill(size_t n, std::vector<uint8_t>* bytes) {
  const size_t blocks = (n + 15) / 16;
  if (bytes->size() < 16 * blocks) bytes->resize(16 * blocks);
  uint8_t* const p = bytes->data();
  for (size_t b = 0; b < blocks; ++b) std::memset(p + 16 * b, 0, 16);
}

// The mark a match of lexicon `id` leaves on its tokens.
uint8_t MarkOf(size_t id) {
  switch (id) {
    case kAcronym:
      return kNotShoutingMark;
    case kListicleNoun:
      return kListicleMark;
    case kAnonymousSource:
      return kAnonymousMark;
    case kSetPhrase:
      return kSetPhraseMark;
    default:
      return 0;
  }
}

}  // namespace

void KeepMatchesThatApply(std::string_view text,
                          const std::vector<Token>& tokens,
                          const std::vector<Lexicon>& lexicons,
                          std::string* folded,
                          std::vector<PhraseMatch>* matches) {
  // A title_case word counts capitalized, not in capitals, and after a
  // word, so not where a claim, a quote or a colon's clause begins
  // ("Clinton: In Her Words" has none). Most are lower-case prose.
  auto drop = [&](const PhraseMatch& m) {
    if (LexiconOf(m) == kTitleCase) {
      const size_t i = m.first_token;
      return i == 0 || !tokens[i - 1].is_word ||
             !IsCapitalizedWord(text, tokens[i]);
    }
    const LexiconEntry& e = EntryOf(lexicons, m);
    if (e.claim_start && WordBefore(tokens, m.first_token)) return true;
    return !e.exact_forms.empty() && !MatchesCase(text, tokens, e, m, folded);
  };
  matches->erase(std::remove_if(matches->begin(), matches->end(), drop),
                 matches->end());
}

void MarkMatchedTokens(const std::vector<PhraseMatch>& matches,
                       ClaimState* state) {
  std::vector<uint8_t>& roles = *state->roles;
  std::vector<uint8_t>& marks = *state->marks;
  ZeroFill(state->t().size(), &roles);
  ZeroFill(state->t().size(), &marks);
  static const uint8_t kRoleOf[] = {kTitleRole, kBodyRole, kMediaRole,
                                    kPersonRole, kVagueRole};
  static_assert(kVagueSpeaker - kOfficialTitle + 1 == sizeof kRoleOf);
  bool listicle_nouns = false, set_phrases = false;
  for (const PhraseMatch& m : matches) {
    const size_t id = LexiconOf(m);
    const uint8_t mark = MarkOf(id);
    listicle_nouns |= id == kListicleNoun;
    set_phrases |= id == kSetPhrase;
    const bool role = id >= kOfficialTitle && id <= kVagueSpeaker;
    for (size_t i = m.first_token; i < m.last_token; ++i) {
      if (role) roles[i] |= kRoleOf[id - kOfficialTitle];
      marks[i] |= mark;
    }
  }
  state->listicle_nouns = listicle_nouns;
  state->set_phrases = set_phrases;
}

}  // namespace credence
