// `credence eval`: its help, and its options parsed into EvalRunOptions;
// engine/learn/eval_run.h does the work.
#include <iostream>
#include <memory>
#include <sstream>

#include "engine/learn/eval_run.h"
#include "engine/util/atomic_file.h"
#include "tools/cli.h"
#include "tools/command_options.h"

namespace credence {
namespace {

namespace po = boost::program_options;

const char kEvalHelp[] =
    "usage: credence eval FILE.csv [FILE.csv ...] [--model FILE]\n"
    "                     [--unit claim|article] [--article-file FILE.csv]\n"
    "                     [--format text|json|html] [--text-column text]\n"
    "                     [--label-column label] [--predictions FILE]\n"
    "                     [--cues] [--report FILE.html]\n"
    "                     [--lexicons DIR] [--overlay DIR]\n"
    "\n"
    "Scores labeled rows (label 1 = credible) with a model (default: the\n"
    "built-in one) and reports AUC with DeLong's standard error, accuracy,\n"
    "F1 of each class, log loss, Brier score, expected calibration error\n"
    "(10 bins) and the reliability table: for all rows, then each file when\n"
    "there are several. A row whose text is empty or blank counts as one\n"
    "claim with no cues (as rank scores it).\n"
    "\n"
    "JSON (--format json): one object with keys schema_version (1), model,\n"
    "n, positives, auc, auc_se,\n"
    "auc_ci95 ([auc - 1.96 auc_se, auc + 1.96 auc_se] inside [0, 1]),\n"
    "accuracy, f1 (mean of the two classes' F1), f1_credible, f1_doubtful,\n"
    "log_loss, brier, ece, reliability (bins: low, high, n, mean_predicted,\n"
    "observed) and files (the same keys a file, with path). A rate that is\n"
    "undefined (AUC with one class) is null.\n"
    "\n"
    "HTML (--format html): one self-contained page (nothing loaded, no\n"
    "script needed): the files, the metrics of each scope, then for all\n"
    "rows and each file (when there are several) the ROC curve with the AUC\n"
    "and its 95% interval, the reliability diagram (each bin's share labeled\n"
    "1 against its mean predicted probability, with its row count) and the\n"
    "histograms of predicted probability of the two classes, drawn as inline\n"
    "SVG, and the reliability bins; with --cues, the cue table, highest log\n"
    "odds ratio first, sortable by any column with a click. Save it with\n"
    "> FILE.html, or write it with --report FILE.html (whole or not at\n"
    "all) while the text or JSON report goes to stdout. Not for --gold or\n"
    "--contrast.\n"
    "\n"
    "--predictions FILE writes each row's probability there, whole or not at\n"
    "all: CSV with columns file, line (where the row's record starts), id\n"
    "(the id column's value, empty without one), unit, label, probability.\n"
    "--predictions - writes them to stdout, and the report to stderr.\n"
    "--text-column NAME names the text column (default text; --column is\n"
    "another name of it).\n"
    "\n"
    "--cues adds a table of every cue that fired (lexicon entry or rule,\n"
    "in its category): the rows it fires in (once a row) of each class, the\n"
    "log odds ratio of firing in a row labeled 1 against one labeled 0 (each\n"
    "count + 0.5) with its standard error, and the category's taxonomy side;\n"
    "'!' marks a cue the data puts on the other side by more than 2 se. In\n"
    "JSON: \"cues\", objects with category, entry, source, rows,\n"
    "rows_credible, log_odds_ratio, se, side (+1, -1, 0) and contradicts.\n"
    "\n"
    "exit codes: 0 done; 1 unreadable or bad data; 2 bad command line.\n";

}  // namespace

int RunEval(const std::vector<std::string>& args, std::ostream& out,
            std::ostream& err) {
  EvalRunOptions o;
  bool help = false;
  po::options_description desc;
  desc.add_options()("help,h", po::bool_switch(&help))(
      "model", po::value(&o.model))("label-column", po::value(&o.label_column))(
      "unit", po::value(&o.unit))("article-file", po::value(&o.articles))(
      "format", po::value(&o.format))("predictions", po::value(&o.predictions))(
      "cues", po::bool_switch(&o.cues))("report", po::value(&o.report))(
      "input", po::value<std::vector<std::string>>());
  AddScorerOptions(&desc, &o.lexicons, &o.overlay);
  AddJudgeOptions(&desc, &o);
  AddTextColumnOption(&desc, &o.text_column);
  const po::variables_map vm = ParseCommandLine(args, desc, "eval");
  if (help) {
    out << kEvalHelp << kJudgeHelp;
    return 0;
  }
  CheckTextColumn(vm);
  o.inputs = Inputs(vm);
  o.predictions_given = vm.count("predictions") > 0;
  o.report_given = vm.count("report") > 0;
  ValidateEvalRunOptions(o);
  if (IsJudgeEval(o)) {
    out << JudgeModel(o);
    return 0;
  }
  RefuseDirectories({o.inputs, o.articles});
  // --predictions - takes standard output; the report then goes to stderr.
  const bool predictions_out = o.predictions == "-";
  std::unique_ptr<AtomicFile> predictions;
  if (!o.predictions.empty() && !predictions_out) {
    CheckNotAnInput(o.predictions, "--predictions",
                    {o.inputs, o.articles, {o.model}});
    predictions = std::make_unique<AtomicFile>(o.predictions);
  }
  std::unique_ptr<AtomicFile> page;
  if (!o.report.empty()) {
    CheckNotAnInput(o.report, "--report",
                    {o.inputs, o.articles, {o.model, o.predictions}});
    page = std::make_unique<AtomicFile>(o.report);
  }
  const EvalRun run = EvaluateModel(o);
  if (predictions_out) {
    std::ostringstream written;
    WriteEvalPredictions(run, o, written);
    out << written.str();
    err << run.report;
    return 0;
  }
  if (predictions) {
    WriteEvalPredictions(run, o, predictions->stream());
    predictions->Commit();
  }
  if (page) {
    page->stream() << run.page;
    page->Commit();
  }
  out << run.report;
  return 0;
}

}  // namespace credence
