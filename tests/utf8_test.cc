// Tests of UTF-8 decoding and code point counts.
#include "features/utf8.h"

#include <gtest/gtest.h>

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

namespace credence {
namespace {

constexpr size_t kNpos = std::string_view::npos;

// Byte strings are written with adjacent literals ("\xE2\x82\xAC" "a") where a
// hex escape would otherwise swallow the next character.

TEST(FindInvalidUtf8Test, ValidTextReturnsNpos) {
  struct Case {
    const char* name;
    std::string text;
  };
  const Case kCases[] = {
      {"Empty", ""},
      {"Ascii", "Officials said so."},
      {"AsciiControlAndDel", "a\tb\nc\x7F"},
      {"EmbeddedNul", std::string("a\0b", 3)},
      {"TwoByte", "caf\xC3\xA9"},  // café
      {"ThreeByte",
       "\xE2\x82\xAC"
       "5"},                             // €5
      {"FourByte", "\xF0\x9F\x98\x80"},  // 😀
      {"Mixed", "a\xC3\xA9\xE2\x82\xAC\xF0\x9F\x98\x80z"},
      {"Min2Byte", "\xC2\x80"},                  // U+0080
      {"Max2Byte", "\xDF\xBF"},                  // U+07FF
      {"Min3Byte", "\xE0\xA0\x80"},              // U+0800
      {"LastBeforeSurrogates", "\xED\x9F\xBF"},  // U+D7FF
      {"FirstAfterSurrogates", "\xEE\x80\x80"},  // U+E000
      {"Bom", "\xEF\xBB\xBF"},                   // U+FEFF
      {"Max3Byte", "\xEF\xBF\xBF"},              // U+FFFF
      {"Min4Byte", "\xF0\x90\x80\x80"},          // U+10000
      {"MaxCodePoint", "\xF4\x8F\xBF\xBF"},      // U+10FFFF
      {"CurlyApostrophe", "didn\xE2\x80\x99t"},
  };
  for (const auto& c : kCases) {
    SCOPED_TRACE(c.name);
    EXPECT_EQ(FindInvalidUtf8(c.text), kNpos);
  }
}

TEST(FindInvalidUtf8Test, InvalidTextReturnsOffsetOfFirstBadSequence) {
  struct Case {
    const char* name;
    std::string text;
    size_t offset;
  };
  const Case kCases[] = {
      // Lone continuation bytes.
      {"LoneContinuationAtStart", "\x80", 0},
      {"LoneContinuationAfterAscii", "ab\x80", 2},
      {"LoneContinuationBF", "abc\xBF", 3},
      {"ExtraContinuationAfterTwoByte", "\xC3\xA9\xA9", 2},
      {"ExtraContinuationAfterFourByte", "\xF0\x9F\x98\x80\x80", 4},
      // Truncated at the end of the input.
      {"Truncated2Of2", "ab\xC3", 2},
      {"Truncated1Of3", "\xE2", 0},
      {"Truncated2Of3", "x\xE2\x82", 1},
      {"Truncated1Of4", "xy\xF0", 2},
      {"Truncated3Of4", "x\xF0\x9F\x98", 1},
      // Truncated by a following non-continuation byte.
      {"TwoByteThenAscii",
       "\xC3"
       "a",
       0},
      {"ThreeByteThenAscii",
       "\xE2\x82"
       "a",
       0},
      {"FourByteThenAscii",
       "\xF0\x9F\x98"
       "a",
       0},
      {"TwoByteThenLeadByte", "\xC3\xC3\xA9", 0},
      {"FourByteLastIsLead", "\xF0\x9F\x98\xC0", 0},
      // Overlong forms.
      {"OverlongC080", "\xC0\x80", 0},
      {"OverlongC1BF", "a\xC1\xBF", 1},
      {"OverlongE08080", "\xE0\x80\x80", 0},
      {"OverlongE09FBF", "ab\xE0\x9F\xBF", 2},  // U+07FF in 3 bytes
      {"OverlongF0808080", "\xF0\x80\x80\x80", 0},
      {"OverlongF08FBFBF", "\xF0\x8F\xBF\xBF", 0},  // U+FFFF in 4 bytes
      // UTF-16 surrogates.
      {"SurrogateEDA080", "\xED\xA0\x80", 0},
      {"SurrogateEDBFBF", "ok\xED\xBF\xBF", 2},
      // Above U+10FFFF.
      {"F4908080", "\xF4\x90\x80\x80", 0},
      {"F5", "\xF5\x80\x80\x80", 0},
      {"F7", "a\xF7\xBF\xBF\xBF", 1},
      {"F8FiveByte", "\xF8\x88\x80\x80\x80", 0},
      // Bytes that never occur in UTF-8.
      {"FE", "ok\xFE", 2},
      {"FF", "\xFF", 0},
      // Only the first of several errors is reported.
      {"FirstOfTwoErrors", "\x80\xFF", 0},
      {"AfterValidMultibyte",
       "\xE2\x82\xAC"
       "\xED\xA0\x80",
       3},
      {"AfterMixedValid", "a\xC3\xA9\xF0\x9F\x98\x80\xC0\x80", 7},
  };
  for (const auto& c : kCases) {
    SCOPED_TRACE(c.name);
    EXPECT_EQ(FindInvalidUtf8(c.text), c.offset);
  }
}

// FindInvalidUtf8 skips ASCII eight bytes at a time: a bad byte is found at
// every place of such a block and after it, and a valid sequence may
// straddle two blocks.
TEST(FindInvalidUtf8Test, FindsABadByteAtEveryPlaceOfAnAsciiBlock) {
  const std::string kBad[] = {"\xFF", "\x80", "\xC0\xAF", "\xE2\x82",
                              "\xED\xA0\x80"};
  for (size_t length = 1; length <= 24; ++length) {
    for (size_t at = 0; at < length; ++at) {
      for (const std::string& bad : kBad) {
        std::string text(length, 'a');
        text.replace(at, 1, bad);
        SCOPED_TRACE(std::to_string(length) + " bytes, bad at " +
                     std::to_string(at));
        EXPECT_EQ(FindInvalidUtf8(text), at);
        // A valid sequence before it does not hide it.
        const std::string before = "\xC3\xA9" + text;
        EXPECT_EQ(FindInvalidUtf8(before), at + 2);
      }
      std::string valid(length, 'a');
      valid.insert(at, "\xF0\x9F\x98\x80");  // four bytes, any alignment
      EXPECT_EQ(FindInvalidUtf8(valid), kNpos);
    }
  }
}

TEST(DecodeUtf8Test, ValuesAndLengths) {
  struct Case {
    const char* name;
    std::string text;
    size_t pos;
    uint32_t value;
    size_t length;
  };
  const Case kCases[] = {
      {"Ascii", "a", 0, 0x61, 1},
      {"Nul", std::string("\0", 1), 0, 0x00, 1},
      {"Del", "\x7F", 0, 0x7F, 1},
      {"EAcute", "\xC3\xA9", 0, 0xE9, 2},
      {"Min2Byte", "\xC2\x80", 0, 0x80, 2},
      {"Max2Byte", "\xDF\xBF", 0, 0x7FF, 2},
      {"Euro", "\xE2\x82\xAC", 0, 0x20AC, 3},
      {"RightSingleQuote", "\xE2\x80\x99", 0, 0x2019, 3},
      {"Bom", "\xEF\xBB\xBF", 0, 0xFEFF, 3},
      {"GrinningFace", "\xF0\x9F\x98\x80", 0, 0x1F600, 4},
      {"MaxCodePoint", "\xF4\x8F\xBF\xBF", 0, 0x10FFFF, 4},
      {"AtOffset", "x\xC3\xA9y", 1, 0xE9, 2},
      {"AsciiAfterMultibyte",
       "\xE2\x82\xAC"
       "b",
       3, 0x62, 1},
      {"StrayContinuationInsideSequence", "\xC3\xA9", 1, 0xFFFD, 1},
      {"StrayContinuationAlone", "\x80", 0, 0xFFFD, 1},
      {"StrayContinuationBF", "a\xBF", 1, 0xFFFD, 1},
  };
  for (const auto& c : kCases) {
    SCOPED_TRACE(c.name);
    size_t length = 99;
    const char32_t value = DecodeUtf8(c.text, c.pos, &length);
    EXPECT_EQ(static_cast<uint32_t>(value), c.value);
    EXPECT_EQ(length, c.length);
  }
}

TEST(DecodeUtf8Test, NeverReadsPastTheEndOfTheView) {
  // The view ends inside a sequence whose remaining bytes exist in memory:
  // reading them would decode U+20AC / U+1F600 with the full length.
  struct Case {
    const char* name;
    size_t view_size;
  };
  const std::string buffer = "\xE2\x82\xAC";
  const std::string buffer4 = "\xF0\x9F\x98\x80";
  const Case kCases[] = {{"EuroCutAfter1", 1}, {"EuroCutAfter2", 2}};
  for (const auto& c : kCases) {
    SCOPED_TRACE(c.name);
    size_t length = 99;
    const char32_t value =
        DecodeUtf8(std::string_view(buffer.data(), c.view_size), 0, &length);
    EXPECT_EQ(static_cast<uint32_t>(value), 0xFFFDu);
    EXPECT_EQ(length, 1u);
  }
  size_t length = 99;
  const char32_t value =
      DecodeUtf8(std::string_view(buffer4.data(), 3), 0, &length);
  EXPECT_EQ(static_cast<uint32_t>(value), 0xFFFDu);
  EXPECT_EQ(length, 1u);
}

TEST(DecodeUtf8Test, WalksMixedTextCodePointByCodePoint) {
  const std::string text = "a\xC3\xA9\xE2\x82\xAC\xF0\x9F\x98\x80z";  // aé€😀z
  std::vector<uint32_t> values;
  std::vector<size_t> lengths;
  for (size_t pos = 0; pos < text.size();) {
    size_t length = 0;
    values.push_back(static_cast<uint32_t>(DecodeUtf8(text, pos, &length)));
    lengths.push_back(length);
    ASSERT_GT(length, 0u);
    pos += length;
  }
  EXPECT_EQ(values, (std::vector<uint32_t>{0x61, 0xE9, 0x20AC, 0x1F600, 0x7A}));
  EXPECT_EQ(lengths, (std::vector<size_t>{1, 2, 3, 4, 1}));
}

TEST(CountCodePointsTest, FullTextAndSubRanges) {
  // Byte layout of kMixed: a[0] é[1,3) €[3,6) 😀[6,10) z[10].
  const std::string kMixed = "a\xC3\xA9\xE2\x82\xAC\xF0\x9F\x98\x80z";
  struct Case {
    const char* name;
    std::string text;
    size_t begin;
    size_t end;
    size_t count;
  };
  const Case kCases[] = {
      {"EmptyText", "", 0, 0, 0},
      {"Ascii", "hello", 0, 5, 5},
      {"AsciiSubRange", "hello", 1, 4, 3},
      {"EmptyRangeInside", "hello", 3, 3, 0},
      {"MixedWhole", kMixed, 0, 11, 5},
      {"MixedFirstByte", kMixed, 0, 1, 1},
      {"MixedEAcuteOnly", kMixed, 1, 3, 1},
      {"MixedEAcuteAndEuro", kMixed, 1, 6, 2},
      {"MixedEuroAndEmoji", kMixed, 3, 10, 2},
      {"MixedEmojiOnly", kMixed, 6, 10, 1},
      {"MixedTail", kMixed, 6, 11, 2},
      {"EmptyRangeMixed", kMixed, 6, 6, 0},
      {"CurlyQuotes", "\xE2\x80\x9CYes\xE2\x80\x9D", 0, 9, 5},  // “Yes”
  };
  for (const auto& c : kCases) {
    SCOPED_TRACE(c.name);
    EXPECT_EQ(CountCodePoints(c.text, c.begin, c.end), c.count);
  }
}

}  // namespace
}  // namespace credence
