// The exceptions to the lexicon categories (lexicon_exceptions.h).
#include "features/rules/lexicon_exceptions.h"

#include <cctype>
#include <string_view>
#include <vector>

#include "features/attribution.h"
#include "features/lexicon_ids.h"
#include "features/match_context.h"
#include "features/word_set.h"

namespace credence {
namespace {

bool EndsWith(std::string_view w, std::string_view tail) {
  return w.size() > tail.size() &&
         w.compare(w.size() - tail.size(), tail.size(), tail) == 0;
}

bool HedgeException(const std::vector<Token>& tokens, size_t first,
                    size_t last) {
  if (last - first != 1) return false;
  if (IsMonthMay(tokens, first)) return true;
  // "the might of the navy" is a noun; "could not" is ability.
  if (first > 0 && IsArticle(tokens[first - 1])) return true;
  return Is(tokens[first], "could") && last < tokens.size() &&
         IsNegator(tokens[last]);
}

// Whether a word opens a noun phrase: "due to more testing", "due to the
// storm" give a cause; "due to arrive" a schedule.
bool OpensNounPhrase(const Token& t) {
  static const WordSet s = {"more",  "less", "his",   "her",  "its",
                            "their", "our",  "my",    "your", "lack",
                            "poor",  "bad",  "heavy", "high", "low"};
  return IsDeterminer(t) || IsArticle(t) || IsNumber(t) || t.capitalized ||
         s.Contains(t);
}

// "more likely than": a comparison. "is due to the storm": a cause.
// "the response is expected.": no surprise, not a forecast. "PREDICT", in
// capitals: a programme's name.
bool SpeculationException(std::string_view text,
                          const std::vector<Token>& tokens, size_t first,
                          size_t last) {
  if (last - first == 1) {
    const Token& t = tokens[first];
    if (t.end - t.begin > 1 &&
        std::isupper(static_cast<unsigned char>(text[t.begin + 1]))) {
      return true;
    }
    return (first > 0 &&
            (Is(tokens[first - 1], "more") || Is(tokens[first - 1], "less"))) ||
           (last < tokens.size() && Is(tokens[last], "than"));
  }
  if (Is(tokens[last - 1], "expected")) {
    return last == tokens.size() || !tokens[last].is_word;
  }
  return Is(tokens[last - 1], "to") && Is(tokens[last - 2], "due") &&
         last < tokens.size() && OpensNounPhrase(tokens[last]);
}

// Whether tokens[i] is inside a direct quotation: an odd number of double
// quotes before it.
bool InsideQuotation(const std::vector<Token>& tokens, size_t i) {
  bool inside = false;
  for (size_t k = 0; k < i; ++k) inside ^= Is(tokens[k], "\"");
  return inside;
}

bool IsNumberWord(const Token& t) {
  static const WordSet s = {
      "two",      "three",    "four",     "five",      "six",
      "seven",    "eight",    "nine",     "ten",       "eleven",
      "twelve",   "twenty",   "thirty",   "forty",     "fifty",
      "hundred",  "hundreds", "thousand", "thousands", "million",
      "millions", "billion",  "dozen",    "dozens",    "half"};
  return s.Contains(t);
}

// Weasel words and puffery are the writer's: inside a quotation they are
// the speaker's, and the quotation is attributed. Before a number ("almost
// four hours", "some 300 people") a quantifier is a count, and "several"
// before people of an event ("several women", "several witnesses") counts
// them; before authorities ("several historians") it stands in for one.
bool StyleWordException(const ClaimState& state, size_t first, size_t last) {
  const std::vector<Token>& tokens = state.t();
  if (last >= tokens.size()) return InsideQuotation(tokens, first);
  const bool count =
      IsNumber(tokens[last]) || IsNumberWord(tokens[last]) ||
      (Is(tokens[first], "several") && ((*state.roles)[last] & kPersonRole));
  return count || InsideQuotation(tokens, first);
}

// Whether the word is a form of "be": "the claim is false".
bool IsCopula(const Token& t) {
  static const WordSet s = {"is",   "are",   "was", "were", "be",
                            "been", "being", "'s",  "as"};
  return s.Contains(t);
}

// "was denied bail", "Court Denies Bail", "denied the motion", "asylum
// requests denied": rulings, not denials. "false" and "fake news" deny
// only as a predicate ("the report is false", "dismissed as fake news");
// before a noun ("false or misleading claims", "Fake News Media") they
// describe.
bool DenialException(const std::vector<Token>& tokens, size_t first,
                     size_t last) {
  const std::string_view w = tokens[first].norm;
  if (w == "false" || w == "fake") {
    const bool copula =
        first > 0 && (IsCopula(tokens[first - 1]) ||
                      (first > 1 && IsCopula(tokens[first - 2]) &&
                       EndsWith(tokens[first - 1].norm, "ly")));
    return !copula;
  }
  const bool passive =
      first > 0 && EndsWith(w, "ed") && IsPassiveAuxiliary(tokens[first - 1]);
  bool object = last < tokens.size() && IsNonClaimObject(tokens[last]);
  bool ruled = false;
  if (last - first == 1 && w.compare(0, 3, "den") == 0) {
    // "denied the motion", "requests denied".
    ruled = first > 0 && IsNonClaimObject(tokens[first - 1]);
    object |= last + 1 < tokens.size() && IsDeterminer(tokens[last]) &&
              IsNonClaimObject(tokens[last + 1]);
  }
  return passive || ruled || object;
}

// "pic.twitter.com/x — Ann Lee (@annlee) May 4, 2020": the signature in
// the same claim names the post's author.
bool SignedPost(const std::vector<Token>& tokens, size_t last) {
  for (size_t i = last; i + 1 < tokens.size(); ++i) {
    if (Is(tokens[i], "(") && Is(tokens[i + 1], "@")) return true;
  }
  return false;
}

bool CategoryException(size_t id, size_t first, size_t last,
                       ClaimState* state) {
  const std::vector<Token>& tokens = state->t();
  switch (id) {
    case kClickbait:
    case kHardNews:
      // A headline's voice: in prose ("So we left early.", "He was elected
      // in 1998.") plain words.
      return state->Prose();
    case kQuestion:
      // "?" before a closing quote is someone's question, reported.
      return last < tokens.size() &&
             (Is(tokens[last], "\"") || Is(tokens[last], "'"));
    case kHedge:
      return HedgeException(tokens, first, last);
    case kDoubtMarker:
      // "was supposed to arrive": an obligation.
      return last < tokens.size() && Is(tokens[last], "to");
    case kSpeculation:
      return SpeculationException(state->text, tokens, first, last);
    case kBooster:
      // "not conclusively".
      return first > 0 && (IsNegator(tokens[first - 1]) ||
                           (first > 1 && IsNegator(tokens[first - 2])));
    case kDenial:
      return DenialException(tokens, first, last);
    case kVagueAttribution:
      // "has been accused by prosecutors", "it was announced by the
      // ministry": the agent is named after all.
      return last < tokens.size() && Is(tokens[last], "by");
    case kMediaReport:
      // "a report by the Chamber of Commerce": a body's own report speaks
      // for the body (the speech rules), no outlet's.
      return last > first + 1 &&
             ReportingBody(tokens, *state->roles, last - 1).kind !=
                 SpeakerKind::kNone;
    case kUnverifiedSocial:
      return Is(tokens[first], "pic") && SignedPost(tokens, last);
    case kWeasel:
    case kPeacock:
      return StyleWordException(*state, first, last);
    default:
      return false;
  }
}

}  // namespace

bool IsNoAnswer(const std::vector<Token>& tokens, size_t first, size_t last) {
  static const WordSet s = {
      "comment",   "comments", "respond",  "responded",   "reply",
      "replied",   "return",   "reached",  "available",   "elaborate",
      "clarify",   "specify",  "identify", "say",         "discuss",
      "answer",    "verify",   "verified", "interviewed", "questions",
      "inquiries", "queries",  "whether",  "how",         "why",
      "when",      "what",     "who"};
  for (size_t i = first; i < last; ++i) {
    if (s.Contains(tokens[i])) return true;
  }
  return false;
}

bool IsLexiconException(size_t id, size_t first, size_t last,
                        ClaimState* state) {
  if (InsideCompound(state->t(), first, last)) return true;
  // "for some reason", "many years later": a set phrase, not a cue.
  if (state->set_phrases &&
      AnyMarked(*state->marks, first, last, kSetPhraseMark)) {
    return true;
  }
  return CategoryException(id, first, last, state);
}

}  // namespace credence
