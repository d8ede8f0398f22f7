// Ranking CSV rows: order, ties, --top, JSON lines, threads, bad rows.
#include "engine/rank/ranker.h"

#include <gtest/gtest.h>
#include <unistd.h>

#include <algorithm>
#include <atomic>
#include <cerrno>
#include <charconv>
#include <chrono>
#include <cmath>
#include <condition_variable>
#include <cstring>
#include <limits>
#include <mutex>
#include <nlohmann/json.hpp>
#include <random>
#include <sstream>
#include <stdexcept>
#include <string>
#include <thread>
#include <vector>

#include "engine/builtin_data.h"
#include "engine/csv/csv_reader.h"
#include "engine/csv/csv_record.h"
#include "engine/util/huge_pages.h"
#include "engine/util/radix_sort.h"
#include "engine/util/work_pool.h"
#include "tests/scratch_dir.h"
#include "tests/test_streams.h"

namespace credence {
namespace {

// Scores are pinned against the hand-set weights of models/prior.model
// (round numbers a reader can check), not the trained default model.
const Scorer& Default() {
  static const Scorer scorer(
      Extractor(DefaultLexicons()),
      LinearModel::LoadFile(CREDENCE_MODELS "/prior.model"));
  return scorer;
}

struct Ranked {
  std::string out, log;
  RankSummary summary;
};

Ranked Rank(const std::string& csv, RankOptions options = {}) {
  std::istringstream in(csv);
  StringRecordSource again(csv);
  std::ostringstream out, log;
  Ranked r;
  r.summary = RankCsv(in, "in.csv", again, options, Default(), out, log);
  r.out = out.str();
  r.log = log.str();
  return r;
}

// Scores with models/prior.model, features log(1 + s): an institution's
// confirmation of an arrest (bias 0.5, official_confirmation log 2 x 1.6,
// hard_news "Police" 0.5 + "arrest" 1: log 2.5 x 0.6, backing_institution
// 0.8: logit 2.959) 0.950678; no cue (0.5) 0.622459; one hedge (0.5 - 2 log
// 2) 0.291875; BREAKING (0.5 - 2.4 log 2 - 0.6) 0.146346.
const char kCsv[] =
    "id,headline,label\n"
    "a,Kim reportedly visits Russia,0\n"
    "b,\"Police confirmed the arrest, then left\",1\n"
    "c,Markets were calm,1\n"
    "d,BREAKING: Markets were calm,0\n";

TEST(RankerTest, HighestFirstWithBackingAndStrongestCue) {
  const Ranked r = Rank(kCsv);
  EXPECT_EQ(r.out,
            "rank,id,score,backing,cue_category,cue,text\n"
            "1,b,0.950678,institution,official_confirmation,Police "
            "confirmed,\"Police confirmed the arrest, then left\"\n"
            "2,c,0.622459,none,,,Markets were calm\n"
            "3,a,0.291875,none,hedge,reportedly,Kim reportedly visits Russia\n"
            "4,d,0.146346,social,unverified_social,BREAKING,BREAKING: Markets "
            "were calm\n");
  EXPECT_EQ(r.summary.read, 4u);
  EXPECT_EQ(r.summary.ranked, 4u);
  EXPECT_EQ(r.summary.rejected, 0u);
  EXPECT_EQ(r.log, "");
}

TEST(RankerTest, AscendingAndTop) {
  RankOptions asc;
  asc.ascending = true;
  const Ranked all = Rank(kCsv, asc);
  EXPECT_EQ(all.out.substr(0, all.out.find('\n', 44) + 1),
            "rank,id,score,backing,cue_category,cue,text\n"
            "1,d,0.146346,social,unverified_social,BREAKING,BREAKING: Markets "
            "were calm\n");
  RankOptions top;
  top.top = 2;
  const Ranked best = Rank(kCsv, top);
  EXPECT_EQ(best.out,
            "rank,id,score,backing,cue_category,cue,text\n"
            "1,b,0.950678,institution,official_confirmation,Police "
            "confirmed,\"Police confirmed the arrest, then left\"\n"
            "2,c,0.622459,none,,,Markets were calm\n");
  EXPECT_EQ(best.summary.ranked, 4u);  // every row is ranked, two are shown
  top.ascending = true;
  top.top = 1;
  EXPECT_EQ(Rank(kCsv, top).out,
            "rank,id,score,backing,cue_category,cue,text\n"
            "1,d,0.146346,social,unverified_social,BREAKING,BREAKING: Markets "
            "were calm\n");
}

TEST(RankerTest, TiesKeepInputOrderInBothDirections) {
  const std::string csv =
      "id,headline\nx,Same text\ny,Same text\nz,Same text\n";
  RankOptions o;
  for (const bool ascending : {false, true}) {
    for (const uint64_t top : {uint64_t{0}, uint64_t{2}}) {
      o.ascending = ascending;
      o.top = top;
      const std::string out = Rank(csv, o).out;
      SCOPED_TRACE(out);
      EXPECT_LT(out.find("1,x,"), out.find("2,y,"));
      EXPECT_EQ(out.find("3,z,") == std::string::npos, top == 2);
    }
  }
}

TEST(RankerTest, RowNumbersWithoutAnIdColumn) {
  const Ranked r = Rank("headline\nPlain one\nKim may go\n");
  EXPECT_NE(r.out.find("\n1,1,0.622459,"), std::string::npos) << r.out;
  EXPECT_NE(r.out.find("\n2,2,"), std::string::npos) << r.out;
}

TEST(RankerTest, JsonLinesCarryTheClaimObject) {
  RankOptions o;
  o.jsonl = true;
  const Ranked r = Rank(kCsv, o);
  std::istringstream lines(r.out);
  std::string line;
  std::vector<nlohmann::json> rows;
  while (std::getline(lines, line)) rows.push_back(nlohmann::json::parse(line));
  ASSERT_EQ(rows.size(), 4u);
  EXPECT_EQ(rows[0]["rank"], 1);
  EXPECT_EQ(rows[0]["id"], "b");
  EXPECT_NEAR(rows[0]["score"].get<double>(), 0.950678, 1e-6);
  EXPECT_EQ(rows[0]["claim"]["text"], "Police confirmed the arrest, then left");
  EXPECT_EQ(rows[0]["claim"]["backing"], "institution");
  EXPECT_EQ(rows[0]["claim"]["cues"][0]["text"], "Police confirmed");
  EXPECT_EQ(rows[0]["claim"]["cues"][0]["start"], 0);
  EXPECT_EQ(rows[3]["claim"]["cues"][0]["category"], "unverified_social");
}

TEST(RankerTest, SameOutputForAnyThreadCount) {
  std::string csv = "id,headline\n";
  const char* texts[] = {"Kim reportedly visits Russia",
                         "Police confirmed the arrest", "Markets were calm",
                         "BREAKING: sources say the deal is off",
                         "17 Reasons Why You Won't Believe This!"};
  for (int i = 0; i < 20000; ++i) {
    csv += "r" + std::to_string(i) + "," + texts[(i * 7) % 5] + "\n";
  }
  RankOptions o;
  o.threads = 1;
  const std::string one = Rank(csv, o).out;
  for (const unsigned threads : {2u, 3u, 8u}) {
    o.threads = threads;
    EXPECT_EQ(Rank(csv, o).out, one) << threads << " threads";
  }
  o.top = 100;
  const std::string top = Rank(csv, o).out;
  o.threads = 1;
  EXPECT_EQ(Rank(csv, o).out, top);
  // The --top output is the head of the full ranking.
  size_t at = 0;
  for (int line = 0; line < 101; ++line) at = one.find('\n', at) + 1;
  EXPECT_EQ(top, one.substr(0, at));
}

// Records are read again for output: quoted commas, doubled quotes, line
// breaks inside quotes, CRLF and a BOM must come back exactly.
TEST(RankerTest, RfcCornersSurviveTheRoundTrip) {
  const std::string csv =
      "\xEF\xBB\xBFid,headline\r\n"
      "q1,\"He said \"\"no\"\", then left\"\r\n"
      "q2,\"Two\r\nlines\"\r\n"
      "\"q,3\",Plain\r\n";
  for (const uint64_t top : {uint64_t{0}, uint64_t{3}}) {
    RankOptions o;
    o.top = top;
    const Ranked r = Rank(csv, o);
    SCOPED_TRACE(top);
    EXPECT_EQ(r.out,
              "rank,id,score,backing,cue_category,cue,text\n"
              "1,q1,0.825565,named,named_source,He said,\"He said \"\"no\"\", "
              "then left\"\n"
              "2,q2,0.622459,none,,,\"Two\r\nlines\"\n"
              "3,\"q,3\",0.622459,none,,,Plain\n");
  }
}

// Kept columns come after credence's own in every mode: the full ranking
// reads them again with the text, --top and input order keep them as they
// read. A value holding a comma, quotes or a line break is quoted again.
const char kKeepCsv[] =
    "id,headline,src\n"
    "a,Kim reportedly visits Russia,\"x, \"\"y\"\"\nz\"\n"
    "b,Police confirmed the arrest,plain\n";

TEST(RankerTest, KeptColumnsFollowCredencesOwn) {
  const std::string head = "rank,id,score,backing,cue_category,cue,text";
  const std::string b_row =
      ",b,0.950678,institution,official_confirmation,Police confirmed,"
      "Police confirmed the arrest";
  const std::string a_row =
      ",a,0.291875,none,hedge,reportedly,Kim reportedly visits Russia";
  const std::string a_src = ",\"x, \"\"y\"\"\nz\"";
  struct Case {
    const char* name;
    uint64_t top;
    bool input_order;
    bool all;
    std::string out;
  };
  const Case cases[] = {
      {"full", 0, false, false,
       head + ",src\n1" + b_row + ",plain\n2" + a_row + a_src + "\n"},
      {"top", 1, false, false, head + ",src\n1" + b_row + ",plain\n"},
      {"input order", 0, true, false,
       head + ",src\n1" + a_row + a_src + "\n2" + b_row + ",plain\n"},
      {"full, all", 0, false, true,
       head + ",id,headline,src\n1" + b_row + b_row.substr(0, 2) +
           ",Police confirmed the arrest,plain\n2" + a_row + ",a," +
           "Kim reportedly visits Russia" + a_src + "\n"},
      {"top, all", 1, false, true,
       head + ",id,headline,src\n1" + b_row +
           ",b,Police confirmed the arrest,plain\n"},
      {"input order, all", 0, true, true,
       head + ",id,headline,src\n1" + a_row +
           ",a,Kim reportedly visits Russia" + a_src + "\n2" + b_row +
           ",b,Police confirmed the arrest,plain\n"},
  };
  for (const Case& c : cases) {
    RankOptions o;
    o.top = c.top;
    o.input_order = c.input_order;
    if (c.all) {
      o.keep_all_columns = true;
    } else {
      o.keep_columns = {"src"};
    }
    EXPECT_EQ(Rank(kKeepCsv, o).out, c.out) << c.name;
  }
}

// In JSON lines the kept columns are a "columns" object, the last key:
// no kept name can clash with credence's keys.
TEST(RankerTest, KeptColumnsInJsonLinesAreAnObject) {
  const std::string brief_b =
      "{\"schema_version\":1,\"rank\":1,\"id\":\"b\",\"score\":0.950678,"
      "\"backing\":\"institution\",\"cue\":{\"category\":"
      "\"official_confirmation\",\"text\":\"Police confirmed\"},\"text\":"
      "\"Police confirmed the arrest\",\"columns\":{\"score\":\"plain\","
      "\"id\":\"b\"}}\n";
  const std::string kept_a =
      ",\"columns\":{\"score\":\"x, \\\"y\\\"\\nz\","
      "\"id\":\"a\"}}\n";
  const std::string csv = std::string(kKeepCsv).replace(12, 3, "score");
  for (const uint64_t top : {uint64_t{0}, uint64_t{1}}) {
    RankOptions o;
    o.jsonl = true;
    o.brief = true;
    o.top = top;
    o.keep_columns = {"score", "id"};
    const std::string out = Rank(csv, o).out;
    EXPECT_EQ(out.substr(0, brief_b.size()), brief_b) << top;
    EXPECT_EQ(out.size() == brief_b.size(), top == 1) << out;
    if (top == 0) {
      EXPECT_EQ(out.substr(out.size() - kept_a.size()), kept_a);
    }
  }
  RankOptions full;
  full.jsonl = true;
  full.input_order = true;
  full.keep_columns = {"src"};
  const std::string out = Rank(kKeepCsv, full).out;
  const nlohmann::json first =
      nlohmann::json::parse(out.substr(0, out.find('\n')));
  EXPECT_EQ(first["claim"]["text"], "Kim reportedly visits Russia");
  EXPECT_EQ(first["columns"], nlohmann::json({{"src", "x, \"y\"\nz"}}));
}

TEST(RankerTest, AKeptColumnTheHeaderLacksIsNamed) {
  for (const bool input_order : {false, true}) {
    RankOptions o;
    o.input_order = input_order;
    o.keep_columns = {"src", "nope"};
    std::istringstream in(kKeepCsv);
    StringRecordSource again(kKeepCsv);
    std::ostringstream out, log;
    try {
      RankCsv(in, "in.csv", again, o, Default(), out, log);
      FAIL() << "kept a column the file lacks";
    } catch (const KeptColumnError& e) {
      EXPECT_EQ(std::string(e.what()),
                "in.csv: --keep-columns names no column 'nope' (columns: id, "
                "headline, src)");
    }
    EXPECT_EQ(out.str(), "");
  }
}

// Another delimiter cuts the input and joins the CSV output: a comma is
// then text, and a value holding the delimiter is quoted.
TEST(RankerTest, DelimiterCutsTheInputAndJoinsTheOutput) {
  const std::string tsv =
      "id\theadline\tsrc\n"
      "a\tKim reportedly visits Russia\t\"tab\there\"\n"
      "b\tPolice confirmed the arrest, then left\tx,y\n";
  const std::string expected =
      "rank\tid\tscore\tbacking\tcue_category\tcue\ttext\tsrc\n"
      "1\tb\t0.950678\tinstitution\tofficial_confirmation\tPolice "
      "confirmed\tPolice confirmed the arrest, then left\tx,y\n"
      "2\ta\t0.291875\tnone\thedge\treportedly\tKim reportedly visits "
      "Russia\t\"tab\there\"\n";
  for (const uint64_t top : {uint64_t{0}, uint64_t{2}}) {
    RankOptions o;
    o.delimiter = '\t';
    o.top = top;
    o.keep_columns = {"src"};
    EXPECT_EQ(Rank(tsv, o).out, expected) << top;
  }
  RankOptions semicolon;
  semicolon.delimiter = ';';
  semicolon.input_order = true;
  EXPECT_EQ(Rank("headline;n\n\"a;b\";1\nPlain, text;2\n", semicolon).out,
            "rank;id;score;backing;cue_category;cue;text\n"
            "1;1;0.622459;none;;;\"a;b\"\n"
            "2;2;0.622459;none;;;Plain, text\n");
  RankOptions skip;
  skip.delimiter = '\t';
  skip.skip_bad_rows = true;
  const Ranked bad =
      Rank("id\theadline\na\tx\ty\nb\tMarkets were calm\n", skip);
  EXPECT_EQ(bad.log,
            "in.csv:2: row has 3 fields, the header has 2 (quote fields that "
            "hold tabs)\n");
  EXPECT_EQ(bad.out,
            "rank\tid\tscore\tbacking\tcue_category\tcue\ttext\n"
            "1\tb\t0.622459\tnone\t\t\tMarkets were calm\n");
}

// In input order the rank is the row's place in the output; ids default
// to row numbers, which count the rows skipped. Batches of one row on
// three threads write the same bytes as one thread.
TEST(RankerTest, InputOrderRanksByPlace) {
  const std::string csv =
      "headline\nMarkets were calm\nx,y\nKim reportedly visits Russia\n"
      "Police confirmed the arrest\n";
  RankOptions o;
  o.input_order = true;
  o.skip_bad_rows = true;
  o.batch_rows = 1;
  o.threads = 1;
  const Ranked one = Rank(csv, o);
  EXPECT_EQ(one.out,
            "rank,id,score,backing,cue_category,cue,text\n"
            "1,1,0.622459,none,,,Markets were calm\n"
            "2,3,0.291875,none,hedge,reportedly,Kim reportedly visits Russia\n"
            "3,4,0.950678,institution,official_confirmation,Police "
            "confirmed,Police confirmed the arrest\n");
  EXPECT_EQ(one.summary.rejected, 1u);
  o.threads = 3;
  EXPECT_EQ(Rank(csv, o).out, one.out);
}

// Reads a file descriptor a read() at a time, as std::cin reads a pipe.
class FdBuffer : public std::streambuf {
 public:
  explicit FdBuffer(int fd) : fd_(fd) {}

