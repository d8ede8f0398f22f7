#include "features/extractor.h"

#include <algorithm>
#include <cmath>
#include <cstring>
#include <string_view>
#include <unordered_map>

#include "features/attribution.h"
#include "features/cue_merge.h"
#include "features/match_context.h"
#include "features/phrase_matcher.h"
#include "features/style_cues.h"

namespace credence {
namespace {

// Lexicon order: the categories (also the first features), then the word
// classes the rules read.
enum LexiconId : size_t {
  kHedge,
  kBooster,
  kAnonymousSource,
  kVagueAttribution,
  kNamedSource,
  kOfficialConfirmation,
  kDenial,
  kMediaReport,
  kUnverifiedSocial,
  kSpeculation,
  kDoubtMarker,
  kSensational,
  kWeasel,
  kPeacock,
  kClickbait,
  kHardNews,
  kQuestion,
  kLink,
  kQuotation,
  kTitleCase,
  kCategories,
  kOfficialTitle = kCategories,
  kOfficialBody,
  kMediaOutlet,
  kPersonNoun,
  kVagueSpeaker,
  kAcronym,
  kListicleNoun,
  kSetPhrase,
  kLexiconCount
};
static_assert(kCategories == Extractor::kCategoryCount);
static_assert(kCategories <= 32, "category sets are uint32_t bit masks");

// The categories in a bit mask, lowest first: for (c : mask) ...
template <typename F>
void ForEachBit(uint32_t mask, F f) {
  for (; mask != 0; mask &= mask - 1) {
    f(static_cast<size_t>(__builtin_ctz(mask)));
  }
}

// The pseudo-entries of the built-in rules, so every cue names its source.
LexiconEntry RuleEntry(const char* phrase) {
  LexiconEntry e;
  e.phrase = phrase;
  e.source = "rule";
  return e;
}
// The most tokens a claim can have and still read as a headline.
constexpr size_t kHeadlineTokens = 25;

const LexiconEntry kCapitalsRule = RuleEntry("<word in capitals>");
const LexiconEntry kExclamationRule = RuleEntry("<!>");
const LexiconEntry kListicleRule = RuleEntry("<number> <listicle noun>");
const LexiconEntry kHandleRule = RuleEntry("<@handle>");
const LexiconEntry kNegatedConfirmationRule = RuleEntry("<not> <confirm>");
const LexiconEntry kModalForecastRule = RuleEntry("<could|may|might> <verb>");
const LexiconEntry kColonLeadRule = RuleEntry("<speaker>:");
const LexiconEntry kForecastRule =
    RuleEntry("<unnamed source> ... will <verb>");
const LexiconEntry kQuotationRule = RuleEntry("\"<four words or more>\"");
const LexiconEntry kDashAttributionRule = RuleEntry("\u2014<speaker>");
const LexiconEntry kColonReportRule = RuleEntry(": report");
const LexiconEntry kAgentlessReportRule =
    RuleEntry("<noun> reported <at|in|near>");

// The category a speech act gives, from its speaker and its verb.
size_t SpeechCategory(SpeakerKind kind, bool confirms, Backing previous) {
  switch (kind) {
    case SpeakerKind::kMedia:
      return kMediaReport;
    case SpeakerKind::kAnonymous:
      return kAnonymousSource;
    case SpeakerKind::kVague:
      return kVagueAttribution;
    case SpeakerKind::kOfficial:
    case SpeakerKind::kInstitution:
      return confirms ? kOfficialConfirmation : kNamedSource;
    case SpeakerKind::kPronoun:
      switch (previous) {
        case Backing::kOfficial:
        case Backing::kInstitution:
          return confirms ? kOfficialConfirmation : kNamedSource;
        case Backing::kMedia:
          return kMediaReport;
        case Backing::kAnonymous:
          return kAnonymousSource;
        case Backing::kVague:
          return kVagueAttribution;
        case Backing::kSocial:
          return kUnverifiedSocial;
        default:
          return kNamedSource;
      }
    default:
      return kNamedSource;
  }
}

Backing BackingOf(SpeakerKind kind, Backing previous) {
  switch (kind) {
    case SpeakerKind::kOfficial:
      return Backing::kOfficial;
    case SpeakerKind::kInstitution:
      return Backing::kInstitution;
    case SpeakerKind::kNamed:
      return Backing::kNamed;
    case SpeakerKind::kMedia:
      return Backing::kMedia;
    case SpeakerKind::kAnonymous:
      return Backing::kAnonymous;
    case SpeakerKind::kVague:
      return Backing::kVague;
    case SpeakerKind::kPronoun:
      return previous == Backing::kNone ? Backing::kNamed : previous;
    default:
      return Backing::kNone;
  }
}

// The backing a cue category implies even without a speaker.
Backing BackingOfCategory(size_t category) {
  switch (category) {
    case kMediaReport:
      return Backing::kMedia;
    case kAnonymousSource:
      return Backing::kAnonymous;
    case kVagueAttribution:
      return Backing::kVague;
    case kUnverifiedSocial:
      return Backing::kSocial;
    default:
      return Backing::kNone;
  }
}

// "To", not "to" or "TO": an upper-case letter, then a lower-case one.
bool IsCapitalizedWord(std::string_view text, const Token& t) {
  return t.capitalized && t.end - t.begin >= 2 && text[t.begin + 1] >= 'a' &&
         text[t.begin + 1] <= 'z';
}

// Makes the first n of *bytes zeros (and up to 15 more), growing it when it
// is shorter but never shrinking it: growing costs a call, and every reader
// of these per-token flags stops at the last token. Cleared 16 bytes at a
// time, stores of a fixed size the compiler writes in line: for the dozen
// tokens of a claim, a call to memset would cost more than the stores.
void ZeroFill(size_t n, std::vector<uint8_t>* bytes) {
  const size_t blocks = (n + 15) / 16;
  if (bytes->size() < 16 * blocks) bytes->resize(16 * blocks);
  uint8_t* const p = bytes->data();
  for (size_t b = 0; b < blocks; ++b) std::memset(p + 16 * b, 0, 16);
}

// std::log1p, remembered for the last arguments: claims give a few sums of
// cue strengths over and over (a single cue's strength most often), and a
// look-up costs a fraction of the call. Keyed by the argument's bits, so
// it returns exactly what std::log1p does.
class Log1pMemo {
 public:
  Log1pMemo() {
    for (Entry& e : entries_) e = {Bits(0.0), std::log1p(0.0)};
  }
  double operator()(double x) {
    const uint64_t bits = Bits(x);
    Entry& e = entries_[(bits * 0x9E3779B97F4A7C15ull) >> 60];
    if (e.bits != bits) e = {bits, std::log1p(x)};
    return e.value;
  }

