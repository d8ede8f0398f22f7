// credence as a library: score how well-sourced a news text is, claim by
// claim. This is the one installed header; it names nothing of the engine
// inside, so programs built against it keep working across releases of the
// same soname.
//
// Call order: build a Scorer (built-in lexicons and model, or files), then
// Score() or WriteJson() any number of texts, from any number of threads.
//
//   credence::api::Scorer scorer;  // or Scorer({"my.model", "", ""})
//   credence::api::Report r = scorer.Score("Headline\nOfficials said ...");
//   // r.score; r.claims[i].confidence, .backing, .speaker, .cues ...
//   scorer.WriteJson(text, std::cout);  // what `credence score --format json`
//                                       // writes
//
// Offsets: every Span holds both forms. `begin`/`end` are bytes into the
// UTF-8 text given to Score (text.substr(begin, end - begin) in C++);
// `cp_begin`/`cp_end` are Unicode code points, the offsets of the JSON
// report (text[cp_begin:cp_end] in Python). Both are half-open.
//
// Errors: a Scorer that cannot be built throws LoadError; a text the
// scorer refuses (not UTF-8, empty, too long) throws TextError. what() is
// the message `credence score` prints: "[PATH[:LINE]: ]problem (hint)".
#ifndef CREDENCE_CREDENCE_H_
#define CREDENCE_CREDENCE_H_

#include <cstddef>
#include <cstdint>
#include <iosfwd>
#include <memory>
#include <stdexcept>
#include <string>
#include <string_view>
#include <vector>

// What the shared library exports: these declarations alone (it is built
// with hidden visibility, so the engine inside stays private).
#if defined(__GNUC__)
#define CREDENCE_API __attribute__((visibility("default")))
#else
#define CREDENCE_API
#endif

namespace credence {
namespace api {

// The library's version, "MAJOR.MINOR.PATCH" (the CLI's --version).
CREDENCE_API const char* Version();

// A model, lexicon folder or overlay that cannot be read or does not fit.
class CREDENCE_API LoadError : public std::runtime_error {
 public:
  using std::runtime_error::runtime_error;
};

// A text the scorer refuses.
class CREDENCE_API TextError : public std::invalid_argument {
 public:
  using std::invalid_argument::invalid_argument;
};

// Where to load from; an empty string takes the built-in data.
struct Options {
  std::string model;     // a model file (credence tune writes them)
  std::string lexicons;  // a folder of <lexicon>.txt files
  std::string overlay;   // a folder of lexicon edits; empty: none
};

// A stretch of the text, half-open, in bytes and in code points.
struct Span {
  size_t begin = 0;
  size_t end = 0;
  size_t cp_begin = 0;
  size_t cp_end = 0;
};

// A phrase or rule that moved a claim's confidence.
struct Cue {
  Span span;
  std::string text;           // the words matched
  std::string category;       // "hedge", "named_source", ...
  std::string entry;          // the lexicon line (or rule) that matched
  std::string source;         // the lexicon it came from, or "rule"
  double strength = 0.0;      // the match's weight in its category, (0, 1]
  double contribution = 0.0;  // its share of the claim's logit
};

struct Claim {
  Span span;
  std::string text;
  double confidence = 0.0;  // in [0, 1]
  double logit = 0.0;
  std::string backing;           // "official", "named", ..., "none"
  bool backing_carried = false;  // a pronoun took the claim before's
  // Who backs the claim ("Transport Ministry spokeswoman Ingrid
  // Solberg"); empty, with an empty span, when unknown or unattributed.
  std::string speaker;
  Span speaker_span;
  std::vector<Cue> cues;  // by position
};

struct Report {
  double score = 0.0;  // the article's confidence, in [0, 1]
  double logit = 0.0;
  std::vector<Claim> claims;  // claim 0 is the headline (the first line)
};

// A text scored as one claim, as `credence rank` scores a row (no split
// into sentences): what a table of many short texts needs.
struct Brief {
  double confidence = 0.0;  // in [0, 1]
  std::string backing;      // as Claim::backing
  // The cue with the largest |contribution| (the first of equals); both
  // empty when no cue moves the confidence.
  std::string cue_category;
  std::string cue;  // its text
};

struct BlockOptions;
struct RankedBlock;

class CREDENCE_API Scorer {
 public:
  // Throws LoadError.
  explicit Scorer(const Options& options = Options());
  ~Scorer();
  Scorer(Scorer&&) noexcept;
  Scorer& operator=(Scorer&&) noexcept;

