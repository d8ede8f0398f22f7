// Files written whole or not at all: a temporary file renamed over the
// target on Commit.
#include "engine/util/atomic_file.h"

#include <fcntl.h>
#include <limits.h>
#include <stdlib.h>
#include <sys/stat.h>
#include <unistd.h>

#include <atomic>
#include <cerrno>
#include <csignal>
#include <cstdio>
#include <cstring>
#include <stdexcept>
#include <streambuf>
#include <vector>

namespace credence {
namespace {

// The temporaries a signal handler must remove: fixed slots, so the
// handler reads them without locks or allocation. A slot's path is written
// only while the slot is kClaimed, and read by the handler only while it
// is kLive.
enum SlotState : int { kFree, kClaimed, kLive };
struct TempSlot {
  std::atomic<int> state{kFree};
  char path[4096];
};
constexpr size_t kTempSlots = 16;  // credence writes at most three at a time
TempSlot temp_slots[kTempSlots];

// The slot now holding `path`, or -1 when every slot is taken (or the path
// is too long): that temporary is then only removed by the destructor.
int RegisterTemporary(const std::string& path) {
  if (path.size() >= sizeof temp_slots[0].path) return -1;
  for (size_t i = 0; i < kTempSlots; ++i) {
    int expected = kFree;
    if (temp_slots[i].state.compare_exchange_strong(expected, kClaimed)) {
      std::memcpy(temp_slots[i].path, path.c_str(), path.size() + 1);
      temp_slots[i].state.store(kLive);
      return static_cast<int>(i);
    }
  }
  return -1;
}

void UnregisterTemporary(int slot) {
  if (slot >= 0) temp_slots[slot].state.store(kFree);
}

extern "C" void RemoveTemporariesAndDie(int signal_number) {
  for (TempSlot& slot : temp_slots) {
    if (slot.state.load() == kLive) ::unlink(slot.path);  // signal-safe
  }
  std::signal(signal_number, SIG_DFL);
  std::raise(signal_number);
}

// The folder a rename into `path` changes.
std::string FolderOf(const std::string& path) {
  const size_t slash = path.rfind('/');
  if (slash == std::string::npos) return ".";
  return slash == 0 ? "/" : path.substr(0, slash);
}

// Whether `path` is in the system's folders of devices or processes, where
// links such as /dev/stdout and /dev/fd/N lead to whatever a descriptor is
// open on, and are never to be replaced. Judged by the folder's real path,
// so "stdout" with /dev as the working folder counts too.
bool InSystemFolder(const std::string& path) {
  char folder[PATH_MAX];
  if (::realpath(FolderOf(path).c_str(), folder) == nullptr) return false;
  const std::string real = std::string(folder) + "/";
  return real.rfind("/dev/", 0) == 0 || real.rfind("/proc/", 0) == 0;
}

int OpenOrThrow(const std::string& path, int flags, const std::string& name) {
  const int fd = ::open(path.c_str(), flags | O_CLOEXEC, 0666);
  if (fd < 0) {
    throw std::runtime_error(name + ": cannot create (" + std::strerror(errno) +
                             ")");
  }
  return fd;
}

}  // namespace

// Writes to a file descriptor it owns, keeping the first write error.
class AtomicFile::Buffer : public std::streambuf {
 public:
  explicit Buffer(int fd) : fd_(fd), bytes_(kSize) {
    setp(bytes_.data(), bytes_.data() + bytes_.size());
  }
  ~Buffer() override { Close(); }

  int fd() const { return fd_; }
  int error() const { return error_; }
  // Closes the descriptor; false (and error() set) when that fails.
  bool Close() {
    if (fd_ < 0) return true;
    const int closed = ::close(fd_);
    fd_ = -1;
    if (closed != 0 && error_ == 0) error_ = errno;
    return closed == 0;
  }

 protected:
  int_type overflow(int_type c) override {
    if (!Drain()) return traits_type::eof();
    if (!traits_type::eq_int_type(c, traits_type::eof())) {
      *pptr() = traits_type::to_char_type(c);
      pbump(1);
    }
    return traits_type::not_eof(c);
  }
  // Large pieces go straight to the descriptor, not through the buffer.
  std::streamsize xsputn(const char* s, std::streamsize n) override {
    if (n < epptr() - pptr()) return std::streambuf::xsputn(s, n);
    if (!Drain() || !WriteAll(s, static_cast<size_t>(n))) return 0;
    return n;
  }
  int sync() override { return Drain() ? 0 : -1; }

 private:
  static constexpr size_t kSize = size_t{1} << 16;

  bool Drain() {
    const bool ok = WriteAll(pbase(), static_cast<size_t>(pptr() - pbase()));
    setp(bytes_.data(), bytes_.data() + bytes_.size());
    return ok;
  }
  bool WriteAll(const char* p, size_t n) {
    if (error_ != 0) return false;
    while (n > 0) {
      const ssize_t written = ::write(fd_, p, n);
      if (written < 0 && errno == EINTR) continue;
      if (written <= 0) {
        error_ = written < 0 ? errno : EIO;
        return false;
      }
      p += written;
      n -= static_cast<size_t>(written);
    }
    return true;
  }

