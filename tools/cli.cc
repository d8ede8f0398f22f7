// The command line: the help texts, `credence score` and `credence rank`,
// and the dispatch of every command.
#include "tools/cli.h"

#include <fcntl.h>
#include <unistd.h>

#include <algorithm>
#include <boost/program_options.hpp>
#include <cerrno>
#include <chrono>
#include <cstring>
#include <filesystem>
#include <fstream>
#include <functional>
#include <iostream>
#include <memory>
#include <sstream>
#include <thread>

#include "engine/builtin_data.h"
#include "engine/csv/csv_record.h"
#include "engine/html_report.h"
#include "engine/rank/ranker.h"
#include "engine/report.h"
#include "engine/scorer.h"
#include "engine/util/atomic_file.h"
#include "tools/command_options.h"

namespace credence {
namespace {

namespace po = boost::program_options;

const char kMainHelp[] =
    "credence: how well-sourced is a piece of news, claim by claim\n"
    "\n"
    "usage: credence COMMAND [options]\n"
    "\n"
    "commands:\n"
    "  score FILE|-   score one article (first line = headline)\n"
    "  rank FILE|-    rank the rows of a CSV file of headlines\n"
    "  tune FILE...   fit a model's weights to labeled CSV files\n"
    "  eval FILE...   measure a model on labeled CSV files\n"
    "\n"
    "credence COMMAND --help explains a command, its output and its exit\n"
    "codes. credence --version (or credence COMMAND --version) prints the\n"
    "version. FILE - is standard input; --output - is standard output.\n";

const char kScoreHelp[] =
    "usage: credence score FILE|-|FOLDER...\n"
    "                      [--format text|json|html|brief]\n"
    "                      [--jsonl FILE|-] [--id-field id] [--text-field "
    "text]\n"
    "                      [--threads N] [--skip-bad-rows] [--output FILE]\n"
    "                      [--model FILE] [--lexicons DIR] [--overlay DIR]\n"
    "\n"
    "Scores one article: UTF-8 text whose first non-blank line is the\n"
    "headline (claim 0); every sentence after it is a claim. Each claim gets\n"
    "a confidence in [0,1] = logistic(bias + sum of weight x feature); the\n"
    "article score is logistic(article bias + article weights x the mean\n"
    "of the claims' features and the article features: speech verbs,\n"
    "quotation marks and all-caps words per 100 words, a dateline), or of\n"
    "the mean claim logit for a model without article weights.\n"
    "\n"
    "Many articles (several FILEs, a FOLDER: its *.txt files at any depth,\n"
    "by path; or --jsonl) are written as JSON Lines, one report a line in\n"
    "input order: the object of --format json on one line with \"path\"\n"
    "(files) or \"id\" (--jsonl) as its first key; or, with --format brief,\n"
    "{\"path\"|\"id\", \"score\": article score, \"claims\": "
    "[{\"confidence\",\n"
    "\"backing\", \"cue\": {\"category\", \"text\"} of the claim's strongest\n"
    "cue, or null}]} (numbers with 6 decimals); with --format html, one\n"
    "page: a section an article (as the page of one article shows it,\n"
    "headed by its path or id, in input order), then an index linking to\n"
    "each section with the article's score. stderr then ends with\n"
    "\"read N articles, scored M, rejected K\".\n"
    "\n"
    "options:\n"
    "  --format text|json|html|brief\n"
    "                      output format (default text; JSON Lines of full\n"
    "                      reports for many articles); html is one\n"
    "                      self-contained page: the article with its cues\n"
    "                      marked, the claims, a legend and a summary (many\n"
    "                      articles: a section each and an index)\n"
    "  --jsonl FILE|-      JSON Lines of articles: one object a line\n"
    "  --id-field NAME     the field of a line's id (default id), a string\n"
    "  --text-field NAME   the field of its text (default text), a string\n"
    "  --threads N         threads scoring many articles (default: every\n"
    "                      core); the output is the same for any N\n"
    "  --skip-bad-rows     report each bad article (PATH[:LINE]: problem)\n"
    "                      on stderr and go on (default: the first one\n"
    "                      stops the run, no output)\n"
    "  --output FILE       write there instead of stdout (- is stdout); a\n"
    "                      file appears whole or not at all\n"
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
    "unverified_social, speculation, doubt_marker, sensational, weasel,\n"
    "peacock, clickbait, hard_news, question, link, quotation, title_case\n"
    "(the cue categories), and official_title, official_body, media_outlet,\n"
    "person_noun, vague_speaker, acronym, listicle_noun, set_phrase (word\n"
    "classes the rules read), each NAME.txt.\n"
    "\n"
    "JSON output, one object (offsets count Unicode code points of the input\n"
    "as given, so text[start:end] in Python is the span; end is exclusive;\n"
    "JSON Schemas of every output are in docs/schema/):\n"
    "  schema_version         1; changes when a field changes meaning\n"
    "  credence.version       version of credence\n"
    "  model.name             name line of the model file\n"
    "  model.format_version   model file format version: 2 with article\n"
    "                         features, else 1\n"
    "  model.bias             the model's bias\n"
    "  model.features         feature names, in model order\n"
    "  article.score          in [0,1]; see article.aggregation\n"
    "  article.logit          its logit\n"
    "  article.claims         number of claims\n"
    "  article.aggregation    how article.score was computed: \"article\n"
    "                         weights on the mean claim features and the\n"
    "                         article features\", \"article weights on the\n"
    "                         mean claim features\" or \"logistic of the\n"
    "                         mean claim logit\"\n"
    "  article.backing        claims by backing: an object of the eight\n"
    "                         backings (official ... social, none) -> count\n"
    "  claims[]               one object a claim, in text order:\n"
    "    index                0 for the headline, then 1, 2, ...\n"
    "    start, end           code point offsets of the claim\n"
    "    text                 the claim, exactly the input at its offsets\n"
    "    confidence           logistic(logit), in [0,1]\n"
    "    logit                model.bias + the sum of contributions\n"
    "    backing              what backs the claim: official, institution,\n"
    "                         named, media, anonymous, vague, social or none\n"
    "    backing_carried      true when taken from another claim: a pronoun\n"
    "                         (\"She added ...\"), a quotation or list\n"
    "                         that goes on\n"
    "    speaker              who backs the claim: {start, end, text}, the\n"
    "                         words of the attribution that set the backing\n"
    "                         (code point offsets; with backing_carried, in\n"
    "                         another claim); null when the backing is\n"
    "                         none or its words are unknown\n"
    "    cues[]               evidence found in the claim, by start:\n"
    "      start, end         code point offsets of the cue\n"
    "      text               the cue, exactly the input at its offsets\n"
    "      category           one of the twenty cue categories above\n"
    "      strength           the lexicon entry's strength\n"
    "      contribution       the cue's share of its category's contribution\n"
    "      entry              the lexicon entry (or <rule>) that matched\n"
    "      source             FILE:LINE of the entry, or rule\n"
    "    features             feature name -> value: per category log(1+s)\n"
    "                         for the sum s of its cue strengths; per backing\n"
    "                         1 or 0\n"
    "    contributions        feature name -> weight x value\n"
    "\n"
    "Text output: the article score; \"backing:\" and how many claims each\n"
    "backing has, strongest first (backings no claim has left out, none\n"
    "written \"unattributed\"); then one block a claim: [index],\n"
    "confidence, the claim wrapped to 80 columns; \"backed by BACKING:\n"
    "SPEAKER\" and the backing's contribution (\"BACKING (carried over)\"\n"
    "for a carried backing; no SPEAKER when its words are unknown), or\n"
    "\"unattributed\"; and a line a cue: category, its contribution to the\n"
    "logit, @start-end, \"cue text\". Control characters print escaped.\n"
    "\n"
    "HTML output: one page that loads nothing and runs no script: the\n"
    "headline, the article score and its aggregation; a legend; the article\n"
    "as written, each claim <span class=\"claim\" id=\"cK\"> and each cue\n"
    "<mark class=\"cue FAMILY\" data-category=CATEGORY data-cue=\"K.C\">\n"
    "(claims[K].cues[C] of the JSON output; a cue split by an overlapping one\n"
    "continues in an element marked data-cont) with its category, entry and\n"
    "contribution as title and aria-label; claims by backing; the ten\n"
    "strongest cues; a row a claim: confidence, backing, speaker, text.\n"
    "\n"
    "limits: an article of at most 32 MiB; model and lexicon files of at\n"
    "most 16 MiB; a lexicon entry of at most 1024 bytes and 32 tokens;\n"
    "weights and biases within [-1e6, 1e6]. Larger inputs are refused.\n"
    "\n"
    "exit codes: 0 scored; 1 unreadable, empty, binary or non-UTF-8 input,\n"
    "a bad JSON line, or a bad model or lexicon file; 2 bad command line.\n";

const char kRankHelp[] =
    "usage: credence rank FILE|- [--text-column headline] [--id-column id]\n"
    "                     [--top N] [--order desc|asc|input]\n"
    "                     [--keep-columns all|NAME,...]\n"
    "                     [--delimiter C] [--tsv]\n"
    "                     [--format csv|jsonl|jsonl-brief]\n"
    "                     [--threads N] [--skip-bad-rows] [--output FILE]\n"
    "                     [--model FILE] [--lexicons DIR] [--overlay DIR]\n"
    "\n"
    "Ranks the rows of an RFC 4180 CSV file (header row; quoted fields may\n"
    "hold commas, quotes and line breaks; CRLF and a UTF-8 BOM are fine) by\n"
    "the confidence of their text, scored as one claim each. A quote opens a\n"
    "quoted field only as its first byte: elsewhere it is text (65\" TV).\n"
    "A record, the header too, is at most 16 MiB (a longer one is a bad row;\n"
    "one past 256 MiB ends the run). FILE may be a pipe (/dev/stdin, a FIFO)\n"
    "or -: without --top or --order input, such input is copied to the temp\n"
    "folder as it is read, for the output pass.\n"
    "\n"
    "options:\n"
    "  --text-column NAME  the text column (default headline); --column is\n"
    "                      another name of it\n"
    "  --id-column NAME    the id column (default id; when the file has no\n"
    "                      such column, ids are 1-based row numbers)\n"
    "  --top N             only the N best (or, with --order asc, worst) "
    "rows,\n"
    "                      N at least 1; memory then grows with N, not with\n"
    "                      the input (without --top: every row)\n"
    "  --order desc|asc|input\n"
    "                      highest confidence first (default), lowest first,\n"
    "                      or input order: rows are written as they are\n"
    "                      scored (no sort, one reading, memory independent\n"
    "                      of the row count; rank is then the row's place);\n"
    "                      a row error that stops such a run leaves the rows\n"
    "                      before it written. Not with --top\n"
    "  --keep-columns all|NAME,NAME...\n"
    "                      input columns to write after credence's own, in\n"
    "                      the order given (all: every column, in header\n"
    "                      order); CSV: under their names; JSON lines: a\n"
    "                      \"columns\" object, name -> value\n"
    "  --delimiter C       the byte between the input's fields (default ,;\n"
    "                      \\t or tab for a tab): any ASCII byte but a "
    "letter,\n"
    "                      digit, '.', '_', '\"', CR or LF. The CSV output\n"
    "                      uses the same delimiter\n"
    "  --tsv               --delimiter tab\n"
    "  --format csv|jsonl|jsonl-brief  output format (default csv)\n"
    "  --threads N         threads in all, the reading one included (default:\n"
    "                      every core); the output is the same for any N\n"
    "  --skip-bad-rows     report each malformed row on stderr and go on\n"
    "                      (default: the first one stops the run, no output)\n"
    "  --output FILE       write there instead of stdout (- is stdout); a\n"
    "                      file appears whole or not at all (keeping its\n"
    "                      mode); a device or FIFO (/dev/null) is written\n"
    "                      straight\n"
    "  --model, --lexicons, --overlay   as for credence score\n"
    "\n"
    "CSV output columns (separated by the input's delimiter):\n"
    "  rank           1, 2, ... in output order (equal scores: input order)\n"
    "  id             the id column, or the row number\n"
    "  score          the claim's confidence, 6 decimals\n"
    "  backing        official, institution, named, media, anonymous, vague,\n"
    "                 social or none\n"
    "  cue_category   category of the cue with the largest contribution\n"
    "                 (empty: no cue)\n"
    "  cue            that cue's text\n"
    "  text           the scored text\n"
    "  NAME...        the kept columns, under their input names (a name\n"
    "                 may repeat one of the above, such as id)\n"
    "JSON lines: {\"schema_version\", \"rank\", \"id\", \"score\", "
    "\"claim\"},\n"
    "where claim is the claim object of credence score --format json\n"
    "without its speaker (offsets into the text). jsonl-brief: the CSV's\n"
    "fields without the per-feature maps: {\"schema_version\", \"rank\",\n"
    "\"id\", \"score\", \"backing\", \"cue\": {\"category\", \"text\"} or "
    "null,\n"
    "\"text\"}. With --keep-columns both end with \"columns\": {NAME: value\n"
    "string, ...}.\n"
    "\n"
    "stderr ends with \"read N rows, ranked M, rejected K\" (N = M + K).\n"
    "exit codes: 0 ranked; 1 unreadable input, a bad header or row, a bad\n"
    "model or lexicon; 2 bad command line (a kept column the header lacks\n"
    "too).\n";

// The whole stream, or DataError once it passes kMaxArticleBytes: an
// endless input (/dev/zero) is refused instead of filling the memory.
std::string ReadArticle(std::istream& in, const std::string& path) {
  std::string text;
  char buffer[1 << 16];
  while (in.read(buffer, sizeof buffer) || in.gcount() > 0) {
    text.append(buffer, static_cast<size_t>(in.gcount()));
    if (text.size() > kMaxArticleBytes) {
      throw DataError(path +
                      ": larger than 32 MiB, the article size limit (split "
                      "it into articles)");
    }
  }
  return text;
}

}  // namespace

std::string ReadInput(const std::string& path, std::istream& in) {
  if (path == "-") {
    // A closed descriptor 0 reads as empty; say what it is. (Only for the
    // process's own standard input: tests hand in other streams.)
    if (&in == &std::cin && ::fcntl(STDIN_FILENO, F_GETFD) < 0 &&
        errno == EBADF) {
      throw DataError(
          "-: standard input is closed (pipe the article in or give a file)");
    }
    std::string text = ReadArticle(in, path);
    if (in.bad()) throw DataError("-: cannot read standard input");
    return text;
  }
  std::ifstream file;
  OpenInputFile(path, "an article file", &file);
  std::string text = ReadArticle(file, path);
  if (file.bad()) throw DataError(path + ": read error");
  return text;
}

namespace {

// Whether `path` is a regular file (after symbolic links), which a second
// pass can read again; a pipe, FIFO or device may not be.
bool IsRegularFile(const std::string& path) {
  std::error_code ec;
  return std::filesystem::is_regular_file(path, ec);
}

// A record source opened on first use: standard input's spool is complete
// (and flushed) only once the reading is done.
class LazyRecordSource : public RecordSource {
 public:
  explicit LazyRecordSource(std::function<RecordSource&()> open)
      : open_(std::move(open)) {}
  std::string_view Read(uint64_t offset, uint64_t length) override {
    return open_().Read(offset, length);
  }
  std::string_view ReadFrom(uint64_t offset, uint64_t length) override {
    return open_().ReadFrom(offset, length);
  }

