// The quotation pass (quotation.h).
#include "features/rules/quotation.h"

#include "features/lexicon_ids.h"

namespace credence {
namespace {

const LexiconEntry kQuotationRule = RuleEntry("\"<four words or more>\"");
constexpr size_t kMinQuotedWords = 4;

}  // namespace

void AddQuotations(std::vector<TokenRange>* found, ClaimState* state) {
  FindQuotations(state->t(), kMinQuotedWords, found);
  for (const TokenRange& q : *found) {
    state->Add(kQuotation, q.first, q.last, 1.0, &kQuotationRule);
  }
}

}  // namespace credence
