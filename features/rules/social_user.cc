// The social-user pass (social_user.h).
#include "features/rules/social_user.h"

#include <vector>

#include "features/lexicon_ids.h"
#include "features/match_context.h"
#include "features/word_set.h"

namespace credence {
namespace {

bool IsUserNoun(const Token& t) {
  static const WordSet s = {"user",    "users",    "account",    "accounts",
                            "poster",  "posters",  "commenter",  "commenters",
                            "netizen", "netizens", "influencer", "influencers"};
  return s.Contains(t);
}

bool IsPlatformOrPosting(const Token& t) {
  static const WordSet s = {
      "facebook", "twitter", "tiktok",   "instagram", "reddit",  "telegram",
      "whatsapp", "youtube", "weibo",    "wechat",    "online",  "social",
      "posted",   "posts",   "post",     "tweeted",   "tweets",  "tweet",
      "shared",   "shares",  "uploaded", "thread",    "platform"};
  return s.Contains(t);
}

// The tokens [first, last) whose bytes a cue covers.
void CueTokens(const std::vector<Token>& tokens, const Cue& cue, size_t* first,
               size_t* last) {
  *first = 0;
  while (*first < tokens.size() && tokens[*first].end <= cue.begin) ++*first;
  *last = *first;
  while (*last < tokens.size() && tokens[*last].begin < cue.end) ++*last;
}

}  // namespace

void AddSocialUsers(ClaimState* state) {
  if ((state->cues_used & (uint32_t{1} << kAnonymousSource)) == 0) return;
  const std::vector<Token>& tokens = state->t();
  bool platform = false;
  for (const Token& t : tokens) platform |= IsPlatformOrPosting(t);
  if (!platform) return;
  std::vector<Cue>& anonymous = state->cues[kAnonymousSource];
  for (size_t i = 0; i < anonymous.size();) {
    size_t first, last;
    CueTokens(tokens, anonymous[i], &first, &last);
    bool user = false;
    for (size_t k = first; k < last; ++k) user |= IsUserNoun(tokens[k]);
    if (!user) {
      ++i;
      continue;
    }
    Cue cue = anonymous[i];
    anonymous.erase(anonymous.begin() + static_cast<std::ptrdiff_t>(i));
    cue.category = kUnverifiedSocial;
    state->cues[kUnverifiedSocial].push_back(cue);
    state->cues_used |= uint32_t{1} << kUnverifiedSocial;
  }
  if (anonymous.empty()) {
    state->cues_used &= ~(uint32_t{1} << kAnonymousSource);
    if (state->backing == Backing::kAnonymous && !state->writer_link) {
      state->backing = Backing::kSocial;
    }
  }
}

}  // namespace credence