 private:
  std::function<RecordSource&()> open_;
};

// The one positional argument, or "" when there is none.
std::string TheInput(const po::variables_map& vm, const std::string& rule) {
  if (vm.count("input") == 0) return "";
  const auto& inputs = vm["input"].as<std::vector<std::string>>();
  if (inputs.size() > 1) {
    throw UsageError(rule + " (got " + std::to_string(inputs.size()) +
                     " files)");
  }
  return inputs.front();
}

ScoreOptions ParseScoreOptions(const std::vector<std::string>& args,
                               bool* help) {
  ScoreOptions o;
  po::options_description desc;
  desc.add_options()("help,h", po::bool_switch(help))(
      "format", po::value(&o.format))("model", po::value(&o.model))(
      "jsonl", po::value(&o.jsonl))("id-field", po::value(&o.id_field))(
      "text-field", po::value(&o.text_field))("threads", po::value(&o.threads))(
      "skip-bad-rows", po::bool_switch(&o.skip_bad_rows))(
      "output", po::value(&o.output))("input",
                                      po::value<std::vector<std::string>>());
  AddScorerOptions(&desc, &o.lexicons, &o.overlay);
  const po::variables_map vm = ParseCommandLine(args, desc, "score");
  if (*help) return o;
  o.format_given = vm.count("format") > 0;
  o.output_given = vm.count("output") > 0;
  o.inputs = Inputs(vm);
  if (o.inputs.size() == 1) o.input = o.inputs.front();
  ValidateScoreOptions(o);
  return o;
}

int RunScore(const std::vector<std::string>& args, std::istream& in,
             std::ostream& out, std::ostream& err) {
  bool help = false;
  const ScoreOptions options = ParseScoreOptions(args, &help);
  if (help) {
    out << kScoreHelp;
    return 0;
  }
  if (IsBatchScore(options)) {
    return RunBatchScore(options, in, out, err);
  }
  const std::unique_ptr<Scorer> scorer =
      BuildScorer(options.model, options.lexicons, options.overlay);
  const std::string text = ReadInput(options.input, in);
  std::unique_ptr<AtomicFile> target;
  if (!options.output.empty() && options.output != "-") {
    if (options.input != "-") {
      CheckNotAnInput(options.output, "--output", {{options.input}});
    }
    target = std::make_unique<AtomicFile>(options.output);
  }
  std::ostream& sink = target ? target->stream() : out;
  // Scored claim by claim as the report is written: memory holds the text
  // and one claim. Bad input is refused before anything is written.
  try {
    if (options.format == "json") {
      ScoreAndWriteJsonReport(text, *scorer, sink);
    } else if (options.format == "html") {
      WriteHtmlReport(text, scorer->ScoreArticle(text), *scorer, sink);
    } else {
      ScoreAndWriteTextReport(text, *scorer, sink);
    }
  } catch (const InputError& e) {
    // "PATH:line:col: problem" when the error has a position.
    const char* what = e.what();
    const bool positioned = *what >= '0' && *what <= '9';
    throw DataError(options.input + (positioned ? ":" : ": ") + what);
  }
  if (target) target->Commit();
  out.flush();
  if (!out)
    throw DataError("cannot write the report (disk full or pipe closed?)");
  return 0;
}

RankCommandOptions ParseRankOptions(const std::vector<std::string>& args,
                                    bool* help) {
  RankCommandOptions o;
  RankOptions& rank = o.rank;
  po::options_description desc;
  desc.add_options()("help,h", po::bool_switch(help))(
      "id-column", po::value(&rank.id_column))("top", po::value(&o.top))(
      "order", po::value(&o.order))("format", po::value(&o.format))(
      "delimiter", po::value(&o.delimiter))("tsv", po::bool_switch(&o.tsv))(
      "keep-columns", po::value(&o.keep_columns))(
      "threads", po::value(&o.threads))("skip-bad-rows",
                                        po::bool_switch(&rank.skip_bad_rows))(
      "output", po::value(&o.output))("model", po::value(&o.model))(
      "lexicons", po::value(&o.lexicons))("overlay", po::value(&o.overlay))(
      "input", po::value<std::vector<std::string>>());
  AddTextColumnOption(&desc, &rank.column);
  const po::variables_map vm = ParseCommandLine(args, desc, "rank");
  if (*help) return o;
  CheckTextColumn(vm);
  if (vm.count("delimiter") > 0 && o.tsv) {
    throw UsageError("--tsv is --delimiter tab (give one of them)");
  }
  rank.id_required = vm.count("id-column") > 0;
  o.output_given = vm.count("output") > 0;
  o.top_given = vm.count("top") > 0;
  o.keep_columns_given = vm.count("keep-columns") > 0;
  o.input = TheInput(vm, "one CSV file at a time");
  ValidateRankOptions(&o);
  if (o.output == "-") o.output.clear();  // standard output
  if (!o.output.empty() && o.input != "-") {
    CheckNotAnInput(o.output, "--output", {{o.input}});
  }
  return o;
}

int RunRank(const std::vector<std::string>& args, std::istream& in,
            std::ostream& out, std::ostream& err) {
  bool help = false;
  const RankCommandOptions o = ParseRankOptions(args, &help);
  if (help) {
    out << kRankHelp;
    return 0;
  }
  const std::unique_ptr<Scorer> scorer =
      BuildScorer(o.model, o.lexicons, o.overlay);
  const RankOptions& options = o.rank;
  std::ifstream file;
  std::istream* source = &in;
  // A full ranking reads its records again for output: from the file, or
  // from a spool copy of standard input.
  // So is a path that cannot be read again, such as a pipe (/dev/stdin,
  // <(command)): only a regular file can.
  std::unique_ptr<AtomicFile> spool;
  const bool reread_path = o.input != "-" && IsRegularFile(o.input);
  if (!reread_path && options.top == 0 && !options.input_order) {
    spool = std::make_unique<AtomicFile>(
        (std::filesystem::temp_directory_path() / "credence-stdin").string(),
        AtomicFile::kScratch);
  }
  if (o.input != "-") {
    OpenInputFile(o.input, "a CSV file", &file);
    source = &file;
  }
  // Progress only for a person watching a terminal; a share of the input
  // when its size is known.
  const bool tty = &err == &std::cerr && ::isatty(STDERR_FILENO) != 0;
  std::error_code size_error;
  const uint64_t total =
      reread_path ? std::filesystem::file_size(o.input, size_error) : 0;
  TerminalProgress shown(tty ? &err : nullptr, size_error ? 0 : total, "read",
                         "rows");
  const RankProgress progress = [&shown](uint64_t rows, uint64_t bytes) {
    shown.Update(rows, bytes);
  };
  RankSummary summary;
  std::unique_ptr<AtomicFile> target;
  if (!o.output.empty()) target = std::make_unique<AtomicFile>(o.output);
  // Standard output gets nothing if the run fails, so the ranking waits
  // whole before it goes there: in a scratch file of the temp folder, not
  // in memory (a second copy of the output would more than double the
  // run's memory); in memory only when no scratch file can be made. In
  // input order, rows stream straight there.
  std::unique_ptr<AtomicFile> scratch;
  if (!target && !options.input_order) {
    try {
      scratch = std::make_unique<AtomicFile>(
          (std::filesystem::temp_directory_path() / "credence-rank").string(),
          AtomicFile::kScratch);
    } catch (const std::exception&) {
    }
  }
  std::ostringstream buffered;
  std::ostream& sink = target                ? target->stream()
                       : scratch             ? scratch->stream()
                       : options.input_order ? out
                                             : buffered;
  try {
    std::unique_ptr<RecordSource> again;
    if (reread_path) again = std::make_unique<FileRecordSource>(o.input);
    auto reread = [&]() -> RecordSource& {
      if (!again) {  // the spool, complete once the input is read
        spool->Flush();
        again = std::make_unique<FileRecordSource>(spool->temp_path());
      }
      return *again;
    };
    LazyRecordSource lazy(reread);
    summary = RankCsv(*source, o.input, lazy, options, *scorer, sink, err,
                      progress, spool ? &spool->stream() : nullptr);
  } catch (const BadRowError& e) {
    shown.End();
    throw DataError(WithSkipHint(e.what(), "rows"));
  } catch (const KeptColumnError& e) {
    throw UsageError(e.what());
  } catch (...) {
    shown.End();
    throw;
  }
  if (file.bad()) throw DataError(o.input + ": read error");
  if (&sink != &out) DeliverOutput(target.get(), scratch.get(), buffered, out);
  shown.End();
  err << "read " << summary.read << " rows, ranked " << summary.ranked
      << ", rejected " << summary.rejected << "\n";
  return 0;
}

}  // namespace

void ValidateScoreOptions(const ScoreOptions& options) {
  if (options.inputs.empty() && options.input.empty() &&
      options.jsonl.empty()) {
    throw UsageError(
        "no article given (credence score FILE, or - for "
        "standard input)");
  }
  if (!options.jsonl.empty() && !options.inputs.empty()) {
    throw UsageError(
        "give articles as files or as --jsonl, not both (one run reads "
        "one kind)");
  }
  if (options.format != "text" && options.format != "json" &&
      options.format != "html" && options.format != "brief") {
    throw UsageError("--format must be text, json, html or brief, not '" +
                     options.format + "'");
  }
  if (options.id_field.empty()) {
    throw UsageError("--id-field must name a field");
  }
  if (options.text_field.empty()) {
    throw UsageError("--text-field must name a field");
  }
  if (options.output_given && options.output.empty()) {
    throw UsageError(
        "--output must name a file (leave it out, or -, for standard "
        "output)");
  }
  if (options.threads < 0 || options.threads > 1024) {
    throw UsageError("--threads must be between 1 and 1024 (0: every core)");
  }
}

namespace {

// --delimiter's byte: the one byte given, or a tab for "\t" or "tab".
char ParseDelimiter(const std::string& given) {
  if (given == "\\t" || given == "tab") return '\t';
  if (given.size() != 1) {
    throw UsageError("--delimiter must be one byte, \\t or tab, not '" + given +
                     "'");
  }
  if (!IsCsvDelimiter(given[0])) {
    throw UsageError(
        "--delimiter cannot be '" + given +
        "' (an ASCII byte other than a letter, digit, '.', '_', '\"', CR or "
        "LF)");
  }
  return given[0];
}

// --keep-columns: "all", or names separated by commas, each once.
void ParseKeptColumns(const std::string& given, RankOptions* rank) {
  if (given == "all") {
    rank->keep_all_columns = true;
    return;
  }
  std::vector<std::string>& names = rank->keep_columns;
  for (size_t begin = 0;;) {
    const size_t comma = std::min(given.find(',', begin), given.size());
    const std::string name = given.substr(begin, comma - begin);
    if (name.empty()) {
      throw UsageError(
          "--keep-columns must be all or NAME,NAME... (an empty "
          "name in '" +
          given + "')");
    }
    if (std::find(names.begin(), names.end(), name) != names.end()) {
      throw UsageError("--keep-columns names '" + name +
                       "' twice (each column is written once)");
    }
    names.push_back(name);
    if (comma == given.size()) return;
    begin = comma + 1;
  }
}

}  // namespace

void ValidateRankOptions(RankCommandOptions* options) {
  RankCommandOptions& o = *options;
  RankOptions& rank = o.rank;
  if (o.input.empty()) {
    throw UsageError(
        "no CSV file given (credence rank FILE, or - for "
        "standard input)");
  }
  if (rank.column.empty()) {
    throw UsageError("--text-column must name a column");
  }
  if (o.top < 0 || (o.top_given && o.top == 0)) {
    throw UsageError("--top must be a positive number of rows, not " +
                     std::to_string(o.top));
  }
  if (o.order != "desc" && o.order != "asc" && o.order != "input") {
    throw UsageError("--order must be desc, asc or input, not '" + o.order +
                     "'");
  }
  if (o.order == "input" && o.top_given) {
    throw UsageError(
        "--order input writes every row in input order; --top keeps the "
        "best (give one of them)");
  }
  if (o.format != "csv" && o.format != "jsonl" && o.format != "jsonl-brief") {
    throw UsageError("--format must be csv, jsonl or jsonl-brief, not '" +
                     o.format + "'");
  }
  if (o.output_given && o.output.empty()) {
    throw UsageError(
        "--output must name a file (leave it out for standard output)");
  }
  if (o.threads < 0 || o.threads > 1024) {
    throw UsageError("--threads must be between 1 and 1024 (0: every core)");
  }
  rank.top = static_cast<uint64_t>(o.top);
  rank.ascending = o.order == "asc";
  rank.input_order = o.order == "input";
  rank.jsonl = o.format == "jsonl" || o.format == "jsonl-brief";
  rank.brief = o.format == "jsonl-brief";
  rank.delimiter = o.tsv                 ? '\t'
                   : o.delimiter.empty() ? ','
                                         : ParseDelimiter(o.delimiter);
  rank.keep_columns.clear();
  rank.keep_all_columns = false;
  if (o.keep_columns_given) ParseKeptColumns(o.keep_columns, &rank);
  rank.threads = o.threads > 0
                     ? static_cast<unsigned>(o.threads)
                     : std::max(1u, std::thread::hardware_concurrency());
}

namespace {

int RunCommand(const std::vector<std::string>& args, std::istream& in,
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
  if (std::find(rest.begin(), rest.end(), "--version") != rest.end()) {
    out << "credence " << kCredenceVersion << "\n";
    return 0;
  }
  try {
    if (command == "score") return RunScore(rest, in, out, err);
    if (command == "rank") return RunRank(rest, in, out, err);
    if (command == "tune") return RunTune(rest, out, err);
    if (command == "eval") return RunEval(rest, out, err);
    err << "credence: unknown command '" << command
        << "' (commands: score, rank, tune, eval; see credence --help)\n";
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

}  // namespace

int RunCli(const std::vector<std::string>& args, std::istream& in,
           std::ostream& out, std::ostream& err) {
  // Counts and ranks print as "1000" whatever the global locale.
  const ClassicLocale classic_out(out), classic_err(err);
  const int code = RunCommand(args, in, out, err);
  // Whatever the command, output that never arrived (a full disk, a
  // closed pipe) is a failure.
  out.flush();
  if (code == 0 && !out) {
    const bool command =
        !args.empty() && args[0].rfind('-', 0) != 0 && args[0] != "help";
    err << (command ? "credence " + args[0] + ": " : std::string("credence: "))
        << "cannot write the output (disk full or pipe closed?)\n";
    return 1;
  }
  return code;
}

}  // namespace credence
