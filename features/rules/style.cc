// The style pass (style.h).
#include "features/rules/style.h"

#include "features/lexicon_ids.h"

namespace credence {
namespace {

const LexiconEntry kHandleRule = RuleEntry("<@handle>");
const LexiconEntry kExclamationRule = RuleEntry("<!>");
const LexiconEntry kCapitalsRule = RuleEntry("<word in capitals>");
const LexiconEntry kListicleRule = RuleEntry("<number> <listicle noun>");

// Category, strength and rule of a style kind; no rule: no cue.
struct StyleRule {
  size_t category;
  double strength;
  const LexiconEntry* entry;
};

// In StyleKind order. A #hashtag files a post under a topic and says
// nothing of the claim's source: tweets nearly all carry one, and inside a
// news event they do not mark the rumours that failed.
const StyleRule kStyleRules[] = {{kUnverifiedSocial, 1.0, &kHandleRule},
                                 {kCategoryCount, 0.0, nullptr},  // #hashtag
                                 {kSensational, 1.0, &kExclamationRule},
                                 {kSensational, 0.5, &kCapitalsRule},
                                 {kSensational, 1.0, &kListicleRule}};

// "— Ann Lee (@annlee) May 4, 2020": the handle in an embedded tweet's
// signature names the post's author, on record.
bool IsSignatureHandle(const std::vector<Token>& tokens, const StyleCue& c) {
  return c.kind == StyleKind::kHandle && c.first > 0 &&
         Is(tokens[c.first - 1], "(");
}

}  // namespace

void AddStyleCues(bool may_shout_or_mark, std::vector<std::string>* acronyms,
                  std::vector<StyleCue>* found, ClaimState* state) {
  const std::vector<Token>& tokens = state->t();
  if (may_shout_or_mark) {
    MarkDefinedAcronyms(state->text, tokens, acronyms, state->marks);
    FindStyleCues(state->text, tokens, *state->marks, found);
  } else if (state->listicle_nouns) {
    FindListicleCues(tokens, *state->marks, found);  // the rest cannot fire
  } else {
    found->clear();  // a listicle needs a noun to count
  }
  for (const StyleCue& c : *found) {
    const StyleRule& rule = kStyleRules[static_cast<size_t>(c.kind)];
    if (rule.entry == nullptr || IsSignatureHandle(tokens, c)) continue;
    state->Add(rule.category, c.first, c.last, rule.strength, rule.entry);
  }
}

}  // namespace credence
