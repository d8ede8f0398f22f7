// Tests of the CSV reader: rows, quoting, limits and bad rows.
#include "engine/csv/csv_reader.h"

#include <gtest/gtest.h>

#include <cstdint>
#include <sstream>
#include <streambuf>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "tests/test_streams.h"

namespace credence {
namespace {

using std::string_literals::operator""s;  // literals holding NUL bytes

// What reading a whole input gave, in order: rows as "line L row N id 'I'
// text 'T'", rejected rows as their error message.
struct Outcome {
  std::vector<std::string> events;
  std::vector<CsvRow> rows;  // offsets and lengths (views are dangling)
  std::vector<std::string> ids, texts;
  bool has_id = false;
  size_t text_index = 0;
  size_t id_index = 0;
  std::vector<std::string> header;
};

std::string Describe(const CsvRow& row) {
  return "line " + std::to_string(row.line) + " row " +
         std::to_string(row.number) + " id '" + std::string(row.id) +
         "' text '" + std::string(row.text) + "'";
}

Outcome ReadAll(const std::string& input, const std::string& text = "text",
                const std::string& id = "id", bool id_required = false,
                std::ostream* spool = nullptr,
                CsvBuffers buffers = CsvBuffers::kLarge) {
  std::istringstream in(input);
  CsvReader reader(in, "in.csv", text, id, id_required, spool, buffers);
  Outcome out;
  out.has_id = reader.has_id();
  out.text_index = reader.text_index();
  out.id_index = reader.id_index();
  out.header = reader.header();
  CsvRow row;
  // Bounded, so a reader that never ends fails instead of hanging.
  for (int i = 0; i < 10000; ++i) {
    try {
      if (!reader.Next(&row)) break;
    } catch (const CsvError& e) {
      out.events.push_back(e.what());
      continue;
    }
    out.events.push_back(Describe(row));
    out.rows.push_back(row);
    out.ids.emplace_back(row.id);
    out.texts.emplace_back(row.text);
  }
  return out;
}

// The record at each row's offset and length splits into what Next() gave.
void ExpectRecordsAgree(const std::string& input, const Outcome& out) {
  for (size_t i = 0; i < out.rows.size(); ++i) {
    const CsvRow& row = out.rows[i];
    SCOPED_TRACE("row " + std::to_string(row.number));
    ASSERT_LE(row.offset + row.length, input.size());
    const std::vector<std::string> fields =
        SplitRecord(std::string_view(input).substr(row.offset, row.length));
    ASSERT_EQ(fields.size(), out.header.size());
    EXPECT_EQ(fields[out.text_index], out.texts[i]);
    if (out.has_id) {
      EXPECT_EQ(fields[out.id_index], out.ids[i]);
    }
  }
}

// The message the constructor throws, or "" when it does not.
std::string HeaderError(const std::string& input,
                        const std::string& text = "text",
                        const std::string& id = "id",
                        bool id_required = false) {
  std::istringstream in(input);
  try {
    CsvReader reader(in, "in.csv", text, id, id_required);
  } catch (const CsvError& e) {
    return e.what();
  }
  return "";
}

struct Case {
  const char* name;
  std::string input;
  std::vector<std::string> events;
};

// Each case is read with both kinds of buffers, which must agree.
void RunCases(const std::vector<Case>& cases) {
  for (const Case& c : cases) {
    SCOPED_TRACE(c.name);
    const Outcome out = ReadAll(c.input);
    EXPECT_EQ(out.events, c.events);
    ExpectRecordsAgree(c.input, out);
    const Outcome small =
        ReadAll(c.input, "text", "id", false, nullptr, CsvBuffers::kSmall);
    EXPECT_EQ(small.events, c.events) << "with small buffers";
  }
}

TEST(CsvReaderTest, WellFormedRows) {
  RunCases({
      {"Plain",
       "id,text\n1,hello\n2,world\n",
       {"line 2 row 1 id '1' text 'hello'",
        "line 3 row 2 id '2' text 'world'"}},
      {"QuotedCommas",
       "id,text\n1,\"a, b, c\"\n2,\",\"\n",
       {"line 2 row 1 id '1' text 'a, b, c'", "line 3 row 2 id '2' text ','"}},
      {"DoubledQuotes",
       "id,text\n1,\"say \"\"hi\"\"\"\n2,\"\"\"\"\"\"\n\"3\"\"\",x\n",
       {"line 2 row 1 id '1' text 'say \"hi\"'",
        "line 3 row 2 id '2' text '\"\"'", "line 4 row 3 id '3\"' text 'x'"}},
      {"EmptyFields",
       "id,text\n1,\n,\"\"\n",
       {"line 2 row 1 id '1' text ''", "line 3 row 2 id '' text ''"}},
      {"SpacesAreKept",
       "id,text\n 1 , a b \n",
       {"line 2 row 1 id ' 1 ' text ' a b '"}},
      {"NewlinesInQuotes",
       "id,text\n1,\"a\nb\nc\"\n2,d\n3,\"\n\"\n\"4\n\",e\n",
       {"line 2 row 1 id '1' text 'a\nb\nc'", "line 5 row 2 id '2' text 'd'",
        "line 6 row 3 id '3' text '\n'", "line 8 row 4 id '4\n' text 'e'"}},
      {"Crlf",
       "id,text\r\n1,a\r\n2,\"b\r\nc\"\r\n3,\"d\"\r\n",
       {"line 2 row 1 id '1' text 'a'", "line 3 row 2 id '2' text 'b\r\nc'",
        "line 5 row 3 id '3' text 'd'"}},
      {"ByteOrderMark",
       "\xEF\xBB\xBFid,text\n1,a\n",
       {"line 2 row 1 id '1' text 'a'"}},
      {"ByteOrderMarkOnlyOnce",
       "\xEF\xBB\xBFid,text\n1,\xEF\xBB\xBF"
       "a\n",
       {"line 2 row 1 id '1' text '\xEF\xBB\xBF"
        "a'"}},
      {"Utf8Text",
       "id,text\n1,Caf\xC3\xA9 \xE2\x82\xAC 5 \xF0\x9F\x98\x80\n",
       {"line 2 row 1 id '1' text 'Caf\xC3\xA9 \xE2\x82\xAC 5 "
        "\xF0\x9F\x98\x80'"}},
      {"NoNewlineAtEnd",
       "id,text\n1,a\n2,b",
       {"line 2 row 1 id '1' text 'a'", "line 3 row 2 id '2' text 'b'"}},
      {"NoNewlineAfterQuotedField",
       "id,text\n1,\"a\nb\"",
       {"line 2 row 1 id '1' text 'a\nb'"}},
      {"BlankLastLine", "id,text\n1,a\n\n", {"line 2 row 1 id '1' text 'a'"}},
      {"BlankLastLineCrlf",
       "id,text\r\n1,a\r\n\r\n",
       {"line 2 row 1 id '1' text 'a'"}},
      {"BlankLinesAreSkipped",
       "id,text\n1,a\n\n\r\n2,b\n",
       {"line 2 row 1 id '1' text 'a'", "line 5 row 2 id '2' text 'b'"}},
      {"BlankLinesBeforeHeader",
       "\n\r\nid,text\n1,a\n",
       {"line 4 row 1 id '1' text 'a'"}},
      {"HeaderOnly", "id,text\n", {}},
      {"HeaderOnlyNoNewline", "id,text", {}},
      {"HeaderCrlfOnly", "id,text\r\n", {}},
      // fccp strips one CR before a line end; a second one is text, and
      // so is a CR at the very end (which SplitRecord strips too).
      {"CrBeforeCrlf",
       "id,text\n1,a\r\r\n2,b\r",
       {"line 2 row 1 id '1' text 'a'", "line 3 row 2 id '2' text 'b'"}},
      {"CrsBeforeCrlf",
       "id,text\n1,a\r\r\r\n2,b\r\r",
       {"line 2 row 1 id '1' text 'a\r'", "line 3 row 2 id '2' text 'b\r'"}},
      {"CrInsideText",
       "id,text\n1,a\rb\n",
       {"line 2 row 1 id '1' text 'a\rb'"}},
      // Quotes inside an unquoted field are taken literally.
      {"StrayQuotesInUnquotedField",
       "id,text\n1,He said \"hi\" today\n2,\"ab\"cd\n",
       {"line 2 row 1 id '1' text 'He said \"hi\" today'",
        "line 3 row 2 id '2' text '\"ab\"cd'"}},
      {"InvalidUtf8InOtherColumnIsFine",
       "id,text,x\n1,a,\xFF\xFE\n",
       {"line 2 row 1 id '1' text 'a'"}},
      {"NulInOtherColumnIsFine",
       "id,text,x\n1,a,\0\n"s,
       {"line 2 row 1 id '1' text 'a'"}},
  });
}

TEST(CsvReaderTest, MalformedRowsAreReportedAndSkipped) {
  RunCases({
      {"TooFewAndTooManyFields",
       "id,text\n1\n2,a,b\n3,ok\n",
       {"in.csv:2: row has 1 field, the header has 2 (quote fields that "
        "hold line breaks)",
        "in.csv:3: row has 3 fields, the header has 2 (quote fields that "
        "hold commas)",
        "line 4 row 3 id '3' text 'ok'"}},
      {"FieldCountOfMultilineRecord",
       "id,text\n1,\"a\nb\",c\n2,ok\n",
       {"in.csv:2: row has 3 fields, the header has 2 (quote fields that "
        "hold commas)",
        "line 4 row 2 id '2' text 'ok'"}},
      {"CommaInsideQuotesIsNoSeparator",
       "id,text\n1,\"a,b\",c,d\n2,ok\n",
       {"in.csv:2: row has 4 fields, the header has 2 (quote fields that "
        "hold commas)",
        "line 3 row 2 id '2' text 'ok'"}},
      {"UnclosedQuoteAtEnd",
       "id,text\n1,a\n2,\"open\nmore\n",
       {"line 2 row 1 id '1' text 'a'",
        "in.csv:3: unclosed quote (a quoted field never ends)"}},
      // A CRLF line end counts as a line too (this said line 1).
      {"UnclosedQuoteAfterCrlfLines",
       "id,text\r\n1,a\r\n2,\"open\r\nmore\r\n",
       {"line 2 row 1 id '1' text 'a'",
        "in.csv:3: unclosed quote (a quoted field never ends)"}},
      {"UnclosedQuoteOpenedOnLaterLine",
       "id,text\n1,\"x\ny\"\"z\n\n",
       {"in.csv:2: unclosed quote (a quoted field never ends)"}},
      // The same where 64-byte blocks are swept (the doubled quote inside
      // the second).
      {"UnclosedQuoteOpenedOnLaterLineInBlocks",
       "id,text\n1,\"" + std::string(70, 'x') + "\ny\"\"z" +
           std::string(70, 'w') + "\n\n",
       {"in.csv:2: unclosed quote (a quoted field never ends)"}},
      {"UnclosedQuoteNoNewline",
       "id,text\n1,\"open",
       {"in.csv:2: unclosed quote (a quoted field never ends)"}},
      {"InvalidUtf8InText",
       "id,text\n1,caf\xE9\n2,ok\n",
       {"in.csv:2: invalid UTF-8 in column 'text' (save the file as UTF-8)",
        "line 3 row 2 id '2' text 'ok'"}},
      {"InvalidUtf8InId",
       "id,text\n\xFF,a\n2,ok\n",
       {"in.csv:2: invalid UTF-8 in column 'id' (save the file as UTF-8)",
        "line 3 row 2 id '2' text 'ok'"}},
      {"OverlongUtf8",
       "id,text\n1,\xC0\xAF\n2,ok\n",
       {"in.csv:2: invalid UTF-8 in column 'text' (save the file as UTF-8)",
        "line 3 row 2 id '2' text 'ok'"}},
      {"NulInText",
       "id,text\n1,a\0b\n2,ok\n"s,
       {"in.csv:2: NUL byte in column 'text' (text files hold none)",
        "line 3 row 2 id '2' text 'ok'"}},
      {"NulInQuotedMultilineId",
       "id,text\n\"\0\n\",a\n2,ok\n"s,
       {"in.csv:2: NUL byte in column 'id' (text files hold none)",
        "line 4 row 2 id '2' text 'ok'"}},
      {"ErrorsAfterBlankLines",
       "id,text\n\n1\n\n2,ok\n",
       {"in.csv:3: row has 1 field, the header has 2 (quote fields that "
        "hold line breaks)",
        "line 5 row 2 id '2' text 'ok'"}},
  });
}

// A quote opens a quoted field only as the field's first byte; anywhere
// else it is text, and never hides the rows after it.
TEST(CsvReaderTest, QuotesOpenAFieldOnlyAtItsStart) {
  RunCases({
      {"InchMark",
       "id,text\n1,Samsung 65\" TV drops\n2,Police said\n3,Markets\n",
       {"line 2 row 1 id '1' text 'Samsung 65\" TV drops'",
        "line 3 row 2 id '2' text 'Police said'",
        "line 4 row 3 id '3' text 'Markets'"}},
      {"StrayThenBalancedQuotes",
       "id,text\n1,a 5\" screen\n2,\"quoted, fine\"\n3,b\n",
       {"line 2 row 1 id '1' text 'a 5\" screen'",
        "line 3 row 2 id '2' text 'quoted, fine'",
        "line 4 row 3 id '3' text 'b'"}},
      {"StrayQuoteInId",
       "id,text\n1\",x\n2,y\n",
       {"line 2 row 1 id '1\"' text 'x'", "line 3 row 2 id '2' text 'y'"}},
      {"QuoteEndsAField",
       "id,text\n1,abc\"\n2,d\"\"\n",
       {"line 2 row 1 id '1' text 'abc\"'",
        "line 3 row 2 id '2' text 'd\"\"'"}},
      {"QuotesAfterAClosingQuoteAreText",
       "id,text\n1,\"a\"b\"c\n2,\"x\"\n",
       {"line 2 row 1 id '1' text '\"a\"b\"c'",
        "line 3 row 2 id '2' text 'x'"}},
      {"QuoteAfterASpaceOpensNothing",
       "id,text\n1, \"a,b\"\n2,c\n",
       {"in.csv:2: row has 3 fields, the header has 2 (quote fields that "
        "hold commas)",
        "line 3 row 2 id '2' text 'c'"}},
      {"QuotedFieldAfterStrayQuoteInId",
       "id,text\n1\",\"a\nb\"\n2,c\n",
       {"line 2 row 1 id '1\"' text 'a\nb'", "line 4 row 2 id '2' text 'c'"}},
      {"StrayQuoteAfterCrLfRow",
       "id,text\r\n1,5\"\r\n2,\"q\"\r\n",
       {"line 2 row 1 id '1' text '5\"'", "line 3 row 2 id '2' text 'q'"}},
      {"StrayQuoteInLongRow",
       "id,text\n1," + std::string(100, 'a') + "\"" + std::string(100, 'b') +
           "\n2,c\n",
       {"line 2 row 1 id '1' text '" + std::string(100, 'a') + "\"" +
            std::string(100, 'b') + "'",
        "line 3 row 2 id '2' text 'c'"}},
      {"Byte0xFDIsStillInvalid",
       "id,text\n1,a\xFD\n2,b\"\n",
       {"in.csv:2: invalid UTF-8 in column 'text' (save the file as UTF-8)",
        "line 3 row 2 id '2' text 'b\"'"}},
  });
}

// The number of rows (read or rejected) is the number Python's csv module
// reads from the same bytes (csv.reader, default dialect, blank lines
// dropped, header excluded), worked out by hand and checked with
// python3 -c 'import csv,sys; print(sum(1 for r in csv.reader(open(
// sys.argv[1], newline="")) if r) - 1)' FILE.
TEST(CsvReaderTest, RowCountsAreThoseOfPythonsCsvModule) {
  struct CountCase {
    const char* name;
    std::string input;
    size_t rows;
  };
  const CountCase kCases[] = {
      {"InchMark", "id,text\n1,65\" TV\n2,a\n3,b\n", 3},
      {"StrayThenBalanced", "id,text\n1,5\" x\n2,\"q, r\"\n3,b\n", 3},
      {"TextAfterClosingQuote", "id,text\n1,\"ab\"cd\n2,x\n", 2},
      {"QuotedThenStray", "id,text\n1,\"a\"b\"c\"\n2,x\n", 2},
      {"SpaceBeforeQuote", "id,text\n1, \"a,b\"\n2,x\n", 2},
      {"QuotedLineBreak", "id,text\n\"1\"x,\"y\nz\"\n2,w\n", 2},
      {"QuoteAtEnd", "id,text\n1,abc\"\n2,d\n", 2},
      {"DoubledInUnquoted", "id,text\n1,a\"\"b\n2,c\n", 2},
      {"UnclosedRunsToTheEnd", "id,text\n1,\"open\n2,b\n", 1},
      {"BlankLines", "id,text\n\n1,a\n\n2,b\n", 2},
      {"OnlyQuotes", "id,text\n\"\",\"\"\n\"\"\"\",\"\n\"\n", 2},
  };
  for (const CountCase& c : kCases) {
    SCOPED_TRACE(c.name);
    EXPECT_EQ(ReadAll(c.input).events.size(), c.rows);
    EXPECT_EQ(ReadAll(c.input, "text", "id", false, nullptr, CsvBuffers::kSmall)
                  .events.size(),
              c.rows);
  }
}

TEST(CsvReaderTest, EndlessHeaderIsRefusedAtTheRecordLimit) {
  for (const char filler : {'\0', 'x'}) {
    EndlessBuffer endless("", filler);
    std::istream in(&endless);
    try {
      CsvReader reader(in, "/dev/zero", "text", "id", false, nullptr,
                       CsvBuffers::kSmall);
      ADD_FAILURE() << "no error";
    } catch (const CsvError& e) {
      EXPECT_STREQ(e.what(),
                   "/dev/zero:1: header longer than 16 MiB (the limit is "
                   "16777215 bytes)");
    }
    EXPECT_LT(endless.given(), uint64_t{32} << 20);  // not read on to 1 GiB
  }
}

TEST(CsvReaderTest, EndlessRecordEndsTheReading) {
  EndlessBuffer endless("id,text\n1,a\n", 'x');
  std::istream in(&endless);
  CsvReader reader(in, "in.csv", "text", "id", false, nullptr,
                   CsvBuffers::kSmall);
  std::vector<std::string> events;
  CsvRow row;
  for (int i = 0; i < 5; ++i) {
    try {
      if (!reader.Next(&row)) break;
      events.push_back(Describe(row));
    } catch (const CsvInputError& e) {  // the input failed: no row
      events.push_back(std::string("input: ") + e.what());
    } catch (const CsvError& e) {
      events.push_back(e.what());
    }
  }
  EXPECT_EQ(events,
            (std::vector<std::string>{
                "line 2 row 1 id '1' text 'a'",
                "in.csv:3: record longer than 16 MiB (the limit is 16777215 "
                "bytes)",
                "input: in.csv:3: record of over 256 MiB: the reader stops "
                "(the limit is 16 MiB a record; is this a CSV file?)"}));
}

TEST(CsvReaderTest, CrOnlyLineEndsGetAHint) {
  const std::string hint =
      "in.csv:1: the header holds a carriage return (line ends are CR only: "
      "convert with tr '\\r' '\\n' < in.csv > fixed.csv)";
  EXPECT_EQ(HeaderError("id,text\r1,a\r2,b\r"), hint);
  EXPECT_EQ(HeaderError("text,id\rhello,1\r"), hint);  // text found first
  EXPECT_EQ(HeaderError("\"text\",id\rhello,1\r"), hint);
  // A CR inside quotes, or before a line end, is no line end.
  EXPECT_EQ(HeaderError("id,\"te\rxt\",text\r\n1,a,b\r\n"), "");
  EXPECT_EQ(HeaderError("id,text\r"), "");
}

TEST(CsvReaderTest, OffsetsAndLengths) {
  const std::string input = "\xEF\xBB\xBFid,text\r\n1,a\r\n2,\"b\nc\"\n3,d";
  const Outcome out = ReadAll(input);
  ASSERT_EQ(out.rows.size(), 3u);
  EXPECT_EQ(out.rows[0].offset, 12u);  // 3 (BOM) + 9 ("id,text\r\n")
  EXPECT_EQ(out.rows[0].length, 3u);
  EXPECT_EQ(out.rows[1].offset, 17u);
  EXPECT_EQ(out.rows[1].length, 7u);
  EXPECT_EQ(out.rows[2].offset, 25u);
  EXPECT_EQ(out.rows[2].length, 3u);
  EXPECT_EQ(out.rows[2].line, 5u);
  ExpectRecordsAgree(input, out);
}

TEST(CsvReaderTest, ColumnsByNameInAnyOrder) {
  const std::string input = "label,text,x,id\nL,hello,X,7\nM,bye,Y,8\n";
  const Outcome out = ReadAll(input);
  EXPECT_EQ(out.header, (std::vector<std::string>{"label", "text", "x", "id"}));
  EXPECT_TRUE(out.has_id);
  EXPECT_EQ(out.text_index, 1u);
  EXPECT_EQ(out.id_index, 3u);
  EXPECT_EQ(out.events,
            (std::vector<std::string>{"line 2 row 1 id '7' text 'hello'",
                                      "line 3 row 2 id '8' text 'bye'"}));
  ExpectRecordsAgree(input, out);
}

TEST(CsvReaderTest, QuotedColumnNames) {
  const std::string input = "\"i,d\",\"te\"\"xt\"\n1,a\n";
  const Outcome out = ReadAll(input, "te\"xt", "i,d", true);
  EXPECT_EQ(out.header, (std::vector<std::string>{"i,d", "te\"xt"}));
  EXPECT_EQ(out.events,
            (std::vector<std::string>{"line 2 row 1 id '1' text 'a'"}));
}

TEST(CsvReaderTest, WithoutIdColumn) {
  const std::string input = "text,label\na,x\nb,y\nc,z\n";
  const Outcome out = ReadAll(input, "text", "id", false);
  EXPECT_FALSE(out.has_id);
  EXPECT_EQ(out.text_index, 0u);
  EXPECT_EQ(out.events,
            (std::vector<std::string>{"line 2 row 1 id '' text 'a'",
                                      "line 3 row 2 id '' text 'b'",
                                      "line 4 row 3 id '' text 'c'"}));
  ExpectRecordsAgree(input, out);
}

TEST(CsvReaderTest, SingleColumnFile) {
  const std::string input = "text\na\n\"b,c\"\n";
  const Outcome out = ReadAll(input);
  EXPECT_FALSE(out.has_id);
  EXPECT_EQ(out.events,
            (std::vector<std::string>{"line 2 row 1 id '' text 'a'",
                                      "line 3 row 2 id '' text 'b,c'"}));
  ExpectRecordsAgree(input, out);
}

TEST(CsvReaderTest, SameColumnForTextAndId) {
  const Outcome out = ReadAll("x,text\n1,a\n", "text", "text", true);
  EXPECT_TRUE(out.has_id);
  EXPECT_EQ(out.id_index, 1u);
  EXPECT_EQ(out.events,
            (std::vector<std::string>{"line 2 row 1 id 'a' text 'a'"}));
}

TEST(CsvReaderTest, HeaderErrors) {
  struct HeaderCase {
    const char* name;
    std::string input;
    std::string text, id;
    bool id_required;
    std::string error;
  };
  const HeaderCase kCases[] = {
      {"Empty", "", "text", "id", false,
       "in.csv:1: empty input (expected a header row)"},
      {"OnlyBlankLines", "\n\r\n\n", "text", "id", false,
       "in.csv:1: empty input (expected a header row)"},
      {"OnlyByteOrderMark", "\xEF\xBB\xBF", "text", "id", false,
       "in.csv:1: empty input (expected a header row)"},
      {"NoTextColumn", "id,text,label\n1,a,b\n", "headline", "id", false,
       "in.csv:1: no column 'headline' (columns: id, text, label)"},
      {"QuotedNamesListedUnquoted", "\"id\",\"a,b\"\n", "text", "id", false,
       "in.csv:1: no column 'text' (columns: id, a,b)"},
      {"IdRequired", "text,label\na,b\n", "text", "id", true,
       "in.csv:1: no column 'id' (columns: text, label)"},
      {"AfterBlankLines", "\n\nid,title\n", "text", "id", false,
       "in.csv:3: no column 'text' (columns: id, title)"},
      {"AfterBlankCrlfLines", "\r\n\r\nid,title\r\n", "text", "id", false,
       "in.csv:3: no column 'text' (columns: id, title)"},
      {"UnclosedQuoteAfterBlankCrlfLines", "\r\n\r\nid,\"text\r\n1,a\r\n",
       "text", "id", false,
       "in.csv:3: unclosed quote (a quoted field never ends)"},
      {"DuplicateColumn", "id,text,id\n1,a,2\n", "text", "id", false,
       "in.csv:1: duplicate column 'id' (columns: id, text, id)"},
      {"DuplicateOtherColumn", "x,text,x\n", "text", "id", false,
       "in.csv:1: duplicate column 'x' (columns: x, text, x)"},
      // One line whatever the names hold: this message was two lines.
      {"LineBreakInAName", "\"a\nb\",\"c\r\x01\",d\x01\n", "text", "id", false,
       "in.csv:1: no column 'text' (columns: a\\nb, c\\r\\x01, d\\x01)"},
      {"LineBreakInADuplicate", "\"a\nb\",\"a\nb\"\n", "text", "id", false,
       "in.csv:1: duplicate column 'a\\nb' (columns: a\\nb, a\\nb)"},
      {"UnclosedQuote", "id,\"text\n1,a\n", "text", "id", false,
       "in.csv:1: unclosed quote (a quoted field never ends)"},
      {"Fine", "id,text\n", "text", "id", true, ""},
  };
  for (const HeaderCase& c : kCases) {
    SCOPED_TRACE(c.name);
    EXPECT_EQ(HeaderError(c.input, c.text, c.id, c.id_required), c.error);
  }
}

TEST(CsvReaderTest, FieldOfFiveMegabytes) {
  std::string big;
  size_t newlines = 0;
  for (size_t i = 0; big.size() < 5000000; ++i) {
    big += "word";
    if (i % 1000 == 0) {
      big += '\n';
      ++newlines;
    }
    if (i % 777 == 0) big += ", \"quoted\" ";
  }
  std::string escaped;
  for (char c : big) {
    escaped += c;
    if (c == '"') escaped += '"';
  }
  const std::string input = "id,text\n1,\"" + escaped + "\"\n2,after\n";
  const Outcome out = ReadAll(input);
  ASSERT_EQ(out.rows.size(), 2u);
  EXPECT_EQ(out.texts[0], big);
  EXPECT_EQ(out.rows[0].length, 4 + escaped.size());  // 1,"..."
  EXPECT_EQ(out.rows[1].line, 3 + newlines);
  EXPECT_EQ(out.texts[1], "after");
  ExpectRecordsAgree(input, out);
}

TEST(CsvReaderTest, RecordsOf16MiBOrMoreAreRejected) {
  constexpr size_t kLimit = (size_t{1} << 24) - 1;
  // At the limit (a CRLF does not count), one byte over, then a good row.
  const std::string input = "id,text\n1," + std::string(kLimit - 2, 'a') +
                            "\r\n2,\"" + std::string(kLimit - 3, 'b') +
                            "\"\n3,ok\n";
  const Outcome out = ReadAll(input);
  ASSERT_EQ(out.events.size(), 3u);
  EXPECT_EQ(out.rows.size(), 2u);
  EXPECT_EQ(out.texts[0], std::string(kLimit - 2, 'a'));
  EXPECT_EQ(out.rows[0].length, kLimit);
  EXPECT_EQ(out.events[1],
            "in.csv:3: record longer than 16 MiB (the limit is 16777215 "
            "bytes)");
  EXPECT_EQ(out.events[2], "line 4 row 3 id '3' text 'ok'");
  ExpectRecordsAgree(input, out);
}

// Plain bytes are swept in blocks of 64, aligned with the 64 KiB chunks read
// from where a sweep starts: the limit holds wherever the record starts.
TEST(CsvReaderTest, RecordsOf16MiBOrMoreAreRejectedWhereverTheyStart) {
  constexpr size_t kLimit = (size_t{1} << 24) - 1;
  for (const size_t pad : {size_t{0}, size_t{1}, size_t{62}, size_t{63}}) {
    SCOPED_TRACE("pad " + std::to_string(pad));
    // Record 2 starts at offset 64 + pad, record 3 at 2^24 + 65 + pad.
    const std::string input = "id,text\n1," + std::string(53 + pad, 'x') +
                              "\n2," + std::string(kLimit - 1, 'c') + "\n3," +
                              std::string(kLimit - 2, 'd') + "\n4,ok\n";
    const Outcome out = ReadAll(input);
    ASSERT_EQ(out.events.size(), 4u);
    EXPECT_EQ(out.events[1],
              "in.csv:3: record longer than 16 MiB (the limit is 16777215 "
              "bytes)");
    ASSERT_EQ(out.texts.size(), 3u);
    EXPECT_EQ(out.texts[1], std::string(kLimit - 2, 'd'));
    EXPECT_EQ(out.events[3], "line 5 row 4 id '4' text 'ok'");
  }
}

TEST(CsvReaderTest, LongRecordWithUnclosedQuoteReportsTheQuote) {
  const std::string input =
      "id,text\n1,ok\n2,\"" + std::string(size_t{1} << 24, 'a') + "\n\n3,x\n";
  const Outcome out = ReadAll(input);
  EXPECT_EQ(out.events,
            (std::vector<std::string>{
                "line 2 row 1 id '1' text 'ok'",
                "in.csv:3: unclosed quote (a quoted field never ends)"}));
}

// Over 32 MiB, fccp reads through a thread of its own: line numbers, offsets
// and errors must stay right across its buffer boundaries.
TEST(CsvReaderTest, LargeInputReadAhead) {
  std::string input = "text,id,x\n";
  std::vector<uint64_t> lines, offsets;
  std::vector<std::string> errors;
  uint64_t line = 2;
  for (int i = 0; input.size() < (size_t{45} << 20); ++i) {
    const std::string id = std::to_string(i);
    if (i % 50000 == 7) {
      errors.push_back("in.csv:" + std::to_string(line) +
                       ": row has 2 fields, the header has 3 (quote fields "
                       "that hold line breaks)");
      input += "bad," + id + "\n";
      ++line;
      continue;
    }
    lines.push_back(line);
    offsets.push_back(input.size());
    if (i % 3 == 0) {
      input += "\"headline " + id + "\nsecond, \"\"line\"\"\r\nthird\"," + id +
               ",x\r\n";
      line += 3;
    } else {
      input += "Headline number " + id + " says something," + id + ",\n";
      line += 1;
    }
  }
  std::istringstream in(input);
  std::ostringstream spool;
  CsvReader reader(in, "in.csv", "text", "id", true, &spool);
  CsvRow row;
  size_t good = 0;
  std::vector<std::string> got_errors;
  uint64_t number = 0;
  for (;;) {
    try {
      if (!reader.Next(&row)) break;
    } catch (const CsvError& e) {
      got_errors.push_back(e.what());
      ++number;
      continue;
    }
    ++number;
    ASSERT_LT(good, lines.size());
    ASSERT_EQ(row.line, lines[good]);
    ASSERT_EQ(row.number, number);
    ASSERT_EQ(row.offset, offsets[good]);
    const std::vector<std::string> fields =
        SplitRecord(std::string_view(input).substr(row.offset, row.length));
    ASSERT_EQ(fields.size(), 3u);
    ASSERT_EQ(fields[0], row.text);
    ASSERT_EQ(fields[1], row.id);
    ++good;
  }
  EXPECT_EQ(good, lines.size());
  EXPECT_EQ(got_errors, errors);
  EXPECT_TRUE(spool.str() == input);
}

TEST(CsvReaderTest, SpoolCopiesTheInput) {
  const std::string kInputs[] = {
      "", "id,text\n1,a\n", "\xEF\xBB\xBFid,text\r\n1,\"a\nb\"\r\n2,bad,x\n",
      "id,text\n1,\0\xFF\n"s, "id,text\n1,\"open\n"};
  for (const std::string& input : kInputs) {
    SCOPED_TRACE(input);
    std::istringstream in(input);
    std::ostringstream spool;
    try {
      CsvReader reader(in, "in.csv", "text", "id", false, &spool);
      CsvRow row;
      for (int i = 0; i < 100; ++i) {
        try {
          if (!reader.Next(&row)) break;
        } catch (const CsvError&) {
        }
      }
    } catch (const CsvError&) {
    }
    EXPECT_EQ(spool.str(), input);
  }
}

TEST(CsvReaderTest, SpoolFailureIsReportedAtTheEnd) {
  std::istringstream in("id,text\n1,a\n");
  std::ostream broken(nullptr);
  CsvReader reader(in, "in.csv", "text", "id", false, &broken);
  CsvRow row;
  ASSERT_TRUE(reader.Next(&row));
  EXPECT_EQ(row.text, "a");
  try {
    reader.Next(&row);
    FAIL() << "no error";
  } catch (const CsvInputError& e) {
    EXPECT_STREQ(e.what(),
                 "in.csv:3: cannot write the spool copy (is the disk full?)");
  }
  EXPECT_FALSE(reader.Next(&row));
}

TEST(CsvReaderTest, ReadFailureIsReportedAtTheEnd) {
  // The reader reads 64 KiB at a time; the failure hits the second read.
  std::string text = "id,text\n1,";
  text += std::string(65536 - text.size() - 1, 'a') + "\n";
  FailingBuffer buffer(text);
  std::istream in(&buffer);
  CsvReader reader(in, "in.csv", "text", "id", false);
  CsvRow row;
  ASSERT_TRUE(reader.Next(&row));
  EXPECT_EQ(row.text.size(), 65536u - 11);
  try {
    reader.Next(&row);
    FAIL() << "no error";
  } catch (const CsvInputError& e) {
    EXPECT_STREQ(e.what(),
                 "in.csv:3: cannot read the input (a read error ended it "
                 "early)");
  }
  EXPECT_FALSE(reader.Next(&row));
}

// Another delimiter, and every field of a row: a tab between fields, a
// comma inside one; quoted tabs, quotes and line breaks come back whole.
TEST(CsvReaderTest, DelimiterAndAllFields) {
  const std::string input =
      "id\ttext\tnote\n"
      "1\tA, b\t\"x\ty\"\n"
      "2\t\"He said \"\"no\"\"\"\t\"two\nlines\"\n"
      "3\ttoo\tmany\tfields\n";
  for (const CsvBuffers buffers : {CsvBuffers::kLarge, CsvBuffers::kSmall}) {
    std::istringstream in(input);
    CsvReader reader(in, "in.tsv", "text", "id", false, nullptr, buffers,
                     CsvLayout{'\t', true});
    EXPECT_EQ(reader.header(),
              (std::vector<std::string>{"id", "text", "note"}));
    CsvRow row;
    std::vector<std::vector<std::string>> rows;
    std::string error;
    for (;;) {
      try {
        if (!reader.Next(&row)) break;
      } catch (const CsvError& e) {
        error = e.what();
        continue;
      }
      rows.emplace_back(row.fields.begin(), row.fields.end());
      EXPECT_EQ(row.text, row.fields[1]);
    }
    EXPECT_EQ(rows, (std::vector<std::vector<std::string>>{
                        {"1", "A, b", "x\ty"},
                        {"2", "He said \"no\"", "two\nlines"}}));
    EXPECT_EQ(error,
              "in.tsv:5: row has 4 fields, the header has 3 (quote fields "
              "that hold tabs)");
  }
  // A kept field is checked as the text is.
  std::istringstream bad("text,note\nfine,\xFF\n");
  CsvReader reader(bad, "in.csv", "text", "id", false, nullptr,
                   CsvBuffers::kLarge, CsvLayout{',', true});
  CsvRow row;
  try {
    reader.Next(&row);
    FAIL() << "accepted invalid UTF-8 in a field";
  } catch (const CsvError& e) {
    EXPECT_EQ(std::string(e.what()),
              "in.csv:2: invalid UTF-8 in column 'note' (save the file as "
              "UTF-8)");
  }
}

TEST(SplitRecordTest, Fields) {
  struct SplitCase {
    const char* name;
    std::string record;
    std::vector<std::string> fields;
  };
  const SplitCase kCases[] = {
      {"Plain", "a,b,c", {"a", "b", "c"}},
      {"Empty", "", {""}},
      {"EmptyFields", ",,", {"", "", ""}},
      {"QuotedComma", "\"a,b\",c", {"a,b", "c"}},
      {"DoubledQuotes", "\"a\"\"b\",\"\"\"\"", {"a\"b", "\""}},
      {"EmptyQuoted", "\"\",x", {"", "x"}},
      {"LineBreaksInQuotes", "\"a\nb\",\"c\r\nd\"", {"a\nb", "c\r\nd"}},
      {"TrailingCr", "a,b\r", {"a", "b"}},
      {"TrailingCrAfterQuotes", "\"x\"\r", {"x"}},
      {"OnlyOneCrStripped", "a\r\r", {"a\r"}},
      {"CrInside", "a\rb", {"a\rb"}},
      {"SpacesKept", " a , \"b\" ", {" a ", " \"b\" "}},
      {"StrayQuotes", "He said \"hi\",x", {"He said \"hi\"", "x"}},
      {"TextAfterClosingQuote", "\"ab\"cd", {"\"ab\"cd"}},
      // Not one quoted section: as it stands.
      {"QuotedAndStray", "\"a\"b\"c\"", {"\"a\"b\"c\""}},
      {"StrayQuoteHidesNoComma", "a 5\" screen,b", {"a 5\" screen", "b"}},
      {"QuoteAfterSpaceIsStray", " \"a,b\"", {" \"a", "b\""}},
      {"DoubledQuotesUnquoted", "a\"\"b,\"\"", {"a\"\"b", ""}},
      // Not from CsvReader, which rejects it, but split all the same.
      {"UnclosedQuote", "a,\"b,c", {"a", "\"b,c"}},
  };
  for (const SplitCase& c : kCases) {
    SCOPED_TRACE(c.name);
    EXPECT_EQ(SplitRecord(c.record), c.fields);
  }
}

// The reader skips runs of ordinary bytes 16 at a time, and sweeps the
// rest of a file in blocks of 64: a byte it must look at is found at every
// place in such a run or block, whatever its alignment. Rows of every
// length up to a few blocks: commas inside quotes (no field) and outside
// (one too many), doubled quotes, line breaks inside quotes, control bytes
// that are plain, blank lines, across the ends of the 64 KiB chunks read.
TEST(CsvReaderTest, RowsOfEveryLengthAcrossChunkEnds) {
  std::string input = "id,text\n";
  size_t line = 2;
  std::vector<std::string> events, texts;
  for (size_t i = 0; input.size() < (size_t{3} << 16); ++i) {
    std::string text(i % 151, static_cast<char>('a' + i % 26));
    std::string field = text;
    if (i % 5 == 2) {  // control bytes, plain
      text += "\tand\x01\x0C";
      field += "\tand\x01\x0C";
    }
    if (i % 3 == 1) {
      text += ", and \"more\"";
      field = "\"" + field + ", and \"\"more\"\"\"";
    }
    if (i % 4 == 3) {
      text += "\nsaid";
      field = "\"";
      for (const char c : text) field += c == '"' ? "\"\"" : std::string(1, c);
      field += "\"";
    }
    if (i % 11 == 5) {
      input += std::to_string(i) + "," + field + ",x\n";
      events.push_back("in.csv:" + std::to_string(line) +
                       ": row has 3 fields, the header has 2 (quote fields "
                       "that hold commas)");
    } else {
      input += std::to_string(i) + "," + field + "\n";
      events.push_back("line " + std::to_string(line) + " row " +
                       std::to_string(events.size() + 1) + " id '" +
                       std::to_string(i) + "' text '" + text + "'");
      texts.push_back(text);
    }
    line += i % 4 == 3 ? size_t{2} : size_t{1};
    if (i % 7 == 0) {
      input += "\n";
      ++line;
    }
  }
  const Outcome out = ReadAll(input);
  EXPECT_EQ(out.texts, texts);
  EXPECT_EQ(out.events, events);
  ExpectRecordsAgree(input, out);
}

TEST(CsvReaderTest, SpecialBytesAreFoundAnywhereInALongRun) {
  // Small buffers: the case reads 1,359 inputs, and 48 MiB each is slow
  // wherever malloc fills what it gives (meson sets MALLOC_PERTURB_).
  const auto Read = [](const std::string& input) {
    return ReadAll(input, "text", "id", false, nullptr, CsvBuffers::kSmall);
  };
  // The row runs over two whole blocks and into a third (which is left to
  // the bytewise loop, as the input ends there).
  for (size_t k = 0; k <= 150; ++k) {
    SCOPED_TRACE("byte at " + std::to_string(k));
    const std::string a(k, 'a'), b(151 - k, 'b');  // b never empty
    const std::string last = "\n2,z\n";
    Outcome out = Read("id,text\n1," + a + "," + b + last);
    EXPECT_EQ(out.events,
              (std::vector<std::string>{
                  "in.csv:2: row has 3 fields, the header has 2 (quote fields "
                  "that hold commas)",
                  "line 3 row 2 id '2' text 'z'"}));
    out = Read("id,text\n1," + a + "\n2," + b + last);
    EXPECT_EQ(out.texts, (std::vector<std::string>{a, b, "z"}));
    out = Read("id,text\n1,\"" + a + "\"\"" + b + "\"" + last);
    EXPECT_EQ(out.texts, (std::vector<std::string>{a + "\"" + b, "z"}));
    out = Read("id,text\n1,\"" + a + "\n" + b + "\"" + last);
    EXPECT_EQ(out.texts, (std::vector<std::string>{a + "\n" + b, "z"}));
    EXPECT_EQ(out.events.back(), "line 4 row 2 id '2' text 'z'");
    out = Read("id,text\n1,\"" + a + "," + b + "\"" + last);
    EXPECT_EQ(out.texts, (std::vector<std::string>{a + "," + b, "z"}));
    out = Read("id,text\n1," + a + "\t" + b + last);
    EXPECT_EQ(out.texts, (std::vector<std::string>{a + "\t" + b, "z"}));
    out = Read("id,text\n1," + a + "\r" + b + last);
    EXPECT_EQ(out.texts, (std::vector<std::string>{a + "\r" + b, "z"}));
    out = Read("id,text\n1," + a + "\0"s + b + last);
    ASSERT_EQ(out.events.size(), 2u);
    EXPECT_EQ(out.events[0],
              "in.csv:2: NUL byte in column 'text' (text files hold none)");
    out = Read("id,text\n1," + a + "\xFF" + b + last);
    ASSERT_EQ(out.events.size(), 2u);
    EXPECT_EQ(out.events[0],
              "in.csv:2: invalid UTF-8 in column 'text' (save the file as "
              "UTF-8)");
  }
}

}  // namespace
}  // namespace credence