 protected:
  int_type underflow() override {
    ssize_t n;
    do {
      n = ::read(fd_, buffer_, sizeof buffer_);
    } while (n < 0 && errno == EINTR);
    if (n <= 0) return traits_type::eof();
    setg(buffer_, buffer_, buffer_ + n);
    return traits_type::to_int_type(buffer_[0]);
  }

 private:
  int fd_;
  char buffer_[4096];
};

// Output that signals each flush.
class FlushWatch : public std::stringbuf {
 public:
  // Whether a flush comes within `seconds`.
  bool WaitForFlush(int seconds) {
    std::unique_lock<std::mutex> lock(mutex_);
    return flushed_.wait_for(lock, std::chrono::seconds(seconds),
                             [this] { return flushes_ > 0; });
  }

 protected:
  int sync() override {
    std::lock_guard<std::mutex> lock(mutex_);
    ++flushes_;
    flushed_.notify_all();
    return 0;
  }

 private:
  std::mutex mutex_;
  std::condition_variable flushed_;
  int flushes_ = 0;
};

// In input order rows come out while the input is still open: the writer
// of a pipe waits (up to a minute, a liveness bound, not a timing) for
// ranked rows before it closes its end.
TEST(RankerTest, InputOrderWritesRowsBeforeTheInputEnds) {
  int fds[2];
  ASSERT_EQ(::pipe(fds), 0);
  std::string rows = "id,headline\n";
  for (int i = 0; i < 4000; ++i) {
    rows += std::to_string(i) + ",Police confirmed the arrest of a man\n";
  }
  FlushWatch watch;
  bool flushed_while_open = false;
  std::thread writer([&] {
    for (size_t at = 0; at < rows.size();) {
      const ssize_t n = ::write(fds[1], rows.data() + at, rows.size() - at);
      if (n <= 0) break;
      at += static_cast<size_t>(n);
    }
    flushed_while_open = watch.WaitForFlush(60);
    ::close(fds[1]);
  });
  FdBuffer buffer(fds[0]);
  std::istream in(&buffer);
  std::ostream out(&watch);
  StringRecordSource unused("");
  std::ostringstream log;
  RankOptions o;
  o.input_order = true;
  o.batch_rows = 16;
  o.threads = 2;
  const RankSummary summary =
      RankCsv(in, "pipe", unused, o, Default(), out, log);
  writer.join();
  ::close(fds[0]);
  EXPECT_TRUE(flushed_while_open);
  EXPECT_EQ(summary.ranked, 4000u);
  const std::string written = watch.str();
  EXPECT_EQ(std::count(written.begin(), written.end(), '\n'), 4001);
}

TEST(RankerTest, FirstBadRowStopsTheRun) {
  const std::string csv =
      "id,headline\na,Fine\nb,Too,many,fields\nc,Fine too\n";
  std::istringstream in(csv);
  StringRecordSource again(csv);
  std::ostringstream out, log;
  try {
    RankCsv(in, "in.csv", again, RankOptions{}, Default(), out, log);
    FAIL() << "accepted a bad row";
  } catch (const CsvError& e) {
    EXPECT_EQ(std::string(e.what()).substr(0, 9), "in.csv:3:");
  }
  EXPECT_EQ(out.str(), "");
}

TEST(RankerTest, SkippedBadRowsAreReportedAndCounted) {
  RankOptions o;
  o.skip_bad_rows = true;
  const Ranked r =
      Rank("id,headline\na,Fine\nb,Too,many,fields\nc,\"unclosed\nd,x\n", o);
  EXPECT_EQ(r.summary.read, r.summary.ranked + r.summary.rejected);
  EXPECT_EQ(r.summary.ranked, 1u);
  EXPECT_EQ(r.summary.rejected, 2u);
  std::istringstream log(r.log);
  std::string first, second;
  std::getline(log, first);
  std::getline(log, second);
  EXPECT_EQ(first.substr(0, 9), "in.csv:3:");
  EXPECT_EQ(second.substr(0, 9), "in.csv:4:");
  EXPECT_NE(r.out.find("1,a,"), std::string::npos);
}

// An inch mark is text: every row after it is ranked, and written back
// with the quote doubled inside a quoted field. (The extractor takes the
// lone quote for a quotation the claim's edge cuts: 0.740478 is the
// scorer's figure for that row; what matters here is that it is there.)
TEST(RankerTest, StrayQuotesHideNoRows) {
  RankOptions o;
  o.skip_bad_rows = true;
  for (const CsvBuffers buffers : {CsvBuffers::kLarge, CsvBuffers::kSmall}) {
    o.csv_buffers = buffers;
    const Ranked r = Rank(
        "id,headline\n1,Samsung 65\" TV drops\n2,Markets were calm\n"
        "3,\"Police confirmed the arrest, then left\"\n",
        o);
    EXPECT_EQ(r.summary.read, 3u);
    EXPECT_EQ(r.summary.ranked, 3u);
    EXPECT_EQ(r.summary.rejected, 0u);
    EXPECT_EQ(r.log, "");
    EXPECT_EQ(r.out,
              "rank,id,score,backing,cue_category,cue,text\n"
              "1,3,0.950678,institution,official_confirmation,Police confirmed,"
              "\"Police confirmed the arrest, then left\"\n"
              "2,1,0.740478,none,quotation,\"Samsung 65\"\"\",\"Samsung "
              "65\"\" TV drops\"\n"
              "3,2,0.622459,none,,,Markets were calm\n");
  }
}

// A failed input is no bad row to skip: the run stops, output-less, and
// the rows before the failure are not counted as a rejected one.
TEST(RankerTest, AFailedReadStopsEvenASkippingRun) {
  std::string csv = "id,headline\n1,";
  csv += std::string(65536 - csv.size() - 1, 'a') + "\n";  // the first read
  FailingBuffer buffer(csv);
  std::istream in(&buffer);
  StringRecordSource again(csv);
  std::ostringstream out, log;
  RankOptions o;
  o.skip_bad_rows = true;
  try {
    RankCsv(in, "in.csv", again, o, Default(), out, log);
    FAIL() << "no error";
  } catch (const CsvInputError& e) {
    EXPECT_STREQ(e.what(),
                 "in.csv:3: cannot read the input (a read error ended it "
                 "early)");
  }
  EXPECT_EQ(out.str(), "");
  EXPECT_EQ(log.str(), "");
}

TEST(RankerTest, MissingColumnListsTheHeader) {
  const std::string csv = "id,title\na,x\n";
  std::istringstream in(csv);
  StringRecordSource again(csv);
  std::ostringstream out, log;
  try {
    RankCsv(in, "in.csv", again, RankOptions{}, Default(), out, log);
    FAIL() << "accepted";
  } catch (const CsvError& e) {
    EXPECT_STREQ(e.what(),
                 "in.csv:1: no column 'headline' (columns: id, title)");
  }
}

// Splits CSV output into lines (no field holds a line break here).
std::vector<std::string> Lines(const std::string& text) {
  std::vector<std::string> lines;
  std::istringstream in(text);
  for (std::string line; std::getline(in, line);) lines.push_back(line);
  return lines;
}

// Many equal scores spread over many batches and windows: tiny batches and
// windows must give the same bytes as the defaults, on any thread count.
TEST(RankerTest, TiesAcrossBatchAndWindowBoundaries) {
  std::string csv = "id,headline\n";
  const char* texts[] = {"Markets were calm", "Kim reportedly visits Russia",
                         "Police confirmed the arrest", "Markets were calm"};
  for (int i = 0; i < 103; ++i) {
    csv += "r" + std::to_string(i) + "," + texts[(i * 5) % 4] + "\n";
  }
  for (const bool ascending : {false, true}) {
    RankOptions o;
    o.ascending = ascending;
    const std::string expected = Rank(csv, o).out;
    // Equal scores keep input order: ids rise within each score.
    const std::vector<std::string> lines = Lines(expected);
    ASSERT_EQ(lines.size(), 104u);
    for (size_t i = 2; i < lines.size(); ++i) {
      const auto field = [](const std::string& line, int n) {
        std::istringstream in(line);
        std::string f;
        for (int k = 0; k <= n; ++k) std::getline(in, f, ',');
        return f;
      };
      const double a = std::stod(field(lines[i - 1], 2));
      const double b = std::stod(field(lines[i], 2));
      EXPECT_TRUE(ascending ? a <= b : a >= b) << i;
      if (a == b) {
        EXPECT_LT(std::stoi(field(lines[i - 1], 1).substr(1)),
                  std::stoi(field(lines[i], 1).substr(1)))
            << i;
      }
    }
    for (const unsigned threads : {1u, 2u, 4u}) {
      for (const size_t batch : {size_t{1}, size_t{3}, size_t{50}}) {
        for (const size_t window : {size_t{1}, size_t{5}, size_t{64}}) {
          o.threads = threads;
          o.batch_rows = batch;
          o.window_rows = window;
          EXPECT_EQ(Rank(csv, o).out, expected)
              << threads << " threads, batches of " << batch << ", windows of "
              << window;
        }
      }
    }
  }
}

// The full ranking reads its records again and writes them out itself;
// --top writes the strings the parser gave. Both must agree on every
// corner of quoting.
TEST(RankerTest, RecordsReadAgainMatchTheParsedFields) {
  const std::string csv =
      "\xEF\xBB\xBFid,headline,extra\r\n"
      "q1,\"He said \"\"no\"\", then left\",\"x,y\"\r\n"
      "q2,\"Two\r\nlines\",z\r\n"
      "\"q,3\",Plain,\r\n"
      "q4,\"a\"b\"c\",\"\"\"\"\r\n"  // quotes not doubled inside quotes
      "q5,5\" wide \"screen,w\r\n"   // stray quotes in an unquoted field
      "\"q6\",reportedly,\"\"\r\n"
      "q7,\"\"\"Quoted\"\" at start\",\"x\"\r\n"
      "q8,\"plain in quotes\",\r\n"
      "q9,cr\rinside,z\r\n"
      "\"q\"\"10\",\"cr then CRLF\",e\r\r\n"
      "q11,\"BREAKING: \"\"x\"\"\",e\r\n";
  RankOptions o;
  o.top = 100;
  const Ranked top = Rank(csv, o);
  ASSERT_EQ(top.summary.ranked, 11u) << top.log;
  for (const unsigned threads : {1u, 3u}) {
    o.top = 0;
    o.threads = threads;
    o.batch_rows = 2;
    o.window_rows = 3;
    const Ranked full = Rank(csv, o);
    EXPECT_EQ(full.out, top.out) << threads << " threads";
    EXPECT_EQ(full.log, top.log);
  }
  o.jsonl = true;
  o.top = 100;
  const std::string top_json = Rank(csv, o).out;
  o.top = 0;
  EXPECT_EQ(Rank(csv, o).out, top_json);
}

// Without an id column the id is the row number, rejected rows counted.
TEST(RankerTest, RowNumbersCountSkippedRows) {
  std::string csv = "headline,label\n";
  for (int i = 1; i <= 40; ++i) {
    csv += i % 7 == 3 || i == 1 || i == 2 || i == 40 ? "bad,row,here\n"
                                                     : "Same text,1\n";
  }
  RankOptions o;
  o.skip_bad_rows = true;
  o.batch_rows = 4;
  o.window_rows = 5;
  o.threads = 2;
  const Ranked r = Rank(csv, o);
  std::vector<std::string> expected = {
      "rank,id,score,backing,cue_category,cue,text"};
  int rank = 0;
  for (int i = 1; i <= 40; ++i) {
    if (i % 7 == 3 || i == 1 || i == 2 || i == 40) continue;
    expected.push_back(std::to_string(++rank) + "," + std::to_string(i) +
                       ",0.622459,none,,,Same text");
  }
  EXPECT_EQ(Lines(r.out), expected);
  EXPECT_EQ(r.summary.rejected, 9u);
}

// Records read again, for the checks below: each read's offset, and a
// failure at the `fail_at`th read (1-based; 0: never).
class CountingSource : public RecordSource {
 public:
  CountingSource(std::string_view input, size_t fail_at)
      : input_(input), fail_at_(fail_at) {}
  std::string_view Read(uint64_t offset, uint64_t length) override {
    offsets.push_back(offset);
    if (offsets.size() == fail_at_) throw std::runtime_error("gone");
    return input_.Read(offset, length);
  }
  std::vector<uint64_t> offsets;

