// A 64-bit linear congruential generator (Knuth's MMIX constants) for
// synthetic test data: fully specified, so the data is the same with every
// standard library (std::uniform_real_distribution is not).
#ifndef CREDENCE_TESTS_LCG_H_
#define CREDENCE_TESTS_LCG_H_

#include <cstdint>

namespace credence {

class Lcg {
 public:
  explicit Lcg(uint64_t seed) : state_(seed) {}
  // Uniform in [0, 1), from the top 53 bits.
  double Uniform() {
    state_ = state_ * 6364136223846793005ULL + 1442695040888963407ULL;
    return static_cast<double>(state_ >> 11) * 0x1.0p-53;
  }
  double Between(double low, double high) {
    return low + (high - low) * Uniform();
  }

 private:
  uint64_t state_;
};

}  // namespace credence

#endif  // CREDENCE_TESTS_LCG_H_
