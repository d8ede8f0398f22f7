// Speaker search and classification for speech verbs (attribution.h):
// runs of names and role words left or right of a verb, and their kind.
#include "features/attribution.h"

#include <algorithm>
#include <string_view>

#include "features/match_context.h"
#include "features/word_set.h"

namespace credence {
namespace {

// A speaker is at most this many tokens long: a bound that keeps the
// extractor linear on adversarial text.
constexpr size_t kMaxSpeakerTokens = 12;

bool In(const WordSet& set, const Token& token) { return set.Contains(token); }

// Capitalized words that name no one: sentence openers, pronouns, days.
const WordSet& NotNames() {
  static const WordSet s = {
      "the",       "a",        "an",      "it",       "this",    "that",
      "these",     "those",    "he",      "she",      "they",    "we",
      "i",         "you",      "his",     "her",      "their",   "its",
      "our",       "my",       "your",    "but",      "and",     "or",
      "so",        "then",     "there",   "here",     "however", "meanwhile",
      "also",      "in",       "on",      "at",       "as",      "after",
      "before",    "when",     "while",   "if",       "one",     "another",
      "several",   "who",      "which",   "what",     "monday",  "tuesday",
      "wednesday", "thursday", "friday",  "saturday", "sunday",  "today",
      "yesterday", "tomorrow", "earlier", "later",    "last",    "next",
      "both",      "all",      "no",      "not",      "said",    "says",
      "according", "asked",    "told",    "for",      "with",    "by",
      "from",      "of",       "to",      "now",      "still",   "even",
      "first",     "second",   "most",    "more",     "than",    "just",
      "only",      "why",      "how",     "where",    "will",    "can",
      "you'd",     "i'd",      "we'd",    "they'd",   "let's",   "let"};
  return s;
}

// Capitalized abbreviations a name may hold: "Dr. Smith", "St. Paul
// Police", "Acme Corp.". Any other capitalized word before a period ends
// a sentence, even a short one ("Parliament Hill. Gunfire ...").
const WordSet& Abbreviations() {
  static const WordSet s = {
      "mr",  "mrs",  "ms",   "dr",   "prof", "st",   "jr",   "sr",
      "gen", "gov",  "govs", "sen",  "sens", "rep",  "reps", "lt",
      "col", "sgt",  "capt", "cmdr", "adm",  "maj",  "cpl",  "rev",
      "hon", "pres", "supt", "det",  "insp", "atty", "mt",   "ft",
      "inc", "corp", "co",   "ltd",  "bros", "dept", "no"};
  return s;
}

const WordSet& Pronouns() {
  static const WordSet s = {"he", "she", "they", "it"};
  return s;
}

// Words that may stand between a subject and its speech verb, a reflexive
// for emphasis included ("the mayor himself said").
const WordSet& Fillers() {
  static const WordSet s = {
      "has",     "have",       "had",        "also",         "later",
      "earlier", "already",    "now",        "then",         "again",
      "once",    "separately", "previously", "subsequently", "further",
      "first",   "initially",  "long",       "himself",      "herself",
      "itself",  "themselves"};
  return s;
}

// Words before a speaker that make it definite ("the", "her label").
const WordSet& Definites() {
  static const WordSet s = {"the", "his", "her", "their", "its", "our"};
  return s;
}

// Words before a speaker that make it a crowd ("many fans").
const WordSet& Quantifiers() {
  static const WordSet s = {"many", "some", "most", "few", "numerous"};
  return s;
}

const WordSet& Reports() {
  static const WordSet s = {"report", "reports"};
  return s;
}

// After an unnamed report, the outlet or body it comes from: "by", "from"
// or "in", then (past "the") a name or an outlet or body word. Returns
// the source's first token, or `after` when the report names none.
size_t ReportSource(const std::vector<Token>& tokens,
                    const std::vector<uint8_t>& roles, size_t after) {
  if (after >= tokens.size() ||
      !(Is(tokens[after], "by") || Is(tokens[after], "from") ||
        Is(tokens[after], "in"))) {
    return after;
  }
  size_t i = after + 1;
  if (i < tokens.size() && Is(tokens[i], "the")) ++i;
  const bool names = i < tokens.size() &&
                     ((roles[i] & (kMediaRole | kBodyRole)) != 0 ||
                      (tokens[i].capitalized && !In(NotNames(), tokens[i])));
  return names ? i : after;
}

// The end of the source's name starting at `from`, and the roles in it.
size_t SourceEnd(const std::vector<Token>& tokens,
                 const std::vector<uint8_t>& roles, size_t from, uint8_t* all) {
  size_t i = from;
  *all = 0;
  while (i < tokens.size() && i - from < kMaxSpeakerTokens &&
         (tokens[i].capitalized || roles[i] != 0 ||
          (i > from && (Is(tokens[i], "of") || Is(tokens[i], "'s"))))) {
    *all |= roles[i];
    ++i;
  }
  while (i > from && !tokens[i - 1].capitalized && roles[i - 1] == 0) --i;
  return i;
}

// A body's documents (official_body.txt): owned by a person ("Schroeder's
// letter"), one speaks with its owner's voice.
const WordSet& Documents() {
  static const WordSet s = {"filing",     "lawsuit",   "complaint",
                            "indictment", "affidavit", "memo",
                            "memorandum", "letter",    "playbook"};
  return s;
}

// People who speak for themselves, not an office (person_noun.txt): the
// guide's experts, lawyers and witnesses are named when the reader knows
// who they are ("the professor", "his attorney", "lawyer Ana Ruiz").
const WordSet& Professions() {
  static const WordSet s = {
      "attorney",   "attorneys",  "lawyer",  "lawyers",   "professor",
      "professors", "economist",  "analyst", "scientist", "researcher",
      "historian",  "specialist", "doctor"};
  return s;
}

// Bodies whose members speak for themselves: "Ana Ruiz of the University
// of Leeds" is an academic, not the university's voice.
const WordSet& Academies() {
  static const WordSet s = {"university", "institute", "college", "school"};
  return s;
}

const WordSet& Spokespeople() {
  static const WordSet s = {"spokeswoman", "spokesman", "spokesperson"};
  return s;
}

// Titles an organization or a place has one holder of: "Ferguson police
// chief" names a person, "White House official" does not.
const WordSet& SoleOffices() {
  static const WordSet s = {
      "chief",     "mayor",     "governor",     "president",      "premier",
      "sheriff",   "coroner",   "chairman",     "chairwoman",     "chancellor",
      "ceo",       "treasurer", "commissioner", "superintendent", "dean",
      "principal", "founder",   "prosecutor"};
  return s;
}

bool IsAdverb(const Token& t) {
  return t.is_word && !t.capitalized && t.norm.size() > 4 &&
         t.norm.compare(t.norm.size() - 2, 2, "ly") == 0;
}

bool IsName(const Token& t, uint8_t role) {
  return role == 0 && t.capitalized && !In(NotNames(), t);
}

bool Touch(const Token& a, const Token& b) { return a.end == b.begin; }

// Whether a capitalized word or a body among tokens [first, head) owns
// the head ("a Pentagon memo").
bool HasOwner(const std::vector<Token>& tokens,
              const std::vector<uint8_t>& roles, size_t first, size_t head) {
  for (size_t i = first; i < head; ++i) {
    if (tokens[i].capitalized || (roles[i] & kBodyRole) != 0) return true;
  }
  return false;
}

// The hyphen of a hyphenated name and the part after it: "Sang-gyun",
// "Jae-in", "Smith-Jones" (a hyphen touching a capitalized word before and
// a word after).
bool IsNameHyphen(const std::vector<Token>& tokens, size_t i) {
  return i > 0 && i + 1 < tokens.size() && Is(tokens[i], "-") &&
         tokens[i - 1].capitalized && tokens[i + 1].is_word &&
         Touch(tokens[i - 1], tokens[i]) && Touch(tokens[i], tokens[i + 1]);
}
bool IsNameSuffix(const std::vector<Token>& tokens, size_t i) {
  return i > 1 && tokens[i].is_word && IsNameHyphen(tokens, i - 1);
}

// A dash that sets off a clause: spaced, or an en or em dash.
bool IsClauseDash(const std::vector<Token>& tokens, size_t i) {
  const Token& t = tokens[i];
  if (Is(t, "\u2013") || Is(t, "\u2014")) return true;
  return Is(t, "-") && !(i > 0 && Touch(tokens[i - 1], t)) &&
         !(i + 1 < tokens.size() && Touch(t, tokens[i + 1]));
}

// Tokens that may belong to a speaker: names (hyphenated ones too), role
// words, the periods of "U.S." and "Corp.", a possessive 's, "of" inside
// "Ministry of Defense".
bool IsSpeakerToken(const std::vector<Token>& tokens,
                    const std::vector<uint8_t>& roles, size_t i) {
  const Token& t = tokens[i];
  if (roles[i] != 0) return true;
  if (t.capitalized) return !In(NotNames(), t);
  if (i == 0) return false;
  if (IsNameHyphen(tokens, i) || IsNameSuffix(tokens, i)) return true;
  const Token& prev = tokens[i - 1];
  if (Is(t, ".")) {  // "U.S.", "Dr.", "Corp.", but not "Hill." or "Kremlin."
    return prev.capitalized &&
           (prev.norm.size() == 1 || In(Abbreviations(), prev));
  }
  return Is(t, "'s") && (prev.capitalized || roles[i - 1] != 0);
}

bool HasWord(const WordSet& set, const std::vector<Token>& tokens, size_t first,
             size_t last) {
  for (size_t i = first; i < last; ++i) {
    if (In(set, tokens[i])) return true;
  }
  return false;
}

SpeakerKind Classify(const std::vector<Token>& tokens,
                     const std::vector<uint8_t>& roles, size_t first,
                     size_t last, const Token* before);

// "Sgt. Ali Hassan of the city police", "Ana Ruiz of the dockers' union":
// a person named before "of" and a body speaks for the body, an official
// (academics for themselves: named). kNone when no person precedes "of".
SpeakerKind MemberOf(const std::vector<Token>& tokens,
                     const std::vector<uint8_t>& roles, size_t first,
                     size_t last, const Token* before) {
  size_t of = first;
  while (of < last && !Is(tokens[of], "of")) ++of;
  if (of == last || of == first ||
      !IsPersonName(tokens[of - 1], roles[of - 1])) {
    return SpeakerKind::kNone;
  }
  const SpeakerKind person = Classify(tokens, roles, first, of, before);
  if (person != SpeakerKind::kNamed) return person;
  return HasWord(Academies(), tokens, of + 1, last) ? SpeakerKind::kNamed
                                                    : SpeakerKind::kOfficial;
}

// `before` is the word just before the run, if any ("the", "a", "many").
SpeakerKind Classify(const std::vector<Token>& tokens,
                     const std::vector<uint8_t>& roles, size_t first,
                     size_t last, const Token* before) {
  size_t head = last - 1;
  while (head > first && (Is(tokens[head], ".") || Is(tokens[head], "'s"))) {
    --head;
  }
  while (head > first + 1 && IsNameSuffix(tokens, head)) head -= 2;
  uint8_t all = 0;
  bool possessive = false;
  for (size_t i = first; i < last; ++i) {
    all |= roles[i];
    possessive |= Is(tokens[i], "'s");
  }
  const Token& h = tokens[head];
  if (In(Documents(), h) && head >= first + 2 && Is(tokens[head - 1], "'s") &&
      roles[head - 2] == 0) {
    return Classify(tokens, roles, first, head - 1, before);
  }
  // "A memo says": a document of no one the reader can tell is no voice.
  if (In(Documents(), h) && before != nullptr &&
      (Is(*before, "a") || Is(*before, "an")) &&
      !HasOwner(tokens, roles, first, head)) {
    return SpeakerKind::kNone;
  }
  uint8_t role = roles[head];
  // Inside a capitalized name a crowd word is part of the name: "British
  // Antarctic Survey" is an organization, not a survey.
  // A quantifier before it is no part of a name ("Some Republicans").
  if (h.capitalized && head > first && tokens[head - 1].capitalized &&
      !In(Quantifiers(), tokens[head - 1])) {
    role &= static_cast<uint8_t>(~kVagueRole);
  }
  const bool definite =
      possessive || (before != nullptr && In(Definites(), *before));
  const bool quantified = (before != nullptr && In(Quantifiers(), *before)) ||
                          (head > first && In(Quantifiers(), tokens[first]));
  // "Some officials" are unnamed insiders, "many fans" a crowd.
  if (quantified && (role & kTitleRole) != 0) return SpeakerKind::kAnonymous;
  if (quantified && (role & (kPersonRole | kVagueRole)) != 0) {
    return SpeakerKind::kVague;
  }
  // "Reports say", "Report:", "a new report says": a report that names no
  // outlet is as vague as "reportedly"; "a Reuters report" or "a report
  // in People" names one. A body's report speaks for the body ("a report
  // by the Chamber of Commerce"), as its filings do.
  if (head == first && In(Reports(), h)) {
    if (ReportSource(tokens, roles, last) == last) return SpeakerKind::kVague;
    if (ReportingBody(tokens, roles, last).kind != SpeakerKind::kNone) {
      return SpeakerKind::kInstitution;
    }
  }
  if ((role & kMediaRole) != 0) return SpeakerKind::kMedia;
  if ((role & kTitleRole) != 0) {
    const bool plural = h.norm.size() > 3 && h.norm.back() == 's' &&
                        h.norm[h.norm.size() - 2] != 's';
    // A capitalized title names one office ("Prime Minister Says"); a
    // spokesperson speaks on record by definition.
    // A sole office after its body or place ("Ferguson police chief",
    // "Ottawa Police spokesman") is one person too.
    const bool indefinite =
        before != nullptr && (Is(*before, "a") || Is(*before, "an"));
    const bool owned = !indefinite && HasOwner(tokens, roles, first, head);
    const bool on_record = definite || h.capitalized || In(Spokespeople(), h) ||
                           (owned && In(SoleOffices(), h));
    return !plural && on_record ? SpeakerKind::kOfficial
                                : SpeakerKind::kAnonymous;
  }
  if ((role & kBodyRole) != 0) {
    const SpeakerKind member = MemberOf(tokens, roles, first, last, before);
    return member != SpeakerKind::kNone ? member : SpeakerKind::kInstitution;
  }
  if ((role & kPersonRole) != 0) {
    return In(Professions(), h) && definite ? SpeakerKind::kNamed
                                            : SpeakerKind::kAnonymous;
  }
  if ((role & kVagueRole) != 0) return SpeakerKind::kVague;
  if (!IsName(h, role)) return SpeakerKind::kNone;
  if ((all & kTitleRole) != 0) return SpeakerKind::kOfficial;
  if (HasWord(Professions(), tokens, first, head)) return SpeakerKind::kNamed;
  if ((all & kBodyRole) != 0) return SpeakerKind::kInstitution;
  if ((all & kMediaRole) != 0) return SpeakerKind::kMedia;
  return SpeakerKind::kNamed;
}

// The stronger of two speakers' kinds (official first).
SpeakerKind Stronger(SpeakerKind a, SpeakerKind b) {
  if (a == SpeakerKind::kNone) return b;
  if (b == SpeakerKind::kNone) return a;
  return std::min(a, b);
}

// Lower-case words inside a long name: "Ministry of Defense", "Project on
// Government Oversight", "Office of Management and Budget". "of" joins any
// two speaker tokens; the others only two capitalized words.
bool JoinsName(const std::vector<Token>& tokens,
               const std::vector<uint8_t>& roles, size_t i) {
  if (i == 0 || i + 1 >= tokens.size()) return false;
  if (Is(tokens[i], "of")) {
    return IsSpeakerToken(tokens, roles, i - 1) &&
           IsSpeakerToken(tokens, roles, i + 1);
  }
  static const WordSet connectors = {"on", "for", "and"};
  return In(connectors, tokens[i]) && tokens[i - 1].capitalized &&
         tokens[i + 1].capitalized && IsSpeakerToken(tokens, roles, i - 1) &&
         IsSpeakerToken(tokens, roles, i + 1);
}

// A run of speaker tokens ending just before `end`; returns its first.
size_t RunStart(const std::vector<Token>& tokens,
                const std::vector<uint8_t>& roles, size_t end) {
  size_t first = end;
  while (first > 0 && end - first < kMaxSpeakerTokens) {
    const size_t i = first - 1;
    const bool take = IsSpeakerToken(tokens, roles, i) ||
                      (first < end && JoinsName(tokens, roles, i));
    if (!take) break;
    first = i;
  }
  return first;
}

// The speaker of a run ending before `end`, with lowercase modifiers
// between a determiner and the run: "the defense minister".
Speaker RunBefore(const std::vector<Token>& tokens,
                  const std::vector<uint8_t>& roles, size_t end) {
  Speaker s;
  size_t first = RunStart(tokens, roles, end);
  if (first == end) return s;
  size_t det = first;
  for (size_t m = 0;
       m < 2 && det > 0 && tokens[det - 1].is_word &&
       !tokens[det - 1].capitalized && !In(Definites(), tokens[det - 1]) &&
       !In(Quantifiers(), tokens[det - 1]) && !IsLocative(tokens[det - 1]);
       ++m) {
    --det;
  }
  if (det < first && !(det > 0 && In(Definites(), tokens[det - 1]))) {
    det = first;  // modifiers count only after a determiner
  }
  const Token* before = det > 0 ? &tokens[det - 1] : nullptr;
  s.kind = Classify(tokens, roles, first, end, before);
  const bool article =
      before != nullptr &&
      (In(Definites(), *before) || Is(*before, "a") || Is(*before, "an"));
  s.first = article ? det - 1 : det;
  s.last = end;
  return s;
}

// "a source close to the governor", "an aide to the minister": the
// speaker is the unnamed person near `s`, not `s` itself. kNone when `s`
// stands on its own.
Speaker CloseTo(const std::vector<Token>& tokens,
                const std::vector<uint8_t>& roles, const Speaker& s) {
  if (s.kind == SpeakerKind::kNone || s.first < 2 ||
      !Is(tokens[s.first - 1], "to")) {
    return {};
  }
  const size_t link = s.first - 1;
  const bool close = Is(tokens[link - 1], "close");
  const bool person = (roles[link - 1] & kPersonRole) != 0;
  if (!close && !person) return {};
  Speaker outer = RunBefore(tokens, roles, close ? link - 1 : link);
  if (outer.kind == SpeakerKind::kNone) {
    if (!close) return {};
    outer.first = link - 1;
  }
  if (outer.kind != SpeakerKind::kVague) outer.kind = SpeakerKind::kAnonymous;
  outer.last = s.last;
  return outer;
}

// "Sgt. Ali Hassan of the city police said": the person named before "of"
// and a body `s` speaks for it (MemberOf). kNone when no person precedes.
Speaker MemberBefore(const std::vector<Token>& tokens,
                     const std::vector<uint8_t>& roles, const Speaker& s) {
  if (s.kind != SpeakerKind::kInstitution || s.first < 2 ||
      !Is(tokens[s.first - 1], "of")) {
    return {};
  }
  Speaker person = RunBefore(tokens, roles, s.first - 1);
  if ((person.kind != SpeakerKind::kNamed &&
       person.kind != SpeakerKind::kOfficial) ||
      !IsPersonName(tokens[person.last - 1], roles[person.last - 1])) {
    return {};
  }
  if (person.kind == SpeakerKind::kNamed) {
    person.kind = HasWord(Academies(), tokens, s.first, s.last)
                      ? SpeakerKind::kNamed
                      : SpeakerKind::kOfficial;
  }
  person.last = s.last;
  return person;
}

// "Critics of the policy say", "opponents of the bill argued": a crowd
// named by what it stands against or for, ending before `end`; the phrase
// after "of" is no speaker. kNone when the words before `end` are not one.
Speaker CrowdOf(const std::vector<Token>& tokens,
                const std::vector<uint8_t>& roles, size_t end) {
  constexpr size_t kMaxObjectTokens = 8;
  for (size_t i = end; i > 1 && end - i < kMaxObjectTokens; --i) {
    const Token& t = tokens[i - 1];
    if (!t.is_word && !Is(t, "'s")) return {};
    if (!Is(t, "of") || i == end) continue;
    const Token& crowd = tokens[i - 2];
    if ((roles[i - 2] & kVagueRole) == 0 || crowd.norm.back() != 's') {
      return {};
    }
    Speaker s = RunBefore(tokens, roles, i - 1);
    if (s.kind != SpeakerKind::kVague) return {};
    s.last = end;
    return s;
  }
  return {};
}

}  // namespace

Speaker ReportingBody(const std::vector<Token>& tokens,
                      const std::vector<uint8_t>& roles, size_t after) {
  const size_t from = ReportSource(tokens, roles, after);
  if (from == after) return {};
  uint8_t all = 0;
  const size_t end = SourceEnd(tokens, roles, from, &all);
  if ((all & kBodyRole) == 0 || (all & kMediaRole) != 0) return {};
  return {after + 1, end, SpeakerKind::kInstitution};
}

size_t NameHead(const std::vector<Token>& tokens, size_t i) {
  return IsNameSuffix(tokens, i) ? i - 2 : i;
}

bool IsPersonName(const Token& token, uint8_t role) {
  return IsName(token, role) && token.is_word && token.norm.size() > 1 &&
         !In(Abbreviations(), token);
}

size_t SurnameIndex(const std::vector<Token>& tokens,
                    const std::vector<uint8_t>& roles, size_t first,
                    size_t last) {
  const auto name = [&](size_t i) { return IsPersonName(tokens[i], roles[i]); };
  for (size_t i = last; i > first; --i) {
    const size_t k = i - 1;
    if (!name(k)) continue;
    if (k + 1 == last || (!name(k + 1) && roles[k + 1] == 0)) return k;
  }
  return last;
}

size_t SkipFillersLeft(const std::vector<Token>& tokens, size_t index) {
  size_t k = index, skipped = 0;
  while (k > 0 && skipped < 3 &&
         (In(Fillers(), tokens[k - 1]) || IsAdverb(tokens[k - 1]))) {
    --k;
    ++skipped;
  }
  return k;
}

Speaker SpeakerBefore(const std::vector<Token>& tokens,
                      const std::vector<uint8_t>& roles, size_t verb_first) {
  const size_t end = SkipFillersLeft(tokens, verb_first);
  if (end == 0) return {};
  if (In(Pronouns(), tokens[end - 1])) {
    return {end - 1, end, SpeakerKind::kPronoun};
  }
  const bool dash = IsClauseDash(tokens, end - 1);
  if (!Is(tokens[end - 1], ",") && !dash) {
    // "a source on Parliament Hill tells", "officials in Ottawa said": a
    // place after a preposition is where the speaker is, not who. A crowd
    // at a body speaks for it ("researchers at the British Antarctic
    // Survey"); an unnamed person or a source there does not.
    const Speaker crowd = CrowdOf(tokens, roles, end);
    if (crowd.kind != SpeakerKind::kNone) return crowd;
    const Speaker s = RunBefore(tokens, roles, end);
    const Speaker near = CloseTo(tokens, roles, s);
    if (near.kind != SpeakerKind::kNone) return near;
    const Speaker of_body = MemberBefore(tokens, roles, s);
    if (of_body.kind != SpeakerKind::kNone) return of_body;
    if (s.kind == SpeakerKind::kNone || s.first < 2 ||
        !IsLocative(tokens[s.first - 1]) || !tokens[s.first - 2].is_word) {
      return s;
    }
    Speaker outer = RunBefore(tokens, roles, s.first - 1);
    if (outer.kind == SpeakerKind::kNone) return {};
    // Members of a party on or in a body speak for it ("Democrats on the
    // Judiciary Committee").
    const bool member =
        s.kind == SpeakerKind::kInstitution &&
        (Is(tokens[s.first - 1], "on") || Is(tokens[s.first - 1], "in"));
    if (outer.kind == SpeakerKind::kVague &&
        (Is(tokens[s.first - 1], "at") || member)) {
      return s;
    }
    outer.last = s.last;
    return outer;
  }
  // "X, an appositive or a clause, said" (or set off by dashes: "X – who
  // ... – said"): the speaker stands before the first comma; an appositive
  // that is itself a speaker ("The mayor, Daniel Osei, said") adds to it.
  const auto opens = [&](size_t i) {
    return dash ? IsClauseDash(tokens, i) : Is(tokens[i], ",");
  };
  constexpr size_t kMaxClauseTokens = 24;
  size_t comma = end - 1;
  while (comma > 0 && end - comma < kMaxClauseTokens && !opens(comma - 1)) {
    --comma;
  }
  if (comma == 0 || !opens(comma - 1)) return {};
  Speaker outer = RunBefore(tokens, roles, comma - 1);
  const Speaker inner = SpeakerAfter(tokens, roles, comma);
  if (inner.kind != SpeakerKind::kNone && inner.last == end - 1) {
    if (outer.kind == SpeakerKind::kNone) return inner;
    const bool named = inner.kind == SpeakerKind::kNamed;
    // "Ana Ruiz, of the dockers' union, said": a member of the body.
    const bool member = Is(tokens[comma], "of") &&
                        outer.kind == SpeakerKind::kNamed &&
                        inner.kind == SpeakerKind::kInstitution;
    if (member) {
      outer.kind = HasWord(Academies(), tokens, comma, end)
                       ? SpeakerKind::kNamed
                       : SpeakerKind::kOfficial;
    } else {
      outer.kind = named && (outer.kind == SpeakerKind::kAnonymous ||
                             outer.kind == SpeakerKind::kOfficial)
                       ? SpeakerKind::kOfficial
                       : Stronger(outer.kind, inner.kind);
    }
    outer.last = inner.last;
  }
  return outer;
}

Speaker SpeakerAfter(const std::vector<Token>& tokens,
                     const std::vector<uint8_t>& roles, size_t from) {
  Speaker s;
  size_t i = from;
  const Token* det = nullptr;
  if (i < tokens.size() &&
      (Is(tokens[i], "a") || Is(tokens[i], "an") ||
       In(Definites(), tokens[i]) || In(Quantifiers(), tokens[i]))) {
    det = &tokens[i];
    ++i;
  }
  // Up to two modifiers, when a role or name follows: "a senior official".
  size_t first = i;
  for (size_t m = 0; m < 2 && first < tokens.size() && tokens[first].is_word &&
                     !tokens[first].capitalized && roles[first] == 0;
       ++m) {
    ++first;
  }
  if (first > i &&
      (first >= tokens.size() || !IsSpeakerToken(tokens, roles, first))) {
    first = i;
  }
  size_t last = first;
  while (last < tokens.size() && last - first < kMaxSpeakerTokens) {
    const bool take = IsSpeakerToken(tokens, roles, last) ||
                      (last > first && JoinsName(tokens, roles, last));
    if (!take) break;
    ++last;
  }
  if (last == first) return s;
  s.kind = Classify(tokens, roles, first, last, det);
  s.first = from;
  s.last = last;
  // The speaker span of a body's report holds the body.
  if (s.kind == SpeakerKind::kInstitution && last == first + 1 &&
      In(Reports(), tokens[first])) {
    s.last = std::max(last, ReportingBody(tokens, roles, last).last);
  }
  return s;
}

}  // namespace credence
