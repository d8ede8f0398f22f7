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

}  // namespace credence

#endif  // CREDENCE_FEATURES_UTF8_H_
