// Splits an article into claims: the headline, then one claim a sentence.
#include "engine/splitter.h"

#include <algorithm>
#include <array>
#include <string_view>
#include <vector>

namespace credence {
namespace {

constexpr size_t kNone = static_cast<size_t>(-1);

// Multi-byte sequences with a role in the rules. Other non-ASCII text counts
// as letters that are never lower case, so "Zürich" and Korean flow through.
constexpr std::string_view kBom = "\xEF\xBB\xBF";
constexpr std::string_view kNbsp = "\xC2\xA0";
constexpr std::string_view kParagraphSeparator = "\xE2\x80\xA9";
constexpr std::string_view kEllipsis = "\xE2\x80\xA6";
constexpr std::array<std::string_view, 3> kCloseQuotes = {
    "\xE2\x80\x9D", "\xE2\x80\x99", "\xC2\xBB"};  // ” ’ »
constexpr std::array<std::string_view, 3> kOpenQuotes = {
    "\xE2\x80\x9C", "\xE2\x80\x98", "\xC2\xAB"};  // “ ‘ «
constexpr std::array<std::string_view, 3> kBullets = {
    "\xE2\x80\xA2", "\xE2\x80\x93", "\xC2\xB7"};  // • – ·

// Word lists are space-separated so that lookups need no allocation.
// These precede names and numbers ("Dr. Smith", "Jan. 5", "No. 10") and
// almost never end a sentence, so they hold even before "The" or "He".
constexpr std::string_view kAbbreviations =
    "Mr Mrs Ms Dr Prof Gov Govs Sen Sens Rep Reps Gen Col Lt Sgt Capt Cmdr "
    "Adm Maj Rev Hon "
    "Pres Supt Det Insp Atty Mt Ft Jan Feb Mar Apr Jun Jul Aug Sep Sept Oct "
    "Nov Dec No Nos Vol pp p vs est approx";

// These follow a name ("Apple Inc.", "King Jr.", "Main St.") and so often do
// end a sentence; only a typical sentence opener after them proves it.
constexpr std::string_view kTrailingAbbreviations =
    "Inc Corp Co Cos Ltd Bros LLC Plc PLC etc al Jr Sr St Ave Blvd Rd Dept "
    "Univ";

// Words that start sentences but rarely continue a name or a title, which
// separates "sanctions on the U.S. The ministry" from "U.S. President".
constexpr std::string_view kStarters =
    "A According After Also Although An And As At Authorities Before But "
    "During For He Her His However I If In It Its Meanwhile Many My Officials "
    "On Our Police She Since So Some That The Their Then There These They "
    "This Those Though We What When While Who Why Yet You Your";

bool InList(std::string_view list, std::string_view word) {
  if (word.empty()) return false;
  for (size_t i = list.find(word); i != std::string_view::npos;
       i = list.find(word, i + 1)) {
    const size_t e = i + word.size();
    if ((i == 0 || list[i - 1] == ' ') && (e == list.size() || list[e] == ' '))
      return true;
  }
  return false;
}

bool IsLowerByte(char c) { return c >= 'a' && c <= 'z'; }
bool IsUpperByte(char c) { return c >= 'A' && c <= 'Z'; }
bool IsDigitByte(char c) { return c >= '0' && c <= '9'; }
bool IsAsciiLetter(char c) { return IsLowerByte(c) || IsUpperByte(c); }
bool IsAscii(char c) { return static_cast<unsigned char>(c) < 0x80; }

bool At(std::string_view t, size_t pos, std::string_view s) {
  return pos <= t.size() && t.size() - pos >= s.size() &&
         t.compare(pos, s.size(), s) == 0;
}

size_t MatchAny(std::string_view t, size_t pos,
                const std::array<std::string_view, 3>& seqs) {
  for (std::string_view s : seqs) {
    if (At(t, pos, s)) return s.size();
  }
  return 0;
}

// Line ends: LF, CR (alone; before LF it is a space, so CRLF is one line
// end), NEL (U+0085), LINE SEPARATOR (U+2028) and PARAGRAPH SEPARATOR
// (U+2029, which also ends a paragraph).
size_t LineEndLen(std::string_view t, size_t pos) {
  if (pos >= t.size()) return 0;
  const char c = t[pos];
  if (c == '\n') return 1;
  if (c == '\r') return pos + 1 < t.size() && t[pos + 1] == '\n' ? 0 : 1;
  if (c == '\xC2') return At(t, pos, "\xC2\x85") ? 2 : 0;
  if (c != '\xE2') return 0;
  return At(t, pos, "\xE2\x80\xA8") || At(t, pos, kParagraphSeparator) ? 3 : 0;
}

bool IsLineEnd(std::string_view t, size_t pos) {
  return LineEndLen(t, pos) > 0;
}

// Unicode white space within a line: U+2000..U+200A (en quad to hair
// space), U+202F, U+205F, U+3000 and U+FEFF (a byte order mark anywhere).
size_t UnicodeSpaceLen(std::string_view t, size_t pos) {
  if (pos + 3 > t.size()) return 0;
  const auto b1 = static_cast<unsigned char>(t[pos + 1]);
  const auto b2 = static_cast<unsigned char>(t[pos + 2]);
  switch (t[pos]) {
    case '\xE2':
      return (b1 == 0x80 && (b2 <= 0x8A || b2 == 0xAF)) ||
                     (b1 == 0x81 && b2 == 0x9F)
                 ? 3
                 : 0;
    case '\xE3':
      return b1 == 0x80 && b2 == 0x80 ? 3 : 0;
    case '\xEF':
      return b1 == 0xBB && b2 == 0xBF ? 3 : 0;
    default:
      return 0;
  }
}

// Line ends are deliberately excluded: they carry their own rules.
size_t SpaceLen(std::string_view t, size_t pos) {
  if (pos >= t.size()) return 0;
  const char c = t[pos];
  if (c == ' ' || c == '\t' || c == '\f' || c == '\v') return 1;
  if (c == '\r') return pos + 1 < t.size() && t[pos + 1] == '\n' ? 1 : 0;
  if (IsAscii(c)) return 0;
  if (c == kNbsp[0] && At(t, pos, kNbsp)) return kNbsp.size();
  return UnicodeSpaceLen(t, pos);
}

size_t SkipSpace(std::string_view t, size_t pos) {
  while (size_t n = SpaceLen(t, pos)) pos += n;
  return pos;
}

// An ASCII byte with no role in the rules (not white space, a line end or
// ".!?"): a character of the sentence, like any letter.
bool IsPlainAscii(char c) {
  switch (c) {
    case ' ':
    case '\t':
    case '\f':
    case '\v':
    case '\r':
    case '\n':
    case '.':
    case '!':
    case '?':
      return false;
    default:
      return IsAscii(c);
  }
}

bool IsContinuation(char c) {
  return (static_cast<unsigned char>(c) & 0xC0) == 0x80;
}

// Stops at the first non-continuation byte, so that even a truncated
// sequence can never swallow a following space or newline.
size_t CharLen(std::string_view t, size_t pos) {
  const auto b = static_cast<unsigned char>(t[pos]);
  const size_t want = b >= 0xF0 ? 4 : b >= 0xE0 ? 3 : b >= 0xC0 ? 2 : 1;
  size_t n = 1;
  while (n < want && pos + n < t.size() && IsContinuation(t[pos + n])) ++n;
  return n;
}

size_t TerminalLen(std::string_view t, size_t pos) {
  if (pos >= t.size()) return 0;
  const char c = t[pos];
  if (c == '.' || c == '!' || c == '?') return 1;
  return c == kEllipsis[0] && At(t, pos, kEllipsis) ? kEllipsis.size() : 0;
}

size_t CharFrom(std::string_view t, size_t pos, std::string_view ascii,
                const std::array<std::string_view, 3>& utf8) {
  if (pos >= t.size()) return 0;
  if (ascii.find(t[pos]) != std::string_view::npos) return 1;
  return MatchAny(t, pos, utf8);
}

// Straight quotes are ambiguous, but right after ".!?" they can only close.
size_t CloserLen(std::string_view t, size_t pos) {
  return CharFrom(t, pos, "\"')]", kCloseQuotes);
}

size_t OpenerLen(std::string_view t, size_t pos) {
  return CharFrom(t, pos, "\"'([", kOpenQuotes);
}

// U+0080..U+00BF (NBSP, « », ·) and U+2000..U+207F (dashes, curly quotes,
// "…") are punctuation; any other non-ASCII character is taken as a letter.
bool IsUnicodePunct(std::string_view t, size_t pos) {
  if (t[pos] == '\xC2') return true;
  return t[pos] == '\xE2' && pos + 1 < t.size() &&
         (t[pos + 1] == '\x80' || t[pos + 1] == '\x81');
}

// Capitalised, numeric or non-Latin: what may follow "Dr." or "Jan.".
bool IsWordStart(std::string_view t, size_t pos) {
  const char c = t[pos];
  if (IsAscii(c)) return IsUpperByte(c) || IsDigitByte(c);
  return !IsUnicodePunct(t, pos);
}

// End of a list marker ("- ", "• ", "12. ", "3) ") at pos, or kNone. The
// marker must be followed by space or the line end, so "-5" and "3.7" are
// text, not bullets.
size_t MarkerEnd(std::string_view t, size_t pos) {
  size_t m = kNone;
  if (t[pos] == '-' || t[pos] == '*') {
    m = pos + 1;
  } else if (size_t n = MatchAny(t, pos, kBullets)) {
    m = pos + n;
  } else {
    size_t d = pos;
    while (d < t.size() && d - pos < 4 && IsDigitByte(t[d])) ++d;
    if (d > pos && d - pos <= 3 && d < t.size() && (t[d] == '.' || t[d] == ')'))
      m = d + 1;
  }
  if (m == kNone) return kNone;
  return m == t.size() || IsLineEnd(t, m) || SpaceLen(t, m) > 0 ? m : kNone;
}

// "U.S", "a.m", "Ph.D" (the final period already stripped): short letter
// groups joined by periods, unlike "example.com".
bool IsDottedAcronym(std::string_view w) {
  size_t group = 0;
  bool dotted = false;
  for (char c : w) {
    if (c == '.') {
      if (group == 0) return false;
      dotted = true;
      group = 0;
    } else if (!IsAsciiLetter(c) || ++group > 2) {
      return false;
    }
  }
  return dotted && group > 0;
}

bool StarterAt(std::string_view t, size_t pos) {
  size_t e = pos;
  while (e < t.size() && e - pos <= 12 && IsAsciiLetter(t[e])) ++e;
  // "J. A. Smith": a lone capital followed by a period is an initial.
  if (e - pos == 1 && e < t.size() && t[e] == '.') return false;
  return InList(kStarters, t.substr(pos, e - pos));
}

class Splitter {
 public:
  explicit Splitter(std::string_view text) : t_(text) {}

