// Input streams that misbehave, for the tests of the CSV reader and the
// ranker: one that fails like a broken disk, one that never ends.
#ifndef CREDENCE_TESTS_TEST_STREAMS_H_
#define CREDENCE_TESTS_TEST_STREAMS_H_

#include <cstdint>
#include <ios>
#include <streambuf>
#include <string>
#include <utility>

namespace credence {

// Gives its text, then fails like a broken disk.
class FailingBuffer : public std::streambuf {
 public:
  explicit FailingBuffer(std::string text) : text_(std::move(text)) {
    setg(text_.data(), text_.data(), text_.data() + text_.size());
  }

 protected:
  int_type underflow() override { throw std::ios_base::failure("EIO"); }

 private:
  std::string text_;
};

// Gives `prefix`, then `filler` bytes without end (but for a bound of 1
// GiB, past which a test fails rather than hangs).
class EndlessBuffer : public std::streambuf {
 public:
  EndlessBuffer(std::string prefix, char filler)
      : prefix_(std::move(prefix)), chunk_(size_t{1} << 16, filler) {}
  // The filler bytes handed out so far.
  uint64_t given() const { return given_; }

 protected:
  int_type underflow() override {
    if (!prefix_done_ && !prefix_.empty()) {
      prefix_done_ = true;
      setg(prefix_.data(), prefix_.data(), prefix_.data() + prefix_.size());
      return traits_type::to_int_type(prefix_[0]);
    }
    if (given_ >= (uint64_t{1} << 30)) return traits_type::eof();
    given_ += chunk_.size();
    setg(chunk_.data(), chunk_.data(), chunk_.data() + chunk_.size());
    return traits_type::to_int_type(chunk_[0]);
  }

 private:
  std::string prefix_;
  std::string chunk_;
  bool prefix_done_ = false;
  uint64_t given_ = 0;
};

}  // namespace credence

#endif  // CREDENCE_TESTS_TEST_STREAMS_H_
