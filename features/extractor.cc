// The extractor: its lexicons and phrase matcher, and Extract, which runs
// the rule passes of features/rules/ over one claim and turns the cues
// they find into the claim's backing and feature values.
#include "features/extractor.h"

#include <algorithm>
#include <cmath>
#include <cstring>
#include <string_view>
#include <unordered_map>

#include "features/cue_merge.h"
#include "features/phrase_matcher.h"
#include "features/rules/claim_state.h"
#include "features/rules/colon_lead.h"
#include "features/rules/dash_attribution.h"
#include "features/rules/document_source.h"
#include "features/rules/forecast.h"
#include "features/rules/lexicon_cues.h"
#include "features/rules/lexicon_matches.h"
#include "features/rules/quotation.h"
#include "features/rules/quote_carry.h"
#include "features/rules/social_user.h"
#include "features/rules/style.h"
#include "features/rules/transcript_label.h"

namespace credence {
namespace {

constexpr size_t kFeatureCount = kCategoryCount + kBackingCount - 1;
static_assert(kFeatureCount <= 64, "nonzero_features is a 64-bit mask");

// The categories in a bit mask, lowest first: for (c : mask) ...
template <typename F>
void ForEachBit(uint32_t mask, F f) {
  for (; mask != 0; mask &= mask - 1) {
    f(static_cast<size_t>(__builtin_ctz(mask)));
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

}  // namespace

std::vector<int> Extractor::FeatureDirections() const {
  std::vector<int> directions;
  for (size_t c = 0; c < kCategoryCount; ++c) {
    directions.push_back(CategoryDirection(c));
  }
  for (size_t b = 0; b + 1 < kBackingCount; ++b) {
    directions.push_back(BackingDirection(static_cast<Backing>(b)));
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
  feature_names_.assign(names.begin(), names.begin() + kCategoryCount);
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
        if (id < kCategoryCount) {
          const auto [it, fresh] = owner.emplace(form, &entries[e]);
          if (!fresh) {
            throw LexiconError(entries[e].source + ": '" +
                               OneLine(entries[e].phrase) +
                               "' is also an entry at " + it->second->source +
                               " (a phrase belongs to one category)");
          }
        }
        matcher_.Add(form, MatchPayload(id, e));
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
  std::vector<Cue> cues[kCategoryCount];  // as found, before MergeCues
  uint32_t cues_used = 0;                 // bit c: cues[c] may be filled
  std::string folded;                     // a token as FoldQuotes gives it
  // Acronyms the text defined in earlier claims ("... Initiative (CHAI)").
  std::vector<std::string> acronyms;
  NameMemory names;  // people the text named with a title so far
  // The last claim: its text (address and size), start, backing and
  // backer. A claim of another text, or starting no later, is a new text.
  const char* text_data = nullptr;
  size_t text_size = 0;
  size_t last_begin = 0;
  Backing last_backing = Backing::kNone;
  SpeakerSpan last_backer;
  size_t last_end = 0;
  // Whether the last claim left a double quotation open, and who speaks
  // it.
  bool quote_open = false;
  Backing quote_backing = Backing::kNone;
  SpeakerSpan quote_backer;
  // This claim: whether it starts inside that quotation (or reopens it in
  // a new paragraph), and whether one is open at its end.
  bool in_quote = false;
  bool ends_in_quote = false;
  // This claim opens with a new quotation.
  bool opens_quote = false;
  // A sourced claim ending in a colon leads the paragraph after it and
  // the list items that follow: whether the last claim was one
  // (lead_pending), whether this claim lies in its block, and its source.
  bool lead_pending = false;
  bool in_lead = false;
  Backing lead_backing = Backing::kNone;
  SpeakerSpan lead_backer;
  // A transcript speaker's turn: whether the last claim left one going
  // (label_open), whether this claim is in it (the same paragraph), and
  // who speaks it.
  bool label_open = false;
  bool in_label = false;
  Backing label_backing = Backing::kNone;
  SpeakerSpan label_backer;
  Log1pMemo log1p;  // of the category sums

  // A fresh state for the claim of `text` starting at `begin`, its cue
  // lists emptied; forgets the last text's acronyms at a new text.
  ClaimState Start(std::string_view text, size_t begin, size_t end,
                   Backing previous) {
    const bool same_text = text.data() == text_data &&
                           text.size() == text_size && begin > last_begin;
    if (!same_text) {
      acronyms.clear();
      names.Clear();
    }
    claim_end = end;
    StartContinuations(text, begin, same_text);
    text_data = text.data();
    text_size = text.size();
    last_begin = begin;
    // Most claims add no cue: the lists are cleared only when one was.
    ForEachBit(cues_used, [&](size_t c) { cues[c].clear(); });
    cues_used = 0;
    ClaimState state;
    state.text = text;
    state.tokens = &tokens.tokens();
    state.roles = &roles;
    state.marks = &marks;
    state.names = &names;
    state.previous = previous;
    if (same_text && previous == last_backing)
      state.previous_backer = last_backer;
    state.cues = cues;
    return state;
  }
  // Whether the claim at `begin` starts inside the quotation an earlier
  // claim opened (on the same line, or reopened at a new paragraph's
  // start), opens a new one, ends in one, or lies in a colon's block.
  void StartContinuations(std::string_view text, size_t begin, bool same_text) {
    const bool line_break = same_text && HasLineBreak(text, last_end, begin);
    const bool open = same_text && quote_open && !line_break;
    const size_t end = std::min(text.size(), claim_end);
    const bool opens = same_text && !open && tokens.has_double_quote() &&
                       OpensWithQuote(text, begin, end);
    in_quote = open || (quote_open && opens);
    in_label = same_text && label_open && !line_break;
    opens_quote = opens && !in_quote;
    if (!same_text) {
      in_lead = false;
    } else if (lead_pending) {
      in_lead = line_break;
    } else if (in_lead && line_break) {
      in_lead = OpensWithListMarker(text, begin, end);
    }
    lead_pending = false;
    // Without a double quote token, no mark opens or closes here.
    ends_in_quote =
        tokens.has_double_quote() ? ScanQuotes(text, begin, end, open) : open;
  }
  // Keeps what the next claim of the same text reads.
  void Finish(const ClaimState& state, const ClaimEvidence& evidence) {
    cues_used = state.cues_used;
    last_backing = evidence.backing;
    last_backer = evidence.backer;
    last_end = claim_end;
    if (ends_in_quote && !(in_quote && quote_backing != Backing::kNone)) {
      quote_backing = evidence.backing;
      quote_backer = evidence.backer;
    }
    quote_open = ends_in_quote;
    if (state.label_backing != Backing::kNone) {
      label_backing = state.label_backing;
      label_backer = state.label_backer;
    }
    label_open = state.label_backing != Backing::kNone || in_label;
    lead_pending = evidence.backing != Backing::kNone &&
                   EndsWithColon(text_view(), last_begin, claim_end);
    if (lead_pending) {
      lead_backing = evidence.backing;
      lead_backer = evidence.backer;
    }
  }
  size_t claim_end = 0;  // of the claim Start began
  std::string_view text_view() const { return {text_data, text_size}; }
};

ExtractScratch::ExtractScratch() : buffers_(std::make_unique<Buffers>()) {}
ExtractScratch::~ExtractScratch() = default;
ExtractScratch::ExtractScratch(ExtractScratch&&) noexcept = default;
ExtractScratch& ExtractScratch::operator=(ExtractScratch&&) noexcept = default;

namespace {

// The claim's cues, merged and ordered, into *out.
void MergeFoundCues(const ClaimState& state, std::vector<Cue>* out) {
  if (state.found == 1) {
    // One cue (a common case): nothing to merge or sort.
    out->clear();
    out->push_back(state.cues[__builtin_ctz(state.cues_used)].front());
  } else if (state.found > 1) {
    MergeCues(state.cues, state.cues_used, out);
  } else {
    out->clear();
  }
}

// The sum of cue strengths of each category with cues: sums[c] is set for
// the categories of the returned mask only (the array is not cleared, as
// most claims have cues of one or two categories). Backs the claim by the
// categories that imply a source.
uint32_t SumCategories(const std::vector<Cue>& cues, ClaimState* state,
                       double* sums) {
  uint32_t summed = 0;
  for (const Cue& cue : cues) {
    const uint32_t bit = uint32_t{1} << cue.category;
    // A category's first cue is added to 0.0, as a cleared sum would be.
    sums[cue.category] =
        ((summed & bit) != 0 ? sums[cue.category] : 0.0) + cue.strength;
    summed |= bit;
    state->BackByCue(BackingOfCategory(cue.category), cue);
  }
  return summed;
}

// Features: log(1 + sum) per category (0 without cues), then the backing
// one-hot, the last backing (none) being the all-zero case.
void SetFeatures(const double* sums, uint32_t summed, Backing backing,
                 Log1pMemo* log1p, ClaimEvidence* evidence) {
  std::vector<double>& features = evidence->features;
  features.resize(kFeatureCount);
  std::fill(features.begin(), features.end(), 0.0);
  ForEachBit(summed, [&](size_t c) { features[c] = (*log1p)(sums[c]); });
  uint64_t nonzero = summed;
  if (static_cast<size_t>(backing) + 1 < kBackingCount) {
    features[kCategoryCount + static_cast<size_t>(backing)] = 1.0;
    nonzero |= uint64_t{1} << (kCategoryCount + static_cast<size_t>(backing));
  }
  evidence->nonzero_features = nonzero;
}

}  // namespace

ClaimEvidence Extractor::Extract(std::string_view text, size_t begin,
                                 size_t end, Backing previous) const {
  ExtractScratch scratch;
  ClaimEvidence evidence;
  Extract(text, begin, end, previous, &scratch, &evidence);
  return evidence;
}

void Extractor::RunPasses(std::string_view text, size_t begin, size_t end,
                          Backing previous, ExtractScratch* scratch,
                          ClaimState* out) const {
  ExtractScratch::Buffers& buf = *scratch->buffers_;
  Tokenize(text, begin, end, &buf.tokens);
  matcher_.WordIds(buf.tokens.tokens(), &buf.word_ids);
  buf.matches.clear();
  matcher_.FindAll(buf.word_ids, &buf.matches);
  *out = buf.Start(text, begin, end, previous);
  ClaimState& state = *out;

  KeepMatchesThatApply(text, state.t(), lexicons_, &buf.folded, &buf.matches);
  MarkMatchedTokens(buf.matches, &state);
  buf.names.Scan(state.t(), buf.roles);
  AddLexiconCues(buf.matches, lexicons_, &state);
  AddStyleCues(buf.tokens.may_shout_or_mark(), &buf.acronyms, &buf.style_cues,
               &state);
  if (buf.tokens.has_double_quote()) AddQuotations(&buf.quotations, &state);
  if (buf.tokens.has_dash()) AddDashAttribution(&state);
  AddColonAttributions(&state);
  AddDocumentSources(&state);
  AddSocialUsers(&state);
  AddTranscriptLabels(buf.tokens.has_dash(), &state);
  if (state.cues_used &
      ((1u << kVagueAttribution) | (1u << kAnonymousSource))) {
    AddSourceForecasts(&state);
  }
}

Backing Extractor::AttributionAhead(std::string_view text, size_t from,
                                    Backing previous,
                                    SpeakerSpan* backer) const {
  const size_t close = AttributedClose(text, from);
  if (close == std::string::npos) return Backing::kNone;
  return BackingRightAfter(text, close, AttributionEnd(text, close), previous,
                           backer);
}

Backing Extractor::SignatureAhead(std::string_view text, size_t from,
                                  Backing previous, SpeakerSpan* backer) const {
  const size_t dash = PostSignatureDash(text, from);
  if (dash == std::string::npos) return Backing::kNone;
  return BackingRightAfter(text, dash, AttributionEnd(text, dash), previous,
                           backer);
}

Backing Extractor::BackingRightAfter(std::string_view text, size_t from,
                                     size_t to, Backing previous,
                                     SpeakerSpan* backer) const {
  ExtractScratch scratch;
  ClaimState state;
  RunPasses(text, from, to, previous, &scratch, &state);
  // The speech cue must open the words: '," said X', '," X said', '— X'.
  const std::vector<Token>& tokens = state.t();
  if (state.backing == Backing::kNone || tokens.size() < 2) {
    return Backing::kNone;
  }
  const size_t near = tokens[std::min<size_t>(2, tokens.size() - 1)].begin;
  for (size_t c : {kNamedSource, kOfficialConfirmation, kAnonymousSource,
                   kVagueAttribution, kMediaReport, kUnverifiedSocial}) {
    for (const Cue& cue : state.cues[c]) {
      if (cue.begin <= near) {
        *backer = state.backer;
        return state.backing;
      }
    }
  }
  return Backing::kNone;
}

void Extractor::Extract(std::string_view text, size_t begin, size_t end,
                        Backing previous, ExtractScratch* scratch,
                        ClaimEvidence* evidence) const {
  ExtractScratch::Buffers& buf = *scratch->buffers_;
  ClaimState state;
  RunPasses(text, begin, end, previous, scratch, &state);

  MergeFoundCues(state, &evidence->cues);
  double sums[kCategoryCount];
  const uint32_t summed = SumCategories(evidence->cues, &state, sums);
  // A claim that ends its text and continues nothing has no one to carry.
  const bool may_continue = buf.in_quote || buf.in_lead || buf.in_label ||
                            buf.opens_quote || buf.ends_in_quote ||
                            end < text.size();
  if (state.backing == Backing::kNone && may_continue) {
    CarryQuotation(text, end, buf, &state);
  }
  SetFeatures(sums, summed, state.backing, &buf.log1p, evidence);
  evidence->backing = state.backing;
  evidence->backing_carried =
      (state.carried && state.backing == previous) || state.continued;
  evidence->backer =
      state.backing == Backing::kNone ? SpeakerSpan{} : state.backer;
  buf.Finish(state, *evidence);
}

void Extractor::CarryQuotation(std::string_view text, size_t end,
                               const ExtractScratch::Buffers& buf,
                               ClaimState* state) const {
  if (buf.in_quote && buf.quote_backing != Backing::kNone) {
    state->backing = buf.quote_backing;
    state->backer = buf.quote_backer;
    state->backer.earlier_claim = true;
    state->continued = true;
    return;
  }
  if (buf.in_label && buf.label_backing != Backing::kNone &&
      !IsQuestion(state->t())) {
    state->backing = buf.label_backing;
    state->backer = buf.label_backer;
    state->backer.earlier_claim = true;
    state->continued = true;
    return;
  }
  if (buf.in_lead && buf.lead_backing != Backing::kNone) {
    state->backing = buf.lead_backing;
    state->backer = buf.lead_backer;
    state->backer.earlier_claim = true;
    state->continued = true;
    return;
  }
  SpeakerSpan backer;
  Backing b = Backing::kNone;
  if (buf.ends_in_quote) {
    b = AttributionAhead(text, end, state->previous, &backer);
  }
  if (b == Backing::kNone)
    b = SignatureAhead(text, end, state->previous, &backer);
  if (b != Backing::kNone) {
    state->backing = b;
    state->backer = backer;
    state->continued = true;
    return;
  }
  if (buf.opens_quote && buf.last_backing != Backing::kNone) {
    // A quotation with no attribution of its own goes on with the speaker
    // of the claim before ('... said Berg. "B."').
    state->backing = buf.last_backing;
    state->backer = buf.last_backer;
    state->backer.earlier_claim = true;
    state->continued = true;
  }
}

}  // namespace credence
