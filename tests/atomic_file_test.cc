// AtomicFile: the target appears whole on Commit() or not at all, and the
// temporary never outlives the object nor clobbers a file it did not make.
#include "engine/atomic_file.h"

#include <gtest/gtest.h>
#include <unistd.h>

#include <filesystem>
#include <stdexcept>
#include <string>

#include "tests/scratch_dir.h"

namespace credence {
namespace {

namespace fs = std::filesystem;

class AtomicFileTest : public ScratchDirTest {
 protected:
  AtomicFileTest() : ScratchDirTest("credence_atomic_file_test") {}
};

TEST_F(AtomicFileTest, CommitReplacesTheTargetWhole) {
  const std::string target = Write("out.csv", "old\n");
  std::string temp;
  {
    AtomicFile file(target);
    temp = file.temp_path();
    file.stream() << "new\n";
    EXPECT_EQ(ReadFile(target), "old\n");  // untouched until Commit
    file.Commit();
  }
  EXPECT_EQ(ReadFile(target), "new\n");
  EXPECT_FALSE(fs::exists(temp));
}

TEST_F(AtomicFileTest, WithoutCommitNothingChangesAndNothingStays) {
  const std::string target = Write("out.csv", "old\n");
  std::string temp;
  {
    AtomicFile file(target);
    temp = file.temp_path();
    file.stream() << "half a ranking";
    EXPECT_TRUE(fs::exists(temp));
  }
  EXPECT_EQ(ReadFile(target), "old\n");
  EXPECT_FALSE(fs::exists(temp));
  EXPECT_EQ(std::distance(fs::directory_iterator(dir_.path()),
                          fs::directory_iterator()),
            1);
}

// The temporary is TARGET.tmp-PID-N in the target's folder.
TEST_F(AtomicFileTest, TemporaryIsNamedForTheTargetAndProcess) {
  const std::string target = Path("out.csv");
  AtomicFile file(target);
  const std::string prefix =
      target + ".tmp-" + std::to_string(::getpid()) + "-";
  EXPECT_EQ(file.temp_path().rfind(prefix, 0), 0u) << file.temp_path();
}

// A file already at the next name (left by a killed run of a process with
// the same id) is skipped, not truncated or removed.
TEST_F(AtomicFileTest, LeavesAStaleTemporaryAlone) {
  const std::string target = Path("out.csv");
  std::string first;
  {
    AtomicFile probe(target);
    first = probe.temp_path();
  }
  const size_t dash = first.rfind('-');
  const std::string base = first.substr(0, dash + 1);
  const unsigned long n = std::stoul(first.substr(dash + 1));
  const std::string stale = base + std::to_string(n + 1);
  Write(fs::path(stale).filename().string(), "stale");
  {
    AtomicFile file(target);
    EXPECT_EQ(file.temp_path(), base + std::to_string(n + 2));
    file.stream() << "fresh";
    file.Commit();
  }
  EXPECT_EQ(ReadFile(stale), "stale");
  EXPECT_EQ(ReadFile(target), "fresh");
}

TEST_F(AtomicFileTest, MissingFolderIsAnErrorNamingTheTarget) {
  const std::string target = Path("no/such/folder/out.csv");
  try {
    AtomicFile file(target);
    FAIL() << "no exception";
  } catch (const std::runtime_error& e) {
    EXPECT_EQ(std::string(e.what()),
              target + ": cannot create (No such file or directory)");
  }
}

}  // namespace
}  // namespace credence
