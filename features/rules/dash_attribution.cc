// The dash pass (dash_attribution.h).
#include "features/rules/dash_attribution.h"

#include <string>
#include <string_view>
#include <vector>

#include "features/lexicon_ids.h"
#include "features/match_context.h"
#include "features/rules/speech.h"
#include "features/word_set.h"

namespace credence {
namespace {

const LexiconEntry kDashAttributionRule = RuleEntry("\u2014<speaker>");
const LexiconEntry kPostSignatureRule =
    RuleEntry("\u2014<speaker> (@<handle>) <date>");
const LexiconEntry kUnknownAccountRule =
    RuleEntry("\u2014<account> (@<handle>) <date>");
// A handle may add this many characters to the name it spells ("MD").
constexpr size_t kHandleSuffix = 4;
// A signature's display name runs to at most this many tokens.
constexpr size_t kSignatureNameTokens = 8;
// The last dash is looked for among this many final tokens.
constexpr size_t kDashWindow = 14;

// The last em or en dash among tokens [from, end); tokens.size() if none.
size_t LastDash(const std::vector<Token>& tokens, size_t from) {
  for (size_t d = tokens.size(); d > from;) {
    --d;
    if (Is(tokens[d], "\u2014") || Is(tokens[d], "\u2013")) return d;
  }
  return tokens.size();
}

// Words of a post's date: "May 20, 2020", "20 May 2020", "3:15 PM".
bool IsDateToken(const Token& t) {
  static const WordSet kMonths = {
      "jan",  "january", "feb",    "february", "mar",  "march",
      "apr",  "april",   "may",    "jun",      "june", "jul",
      "july", "aug",     "august", "sep",      "sept", "september",
      "oct",  "october", "nov",    "november", "dec",  "december",
      "am",   "pm",      ":",      ",",        "."};
  return IsNumber(t) || kMonths.Contains(t);
}

// The letters of text[begin, end), lower-cased, appended to *out.
void AppendLetters(std::string_view text, size_t begin, size_t end,
                   std::string* out) {
  for (size_t i = begin; i < end; ++i) {
    const char c = text[i];
    if (c >= 'A' && c <= 'Z') out->push_back(static_cast<char>(c - 'A' + 'a'));
    if (c >= 'a' && c <= 'z') out->push_back(c);
  }
}

// Whether what follows the first `letters` letters of a handle is a
// credential or a number in capitals ("@JamesTodaroMD", "@AnaRuiz2020"),
// a few characters long; "@harborwatch_hl" adds a word of its own.
bool CredentialSuffix(std::string_view handle, size_t letters) {
  size_t i = 0;
  for (size_t seen = 0; i < handle.size() && seen < letters; ++i) {
    const char c = handle[i];
    if ((c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z')) ++seen;
  }
  if (handle.size() - i > kHandleSuffix) return false;
  for (; i < handle.size(); ++i) {
    const char c = handle[i];
    if (!((c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9'))) return false;
  }
  return true;
}

// Whether the handle is the signer's own: it spells the full name ("Ari
// Fleischer", @AriFleischer or @ari_fleischer), or holds the surname of a
// name with an abbreviated title ("Rep. Pramila Jayapal", @RepJayapal). A
// one-word alias ("Megatron") or an account with a name of its own
// ("Harbor Watch", @harborwatch_hl) is no one on record.
bool HandleIsTheSigners(std::string_view text, const std::vector<Token>& tokens,
                        const Speaker& s, const Token& handle) {
  std::string name, surname, spelled;
  size_t words = 0;
  bool abbreviated = false;
  for (size_t i = s.first; i < s.last; ++i) {
    abbreviated |= Is(tokens[i], ".");
    if (!tokens[i].is_word) continue;
    ++words;
    AppendLetters(text, tokens[i].begin, tokens[i].end, &name);
    surname.clear();
    AppendLetters(text, tokens[i].begin, tokens[i].end, &surname);
  }
  AppendLetters(text, handle.begin, handle.end, &spelled);
  if (words < 2) return false;
  const bool spells_name =
      spelled == name ||
      (spelled.compare(0, name.size(), name) == 0 &&
       CredentialSuffix(text.substr(handle.begin, handle.end - handle.begin),
                        name.size()));
  return spells_name || (abbreviated && surname.size() >= 3 &&
                         spelled.find(surname) != std::string::npos);
}

// Drops the social cue that starts at token `at` (a handle), if any.
void DropSocialCueAt(size_t at, ClaimState* state) {
  std::vector<Cue>& social = state->cues[kUnverifiedSocial];
  for (size_t i = 0; i < social.size(); ++i) {
    if (social[i].begin == state->t()[at].begin) {
      social.erase(social.begin() + static_cast<std::ptrdiff_t>(i));
      --state->found;
      if (social.empty()) {
        state->cues_used &= ~(uint32_t{1} << kUnverifiedSocial);
      }
      return;
    }
  }
}

// Whether a display name that ends at token `last` runs to the "(" at
// `paren`: at once, or after a credential set off by a comma ("James
// Todaro, MD").
bool NameEndsAt(const std::vector<Token>& tokens, size_t last, size_t paren) {
  if (last == paren) return true;
  if (last + 2 > paren || last + 3 < paren || !Is(tokens[last], ",")) {
    return false;
  }
  for (size_t i = last + 1; i < paren; ++i) {
    if (!tokens[i].is_word || !tokens[i].capitalized) return false;
  }
  return true;
}

// The "(" of a post signature's "(@handle)" after the dash at d, within a
// display name's few tokens, with only a date after it to the claim's end;
// tokens.size() if there is none.
size_t SignatureHandle(const std::vector<Token>& tokens, size_t d) {
  const size_t n = tokens.size();
  for (size_t p = d + 2; p + 3 < n && p <= d + kSignatureNameTokens; ++p) {
    if (!Is(tokens[p], "(")) continue;
    if (!Is(tokens[p + 1], "@") || !tokens[p + 2].is_word ||
        !Is(tokens[p + 3], ")")) {
      return n;
    }
    for (size_t i = p + 4; i < n; ++i) {
      if (!IsDateToken(tokens[i])) return n;
    }
    return p;
  }
  return n;
}

// A post's signature after the dash at d: a display name, "(@handle)" and
// a date to the claim's end. A speaker whose handle it is (a person whose
// name the handle spells, or a title or body) is on record: the claim is
// their statement. Any other account ("Harbor Watch", "Megatron",
// "@harborwatch") is an unverified social source. Adds the cue, backs the
// claim and drops the handle's own social cue. Returns whether it was one.
bool AddPostSignature(size_t d, ClaimState* state) {
  const std::vector<Token>& tokens = state->t();
  const size_t paren = SignatureHandle(tokens, d);
  if (paren == tokens.size()) return false;
  const size_t at = paren + 1;
  const Speaker s = SpeakerAfter(tokens, *state->roles, d + 1);
  const bool on_record =
      s.kind != SpeakerKind::kNone && NameEndsAt(tokens, s.last, paren) &&
      (s.kind != SpeakerKind::kNamed ||
       HandleIsTheSigners(state->text, tokens, s, tokens[at + 1]));
  DropSocialCueAt(at, state);
  if (!on_record) {
    state->Back(Backing::kSocial, d + 1, paren);
    state->Add(kUnverifiedSocial, d, at + 3, 1.0, &kUnknownAccountRule);
    return true;
  }
  state->BackBySpeaker(s);
  state->Add(SpeechCategory(s.kind, false, state->previous), d + 1, at + 3, 1.0,
             &kPostSignatureRule);
  return true;
}

}  // namespace

void AddDashAttribution(ClaimState* state) {
  const std::vector<Token>& tokens = state->t();
  const size_t n = tokens.size();
  const size_t d = LastDash(tokens, n > kDashWindow ? n - kDashWindow : 0);
  if (d == n) return;
  if (AddPostSignature(d, state) || d == 0) return;
  const Speaker s = SpeakerAfter(tokens, *state->roles, d + 1);
  // A headline's "... – Variety" or "Hamilton East—Stoney Creek" is a
  // publisher or a place: a name or an outlet after a dash speaks only
  // when a quotation closes right before it.
  const bool quote_closes = Is(tokens[d - 1], "\"") || Is(tokens[d - 1], "'");
  const bool name =
      s.kind == SpeakerKind::kNamed || s.kind == SpeakerKind::kMedia;
  if (s.kind != SpeakerKind::kNone && s.last == n && (quote_closes || !name)) {
    state->BackBySpeaker(s);
    state->Add(SpeechCategory(s.kind, false, state->previous), d, s.last, 1.0,
               &kDashAttributionRule);
  }
}

}  // namespace credence
