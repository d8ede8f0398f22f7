// Quotation marks over claims: which are open, and where an attributed
// quotation closes.
#include "features/rules/quote_carry.h"

#include <gtest/gtest.h>

#include <string>

namespace credence {
namespace {

// U+201C and U+201D.
#define LQ "\xE2\x80\x9C"
#define RQ "\xE2\x80\x9D"

TEST(QuoteCarryTest, ScanQuotes) {
  struct Case {
    const char* text;
    bool open_before;
    bool open_after;
  };
  const Case cases[] = {
      {"He said: \"We will win.", false, true},
      {"We will win,\" he said.", true, false},
      {"\"A,\" he said. \"B.", false, true},
      {LQ "We will win.", false, true},
      {"It rained" RQ " all day.", true, false},
      {"It rained " LQ "all" RQ " day.", true, false},
      {"Drivers call it 'the long way.'", true, true},
      {"Drivers call it \xE2\x80\x98the long way.\xE2\x80\x99", true, true},
      {"It rained.", true, true},
      {"It rained.", false, false},
      {"", false, false},
  };
  for (const Case& c : cases) {
    SCOPED_TRACE(c.text);
    const std::string text = c.text;
    EXPECT_EQ(ScanQuotes(text, 0, text.size(), c.open_before), c.open_after);
  }
}

TEST(QuoteCarryTest, OpensWithQuoteAndLineBreaks) {
  EXPECT_TRUE(OpensWithQuote("  \"We", 0, 5));
  EXPECT_TRUE(OpensWithQuote("\n" LQ "We", 0, 6));
  EXPECT_FALSE(OpensWithQuote(RQ " he said", 0, 11));
  EXPECT_FALSE(OpensWithQuote("We \"win\"", 0, 8));
  EXPECT_FALSE(OpensWithQuote("   ", 0, 3));
  EXPECT_TRUE(HasLineBreak("a.\n\nb", 2, 4));
  EXPECT_FALSE(HasLineBreak("a. b", 2, 3));
  EXPECT_FALSE(HasLineBreak("a.\nb", 3, 2));
}

TEST(QuoteCarryTest, ColonsAndListMarkers) {
  EXPECT_TRUE(EndsWithColon("The ministry said: \n", 0, 20));
  EXPECT_FALSE(EndsWithColon("Time: 10:30 p.m.", 0, 16));
  EXPECT_FALSE(EndsWithColon(" ", 0, 1));
  struct Case {
    const char* text;
    bool item;
  };
  const Case cases[] = {
      {"- Higher taxes.", true},
      {"* Higher taxes.", true},
      {"\n\xE2\x80\xA2 Taxes.", true},
      {"\xE2\x80\x94 Taxes.", true},
      {"12. Taxes.", true},
      {"3) Taxes.", true},
      {"2024 was hot.", false},
      {"12 people died.", false},
      {"Higher taxes.", false},
      {"", false},
  };
  for (const Case& c : cases) {
    SCOPED_TRACE(c.text);
    const std::string text = c.text;
    EXPECT_EQ(OpensWithListMarker(text, 0, text.size()), c.item);
  }
}

// From the end of a claim inside a quotation: the closing mark, when a
// comma, question or exclamation mark comes right before it.
TEST(QuoteCarryTest, AttributedClose) {
  struct Case {
    const char* text;
    size_t close;  // npos: none
  };
  const size_t none = std::string::npos;
  const Case cases[] = {
      {" We will win,\" she said.", 13},
      {" Will we win?\" she asked.", 13},
      {" We will win, " RQ " said Ana Ruiz.", 14},
      {" We will win.\" She left.", none},
      {" We will win.\n\nShe said, \"No.\"", none},
      {" We will win " LQ "big.", none},
      {" We will win", none},
  };
  for (const Case& c : cases) {
    SCOPED_TRACE(c.text);
    EXPECT_EQ(AttributedClose(c.text, 0), c.close);
  }
}

// The dash of a post's signature later on the same line, if any.
TEST(QuoteCarryTest, PostSignatureDash) {
  struct Case {
    const char* text;
    size_t dash;  // npos: none
  };
  const size_t none = std::string::npos;
  const Case cases[] = {
      {"Not in this race. \xE2\x80\x94 Ari Fleischer (@AriFleischer) July 16",
       18},
      {"Not here. \xE2\x80\x93 Ana (@ana)", 10},
      {"Not here.\n\xE2\x80\x94 Ana (@ana)", none},
      {"Write to (@ana) now.", none},
      {"Not here. \xE2\x80\x94 Ana Ruiz", none},
  };
  for (const Case& c : cases) {
    SCOPED_TRACE(c.text);
    EXPECT_EQ(PostSignatureDash(c.text, 0), c.dash);
  }
}

TEST(QuoteCarryTest, AttributionEndsAtTheLineOrWithinBounds) {
  const std::string line = "\" she said.\nNext paragraph.";
  EXPECT_EQ(AttributionEnd(line, 0), line.find('\n'));
  // Never inside a character: 3-byte characters from byte 1 on.
  std::string long_text = "\"";
  for (int i = 0; i < 100; ++i) long_text += RQ;
  const size_t end = AttributionEnd(long_text, 0);
  EXPECT_LE(end, 200u);
  EXPECT_EQ((end - 1) % 3, 0u);
}

}  // namespace
}  // namespace credence
