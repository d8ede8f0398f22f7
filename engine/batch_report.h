// One JSON line an article, for `credence score` over many articles: the
// full report of WriteJsonReport on one line, or a brief form that keeps
// per claim only its confidence, backing and strongest cue.
//
// Call order: score and write each article into its own string (any
// thread; the Scorer is shared), then write the strings in input order.
//
//   std::string line;
//   credence::AppendJsonLine("path", "a.txt", text, scorer, &line);
//   credence::AppendBriefLine("id", "17", text, scorer, &line);
//
// The label ("path": ..., or "id": ...) is the object's first key. Both
// throw InputError (engine/scorer.h) for text ScoreArticle refuses, with
// nothing appended.
#ifndef CREDENCE_ENGINE_BATCH_REPORT_H_
#define CREDENCE_ENGINE_BATCH_REPORT_H_

#include <string>
#include <string_view>

#include "engine/scorer.h"

namespace credence {

// {"KEY":"LABEL", then the fields of the JSON report} and a newline.
void AppendJsonLine(std::string_view key, std::string_view label,
                    std::string_view text, const Scorer& scorer,
                    std::string* out);

// {"KEY":"LABEL","score":S,"claims":[{"confidence":C,"backing":"B",
// "cue":{"category":"K","text":"T"} or null}, ...]} and a newline; numbers
// with 6 decimals; the cue is the one with the largest absolute
// contribution (the first of equals), as in credence rank.
void AppendBriefLine(std::string_view key, std::string_view label,
                     std::string_view text, const Scorer& scorer,
                     std::string* out);

}  // namespace credence

#endif  // CREDENCE_ENGINE_BATCH_REPORT_H_
