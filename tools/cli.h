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

struct RankCommandOptions {
  std::string input;  // a path, or "-" for standard input
  std::string column = "headline";
  std::string id_column = "id";
  bool id_column_given = false;  // then a missing id column is an error
  int64_t top = 0;               // 0: every row (when not given)
  bool top_given = false;        // then `top` must be 1 or more
  std::string order = "desc";    // "desc" or "asc"
  std::string format = "csv";    // "csv" or "jsonl"
  int64_t threads = 0;           // 0: every core
  bool skip_bad_rows = false;
  std::string output;         // empty: standard output
  bool output_given = false;  // then an empty output is an error
  std::string model, lexicons, overlay;
};

// Every check on RankCommandOptions that does not need the file system;
// throws UsageError.
void ValidateRankOptions(const RankCommandOptions& options);

// args excludes the program name: {"score", "article.txt", ...}.
int RunCli(const std::vector<std::string>& args, std::istream& in,
           std::ostream& out, std::ostream& err);

}  // namespace credence

#endif  // CREDENCE_TOOLS_CLI_H_
