// Cues of style rather than wording: @handles and #hashtags, exclamation
// marks, words in capitals, listicle counts, direct quotations.
//
// Call order: tokenize a claim, mark which tokens may not count as shouting
// (acronyms, words already inside a lexicon cue) and which are listicle
// nouns, then FindStyleCues.
//
//   std::vector<StyleCue> found = FindStyleCues(text, tokens, flags);
//   // found[i].kind == StyleKind::kHandle over tokens [first, last)
#ifndef CREDENCE_FEATURES_STYLE_CUES_H_
#define CREDENCE_FEATURES_STYLE_CUES_H_

#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "features/tokenizer.h"

namespace credence {

enum class StyleKind {
  kHandle,       // "@Megatron_ron" (not the @ of an e-mail address)
  kHashtag,      // "#SaveTheShow" (not "#1")
  kExclamation,  // "!" or "!!!" outside quotes, not inside a name ("Yahoo!")
  kCapitals,     // a word of 4+ capitals that is no acronym: "SHOCKING"
  kListicle,     // "17 Reasons", "Five Things", "The 7 Most Dangerous Foods"
};

// Per-token flags the caller supplies: at least tokens.size() of them (any
// past the last token are ignored).
enum StyleFlags : uint8_t {
  kStyleNotShouting = 1,   // an acronym, or already part of a lexicon cue
  kStyleListicleNoun = 2,  // what a listicle counts: reasons, things, ways
};

struct StyleCue {
  size_t first = 0;  // token range [first, last)
  size_t last = 0;
  StyleKind kind = StyleKind::kHandle;
};

std::vector<StyleCue> FindStyleCues(std::string_view text,
                                    const std::vector<Token>& tokens,
                                    const std::vector<uint8_t>& flags);
// The same into *out (cleared first), reusing its memory.
void FindStyleCues(std::string_view text, const std::vector<Token>& tokens,
                   const std::vector<uint8_t>& flags,
                   std::vector<StyleCue>* out);
// The same for tokens of which none may start any cue but a listicle's
// (TokenList::may_shout_or_mark() false): what FindStyleCues gives them.
void FindListicleCues(const std::vector<Token>& tokens,
                      const std::vector<uint8_t>& flags,
                      std::vector<StyleCue>* out);

// Acronyms a text defines: a word of capitals in brackets after its
// expansion ("Clinton Health Access Initiative (CHAI)") is a name, there
// and in every later claim of the same text. Adds the claim's definitions
// to *defined (normalized words, at most 32 in all; the caller clears it
// at a new text) and sets kStyleNotShouting on the tokens *defined holds.
void MarkDefinedAcronyms(std::string_view text,
                         const std::vector<Token>& tokens,
                         std::vector<std::string>* defined,
                         std::vector<uint8_t>* flags);

// Direct quotations: spans in double quotes (straight or curly) of at least
// `min_words` words, the marks included, as token ranges into *out (cleared
// first). A mark without a partner opens a quotation that runs to the last
// token; as the first mark, glued to the token before it and not to a word
// after it, it closes one that began before the tokens ("We win," he
// said.), which then runs from the first token. Such a span, cut by the
// tokens' edge, counts from one word.
struct TokenRange {
  size_t first = 0;
  size_t last = 0;
};
void FindQuotations(const std::vector<Token>& tokens, size_t min_words,
                    std::vector<TokenRange>* out);

}  // namespace credence

#endif  // CREDENCE_FEATURES_STYLE_CUES_H_
