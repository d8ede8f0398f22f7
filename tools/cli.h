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

namespace credence {

// A command line that cannot be run as given (exit code 2).
class UsageError : public std::runtime_error {
 public:
  using std::runtime_error::runtime_error;
};

struct ScoreOptions {
  std::string input;            // a path, or "-" for standard input
  std::string format = "text";  // "text", "json" or "html"
  std::string model;            // empty: the built-in model
  std::string lexicons;         // empty: the built-in lexicons
  std::string overlay;          // empty: no overlay
  std::string output;           // empty: standard output
  bool output_given = false;    // then `output` must name a file
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

struct TuneCommandOptions {
  std::vector<std::string> inputs;    // CSV files read with --unit
  std::vector<std::string> articles;  // CSV files of whole articles
  std::string output;                 // the model file to write
  std::string predictions;  // where to write out-of-fold predictions, if set
  bool predictions_given = false;  // then it must not be empty
  std::string text_column = "text";
  std::string label_column = "label";
  std::string group_column;    // rows of a group share a fold
  std::string unit = "claim";  // "claim" or "article"
  int64_t folds = 5;
  double l2 = 1.0;
  double article_l2 = -1;  // given: >= 0; not given (-1): the same as l2
  bool article_l2_given = false;
  int64_t seed = 1;
  std::string class_weight = "balanced";  // or "none"
  std::string file_weight = "equal";      // or "rows"
  std::string file_weights;               // "2,1": one factor a FILE.csv
  std::string calibrate = "auto";         // "auto", "platt" or "none"
  std::string signs = "taxonomy";         // or "free"
  std::string prior;                      // a model: the ridge's centre
  std::string constraints;          // weight_constraints.h file for claims
  std::string article_constraints;  // the same for the article weights
  std::string name = "credence-tuned";
  std::string lexicons, overlay;
};

// Every check on TuneCommandOptions that does not need the file system;
// throws UsageError.
void ValidateTuneOptions(const TuneCommandOptions& options);
// --file-weights as numbers, one for each input (empty when not given);
// throws UsageError for a bad item or count.
std::vector<double> ParseFileWeights(const TuneCommandOptions& options);

struct EvalCommandOptions {
  std::vector<std::string> inputs;
  std::vector<std::string> articles;
  std::string text_column = "text";
  std::string label_column = "label";
  std::string unit = "claim";
  std::string format = "text";     // "text" or "json"
  std::string predictions;         // where to write each row's score, if set
  bool predictions_given = false;  // then it must not be empty
  bool cues = false;               // also the table of cues by class
  std::string model, lexicons, overlay;
  std::string gold;                // a credence-gold file, instead of CSVs
  std::string gold_root;           // empty: the gold file's folder
  std::string gold_split = "dev";  // "dev", "test" or "all"
  std::string contrast;            // a contrast suite folder, instead of CSVs
};

void ValidateEvalOptions(const EvalCommandOptions& options);

// args excludes the program name: {"score", "article.txt", ...}.
int RunCli(const std::vector<std::string>& args, std::istream& in,
           std::ostream& out, std::ostream& err);

}  // namespace credence

#endif  // CREDENCE_TOOLS_CLI_H_
