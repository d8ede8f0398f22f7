// The exceptions to the lexicon categories (lexicon_exceptions.h).
#include "features/rules/lexicon_exceptions.h"

#include <string_view>
#include <vector>

#include "features/lexicon_ids.h"
#include "features/match_context.h"

namespace credence {
namespace {

bool HedgeException(const std::vector<Token>& tokens, size_t first,
                    size_t last) {
  if (last - first != 1) return false;
  if (IsMonthMay(tokens, first)) return true;
  // "the might of the navy" is a noun; "could not" is ability.
  if (first > 0 && IsArticle(tokens[first - 1])) return true;
  return Is(tokens[first], "could") && last < tokens.size() &&
         IsNegator(tokens[last]);
}

// "more likely than": a comparison.
bool SpeculationException(const std::vector<Token>& tokens, size_t first,
                          size_t last) {
  return last - first == 1 &&
         ((first > 0 &&
           (Is(tokens[first - 1], "more") || Is(tokens[first - 1], "less"))) ||
          (last < tokens.size() && Is(tokens[last], "than")));
}

// "was denied bail", "Court Denies Bail": rulings, not denials.
bool DenialException(const std::vector<Token>& tokens, size_t first,
                     size_t last) {
  const std::string_view w = tokens[first].norm;
  const bool passive = first > 0 && w.size() > 2 &&
                       w.compare(w.size() - 2, 2, "ed") == 0 &&
                       IsPassiveAuxiliary(tokens[first - 1]);
  const bool object = last < tokens.size() && IsNonClaimObject(tokens[last]);
  return passive || object;
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
      return SpeculationException(tokens, first, last);
    case kBooster:
      // "not conclusively".
      return first > 0 && (IsNegator(tokens[first - 1]) ||
                           (first > 1 && IsNegator(tokens[first - 2])));
    case kDenial:
      return DenialException(tokens, first, last);
    default:
      return false;
  }
}

}  // namespace

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
