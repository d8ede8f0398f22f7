#include "features/extractor.h"

#include <algorithm>
#include <string_view>
#include <unordered_set>

namespace credence {
namespace {

// Lexicon order; the first kCategories are cue categories (and features).
enum LexiconId : size_t {
  kHedge,
  kAnonymousSource,
  kOfficialConfirmation,
  kCategories,
  kOfficialTitle = kCategories,  // person roles: spokeswoman, minister
  kOfficialBody,                 // institutions: ministry, police
  kLexiconCount
};

enum Role : unsigned char { kNoRole, kTitleRole, kBodyRole };

// How far a speaker may stand from its verb, in tokens; a bound keeps the
// extractor linear on adversarial text.
constexpr size_t kMaxSpeakerTokens = 12;

bool In(const std::unordered_set<std::string_view>& set,
        const std::string& word) {
  return set.count(word) > 0;
}

const std::unordered_set<std::string_view>& Negators() {
  static const std::unordered_set<std::string_view> s = {
      "not", "never", "no", "neither", "nor", "cannot", "without"};
  return s;
}

// A verb right after these is a plan or a possibility, not an act.
const std::unordered_set<std::string_view>& Modals() {
  static const std::unordered_set<std::string_view> s = {
      "to",    "will",   "would", "could", "can", "may",
      "might", "should", "must",  "shall", "'ll", "wo"};
  return s;
}

// Words that may stand between a speaker and its verb.
const std::unordered_set<std::string_view>& Fillers() {
  static const std::unordered_set<std::string_view> s = {
      "has",        "have",       "had",      "also",       "later",
      "publicly",   "officially", "formally", "separately", "subsequently",
      "previously", "earlier",    "quickly",  "already",    "now"};
  return s;
}

const std::unordered_set<std::string_view>& PassiveAuxiliaries() {
  static const std::unordered_set<std::string_view> s = {
      "is", "are", "was", "were", "be", "been", "being"};
  return s;
}

// Capitalized words that do not name anyone: sentence openers, pronouns.
const std::unordered_set<std::string_view>& NotNames() {
  static const std::unordered_set<std::string_view> s = {
      "the",     "a",         "an",      "it",    "this",  "that",  "these",
      "those",   "he",        "she",     "they",  "we",    "i",     "you",
      "his",     "her",       "their",   "its",   "our",   "my",    "your",
      "but",     "and",       "or",      "so",    "then",  "there", "here",
      "however", "meanwhile", "also",    "in",    "on",    "at",    "as",
      "after",   "before",    "when",    "while", "if",    "some",  "many",
      "one",     "another",   "several", "who",   "which", "what"};
  return s;
}

// Articles and quantifiers that make a titled speaker unnamed.
const std::unordered_set<std::string_view>& Indefinites() {
  static const std::unordered_set<std::string_view> s = {
      "a", "an", "one", "another", "some", "several", "two", "three", "many"};
  return s;
}

bool IsNegator(const Token& t) {
  return In(Negators(), t.norm) ||
         (t.norm.size() > 3 &&
          t.norm.compare(t.norm.size() - 3, 3, "n't") == 0);
}

bool IsNumber(const Token& t) {
  return t.is_word && t.norm[0] >= '0' && t.norm[0] <= '9';
}

// "May" the month, not the modal: "in May", "May 4", "early May".
bool IsMonthMay(const std::vector<Token>& tokens, size_t i) {
  if (!tokens[i].capitalized || tokens[i].norm != "may") return false;
  if (i + 1 < tokens.size() && IsNumber(tokens[i + 1])) return true;
  static const std::unordered_set<std::string_view> before = {
      "in",   "since", "until", "by",   "from", "through", "early",
      "late", "mid",   "last",  "next", "this", "of",      "during"};
  return i > 0 && In(before, tokens[i - 1].norm);
}

// Tokens that may belong to a speaker: names, titles, bodies, "U.S.".
bool IsSpeakerToken(const std::vector<Token>& tokens,
                    const std::vector<Role>& roles, size_t i) {
  const Token& t = tokens[i];
  if (roles[i] != kNoRole) return true;
  if (t.capitalized) return !In(NotNames(), t.norm);
  // The periods of an initialism: "U.S." is U . S .
  return t.norm == "." && i > 0 && tokens[i - 1].capitalized &&
         tokens[i - 1].norm.size() == 1;
}

struct Speaker {
  size_t first = 0;  // token range of the speaker (with a leading "the")
  size_t last = 0;
  bool on_record = false;
};

// Grows a speaker run from token `from` in direction `step` (+1 or -1).
Speaker FindSpeaker(const std::vector<Token>& tokens,
                    const std::vector<Role>& roles, size_t from, int step) {
  Speaker s;
  bool has_name = false, has_body = false, has_title = false;
  size_t first = from, last = from, count = 0;
  for (size_t i = from; i < tokens.size() && count < kMaxSpeakerTokens;
       i += static_cast<size_t>(step), ++count) {
    bool take = IsSpeakerToken(tokens, roles, i);
    // "Ministry of Defense": "of" joins two parts of one name.
    if (!take && tokens[i].norm == "of" && count > 0) {
      const size_t next = i + static_cast<size_t>(step);
      take = next < tokens.size() && IsSpeakerToken(tokens, roles, next);
    }
    if (!take) break;
    has_name |= roles[i] == kNoRole && tokens[i].capitalized;
    has_body |= roles[i] == kBodyRole;
    has_title |= roles[i] == kTitleRole;
    first = std::min(first, i);
    last = std::max(last, i + 1);
    if (i == 0 && step < 0) break;
  }
  if (last == from) return s;  // nothing taken
  s.first = first;
  s.last = last;
  // The word before the speaker decides definiteness: "the spokeswoman"
  // is on record, "a spokeswoman" is not.
  const size_t left = step < 0 ? first : from;
  const std::string* det = left > 0 ? &tokens[left - 1].norm : nullptr;
  const bool definite = det != nullptr && *det == "the";
  if (definite && step < 0) s.first = left - 1;
  const bool indefinite = det != nullptr && In(Indefinites(), *det);
  s.on_record =
      !indefinite && (has_name || has_body || (has_title && definite));
  return s;
}

}  // namespace

const std::vector<std::string>& Extractor::LexiconNames() {
  static const std::vector<std::string> names = {
      "hedge", "anonymous_source", "official_confirmation", "official_title",
      "official_body"};
  return names;
}

Extractor::Extractor(std::vector<Lexicon> lexicons) {
  const std::vector<std::string>& names = LexiconNames();
  lexicons_.resize(names.size());
  std::vector<bool> seen(names.size(), false);
  for (Lexicon& lexicon : lexicons) {
    const auto it = std::find(names.begin(), names.end(), lexicon.name);
    if (it == names.end()) {
      throw LexiconError(lexicon.path + ": unknown lexicon '" + lexicon.name +
                         "' (expected one of: hedge, anonymous_source, "
                         "official_confirmation, official_title, "
                         "official_body)");
    }
    const auto id = static_cast<size_t>(it - names.begin());
    if (seen[id]) {
      throw LexiconError(lexicon.path + ": lexicon '" + lexicon.name +
                         "' given twice");
    }
    seen[id] = true;
    lexicons_[id] = std::move(lexicon);
  }
  for (size_t id = 0; id < names.size(); ++id) {
    if (!seen[id]) {
      throw LexiconError("missing lexicon '" + names[id] + "' (add " +
                         names[id] + ".txt)");
    }
  }
  feature_names_.assign(names.begin(), names.begin() + kCategories);
  for (size_t id = 0; id < lexicons_.size(); ++id) {
    const auto& entries = lexicons_[id].entries;
    for (size_t e = 0; e < entries.size(); ++e) {
      for (const auto& form : entries[e].forms) {
        if (form.empty()) continue;
        matcher_.Add(form, static_cast<uint32_t>((id << 24) | e));
      }
    }
  }
}

ClaimEvidence Extractor::Extract(std::string_view text, size_t begin,
                                 size_t end) const {
  ClaimEvidence evidence;
  evidence.features.assign(kCategories, 0.0);
  const std::vector<Token> tokens = Tokenize(text, begin, end);
  std::vector<PhraseMatch> matches;
  matcher_.FindAll(tokens, &matches);

  std::vector<Role> roles(tokens.size(), kNoRole);
  for (const PhraseMatch& m : matches) {
    const size_t id = m.payload >> 24;
    if (id == kOfficialTitle || id == kOfficialBody) {
      for (size_t i = m.first_token; i < m.last_token; ++i) {
        roles[i] =
            std::max(roles[i], id == kOfficialBody ? kBodyRole : kTitleRole);
      }
    }
  }

  // Matches arrive by first token, shorter first; so do each category's
  // cues, except where a speaker reached left past an earlier cue.
  std::vector<Cue> cues[kCategories];
  for (const PhraseMatch& m : matches) {
    const size_t id = m.payload >> 24;
    if (id >= kCategories) continue;
    const LexiconEntry& entry = lexicons_[id].entries[m.payload & 0xFFFFFF];
    size_t first = m.first_token, last = m.last_token;
    if (id == kHedge && last - first == 1 && IsMonthMay(tokens, first)) {
      continue;
    }
    if (id == kOfficialConfirmation) {
      size_t k = first;  // first token left of the verb, past fillers
      while (k > 0 && In(Fillers(), tokens[k - 1].norm)) --k;
      if (k > 0 && In(Modals(), tokens[k - 1].norm)) continue;
      bool negated = false;
      for (size_t i = first >= 3 ? first - 3 : 0; i < first; ++i) {
        negated |= IsNegator(tokens[i]);
      }
      if (negated) continue;
      Speaker speaker;
      if (k > 0 && In(PassiveAuxiliaries(), tokens[k - 1].norm)) {
        if (last < tokens.size() && tokens[last].norm == "by" &&
            last + 1 < tokens.size()) {
          const bool the = tokens[last + 1].norm == "the";
          if (!the || last + 2 < tokens.size()) {
            speaker = FindSpeaker(tokens, roles, last + 1 + the, +1);
          }
        }
      } else if (k > 0) {
        speaker = FindSpeaker(tokens, roles, k - 1, -1);
      }
      if (!speaker.on_record) continue;
      first = std::min(first, speaker.first);
      last = std::max(last, speaker.last);
    }
    cues[id].push_back({tokens[first].begin, tokens[last - 1].end, id,
                        entry.strength, &entry});
  }

  // Overlapping matches of one category are one cue: "is rumored to"
  // absorbs "rumored", and "According to people" joins "people familiar
  // with the matter". The merged cue keeps the strongest entry, the longer
  // one on a tie.
  std::vector<Cue> merged[kCategories];
  for (size_t id = 0; id < kCategories; ++id) {
    auto by_begin = [](const Cue& a, const Cue& b) {
      return a.begin < b.begin;
    };
    if (!std::is_sorted(cues[id].begin(), cues[id].end(), by_begin)) {
      std::stable_sort(cues[id].begin(), cues[id].end(), by_begin);
    }
    for (const Cue& cue : cues[id]) {
      Cue* open = merged[id].empty() ? nullptr : &merged[id].back();
      if (open == nullptr || cue.begin >= open->end) {
        merged[id].push_back(cue);
        evidence.features[id] += cue.strength;
        continue;
      }
      if (cue.strength > open->strength ||
          (cue.strength == open->strength && cue.begin == open->begin &&
           cue.end > open->end)) {
        evidence.features[id] += cue.strength - open->strength;
        open->strength = cue.strength;
        open->entry = cue.entry;
      }
      open->end = std::max(open->end, cue.end);
    }
  }
  // Interleave the categories by position (a merge, not a sort: the
  // worst case is a claim made of cues).
  size_t next[kCategories] = {};
  for (;;) {
    size_t best = kCategories;
    for (size_t id = 0; id < kCategories; ++id) {
      if (next[id] < merged[id].size() &&
          (best == kCategories ||
           merged[id][next[id]].begin < merged[best][next[best]].begin)) {
        best = id;
      }
    }
    if (best == kCategories) break;
    evidence.cues.push_back(merged[best][next[best]++]);
  }
  return evidence;
}

}  // namespace credence
