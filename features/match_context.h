// What the extractor's rules ask of the tokens around a lexicon match:
// words that turn a verb into a plan ("will confirm") or a denial ("did not
// confirm"), that make "might" a noun or "May" a month, and the shapes
// (hyphenated compounds, title case, a final full stop) that change how a
// match reads.
//
// Call order: none; every function is a pure test on normalized tokens.
//
//   if (IsNegator(tokens[i])) ...               // "not", "never", "didn't"
//   if (InsideCompound(tokens, first, last)) ...  // "fact-finding"
#ifndef CREDENCE_FEATURES_MATCH_CONTEXT_H_
#define CREDENCE_FEATURES_MATCH_CONTEXT_H_

#include <cstddef>
#include <vector>

#include "features/tokenizer.h"

namespace credence {

// A verb right after these is a plan or a possibility, not an act: "to",
// "will", "could", "'ll" ...
bool IsModal(const Token& t);
// "not", "never", "no", "without" ..., or a word ending in "n't".
bool IsNegator(const Token& t);
// Words between a subject and a negated verb: "did not immediately".
bool IsNegationFiller(const Token& t);
// "is", "was", "been" ...: a passive before a verb ("was denied").
bool IsPassiveAuxiliary(const Token& t);
// "the", "its", "a", "this", "that" ...
bool IsDeterminer(const Token& t);
// Words before a noun only: "the might", "its might".
bool IsArticle(const Token& t);
// "despite", "amid", "after", "over" ...: a word after these is a noun
// ("despite reports"), not a verb.
bool IsPreposition(const Token& t);
// "missing", "dead", "shot" ...: after "reported" or "confirmed" a
// headline's passive ("Singer reported missing"), not a speech verb.
bool IsReportedState(const Token& t);
// "on", "in", "at", "near", "inside" ...: prepositions that put someone
// somewhere ("a source on Parliament Hill", "officials in Ottawa").
bool IsLocative(const Token& t);
// A locative but "on", or "after", "amid" ...: after "<noun> reported" a
// place or a time, so the noun was reported ("Shots reported at the
// mall"), it did not report ("Reuters reported on Monday" does).
bool IsPlacePreposition(const Token& t);
// "i", "you", "he", "she", "it", "we", "they".
bool IsSubjectPronoun(const Token& t);
// What "claimed" takes when it is not speech: "responsibility", "victory",
// "lives", a number ("claimed 12 seats").
bool IsClaimedThing(const Token& t);
// "breaking", "latest", "update", "video" ...: the first word of a label
// that files a story ("Breaking news:"), not of a speaker.
bool IsNewsLabel(const Token& t);
// Things a court, a vote or an official can deny that are not claims:
// "denied bail" is a ruling, not a denial.
bool IsNonClaimObject(const Token& t);
// A word that starts with a digit.
bool IsNumber(const Token& t);

// Whether tokens[i] is "May" the month, not the modal: "in May", "May 4",
// "20 May", "early May".
bool IsMonthMay(const std::vector<Token>& tokens, size_t i);
// Whether tokens [first, last) are only part of a hyphenated word ("in
// fact" in "fact-finding").
bool InsideCompound(const std::vector<Token>& tokens, size_t first,
                    size_t last);
// Whether most words longer than three letters are capitalized, as in a
// headline.
bool IsTitleCase(const std::vector<Token>& tokens);
// Whether the tokens end with a full stop, closing quotes and brackets
// aside, as prose sentences do and headlines do not. An ellipsis ("...")
// is not a full stop.
bool EndsWithFullStop(const std::vector<Token>& tokens);

}  // namespace credence

#endif  // CREDENCE_FEATURES_MATCH_CONTEXT_H_
