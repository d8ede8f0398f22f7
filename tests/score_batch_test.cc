// `credence score` over many articles: files, folders and JSON Lines in,
// JSON Lines out in input order, and every way an article is refused.
#include <gtest/gtest.h>

#include <nlohmann/json.hpp>
#include <sstream>
#include <string>
#include <vector>

#include "tests/scratch_dir.h"
#include "tools/cli.h"

namespace credence {
namespace {

struct CliRun {
  int code;
  std::string out;
  std::string err;
};

CliRun Cli(const std::vector<std::string>& args,
           const std::string& input = "") {
  std::istringstream in(input);
  std::ostringstream out, err;
  const int code = RunCli(args, in, out, err);
  return {code, out.str(), err.str()};
}

class ScoreBatchTest : public ScratchDirTest {
 protected:
  ScoreBatchTest() : ScratchDirTest("credence_score_batch_test") {}
};

const char kPriorModel[] = CREDENCE_MODELS "/prior.model";

// Scored by hand in cli_test: the headline's "may" (hedge, log 1.4) gives
// logit -0.173, confidence 0.456871; the confirmation's logit 2.409 gives
// 0.917514; the article score logistic(1.118046) = 0.753626; one claim
// without cues: logistic(bias 0.5) = 0.622459.
const char kArticle[] = "Kim may visit Russia\nThe ministry confirmed it.\n";
const char kBriefClaims[] =
    "\"claims\":[{\"confidence\":0.456871,\"backing\":\"none\",\"cue\":"
    "{\"category\":\"hedge\",\"text\":\"may\"}},{\"confidence\":0.917514,"
    "\"backing\":\"institution\",\"cue\":{\"category\":"
    "\"official_confirmation\",\"text\":\"The ministry confirmed\"}}]}\n";
const char kBriefScore[] = "\"score\":0.753626,";
// One claim without a cue.
const char kPlain[] = "Kim visits Russia\n";
const char kPlainBrief[] =
    "\"score\":0.622459,\"claims\":[{\"confidence\":0.622459,\"backing\":"
    "\"none\",\"cue\":null}]}\n";

std::string Brief(const std::string& label_json, bool plain = false) {
  return "{" + label_json + "," +
         (plain ? std::string("\"schema_version\":1,") + kPlainBrief
                : std::string("\"schema_version\":1,") + kBriefScore +
                      kBriefClaims);
}

TEST_F(ScoreBatchTest, FilesAndFoldersInPathOrder) {
  const std::string a = Write("a.txt", kArticle);
  Write("news/2/b.txt", kPlain);
  Write("news/1/c.txt", kArticle);
  Write("news/notes.md", "not an article\n");
  const CliRun r = Cli(
      {"score", a, Path("news"), "--format", "brief", "--model", kPriorModel});
  ASSERT_EQ(r.code, 0) << r.err;
  EXPECT_EQ(r.out,
            Brief("\"path\":\"" + a + "\"") +
                Brief("\"path\":\"" + Path("news/1/c.txt") + "\"") +
                Brief("\"path\":\"" + Path("news/2/b.txt") + "\"", true));
  EXPECT_EQ(r.err, "read 3 articles, scored 3, rejected 0\n");
}

TEST_F(ScoreBatchTest, JsonLinesWithNamedFields) {
  const std::string lines =
      "{\"key\":\"a1\",\"body\":\"Kim may visit Russia\\nThe ministry "
      "confirmed it.\\n\",\"extra\":1}\r\n"
      "{\"body\":\"Kim visits Russia\",\"key\":\"a2\"}\n";
  const CliRun r =
      Cli({"score", "--jsonl", "-", "--id-field", "key", "--text-field", "body",
           "--format", "brief", "--model", kPriorModel},
          lines);
  ASSERT_EQ(r.code, 0) << r.err;
  EXPECT_EQ(r.out, Brief("\"id\":\"a1\"") + Brief("\"id\":\"a2\"", true));
  EXPECT_EQ(r.err, "read 2 articles, scored 2, rejected 0\n");
}

// The full form is --format json's object on one line, the label first.
TEST_F(ScoreBatchTest, FullReportIsTheJsonReportWithItsLabel) {
  const std::string a = Write("a.txt", kArticle);
  const std::string b = Write("b.txt", kPlain);
  const CliRun batch = Cli({"score", a, b, "--format", "json"});
  ASSERT_EQ(batch.code, 0) << batch.err;
  std::istringstream lines(batch.out);
  std::string line;
  for (const std::string& path : {a, b}) {
    ASSERT_TRUE(std::getline(lines, line));
    EXPECT_EQ(
        line.rfind(
            "{\"path\":\"" + path + "\",\"schema_version\":1,\"credence\":", 0),
        0u)
        << line;
    nlohmann::json object = nlohmann::json::parse(line);
    object.erase("path");
    const CliRun one = Cli({"score", path, "--format", "json"});
    EXPECT_EQ(object, nlohmann::json::parse(one.out));
  }
  EXPECT_FALSE(std::getline(lines, line));
  // Without --format, many articles are full reports too.
  EXPECT_EQ(Cli({"score", a, b}).out, batch.out);
}

// Batches of 256 articles: 600 cross two boundaries; any thread count
// writes the same bytes in input order.
TEST_F(ScoreBatchTest, ThreadsKeepInputOrder) {
  std::string lines;
  for (int i = 0; i < 600; ++i) {
    lines += "{\"id\":\"" + std::to_string(i) + "\",\"text\":\"" +
             (i % 2 ? "Kim visits Russia" : "Kim may visit Russia") + "\"}\n";
  }
  const std::string path = Write("many.jsonl", lines);
  const CliRun one =
      Cli({"score", "--jsonl", path, "--format", "brief", "--threads", "1"});
  ASSERT_EQ(one.code, 0) << one.err;
  const CliRun three =
      Cli({"score", "--jsonl", path, "--format", "brief", "--threads", "3"});
  EXPECT_EQ(three.out, one.out);
  std::istringstream out(one.out);
  std::string line;
  for (int i = 0; i < 600; ++i) {
    ASSERT_TRUE(std::getline(out, line));
    EXPECT_EQ(line.rfind("{\"id\":\"" + std::to_string(i) + "\",", 0), 0u);
  }
  EXPECT_EQ(one.err, "read 600 articles, scored 600, rejected 0\n");
}

TEST_F(ScoreBatchTest, OutputFileAppearsWhole) {
  const std::string a = Write("a.txt", kPlain);
  const std::string out = Path("out.jsonl");
  const CliRun r = Cli({"score", a, a, "--format", "brief", "--model",
                        kPriorModel, "--output", out});
  ASSERT_EQ(r.code, 0) << r.err;
  EXPECT_EQ(r.out, "");
  const std::string line = Brief("\"path\":\"" + a + "\"", true);
  EXPECT_EQ(ReadFile(out), line + line);
  // A bad article leaves the file as it was.
  const CliRun bad =
      Cli({"score", a, Path("none.txt"), "--format", "brief", "--output", out});
  EXPECT_EQ(bad.code, 1);
  EXPECT_EQ(ReadFile(out), line + line);
  // "-" is standard output.
  const CliRun dash = Cli({"score", a, a, "--format", "brief", "--model",
                           kPriorModel, "--output", "-"});
  EXPECT_EQ(dash.out, line + line);
}

struct BadLine {
  const char* name;
  std::string line;
  std::string problem;  // after "-:2: "
};

// Each bad line (the second of three) stops the run with its line number
// and the --skip-bad-rows hint, or with --skip-bad-rows is reported and
// skipped.
TEST_F(ScoreBatchTest, BadLinesAreRowErrors) {
  const BadLine cases[] = {
      {"not json", "{\"id\":",
       "not a JSON object (one object a line, such as {\"id\": \"a1\", "
       "\"text\": \"Headline\\nBody\"}"},
      {"an array", "[\"a\"]",
       "not a JSON object (one object a line, such as {\"id\": \"a1\", "
       "\"text\": \"Headline\\nBody\"}"},
      {"no text", "{\"id\":\"x\"}",
       "no \"text\" field (name it with --text-field"},
      {"no id", "{\"text\":\"Kim\"}",
       "no \"id\" field (name it with --id-field"},
      {"number text", "{\"id\":\"x\",\"text\":5}",
       "\"text\" is number, not a string (give it as \"...\""},
      {"number id", "{\"id\":7,\"text\":\"Kim\"}",
       "\"id\" is number, not a string (give it as \"...\""},
      {"null text", "{\"id\":\"x\",\"text\":null}",
       "\"text\" is null, not a string (give it as \"...\""},
      {"blank line", "  ",
       "an empty line (one JSON object a line, no blank lines"},
      {"empty text", "{\"id\":\"x\",\"text\":\" \\n\"}",
       "empty input (nothing to score: give a headline line, then the "
       "article"},
  };
  const std::string good = "{\"id\":\"g\",\"text\":\"Kim visits Russia\"}\n";
  for (const BadLine& c : cases) {
    SCOPED_TRACE(c.name);
    const std::string input = good + c.line + "\n" + good;
    const CliRun fatal =
        Cli({"score", "--jsonl", "-", "--format", "brief"}, input);
    EXPECT_EQ(fatal.code, 1);
    EXPECT_EQ(fatal.out, "");
    EXPECT_EQ(fatal.err, "credence score: -:2: " + c.problem +
                             "; --skip-bad-rows reports and skips bad "
                             "articles)\n");
    const CliRun skipped = Cli({"score", "--jsonl", "-", "--format", "brief",
                                "--model", kPriorModel, "--skip-bad-rows"},
                               input);
    EXPECT_EQ(skipped.code, 0);
    const std::string line = Brief("\"id\":\"g\"", true);
    EXPECT_EQ(skipped.out, line + line);
    EXPECT_EQ(skipped.err, "-:2: " + c.problem +
                               ")\nread 3 articles, scored 2, rejected 1\n");
  }
}

TEST_F(ScoreBatchTest, BadFilesAreReportedByPath) {
  const std::string a = Write("a.txt", kPlain);
  const std::string latin1 = Write("latin1.txt", "Headline\nna\xEFve\n");
  const CliRun r =
      Cli({"score", a, latin1, "--format", "brief", "--skip-bad-rows"});
  EXPECT_EQ(r.code, 0);
  EXPECT_EQ(r.err.substr(0, latin1.size() + 6), latin1 + ":2:3: ") << r.err;
  EXPECT_EQ(r.err.substr(r.err.find('\n') + 1),
            "read 2 articles, scored 1, rejected 1\n");
}

struct UsageCase {
  const char* name;
  std::vector<std::string> args;
  std::string err;
};

TEST_F(ScoreBatchTest, UsageErrors) {
  const std::string a = Write("a.txt", kPlain);
  const UsageCase cases[] = {
      {"text for many",
       {"score", a, a, "--format", "text"},
       "credence score: --format text takes one article (many articles are "
       "written as JSON Lines: --format json or brief)\n"},
      {"files and jsonl",
       {"score", a, "--jsonl", "-"},
       "credence score: give articles as files or as --jsonl, not both (one "
       "run reads one kind)\n"},
      {"empty text field",
       {"score", "--jsonl", "-", "--text-field", ""},
       "credence score: --text-field must name a field\n"},
      {"empty id field",
       {"score", "--jsonl", "-", "--id-field", ""},
       "credence score: --id-field must name a field\n"},
      {"empty output",
       {"score", a, a, "--output", ""},
       "credence score: --output must name a file (leave it out, or -, for "
       "standard output)\n"},
      {"threads",
       {"score", a, a, "--threads", "-1"},
       "credence score: --threads must be between 1 and 1024 (0: every "
       "core)\n"},
      {"output is an input",
       {"score", a, a, "--output", a},
       "credence score: --output " + a +
           " is also an input (it would be overwritten; choose another "
           "path)\n"},
  };
  for (const UsageCase& c : cases) {
    SCOPED_TRACE(c.name);
    const CliRun r = Cli(c.args);
    EXPECT_EQ(r.code, 2);
    EXPECT_EQ(r.out, "");
    EXPECT_EQ(r.err, c.err);
  }
}

// Lines are read in blocks of 256 KiB: lines longer than a block, lines
// ending at and across block ends, and a last line without '\n' each come
// whole (a long id makes a long line whose output is known).
TEST_F(ScoreBatchTest, LongLinesAcrossReadBlocks) {
  const size_t kBlock = size_t{1} << 18;
  const std::string head = "{\"id\":\"";
  const std::string tail = "\",\"text\":\"Kim visits Russia\"}";
  std::string lines, expected;
  // Lines (without '\n') of 300,000 bytes (past the first block), one
  // whose '\n' is the second block's last byte, 64 bytes and 2 * kBlock + 7
  // bytes, the last one unterminated.
  for (const size_t length :
       {size_t{300000}, 2 * kBlock - 300000 - 2, size_t{64}, 2 * kBlock + 7}) {
    const std::string id(length - head.size() - tail.size(), 'x');
    lines += head + id + tail + "\n";
    expected += Brief("\"id\":\"" + id + "\"", true);
  }
  lines.pop_back();
  const CliRun r = Cli(
      {"score", "--jsonl", "-", "--format", "brief", "--model", kPriorModel},
      lines);
  ASSERT_EQ(r.code, 0) << r.err;
  EXPECT_EQ(r.out, expected);
  EXPECT_EQ(r.err, "read 4 articles, scored 4, rejected 0\n");
}

// A line past 64 MiB (a device, a file without line ends) stops the run
// at its line, whatever --skip-bad-rows says: nothing more can be read.
TEST_F(ScoreBatchTest, EndlessLineIsRefusedAtItsLimit) {
  const std::string line =
      "{\"id\":\"a\",\"text\":\"Rain.\"}\n" + std::string((64u << 20) + 1, 'x');
  const CliRun r = Cli(
      {"score", "--jsonl", "-", "--format", "brief", "--skip-bad-rows"}, line);
  EXPECT_EQ(r.code, 1);
  EXPECT_EQ(r.out, "");
  EXPECT_NE(r.err.find("credence score: -:2: line longer than 64 MiB (one "
                       "JSON object a line; an article holds at most 32 "
                       "MiB)\n"),
            std::string::npos)
      << r.err;
}

}  // namespace
}  // namespace credence
