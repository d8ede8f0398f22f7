// A contrast suite: the same statement framed with different sourcing
// (an official on record, a rumour, a denial ...), and the orderings of
// confidence a reader expects between the frames, in the manner of
// behavioural testing (directional expectations and invariance).
//
// Call order: ReadContrastSuite(dir), then RunContrast() with a scorer (or
// any function from a sentence to a confidence), then a writer.
//
//   credence::ContrastSuite suite =
//   credence::ReadContrastSuite("fixtures/contrast"); credence::ContrastResult
//   r = credence::RunContrast(suite, scorer); credence::WriteContrastText(r,
//   std::cout);
//
// A suite is four TAB-separated files in one folder, each with a header
// line; '#' lines and blank lines are ignored:
//   bases.tsv         split, statement  (dev|test; a clause as it reads
//                     inside a sentence: "the council approved the plan")
//   frames.tsv        class, frame      ({S}: the statement capitalized,
//                     {s}: as written; exactly one of them)
//   slots.tsv         slot, value       (a slot's first value is its default)
//   expectations.tsv  higher, lower, margin  (two frame classes)
// Statements and frames may hold {SLOT} placeholders of slots.tsv.
#ifndef CREDENCE_ENGINE_LEARN_CONTRAST_H_
#define CREDENCE_ENGINE_LEARN_CONTRAST_H_

#include <cstddef>
#include <functional>
#include <iosfwd>
#include <map>
#include <string>
#include <vector>

#include "engine/scorer.h"

namespace credence {

// The largest change in confidence a slot swap may cause.
constexpr double kInvarianceLimit = 0.02;

struct ContrastBase {
  std::string split;  // "dev" or "test"
  std::string statement;
};
struct ContrastFrame {
  std::string cls;
  std::string pattern;
};
struct ContrastExpectation {
  std::string higher, lower;
  double margin = 0.05;
};
struct ContrastSuite {
  std::vector<ContrastBase> bases;
  std::vector<ContrastFrame> frames;
  std::map<std::string, std::vector<std::string>> slots;
  std::vector<ContrastExpectation> expectations;
};

// Reads and checks DIR's four files; throws std::runtime_error
// "PATH:LINE: problem (hint)".
ContrastSuite ReadContrastSuite(const std::string& dir);

// `frame` filled with `base` and the slot values in `values` (every
// placeholder must have one).
std::string ExpandFrame(const ContrastFrame& frame, const ContrastBase& base,
                        const std::map<std::string, std::string>& values);

// The slots' default values.
std::map<std::string, std::string> DefaultSlotValues(const ContrastSuite& s);

struct PassCount {
  size_t n = 0, passed = 0;
  double Rate() const;  // NaN when n == 0
};

struct ExpectationResult {
  ContrastExpectation expectation;
  PassCount dev, test;
};

// One comparison that fell short: higher - lower < margin.
struct ContrastFailure {
  size_t expectation = 0;  // index into ContrastResult::expectations
  std::string higher_sentence, lower_sentence;
  double higher = 0.0, lower = 0.0;  // confidences
};

struct ContrastResult {
  std::vector<ExpectationResult> expectations;
  PassCount dev, test;  // every comparison of every expectation
  // Sentences with a slot whose max - min confidence over slot swaps is
  // below kInvarianceLimit, by the split of their base.
  PassCount invariance_dev, invariance_test;
  // The worst dev failure of each (expectation, higher frame, lower
  // frame) that fails, worst first, taking turns between expectations.
  std::vector<ContrastFailure> worst;
};

// One comparison per (base, frame of the higher class, frame of the lower
// class) with the default slot values; a swap changes one slot at a time
// to each of its values. Keeps at most `worst` failures (see
// ContrastResult::worst).
using ConfidenceFunction = std::function<double(const std::string&)>;
ContrastResult RunContrast(const ContrastSuite& suite,
                           const ConfidenceFunction& confidence,
                           size_t worst = 10);
// The confidence of each sentence scored as one claim.
ContrastResult RunContrast(const ContrastSuite& suite, const Scorer& scorer,
                           size_t worst = 10);

// The result for a person, and as one JSON object and a newline (keys in
// `credence eval --help`).
void WriteContrastText(const ContrastResult& result, std::ostream& out);
void WriteContrastJson(const ContrastResult& result, std::ostream& out);

}  // namespace credence

#endif  // CREDENCE_ENGINE_LEARN_CONTRAST_H_
