// The command line run in-process: exit codes, the one-line error messages,
// and that nothing reaches stdout when a run fails.
#include "tools/cli.h"

#include <gtest/gtest.h>

#include <filesystem>
#include <iomanip>
#include <nlohmann/json.hpp>
#include <sstream>
#include <string>
#include <vector>

#include "engine/builtin_data.h"
#include "features/extractor.h"
#include "tests/scratch_dir.h"

namespace credence {
namespace {

namespace fs = std::filesystem;

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

// A scratch folder per test.
class CliTest : public ScratchDirTest {
 protected:
  CliTest() : ScratchDirTest("credence_cli_test") {}
};

const char kArticle[] = "Kim may visit Russia\nThe ministry confirmed it.\n";

// The hand-set models/prior.model keeps the pinned numbers checkable; the
// built-in model is the trained one.
const char kPriorModel[] = CREDENCE_MODELS "/prior.model";

TEST_F(CliTest, ScoresAFileAsText) {
  const CliRun r =
      Cli({"score", Write("a.txt", kArticle), "--model", kPriorModel});
  EXPECT_EQ(r.code, 0);
  EXPECT_EQ(r.err, "");
  // Features are log(1 + s): "may" (0.4, a hedge, no forecast) gives
  // log 1.4 = 0.336, the confirmation (1) log 2 = 0.693. Logits: 0.5 -
  // 2 * 0.336 = -0.173; 0.5 + 1.6 * 0.693 + 0.8 = 2.409; mean 1.118.
  EXPECT_EQ(r.out,
            "article score 0.75  (2 claims; model credence-prior)\n"
            "backing: 1 institution, 1 unattributed\n"
            "\n"
            "[0]   0.46 Kim may visit Russia\n"
            "           unattributed\n"
            "           hedge -0.67 @4-7 \"may\"\n"
            "[1]   0.92 The ministry confirmed it.\n"
            "           backed by institution: The ministry +0.80\n"
            "           official_confirmation +1.11 @21-43 \"The ministry "
            "confirmed\"\n");
  const CliRun builtin = Cli({"score", Write("b.txt", kArticle)});
  EXPECT_EQ(builtin.code, 0);
  EXPECT_EQ(builtin.out.find("article score "), 0u);
  EXPECT_NE(builtin.out.find("(2 claims; model credence-default)\n"),
            std::string::npos);
}

TEST_F(CliTest, ReadsStandardInputAndWritesJson) {
  const CliRun r = Cli({"score", "-", "--format", "json"}, kArticle);
  ASSERT_EQ(r.code, 0) << r.err;
  const auto j = nlohmann::json::parse(r.out);
  EXPECT_EQ(j["claims"].size(), 2u);
  EXPECT_EQ(j["claims"][1]["cues"][0]["text"], "The ministry confirmed");
  const CliRun same = Cli({"score", "--format=json", Write("a.txt", kArticle)});
  EXPECT_EQ(same.out, r.out);
}

TEST_F(CliTest, ScoreWritesHtmlToStdoutOrAnOutputFile) {
  const CliRun r = Cli({"score", Write("a.txt", kArticle), "--format", "html",
                        "--model", kPriorModel});
  ASSERT_EQ(r.code, 0) << r.err;
  EXPECT_EQ(r.out.find("<!DOCTYPE html>\n"), 0u);
  EXPECT_NE(r.out.find("data-category=\"official_confirmation\""),
            std::string::npos);
  const std::string target = Path("report.html");
  const CliRun to_file = Cli({"score", Path("a.txt"), "--format", "html",
                              "--model", kPriorModel, "--output", target});
  ASSERT_EQ(to_file.code, 0) << to_file.err;
  EXPECT_EQ(to_file.out, "");
  EXPECT_EQ(ReadFile(target), r.out);
  // Bad input leaves the previous file as it was.
  const CliRun bad = Cli({"score", Write("empty.txt", " \n"), "--format",
                          "html", "--output", target});
  EXPECT_EQ(bad.code, 1);
  EXPECT_EQ(ReadFile(target), r.out);
  const CliRun json = Cli({"score", Path("a.txt"), "--format", "json",
                           "--output", Path("report.json")});
  ASSERT_EQ(json.code, 0) << json.err;
  EXPECT_EQ(ReadFile(Path("report.json")),
            Cli({"score", Path("a.txt"), "--format", "json"}).out);
}

TEST_F(CliTest, ScoreWritesOneHtmlPageOfManyArticles) {
  const std::string a = Write("a.txt", kArticle);
  const std::string b = Write("<b>.txt", "Officials may confirm it\n");
  const std::string bad = Write("bad.txt", " \n");
  const CliRun r = Cli({"score", a, bad, b, "--format", "html", "--model",
                        kPriorModel, "--skip-bad-rows"});
  ASSERT_EQ(r.code, 0) << r.err;
  EXPECT_EQ(r.out.find("<!DOCTYPE html>\n"), 0u);
  // A section an article scored (numbered in input order), the index at
  // the end linking to each with its score, the file name escaped.
  EXPECT_NE(r.out.find("<section class=\"report\" id=\"a0\">"),
            std::string::npos);
  EXPECT_EQ(r.out.find("id=\"a1\""), std::string::npos);
  EXPECT_NE(r.out.find("<section class=\"report\" id=\"a2\">"),
            std::string::npos);
  EXPECT_NE(r.out.find("data-cue=\"a0-1.0\""), std::string::npos);
  const size_t index = r.out.find("<nav id=\"index\">");
  ASSERT_NE(index, std::string::npos);
  EXPECT_NE(r.out.find("<a href=\"#a0\">" + a + "</a></li>\n", index),
            std::string::npos);
  EXPECT_NE(r.out.find("<a href=\"#a2\">" + Path("&lt;b&gt;.txt") +
                           "</a></li>\n</ol>\n</nav>\n</body>\n</html>\n",
                       index),
            std::string::npos);
  EXPECT_EQ(r.out.find("<b>"), std::string::npos);
  EXPECT_NE(r.err.find("read 3 articles, scored 2, rejected 1\n"),
            std::string::npos);
  // Each index entry shows its own article's score, to 2 decimals.
  const CliRun brief =
      Cli({"score", a, b, "--format", "brief", "--model", kPriorModel});
  ASSERT_EQ(brief.code, 0) << brief.err;
  std::istringstream lines(brief.out);
  std::string line;
  for (const char* section : {"#a0", "#a2"}) {
    ASSERT_TRUE(std::getline(lines, line));
    std::ostringstream score;
    score << std::fixed << std::setprecision(2)
          << nlohmann::json::parse(line)["score"].get<double>();
    EXPECT_NE(r.out.find("<li><span class=\"num\">" + score.str() +
                             "</span> <a href=\"" + section + "\">",
                         index),
              std::string::npos)
        << section << " " << score.str();
  }
}

TEST_F(CliTest, HelpAndVersion) {
  CliRun r = Cli({"score", "--help"});
  EXPECT_EQ(r.code, 0);
  // --help documents every JSON field.
  for (const char* field : {"credence.version",
                            "model.name",
                            "model.format_version",
                            "model.bias",
                            "model.features",
                            "article.score",
                            "article.claims",
                            "article.aggregation",
                            "article.backing",
                            "index",
                            "start, end",
                            "text",
                            "confidence",
                            "logit",
                            "backing_carried",
                            "speaker",
                            "cues[]",
                            "category",
                            "strength",
                            "entry",
                            "features",
                            "contributions",
                            "exit codes"}) {
    EXPECT_NE(r.out.find(field), std::string::npos) << field;
  }
  r = Cli({"--help"});
  EXPECT_EQ(r.code, 0);
  EXPECT_NE(r.out.find("usage: credence COMMAND"), std::string::npos);
  r = Cli({"--version"});
  EXPECT_EQ(r.code, 0);
  EXPECT_EQ(r.out, "credence 0.1.0\n");
}

struct Failure {
  const char* name;
  std::vector<std::string> args;
  int code;
  std::string err;  // exact, with @DIR@ standing for the scratch folder
};

// Each case fails with its exit code, nothing on stdout, and one line on
// stderr: exact when the expectation ends the line, a prefix otherwise.
template <size_t N>
void ExpectFailures(const Failure (&cases)[N]) {
  for (const Failure& c : cases) {
    SCOPED_TRACE(c.name);
    const CliRun r = Cli(c.args);
    EXPECT_EQ(r.code, c.code);
    EXPECT_EQ(r.out, "");
    if (!c.err.empty() && c.err.back() == '\n') {
      EXPECT_EQ(r.err, c.err);
    } else {
      EXPECT_EQ(r.err.substr(0, c.err.size()), c.err) << r.err;
    }
  }
}

TEST_F(CliTest, FailuresAreOneLineWithTheRightExitCode) {
  const std::string dir = dir_.path().string();
  Write("empty.txt", "");
  Write("latin1.txt", "Headline\nna\xEFve\n");
  Write("bin.txt", std::string("\x7F"
                               "ELF\0\0\0",
                               7));
  Write("ok.txt", kArticle);
  Write("bad.model", "credence-model 3\n");
  Write("other.model",
        "credence-model 1\nname other\nbias 0\nweight hedge 1\nend\n");
  Write("overlay/hedge.txt", "may\nmay\n");
  Write("typo/hedges.txt", "may\n");
  Write("nothing/README.md", "not an article\n");
  Write("bad-removal/hedge.txt", "# no such entry\n-it is whispered\n");
  Write("partial/hedge.txt", "rumored = 2\n");
  Write("cross/booster.txt", "reportedly\n");
  const Failure cases[] = {
      {"no command",
       {},
       2,
       "credence: no command given (usage: credence COMMAND [options]; see "
       "credence --help)\n"},
      {"unknown command",
       {"rank2"},
       2,
       "credence: unknown command 'rank2' (commands: score, rank, tune, eval; "
       "see "
       "credence --help)\n"},
      {"no file",
       {"score"},
       2,
       "credence score: no article given (credence score FILE, or - for "
       "standard input)\n"},
      {"two missing files",
       {"score", dir + "/a", dir + "/b"},
       1,
       "credence score: " + dir +
           "/a: cannot open (No such file or directory; --skip-bad-rows "
           "reports and skips bad articles)\n"},
      {"unknown flag",
       {"score", "x.txt", "--colour"},
       2,
       "credence score: unrecognised option '--colour' (see credence score "
       "--help)\n"},
      {"mistyped flag",
       {"score", "x.txt", "--fromat", "json"},
       2,
       "credence score: unknown option --fromat (did you mean --format?)\n"},
      {"mistyped flag with =",
       {"score", "x.txt", "--skip-bad-row"},
       2,
       "credence score: unknown option --skip-bad-row (did you mean "
       "--skip-bad-rows?)\n"},
      {"mistyped rank flag",
       {"rank", "x.csv", "--colum=title"},
       2,
       "credence rank: unknown option --colum (did you mean --column?)\n"},
      {"mistyped new rank flag",
       {"rank", "x.csv", "--delimeter", ";"},
       2,
       "credence rank: unknown option --delimeter (did you mean "
       "--delimiter?)\n"},
      {"mistyped tune flag",
       {"tune", "x.csv", "-o", "m.model", "--fold", "3"},
       2,
       "credence tune: unknown option --fold (did you mean --folds?)\n"},
      {"mistyped eval flag",
       {"eval", "x.csv", "--fromat", "json"},
       2,
       "credence eval: unknown option --fromat (did you mean --format?)\n"},
      {"flag without value",
       {"score", "x.txt", "--format"},
       2,
       "credence score: the required argument for option '--format' is "
       "missing (see credence score --help)\n"},
      {"empty output",
       {"score", "x.txt", "--output", ""},
       2,
       "credence score: --output must name a file (leave it out, or -, for "
       "standard output)\n"},
      {"output is the input",
       {"score", dir + "/ok.txt", "--output", dir + "/ok.txt"},
       2,
       "credence score: --output " + dir +
           "/ok.txt is also an input (it would be overwritten; choose "
           "another path)"},
      {"bad format",
       {"score", "x.txt", "--format", "xml"},
       2,
       "credence score: --format must be text, json, html or brief, not "
       "'xml'\n"},
      {"missing file",
       {"score", dir + "/nope.txt"},
       1,
       "credence score: " + dir +
           "/nope.txt: cannot open (No such file or "
           "directory)\n"},
      {"folder without articles",
       {"score", dir + "/nothing"},
       1,
       "credence score: " + dir +
           "/nothing: no .txt files in the folder (articles are FILE.txt)\n"},
      {"empty file",
       {"score", dir + "/empty.txt"},
       1,
       "credence score: " + dir +
           "/empty.txt: empty input (nothing to score: "
           "give a headline line, then the article)\n"},
      {"latin1",
       {"score", dir + "/latin1.txt"},
       1,
       "credence score: " + dir +
           "/latin1.txt:2:3: invalid UTF-8 (byte "
           "0xEF; convert the text to UTF-8, e.g. iconv -f latin1 -t utf-8)\n"},
      {"binary",
       {"score", dir + "/bin.txt"},
       1,
       "credence score: " + dir +
           "/bin.txt:1:5: NUL byte (binary data? "
           "credence reads UTF-8 text)\n"},
      {"missing model",
       {"score", dir + "/ok.txt", "--model", dir + "/m"},
       1,
       "credence score: " + dir + "/m: cannot open model file"},
      {"future model",
       {"score", dir + "/ok.txt", "--model", dir + "/bad.model"},
       1,
       "credence score: " + dir +
           "/bad.model:1: model format version 3 is "
           "newer than this build supports (2); upgrade credence\n"},
      {"model for other features",
       {"score", dir + "/ok.txt", "--model", dir + "/other.model"},
       1,
       "credence score: " + dir +
           "/other.model: model 'other' does not fit the lexicons: features "
           "the model lacks: booster, anonymous_source"},
      {"missing lexicon dir",
       {"score", dir + "/ok.txt", "--lexicons", dir + "/none"},
       1,
       "credence score: " + dir +
           "/none: not a directory (--lexicons takes a folder of lexicon "
           "files; see credence score --help)\n"},
      {"missing overlay dir",
       {"score", dir + "/ok.txt", "--overlay", dir + "/none"},
       1,
       "credence score: " + dir +
           "/none: not a directory (--overlay takes a folder of lexicon "
           "files; see credence score --help)\n"},
      {"incomplete lexicon dir",
       {"score", dir + "/ok.txt", "--lexicons", dir + "/overlay"},
       1,
       "credence score: " + dir +
           "/overlay/booster.txt: missing (a --lexicons folder "
           "holds every lexicon; use --overlay to change only some)\n"},
      {"duplicate lexicon entry",
       {"score", dir + "/ok.txt", "--overlay", dir + "/overlay"},
       1,
       "credence score: " + dir +
           "/overlay/hedge.txt:2: 'may' is already an entry at line 1 "
           "(remove one of them)\n"},
      {"unknown lexicon file",
       {"score", dir + "/ok.txt", "--overlay", dir + "/typo"},
       1,
       "credence score: " + dir +
           "/typo/hedges.txt: unknown lexicon file (see credence score "
           "--help for the names)\n"},
      {"overlay removes nothing",
       {"score", dir + "/ok.txt", "--overlay", dir + "/bad-removal"},
       1,
       "credence score: " + dir +
           "/bad-removal/hedge.txt:2: cannot remove 'it is whispered': the "
           "hedge lexicon has no such entry (write the phrase as the lexicon "
           "does)\n"},
      {"overlay shares a form",
       {"score", dir + "/ok.txt", "--overlay", dir + "/partial"},
       1,
       "credence score: " + dir +
           "/partial/hedge.txt:1: 'rumored' is already part of "
           "'rumored|rumoured' at <built-in>/hedge.txt:"},
      {"overlay conflicts across categories",
       {"score", dir + "/ok.txt", "--overlay", dir + "/cross"},
       1,
       "credence score: " + dir +
           "/cross/booster.txt:1: 'reportedly' is also an entry at "
           "<built-in>/hedge.txt:"},
  };
  ExpectFailures(cases);
}

TEST_F(CliTest, LexiconDirectoryReplacesTheBuiltInOnes) {
  for (const std::string& name : Extractor::LexiconNames()) {
    Write("lex/" + name + ".txt", "");
  }
  Write("lex/hedge.txt", "# only one hedge\nword on the street\n");
  Write("lex/README.md", "not a lexicon: ignored\n");
  const CliRun r =
      Cli({"score", "-", "--lexicons", Path("lex"), "--format", "json"},
          "Word on the street: Kim may go\n");
  ASSERT_EQ(r.code, 0) << r.err;
  const auto j = nlohmann::json::parse(r.out);
  ASSERT_EQ(j["claims"][0]["cues"].size(), 1u);
  EXPECT_EQ(j["claims"][0]["cues"][0]["text"], "Word on the street");
  EXPECT_EQ(j["claims"][0]["cues"][0]["source"], Path("lex/hedge.txt") + ":2");
}

// An overlay adds, re-weights and removes entries of the built-in lexicons.
TEST_F(CliTest, OverlayEditsTheBuiltInLexicons) {
  Write("ov/hedge.txt",
        "# my newsroom's hedges\nit is whispered\nmay = 2\n"
        "-reportedly\n");
  Write("ov/booster.txt", "for real\n");
  const CliRun r =
      Cli({"score", "-", "--overlay", Path("ov"), "--format", "json"},
          "It is whispered Kim may reportedly go, for real\n");
  ASSERT_EQ(r.code, 0) << r.err;
  const auto cues = nlohmann::json::parse(r.out)["claims"][0]["cues"];
  std::vector<std::string> got;
  for (const auto& c : cues) {
    got.push_back(c["category"].get<std::string>() + ":" +
                  c["text"].get<std::string>() + "@" +
                  std::to_string(c["strength"].get<double>()));
  }
  EXPECT_EQ(got, (std::vector<std::string>{"hedge:It is whispered@1.000000",
                                           "hedge:may@2.000000",
                                           "booster:for real@1.000000"}));
}

TEST_F(CliTest, ModelFileOverridesTheBuiltInModel) {
  std::string text = "credence-model 1\nname flat\nbias 0\n";
  const LinearModel builtin = DefaultModel();
  for (const std::string& f : builtin.feature_names()) {
    text += "weight " + f + " 0\n";
  }
  const std::string model = Write("m.model", text + "end\n");
  const CliRun r =
      Cli({"score", "-", "--model", model, "--format", "json"}, kArticle);
  ASSERT_EQ(r.code, 0) << r.err;
  const auto j = nlohmann::json::parse(r.out);
  EXPECT_EQ(j["model"]["name"], "flat");
  EXPECT_EQ(j["article"]["score"], 0.5);
}

const char kHeadlines[] =
    "id,headline\n"
    "a,Kim reportedly visits Russia\n"
    "b,Police confirmed the arrest\n"
    "c,Markets were calm\n";

TEST_F(CliTest, RankWritesCsvAndASummary) {
  const CliRun r = Cli({"rank", Write("h.csv", kHeadlines), "--threads", "2",
                        "--model", kPriorModel});
  ASSERT_EQ(r.code, 0) << r.err;
  EXPECT_EQ(
      r.out,
      "rank,id,score,backing,cue_category,cue,text\n"
      "1,b,0.950678,institution,official_confirmation,Police "
      "confirmed,Police confirmed the arrest\n"
      "2,c,0.622459,none,,,Markets were calm\n"
      "3,a,0.291875,none,hedge,reportedly,Kim reportedly visits Russia\n");
  EXPECT_EQ(r.err, "read 3 rows, ranked 3, rejected 0\n");
  const CliRun stdin_run =
      Cli({"rank", "-", "--top", "1", "--model", kPriorModel}, kHeadlines);
  EXPECT_EQ(stdin_run.out,
            "rank,id,score,backing,cue_category,cue,text\n"
            "1,b,0.950678,institution,official_confirmation,Police "
            "confirmed,Police confirmed the arrest\n");
}

// --text-column on every command that reads a text column (rank's
// --column its other name), - for standard output, --version everywhere.
TEST_F(CliTest, SameOptionNamesAcrossCommands) {
  const std::string csv =
      Write("t.csv", "id,title\na,Police confirmed the arrest\n");
  const std::string expected =
      "rank,id,score,backing,cue_category,cue,text\n"
      "1,a,0.950678,institution,official_confirmation,Police "
      "confirmed,Police confirmed the arrest\n";
  for (const std::vector<std::string>& args :
       {std::vector<std::string>{"--text-column", "title"},
        std::vector<std::string>{"--column", "title"},
        std::vector<std::string>{"--text-column=title", "--output", "-"}}) {
    std::vector<std::string> line = {"rank", csv, "--model", kPriorModel};
    line.insert(line.end(), args.begin(), args.end());
    const CliRun r = Cli(line);
    EXPECT_EQ(r.code, 0) << r.err;
    EXPECT_EQ(r.out, expected) << args[0];
  }
  EXPECT_FALSE(fs::exists("-"));
  // The brief JSON lines: the CSV's fields, with --top and without.
  const std::string brief =
      "{\"schema_version\":1,\"rank\":1,\"id\":\"a\",\"score\":0.950678,"
      "\"backing\":\"institution\",\"cue\":{\"category\":"
      "\"official_confirmation\",\"text\":\"Police confirmed\"},\"text\":"
      "\"Police confirmed the arrest\"}\n";
  for (const char* top : {"0", "1"}) {
    std::vector<std::string> line = {"rank",    csv,        "--text-column",
                                     "title",   "--format", "jsonl-brief",
                                     "--model", kPriorModel};
    if (std::string(top) == "1") line.insert(line.end(), {"--top", "1"});
    const CliRun r = Cli(line);
    EXPECT_EQ(r.out, brief) << top;
  }
  const CliRun plain =
      Cli({"rank", "-", "--format", "jsonl-brief", "--model", kPriorModel},
          "headline\nMarkets were calm\n");
  EXPECT_EQ(plain.out,
            "{\"schema_version\":1,\"rank\":1,\"id\":\"1\",\"score\":0.622459,"
            "\"backing\":\"none\",\"cue\":null,\"text\":\"Markets were "
            "calm\"}\n");
  const CliRun both =
      Cli({"rank", csv, "--column", "title", "--text-column", "title"});
  EXPECT_EQ(both.code, 2);
  EXPECT_EQ(both.err,
            "credence rank: --column is another name of --text-column (give "
            "one of them)\n");
  for (const char* command : {"score", "rank", "tune", "eval"}) {
    const CliRun r = Cli({command, "--version"});
    EXPECT_EQ(r.code, 0) << command;
    EXPECT_EQ(r.out, "credence 0.1.0\n") << command;
  }
}

// --tsv, --delimiter tab and --delimiter '\t' read the same; the output
// takes the input's delimiter. --keep-columns and --order input through
// the command line.
TEST_F(CliTest, RankDelimitersKeptColumnsAndInputOrder) {
  const std::string tsv = Write("h.tsv",
                                "id\theadline\tsrc\nc\tMarkets were "
                                "calm\tw, 1\nb\tPolice confirmed the "
                                "arrest\tz\n");
  const std::string expected =
      "rank\tid\tscore\tbacking\tcue_category\tcue\ttext\tsrc\n"
      "1\tc\t0.622459\tnone\t\t\tMarkets were calm\tw, 1\n"
      "2\tb\t0.950678\tinstitution\tofficial_confirmation\tPolice "
      "confirmed\tPolice confirmed the arrest\tz\n";
  for (const std::vector<std::string>& args :
       {std::vector<std::string>{"--tsv"},
        std::vector<std::string>{"--delimiter", "tab"},
        std::vector<std::string>{"--delimiter", "\\t"},
        std::vector<std::string>{"--delimiter=\t"}}) {
    std::vector<std::string> line = {"rank",           tsv,       "--order",
                                     "input",          "--model", kPriorModel,
                                     "--keep-columns", "src"};
    line.insert(line.end(), args.begin(), args.end());
    const CliRun r = Cli(line);
    EXPECT_EQ(r.code, 0) << r.err;
    EXPECT_EQ(r.out, expected) << args.back();
  }
  const CliRun all = Cli({"rank", "-", "--keep-columns", "all", "--model",
                          kPriorModel, "--format", "jsonl-brief"},
                         "headline,n\nMarkets were calm,\"1,2\"\n");
  EXPECT_EQ(all.out,
            "{\"schema_version\":1,\"rank\":1,\"id\":\"1\",\"score\":0.622459,"
            "\"backing\":\"none\",\"cue\":null,\"text\":\"Markets were "
            "calm\",\"columns\":{\"headline\":\"Markets were calm\",\"n\":"
            "\"1,2\"}}\n");
  // In input order a stopping row error leaves the rows before it.
  const CliRun bad =
      Cli({"rank", "-", "--order", "input", "--model", kPriorModel},
          "headline\nMarkets were calm\nx,y\n");
  EXPECT_EQ(bad.code, 1);
  EXPECT_EQ(bad.err,
            "credence rank: -:3: row has 2 fields, the header has 1 (quote "
            "fields that hold commas; --skip-bad-rows reports and skips bad "
            "rows)\n");
  EXPECT_EQ(bad.out, "rank,id,score,backing,cue_category,cue,text\n");
}

TEST_F(CliTest, RankOutputFileAppearsWholeOrNotAtAll) {
  const std::string target = Path("ranked.csv");
  CliRun r = Cli({"rank", Write("h.csv", kHeadlines), "--output", target});
  ASSERT_EQ(r.code, 0) << r.err;
  EXPECT_EQ(r.out, "");
  const std::string written = ReadFile(target);
  EXPECT_EQ(written.substr(0, 44),
            "rank,id,score,backing,cue_category,cue,text\n");
  // A failing run leaves the previous file as it was, and no temporaries.
  r = Cli(
      {"rank", Write("bad.csv", "id,headline\na,x,y\n"), "--output", target});
  EXPECT_EQ(r.code, 1);
  EXPECT_EQ(ReadFile(target), written);
  size_t files = 0;
  for (const auto& e : fs::directory_iterator(dir_.path())) {
    files += e.path().filename().string().find(".tmp-") != std::string::npos;
  }
  EXPECT_EQ(files, 0u);
}

// A replaced --output keeps its permissions: a private ranking stays
// private.
TEST_F(CliTest, RankOutputKeepsTheModeOfTheFileItReplaces) {
  const std::string target = Write("ranked.csv", "the previous ranking\n");
  fs::permissions(target, fs::perms::owner_read | fs::perms::owner_write);
  const CliRun r =
      Cli({"rank", Write("h.csv", kHeadlines), "--output", target});
  ASSERT_EQ(r.code, 0) << r.err;
  EXPECT_NE(ReadFile(target), "the previous ranking\n");
  EXPECT_EQ(fs::status(target).permissions(),
            fs::perms::owner_read | fs::perms::owner_write);
}

TEST_F(CliTest, RankFailures) {
  const std::string dir = dir_.path().string();
  const std::string good = Write("h.csv", kHeadlines);
  Write("bad.csv", "id,headline\na,fine\nb,x,y\nc,fine\n");
  const Failure cases[] = {
      {"no file",
       {"rank"},
       2,
       "credence rank: no CSV file given (credence rank FILE, or - for "
       "standard input)\n"},
      {"bad order",
       {"rank", good, "--order", "up"},
       2,
       "credence rank: --order must be desc, asc or input, not 'up'\n"},
      {"input order and top",
       {"rank", good, "--order", "input", "--top", "2"},
       2,
       "credence rank: --order input writes every row in input order; --top "
       "keeps the best (give one of them)\n"},
      {"long delimiter",
       {"rank", good, "--delimiter", ";;"},
       2,
       "credence rank: --delimiter must be one byte, \\t or tab, not ';;'\n"},
      {"quote delimiter",
       {"rank", good, "--delimiter", "\""},
       2,
       "credence rank: --delimiter cannot be '\"' (an ASCII byte other than "
       "a letter, digit, '.', '_', '\"', CR or LF)\n"},
      {"tsv and delimiter",
       {"rank", good, "--tsv", "--delimiter", ";"},
       2,
       "credence rank: --tsv is --delimiter tab (give one of them)\n"},
      {"empty kept name",
       {"rank", good, "--keep-columns", "id,,headline"},
       2,
       "credence rank: --keep-columns must be all or NAME,NAME... (an empty "
       "name in 'id,,headline')\n"},
      {"kept twice",
       {"rank", good, "--keep-columns", "id,id"},
       2,
       "credence rank: --keep-columns names 'id' twice (each column is "
       "written once)\n"},
      {"unknown kept column",
       {"rank", good, "--keep-columns", "id,source"},
       2,
       "credence rank: " + good +
           ": --keep-columns names no column 'source' (columns: id, "
           "headline)\n"},
      {"bad format",
       {"rank", good, "--format", "xml"},
       2,
       "credence rank: --format must be csv, jsonl or jsonl-brief, not "
       "'xml'\n"},
      {"negative top",
       {"rank", good, "--top", "-3"},
       2,
       "credence rank: --top must be a positive number of rows, not -3\n"},
      {"bad threads",
       {"rank", good, "--threads", "-1"},
       2,
       "credence rank: --threads must be between 1 and 1024 (0: every "
       "core)\n"},
      {"top not a number",
       {"rank", good, "--top", "ten"},
       2,
       "credence rank: the argument ('ten') for option '--top' is invalid "
       "(see credence rank --help)\n"},
      {"missing file",
       {"rank", dir + "/none.csv"},
       1,
       "credence rank: " + dir +
           "/none.csv: cannot open (No such file or directory)\n"},
      {"missing column",
       {"rank", good, "--column", "title"},
       1,
       "credence rank: " + good +
           ":1: no column 'title' (columns: id, headline)\n"},
      {"missing id column",
       {"rank", good, "--id-column", "key"},
       1,
       "credence rank: " + good +
           ":1: no column 'key' (columns: id, "
           "headline)\n"},
      {"bad row",
       {"rank", dir + "/bad.csv"},
       1,
       "credence rank: " + dir +
           "/bad.csv:3: row has 3 fields, the header has 2 (quote fields that "
           "hold commas; --skip-bad-rows reports and skips bad rows)\n"},
      {"empty output",
       {"rank", good, "--output", ""},
       2,
       "credence rank: --output must name a file (leave it out for standard "
       "output)\n"},
      // The same file by another spelling: overwriting it would lose the
      // input.
      {"output is the input",
       {"rank", good, "--output", dir + "/./h.csv"},
       2,
       "credence rank: --output " + dir +
           "/./h.csv is also an input (it would be overwritten; choose "
           "another path)\n"},
  };
  ExpectFailures(cases);
  EXPECT_EQ(ReadFile(good), kHeadlines);
  const CliRun skipped = Cli({"rank", dir + "/bad.csv", "--skip-bad-rows"});
  EXPECT_EQ(skipped.code, 0);
  EXPECT_EQ(skipped.err.substr(0, dir.size() + 11), dir + "/bad.csv:3:");
  EXPECT_EQ(skipped.err.substr(skipped.err.find('\n') + 1),
            "read 3 rows, ranked 2, rejected 1\n");
}

}  // namespace
}  // namespace credence