  int fd_;
  int error_ = 0;
  std::vector<char> bytes_;
};

void RemoveTemporariesOnSignal() {
  for (const int s : {SIGINT, SIGTERM, SIGHUP, SIGPIPE}) {
    std::signal(s, RemoveTemporariesAndDie);
  }
  std::signal(SIGXFSZ, SIG_IGN);
}

AtomicFile::AtomicFile(std::string path, Kind kind)
    : path_(std::move(path)), target_(path_), kind_(kind), out_(nullptr) {
  struct stat target = {}, link = {};
  const bool exists = kind_ == kOutput && ::stat(path_.c_str(), &target) == 0;
  const bool linked = kind_ == kOutput && ::lstat(path_.c_str(), &link) == 0 &&
                      S_ISLNK(link.st_mode);
  // A link in /dev or /proc is written through even when it leads nowhere
  // (/dev/stdout with standard output closed): never replaced.
  if ((exists && !S_ISREG(target.st_mode)) ||
      (linked && InSystemFolder(path_))) {
    // Appended to: through /dev/stdout onto a file the shell opened with
    // >>, the file keeps what it holds (one opened with > is empty).
    buffer_ = std::make_unique<Buffer>(
        OpenOrThrow(path_, O_WRONLY | O_APPEND | O_NOCTTY, path_));
    out_.rdbuf(buffer_.get());
    return;
  }
  if (exists) {
    // Another link is followed: the file it names is replaced, the link
    // stays.
    char resolved[PATH_MAX];
    if (linked && ::realpath(path_.c_str(), resolved) != nullptr) {
      target_ = resolved;
    }
    replaces_ = true;
    mode_ = target.st_mode & 07777;
    uid_ = target.st_uid;
    gid_ = target.st_gid;
  }
  OpenTemporary();
}

// In the target's folder, so rename() never crosses devices. The name is
// registered before the file exists: a signal at any moment finds every
// temporary there is (at worst it unlinks a name not yet created). The
// process id keeps other processes' names apart; O_EXCL, stale ones.
void AtomicFile::OpenTemporary() {
  static std::atomic<unsigned> counter{0};
  for (int attempt = 0;; ++attempt) {
    temp_ = target_ + ".tmp-" + std::to_string(::getpid()) + "-" +
            std::to_string(counter++);
    slot_ = RegisterTemporary(temp_);
    const int fd =
        ::open(temp_.c_str(), O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0666);
    if (fd >= 0) {
      buffer_ = std::make_unique<Buffer>(fd);
      out_.rdbuf(buffer_.get());
      return;
    }
    const int error = errno;
    UnregisterTemporary(slot_);
    slot_ = -1;
    if (error != EEXIST || attempt == 100) {
      temp_.clear();
      throw std::runtime_error(path_ + ": cannot create (" +
                               std::strerror(error) + ")");
    }
  }
}

AtomicFile::~AtomicFile() {
  UnregisterTemporary(slot_);
  buffer_.reset();  // closes the descriptor
  if (!committed_ && !temp_.empty()) std::remove(temp_.c_str());
}

void AtomicFile::ThrowWriteError(int error) const {
  const std::string& name = kind_ == kScratch ? temp_ : path_;
  throw std::runtime_error(name + ": cannot write (" +
                           (error != 0 ? std::strerror(error) : "write error") +
                           (kind_ == kScratch && error == ENOSPC
                                ? "; set TMPDIR to another folder"
                                : "") +
                           ")");
}

void AtomicFile::Flush() {
  out_.flush();
  if (!out_ || buffer_->error() != 0) ThrowWriteError(buffer_->error());
}

// The new file gets what the old one had; an owner this process may not
// give (not root) stays its own, which is what a copy would get.
void AtomicFile::CopyOwnerAndMode(int fd) const {
  if (!replaces_) return;
  struct stat now = {};
  if (::fstat(fd, &now) == 0 && (now.st_uid != uid_ || now.st_gid != gid_)) {
    if (::fchown(fd, uid_, gid_) != 0 &&
        ::fchown(fd, static_cast<uid_t>(-1), gid_) != 0) {
      // Neither is ours to give: the file stays this process's.
    }
  }
  if (::fchmod(fd, mode_) != 0) ThrowWriteError(errno);
}

void AtomicFile::Commit() {
  Flush();
  if (straight()) {
    if (!buffer_->Close()) ThrowWriteError(buffer_->error());
    committed_ = true;
    return;
  }
  // Synced before the rename, so that after a crash the name holds either
  // the old bytes or all the new ones.
  CopyOwnerAndMode(buffer_->fd());
  if (::fsync(buffer_->fd()) != 0) ThrowWriteError(errno);
  if (!buffer_->Close()) ThrowWriteError(buffer_->error());
  if (std::rename(temp_.c_str(), target_.c_str()) != 0) {
    ThrowWriteError(errno);
  }
  // A signal in between finds no file left at the temporary's name.
  UnregisterTemporary(slot_);
  slot_ = -1;
  committed_ = true;
  // The rename itself lasts once the folder is synced. The file is in
  // place already, so a folder that cannot be synced is no error.
  const int folder = ::open(FolderOf(target_).c_str(), O_RDONLY | O_CLOEXEC);
  if (folder >= 0) {
    if (::fsync(folder) != 0) {
      // Some file systems cannot sync a folder; the file is there anyway.
    }
    ::close(folder);
  }
}

}  // namespace credence
