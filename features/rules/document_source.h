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
// Call order: after the lexicon cues (it skips verbs a speech cue already
// holds); the extractor runs it after the colon pass.
//
//   AddDocumentSources(&state);
#ifndef CREDENCE_FEATURES_RULES_DOCUMENT_SOURCE_H_
#define CREDENCE_FEATURES_RULES_DOCUMENT_SOURCE_H_

#include "features/rules/claim_state.h"

namespace credence {

void AddDocumentSources(ClaimState* state);

}  // namespace credence

#endif  // CREDENCE_FEATURES_RULES_DOCUMENT_SOURCE_H_