  // Throws TextError.
  Report Score(std::string_view text) const;
  // One JSON object and a newline, the bytes of `credence score --format
  // json`. Throws TextError before anything is written.
  void WriteJson(std::string_view text, std::ostream& out) const;
  // Throws TextError; blank text (ASCII white space) is a claim without
  // cues, as in rank.
  Brief ScoreBrief(std::string_view text) const;

 private:
  friend RankedBlock RankCsvBlock(const Scorer&, std::string_view,
                                  const BlockOptions&);
  struct Impl;
  std::unique_ptr<const Impl> impl_;
};

// A piece of a large CSV input to rank on its own (a cluster worker's
// share): the header line, then whole records.
struct BlockOptions {
  std::string path;  // names the input in messages
  std::string text_column = "headline";
  std::string id_column = "id";  // row numbers when the header lacks it
  uint64_t top = 0;              // keep only the best `top` rows; 0: all
  unsigned threads = 1;          // threads, the caller's included
};

// A block's rows as `credence rank --skip-bad-rows --order input` writes
// them, in input order, each cut into its id field and the rest of its
// line, so that rows of many blocks merge into the output of one run.
struct RankedBlock {
  bool has_id = false;  // the header has the id column
  uint64_t read = 0;    // data rows, bad ones included
  // Per row kept: its score (the output rounds it to six decimals), its
  // 1-based row number in the block, its id field as written (quoted when
  // needed; empty without an id column) and the rest of its line from the
  // score on, line end included. Row i's id is ids[id_ends[i - 1],
  // id_ends[i]) and its line lines[line_ends[i - 1], line_ends[i]).
  std::vector<double> scores;
  std::vector<uint64_t> numbers;
  std::string ids;
  std::vector<uint64_t> id_ends;
  std::string lines;
  std::vector<uint64_t> line_ends;
  std::vector<std::string> messages;  // each bad row's "path:line: problem"
};

// Ranks the CSV text `csv` (a header line, then records) as `credence rank
// --skip-bad-rows` would: the same scores, fields and quoting; lines count
// from the header. Throws TextError for a header without the text column.
CREDENCE_API RankedBlock RankCsvBlock(const Scorer& scorer,
                                      std::string_view csv,
                                      const BlockOptions& options);

// Labeled CSV files to measure a scorer on, as `credence eval` reads them.
struct EvalOptions {
  std::vector<std::string> inputs;  // CSV files with a text and a label
  std::string text_column = "text";
  std::string label_column = "label";  // 1 credible, 0 not
  std::string unit = "claim";  // "claim": a row is a claim; or "article"
  bool cues = false;           // also the table of cues by class
  Options scorer;              // the model, lexicons and overlay measured
};

// The JSON report of `credence eval --format json` on those files: AUC,
// accuracy, F1, log loss, Brier score, ECE and the reliability table, for
// all rows and each file (`credence eval --help` lists every key). Throws
// std::invalid_argument for bad options, LoadError for files that cannot
// be read or hold bad rows.
CREDENCE_API std::string EvaluateJson(const EvalOptions& options);

// Labeled CSV files to tune a model on, as `credence tune` reads them.
struct TuneOptions {
  std::vector<std::string> inputs;  // CSV files with a text and a label
  std::string output;  // the model file to write (whole or not at all)
  std::string text_column = "text";
  std::string label_column = "label";
  std::string unit = "claim";     // "claim": a row is a claim; or "article"
  int folds = 5;                  // cross-validation folds, >= 2
  double l2 = 1.0;                // ridge penalty on the weights
  int seed = 1;                   // seed of the fold shuffle
  std::string lexicons, overlay;  // empty: the built-in lexicons, none
};

// Tunes a model as `credence tune` does, writes it to options.output and
// returns JSON: {"model": output, "report": the text report, "claim" and
// "article": the out-of-fold metrics of that part over all rows (the keys
// of one `credence eval --format json` scope) or null without rows}.
// Throws std::invalid_argument for bad options, LoadError for files.
CREDENCE_API std::string TuneJson(const TuneOptions& options);

}  // namespace api
}  // namespace credence

#endif  // CREDENCE_CREDENCE_H_
