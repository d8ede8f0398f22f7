// UTF-8 helpers shared by the tokenizer, the splitter and the report writer.
//
// Call order: FindInvalidUtf8 once on untrusted input; the decoders below
// assume valid UTF-8 and never read past the end of the view.
//
//   if (credence::FindInvalidUtf8(text) != std::string_view::npos) reject();
//   size_t len;
//   char32_t c = credence::DecodeUtf8(text, pos, &len);
#ifndef CREDENCE_FEATURES_UTF8_H_
#define CREDENCE_FEATURES_UTF8_H_

#include <cstddef>
#include <string_view>

namespace credence {

// Byte offset of the first ill-formed sequence (overlong forms, surrogates
// and code points above U+10FFFF included), or npos when the text is valid.
size_t FindInvalidUtf8(std::string_view text);

// The code point starting at text[pos] and its length in bytes (1-4).
// On a stray continuation byte returns U+FFFD with length 1.
char32_t DecodeUtf8(std::string_view text, size_t pos, size_t* length);

// Number of code points in text[begin, end).
size_t CountCodePoints(std::string_view text, size_t begin, size_t end);

// Byte offsets to code point offsets, counting from the offset asked for
// before, forwards or backwards: offsets asked in about text order (a
// report's claims and cues) cost about one pass over the text. Offsets must
// fall on character boundaries.
class CodePointCursor {
 public:
  explicit CodePointCursor(std::string_view text) : text_(text) {}
  size_t At(size_t byte) {
    if (byte >= byte_) {
      cp_ += CountCodePoints(text_, byte_, byte);
    } else {
      cp_ -= CountCodePoints(text_, byte, byte_);
    }
    byte_ = byte;
    return cp_;
  }

 private:
  std::string_view text_;
  size_t byte_ = 0;
  size_t cp_ = 0;
};

}  // namespace credence

#endif  // CREDENCE_FEATURES_UTF8_H_
