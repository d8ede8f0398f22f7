// The document pass: a document as the source of a claim ("the lawsuit
// says", "court filings show", "the indictment alleges", "Chief Dana
// Ortiz's letter said").
//
// News cites papers as often as people: lawsuits, filings, indictments,
// letters, memos, reports. A document speaks for whoever owns it
// (docs/annotation.md, "Documents"): its possessor ("Ortiz's letter"), a
// body among its modifiers ("court filings", "a Pentagon memo"), or, for a
// definite one ("the lawsuit", "the document"), the body the story has
// already named, read as an institution. A bare plural owned by no one
// ("Documents show") is vague. An indefinite one ("a memo says") names no
// owner and is left alone, and so are nouns the speaker rules already read
// ("the report says"): this pass follows their reading for the verbs they
// do not know ("the report found").
//
// A letter's addressee is no speaker either: "a letter to Mayor Ana Ruiz
// posted on Twitter" is the letter's writer speaking, not the mayor.
//
// Call order: after the lexicon cues (it skips verbs a speech cue already
// holds); the extractor runs it after the colon pass.
//
//   AddDocumentSources(&state);
#ifndef CREDENCE_FEATURES_RULES_DOCUMENT_SOURCE_H_
#define CREDENCE_FEATURES_RULES_DOCUMENT_SOURCE_H_

#include <cstddef>
#include <vector>

#include "features/rules/claim_state.h"

namespace credence {

void AddDocumentSources(ClaimState* state);

// Whether tokens from `first` on are the addressee of a document ("a
// letter to Mayor Ana Ruiz posted on Twitter", "a memo sent to the
// board"), not a speaker: the speaker rules ask before crediting the
// verb that follows to them.
bool IsDocumentAddressee(const std::vector<Token>& tokens, size_t first);

}  // namespace credence

#endif  // CREDENCE_FEATURES_RULES_DOCUMENT_SOURCE_H_
