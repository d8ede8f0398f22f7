// The word lists and token-shape tests the rules ask about the context of
// a lexicon match (match_context.h).
#include "features/match_context.h"

#include "features/word_set.h"

namespace credence {

bool IsModal(const Token& t) {
  static const WordSet s = {"to",    "will",   "would", "could", "can", "may",
                            "might", "should", "must",  "shall", "'ll", "wo"};
  return s.Contains(t);
}

bool IsNegator(const Token& t) {
  static const WordSet s = {"not", "never",  "no",     "neither",
                            "nor", "cannot", "without"};
  return s.Contains(t) || (t.norm.size() > 3 &&
                           t.norm.compare(t.norm.size() - 3, 3, "n't") == 0);
}

bool IsNegationFiller(const Token& t) {
  static const WordSet s = {"did",           "does",     "do",
                            "would",         "will",     "could",
                            "has",           "have",     "had",
                            "was",           "is",       "yet",
                            "immediately",   "publicly", "officially",
                            "independently", "not",      "never"};
  return s.Contains(t);
}

bool IsPassiveAuxiliary(const Token& t) {
  static const WordSet s = {"is", "are", "was", "were", "be", "been", "being"};
  return s.Contains(t);
}

bool IsDeterminer(const Token& t) {
  static const WordSet s = {"the", "its", "his", "her",  "their",
                            "our", "a",   "an",  "this", "that"};
  return s.Contains(t);
}

bool IsArticle(const Token& t) {
  static const WordSet s = {"the",   "its", "his", "her",
                            "their", "our", "a",   "an"};
  return s.Contains(t);
}

bool IsPreposition(const Token& t) {
  static const WordSet s = {"despite", "amid",  "after",  "following",
                            "over",    "about", "before", "against",
                            "on",      "in",    "with",   "without",
                            "from",    "of",    "for",    "behind"};
  return s.Contains(t);
}

bool IsReportedState(const Token& t) {
  static const WordSet s = {"missing", "dead",     "killed",  "injured", "shot",
                            "wounded", "hurt",     "stolen",  "safe",    "lost",
                            "sighted", "arrested", "detained"};
  return s.Contains(t);
}

bool IsLocative(const Token& t) {
  static const WordSet s = {"on",      "in",     "at",     "near",  "inside",
                            "outside", "across", "within", "around"};
  return s.Contains(t);
}

bool IsPlacePreposition(const Token& t) {
  static const WordSet times = {"after", "following", "amid", "during"};
  return (IsLocative(t) && t.norm != "on") || times.Contains(t);
}

bool IsSubjectPronoun(const Token& t) {
  static const WordSet s = {"i", "you", "he", "she", "it", "we", "they"};
  return s.Contains(t);
}

bool IsClaimedThing(const Token& t) {
  static const WordSet s = {"responsibility", "credit", "victory", "lives",
                            "seats",          "asylum", "benefits"};
  return s.Contains(t) || IsNumber(t);
}

bool IsNewsLabel(const Token& t) {
  static const WordSet s = {"breaking", "developing", "latest", "live",
                            "update",   "updated",    "more",   "video",
                            "photo",    "photos",     "watch",  "exclusive",
                            "new",      "top",        "big"};
  return s.Contains(t);
}

bool IsNonClaimObject(const Token& t) {
  static const WordSet s = {"bail",     "entry",   "access",  "permission",
                            "parole",   "visa",    "visas",   "request",
                            "requests", "motion",  "appeal",  "application",
                            "petition", "bid",     "license", "licence",
                            "asylum",   "service", "care",    "treatment",
                            "funding",  "loan",    "loans",   "claim"};
  return s.Contains(t);
}

bool IsNumber(const Token& t) {
  return t.is_word && t.norm[0] >= '0' && t.norm[0] <= '9';
}

bool IsMonthMay(const std::vector<Token>& tokens, size_t i) {
  if (!tokens[i].capitalized || !Is(tokens[i], "may")) return false;
  // "May 20", "20 May".
  if (i + 1 < tokens.size() && IsNumber(tokens[i + 1])) return true;
  if (i > 0 && IsNumber(tokens[i - 1])) return true;
  static const WordSet before = {"in",      "since", "until", "by",     "from",
                                 "through", "early", "late",  "mid",    "last",
                                 "next",    "this",  "of",    "during", "on"};
  return i > 0 && before.Contains(tokens[i - 1]);
}

bool InsideCompound(const std::vector<Token>& tokens, size_t first,
                    size_t last) {
  auto joined = [&](size_t a, size_t b) {  // tokens a and b touch
    return tokens[a].end == tokens[b].begin;
  };
  if (last + 1 < tokens.size() && Is(tokens[last], "-") &&
      joined(last - 1, last) && joined(last, last + 1)) {
    return true;
  }
  return first >= 2 && Is(tokens[first - 1], "-") && joined(first - 1, first) &&
         joined(first - 2, first - 1);
}

bool IsTitleCase(const std::vector<Token>& tokens) {
  size_t words = 0, capitalized = 0;
  for (const Token& t : tokens) {
    words += t.is_word && t.norm.size() > 3;
    capitalized += t.is_word && t.norm.size() > 3 && t.capitalized;
  }
  return words > 0 && capitalized * 10 >= words * 6;
}

bool EndsWithFullStop(const std::vector<Token>& tokens) {
  size_t i = tokens.size();
  while (i > 0 && (Is(tokens[i - 1], "\"") || Is(tokens[i - 1], "'") ||
                   Is(tokens[i - 1], ")") || Is(tokens[i - 1], "]"))) {
    --i;
  }
  return i > 0 && Is(tokens[i - 1], ".") &&
         !(i > 1 && Is(tokens[i - 2], ".") &&
           tokens[i - 2].end == tokens[i - 1].begin);
}

}  // namespace credence
