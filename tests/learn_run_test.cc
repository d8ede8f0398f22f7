// Whole tune and eval runs called as a library user calls them, without
// the command line: the option checks, the model and its provenance, the
// reports.
#include <gtest/gtest.h>

#include <functional>
#include <string>
#include <vector>

#include "engine/learn/eval_run.h"
#include "engine/learn/learn_options.h"
#include "engine/learn/tune_run.h"
#include "engine/util/sha256.h"
#include "tests/scratch_dir.h"

namespace credence {
namespace {

// Six credible rows (official confirmations, named sources) and six
// doubtful ones (hedges, rumours).
const char kLabeled[] =
    "text,label\n"
    "The ministry confirmed the figures.,1\n"
    "Officials said the report was accurate.,1\n"
    "The police confirmed the arrest on Monday.,1\n"
    "\"According to the ministry, the plan was approved.\",1\n"
    "The agency confirmed the deal.,1\n"
    "The government confirmed the results.,1\n"
    "Sources say it may happen.,0\n"
    "Rumors suggest the deal could collapse.,0\n"
    "It is alleged that he might resign.,0\n"
    "Some people claim it could be true.,0\n"
    "Unverified posts suggest the minister may quit.,0\n"
    "Critics say it might be a hoax.,0\n";

class LearnRunTest : public ScratchDirTest {
 protected:
  LearnRunTest() : ScratchDirTest("credence_learn_run_test") {}
};

TEST_F(LearnRunTest, TuneModelRecordsTheCallersCommandAndItsInput) {
  const std::string data = Write("data.csv", kLabeled);
  TuneRunOptions o;
  o.inputs = {data};
  o.output = Path("unused.model");
  o.folds = 3;
  ValidateTuneRunOptions(o);
  const TuneRun run = TuneModel(o, "my-script --fast");
  EXPECT_EQ(run.claims.rows(), 12u);
  EXPECT_EQ(run.articles.rows(), 0u);
  EXPECT_FALSE(run.model.has_article_weights());
  ASSERT_GE(run.model.meta().size(), 2u);
  EXPECT_EQ(run.model.meta()[0], (std::pair<std::string, std::string>(
                                     "command", "my-script --fast")));
  EXPECT_EQ(run.model.meta()[1],
            (std::pair<std::string, std::string>(
                "input", data + " sha256=" + Sha256OfFile(data) +
                             " rows=12 labeled_1=6")));
  EXPECT_EQ(
      run.report.rfind("claim weights: 1 file, 12 rows (6 labeled 1), ", 0), 0u)
      << run.report;
}

TEST_F(LearnRunTest, EvaluateModelReportsTextAndJson) {
  const std::string data = Write("data.csv", kLabeled);
  EvalRunOptions o;
  o.inputs = {data};
  ValidateEvalRunOptions(o);
  const EvalRun text = EvaluateModel(o);
  EXPECT_EQ(text.data.rows(), 12u);
  EXPECT_EQ(text.report.rfind("eval: model credence-default, 12 rows\n", 0), 0u)
      << text.report;
  o.format = "json";
  const EvalRun json = EvaluateModel(o);
  EXPECT_EQ(json.report.rfind("{\"model\":\"credence-default\",\"n\":12,"
                              "\"positives\":6,",
                              0),
            0u)
      << json.report;
}

// Options each check refuses, with the message.
TEST(LearnOptionsTest, BadTuneOptionsAreRefused) {
  struct Case {
    std::function<void(TuneRunOptions*)> change;
    std::string message;
  };
  const std::vector<Case> cases = {
      {[](TuneRunOptions* o) { o->inputs.clear(); },
       "no labeled CSV file given (credence tune FILE.csv -o OUT.model)"},
      {[](TuneRunOptions* o) { o->output.clear(); },
       "-o OUT.model is required (where to write the model)"},
      {[](TuneRunOptions* o) { o->unit = "sentence"; },
       "--unit must be claim or article, not 'sentence'"},
      {[](TuneRunOptions* o) { o->folds = 1; },
       "--folds must be between 2 and 1000, not 1"},
      {[](TuneRunOptions* o) { o->file_weights = "2,x"; },
       "--file-weights: 'x' is not a number > 0 (hint: one number > 0 for "
       "each of the 1 FILE.csv, comma-separated)"},
      {[](TuneRunOptions* o) { o->name = "two\nlines"; },
       "--name must be one non-empty line of printable UTF-8 text"},
  };
  for (const Case& c : cases) {
    TuneRunOptions o;
    o.inputs = {"data.csv"};
    o.output = "out.model";
    ValidateTuneRunOptions(o);  // the base case passes
    c.change(&o);
    try {
      ValidateTuneRunOptions(o);
      ADD_FAILURE() << "accepted: " << c.message;
    } catch (const OptionError& e) {
      EXPECT_EQ(e.what(), c.message);
    }
  }
}

TEST(LearnOptionsTest, BadEvalOptionsAreRefused) {
  struct Case {
    std::function<void(EvalRunOptions*)> change;
    std::string message;
  };
  const std::vector<Case> cases = {
      {[](EvalRunOptions* o) { o->inputs.clear(); },
       "no labeled CSV file given (credence eval FILE.csv)"},
      {[](EvalRunOptions* o) { o->format = "xml"; },
       "--format must be text or json, not 'xml'"},
      {[](EvalRunOptions* o) { o->gold = "g.tsv"; },
       "--gold and --contrast take no CSV file, --article-file, "
       "--predictions, --cues or --unit"},
      {[](EvalRunOptions* o) {
         o->inputs.clear();
         o->gold = "g.tsv";
         o->contrast = "suite";
       },
       "--gold and --contrast are separate runs (give one)"},
      {[](EvalRunOptions* o) {
         o->inputs.clear();
         o->gold_split = "train";
       },
       "--gold-root and --gold-split need --gold FILE"},
  };
  for (const Case& c : cases) {
    EvalRunOptions o;
    o.inputs = {"data.csv"};
    ValidateEvalRunOptions(o);
    c.change(&o);
    try {
      ValidateEvalRunOptions(o);
      ADD_FAILURE() << "accepted: " << c.message;
    } catch (const OptionError& e) {
      EXPECT_EQ(e.what(), c.message);
    }
  }
}

}  // namespace
}  // namespace credence
