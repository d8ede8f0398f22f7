// What the commands of the command line share: the error type for bad
// data, building a scorer from the options every command takes, and
// parsing a command's arguments with Boost.Program_options.
#ifndef CREDENCE_TOOLS_COMMAND_OPTIONS_H_
#define CREDENCE_TOOLS_COMMAND_OPTIONS_H_

#include <boost/program_options.hpp>
#include <iosfwd>
#include <memory>
#include <stdexcept>
#include <string>
#include <vector>

#include "engine/scorer.h"

namespace credence {

// A failure that already names its file (model, lexicon) or is reported
// against the input path by the caller (exit code 1).
class DataError : public std::runtime_error {
 public:
  using std::runtime_error::runtime_error;
};

// The scorer from the built-in or given lexicons, overlay and model (empty
// strings: the built-in ones, no overlay).
std::unique_ptr<Scorer> BuildScorer(const std::string& model_path,
                                    const std::string& lexicon_dir,
                                    const std::string& overlay_dir);

// A scorer for feature extraction alone (tune): the lexicons' extractor
// with a model of zero weights over its features, so that tuning never
// depends on the built-in model matching the lexicons.
std::unique_ptr<Scorer> BuildFeatureScorer(const std::string& lexicon_dir,
                                           const std::string& overlay_dir);

// Parses a command's arguments, every non-option one an "input"; Boost's
// errors become UsageError pointing at the command's help.
boost::program_options::variables_map ParseCommandLine(
    const std::vector<std::string>& args,
    const boost::program_options::options_description& desc,
    const std::string& command);

// Throws DataError "PATH: is a directory (give WHAT)" when `path` names a
// folder: every command says so before it reads, in the same words.
void RefuseDirectory(const std::string& path, const std::string& what);

// Whether two paths name the same file: the same string, the same existing
// file (links included), or the same absolute path once normalized.
bool SamePath(const std::string& a, const std::string& b);

// Throws UsageError "OPTION OUTPUT is also an input (...)" when `output`
// names one of the `inputs` (SamePath; empty inputs are skipped): writing
// it would replace the data it was made from.
void CheckNotAnInput(const std::string& output, const std::string& option,
                     const std::vector<std::vector<std::string>>& inputs);

// `credence tune` and `credence eval` (tune_command.cc); args exclude the
// command name.
int RunTune(const std::vector<std::string>& args, std::ostream& out);
int RunEval(const std::vector<std::string>& args, std::ostream& out);

// `credence eval --gold FILE` and `--contrast DIR` (judge_command.cc): claim-
// level judgment against annotations; kJudgeHelp is their part of the help.
struct EvalCommandOptions;
extern const char kJudgeHelp[];
// Adds --gold, --gold-root, --gold-split and --contrast into `options`.
void AddJudgeOptions(boost::program_options::options_description* desc,
                     EvalCommandOptions* options);
// Whether any of --gold, --gold-root, --gold-split, --contrast was given.
bool IsJudgeEval(const EvalCommandOptions& options);
int RunJudgeEval(const EvalCommandOptions& options, std::ostream& out);

}  // namespace credence

#endif  // CREDENCE_TOOLS_COMMAND_OPTIONS_H_
