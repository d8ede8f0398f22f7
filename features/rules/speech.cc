// Speech verbs: speaker, verb and the cue they give (speech.h).
#include "features/rules/speech.h"

#include <algorithm>
#include <string_view>
#include <vector>

#include "features/lexicon_ids.h"
#include "features/match_context.h"
#include "features/rules/document_source.h"

namespace credence {
namespace {

const LexiconEntry kNegatedConfirmationRule = RuleEntry("<not> <confirm>");
const LexiconEntry kAgentlessReportRule =
    RuleEntry("<noun> reported <at|in|near>");

bool StartsWith(std::string_view s, std::string_view prefix) {
  return s.compare(0, prefix.size(), prefix) == 0;
}

// "a police report", "reports of a coup", "despite reports", "amid split
// reports", a headline's "Divorce Report: ...", "Reports say", "the
// government's claim", and the same of "claim": nouns, not verbs.
bool IsNoun(const std::vector<Token>& tokens, size_t first, size_t last) {
  const std::string_view verb = tokens[first].norm;
  const bool singular = verb == "report" || verb == "claim";
  if (!singular && verb != "reports" && verb != "claims") return false;
  const Token* next = last < tokens.size() ? &tokens[last] : nullptr;
  const Token* before = first > 0 ? &tokens[first - 1] : nullptr;
  const Token* before2 = first > 1 ? &tokens[first - 2] : nullptr;
  return before == nullptr || (next != nullptr && Is(*next, "of")) ||
         (next != nullptr && (Is(*next, ":") || IsPassiveAuxiliary(*next))) ||
         IsDeterminer(*before) || IsPreposition(*before) || Is(*before, "'s") ||
         (before2 != nullptr && before->is_word && IsPreposition(*before2)) ||
         (singular && before2 != nullptr && !before->capitalized &&
          IsDeterminer(*before2));
}

// "Singer reported missing", "one soldier confirmed shot": a headline's
// passive, no one speaks; "claimed responsibility" or "claimed 12 seats"
// says nothing.
bool IsStateOrTaking(const std::vector<Token>& tokens, size_t first,
                     size_t last) {
  const std::string_view verb = tokens[first].norm;
  const bool passive = (verb == "reported" || verb == "confirmed") &&
                       IsReportedState(tokens[last]);
  return passive || (StartsWith(verb, "claim") && IsClaimedThing(tokens[last]));
}

// "Shots reported at the mall", "gunfire reported in the building":
// reported by no one, as vague as "reportedly". A role word does speak
// ("Police reported at ..."), and so does a capitalized name inside a
// sentence ("..., Smith reported in a memo"); "was reported in" and "has
// reported in" are left to the speaker rules.
bool IsAgentlessReport(const ClaimState& s, size_t first, size_t last) {
  const std::vector<Token>& tokens = s.t();
  if (tokens[first].norm != "reported" || first == 0) return false;
  const Token& noun = tokens[first - 1];
  const bool opens_sentence =
      first == 1 ||
      (first > 1 && !tokens[first - 2].is_word &&
       (Is(tokens[first - 2], ".") || Is(tokens[first - 2], ":")));
  return IsPlacePreposition(tokens[last]) && noun.is_word &&
         (*s.roles)[first - 1] == 0 && !IsSubjectPronoun(noun) &&
         !IsPassiveAuxiliary(noun) && SkipFillersLeft(tokens, first) == first &&
         (opens_sentence || !noun.capitalized);
}

// A negated speech verb: "did not confirm" denies, "never disclosed" merely
// withholds. Returns whether the verb is negated (and so no speech cue).
bool AddNegation(size_t first, size_t last, bool confirms, ClaimState* s) {
  const std::vector<Token>& tokens = s->t();
  bool negated = false;
  size_t negation_first = first;
  for (size_t i = first; i > 0 && first - i < 4;) {
    --i;
    if (!IsNegationFiller(tokens[i]) && !IsNegator(tokens[i])) break;
    negation_first = i;
    negated |= IsNegator(tokens[i]);
  }
  if (!negated) return false;
  const std::string_view v = tokens[first].norm;
  if (confirms && (StartsWith(v, "confirm") || StartsWith(v, "verif") ||
                   StartsWith(v, "acknowledge"))) {
    s->BackBySpeaker(SpeakerBefore(tokens, *s->roles, negation_first));
    s->Add(kDenial, negation_first, last, 1.0, &kNegatedConfirmationRule);
  }
  return true;
}

// An "-ing" form ("saying", "adding", "noting"); "according" and "citing"
// name their source after them instead.
bool IsParticiple(const Token& t) {
  const std::string_view v = t.norm;
  return v.size() > 5 && v.compare(v.size() - 3, 3, "ing") == 0 &&
         v != "according" && v != "citing";
}

// The subject of the clause a participle after a comma hangs on: "Ana
// Ruiz defended the plan, saying", "He left, adding"; the speaker of an
// earlier speech verb of the claim first ("Ruiz said ..., adding"). The
// subject opens the claim (past a conjunction) and its verb follows it; "The
// ministry, noting the risks, said" has the participle inside the subject.
Speaker ClauseSubject(const ClaimState& s, size_t comma) {
  if (s.last_speaker.kind != SpeakerKind::kNone) return s.last_speaker;
  const std::vector<Token>& tokens = s.t();
  // A conjunction that links the claim to the one before stands outside
  // the clause: "But he apologized, saying".
  const size_t open = Is(tokens[0], "but") || Is(tokens[0], "and") ||
                              Is(tokens[0], "yet") || Is(tokens[0], "so")
                          ? 1
                          : 0;
  Speaker subject;
  if (comma > open + 1 && IsSubjectPronoun(tokens[open]) &&
      !Is(tokens[open], "it")) {
    subject = {open, open + 1, SpeakerKind::kPronoun};
  } else {
    subject = SpeakerAfter(tokens, *s.roles, open);
  }
  const bool verb_follows = subject.last < comma &&
                            tokens[subject.last].is_word &&
                            !tokens[subject.last].capitalized;
  return verb_follows ? subject : Speaker{};
}

// "described the plan as reckless": "describe" says something only with
// the "as" of a characterization a few words on.
bool DescribesAs(const std::vector<Token>& tokens, size_t first, size_t last) {
  if (tokens[first].norm.compare(0, 7, "describ") != 0) return true;
  for (size_t i = last; i < tokens.size() && i < last + 8; ++i) {
    if (Is(tokens[i], "as")) return true;
    if (!tokens[i].is_word) return false;
  }
  return false;
}

// "called the plan \"reckless\"", "what he called \"extreme\"
// violations": "call" says something only where it puts a quoted label on
// its object; "called for", "called the police" and "a group called
// \"Patriots\"" (a name, the quote right after the verb) say nothing.
bool CallsByQuote(const std::vector<Token>& tokens, size_t first, size_t last) {
  if (tokens[first].norm.compare(0, 4, "call") != 0) return true;
  if (last >= tokens.size()) return false;
  bool what = false;  // "what [the police chief] called"
  for (size_t i = first; i > 0 && first - i < 6 && !what;) {
    --i;
    if (!tokens[i].is_word) break;
    what = Is(tokens[i], "what");
  }
  if (Is(tokens[last], "\"") && !what) return false;
  for (size_t i = last; i < tokens.size() && i < last + 8; ++i) {
    if (Is(tokens[i], "\"")) return true;
    if (!tokens[i].is_word && !Is(tokens[i], "'s")) return false;
  }
  return false;
}

// "according to data compiled by Johns Hopkins University", "according to
// documents obtained by the Times": a record with no name of its own
// speaks with its owner's voice. The speaker spans record and owner; kNone
// when no owner is named within a few words.
Speaker RecordOwner(const std::vector<Token>& tokens,
                    const std::vector<uint8_t>& roles, size_t from) {
  constexpr size_t kMaxRecordWords = 4;
  for (size_t i = from; i < tokens.size() && i < from + kMaxRecordWords; ++i) {
    if (Is(tokens[i], "by") || Is(tokens[i], "from")) {
      if (i == from) return {};
      Speaker owner = SpeakerAfter(tokens, roles, i + 1);
      if (owner.kind == SpeakerKind::kNone ||
          owner.kind == SpeakerKind::kPronoun) {
        return {};
      }
      owner.first = from;
      return owner;
    }
    if (!tokens[i].is_word || tokens[i].capitalized || roles[i] != 0) break;
  }
  return {};
}

// The speaker of the verb at [first, last) whose subject ends before token
// k (fillers skipped); kind kNone when there is none. *backer is the
// speaker whose words back the claim (the earlier one for "... and said").
Speaker FindSpeaker(size_t first, size_t last, size_t k, bool confirms,
                    const ClaimState& s, Speaker* backer) {
  const std::vector<Token>& tokens = s.t();
  const std::vector<uint8_t>& roles = *s.roles;
  Speaker speaker;
  if (IsParticiple(tokens[first])) {
    // A participle speaks only after a clause and its comma; "a warning",
    // "is saying", "Writing in the Times, Ruiz said" and "..., adding to
    // the losses" give nothing.
    if (k == 0 || !Is(tokens[k - 1], ",") ||
        (last < tokens.size() && Is(tokens[last], "to"))) {
      return {};
    }
    *backer = ClauseSubject(s, k - 1);
    speaker = *backer;
    speaker.first = speaker.last = first;  // the cue: the participle alone
    return speaker;
  }
  if (Is(tokens[first], "according") || Is(tokens[first], "citing")) {
    speaker = SpeakerAfter(tokens, roles, last);
    if (speaker.kind == SpeakerKind::kNone) {
      speaker = RecordOwner(tokens, roles, last);
    }
  } else if (k > 0 && IsPassiveAuxiliary(tokens[k - 1])) {
    if (!confirms || last + 1 >= tokens.size() || !Is(tokens[last], "by")) {
      return {};
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
  *backer = speaker;
  // "The insurer confirmed ... but said": the same speaker again; with no
  // speaker before, the subject of the claim's clause ("Pelosi questioned
  // the plan and has said").
  if (speaker.kind == SpeakerKind::kNone && k > 1 &&
      (Is(tokens[k - 1], "and") || Is(tokens[k - 1], "but"))) {
    *backer = ClauseSubject(s, k - 1);
    speaker = *backer;
    speaker.first = speaker.last = first;
  }
  return speaker;
}

// Whether a speaker and its verb make no on-record statement: a named
// "report" is a noun ("Autopsy Report"), and so is a headline's last word
// "Reports" when names run from its start ("Star Pays Ex's Bills Reports"),
// unlike "..., Variety Reports"; the same of "claim". A claim made on
// record is a statement ("the filing claims", "Ruiz claimed"), but a
// belief is not ("police believe"): it marks a weak source ("sources
// believe") and gives an on-record one no credit.
bool NoStatement(const Speaker& speaker, size_t first, size_t last,
                 const std::vector<Token>& tokens) {
  const std::string_view verb = tokens[first].norm;
  const SpeakerKind kind = speaker.kind;
  const bool singular = verb == "report" || verb == "claim";
  if (kind == SpeakerKind::kNamed &&
      (singular || ((verb == "reports" || verb == "claims") &&
                    last == tokens.size() && speaker.first == 0))) {
    return true;
  }
  const bool belief = StartsWith(verb, "believ") || StartsWith(verb, "think") ||
                      StartsWith(verb, "fear");
  // "Women accuse actor": an accusation by people unnamed is the news
  // itself; only an on-record accuser is a source. "Actor accused of
  // assault" is a passive: the name is the accused.
  if (StartsWith(verb, "accus") &&
      ((last < tokens.size() && Is(tokens[last], "of")) ||
       !(kind == SpeakerKind::kOfficial || kind == SpeakerKind::kInstitution ||
         kind == SpeakerKind::kNamed || kind == SpeakerKind::kPronoun))) {
    return true;
  }
  return belief &&
         (kind == SpeakerKind::kOfficial || kind == SpeakerKind::kInstitution ||
          kind == SpeakerKind::kNamed || kind == SpeakerKind::kPronoun);
}

// "The official, who was not authorized to speak, said": a speaker made
// anonymous on the way to the verb. A grant of anonymity anywhere in the
// claim ("the official said, speaking on condition of anonymity") covers a
// title that names no one.
void MarkMadeAnonymous(const ClaimState& s, size_t first, Speaker* speaker) {
  const std::vector<uint8_t>& marks = *s.marks;
  const bool person = speaker->kind == SpeakerKind::kOfficial ||
                      speaker->kind == SpeakerKind::kNamed;
  if (!person) return;
  if (AnyMarked(marks, speaker->last, first, kAnonymousMark)) {
    speaker->kind = SpeakerKind::kAnonymous;
    return;
  }
  const bool unnamed = speaker->kind == SpeakerKind::kOfficial &&
                       SurnameIndex(s.t(), *s.roles, speaker->first,
                                    speaker->last) == speaker->last;
  if (unnamed && AnyMarked(marks, 0, s.t().size(), kAnonymousMark)) {
    speaker->kind = SpeakerKind::kAnonymous;
  }
}

// "Posts on Facebook claimed": a speaker inside a social match is the
// post, no person on record; the social cue already speaks for it.
bool IsSocialPost(const ClaimState& s, const Speaker& speaker) {
  if (speaker.kind != SpeakerKind::kNamed || speaker.first >= speaker.last) {
    return false;
  }
  const size_t begin = s.t()[speaker.first].begin;
  const size_t end = s.t()[speaker.last - 1].end;
  for (const Cue& cue : s.cues[kUnverifiedSocial]) {
    if (cue.begin < end && begin < cue.end) return true;
  }
  return false;
}

// The article's memory of names: a surname met with a title before keeps
// it; a definite title that names no one is read by what the text named.
void ApplyNameMemory(ClaimState* s, Speaker* speaker) {
  if (s->names == nullptr) return;
  s->names->Recall(s->t(), *s->roles, speaker);
  s->names->Remember(s->t(), *s->roles, *speaker);
}

// An outlet the writer cites for the whole sentence: "according to CNN",
// or set off after the content ("..., a TV channel said, quoting a
// newspaper", "..., the Post reported."). "The minister told CNN" and
// "CNN reported that ..." inside a longer sentence are not.
bool IsWriterLink(const Speaker& speaker, size_t first, size_t last,
                  const std::vector<Token>& tokens) {
  if (speaker.kind != SpeakerKind::kMedia) return false;
  if (Is(tokens[first], "according")) return true;
  const bool set_off = speaker.first > 0 && speaker.last <= first &&
                       Is(tokens[speaker.first - 1], ",");
  const bool closes =
      last == tokens.size() || Is(tokens[last], ",") || Is(tokens[last], ".");
  return set_off && closes;
}

// "In a statement, the ministry said", "In a separate statement to
// reporters, North Korea called": a claim that opens with a statement
// frame, its speaker after the frame's comma. Returns the frame's first
// token (0), or `speaker_first` when there is no such frame.
size_t OpeningStatement(const std::vector<Token>& tokens,
                        size_t speaker_first) {
  constexpr size_t kMaxFrameTokens = 12;
  if (speaker_first < 4 || !Is(tokens[0], "in") || !IsDeterminer(tokens[1])) {
    return speaker_first;
  }
  bool statement = false, comma = false;
  for (size_t i = 2; i < speaker_first && i < kMaxFrameTokens; ++i) {
    statement |= Is(tokens[i], "statement");
    comma |= statement && Is(tokens[i], ",");
  }
  return statement && comma ? 0 : speaker_first;
}

}  // namespace

size_t SpeechCategory(SpeakerKind kind, bool confirms, Backing previous) {
  if (kind == SpeakerKind::kPronoun) {
    if (previous == Backing::kSocial) return kUnverifiedSocial;
    if (previous == Backing::kNamed || previous == Backing::kNone) {
      return kNamedSource;
    }
    kind = static_cast<SpeakerKind>(previous);
  }
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
    default:
      return kNamedSource;
  }
}

void AddSpeechCue(size_t first, size_t last, const LexiconEntry& entry,
                  bool confirms, ClaimState* s) {
  const std::vector<Token>& tokens = s->t();
  // "Edward Said": a capital mid-sentence marks a name, except in
  // headlines set in title case.
  if (tokens[first].capitalized && first > 0 && !s->LongWordsCapitalized()) {
    return;
  }
  if (IsNoun(tokens, first, last)) return;
  if (last < tokens.size()) {
    if (IsStateOrTaking(tokens, first, last)) return;
    if (IsAgentlessReport(*s, first, last)) {
      s->Back(Backing::kVague, first - 1, last);
      s->Add(kVagueAttribution, first - 1, last, 1.0, &kAgentlessReportRule);
      return;
    }
  }
  const size_t k = SkipFillersLeft(tokens, first);
  if (AddNegation(first, last, confirms, s)) return;
  if (k > 0 && IsModal(tokens[k - 1])) return;
  if (!DescribesAs(tokens, first, last) || !CallsByQuote(tokens, first, last)) {
    return;
  }
  Speaker backer;
  Speaker speaker = FindSpeaker(first, last, k, confirms, *s, &backer);
  if (speaker.kind == SpeakerKind::kNone ||
      IsDocumentAddressee(tokens, speaker.first)) {
    return;
  }
  MarkMadeAnonymous(*s, first, &speaker);
  ApplyNameMemory(s, &speaker);
  if (NoStatement(speaker, first, last, tokens) || IsSocialPost(*s, speaker)) {
    return;
  }
  if (speaker.first < speaker.last) s->last_speaker = speaker;
  // Outlets report; a proper name that "reported" is most often one.
  if (speaker.kind == SpeakerKind::kNamed &&
      StartsWith(tokens[first].norm, "report")) {
    speaker.kind = SpeakerKind::kMedia;
  }
  const Backing b = BackingOfSpeaker(speaker.kind, s->previous);
  if (speaker.kind == SpeakerKind::kPronoun && s->previous != Backing::kNone &&
      b < s->backing) {
    s->carried = true;
  }
  backer.kind = speaker.kind;
  if (IsWriterLink(speaker, first, last, tokens)) {
    s->BackByWriterLink(backer);
  } else {
    s->BackBySpeaker(backer);
  }
  size_t cue_first = std::min(first, speaker.first);
  const size_t frame = OpeningStatement(tokens, cue_first);
  const bool on_record = speaker.kind == SpeakerKind::kOfficial ||
                         speaker.kind == SpeakerKind::kInstitution;
  if (frame < cue_first && on_record) {
    confirms = true;
    cue_first = frame;
  }
  s->Add(SpeechCategory(speaker.kind, confirms, s->previous), cue_first,
         std::max(last, speaker.last), entry.strength, &entry);
}

void AddStatementFrame(size_t first, size_t last, const LexiconEntry& entry,
                       ClaimState* s) {
  const SpeakerKind kind = s->last_speaker.kind;
  std::vector<Cue>& named = s->cues[kNamedSource];
  if ((kind != SpeakerKind::kOfficial && kind != SpeakerKind::kInstitution) ||
      named.empty() || named.back().end > s->t()[first].begin) {
    return;
  }
  Cue cue = named.back();
  named.pop_back();
  // The verb's shorter form ("told" of "told reporters") goes too.
  while (!named.empty() && named.back().begin == cue.begin) {
    named.pop_back();
    --s->found;
  }
  // MergeCues reads a set bit as a list that may hold cues, and one cue
  // alone is taken from the lowest set bit's list.
  if (named.empty()) s->cues_used &= ~(uint32_t{1} << kNamedSource);
  cue.category = kOfficialConfirmation;
  cue.end = s->t()[last - 1].end;
  cue.entry = &entry;
  s->cues_used |= uint32_t{1} << kOfficialConfirmation;
  s->cues[kOfficialConfirmation].push_back(cue);
}

}  // namespace credence
