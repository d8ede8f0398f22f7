// Linear constraints on a model's weights, read from a text file, for
// `credence tune --constraints FILE`: what the labeled data cannot teach
// (that an official on record is worth more than no source) holds while
// the data sets the sizes.
//
//   std::vector<credence::WeightConstraint> c =
//       credence::LoadConstraintsFile("models/constraints.txt", names);
//   fit_options.constraints = c;   // FitLogistic keeps every one
//
// The file: a first line `credence-constraints 1`, then one constraint a
// line, `# ...` comments and blank lines ignored:
//
//   0.693*named_source + backing_official >= 0.4   # official beats bare
//   backing_named - backing_anonymous >= 0.3
//   0.693*denial + backing_institution <= -0.4
//
// Each term is a feature name, or COEFFICIENT*NAME, with a sign; the bound
// is a number. (0.693 is log 2, the feature value of one cue of strength 1.)
#ifndef CREDENCE_MODELS_WEIGHT_CONSTRAINTS_H_
#define CREDENCE_MODELS_WEIGHT_CONSTRAINTS_H_

#include <iosfwd>
#include <string>
#include <vector>

#include "models/logistic_fit.h"

namespace credence {

// Throws ModelError ("path:line: problem (hint)") for a missing or wrong
// first line, an unknown or repeated feature, a line that is not
// `TERMS >= NUMBER` or `TERMS <= NUMBER`, or an unreadable file. `names` are
// the features.
std::vector<WeightConstraint> LoadConstraints(
    std::istream& in, const std::string& path,
    const std::vector<std::string>& names);
std::vector<WeightConstraint> LoadConstraintsFile(
    const std::string& path, const std::vector<std::string>& names);

}  // namespace credence

#endif  // CREDENCE_MODELS_WEIGHT_CONSTRAINTS_H_
