// Who speaks for a speech verb, and what kind of source that speaker is.
//
// Call order: mark token roles from the word-class lexicons, then, for a
// speech verb found at tokens [verb_first, verb_last), call SpeakerBefore
// (the usual "X said") or SpeakerAfter ("said X", "according to X").
//
//   std::vector<uint8_t> roles = ...;   // RoleBits per token
//   Speaker s = SpeakerBefore(tokens, roles, verb_first);
//   if (s.kind == SpeakerKind::kOfficial) ...  // tokens [s.first, s.last)
//
// A speaker is a run of names and role words: "National Security Council
// spokeswoman Adrienne Watson", "the ministry", "a senior U.S. official",
// "The New York Times", "critics". Its last word (the head) decides the
// kind: a name with an official title or body in the run is official or
// institution, a bare name is named, a singular title is official only when
// definite ("the spokeswoman"), person nouns and unnamed titles are
// anonymous, crowds are vague, outlets are media.
#ifndef CREDENCE_FEATURES_ATTRIBUTION_H_
#define CREDENCE_FEATURES_ATTRIBUTION_H_

#include <cstddef>
#include <cstdint>
#include <vector>

#include "features/backing.h"
#include "features/tokenizer.h"

namespace credence {

// `roles` below holds RoleBits for each token: at least tokens.size()
// entries (any past the last token are ignored).
//
// Word classes a token can belong to (bits; a token may have several).
enum RoleBits : uint8_t {
  kTitleRole = 1,   // official_title.txt: spokeswoman, minister
  kBodyRole = 2,    // official_body.txt: ministry, police, company
  kMediaRole = 4,   // media_outlet.txt: newspaper, Reuters, report
  kPersonRole = 8,  // person_noun.txt: source, resident, aide
  kVagueRole = 16,  // vague_speaker.txt: critics, experts, some
};

struct Speaker {
  size_t first = 0;  // token range [first, last), a leading "the" included
  size_t last = 0;
  SpeakerKind kind = SpeakerKind::kNone;
};

// The speaker left of a verb starting at token `verb_first`, skipping
// auxiliaries and adverbs ("has also", "firmly"). kNone when there is none.
Speaker SpeakerBefore(const std::vector<Token>& tokens,
                      const std::vector<uint8_t>& roles, size_t verb_first);

// The speaker starting at token `from` (after "said", "according to",
// "by"), past a determiner and up to two modifiers ("a senior official").
Speaker SpeakerAfter(const std::vector<Token>& tokens,
                     const std::vector<uint8_t>& roles, size_t from);

// After "a report" ends before token `after` ("by the Chamber of
// Commerce", "from the health ministry"): the body that issued it, as an
// institution over tokens [after + 1, end), the "the" included; kNone when
// the report names an outlet ("by Reuters") or no source.
Speaker ReportingBody(const std::vector<Token>& tokens,
                      const std::vector<uint8_t>& roles, size_t after);

// The capitalized part of a hyphenated name whose last part is token i
// ("Sang" of "Sang-gyun"); i itself when it ends no hyphenated name.
size_t NameHead(const std::vector<Token>& tokens, size_t i);

// Whether a token can be part of a person's name: capitalized, no role
// word, no sentence opener or abbreviation ("Mr", "Dr").
bool IsPersonName(const Token& token, uint8_t role);

// The last word of the person a speaker's tokens [first, last) name:
// "Berg" in "Transport Minister Anna Berg" and in "Ms. Berg" or "Anna
// Berg, the minister", the last run of names not followed by a role word
// ("White House" in "White House official" is no one). `last` when the
// tokens name no one.
size_t SurnameIndex(const std::vector<Token>& tokens,
                    const std::vector<uint8_t>& roles, size_t first,
                    size_t last);

// First token left of `index` that is not an auxiliary or adverb between a
// subject and its verb ("has", "also", "quickly"); index itself if none.
size_t SkipFillersLeft(const std::vector<Token>& tokens, size_t index);

}  // namespace credence

#endif  // CREDENCE_FEATURES_ATTRIBUTION_H_