 private:
  static uint64_t Bits(double x) {
    uint64_t bits;
    std::memcpy(&bits, &x, sizeof bits);
    return bits;
  }
  struct Entry {
    uint64_t bits;
    double value;
  };
  Entry entries_[16];  // by the top 4 bits of a multiplicative hash
};

// Per-token marks besides the roles: the StyleFlags FindStyleCues reads,
// and one bit of its own.
enum TokenMarks : uint8_t {
  // In an acronym.txt match, or inside a lexicon cue kept as one.
  kNotShoutingMark = kStyleNotShouting,
  kListicleMark = kStyleListicleNoun,  // in a listicle_noun.txt match
  kAnonymousMark = 4,                  // in an anonymous_source.txt match
  kSetPhraseMark = 8,                  // in a set_phrase.txt match
};
static_assert(((kAnonymousMark | kSetPhraseMark) &
               (kNotShoutingMark | kListicleMark)) == 0);

bool AnyMarked(const std::vector<uint8_t>& marks, size_t first, size_t last,
               uint8_t mark) {
  for (size_t i = first; i < last; ++i) {
    if (marks[i] & mark) return true;
  }
  return false;
}

}  // namespace

const char* BackingName(Backing backing) {
  static const char* const kNames[kBackingCount] = {
      "official",  "institution", "named",  "media",
      "anonymous", "vague",       "social", "none"};
  return kNames[static_cast<size_t>(backing)];
}

const std::vector<std::string>& Extractor::CategoryNames() {
  static const std::vector<std::string> names(
      LexiconNames().begin(), LexiconNames().begin() + kCategories);
  return names;
}

const std::vector<std::string>& Extractor::LexiconNames() {
  static const std::vector<std::string> names = {"hedge",
                                                 "booster",
                                                 "anonymous_source",
                                                 "vague_attribution",
                                                 "named_source",
                                                 "official_confirmation",
                                                 "denial",
                                                 "media_report",
                                                 "unverified_social",
                                                 "speculation",
                                                 "doubt_marker",
                                                 "sensational",
                                                 "weasel",
                                                 "peacock",
                                                 "clickbait",
                                                 "hard_news",
                                                 "question",
                                                 "link",
                                                 "quotation",
                                                 "title_case",
                                                 "official_title",
                                                 "official_body",
                                                 "media_outlet",
                                                 "person_noun",
                                                 "vague_speaker",
                                                 "acronym",
                                                 "listicle_noun",
                                                 "set_phrase"};
  return names;
}

std::vector<int> Extractor::FeatureDirections() const {
  static const std::pair<const char*, int> kDirections[] = {
      {"hedge", -1},
      {"booster", 0},
      {"anonymous_source", -1},
      {"vague_attribution", -1},
      {"named_source", 1},
      {"official_confirmation", 1},
      {"denial", 0},
      {"media_report", 0},
      {"unverified_social", -1},
      {"speculation", -1},
      {"doubt_marker", -1},
      {"sensational", -1},
      {"weasel", -1},
      {"peacock", -1},
      {"clickbait", -1},
      {"hard_news", 1},
      {"question", -1},
      {"link", 1},
      {"quotation", 1},
      {"title_case", -1},
      {"backing_official", 1},
      {"backing_institution", 1},
      {"backing_named", 1},
      {"backing_media", 0},
      {"backing_anonymous", -1},
      {"backing_vague", -1},
      {"backing_social", -1},
  };
  std::vector<int> directions(feature_names_.size(), 0);
  for (size_t i = 0; i < feature_names_.size(); ++i) {
    for (const auto& [name, direction] : kDirections) {
      if (feature_names_[i] == name) directions[i] = direction;
    }
  }
  return directions;
}

Extractor::Extractor(std::vector<Lexicon> lexicons) {
  const std::vector<std::string>& names = LexiconNames();
  lexicons_.resize(names.size());
  std::vector<bool> seen(names.size(), false);
  for (Lexicon& lexicon : lexicons) {
    const auto it = std::find(names.begin(), names.end(), lexicon.name);
    if (it == names.end()) {
      throw LexiconError(lexicon.path + ": unknown lexicon '" + lexicon.name +
                         "' (see Extractor::LexiconNames)");
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
  for (size_t b = 0; b + 1 < kBackingCount; ++b) {
    feature_names_.push_back(std::string("backing_") +
                             BackingName(static_cast<Backing>(b)));
  }
  // A form belongs to one category; word classes may share forms freely.
  std::unordered_map<std::vector<std::string>, const LexiconEntry*, FormHash>
      owner;
  for (size_t id = 0; id < lexicons_.size(); ++id) {
    const auto& entries = lexicons_[id].entries;
    for (size_t e = 0; e < entries.size(); ++e) {
      if (entries[e].remove) {
        throw LexiconError(entries[e].source + ": '-" +
                           OneLine(entries[e].phrase) +
                           "' removes an entry, which only an overlay may do");
      }
      for (const auto& form : entries[e].forms) {
        if (id < kCategories) {
          const auto [it, fresh] = owner.emplace(form, &entries[e]);
          if (!fresh) {
            throw LexiconError(entries[e].source + ": '" +
                               OneLine(entries[e].phrase) +
                               "' is also an entry at " + it->second->source +
                               " (a phrase belongs to one category)");
          }
        }
        matcher_.Add(form, static_cast<uint32_t>((id << 24) | e));
      }
    }
  }
}

struct ExtractScratch::Buffers {
  TokenList tokens;
  std::vector<uint32_t> word_ids;
  std::vector<PhraseMatch> matches;
  std::vector<uint8_t> roles;  // RoleBits per token
  std::vector<uint8_t> marks;  // TokenMarks per token
  std::vector<StyleCue> style_cues;
  std::vector<TokenRange> quotations;
  std::vector<Cue> cues[kCategories];  // as found, before MergeCues
  uint32_t cues_used = 0;  // bit c: cues[c] may be filled (kCategories <= 32)
  std::string folded;      // a token as FoldQuotes gives it
  // Acronyms the text defined in earlier claims ("... Initiative (CHAI)"),
  // and which text that was: its address and size, and the last claim's
  // start (a claim starting no later is a new text).
  std::vector<std::string> acronyms;
  const char* text_data = nullptr;
  size_t text_size = 0;
  size_t last_begin = 0;
  Log1pMemo log1p;  // of the category sums
};

ExtractScratch::ExtractScratch() : buffers_(std::make_unique<Buffers>()) {}
ExtractScratch::~ExtractScratch() = default;
ExtractScratch::ExtractScratch(ExtractScratch&&) noexcept = default;
ExtractScratch& ExtractScratch::operator=(ExtractScratch&&) noexcept = default;

ClaimEvidence Extractor::Extract(std::string_view text, size_t begin,
                                 size_t end, Backing previous) const {
  ExtractScratch scratch;
  ClaimEvidence evidence;
  Extract(text, begin, end, previous, &scratch, &evidence);
  return evidence;
}

bool Extractor::MatchesCase(std::string_view text,
                            const std::vector<Token>& tokens,
                            const PhraseMatch& m, std::string* folded) const {
  const LexiconEntry& e = EntryOf(m.payload);
  if (e.exact_forms.empty()) return true;
  const size_t n = m.last_token - m.first_token;
  for (const std::vector<std::string>& form : e.exact_forms) {
    if (form.size() != n) continue;
    size_t k = 0;
    for (; k < n; ++k) {
      const Token& t = tokens[m.first_token + k];
      FoldQuotes(text.substr(t.begin, t.end - t.begin), folded);
      if (*folded != form[k]) break;
    }
    if (k == n) return true;
  }
  return false;
}

void Extractor::Extract(std::string_view text, size_t begin, size_t end,
                        Backing previous, ExtractScratch* scratch,
                        ClaimEvidence* evidence) const {
  ExtractScratch::Buffers& buf = *scratch->buffers_;
  TokenList& token_list = buf.tokens;
  Tokenize(text, begin, end, &token_list);
  const std::vector<Token>& tokens = token_list.tokens();
  const size_t n = tokens.size();
  matcher_.WordIds(tokens, &buf.word_ids);
  std::vector<PhraseMatch>& matches = buf.matches;
  matches.clear();
  matcher_.FindAll(buf.word_ids, &matches);
  // Entries written with capitals ("WHO", "BREAKING") match only text with
  // the same capitals.
  // Entries marked '^' match only where the claim's words begin.
  // A title_case word counts capitalized, not in capitals ("To", not "to"
  // or "TO"), and after a word, so not where a claim, a quote or a colon's
  // clause begins ("Clinton: In Her Words" has none). Most are lower-case
  // prose: dropped here, before any other step looks at them.
  matches.erase(std::remove_if(matches.begin(), matches.end(),
                               [&](const PhraseMatch& m) {
                                 if ((m.payload >> 24) == kTitleCase) {
                                   const size_t i = m.first_token;
                                   return i == 0 || !tokens[i - 1].is_word ||
                                          !IsCapitalizedWord(text, tokens[i]);
                                 }
                                 const LexiconEntry& e = EntryOf(m.payload);
                                 if (e.claim_start) {
                                   for (size_t i = 0; i < m.first_token; ++i) {
                                     if (tokens[i].is_word) return true;
                                   }
                                 }
                                 return !e.exact_forms.empty() &&
                                        !MatchesCase(text, tokens, m,
                                                     &buf.folded);
                               }),
                matches.end());

  std::vector<uint8_t>& roles = buf.roles;
  std::vector<uint8_t>& marks = buf.marks;
  ZeroFill(n, &roles);
  ZeroFill(n, &marks);
  static const uint8_t kRoleOf[] = {kTitleRole, kBodyRole, kMediaRole,
                                    kPersonRole, kVagueRole};
  bool set_phrases = false;     // whether any set phrase matched
  bool listicle_nouns = false;  // whether any listicle noun matched
  for (const PhraseMatch& m : matches) {
    const size_t id = m.payload >> 24;
    uint8_t mark = 0;
    if (id == kAcronym) mark = kNotShoutingMark;
    if (id == kListicleNoun) {
      mark = kListicleMark;
      listicle_nouns = true;
    }
    if (id == kAnonymousSource) mark = kAnonymousMark;
    if (id == kSetPhrase) {
      mark = kSetPhraseMark;
      set_phrases = true;
    }
    const bool role = id >= kOfficialTitle && id <= kVagueSpeaker;
    for (size_t i = m.first_token; i < m.last_token; ++i) {
      if (role) roles[i] |= kRoleOf[id - kOfficialTitle];
      marks[i] |= mark;
    }
  }

  // Worked out only when a rule asks: most claims have no speech verb.
  // Prose, not a headline: a final full stop, or more tokens than a
  // headline runs to (99% of the titles in two headline sets have 27 or
  // fewer; tweets and list items run longer). Worked out when first asked.
  int prose_known = -1;
  auto prose = [&] {
    if (prose_known < 0) {
      prose_known = tokens.size() > kHeadlineTokens || EndsWithFullStop(tokens);
    }
    return prose_known == 1;
  };
  // Most long words capitalized, as a headline set in title case has them
  // (the title_case category asks more: even its small words capitalized).
  int capitalized_known = -1;
  auto long_words_capitalized = [&] {
    if (capitalized_known < 0) capitalized_known = IsTitleCase(tokens);
    return capitalized_known == 1;
  };
  Speaker last_speaker;
  std::vector<Cue>* cues = buf.cues;
  // Most claims add no cue: the lists are cleared only when one was.
  ForEachBit(buf.cues_used, [&](size_t c) { cues[c].clear(); });
  buf.cues_used = 0;
  Backing backing = Backing::kNone;
  bool carried = false;
  size_t found = 0;  // cues added, in all categories
  auto add = [&](size_t category, size_t first, size_t last, double strength,
                 const LexiconEntry* entry) {
    buf.cues_used |= uint32_t{1} << category;
    cues[category].push_back(
        {tokens[first].begin, tokens[last - 1].end, category, strength, entry});
    ++found;
  };
  auto back = [&](Backing b) { backing = std::min(backing, b); };

  for (const PhraseMatch& m : matches) {
    const size_t id = m.payload >> 24;
    if (id >= kCategories) continue;
    const LexiconEntry& entry = EntryOf(m.payload);
    const size_t first = m.first_token, last = m.last_token;
    if (InsideCompound(tokens, first, last)) continue;
    // "for some reason", "many years later": a set phrase, not a cue.
    if (set_phrases && AnyMarked(marks, first, last, kSetPhraseMark)) {
      continue;
    }
    // Bait and hard-news wording are a headline's voice: in a sentence that
    // ends with a full stop ("So we left early.", "He was elected in
    // 1998.") they are plain prose.
    if ((id == kClickbait || id == kHardNews) && prose()) continue;
    // "?" before a closing quote is someone's question, reported.
    if (id == kQuestion && last < tokens.size() &&
        (Is(tokens[last], "\"") || Is(tokens[last], "'"))) {
      continue;
    }
    if (id == kHedge && last - first == 1) {
      if (IsMonthMay(tokens, first)) continue;
      // "the might of the navy" is a noun; "could not" is ability.
      if (first > 0 && IsArticle(tokens[first - 1])) continue;
      if (Is(tokens[first], "could") && last < tokens.size() &&
          IsNegator(tokens[last])) {
        continue;
      }
    }
    if (id == kDoubtMarker && last < tokens.size() && Is(tokens[last], "to")) {
      continue;  // "was supposed to arrive": an obligation
    }
    if (id == kSpeculation && last - first == 1 &&
        ((first > 0 &&
          (Is(tokens[first - 1], "more") || Is(tokens[first - 1], "less"))) ||
         (last < tokens.size() && Is(tokens[last], "than")))) {
      continue;  // "more likely than": a comparison
    }
    if (id == kBooster && first > 0 &&
        (IsNegator(tokens[first - 1]) ||
         (first > 1 && IsNegator(tokens[first - 2])))) {
      continue;  // "not conclusively"
    }
    if (id == kDenial) {
      // "was denied bail", "Court Denies Bail": rulings, not denials.
      const std::string_view w = tokens[first].norm;
      const bool passive = first > 0 && w.size() > 2 &&
                           w.compare(w.size() - 2, 2, "ed") == 0 &&
                           IsPassiveAuxiliary(tokens[first - 1]);
      const bool object =
          last < tokens.size() && IsNonClaimObject(tokens[last]);
      if (passive || object) continue;
    }
    for (size_t i = first; i < last; ++i) marks[i] |= kNotShoutingMark;
    if (id == kDenial) {
      back(BackingOf(SpeakerBefore(tokens, roles, first).kind, previous));
    }
    if (id != kNamedSource && id != kOfficialConfirmation) {
      add(id, first, last, entry.strength, &entry);
      // "could come", "might fall": a modal before a plain verb forecasts.
      const std::string_view w = tokens[first].norm;
      if (id == kHedge && last - first == 1 && last < tokens.size() &&
          (w == "could" || w == "may" || w == "might") &&
          tokens[last].is_word && !tokens[last].capitalized &&
          !IsNegator(tokens[last]) && !IsDeterminer(tokens[last]) &&
          !Is(tokens[last], "have") && !Is(tokens[last], "well") &&
          !(w == "may" && Is(tokens[last], "be"))) {
        add(kSpeculation, first, last + 1, 0.5, &kModalForecastRule);
      }
      continue;
    }
    // A speech verb: who speaks, and is it said, planned or negated?
    const bool confirms = id == kOfficialConfirmation;
    // "Edward Said": a capital mid-sentence marks a name, except in
    // headlines set in title case.
    if (tokens[first].capitalized && first > 0 && !long_words_capitalized()) {
      continue;
    }
    // "a police report", "reports of a coup", "despite reports", "amid
    // split reports", a headline's "Divorce Report: ...", "Reports say",
    // and the same of "claim": nouns, not verbs.
    const std::string_view verb = tokens[first].norm;
    const bool singular = verb == "report" || verb == "claim";
    if (singular || verb == "reports" || verb == "claims") {
      const Token* next = last < tokens.size() ? &tokens[last] : nullptr;
      const Token* before = first > 0 ? &tokens[first - 1] : nullptr;
      const Token* before2 = first > 1 ? &tokens[first - 2] : nullptr;
      if (before == nullptr || (next != nullptr && Is(*next, "of")) ||
          (next != nullptr && (Is(*next, ":") || IsPassiveAuxiliary(*next))) ||
          IsDeterminer(*before) || IsPreposition(*before) ||
          (before2 != nullptr && before->is_word && IsPreposition(*before2)) ||
          (singular && before2 != nullptr && !before->capitalized &&
           IsDeterminer(*before2))) {
        continue;
      }
    }
    // "Singer reported missing", "one soldier confirmed shot": a
    // headline's passive, no one speaks; "claimed responsibility" or
    // "claimed 12 seats" says nothing.
    if (last < tokens.size()) {
      const bool passive = (verb == "reported" || verb == "confirmed") &&
                           IsReportedState(tokens[last]);
      const bool taken =
          verb.compare(0, 5, "claim") == 0 && IsClaimedThing(tokens[last]);
      if (passive || taken) continue;
      // "Shots reported at the mall", "gunfire reported in the building":
      // reported by no one, as vague as "reportedly". A role word does
      // speak ("Police reported at ..."), and so does a capitalized name
      // inside a sentence ("..., Smith reported in a memo"); "was
      // reported in" and "has reported in" are left to the rules below.
      const bool opens_sentence =
          first == 1 ||
          (first > 1 && !tokens[first - 2].is_word &&
           (Is(tokens[first - 2], ".") || Is(tokens[first - 2], ":")));
      if (verb == "reported" && first > 0 && IsPlacePreposition(tokens[last]) &&
          tokens[first - 1].is_word && roles[first - 1] == 0 &&
          !IsSubjectPronoun(tokens[first - 1]) &&
          !IsPassiveAuxiliary(tokens[first - 1]) &&
          SkipFillersLeft(tokens, first) == first &&
          (opens_sentence || !tokens[first - 1].capitalized)) {
        back(Backing::kVague);
        add(kVagueAttribution, first - 1, last, 1.0, &kAgentlessReportRule);
        continue;
      }
    }
    const size_t k = SkipFillersLeft(tokens, first);
    bool negated = false;
    size_t negation_first = first;
    for (size_t i = first; i > 0 && first - i < 4;) {
      --i;
      if (!IsNegationFiller(tokens[i]) && !IsNegator(tokens[i])) {
        break;
      }
      negation_first = i;
      negated |= IsNegator(tokens[i]);
    }
    if (negated) {
      // "did not confirm" denies; "never disclosed" merely withholds.
      const std::string_view v = tokens[first].norm;
      if (!confirms ||
          !(v.compare(0, 7, "confirm") == 0 || v.compare(0, 5, "verif") == 0 ||
            v.compare(0, 11, "acknowledge") == 0)) {
        continue;
      }
      const Speaker s = SpeakerBefore(tokens, roles, negation_first);
      back(BackingOf(s.kind, previous));
      add(kDenial, negation_first, last, 1.0, &kNegatedConfirmationRule);
      continue;
    }
    if (k > 0 && IsModal(tokens[k - 1])) continue;
    Speaker speaker;
    const bool according =
        Is(tokens[first], "according") || Is(tokens[first], "citing");
    if (according) {
      speaker = SpeakerAfter(tokens, roles, last);
    } else if (k > 0 && IsPassiveAuxiliary(tokens[k - 1])) {
      if (!confirms || last + 1 >= tokens.size() || !Is(tokens[last], "by")) {
        continue;
      }
      speaker = SpeakerAfter(tokens, roles, last + 1);
    } else {
      speaker = SpeakerBefore(tokens, roles, first);
      // Inverted order after a quote or at the start: "..., said Watson".
      const bool opens = k == 0 || !tokens[k - 1].is_word;
      if (speaker.kind == SpeakerKind::kNone && opens &&
          !Is(tokens[first], "told") && !Is(tokens[first], "tell") &&
          !Is(tokens[first], "tells")) {
        speaker = SpeakerAfter(tokens, roles, last);
      }
    }
    // "The insurer confirmed ... but said": the same speaker again.
    if (speaker.kind == SpeakerKind::kNone && k > 0 &&
        (Is(tokens[k - 1], "and") || Is(tokens[k - 1], "but"))) {
      speaker = last_speaker;
      speaker.first = speaker.last = first;
    }
    if (speaker.kind == SpeakerKind::kNone) continue;
    // "The official, who was not authorized to speak, said": a speaker
    // made anonymous on the way to the verb.
    const bool person = speaker.kind == SpeakerKind::kOfficial ||
                        speaker.kind == SpeakerKind::kNamed;
    for (size_t i = speaker.last; i < first && person; ++i) {
      if (marks[i] & kAnonymousMark) speaker.kind = SpeakerKind::kAnonymous;
    }
    // Names take "reports": after a bare name "report" is a noun ("Autopsy
    // Report", "Star Dating Report"), and so is a headline's last word
    // "Reports" when names run from its start ("Star Pays Ex's Bills
    // Reports"), unlike "..., Variety Reports". The same of "claim".
    if (speaker.kind == SpeakerKind::kNamed &&
        (singular || ((verb == "reports" || verb == "claims") &&
                      last == tokens.size() && speaker.first == 0))) {
      continue;
    }
    // "claims" keeps its distance, and a belief is not a statement
    // ("police believe", "the minister thinks"): they mark a weak source
    // ("sources claim", "officials fear") but give an on-record one no
    // credit.
    const bool belief =
        verb.compare(0, 6, "believ") == 0 || verb.compare(0, 5, "think") == 0 ||
        verb.compare(0, 4, "fear") == 0 || verb.compare(0, 5, "worr") == 0;
    if ((verb.compare(0, 5, "claim") == 0 || belief) &&
        (speaker.kind == SpeakerKind::kOfficial ||
         speaker.kind == SpeakerKind::kInstitution ||
         speaker.kind == SpeakerKind::kNamed ||
         speaker.kind == SpeakerKind::kPronoun)) {
      continue;
    }
    if (speaker.last > first) last_speaker = speaker;
    // Outlets report; a proper name that "reported" is most often one.
    if (speaker.kind == SpeakerKind::kNamed &&
        tokens[first].norm.compare(0, 6, "report") == 0) {
      speaker.kind = SpeakerKind::kMedia;
    }
    const size_t category = SpeechCategory(speaker.kind, confirms, previous);
    const Backing b = BackingOf(speaker.kind, previous);
    if (speaker.kind == SpeakerKind::kPronoun && previous != Backing::kNone &&
        b < backing) {
      carried = true;
    }
    back(b);
    add(category, std::min(first, speaker.first), std::max(last, speaker.last),
        entry.strength, &entry);
  }

  // Style: @handles, '!', capitals, listicle counts.
  // Category, strength and rule of each style kind, in StyleKind order; a
  // kind without a rule is no cue. A #hashtag files a post under a topic
  // and says nothing of the claim's source: tweets nearly all carry one,
  // and inside a news event they do not mark the rumours that failed
  // (PHEME dev: scoring none lifts the within-event AUC in Ferguson 0.49
  // -> 0.58, Ottawa 0.40 -> 0.42).
  struct StyleRule {
    size_t category;
    double strength;
    const LexiconEntry* entry;  // nullptr: no cue
  };
  static const StyleRule kStyleRules[] = {
      {kUnverifiedSocial, 1.0, &kHandleRule},
      {kCategories, 0.0, nullptr},  // #hashtag
      {kSensational, 1.0, &kExclamationRule},
      {kSensational, 0.5, &kCapitalsRule},
      {kSensational, 1.0, &kListicleRule}};
  if (text.data() != buf.text_data || text.size() != buf.text_size ||
      begin <= buf.last_begin) {
    buf.acronyms.clear();
  }
  buf.text_data = text.data();
  buf.text_size = text.size();
  buf.last_begin = begin;
  if (token_list.may_shout_or_mark()) {
    MarkDefinedAcronyms(text, tokens, &buf.acronyms, &marks);
    FindStyleCues(text, tokens, marks, &buf.style_cues);
  } else if (listicle_nouns) {
    FindListicleCues(tokens, marks, &buf.style_cues);  // the rest cannot fire
  } else {
    buf.style_cues.clear();  // a listicle needs a noun to count
  }
  for (const StyleCue& c : buf.style_cues) {
    const StyleRule& rule = kStyleRules[static_cast<size_t>(c.kind)];
    if (rule.entry == nullptr) continue;
    add(rule.category, c.first, c.last, rule.strength, rule.entry);
  }
  if (token_list.has_double_quote()) {
    FindQuotations(tokens, 4, &buf.quotations);
    for (const TokenRange& q : buf.quotations) {
      add(kQuotation, q.first, q.last, 1.0, &kQuotationRule);
    }
  }
  // "... —Commissioner Rafael Ibarra": a dash, then the speaker, ends it.
  // Most claims have no dash at all: the tokenizer says so.
  const size_t dash_from = n > 14 ? n - 14 : 0;
  for (size_t d = n; token_list.has_dash() && d-- > dash_from;) {
    if (!Is(tokens[d], "\u2014") && !Is(tokens[d], "\u2013")) continue;
    if (d == 0) break;  // a byline line: "— Name (@handle) date"
    const Speaker s = SpeakerAfter(tokens, roles, d + 1);
    // A headline's "... – Variety" or "Hamilton East—Stoney Creek" is a
    // publisher or a place: a name or an outlet after a dash speaks only
    // when a quotation closes right before it.
    const bool quote_closes = Is(tokens[d - 1], "\"") || Is(tokens[d - 1], "'");
    const bool name =
        s.kind == SpeakerKind::kNamed || s.kind == SpeakerKind::kMedia;
    if (s.kind != SpeakerKind::kNone && s.last == tokens.size() &&
        (quote_closes || !name)) {
      back(BackingOf(s.kind, previous));
      add(SpeechCategory(s.kind, false, previous), d, s.last, 1.0,
          &kDashAttributionRule);
    }
    break;
  }
  // "Couple split: Report": a headline ends on a report it does not name.
  if (n >= 3 && Is(tokens[n - 2], ":") &&
      (Is(tokens[n - 1], "report") || Is(tokens[n - 1], "reports"))) {
    back(Backing::kVague);
    add(kVagueAttribution, n - 2, n, 1.0, &kColonReportRule);
  }
  // "Ministry: No Evidence of Sabotage": a speaker and a colon lead in.
  for (size_t c = 1; c < tokens.size() && c <= 4; ++c) {
    if (!Is(tokens[c], ":")) continue;
    // "Breaking news:", "Latest News:": a label that files the story.
    if (IsNewsLabel(tokens[0])) break;
    Speaker s = SpeakerAfter(tokens, roles, 0);
    // A bare name before a colon is as often a topic ("Tech Layoffs:")
    // as a speaker, and so is a name that only holds a body ("Parliament
    // Shooting:", "CANADA PARLIAMENT SHOOTING:", unlike "Ottawa Police:"
    // or "Ministry of Health:"); a quote after the colon settles it.
    const bool quoted = c + 1 < tokens.size() &&
                        (Is(tokens[c + 1], "\"") || Is(tokens[c + 1], "'"));
    const bool topic =
        s.kind == SpeakerKind::kNamed ||
        (s.kind == SpeakerKind::kInstitution && roles[c - 1] == 0 &&
         !(c >= 2 && Is(tokens[c - 2], "of")));
    if (s.last == c && s.kind != SpeakerKind::kNone && (!topic || quoted)) {
      back(BackingOf(s.kind, previous));
      add(SpeechCategory(s.kind, false, previous), 0, c + 1, 1.0,
          &kColonLeadRule);
    }
    break;
  }

  // "Critics say the law will hurt": a future told by an unnamed or vague
  // source is a forecast; told by the ministry it is an announcement.
  if (!cues[kVagueAttribution].empty() || !cues[kAnonymousSource].empty()) {
    for (size_t i = 0; i + 1 < tokens.size(); ++i) {
      if (Is(tokens[i], "will") && tokens[i + 1].is_word) {
        add(kSpeculation, i, i + 2, 0.5, &kForecastRule);
      }
    }
  }
  std::vector<double>& features = evidence->features;
  features.resize(kCategories + kBackingCount - 1);
  // A category's feature is log(1 + sums[c]): 0.0 without cues.
  std::fill(features.begin(), features.end(), 0.0);
  uint64_t nonzero = 0;
  if (found > 0) {
    if (found == 1) {
      // One cue (a common case): nothing to merge or sort.
      evidence->cues.clear();
      evidence->cues.push_back(cues[__builtin_ctz(buf.cues_used)].front());
    } else {
      MergeCues(cues, buf.cues_used, &evidence->cues);
    }
    // sums[c] is set once c is in `summed`: the array is not cleared, as
    // most claims have cues of one or two categories.
    double sums[kCategories];
    uint32_t summed = 0;  // the categories of the cues
    for (const Cue& cue : evidence->cues) {
      const uint32_t bit = uint32_t{1} << cue.category;
      // A category's first cue is added to 0.0, as a cleared sum would be.
      sums[cue.category] =
          ((summed & bit) != 0 ? sums[cue.category] : 0.0) + cue.strength;
      summed |= bit;
      back(BackingOfCategory(cue.category));
    }
    ForEachBit(summed, [&](size_t c) { features[c] = buf.log1p(sums[c]); });
    nonzero = summed;
  } else {
    evidence->cues.clear();
  }
  evidence->backing = backing;
  evidence->backing_carried = carried && backing == previous;
  // One-hot, the last backing (none) being the all-zero case.
  if (static_cast<size_t>(backing) + 1 < kBackingCount) {
    features[kCategories + static_cast<size_t>(backing)] = 1.0;
    nonzero |= uint64_t{1} << (kCategories + static_cast<size_t>(backing));
  }
  evidence->nonzero_features = nonzero;
}

}  // namespace credence