  std::vector<Span> Run(size_t pos) {
    bool line_start = true;
    while (pos < t_.size()) {
      if (line_start) {
        line_start = false;
        pos = SkipSpace(t_, pos);
        if (pos >= t_.size()) break;
        if (size_t n = LineEndLen(t_, pos)) {  // Blank line: a paragraph break.
          Close();
          pos += n;
          line_start = true;
          continue;
        }
        if (size_t m = MarkerEnd(t_, pos); m != kNone) {
          Close();
          pos = SkipSpace(t_, m);
        }
        token_ = pos;
        continue;
      }
      if (IsPlainAscii(t_[pos])) {  // most bytes: a run of them at once
        if (open_ == kNone) open_ = pos;
        do {
          ++pos;
        } while (pos < t_.size() && IsPlainAscii(t_[pos]));
        content_end_ = pos;
        continue;
      }
      if (t_[pos] == ' ') {  // the other common byte
        token_ = ++pos;
        continue;
      }
      if (size_t line_end = LineEndLen(t_, pos)) {
        if (At(t_, pos, kParagraphSeparator)) {
          Close();
        } else {
          EndLine(pos, line_end);
        }
        pos += line_end;
        line_start = true;
      } else if (size_t n = SpaceLen(t_, pos)) {
        pos += n;
        token_ = pos;
      } else {
        if (open_ == kNone) open_ = pos;
        if (TerminalLen(t_, pos) > 0) {
          pos = Terminal(pos);
        } else {
          pos += CharLen(t_, pos);
          content_end_ = pos;
        }
      }
    }
    Close();
    return std::move(out_);
  }

