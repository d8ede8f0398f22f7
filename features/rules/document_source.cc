// The document pass (document_source.h).
#include "features/rules/document_source.h"

#include <algorithm>
#include <cstdint>
#include <initializer_list>
#include <string_view>
#include <vector>

#include "features/lexicon_ids.h"
#include "features/match_context.h"
#include "features/rules/speech.h"
#include "features/word_set.h"

namespace credence {
namespace {

const LexiconEntry kDocumentRule = RuleEntry("<document> <says|shows|found>");
// A set-off phrase between a document and its verb ("The lawsuit, filed
// Friday in federal court, says") runs to at most this many tokens.
constexpr size_t kAppositiveTokens = 12;
// A title before a name the speaker rules did not take runs to at most
// this many words.
constexpr size_t kTitleTokens = 2;
// A document's owner and modifiers ("the color-coded", "Police Chief Dana
// Ortiz 's") stand within this many tokens before its noun.
constexpr size_t kModifierTokens = 6;

// The papers news cites as sources. A closed class kept here rather than
// in a lexicon: the pass reads it only where a document verb follows.
const std::initializer_list<std::string_view> kDocumentNouns = {
    "lawsuit",    "lawsuits",   "suit",       "complaint", "filing",
    "filings",    "indictment", "affidavit",  "petition",  "report",
    "reports",    "study",      "survey",     "audit",     "letter",
    "memo",       "memos",      "memorandum", "document",  "documents",
    "records",    "emails",     "statement",  "playbook",  "handbook",
    "transcript", "warrant",    "ruling"};

// Three bits of each noun's hash, one in each word of a filter: a token
// whose three bits are not all set is no document noun. A few shifts and
// masks a token, where the set's probe costs a call on every token.
struct NounFilter {
  uint64_t bits[3] = {0, 0, 0};
  NounFilter() {
    for (std::string_view noun : kDocumentNouns) {
      const uint64_t h = HashWord(noun);
      for (int k = 0; k < 3; ++k) bits[k] |= uint64_t{1} << Bit(h, k);
    }
  }
  static unsigned Bit(uint64_t hash, int k) {
    return static_cast<unsigned>((hash >> (21 * k)) & 63);
  }
  // Every noun has four letters or more.
  bool MayHold(const Token& t) const {
    return t.norm.size() >= 4 &&
           ((bits[0] >> Bit(t.hash, 0)) & (bits[1] >> Bit(t.hash, 1)) &
            (bits[2] >> Bit(t.hash, 2)) & 1) != 0;
  }
};

// Only after the filter passed: a few tokens a claim.
bool IsDocumentNoun(const Token& t) {
  static const WordSet s(kDocumentNouns);
  return s.Contains(t);
}

// The verbs a document says things with; "found" and "shows" report what
// it establishes.
bool IsDocumentVerb(const Token& t) {
  static const WordSet s = {
      "says",       "said",        "say",       "claims",    "claimed",
      "alleges",    "alleged",     "allege",    "states",    "stated",
      "finds",      "found",       "shows",     "showed",    "show",
      "notes",      "noted",       "adds",      "added",     "argues",
      "argued",     "stresses",    "stressed",  "concludes", "concluded",
      "recommends", "recommended", "reveals",   "revealed",  "warns",
      "warned",     "accuses",     "accused",   "lists",     "listed",
      "details",    "detailed",    "describes", "described", "reads"};
  return s.Contains(t);
}

// "The lawsuit lists four plaintiffs", "the memo details the plan": the
// document holds the content but asserts nothing, so it backs the claim
// without a verb of saying to mark.
bool HoldsContent(const Token& t) {
  static const WordSet s = {"lists",     "listed",    "details", "detailed",
                            "describes", "described", "reads"};
  return s.Contains(t);
}

bool IsDefinite(const Token& t) {
  return Is(t, "the") || Is(t, "this") || Is(t, "that") || Is(t, "these");
}

bool IsPossessivePronoun(const Token& t) {
  return Is(t, "his") || Is(t, "her") || Is(t, "their") || Is(t, "its");
}

// "The letter found in the car", "documents described by the court": a
// participle after its noun with a phrase of place or agent, not a verb.
bool IsReducedRelative(const std::vector<Token>& tokens, size_t v) {
  const std::string_view verb = tokens[v].norm;
  const bool participle =
      verb.size() > 2 && (verb.back() == 'd' || verb == "found");
  return participle && v + 1 < tokens.size() &&
         (IsPreposition(tokens[v + 1]) || Is(tokens[v + 1], "by") ||
          Is(tokens[v + 1], "at") || Is(tokens[v + 1], "under"));
}

// Whether a sourcing cue found so far covers token i's bytes.
bool SourcedAt(const ClaimState& s, size_t i) {
  const Token& t = s.t()[i];
  for (size_t c : {kNamedSource, kOfficialConfirmation, kAnonymousSource,
                   kVagueAttribution, kMediaReport, kUnverifiedSocial}) {
    if ((s.cues_used & (uint32_t{1} << c)) == 0) continue;
    for (const Cue& cue : s.cues[c]) {
      if (cue.begin < t.end && t.begin < cue.end) return true;
    }
  }
  return false;
}

// The document noun that is the subject of the verb at token v: right
// before it (past "also", "has"), or before a set-off phrase. The noun's
// index, or v when there is none.
size_t DocumentHead(const std::vector<Token>& tokens, size_t v) {
  const size_t k = SkipFillersLeft(tokens, v);
  if (k == 0) return v;
  size_t head = k - 1;
  if (Is(tokens[head], ",")) {
    size_t i = head;
    while (i > 0 && head - i < kAppositiveTokens && !Is(tokens[i - 1], ",")) {
      --i;
    }
    if (i < 2 || head - i >= kAppositiveTokens) return v;
    head = i - 2;
  }
  return IsDocumentNoun(tokens[head]) ? head : v;
}

// Whether a token may stand inside a document's noun phrase before it.
bool IsModifier(const Token& t) {
  return (t.is_word || Is(t, "'s")) && !IsSubjectPronoun(t) &&
         !IsPreposition(t);
}

// Who owns the document whose noun is tokens[head]: the speaker a
// possessor or modifier names, or the kind its determiner implies.
// *first is set to the phrase's first token.
SpeakerKind DocumentOwner(const ClaimState& s, size_t head, size_t* first) {
  const std::vector<Token>& tokens = s.t();
  const std::vector<uint8_t>& roles = *s.roles;
  size_t i = head;
  while (i > 0 && head - i < kModifierTokens && IsModifier(tokens[i - 1]) &&
         !IsDeterminer(tokens[i - 1])) {
    --i;
  }
  const Token* det = i > 0 ? &tokens[i - 1] : nullptr;
  const bool definite = det != nullptr && IsDefinite(*det);
  if (det != nullptr && IsDeterminer(*det)) {
    *first = i - 1;
  } else {
    // No determiner: only names and role words own a bare noun ("Court
    // filings show"); lower-case words before it are another clause's.
    i = head;
    while (i > 0 && head - i < kModifierTokens &&
           ((tokens[i - 1].is_word &&
             (tokens[i - 1].capitalized || roles[i - 1] != 0)) ||
            Is(tokens[i - 1], "'s"))) {
      --i;
    }
    *first = i;
  }
  for (size_t j = i; j + 1 < head; ++j) {
    if (Is(tokens[j + 1], "'s")) {
      Speaker owner = SpeakerBefore(tokens, roles, j + 1);
      if (owner.last == j + 1 && owner.kind != SpeakerKind::kNone &&
          owner.kind != SpeakerKind::kPronoun) {
        *first = std::min(*first, owner.first);
        if (s.names != nullptr) s.names->Recall(tokens, roles, &owner);
        return owner.kind;
      }
    }
  }
  for (size_t j = *first; j < head; ++j) {
    if (roles[j] & kBodyRole) return SpeakerKind::kInstitution;
    if (roles[j] & kMediaRole) return SpeakerKind::kMedia;
  }
  if (det != nullptr && IsPossessivePronoun(*det)) return SpeakerKind::kPronoun;
  if (definite) return SpeakerKind::kInstitution;
  if (det != nullptr && IsDeterminer(*det)) return SpeakerKind::kNone;
  const bool plural = tokens[head].norm.back() == 's';
  return *first < head ? SpeakerKind::kInstitution
         : plural      ? SpeakerKind::kVague
                       : SpeakerKind::kNone;
}

// The source the document whose noun is tokens[head] gives as the
// subject of the verb at token v, with its cue.
void AddDocumentSource(size_t head, size_t v, ClaimState* state) {
  const std::vector<Token>& tokens = state->t();
  if (SourcedAt(*state, v) || IsReducedRelative(tokens, v)) return;
  size_t first = head;
  SpeakerKind kind;
  if ((*state->roles)[head] != 0) {
    // A noun the speaker rules read ("report", "study"): their reading.
    const Speaker s = SpeakerBefore(tokens, *state->roles, head + 1);
    kind = s.kind;
    first = s.first;
  } else {
    kind = DocumentOwner(*state, head, &first);
  }
  if (kind == SpeakerKind::kNone ||
      (kind == SpeakerKind::kPronoun && state->previous == Backing::kNone)) {
    return;
  }
  state->BackBySpeaker({first, head + 1, kind});
  if (HoldsContent(tokens[v])) return;
  state->Add(SpeechCategory(kind, false, state->previous), first, v + 1, 1.0,
             &kDocumentRule);
}

}  // namespace

bool IsDocumentAddressee(const std::vector<Token>& tokens, size_t first) {
  if (first > tokens.size()) return false;
  // Past a title the speaker rules left out ("to Detective Ana Ruiz").
  for (size_t k = 0;
       k < kTitleTokens && first > 0 && tokens[first - 1].capitalized; ++k) {
    --first;
  }
  if (first < 2 || !Is(tokens[first - 1], "to")) return false;
  // The noun, or the noun and a participle ("a letter sent to").
  const size_t lo = first >= 3 ? first - 3 : 0;
  for (size_t i = first - 1; i > lo;) {
    --i;
    if (IsDocumentNoun(tokens[i])) return true;
  }
  return false;
}

void AddDocumentSources(ClaimState* state) {
  const std::vector<Token>& tokens = state->t();
  static const NounFilter kFilter;
  // Kept in registers across the loop, which calls out only on a match.
  const NounFilter filter = kFilter;
  const size_t n = tokens.size();
  // From each document noun to the verb it may be the subject of: nouns
  // are rare, so most claims cost a filter test a token.
  for (size_t i = 0; i + 1 < n; ++i) {
    if (!filter.MayHold(tokens[i]) || !IsDocumentNoun(tokens[i])) continue;
    const size_t to = std::min(n, i + kAppositiveTokens + 4);
    for (size_t v = i + 1; v < to; ++v) {
      if (IsDocumentVerb(tokens[v]) && DocumentHead(tokens, v) == i) {
        AddDocumentSource(i, v, state);
        break;
      }
    }
  }
}

}  // namespace credence
