// `credence eval --gold` and `--contrast` through the command line: the
// options reach the library, JSON parses, and misuse exits 2.
#include <gtest/gtest.h>

#include <nlohmann/json.hpp>
#include <sstream>
#include <string>
#include <vector>

#include "tools/cli.h"

namespace credence {
namespace {

struct EvalRun {
  int code;
  std::string out, err;
};

EvalRun Eval(std::vector<std::string> args) {
  args.insert(args.begin(), "eval");
  std::istringstream in;
  std::ostringstream out, err;
  const int code = RunCli(args, in, out, err);
  return {code, out.str(), err.str()};
}

const std::string kGold = CREDENCE_FIXTURES "/gold_eval/gold.tsv";
const std::string kSuite = CREDENCE_FIXTURES "/contrast";

TEST(JudgeCli, GoldJsonHasTheDocumentedKeys) {
  const EvalRun r = Eval({"--gold", kGold, "--format", "json"});
  ASSERT_EQ(r.code, 0) << r.err;
  const nlohmann::json j = nlohmann::json::parse(r.out);
  EXPECT_EQ(j["split"], "dev");
  EXPECT_EQ(j["articles"], 3);
  EXPECT_EQ(j["categories"].size(), 8u);
  EXPECT_EQ(j["backing"]["correct"], 13);
  EXPECT_EQ(j["confusion"]["rows"][7][7], 5);
  EXPECT_EQ(j["speaker"],
            nlohmann::json::parse(
                R"({"gold":8,"claims":8,"correct":8,"accuracy":1.0})"));
  EXPECT_EQ(j["auc"], 1.0);
  for (const char* key :
       {"micro_all", "micro_sourcing", "backing_sourced", "backing_unsourced",
        "groups", "auc_positive", "auc_negative"}) {
    EXPECT_TRUE(j.contains(key)) << key;
  }
}

TEST(JudgeCli, GoldSplitAndRoot) {
  const EvalRun test = Eval({"--gold", kGold, "--gold-split", "test"});
  ASSERT_EQ(test.code, 0) << test.err;
  EXPECT_EQ(test.out.rfind("gold: 2 articles, split test\n", 0), 0u);
  const EvalRun root = Eval({"--gold", kGold, "--gold-root", "/nonexistent"});
  EXPECT_EQ(root.code, 1);
  EXPECT_EQ(root.err, "credence eval: " + kGold +
                          ":7: cannot read article "
                          "/nonexistent/articles/bridge.txt (hint: article "
                          "paths are relative to --gold-root, by default the "
                          "gold file's folder)\n");
}

TEST(JudgeCli, ContrastTextAndJson) {
  const EvalRun text = Eval({"--contrast", kSuite});
  ASSERT_EQ(text.code, 0) << text.err;
  EXPECT_NE(text.out.find("  all expectations: 9920/9920 (100.0%), "
                          "2480/2480 (100.0%)\n"),
            std::string::npos)
      << text.out;
  const EvalRun json = Eval({"--contrast", kSuite, "--format", "json"});
  ASSERT_EQ(json.code, 0) << json.err;
  const nlohmann::json j = nlohmann::json::parse(json.out);
  EXPECT_EQ(j["expectations"].size(), 8u);
  EXPECT_EQ(j["dev"]["passed"], 9920);
  EXPECT_EQ(j["invariance_test"]["n"], 242);
  EXPECT_EQ(j["worst"].size(), 0u);  // every failing pair of frames: none
}

TEST(JudgeCli, MisuseExitsTwo) {
  const struct {
    std::vector<std::string> args;
    std::string err;
  } cases[] = {
      {{"--gold", kGold, "--contrast", kSuite},
       "--gold and --contrast are separate runs (give one)"},
      {{"--gold", kGold, "rows.csv"},
       "--gold and --contrast take no CSV file, --article-file, "
       "--predictions, --cues or --unit"},
      {{"--gold-split", "test"},
       "--gold-root and --gold-split need --gold FILE"},
      {{"--gold", kGold, "--gold-split", "train"},
       "--gold-split must be dev, test or all, not 'train'"},
      {{"--contrast", kSuite, "--format", "csv"},
       "--format must be text or json, not 'csv'"},
      {{"--gold", kGold, "--report", "g.html"},
       "--report is the HTML page of labeled CSV files, not of --gold or "
       "--contrast"},
      {{"--contrast", kSuite, "--format", "html"},
       "--format must be text or json, not 'html' (html is the page of "
       "labeled CSV files, not of --gold or --contrast)"},
  };
  for (const auto& c : cases) {
    const EvalRun r = Eval(c.args);
    EXPECT_EQ(r.code, 2) << c.err;
    EXPECT_EQ(r.err, "credence eval: " + c.err + "\n");
  }
}

TEST(JudgeCli, HelpDocumentsTheMatchRuleAndKeys) {
  const EvalRun r = Eval({"--help"});
  ASSERT_EQ(r.code, 0);
  for (const char* part :
       {"--gold FILE", "overlap by at least\none code point", "system_matched",
        "backing_unsourced", "right when the two spans overlap",
        "speaker (gold: gold claims with a speaker", "invariance_dev",
        "worst"}) {
    EXPECT_NE(r.out.find(part), std::string::npos) << part;
  }
}

}  // namespace
}  // namespace credence
