// Splits a news article into claims: the headline, then one claim a sentence.
//
// Call order: SplitArticle(text) on validated UTF-8; each Span indexes bytes.
//
//   std::string text = "Kim to visit Russia\nHe may go. Officials said so.";
//   for (const credence::Span& s : credence::SplitArticle(text))
//     std::cout << text.substr(s.begin, s.end - s.begin) << "\n";
//   // "Kim to visit Russia", "He may go.", "Officials said so."
//
// Spans never include surrounding white space, so every claim's text is
// exactly the input between its offsets. Splitting is a single left-to-right
// pass: time is linear in the input.
#ifndef CREDENCE_ENGINE_SPLITTER_H_
#define CREDENCE_ENGINE_SPLITTER_H_

#include <cstddef>
#include <string_view>
#include <vector>

namespace credence {

// Half-open byte range [begin, end) into the text it was cut from.
struct Span {
  size_t begin = 0;
  size_t end = 0;
  bool operator==(const Span& o) const {
    return begin == o.begin && end == o.end;
  }
};

// Line ends are LF, CRLF, a lone CR, NEL (U+0085), U+2028 and U+2029 (a
// paragraph break); white space is ASCII, U+00A0, U+2000..U+200A, U+202F,
// U+205F, U+3000 and U+FEFF.

// Whether text holds nothing but white space and line ends (no claim).
bool IsBlank(std::string_view text);

// Claim 0 is the first non-blank line (the headline, whatever its
// punctuation); the rest of the text is split by SplitSentences.
std::vector<Span> SplitArticle(std::string_view text);

// Splits text[begin, end) into sentences. Line ends count as boundaries for
// lines that stand alone (datelines, "BREAKING:", tweet embeds, bullets);
// a line continues into the next only when the next line starts in
// lower case or the line ends in a comma, a semicolon or a hyphenated
// word break ("long-"). A bullet or list marker starts a claim of its own
// and is left out of its span.
std::vector<Span> SplitSentences(std::string_view text, size_t begin,
                                 size_t end);

}  // namespace credence

#endif  // CREDENCE_ENGINE_SPLITTER_H_
