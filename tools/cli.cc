#include "tools/cli.h"

#include <boost/program_options.hpp>
#include <cerrno>
#include <cstring>
#include <filesystem>
#include <fstream>
#include <iostream>
#include <memory>
#include <sstream>

#include "engine/report.h"
#include "engine/resources.h"
#include "engine/scorer.h"

namespace credence {
namespace {

namespace po = boost::program_options;

// A failure that already names its file (model, lexicon) or is reported
// against the input path by the caller.
class DataError : public std::runtime_error {
 public:
  using std::runtime_error::runtime_error;
};

const char kMainHelp[] =
    "credence: how well-sourced is a piece of news, claim by claim\n"
    "\n"
    "usage: credence COMMAND [options]\n"
    "\n"
    "commands:\n"
    "  score FILE|-   score one article (first line = headline)\n"
    "\n"
    "credence COMMAND --help explains a command, its output and its exit\n"
    "codes. credence --version prints the version.\n";

const char kScoreHelp[] =
    "usage: credence score FILE|- [--format text|json] [--model FILE]\n"
    "                      [--lexicons DIR] [--overlay DIR]\n"
    "\n"
    "Scores one article: UTF-8 text whose first non-blank line is the\n"
    "headline (claim 0); every sentence after it is a claim. Each claim gets\n"
    "a confidence in [0,1] = logistic(bias + sum of weight x feature); the\n"
    "article score is the mean of the claim confidences.\n"
    "\n"
    "options:\n"
    "  --format text|json  output format (default text)\n"
    "  --model FILE        a credence-model 1 file (default: built in)\n"
    "  --lexicons DIR      a folder holding every lexicon file (below) to use\n"
    "                      instead of the built-in ones\n"
    "  --overlay DIR       a folder of lexicon files that edit the lexicons:\n"
    "                      'phrase' adds an entry, 'phrase = 0.5' adds or\n"
    "                      re-weights one, '-phrase' removes one\n"
    "  -h, --help          this text\n"
    "\n"
    "lexicon files: hedge, booster, anonymous_source, vague_attribution,\n"
    "named_source, official_confirmation, denial, media_report,\n"
    "unverified_social, speculation, doubt_marker, sensational (the cue\n"
    "categories), and official_title, official_body, media_outlet,\n"
    "person_noun, vague_speaker, acronym, listicle_noun (word classes the\n"
    "attribution rules read), each NAME.txt.\n"
    "\n"
    "JSON output, one object (offsets count Unicode code points of the input\n"
    "as given, so text[start:end] in Python is the span; end is exclusive):\n"
    "  credence.version       version of credence\n"
    "  model.name             name line of the model file\n"
    "  model.format_version   model file format version (1)\n"
    "  model.bias             the model's bias\n"
    "  model.features         feature names, in model order\n"
    "  article.score          mean of the claim confidences, in [0,1]\n"
    "  article.claims         number of claims\n"
    "  article.aggregation    how article.score was computed\n"
    "  claims[]               one object a claim, in text order:\n"
    "    index                0 for the headline, then 1, 2, ...\n"
    "    start, end           code point offsets of the claim\n"
    "    text                 the claim, exactly the input at its offsets\n"
    "    confidence           logistic(logit), in [0,1]\n"
    "    logit                model.bias + the sum of contributions\n"
    "    backing              what backs the claim: official, institution,\n"
    "                         named, media, anonymous, vague, social or none\n"
    "    backing_carried      true when taken from the previous claim\n"
    "                         (\"She added ...\")\n"
    "    cues[]               evidence found in the claim, by start:\n"
    "      start, end         code point offsets of the cue\n"
    "      text               the cue, exactly the input at its offsets\n"
    "      category           one of the twelve cue categories above\n"
    "      strength           the lexicon entry's strength\n"
    "      contribution       the cue's share of its category's contribution\n"
    "      entry              the lexicon entry (or <rule>) that matched\n"
    "      source             FILE:LINE of the entry, or rule\n"
    "    features             feature name -> value: per category s/(1+s)\n"
    "                         for the sum s of its cue strengths; per backing\n"
    "                         1 or 0\n"
    "    contributions        feature name -> weight x value\n"
    "\n"
    "Text output: the article score, then one block a claim: [index],\n"
    "confidence, the claim wrapped to 80 columns, its backing with the\n"
    "backing's contribution, and a line a cue: category, its contribution\n"
    "to the logit, @start-end, \"cue text\".\n"
    "\n"
    "exit codes: 0 scored; 1 unreadable, empty, binary or non-UTF-8 input,\n"
    "or a bad model or lexicon file; 2 bad command line.\n";

std::string ReadAll(std::istream& in) {
  std::ostringstream buffer;
  buffer << in.rdbuf();
  return buffer.str();
}

// Reads the article; errors become DataError "PATH: problem".
std::string ReadInput(const std::string& path, std::istream& in) {
  if (path == "-") {
    std::string text = ReadAll(in);
    if (in.bad()) throw DataError("-: cannot read standard input");
    return text;
  }
  std::error_code ec;
  if (std::filesystem::is_directory(path, ec)) {
    throw DataError(path + ": is a directory (give an article file)");
  }
  std::ifstream file(path, std::ios::binary);
  if (!file) {
    throw DataError(path + ": cannot open (" +
                    std::string(std::strerror(errno)) + ")");
  }
  std::string text = ReadAll(file);
  if (file.bad()) throw DataError(path + ": read error");
  return text;
}

ScoreOptions ParseScoreOptions(const std::vector<std::string>& args,
                               bool* help) {
  ScoreOptions options;
  po::options_description desc;
  desc.add_options()("help,h", po::bool_switch(help))(
      "format", po::value(&options.format))("model", po::value(&options.model))(
      "lexicons", po::value(&options.lexicons))("overlay",
                                                po::value(&options.overlay))(
      "input", po::value<std::vector<std::string>>());
  po::positional_options_description positional;
  positional.add("input", -1);
  po::variables_map vm;
  try {
    po::store(po::command_line_parser(args)
                  .options(desc)
                  .positional(positional)
                  .style(po::command_line_style::unix_style ^
                         po::command_line_style::allow_guessing)
                  .run(),
              vm);
    po::notify(vm);
  } catch (const po::error& e) {
    throw UsageError(std::string(e.what()) + " (see credence score --help)");
  }
  if (*help) return options;
  if (vm.count("input")) {
    const auto& inputs = vm["input"].as<std::vector<std::string>>();
    if (inputs.size() > 1) {
      throw UsageError("one article at a time (got " +
                       std::to_string(inputs.size()) + " files)");
    }
    options.input = inputs.front();
  }
  ValidateScoreOptions(options);
  return options;
}

int RunScore(const std::vector<std::string>& args, std::istream& in,
             std::ostream& out) {
  bool help = false;
  const ScoreOptions options = ParseScoreOptions(args, &help);
  if (help) {
    out << kScoreHelp;
    return 0;
  }
  std::vector<Lexicon> lexicons = options.lexicons.empty()
                                      ? DefaultLexicons()
                                      : LoadLexiconDirectory(options.lexicons);
  if (!options.overlay.empty()) {
    ApplyOverlayDirectory(options.overlay, &lexicons);
  }
  const LinearModel model = options.model.empty()
                                ? DefaultModel()
                                : LinearModel::LoadFile(options.model);
  std::unique_ptr<Scorer> scorer;
  try {
    scorer = std::make_unique<Scorer>(Extractor(lexicons), model);
  } catch (const std::invalid_argument& e) {
    throw DataError(
        (options.model.empty() ? "<built-in model>" : options.model) + ": " +
        e.what() +
        " (use a model tuned for these "
        "lexicons)");
  }
  const std::string text = ReadInput(options.input, in);
  ArticleScore article;
  try {
    article = scorer->ScoreArticle(text);
  } catch (const InputError& e) {
    // "PATH:line:col: problem" when the error has a position.
    const char* what = e.what();
    const bool positioned = *what >= '0' && *what <= '9';
    throw DataError(options.input + (positioned ? ":" : ": ") + what);
  }
  // The whole report is built before anything is written, so an error
  // never leaves half a report behind.
  std::ostringstream report;
  if (options.format == "json") {
    WriteJsonReport(text, article, *scorer, report);
  } else {
    WriteTextReport(text, article, *scorer, report);
  }
  out << report.str();
  out.flush();
  if (!out)
    throw DataError("cannot write the report (disk full or pipe closed?)");
  return 0;
}

}  // namespace

void ValidateScoreOptions(const ScoreOptions& options) {
  if (options.input.empty()) {
    throw UsageError(
        "no article given (credence score FILE, or - for "
        "standard input)");
  }
  if (options.format != "text" && options.format != "json") {
    throw UsageError("--format must be text or json, not '" + options.format +
                     "'");
  }
}

int RunCli(const std::vector<std::string>& args, std::istream& in,
           std::ostream& out, std::ostream& err) {
  if (args.empty()) {
    err << "credence: no command given (usage: credence COMMAND [options]; "
           "see credence --help)\n";
    return 2;
  }
  if (args[0] == "--help" || args[0] == "-h" || args[0] == "help") {
    out << kMainHelp;
    return 0;
  }
  if (args[0] == "--version") {
    out << "credence " << kCredenceVersion << "\n";
    return 0;
  }
  const std::string& command = args[0];
  const std::vector<std::string> rest(args.begin() + 1, args.end());
  const std::string who = "credence " + command + ": ";
  try {
    if (command == "score") return RunScore(rest, in, out);
    err << "credence: unknown command '" << command
        << "' (commands: score; see credence --help)\n";
    return 2;
  } catch (const UsageError& e) {
    err << who << e.what() << "\n";
    return 2;
  } catch (const std::exception& e) {
    // Model, lexicon and input errors already carry "path:line: problem".
    err << who << e.what() << "\n";
    return 1;
  }
}

}  // namespace credence
