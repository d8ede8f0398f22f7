// The transcript pass (transcript_label.h).
#include "features/rules/transcript_label.h"

#include <algorithm>
#include <string_view>
#include <vector>

#include "features/attribution.h"
#include "features/match_context.h"
#include "features/word_set.h"

namespace credence {
namespace {

// A label is a name of at most this many tokens ("MS", ".", "BERG").
constexpr size_t kLabelTokens = 3;

// Whether a token is a word in capitals of two letters or more ("PRUITT",
// "MS"), as transcripts set their labels.
bool IsCapitalsWord(std::string_view text, const Token& t) {
  if (!t.is_word || t.end - t.begin < 2) return false;
  for (size_t i = t.begin; i < t.end; ++i) {
    const char c = text[i];
    if (c >= 'a' && c <= 'z') return false;
  }
  return t.capitalized;
}

// Words in capitals before a colon that file or frame a story rather than
// name who speaks ("NOTE:", "SHOCKING:", "WATCH:").
bool IsFrameWord(const Token& t) {
  static const WordSet s = {
      "note",       "editor",   "editors",    "correction", "clarification",
      "warning",    "source",   "sources",    "alert",      "opinion",
      "analysis",   "related",  "read",       "listen",     "see",
      "also",       "shocking", "urgent",     "report",     "pictured",
      "caption",    "credit",   "disclaimer", "transcript", "summary",
      "background", "context",  "fact",       "check",      "wow",
      "boom",       "just",     "in",         "question",   "answer"};
  return s.Contains(t) || IsNewsLabel(t);
}

// Whether tokens [first, c) name a person as a label does: names (no role
// word, no acronym the lexicon knows) and no word that frames a story.
bool NamesAPerson(const ClaimState& s, size_t first, size_t c) {
  for (size_t i = first; i < c; ++i) {
    const Token& t = s.t()[i];
    if (!t.is_word) continue;
    if (IsFrameWord(t) || (*s.marks)[i] & kNotShoutingMark ||
        !IsPersonName(t, (*s.roles)[i])) {
      return false;
    }
  }
  return true;
}

bool IsDash(const Token& t) {
  return Is(t, "\u2014") || Is(t, "\u2013") || Is(t, "-");
}

// The first token of a label that ends at the colon at token c: a run of
// capitals words (and an abbreviation's full stop) from the claim's start
// or a dash. c when there is none.
size_t LabelStart(const ClaimState& s, size_t c) {
  const std::vector<Token>& tokens = s.t();
  size_t first = c;
  while (first > 0 && c - first < kLabelTokens &&
         (IsCapitalsWord(s.text, tokens[first - 1]) ||
          (Is(tokens[first - 1], ".") && first < c))) {
    --first;
  }
  if (first == c || !IsCapitalsWord(s.text, tokens[first]) ||
      !NamesAPerson(s, first, c)) {
    return c;
  }
  return first == 0 || IsDash(tokens[first - 1]) ? first : c;
}

}  // namespace

bool IsQuestion(const std::vector<Token>& tokens) {
  return !tokens.empty() && Is(tokens.back(), "?");
}

void AddTranscriptLabels(bool has_dash, ClaimState* state) {
  const std::vector<Token>& tokens = state->t();
  // A label opens the claim or follows a dash: without a dash, only the
  // first tokens can end one.
  const size_t to =
      has_dash ? tokens.size() : std::min(tokens.size(), kLabelTokens + 2);
  for (size_t c = 1; c + 1 < to; ++c) {
    if (!Is(tokens[c], ":")) continue;
    const size_t first = LabelStart(*state, c);
    if (first == c) continue;
    Speaker speaker{first, c, SpeakerKind::kNamed};
    if (state->names != nullptr) {
      state->names->Recall(tokens, *state->roles, &speaker);
    }
    const Backing b = static_cast<Backing>(speaker.kind);
    if (first == 0 && !IsQuestion(tokens)) state->Back(b, first, c);
    state->label_backing = b;
    state->label_backer = {tokens[first].begin, tokens[c - 1].end, false};
  }
}

}  // namespace credence
