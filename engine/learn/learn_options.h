// The options of a tune run and of an eval run, and the one check of each
// that needs no file system. The command line parses straight into these
// structs; a library user fills them in.
//
//   credence::TuneRunOptions o;
//   o.inputs = {"conll.csv"};
//   o.output = "conll.model";
//   credence::ValidateTuneRunOptions(o);  // throws OptionError
#ifndef CREDENCE_ENGINE_LEARN_LEARN_OPTIONS_H_
#define CREDENCE_ENGINE_LEARN_LEARN_OPTIONS_H_

#include <cstdint>
#include <stdexcept>
#include <string>
#include <vector>

namespace credence {

// Options that cannot be run as given; the message names the option.
class OptionError : public std::runtime_error {
 public:
  using std::runtime_error::runtime_error;
};

struct TuneRunOptions {
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

// Every check on TuneRunOptions that does not need the file system;
// throws OptionError.
void ValidateTuneRunOptions(const TuneRunOptions& options);
// --file-weights as numbers, one for each input (empty when not given);
// throws OptionError for a bad item or count.
std::vector<double> ParseFileWeights(const TuneRunOptions& options);

// An eval run reads labeled CSV files, or (a judgment run) a gold file or
// a contrast suite instead.
struct EvalRunOptions {
  std::vector<std::string> inputs;
  std::vector<std::string> articles;
  std::string text_column = "text";
  std::string label_column = "label";
  std::string unit = "claim";
  std::string format = "text";     // "text", "json" or "html"
  std::string predictions;         // where to write each row's score, if set
  bool predictions_given = false;  // then it must not be empty
  bool cues = false;               // also the table of cues by class
  std::string report;              // where to write the HTML page, if set
  bool report_given = false;       // then it must not be empty
  std::string model, lexicons, overlay;
  std::string gold;                // a credence-gold file, instead of CSVs
  std::string gold_root;           // empty: the gold file's folder
  std::string gold_split = "dev";  // "dev", "test" or "all"
  std::string contrast;            // a contrast suite folder, instead of CSVs
};

// Whether the options ask for a judgment run: any of gold, gold_root, a
// gold_split other than "dev", or contrast.
bool IsJudgeEval(const EvalRunOptions& options);
// Every check on EvalRunOptions (of either kind) that does not need the
// file system; throws OptionError.
void ValidateEvalRunOptions(const EvalRunOptions& options);

}  // namespace credence

#endif  // CREDENCE_ENGINE_LEARN_LEARN_OPTIONS_H_
