// `credence tune`: its help, and its options parsed into TuneRunOptions;
// engine/learn/tune_run.h does the work.
#include <iostream>
#include <memory>
#include <sstream>

#include "engine/learn/tune_run.h"
#include "engine/util/atomic_file.h"
#include "tools/cli.h"
#include "tools/command_options.h"

namespace credence {
namespace {

namespace po = boost::program_options;

const char kTuneHelp[] =
    "usage: credence tune FILE.csv [FILE.csv ...] -o OUT.model\n"
    "                     [--text-column text] [--label-column label]\n"
    "                     [--unit claim|article] [--article-file FILE.csv]\n"
    "                     [--folds 5] [--l2 1.0] [--article-l2 X] [--seed 1]\n"
    "                     [--class-weight balanced|none]\n"
    "                     [--file-weight equal|rows] [--file-weights W,W,...]\n"
    "                     [--group-column COL]\n"
    "                     [--calibrate auto|platt|none] [--signs "
    "taxonomy|free]\n"
    "                     [--prior MODEL] [--constraints FILE]\n"
    "                     [--article-constraints FILE]\n"
    "                     [--name NAME] [--predictions FILE]\n"
    "                     [--lexicons DIR] [--overlay DIR]\n"
    "\n"
    "Fits the model's bias and weights to labeled rows (label 1 = credible:\n"
    "0/1 or true/false) by L2-regularized logistic regression (Newton's\n"
    "method). First a stratified, seeded k-fold cross-validation gives\n"
    "honest figures (AUC with DeLong's standard error, accuracy, F1 of each\n"
    "class, log loss, Brier score, expected calibration error and a\n"
    "reliability table); then the fit on\n"
    "every row is written to OUT.model, whole or not at all, with the\n"
    "command, each input's sha256 and row count, and the figures. A row\n"
    "whose text is empty or blank counts as one claim with no cues (as\n"
    "rank scores it).\n"
    "\n"
    "options:\n"
    "  -o, --output FILE     the model file to write (required; - is\n"
    "                        standard output, the report then going to\n"
    "                        stderr)\n"
    "  --unit claim|article  claim: each row's text is one claim (a headline,\n"
    "                        a sentence, a tweet); article: each row is an\n"
    "                        article (first line the headline), its features\n"
    "                        the mean of its claims' (default claim)\n"
    "  --article-file FILE   also read FILE as articles, whatever --unit\n"
    "  --text-column NAME    the text column (default text); --column is\n"
    "                        another name of it\n"
    "  --folds K             cross-validation folds, >= 2 (default 5)\n"
    "  --l2 X                ridge penalty on the weights (default 1.0)\n"
    "  --article-l2 X        the same for the article weights (default: --l2)\n"
    "  --seed N              seed of the fold shuffle (default 1)\n"
    "  --class-weight balanced|none\n"
    "                        balanced: inside each file both classes weigh\n"
    "                        the same (default)\n"
    "  --file-weight equal|rows\n"
    "                        equal: every file weighs the same in total, so\n"
    "                        a large file does not drown a small one\n"
    "                        (default); rows: every row weighs the same\n"
    "  --file-weights W,W,...\n"
    "                        one factor > 0 for each FILE.csv, in order,\n"
    "                        scaling that file's total weight (e.g. 2,1:\n"
    "                        the first file counts twice); --article-file\n"
    "                        files keep 1 (default: all 1)\n"
    "  --group-column COL    in files with column COL, rows of one value\n"
    "                        (e.g. a news event) stay in one fold: the "
    "figures\n"
    "                        then measure unseen groups, and each group\n"
    "                        gets its own row (the first 20 of a file in\n"
    "                        sorted order; a line counts the rest)\n"
    "  --calibrate auto|platt|none\n"
    "                        Platt scaling of the output, folded into the\n"
    "                        weights; auto keeps it when it lowers the\n"
    "                        cross-validated log loss by 0.001 or more\n"
    "  --signs taxonomy|free taxonomy: a weight stays on the side its cue\n"
    "                        category gives it (hedges never raise a score,\n"
    "                        official confirmations never lower one; held\n"
    "                        at 0 otherwise); free: no constraint\n"
    "                        (default taxonomy)\n"
    "  --predictions FILE    also write each row's out-of-fold probability\n"
    "                        there (CSV: file, line, id, unit, label,\n"
    "                        probability; id from an id column, if any;\n"
    "                        - is standard output, not with -o -)\n"
    "  --prior MODEL         pull the weights towards MODEL's (article\n"
    "                        weights towards its article weights, if it has\n"
    "                        any) instead of towards 0:\n"
    "                        the data moves a weight as far as its evidence\n"
    "                        goes, --l2 says how hard the pull is\n"
    "  --constraints FILE    linear constraints the claim weights keep, one a\n"
    "                        line after 'credence-constraints 1', e.g.\n"
    "                        '0.693*named_source + backing_official >= 0.4',\n"
    "                        'backing_named - backing_anonymous >= 0.3' or\n"
    "                        '0.693*denial + backing_institution <= -0.4':\n"
    "                        what the labeled data cannot teach; each holds\n"
    "                        before Platt scaling, which multiplies every\n"
    "                        weight by the same a > 0\n"
    "  --article-constraints FILE  the same for the article weights\n"
    "  --name NAME           the model's name (default credence-tuned)\n"
    "  --lexicons DIR, --overlay DIR  as for credence score\n"
    "\n"
    "exit codes: 0 written; 1 unreadable or bad data (a missing column, a\n"
    "label other than 0/1, one class only, an unwritable output); 2 bad\n"
    "command line.\n";

std::string CommandLine(const std::string& command,
                        const std::vector<std::string>& args) {
  std::string line = "credence " + command;
  for (const std::string& a : args) {
    const bool plain = !a.empty() && a.find_first_of(" \t'\"\\") == a.npos;
    line += " " + (plain ? a : "'" + a + "'");
  }
  return line;
}

}  // namespace

int RunTune(const std::vector<std::string>& args, std::ostream& out,
            std::ostream& err) {
  TuneRunOptions o;
  bool help = false;
  po::options_description desc;
  desc.add_options()("help,h", po::bool_switch(&help))(
      "output,o", po::value(&o.output))("label-column",
                                        po::value(&o.label_column))(
      "group-column", po::value(&o.group_column))("unit", po::value(&o.unit))(
      "article-file", po::value(&o.articles))("folds", po::value(&o.folds))(
      "l2", po::value(&o.l2))("article-l2", po::value(&o.article_l2))(
      "seed", po::value(&o.seed))("class-weight", po::value(&o.class_weight))(
      "file-weight", po::value(&o.file_weight))("file-weights",
                                                po::value(&o.file_weights))(
      "calibrate", po::value(&o.calibrate))("signs", po::value(&o.signs))(
      "prior", po::value(&o.prior))("constraints", po::value(&o.constraints))(
      "article-constraints", po::value(&o.article_constraints))(
      "name", po::value(&o.name))("predictions", po::value(&o.predictions))(
      "input", po::value<std::vector<std::string>>());
  AddScorerOptions(&desc, &o.lexicons, &o.overlay);
  AddTextColumnOption(&desc, &o.text_column);
  const po::variables_map vm = ParseCommandLine(args, desc, "tune");
  if (help) {
    out << kTuneHelp;
    return 0;
  }
  CheckTextColumn(vm);
  o.inputs = Inputs(vm);
  o.article_l2_given = vm.count("article-l2") > 0;
  o.predictions_given = vm.count("predictions") > 0;
  ValidateTuneRunOptions(o);
  const bool model_out = o.output == "-";
  const bool predictions_out = o.predictions == "-";
  if (model_out && predictions_out) {
    throw UsageError(
        "-o - and --predictions - both name standard output (give a file "
        "to one of them)");
  }
  const std::vector<std::string> side_inputs = {o.prior, o.constraints,
                                                o.article_constraints};
  if (!model_out) {
    CheckNotAnInput(o.output, "-o", {o.inputs, o.articles, side_inputs});
  }
  if (!o.predictions.empty() && !predictions_out) {
    CheckNotAnInput(o.predictions, "--predictions",
                    {o.inputs, o.articles, side_inputs});
    if (SamePath(o.predictions, o.output)) {
      throw UsageError("--predictions and -o name the same file (" + o.output +
                       ")");
    }
  }

  RefuseDirectories({o.inputs, o.articles});
  if (!o.prior.empty()) RefuseDirectory(o.prior, "a model file");
  // A bad folder fails before the work; standard output gets its file
  // once the run is done.
  std::unique_ptr<AtomicFile> target;
  if (!model_out) target = std::make_unique<AtomicFile>(o.output);
  std::unique_ptr<AtomicFile> predictions;
  if (!o.predictions.empty() && !predictions_out) {
    predictions = std::make_unique<AtomicFile>(o.predictions);
  }
  const TuneRun run = TuneModel(o, CommandLine("tune", args));
  std::ostringstream model_text, predictions_text;
  if (!o.predictions.empty()) {
    WriteTunePredictions(
        run, predictions ? predictions->stream() : predictions_text);
    if (predictions) predictions->Commit();
  }
  run.model.Save(target ? target->stream() : model_text);
  if (target) target->Commit();
  // The report goes to stderr when a file takes standard output.
  if (model_out || predictions_out) {
    out << model_text.str() << predictions_text.str();
    err << run.report << "wrote " << (model_out ? "the model" : o.output)
        << (predictions_out ? " and the predictions to standard output"
            : model_out     ? " to standard output"
                            : "")
        << "\n";
    return 0;
  }
  out << run.report << "wrote " << o.output << "\n";
  return 0;
}

}  // namespace credence
