// AtomicFile: a regular target appears whole on Commit() or not at all, with
// the mode of the file it replaces; the temporary never outlives the object
// nor clobbers a file it did not make; a device or FIFO is written straight
// and stays what it is.
#include "engine/util/atomic_file.h"

#include <fcntl.h>
#include <gtest/gtest.h>
#include <sys/stat.h>
#include <sys/sysmacros.h>
#include <unistd.h>

#include <algorithm>
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

// Writes of every size around the 64 KiB buffer, single characters and
// pieces larger than the buffer included, arrive whole and in order.
TEST_F(AtomicFileTest, BytesArriveInOrderWhateverTheWriteSizes) {
  const size_t sizes[] = {1, 65535, 1, 65536, 65537, 3, 200000, 0, 70000, 7};
  std::string expected;
  const std::string target = Path("out.bin");
  {
    AtomicFile file(target);
    char next = 0;
    for (const size_t size : sizes) {
      std::string piece(size, ' ');
      for (char& c : piece) c = next++;
      expected += piece;
      if (size == 1) {
        file.stream().put(piece[0]);
      } else {
        file.stream().write(piece.data(),
                            static_cast<std::streamsize>(piece.size()));
      }
    }
    file.Commit();
  }
  EXPECT_TRUE(ReadFile(target) == expected) << ReadFile(target).size();
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

struct stat StatOf(const std::string& path) {
  struct stat st = {};
  EXPECT_EQ(::stat(path.c_str(), &st), 0) << path;
  return st;
}

// The replaced file's permission bits carry over to the new one; a new file
// gets 0666 less the umask, as the shell's > gives it.
TEST_F(AtomicFileTest, KeepsTheModeOfTheFileItReplaces) {
  const mode_t umask_was = ::umask(022);
  struct Case {
    const char* name;
    bool exists;
    mode_t before;
    mode_t after;
  } cases[] = {
      {"private", true, 0600, 0600},       {"group-readable", true, 0640, 0640},
      {"executable", true, 0755, 0755},    {"read-only", true, 0444, 0444},
      {"setgid kept", true, 02750, 02750}, {"new file", false, 0, 0644},
  };
  for (const Case& c : cases) {
    SCOPED_TRACE(c.name);
    const std::string target = Path(std::string(c.name) + ".csv");
    if (c.exists) {
      Write(std::string(c.name) + ".csv", "old\n");
      ASSERT_EQ(::chmod(target.c_str(), c.before), 0);
    }
    {
      AtomicFile file(target);
      file.stream() << "new\n";
      file.Commit();
    }
    EXPECT_EQ(ReadFile(target), "new\n");
    EXPECT_EQ(StatOf(target).st_mode & 07777, c.after);
  }
  ::umask(umask_was);
}

// As root, the replaced file's owner and group carry over too (a run by
// root does not take over a user's file).
TEST_F(AtomicFileTest, KeepsTheOwnerOfTheFileItReplaces) {
  if (::geteuid() != 0) GTEST_SKIP() << "only root can give a file away";
  const std::string target = Write("theirs.csv", "old\n");
  ASSERT_EQ(::chown(target.c_str(), 12345, 23456), 0);
  ASSERT_EQ(::chmod(target.c_str(), 0640), 0);
  {
    AtomicFile file(target);
    file.stream() << "new\n";
    file.Commit();
  }
  const struct stat st = StatOf(target);
  EXPECT_EQ(st.st_uid, 12345u);
  EXPECT_EQ(st.st_gid, 23456u);
  EXPECT_EQ(st.st_mode & 07777, 0640u);
  EXPECT_EQ(ReadFile(target), "new\n");
}

// A link to a regular file is followed: the file it names is replaced
// whole, and the link stays a link.
TEST_F(AtomicFileTest, ReplacesTheFileALinkNames) {
  const std::string real = Write("v3.model", "old\n");
  const std::string link = Path("current.model");
  ASSERT_EQ(::symlink("v3.model", link.c_str()), 0);
  {
    AtomicFile file(link);
    file.stream() << "new\n";
    file.Commit();
  }
  EXPECT_TRUE(fs::is_symlink(link));
  EXPECT_EQ(ReadFile(real), "new\n");
  EXPECT_EQ(std::distance(fs::directory_iterator(dir_.path()),
                          fs::directory_iterator()),
            2);
}

// A FIFO is written straight, not replaced: the reader that has it open
// gets the bytes, and the path is still a FIFO. (The read end is opened
// first, without blocking, so that the write end opens at once; a pipe
// holds these few bytes.)
TEST_F(AtomicFileTest, WritesStraightIntoAFifo) {
  const std::string fifo = Path("pipe");
  ASSERT_EQ(::mkfifo(fifo.c_str(), 0600), 0);
  const int reader = ::open(fifo.c_str(), O_RDONLY | O_NONBLOCK | O_CLOEXEC);
  ASSERT_GE(reader, 0);
  {
    AtomicFile file(fifo);
    file.stream() << "ranked\n";
    file.Commit();
  }
  char buffer[64];
  const ssize_t got = ::read(reader, buffer, sizeof buffer);
  ::close(reader);
  EXPECT_EQ(std::string(buffer, static_cast<size_t>(std::max<ssize_t>(got, 0))),
            "ranked\n");
  EXPECT_TRUE(S_ISFIFO(StatOf(fifo).st_mode));
  EXPECT_EQ(std::distance(fs::directory_iterator(dir_.path()),
                          fs::directory_iterator()),
            1);  // no temporary
}

// A link to a FIFO (as /dev/stdout is a link to the open standard output)
// is written through, and stays a link.
TEST_F(AtomicFileTest, WritesThroughALinkToAFifo) {
  const std::string fifo = Path("pipe");
  const std::string link = Path("out");
  ASSERT_EQ(::mkfifo(fifo.c_str(), 0600), 0);
  ASSERT_EQ(::symlink(fifo.c_str(), link.c_str()), 0);
  const int reader = ::open(fifo.c_str(), O_RDONLY | O_NONBLOCK | O_CLOEXEC);
  ASSERT_GE(reader, 0);
  {
    AtomicFile file(link);
    file.stream() << "model\n";
    file.Commit();
  }
  char buffer[64];
  const ssize_t got = ::read(reader, buffer, sizeof buffer);
  ::close(reader);
  EXPECT_EQ(std::string(buffer, static_cast<size_t>(std::max<ssize_t>(got, 0))),
            "model\n");
  EXPECT_TRUE(fs::is_symlink(link));
}

// A character device of our own (the major and minor numbers of /dev/null,
// made in the scratch folder; never a system device) takes the bytes and
// is still the same device afterwards. Making a device node needs root.
TEST_F(AtomicFileTest, WritesStraightIntoACharacterDevice) {
  const std::string node = Path("null");
  if (::geteuid() != 0 ||
      ::mknod(node.c_str(), S_IFCHR | 0666, ::makedev(1, 3)) != 0) {
    GTEST_SKIP() << "cannot make a device node (needs root)";
  }
  const mode_t mode = StatOf(node).st_mode;
  {
    AtomicFile file(node);
    file.stream() << "discarded\n";
    file.Commit();
  }
  const struct stat st = StatOf(node);
  EXPECT_TRUE(S_ISCHR(st.st_mode));
  EXPECT_EQ(st.st_rdev, ::makedev(1, 3));
  EXPECT_EQ(st.st_mode, mode);
  EXPECT_EQ(std::distance(fs::directory_iterator(dir_.path()),
                          fs::directory_iterator()),
            1);  // no temporary
}

}  // namespace
}  // namespace credence