 private:
  void Close() {
    if (open_ != kNone && content_end_ > open_)
      out_.push_back({open_, content_end_});
    open_ = kNone;
  }

  // Consumes the whole run of terminal punctuation at pos (so "......" is
  // judged once, not once per period) plus closing quotes, and ends the
  // sentence if the rules say so. Returns the position after the run.
  size_t Terminal(size_t pos) {
    size_t q = pos;
    while (size_t n = TerminalLen(t_, q)) q += n;
    const bool single_period = q == pos + 1 && t_[pos] == '.';
    while (size_t n = CloserLen(t_, q)) q += n;
    content_end_ = q;
    // Glued to the next character ("3.7", "U.S.-led", "example.com/a.b").
    if (q < t_.size() && !IsLineEnd(t_, q) && SpaceLen(t_, q) == 0) return q;
    const size_t next = SkipSpace(t_, q);
    // At a line end the line rules decide, in EndLine().
    if (next >= t_.size() || IsLineEnd(t_, next)) return q;
    if (EndsSentence(pos, single_period, next)) Close();
    return q;
  }

  bool EndsSentence(size_t period, bool single_period, size_t next) const {
    if (IsLowerByte(t_[next])) return false;
    if (!single_period) return true;  // "!", "?", "...", "…", "?!"
    const std::string_view token = t_.substr(token_, period - token_);
    if (!token.empty() && token.size() <= 3 &&
        std::all_of(token.begin(), token.end(), IsDigitByte)) {
      // "... the box. 2. Close it.": a bare list number is not a claim.
      return open_ != token_;
    }
    // The letters and periods just before the period, so that "(Mr",
    // "“Mr" and "—Mr" are all recognised; the scan is capped to stay linear.
    size_t w = period;
    while (w > token_ && period - w <= 8 &&
           (IsAsciiLetter(t_[w - 1]) || t_[w - 1] == '.'))
      --w;
    const std::string_view word = t_.substr(w, period - w);
    if (word.empty() || word.size() > 8) return true;
    if (InList(kAbbreviations, word)) return !IsWordStart(t_, next);
    if (InList(kTrailingAbbreviations, word) ||
        (word.size() == 1 && IsUpperByte(word[0])) || IsDottedAcronym(word)) {
      return OpenerLen(t_, next) > 0 || StarterAt(t_, next);
    }
    return true;
  }

