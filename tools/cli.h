// The credence command line: every command is a function of its arguments
// and three streams that returns the exit code, so tests run it in-process.
//
//   std::ostringstream out, err;
//   std::istringstream in("Headline\nBody.");
//   int code = credence::RunCli({"score", "-"}, in, out, err);
//
// Exit codes: 0 success, 1 bad data or a runtime failure, 2 bad usage.
// Errors are one line on `err`: "credence score: PATH: problem (hint)".
#ifndef CREDENCE_TOOLS_CLI_H_
#define CREDENCE_TOOLS_CLI_H_

#include <cstdint>
#include <iosfwd>
#include <stdexcept>
#include <string>
#include <vector>

#include "engine/learn/learn_options.h"
#include "engine/rank/ranker.h"

namespace credence {

// A command line that cannot be run as given (exit code 2): the library's
// OptionError, so that the checks tune and eval share with library users
// count as usage errors too.
using UsageError = OptionError;

struct ScoreOptions {
  std::string input;                // the one input, or "" for several
  std::vector<std::string> inputs;  // paths and folders; "-": stdin
  std::string format = "text";      // "text", "json", "html" or "brief"
  bool format_given = false;
  std::string jsonl;  // JSON Lines of articles ("-": stdin), or ""
  std::string id_field = "id";
  std::string text_field = "text";
  int64_t threads = 0;  // 0: every core
  bool skip_bad_rows = false;
  std::string output;         // empty or "-": standard output
  bool output_given = false;  // then an empty output is an error
  std::string model;          // empty: the built-in model
  std::string lexicons;       // empty: the built-in lexicons
  std::string overlay;        // empty: no overlay
};

// Every check on ScoreOptions that does not need the file system; throws
// UsageError.
void ValidateScoreOptions(const ScoreOptions& options);

// `credence rank`'s command line: the engine's own RankOptions, parsed
// into straight where an option is its field, and the spellings that
// ValidateRankOptions turns into its other fields.
struct RankCommandOptions {
  std::string input;          // a path, or "-" for standard input
  std::string output;         // empty or "-": standard output
  bool output_given = false;  // then an empty output is an error
  std::string model, lexicons, overlay;
  // --text-column (--column), --id-column, --skip-bad-rows; the rest of
  // its fields are set by ValidateRankOptions.
  RankOptions rank;
  int64_t top = 0;             // 0: every row (when not given)
  bool top_given = false;      // then `top` must be 1 or more
  std::string order = "desc";  // "desc", "asc" or "input"
  std::string format = "csv";  // "csv", "jsonl" or "jsonl-brief"
  std::string delimiter;       // one byte, "\t" or "tab"; empty: ','
  bool tsv = false;            // --delimiter tab
  std::string keep_columns;    // "all" or NAME,NAME...; empty: none
  bool keep_columns_given = false;
  int64_t threads = 0;  // 0: every core
};

// Every check on RankCommandOptions that does not need the file system;
// sets the fields of options->rank the spellings give (top, ascending,
// input_order, jsonl, brief, delimiter, kept columns, threads). Throws
// UsageError.
void ValidateRankOptions(RankCommandOptions* options);

// args excludes the program name: {"score", "article.txt", ...}.
int RunCli(const std::vector<std::string>& args, std::istream& in,
           std::ostream& out, std::ostream& err);

}  // namespace credence

#endif  // CREDENCE_TOOLS_CLI_H_
