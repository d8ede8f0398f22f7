// Style cues: handles, hashtags, '!', words in capitals, listicle counts,
// defined acronyms and direct quotations (style_cues.h).
#include "features/style_cues.h"

#include <string_view>

#include "features/word_set.h"

namespace credence {
namespace {

bool IsNumber(const Token& t) {
  return t.is_word && t.norm[0] >= '0' && t.norm[0] <= '9';
}

// Number words a listicle headline may start with.
bool IsNumberWord(const Token& t) {
  static const WordSet words = {
      "three",   "four",    "five",      "six",      "seven",    "eight",
      "nine",    "ten",     "eleven",    "twelve",   "thirteen", "fourteen",
      "fifteen", "sixteen", "seventeen", "eighteen", "nineteen", "twenty"};
  return words.Contains(t);
}

bool IsUpper(char c) { return c >= 'A' && c <= 'Z'; }
bool IsLower(char c) { return c >= 'a' && c <= 'z'; }

// Whether the token is a word of `least` or more letters, all capitals.
bool IsAllCapitals(std::string_view text, const Token& t, size_t least) {
  if (!t.is_word || t.end - t.begin < least) return false;
  for (size_t i = t.begin; i < t.end; ++i) {
    if (!IsUpper(text[i])) return false;
  }
  return true;
}

// Whether the token's letters are all capitals and there are 4 or more.
bool IsShouted(std::string_view text, const Token& t) {
  return IsAllCapitals(text, t, 4);
}

bool IsDash(const Token& t) {
  return Is(t, "-") || Is(t, "\u2013") || Is(t, "\u2014");
}

// Whether the tokens from `i` finish a dateline's credit: "(Reuters) -",
// ", Calif. (AP) —", ", Calif.--": a parenthesis or a comma, then a dash
// within a few tokens.
bool EndsDateline(const std::vector<Token>& tokens, size_t i) {
  if (!(Is(tokens[i], "(") || Is(tokens[i], ","))) return false;
  for (size_t k = i + 1; k < tokens.size() && k < i + 8; ++k) {
    if (IsDash(tokens[k])) return true;
  }
  return false;
}

// The end of a section label that opens the claim ("UPDATE:", "BREAKING
// NEWS |", "JUST IN:", "OTTAWA SHOOTING -", after a retweet's "RT @user:")
// or of a dateline's place ("WASHINGTON (Reuters) -", "NEW YORK (AP) —",
// "GARDENA, Calif.--"): up to three words in capitals, then a colon, a bar
// or a dash, or a dateline's credit. 0 when there is none. Such a label
// files the story; its capitals are not raised voice.
size_t LeadLabelEnd(std::string_view text, const std::vector<Token>& tokens) {
  const size_t n = tokens.size();
  size_t s = 0;
  if (n > 4 && Is(tokens[0], "rt") && Is(tokens[1], "@") &&
      Is(tokens[3], ":")) {
    s = 4;
  }
  size_t i = s;
  while (i < n && i - s < 3 && IsAllCapitals(text, tokens[i], 2)) ++i;
  if (i == s || i >= n) return 0;
  const bool label =
      Is(tokens[i], ":") || Is(tokens[i], "|") || IsDash(tokens[i]);
  return label || EndsDateline(tokens, i) ? i : 0;
}

void FindListicle(const std::vector<Token>& tokens,
                  const std::vector<uint8_t>& flags,
                  std::vector<StyleCue>* out) {
  // The count opens the claim, follows "The"/"These", or a colon lead-in.
  size_t starts[10] = {0};
  size_t count = 1;
  if (!tokens.empty() && (Is(tokens[0], "the") || Is(tokens[0], "these"))) {
    starts[count++] = 1;
  }
  for (size_t c = 1; c < tokens.size() && c < 8; ++c) {
    if (Is(tokens[c], ":")) starts[count++] = c + 1;
  }
  for (size_t s = 0; s < count; ++s) {
    const size_t n = starts[s];
    if (n >= tokens.size()) continue;
    const Token& t = tokens[n];
    if (!(IsNumber(t) && t.norm.size() <= 3) && !IsNumberWord(t)) continue;
    // Its noun within three words: "The 7 Most Dangerous Foods".
    for (size_t j = n + 1; j < tokens.size() && j <= n + 3; ++j) {
      if ((flags[j] & kStyleListicleNoun) != 0) {
        out->push_back({n, j + 1, StyleKind::kListicle});
        break;
      }
    }
  }
}

}  // namespace

std::vector<StyleCue> FindStyleCues(std::string_view text,
                                    const std::vector<Token>& tokens,
                                    const std::vector<uint8_t>& flags) {
  std::vector<StyleCue> out;
  FindStyleCues(text, tokens, flags, &out);
  return out;
}

void FindStyleCues(std::string_view text, const std::vector<Token>& tokens,
                   const std::vector<uint8_t>& flags,
                   std::vector<StyleCue>* out) {
  out->clear();
  bool in_quote = false;
  const size_t n = tokens.size();
  // Capitals can shout only past a leading label, and most capitalized
  // words fail at their second letter.
  const bool may_label = n > 1 && tokens[0].capitalized;
  const size_t label_end = may_label ? LeadLabelEnd(text, tokens) : 0;
  for (size_t i = 0; i < n; ++i) {
    const Token& t = tokens[i];
    if (t.is_word) {  // only capitals can make a word a cue
      // A hashtag or a handle in capitals ("#MIKEBROWN") is a tag, not
      // raised voice.
      const bool tag = i > 0 && tokens[i - 1].end == t.begin &&
                       (Is(tokens[i - 1], "#") || Is(tokens[i - 1], "@"));
      if (i >= label_end && t.capitalized && t.end - t.begin >= 4 &&
          IsUpper(text[t.begin + 1]) && (flags[i] & kStyleNotShouting) == 0 &&
          !tag && IsShouted(text, t)) {
        out->push_back({i, i + 1, StyleKind::kCapitals});
      }
      continue;
    }
    // Of the punctuation, only " @ # ! can start a cue.
    const char c = t.norm.size() == 1 ? t.norm[0] : '\0';
    if (c == '"') {
      in_quote = !in_quote;
      continue;
    }
    if (c != '@' && c != '#' && c != '!') continue;
    const bool glued_next =
        i + 1 < n && tokens[i + 1].is_word && tokens[i + 1].begin == t.end;
    const bool glued_prev =
        i > 0 && tokens[i - 1].is_word && tokens[i - 1].end == t.begin;
    if (c == '@') {
      if (glued_next && !glued_prev) {
        out->push_back({i, i + 2, StyleKind::kHandle});
      }
    } else if (c == '#') {
      if (glued_next && !glued_prev && !IsNumber(tokens[i + 1])) {
        out->push_back({i, i + 2, StyleKind::kHashtag});
      }
    } else if (!in_quote && (i == 0 || !Is(tokens[i - 1], "!")) &&
               !(i + 1 < n && tokens[i + 1].is_word &&
                 IsLower(text[tokens[i + 1].begin]))) {  // "Yahoo! said"
      size_t j = i + 1;
      while (j < n && Is(tokens[j], "!")) ++j;
      out->push_back({i, j, StyleKind::kExclamation});
    }
  }
  FindListicle(tokens, flags, out);
}

// Whether the capitalized words ending before token `end` start with the
// acronym's letters, small words aside: "Association of the United States
// Army" before "(AUSA)", not "Amazon" before "(EXCLUSIVE)".
bool SpellsOut(std::string_view text, const std::vector<Token>& tokens,
               size_t end, const Token& acronym) {
  static const WordSet small = {"of", "and", "the", "for", "on", "in", "&"};
  size_t letter = acronym.end - acronym.begin;
  for (size_t i = end; i > 0 && letter > 0;) {
    const Token& t = tokens[--i];
    if (small.Contains(t)) continue;
    if (!t.is_word || !t.capitalized ||
        text[t.begin] != text[acronym.begin + letter - 1]) {
      return false;
    }
    --letter;
  }
  return letter == 0;
}

void MarkDefinedAcronyms(std::string_view text,
                         const std::vector<Token>& tokens,
                         std::vector<std::string>* defined,
                         std::vector<uint8_t>* flags) {
  // At most kMaxAcronyms are kept, so a text full of definitions costs
  // time linear in its length.
  constexpr size_t kMaxAcronyms = 32;
  const size_t n = tokens.size();
  for (size_t i = 2; i + 1 < n && defined->size() < kMaxAcronyms; ++i) {
    if (Is(tokens[i - 1], "(") && Is(tokens[i + 1], ")") &&
        IsShouted(text, tokens[i]) &&
        SpellsOut(text, tokens, i - 1, tokens[i])) {
      defined->emplace_back(tokens[i].norm);
    }
  }
  if (defined->empty()) return;
  for (size_t i = 0; i < n; ++i) {
    if (!IsShouted(text, tokens[i])) continue;
    for (const std::string& d : *defined) {
      if (tokens[i].norm == d) (*flags)[i] |= kStyleNotShouting;
    }
  }
}

void FindListicleCues(const std::vector<Token>& tokens,
                      const std::vector<uint8_t>& flags,
                      std::vector<StyleCue>* out) {
  out->clear();
  FindListicle(tokens, flags, out);
}

void FindQuotations(const std::vector<Token>& tokens, size_t min_words,
                    std::vector<TokenRange>* out) {
  out->clear();
  const size_t n = tokens.size();
  // A span cut by the claim's edge holds a quotation longer than the
  // claim: one word is enough.
  auto emit = [&](size_t first, size_t last, size_t needed) {
    size_t words = 0;
    for (size_t i = first; i < last; ++i) words += tokens[i].is_word;
    if (words >= needed) out->push_back({first, last});
  };
  bool seen = false;
  size_t open = n;  // n: no quotation open
  for (size_t i = 0; i < n; ++i) {
    const Token& t = tokens[i];
    if (t.is_word || t.norm.size() != 1 || t.norm[0] != '"') continue;
    if (open < n) {
      emit(open, i + 1, min_words);
      open = n;
    } else if (!seen && i > 0 && tokens[i - 1].end == t.begin &&
               !(i + 1 < n && tokens[i + 1].is_word &&
                 tokens[i + 1].begin == t.end)) {
      emit(0, i + 1, 1);
    } else {
      open = i;
    }
    seen = true;
  }
  if (open < n) emit(open, n, 1);
}

}  // namespace credence