  // A line that ends in ",", ";" or "word-", or that is followed by a
  // lower-case line, is a wrapped sentence; any other line stands alone.
  void EndLine(size_t newline, size_t length) {
    if (open_ == kNone) return;
    const size_t next = SkipSpace(t_, newline + length);
    bool joins = false;
    if (next < t_.size() && !IsLineEnd(t_, next) &&
        MarkerEnd(t_, next) == kNone) {
      const size_t last = content_end_ - 1;
      joins = t_[last] == ',' || t_[last] == ';' || IsLowerByte(t_[next]) ||
              (t_[last] == '-' && LetterBefore(last));
    }
    if (!joins) Close();
  }

  // Whether the character ending just before pos is a letter; checked on
  // whole characters so "WASHINGTON\u00A0-" does not count.
  bool LetterBefore(size_t pos) const {
    if (pos <= open_) return false;
    size_t lead = pos - 1;
    if (IsAscii(t_[lead])) return IsAsciiLetter(t_[lead]);
    while (lead > open_ && pos - lead < 4 && IsContinuation(t_[lead])) --lead;
    return !IsUnicodePunct(t_, lead);
  }

  std::string_view t_;
  std::vector<Span> out_;
  size_t open_ = kNone;     // Start of the sentence being built.
  size_t content_end_ = 0;  // End of its last non-space character.
  size_t token_ = 0;        // Start of the current space-delimited token.
};

}  // namespace

bool IsBlank(std::string_view text) {
  for (size_t pos = 0; pos < text.size();) {
    const size_t n = std::max(SpaceLen(text, pos), LineEndLen(text, pos));
    if (n == 0) return false;
    pos += n;
  }
  return true;
}

std::vector<Span> SplitArticle(std::string_view text) {
  size_t pos = At(text, 0, kBom) ? kBom.size() : 0;
  for (;;) {
    pos = SkipSpace(text, pos);
    if (pos >= text.size()) return {};
    const size_t n = LineEndLen(text, pos);
    if (n == 0) break;
    pos += n;
  }
  size_t eol = pos;
  size_t end = pos;  // Trailing white space is left out of the headline.
  while (eol < text.size() && !IsLineEnd(text, eol)) {
    const size_t n = SpaceLen(text, eol);
    eol += n > 0 ? n : CharLen(text, eol);
    if (n == 0) end = eol;
  }
  std::vector<Span> spans = {{pos, end}};
  if (eol < text.size()) {
    const std::vector<Span> rest =
        SplitSentences(text, eol + LineEndLen(text, eol), text.size());
    spans.insert(spans.end(), rest.begin(), rest.end());
  }
  return spans;
}

std::vector<Span> SplitSentences(std::string_view text, size_t begin,
                                 size_t end) {
  end = std::min(end, text.size());
  if (begin >= end) return {};
  if (begin == 0 && At(text, 0, kBom)) begin = kBom.size();
  return Splitter(text.substr(0, end)).Run(begin);
}

}  // namespace credence
