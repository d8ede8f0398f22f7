// Ranking CSV rows: order, ties, --top, JSON lines, threads, bad rows.
#include "engine/ranker.h"

#include <gtest/gtest.h>

#include <nlohmann/json.hpp>
#include <sstream>
#include <string>
#include <vector>

#include "engine/csv_reader.h"
#include "engine/resources.h"

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

// Scores with the built-in model: an institution's confirmation 0.890903,
// no cue 0.622459, one hedge 0.377541, BREAKING 0.214165.
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
            "1,b,0.890903,institution,official_confirmation,Police "
            "confirmed,\"Police confirmed the arrest, then left\"\n"
            "2,c,0.622459,none,,,Markets were calm\n"
            "3,a,0.377541,none,hedge,reportedly,Kim reportedly visits Russia\n"
            "4,d,0.214165,social,unverified_social,BREAKING,BREAKING: Markets "
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
            "1,d,0.214165,social,unverified_social,BREAKING,BREAKING: Markets "
            "were calm\n");
  RankOptions top;
  top.top = 2;
  const Ranked best = Rank(kCsv, top);
  EXPECT_EQ(best.out,
            "rank,id,score,backing,cue_category,cue,text\n"
            "1,b,0.890903,institution,official_confirmation,Police "
            "confirmed,\"Police confirmed the arrest, then left\"\n"
            "2,c,0.622459,none,,,Markets were calm\n");
  EXPECT_EQ(best.summary.ranked, 4u);  // every row is ranked, two are shown
  top.ascending = true;
  top.top = 1;
  EXPECT_EQ(Rank(kCsv, top).out,
            "rank,id,score,backing,cue_category,cue,text\n"
            "1,d,0.214165,social,unverified_social,BREAKING,BREAKING: Markets "
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
  EXPECT_NEAR(rows[0]["score"].get<double>(), 0.890903, 1e-6);
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
              "1,q1,0.802184,named,named_source,He said,\"He said \"\"no\"\", "
              "then left\"\n"
              "2,q2,0.622459,none,,,\"Two\r\nlines\"\n"
              "3,\"q,3\",0.622459,none,,,Plain\n");
  }
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

}  // namespace
}  // namespace credence
