// A scratch folder for the tests that write files and run credence (or the
// library) on them: a folder of its own under the system temporary folder,
// removed with everything in it at the end.
#ifndef CREDENCE_TESTS_SCRATCH_DIR_H_
#define CREDENCE_TESTS_SCRATCH_DIR_H_

#include <gtest/gtest.h>
#include <unistd.h>

#include <atomic>
#include <filesystem>
#include <fstream>
#include <sstream>
#include <string>
#include <system_error>

namespace credence {

// The bytes of the file at `path`; "" when it cannot be read.
inline std::string ReadFile(const std::filesystem::path& path) {
  std::ifstream in(path, std::ios::binary);
  std::stringstream s;
  s << in.rdbuf();
  return s.str();
}

// Makes "<temp>/<prefix>_<pid>_<n>" (n counts the folders of this process),
// empty, and removes it with everything in it when destroyed.
class ScratchDir {
 public:
  explicit ScratchDir(const std::string& prefix) {
    static std::atomic<int> counter{0};
    path_ = std::filesystem::temp_directory_path() /
            (prefix + "_" + std::to_string(::getpid()) + "_" +
             std::to_string(counter++));
    std::filesystem::remove_all(path_);
    std::filesystem::create_directories(path_);
  }
  ~ScratchDir() {
    std::error_code error;
    std::filesystem::remove_all(path_, error);
    if (error) ADD_FAILURE() << "cannot remove " << path_ << ": " << error;
  }
  ScratchDir(const ScratchDir&) = delete;
  ScratchDir& operator=(const ScratchDir&) = delete;

  const std::filesystem::path& path() const { return path_; }
  // The path of `name` in the folder (which need not exist).
  std::string Path(const std::string& name) const {
    return (path_ / name).string();
  }
  // Writes `bytes` to `name` in the folder, making the folders `name` names,
  // and returns its path.
  std::string Write(const std::string& name, const std::string& bytes) const {
    const std::filesystem::path p = path_ / name;
    std::filesystem::create_directories(p.parent_path());
    std::ofstream(p, std::ios::binary) << bytes;
    return p.string();
  }

 private:
  std::filesystem::path path_;
};

// A fixture with a scratch folder per test, `dir_`; Write and Path as in
// ScratchDir.
class ScratchDirTest : public ::testing::Test {
 protected:
  explicit ScratchDirTest(const std::string& prefix) : dir_(prefix) {}

  std::string Write(const std::string& name, const std::string& bytes) const {
    return dir_.Write(name, bytes);
  }
  std::string Path(const std::string& name) const { return dir_.Path(name); }

  const ScratchDir dir_;
};

}  // namespace credence

#endif  // CREDENCE_TESTS_SCRATCH_DIR_H_
