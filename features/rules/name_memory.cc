// The article's memory of people named with a title (name_memory.h).
#include "features/rules/name_memory.h"

#include "features/word_set.h"

namespace credence {
namespace {

// Titles many people hold at once: without a name they say no more than
// "a person in the government".
const WordSet& GenericRanks() {
  static const WordSet s = {"official", "officer", "diplomat", "agent",
                            "aide",     "adviser", "advisor",  "staffer"};
  return s;
}

const WordSet& Spokespeople() {
  static const WordSet s = {"spokeswoman", "spokesman", "spokesperson"};
  return s;
}

// The last title word of a speaker's tokens, or `last` if none.
size_t TitleIndex(const std::vector<uint8_t>& roles, size_t first,
                  size_t last) {
  for (size_t i = last; i > first; --i) {
    if (roles[i - 1] & kTitleRole) return i - 1;
  }
  return last;
}

// Whether "top" is among tokens [first, last).
bool HasTop(const std::vector<Token>& tokens, size_t first, size_t last) {
  for (size_t i = first; i < last; ++i) {
    if (Is(tokens[i], "top")) return true;
  }
  return false;
}

// An article names few officials; past this many it stops recording, which
// bounds the work per claim.
constexpr size_t kMaxPeople = 64;

constexpr size_t kNone = static_cast<size_t>(-1);

bool IsPunct(const Token& t, const char* p) { return !t.is_word && Is(t, p); }

// A title of an office its holder no longer has: "former President Barack
// Obama", "ex-minister", "the late senator".
bool Former(const std::vector<Token>& tokens, size_t title) {
  static const WordSet s = {"former", "ex", "late", "then"};
  for (size_t i = title; i > 0 && title - i < 3;) {
    --i;
    if (s.Contains(tokens[i])) return true;
  }
  return false;
}

// Lower-case words inside a name: "Bill de Blasio", "Ursula von der Leyen".
bool IsParticle(const Token& t) {
  static const WordSet s = {"de", "van", "von", "der",
                            "da", "del", "la",  "bin"};
  return s.Contains(t);
}

// The surname of a name run starting at token `j` (past an abbreviation
// such as "Dr."), and the index just past the run in *end; kNone when no
// name starts there.
size_t NameRun(const std::vector<Token>& tokens,
               const std::vector<uint8_t>& roles, size_t j, size_t* end) {
  const size_t n = tokens.size();
  if (j < n && IsPunct(tokens[j], ".")) ++j;
  if (j + 1 < n && tokens[j].capitalized &&
      !IsPersonName(tokens[j], roles[j]) && roles[j] == 0 &&
      IsPunct(tokens[j + 1], ".")) {
    j += 2;  // "Dr.", "Mr."
  }
  size_t surname = kNone;
  while (j < n) {
    if (IsPersonName(tokens[j], roles[j])) {
      surname = j++;
    } else if (surname != kNone && IsParticle(tokens[j]) && j + 1 < n &&
               IsPersonName(tokens[j + 1], roles[j + 1])) {
      ++j;
    } else {
      break;
    }
  }
  *end = j;
  return surname;
}

// The person right after a title: "Minister Anna Berg", "Secretary of State
// Mike Pompeo" (past "of", two or more names, as a place comes first).
size_t NameAfterTitle(const std::vector<Token>& tokens,
                      const std::vector<uint8_t>& roles, size_t title) {
  size_t j = title + 1, end = 0;
  const bool of = j < tokens.size() && Is(tokens[j], "of");
  const size_t start = of ? j + 1 : j;
  const size_t surname = NameRun(tokens, roles, start, &end);
  if (surname == kNone || (of && end - start < 2)) return kNone;
  return surname;
}

// The person an appositive puts next to a title: "Fauci, director of ...",
// "Doug Bibby, NMHC's president", "The Oklahoma governor, Kevin Stitt,".
size_t NameInApposition(const std::vector<Token>& tokens,
                        const std::vector<uint8_t>& roles, size_t title) {
  // NAME, [the|a] [words] TITLE: up to five words back to the comma.
  for (size_t i = title; i > 0 && title - i < 6;) {
    --i;
    if (IsPunct(tokens[i], ",")) {
      if (i == 0) break;
      const size_t name = NameHead(tokens, i - 1);  // "Moon Sang-gyun,"
      if (IsPersonName(tokens[name], roles[name])) return name;
      break;
    }
    if (!tokens[i].is_word && !Is(tokens[i], "'s")) break;
  }
  // TITLE [of Place], NAME, : the name run closed by a comma or the end.
  size_t j = title + 1;
  if (j < tokens.size() && Is(tokens[j], "of")) {
    ++j;
    while (j < tokens.size() && tokens[j].capitalized && tokens[j].is_word) ++j;
  }
  if (j >= tokens.size() || !IsPunct(tokens[j], ",")) return kNone;
  size_t end = 0;
  const size_t surname = NameRun(tokens, roles, j + 1, &end);
  const bool closed = end == tokens.size() || IsPunct(tokens[end], ",");
  return closed ? surname : kNone;
}

}  // namespace

void NameMemory::Add(std::string_view surname, std::string_view title) {
  if (size_ == kMaxPeople) return;
  for (size_t i = 0; i < size_; ++i) {
    if (people_[i].surname == surname && people_[i].title == title) return;
  }
  if (size_ == people_.size()) people_.emplace_back();
  Person& p = people_[size_++];
  p.surname.assign(surname);
  p.title.assign(title);
}

void NameMemory::Scan(const std::vector<Token>& tokens,
                      const std::vector<uint8_t>& roles) {
  for (size_t i = 0; i < tokens.size(); ++i) {
    if ((roles[i] & kTitleRole) == 0 || Former(tokens, i)) continue;
    if (i + 1 < tokens.size() && Is(tokens[i + 1], "'s")) continue;
    size_t surname = NameAfterTitle(tokens, roles, i);
    if (surname == kNone) surname = NameInApposition(tokens, roles, i);
    if (surname != kNone) Add(tokens[surname].norm, tokens[i].norm);
  }
}

bool NameMemory::Knows(std::string_view norm, bool title) const {
  for (size_t i = 0; i < size_; ++i) {
    if ((title ? people_[i].title : people_[i].surname) == norm) return true;
  }
  return false;
}

void NameMemory::Remember(const std::vector<Token>& tokens,
                          const std::vector<uint8_t>& roles,
                          const Speaker& speaker) {
  if (speaker.kind != SpeakerKind::kOfficial) return;
  const size_t name = SurnameIndex(tokens, roles, speaker.first, speaker.last);
  if (name == speaker.last) return;
  const size_t title = TitleIndex(roles, speaker.first, speaker.last);
  Add(tokens[name].norm,
      title == speaker.last ? std::string_view() : tokens[title].norm);
}

void NameMemory::Recall(const std::vector<Token>& tokens,
                        const std::vector<uint8_t>& roles,
                        Speaker* speaker) const {
  const size_t name =
      SurnameIndex(tokens, roles, speaker->first, speaker->last);
  if (speaker->kind == SpeakerKind::kNamed) {
    if (name != speaker->last && Knows(tokens[name].norm, false)) {
      speaker->kind = SpeakerKind::kOfficial;
    }
    return;
  }
  if (speaker->kind != SpeakerKind::kOfficial || name != speaker->last) return;
  const size_t title = TitleIndex(roles, speaker->first, speaker->last);
  if (title == speaker->last) return;
  const Token& t = tokens[title];
  // A capitalized title names its one office ("Prime Minister Says"), and
  // so does "the top" one ("the top health official", "the country's top
  // diplomat").
  if (t.capitalized || Knows(t.norm, true) ||
      HasTop(tokens, speaker->first, title)) {
    return;
  }
  if (Spokespeople().Contains(t)) {
    speaker->kind = SpeakerKind::kInstitution;
  } else if (GenericRanks().Contains(t)) {
    speaker->kind = SpeakerKind::kAnonymous;
  }
}

}  // namespace credence