 private:
  StringRecordSource input_;
  size_t fail_at_;
};

// ReadFrom() gives at least the bytes asked for, from the offset asked for,
// and then whatever else it holds (for a file, the rest of a 1 MiB block):
// from the start, across a block's end, for a record longer than a block,
// and to the end of the input; past the end it throws.
TEST(RankerTest, RecordSourcesGiveTheBytesFromAnOffset) {
  std::string input;
  std::mt19937 random(5);
  input.resize((size_t{5} << 20) / 2);  // two and a half blocks
  for (char& c : input) c = static_cast<char>('a' + random() % 26);
  ScratchDir dir("credence_ranker_test");
  FileRecordSource file(dir.Write("in.csv", input));
  StringRecordSource string(input);
  const size_t kBlock = size_t{1} << 20;
  const std::pair<size_t, size_t> kReads[] = {{0, 10},
                                              {5, 100},
                                              {kBlock - 3, 7},
                                              {kBlock + 1, 2},
                                              {100, 3 * kBlock / 2},
                                              {input.size() - 4, 4},
                                              {input.size(), 0},
                                              {7, 7}};
  for (const auto& [offset, length] : kReads) {
    for (RecordSource* source : {static_cast<RecordSource*>(&file),
                                 static_cast<RecordSource*>(&string)}) {
      const std::string_view from = source->ReadFrom(offset, length);
      ASSERT_GE(from.size(), length) << offset;
      EXPECT_EQ(from, std::string_view(input).substr(offset, from.size()))
          << offset;
      EXPECT_EQ(source->Read(offset, length),
                std::string_view(input).substr(offset, length))
          << offset;
    }
  }
  EXPECT_THROW(file.ReadFrom(input.size() - 2, 3), std::runtime_error);
  EXPECT_THROW(string.ReadFrom(input.size() - 2, 3), std::runtime_error);
}

// The next window's records are read while the current one is formatted:
// each window's in file order, every record once, and a failed read ends
// the run with its error wherever in the pipeline it happens. The first
// window is a quarter of the others (at least a row), so that formatting
// starts early.
TEST(RankerTest, WindowsAreReadAgainInFileOrderOneAtATime) {
  std::string csv = "id,headline\n";
  const char* texts[] = {"Kim reportedly visits Russia", "Markets were calm",
                         "Police confirmed the arrest"};
  for (int i = 0; i < 23; ++i) {
    csv += "r" + std::to_string(i) + "," + texts[(i * 5) % 3] + "\n";
  }
  struct Case {
    size_t window;
    unsigned threads;
    size_t fail_at;  // 0: no failure
  };
  const Case cases[] = {{5, 1, 0},  {5, 2, 0},  {5, 4, 0},  {1, 3, 0},
                        {64, 2, 0}, {5, 1, 7},  {5, 2, 7},  {5, 4, 23},
                        {1, 2, 2},  {64, 2, 1}, {4, 3, 12}, {23, 2, 23}};
  RankOptions o;
  o.batch_rows = 2;
  const std::string expected = Rank(csv, o).out;
  for (const Case& c : cases) {
    o.window_rows = c.window;
    o.threads = c.threads;
    std::istringstream in(csv);
    CountingSource again(csv, c.fail_at);
    std::ostringstream out, log;
    const std::string label = std::to_string(c.window) + " rows a window, " +
                              std::to_string(c.threads) + " threads, fail at " +
                              std::to_string(c.fail_at);
    if (c.fail_at > 0) {
      EXPECT_THROW(
          {
            try {
              RankCsv(in, "in.csv", again, o, Default(), out, log);
            } catch (const std::runtime_error& e) {
              EXPECT_STREQ(e.what(), "gone") << label;
              throw;
            }
          },
          std::runtime_error)
          << label;
      continue;
    }
    RankCsv(in, "in.csv", again, o, Default(), out, log);
    EXPECT_EQ(out.str(), expected) << label;
    ASSERT_EQ(again.offsets.size(), 23u) << label;
    // Windows start at ranks 0, first, first + window, ...
    const size_t first = std::max<size_t>(1, c.window / 4);
    for (size_t i = 1; i < again.offsets.size(); ++i) {
      if (i != first && (i < first || (i - first) % c.window != 0)) {
        EXPECT_LT(again.offsets[i - 1], again.offsets[i]) << label << " " << i;
      }
    }
    std::vector<uint64_t> sorted = again.offsets;
    std::sort(sorted.begin(), sorted.end());
    EXPECT_EQ(std::adjacent_find(sorted.begin(), sorted.end()), sorted.end())
        << label;
  }
}

TEST(RadixSortTest, OrderKeyOrdersDoubles) {
  const double values[] = {-std::numeric_limits<double>::infinity(),
                           -1e300,
                           -1.5,
                           -std::numeric_limits<double>::denorm_min(),
                           0.0,
                           std::numeric_limits<double>::denorm_min(),
                           0.25,
                           0.5,
                           0.5000000000000001,
                           1.0,
                           1e300,
                           std::numeric_limits<double>::infinity()};
  for (const double a : values) {
    for (const double b : values) {
      EXPECT_EQ(OrderKey(a) < OrderKey(b), a < b) << a << " " << b;
    }
  }
  EXPECT_EQ(OrderKey(-0.0), OrderKey(0.0));
}

TEST(RadixSortTest, StableLikeStableSort) {
  std::mt19937_64 random(42);
  for (const size_t n :
       {size_t{0}, size_t{1}, size_t{2}, size_t{1000}, size_t{50000}}) {
    for (const uint64_t mask : {~uint64_t{0}, uint64_t{0xFF},
                                uint64_t{0xF0F0000000000000}, uint64_t{0}}) {
      std::vector<KeyedIndex> items(n);
      for (size_t i = 0; i < n; ++i) items[i] = {random() & mask, i};
      std::vector<KeyedIndex> expected = items;
      std::stable_sort(expected.begin(), expected.end(),
                       [](const KeyedIndex& a, const KeyedIndex& b) {
                         return a.key < b.key;
                       });
      std::vector<KeyedIndex> scratch;
      RadixSort(&items, &scratch);
      ASSERT_EQ(items.size(), n);
      for (size_t i = 0; i < n; ++i) {
        ASSERT_EQ(items[i].key, expected[i].key) << n << " " << i;
        ASSERT_EQ(items[i].index, expected[i].index) << n << " " << i;
      }
    }
  }
}

// The huge-page hint is advice only: no byte changes, whatever the range
// (a wrong madvise flag, such as MADV_DONTNEED, would zero the pages).
TEST(HugePagesTest, AdviceChangesNoByte) {
  std::vector<uint64_t> values;
  ResizeHuge(&values, 3);
  EXPECT_EQ(values, (std::vector<uint64_t>{0, 0, 0}));
  values = {7, 8, 9};
  const size_t n = (size_t{6} << 20) / sizeof(uint64_t);  // 6 MiB
  ResizeHuge(&values, n);  // grows: the old values stay, the new are zero
  ASSERT_EQ(values.size(), n);
  EXPECT_EQ(values[0], 7u);
  EXPECT_EQ(values[2], 9u);
  EXPECT_EQ(values[3], 0u);
  EXPECT_EQ(values[n - 1], 0u);
  for (size_t i = 0; i < n; ++i) values[i] = i * 2654435761u;
  for (const size_t offset : {size_t{0}, size_t{1}, size_t{4095}}) {
    for (const size_t bytes : {size_t{0}, size_t{1}, kHugePageBytes - 1,
                               kHugePageBytes, size_t{5} << 20}) {
      AdviseHugePages(reinterpret_cast<char*>(values.data()) + offset, bytes);
    }
  }
  for (size_t i = 0; i < n; ++i) ASSERT_EQ(values[i], i * 2654435761u) << i;
  ResizeHuge(&values, 10);  // shrinks like resize()
  ResizeHuge(&values, n);
  for (size_t i = 0; i < 10; ++i) ASSERT_EQ(values[i], i * 2654435761u) << i;
  for (size_t i = 10; i < n; ++i) ASSERT_EQ(values[i], 0u) << i;
}

TEST(WorkPoolTest, EveryJobRunsOnceOnAnyNumberOfWorkers) {
  for (const unsigned workers : {0u, 1u, 3u}) {
    WorkPool pool(workers);
    std::vector<WorkPool::Job> jobs(50);
    std::vector<std::atomic<int>> runs(jobs.size());
    for (int round = 0; round < 3; ++round) {  // jobs are reused
      for (size_t i = 0; i < jobs.size(); ++i) {
        jobs[i].run = [&runs, i] { ++runs[i]; };
        pool.Submit(&jobs[i]);
      }
      for (size_t i = jobs.size(); i-- > 0;) pool.Wait(&jobs[i]);
    }
    for (const std::atomic<int>& r : runs) EXPECT_EQ(r.load(), 3) << workers;
  }
}

TEST(WorkPoolTest, WaitRethrowsAndDroppedJobsNeverRun) {
  std::atomic<int> ran{0};
  std::vector<WorkPool::Job> jobs(20);
  {
    WorkPool pool(0);  // nothing runs until someone waits
    WorkPool::Job failing;
    failing.run = [] { throw std::runtime_error("boom"); };
    pool.Submit(&failing);
    EXPECT_THROW(pool.Wait(&failing), std::runtime_error);
    for (WorkPool::Job& job : jobs) {
      job.run = [&ran] { ++ran; };
      pool.Submit(&job);
    }
  }
  EXPECT_EQ(ran.load(), 0);
}

TEST(CsvRecordTest, RawFieldsAndTheirValues) {
  std::vector<std::string_view> raw;
  EXPECT_TRUE(SplitRawRecord("a,b,,c", &raw));
  EXPECT_EQ(raw, (std::vector<std::string_view>{"a", "b", "", "c"}));
  EXPECT_FALSE(SplitRawRecord("a,b\r", &raw));  // the CR is no part of b
  EXPECT_EQ(raw, (std::vector<std::string_view>{"a", "b"}));
  EXPECT_FALSE(SplitRawRecord("a\rb,c", &raw));
  EXPECT_FALSE(SplitRawRecord("x,\"a,\"\"b\"\"\",c", &raw));
  ASSERT_EQ(raw.size(), 3u);
  std::string scratch;
  EXPECT_EQ(FieldValue(raw[1], &scratch), "a,\"b\"");
  EXPECT_EQ(FieldValue("\"plain\"", &scratch), "plain");
  EXPECT_EQ(FieldValue("5\" screen", &scratch), "5\" screen");
  // Not one quoted section (text after the closing quote): as it stands.
  EXPECT_EQ(FieldValue("\"a\"b\"c\"", &scratch), "\"a\"b\"c\"");
  EXPECT_EQ(FieldValue("\"a\"b", &scratch), "\"a\"b");
}

TEST(CsvRecordTest, DoubledQuotesAreUndoneWherever) {
  const std::pair<std::string, std::string> kCases[] = {
      {"\"\"\"\"", "\""},
      {"\"\"\"\"\"\"", "\"\""},
      {"\"a\"\"\"", "a\""},
      {"\"\"\"a\"", "\"a"},
      {"\"a\"\"b\"\"c\"", "a\"b\"c"},
      {"\"\"", ""},
      {"\"a,\nb\"", "a,\nb"},
      {"\"", "\""},
  };
  std::string scratch;
  for (const auto& [raw, value] : kCases) {
    EXPECT_EQ(FieldValue(raw, &scratch), value) << raw;
  }
}

// FindSpecial() looks at 16 bytes a step, the last 16 again when the size
// is no multiple of 16, and at shorter values a byte at a time: each
// special byte at each place, for sizes around those steps.
TEST(CsvRecordTest, SpecialBytesAreFoundWhereverTheyAre) {
  for (size_t size = 0; size <= 50; ++size) {
    const std::string plain(size, 'a');
    EXPECT_EQ(FindSpecial(plain), size);
    EXPECT_FALSE(NeedsQuotes(plain));
    for (size_t at = 0; at < size; ++at) {
      for (const char special : {',', '"', '\r', '\n'}) {
        std::string value = plain;
        value[at] = special;
        EXPECT_EQ(FindSpecial(value), at) << size << " " << at;
        EXPECT_TRUE(NeedsQuotes(value));
        // A later special byte changes nothing; high bytes are no special.
        value.back() = special;
        EXPECT_EQ(FindSpecial(value), at) << size << " " << at;
        value =
            std::string(at, '\xC3') + special + std::string(size - at - 1, 'x');
        EXPECT_EQ(FindSpecial(value), at) << size << " " << at;
      }
    }
  }
}

// FindRawFields() finds the fields SplitRawRecord() finds, stopping after
// those asked for; `simple` says a field holds no quote, CR or LF.
TEST(CsvRecordTest, RawFieldsAreFoundAsSplitFindsThem) {
  std::vector<std::string> records = {"",
                                      "a",
                                      "a,b",
                                      "a,b,",
                                      ",",
                                      "a,b\r",
                                      "a\rb,c",
                                      "\"a,b\",c",
                                      "x,\"\"\"\"",
                                      "5\" screen,x\"",
                                      "\"open",
                                      "a,\"b\r\n,c",
                                      "\"a\"\"b\",\"c\"",
                                      "\r",
                                      "a,\r"};
  std::mt19937 random(11);
  const char kBytes[] = {'a', 'b', ',', '"', '\r', '\n'};
  for (int i = 0; i < 20000; ++i) {
    std::string record(random() % 40, 'a');
    for (char& c : record) c = kBytes[random() % sizeof kBytes];
    records.push_back(record);
  }
  for (const std::string& record : records) {
    std::vector<std::string_view> split;
    SplitRawRecord(record, &split);
    for (size_t count = 1; count <= split.size() + 1; ++count) {
      std::vector<RawField> found(count);
      const size_t n = FindRawFields(record, count, found.data());
      ASSERT_EQ(n, std::min(count, split.size())) << record;
      for (size_t f = 0; f < n; ++f) {
        EXPECT_EQ(found[f].raw, split[f]) << record;
        EXPECT_EQ(found[f].simple,
                  found[f].raw.find_first_of("\"\r\n") == std::string::npos)
            << record;
      }
    }
  }
}

// Counting up one at a time gives the digits to_chars gives, across the
// places where a digit is added.
TEST(CsvRecordTest, DecimalCounterCountsAsToCharsWrites) {
  const uint64_t kStarts[] = {
      0,   1,    8,      9,      98,          99,
      999, 1099, 999990, 123456, 99999999999, 18446744073709551610u};
  for (const uint64_t start : kStarts) {
    DecimalCounter counter(start);
    for (uint64_t n = start;; ++n, counter.Increment()) {
      ASSERT_EQ(counter.digits(), std::to_string(n)) << start;
      char out[DecimalCounter::kMaxDigits + 1];
      out[DecimalCounter::kMaxDigits] = '!';
      EXPECT_EQ(std::string(out, counter.Put(out)), std::to_string(n));
      EXPECT_EQ(out[DecimalCounter::kMaxDigits], '!');  // writes no more
      if (n - start == 20 || n == std::numeric_limits<uint64_t>::max()) break;
    }
  }
  DecimalCounter counter(std::numeric_limits<uint64_t>::max());
  counter.Increment();
  EXPECT_EQ(counter.digits(), "18446744073709551616");  // past 2^64 - 1
}

TEST(CsvRecordTest, FieldsAreQuotedOnlyWhenTheyMustBe) {
  const std::pair<std::string, std::string> kCases[] = {
      {"plain", "plain"},   {"", ""},
      {"a,b", "\"a,b\""},   {"say \"hi\"", "\"say \"\"hi\"\"\""},
      {"\"", "\"\"\"\""},   {"two\nlines", "\"two\nlines\""},
      {"cr\r", "\"cr\r\""}, {"caf\xC3\xA9", "caf\xC3\xA9"},
  };
  for (const auto& [value, csv] : kCases) {
    std::string out = "x";
    AppendCsvField(value, &out);
    EXPECT_EQ(out, "x" + csv);
  }
}

// With another delimiter, that byte is what needs quotes, and a comma is
// text; fields are cut at it.
TEST(CsvRecordTest, TheDelimiterIsAParameter) {
  const struct {
    char delimiter;
    std::string value, csv;
  } kCases[] = {
      {'\t', "a,b", "a,b"},
      {'\t', "a\tb", "\"a\tb\""},
      {';', "a;b", "\"a;b\""},
      {';', "a,b", "a,b"},
      {'\t', "say \"hi\"", "\"say \"\"hi\"\"\""},
      {'|', "x\ny", "\"x\ny\""},
  };
  for (const auto& c : kCases) {
    std::string out;
    AppendCsvField(c.value, &out, c.delimiter);
    EXPECT_EQ(out, c.csv) << c.value;
    // Long enough for FindSpecial's 16-byte steps.
    const std::string padded = std::string(20, 'p') + c.value;
    EXPECT_EQ(NeedsQuotes(padded, c.delimiter), c.csv != c.value) << c.value;
  }
  EXPECT_EQ(SplitRecord("a\t\"b\tc\"\td,e", '\t'),
            (std::vector<std::string>{"a", "b\tc", "d,e"}));
  RawField fields[3];
  EXPECT_EQ(FindRawFields("x;\"y;z\";w", 3, fields, ';'), 3u);
  EXPECT_EQ(fields[1].raw, "\"y;z\"");
  EXPECT_FALSE(fields[1].simple);
  EXPECT_TRUE(fields[2].simple);
  const std::pair<char, bool> kDelimiters[] = {
      {',', true},  {'\t', true},  {';', true},   {'|', true},    {' ', true},
      {'"', false}, {'\n', false}, {'\r', false}, {'\0', false},  {'a', false},
      {'7', false}, {'.', false},  {'_', false},  {'\xFF', false}};
  for (const auto& [byte, accepted] : kDelimiters) {
    EXPECT_EQ(IsCsvDelimiter(byte), accepted) << static_cast<int>(byte);
  }
}

TEST(CsvRecordTest, ScoresPrintAsToCharsPrintsThem) {
  std::vector<double> values = {0.0,
                                -0.0,
                                1.0,
                                0.5,
                                0.0078125,
                                0.1234565,
                                0.99999951,
                                0.9999995,
                                999.99999949,
                                1000.0,
                                1e20,
                                -0.25,
                                std::numeric_limits<double>::quiet_NaN(),
                                std::numeric_limits<double>::infinity()};
  std::mt19937_64 random(7);
  std::uniform_real_distribution<double> unit(0.0, 1.0);
  for (int i = 0; i < 200000; ++i) values.push_back(unit(random));
  // Near the halfway points of the sixth decimal, where rounding is close.
  for (int i = 0; i < 100000; ++i) {
    const double units = std::floor(unit(random) * 1e6) + 0.5;
    const double x = units / 1e6;
    values.push_back(x);
    values.push_back(std::nextafter(x, 0.0));
    values.push_back(std::nextafter(x, 1.0));
  }
  for (const double x : values) {
    char expected[64], got[kMaxScoreChars];
    const auto e = std::to_chars(expected, expected + sizeof expected, x,
                                 std::chars_format::fixed, 6);
    ASSERT_EQ(std::string(got, PutFixed6(x, got)), std::string(expected, e.ptr))
        << x;
  }
}

}  // namespace
}  // namespace credence
