// What the commands of the command line share: the error type for bad
// data, the options every scoring command takes, parsing a command's
// arguments with Boost.Program_options, and the checks on paths.
#ifndef CREDENCE_TOOLS_COMMAND_OPTIONS_H_
#define CREDENCE_TOOLS_COMMAND_OPTIONS_H_

#include <boost/program_options.hpp>
#include <chrono>
#include <cstdint>
#include <fstream>
#include <iosfwd>
#include <memory>
#include <sstream>
#include <stdexcept>
#include <string>
#include <vector>

#include "engine/learn/learn_options.h"
#include "engine/scorer.h"
#include "engine/scorer_factory.h"
#include "engine/util/atomic_file.h"
#include "engine/util/paths.h"

namespace credence {

struct ScoreOptions;  // tools/cli.h

// A failure that already names its file (model, lexicon) or is reported
// against the input path by the caller (exit code 1).
class DataError : public std::runtime_error {
 public:
  using std::runtime_error::runtime_error;
};

// Parses a command's arguments, every non-option one an "input"; Boost's
// errors become UsageError pointing at the command's help.
boost::program_options::variables_map ParseCommandLine(
    const std::vector<std::string>& args,
    const boost::program_options::options_description& desc,
    const std::string& command);

// The option of `desc` closest to the mistyped `typed` ("--fromat" ->
// "--format"), or "" when none is within a typo's distance (at most a
// third of its letters, 1 or 2, changed).
std::string ClosestOption(
    const std::string& typed,
    const boost::program_options::options_description& desc);

// Throws UsageError "OPTION OUTPUT is also an input (...)" when `output`
// names one of the `inputs` (SamePath; empty inputs are skipped): writing
// it would replace the data it was made from.
void CheckNotAnInput(const std::string& output, const std::string& option,
                     const std::vector<std::vector<std::string>>& inputs);

// The error of a bad row (or article) that stopped the run, its hint
// extended: "P (H; --skip-bad-rows reports and skips bad WHAT)".
std::string WithSkipHint(const std::string& error, const std::string& what);

// Adds --text-column NAME into `column`, and --column, its other name
// (CheckTextColumn refuses both at once).
void AddTextColumnOption(boost::program_options::options_description* desc,
                         std::string* column);
void CheckTextColumn(const boost::program_options::variables_map& vm);

// Adds --lexicons and --overlay, the options every scoring command takes.
void AddScorerOptions(boost::program_options::options_description* desc,
                      std::string* lexicons, std::string* overlay);

// The non-option arguments ("input"), empty when there are none.
std::vector<std::string> Inputs(
    const boost::program_options::variables_map& vm);

// RefuseDirectory(path, "a CSV file") for every path of every list.
void RefuseDirectories(const std::vector<std::vector<std::string>>& lists);

// The whole article at `path` ("-": `in`); DataError "PATH: problem" when
// it cannot be read or passes kMaxArticleBytes.
std::string ReadInput(const std::string& path, std::istream& in);

// Opens `path` (`what` names the kind of file, "a CSV file") for reading
// into `file`; throws DataError for a folder or a file that cannot be
// opened.
void OpenInputFile(const std::string& path, const std::string& what,
                   std::ifstream* file);

// A finished output to where it goes: the --output file committed, or the
// scratch file's (else the buffer's) bytes copied to `out`. Throws
// DataError when `out` cannot be written.
void DeliverOutput(AtomicFile* target, AtomicFile* scratch,
                   const std::ostringstream& buffered, std::ostream& out);

// "\rVERB N NOUN (P%, Ts left)" on a terminal, at the first update and
// then a few times a second: how far a run is through an input of
// `total_bytes` (0: unknown, then "(R NOUN/s)" instead). With a null
// `err`, nothing.
class TerminalProgress {
 public:
  TerminalProgress(std::ostream* err, uint64_t total_bytes, std::string verb,
                   std::string noun);
  void Update(uint64_t count, uint64_t bytes);
  // Ends the progress line, if one was shown.
  void End();

 private:
  double Seconds() const;
  std::ostream* err_;
  uint64_t total_;
  std::string verb_, noun_;
  std::chrono::steady_clock::time_point start_ =
      std::chrono::steady_clock::now();
  double shown_ = -1;  // when the line was last written; -1: never
};

// Whether `credence score` writes JSON Lines: several inputs, a folder,
// --jsonl or --format brief.
bool IsBatchScore(const ScoreOptions& options);

// `credence score` over many articles (score_batch.cc).
int RunBatchScore(const ScoreOptions& options, std::istream& in,
                  std::ostream& out, std::ostream& err);

// `credence tune` (tune_command.cc) and `credence eval` (eval_command.cc);
// args exclude the command name. Their report goes to `out`, or to `err`
// when -o - or --predictions - gives standard output to a file.
int RunTune(const std::vector<std::string>& args, std::ostream& out,
            std::ostream& err);
int RunEval(const std::vector<std::string>& args, std::ostream& out,
            std::ostream& err);

// `credence eval --gold FILE` and `--contrast DIR` (judge_command.cc): the
// help of those options, and the options themselves into `options`
// (--gold, --gold-root, --gold-split, --contrast).
extern const char kJudgeHelp[];
void AddJudgeOptions(boost::program_options::options_description* desc,
                     EvalRunOptions* options);

}  // namespace credence

#endif  // CREDENCE_TOOLS_COMMAND_OPTIONS_H_
