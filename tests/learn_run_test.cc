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

TEST(LearnRunTest, TuneModelRecordsTheCallersCommandAndItsInput) {
  const ScratchDir dir("credence_learn_run_test");
  const std::string data = dir.Write("data.csv", kLabeled);
  TuneRunOptions o;
  o.inputs = {data};
  o.output = dir.Path("unused.model");
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

TEST(LearnRunTest, EvaluateModelReportsTextAndJson) {
  const ScratchDir dir("credence_learn_run_test");
  const std::string data = dir.Write("data.csv", kLabeled);
  EvalRunOptions o;
  o.inputs = {data};
  ValidateEvalRunOptions(o);
  const EvalRun text = EvaluateModel(o);
  EXPECT_EQ(text.data.rows(), 12u);
  EXPECT_EQ(text.report.rfind("eval: model credence-default, 12 rows\n", 0), 0u)
      << text.report;
  o.format = "json";
  const EvalRun json = EvaluateModel(o);
  EXPECT_EQ(json.report.rfind(
                "{\"schema_version\":1,\"model\":\"credence-default\",\"n\":12,"
                "\"positives\":6,",
                0),
            0u)
      << json.report;
}

// A change to valid options that the check refuses, with its message.
template <typename Options>
struct Refusal {
  std::function<void(Options*)> change;
  std::string message;
};

// Applies each change to `base` (which passes) and expects `validate` to
// throw OptionError with the case's message.
template <typename Options>
void ExpectRefusals(const Options& base, void (*validate)(const Options&),
                    const std::vector<Refusal<Options>>& cases) {
  validate(base);
  for (const Refusal<Options>& c : cases) {
    Options o = base;
    c.change(&o);
    try {
      validate(o);
      ADD_FAILURE() << "accepted: " << c.message;
    } catch (const OptionError& e) {
      EXPECT_EQ(e.what(), c.message);
    }
  }
}

TEST(LearnOptionsTest, BadTuneOptionsAreRefused) {
  const std::vector<Refusal<TuneRunOptions>> cases = {
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
  TuneRunOptions base;
  base.inputs = {"data.csv"};
  base.output = "out.model";
  ExpectRefusals(base, &ValidateTuneRunOptions, cases);
}

TEST(LearnOptionsTest, BadEvalOptionsAreRefused) {
  const std::vector<Refusal<EvalRunOptions>> cases = {
      {[](EvalRunOptions* o) { o->inputs.clear(); },
       "no labeled CSV file given (credence eval FILE.csv)"},
      {[](EvalRunOptions* o) { o->format = "xml"; },
       "--format must be text or json or html, not 'xml'"},
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
  EvalRunOptions base;
  base.inputs = {"data.csv"};
  ExpectRefusals(base, &ValidateEvalRunOptions, cases);
}

}  // namespace
}  // namespace credence
