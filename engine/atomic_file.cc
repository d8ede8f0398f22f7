#include "engine/atomic_file.h"

#include <fcntl.h>
#include <stdlib.h>
#include <sys/stat.h>
#include <unistd.h>

#include <atomic>
#include <cerrno>
#include <csignal>
#include <cstdio>
#include <cstring>
#include <stdexcept>
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
constexpr size_t kTempSlots = 16;  // credence writes at most two at a time
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

}  // namespace

void RemoveTemporariesOnSignal() {
  for (const int s : {SIGINT, SIGTERM, SIGHUP, SIGPIPE}) {
    std::signal(s, RemoveTemporariesAndDie);
  }
}

AtomicFile::AtomicFile(std::string path) : path_(std::move(path)) {
  // In the target's folder, so rename() never crosses devices. The name is
  // registered before the file exists: a signal at any moment finds every
  // temporary there is (at worst it unlinks a name not yet created). The
  // process id keeps other processes' names apart; O_EXCL, stale ones.
  static std::atomic<unsigned> counter{0};
  for (int attempt = 0;; ++attempt) {
    temp_ = path_ + ".tmp-" + std::to_string(::getpid()) + "-" +
            std::to_string(counter++);
    slot_ = RegisterTemporary(temp_);
    const int fd =
        ::open(temp_.c_str(), O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0666);
    if (fd >= 0) {
      ::close(fd);
      break;
    }
    const int error = errno;
    UnregisterTemporary(slot_);
    if (error != EEXIST || attempt == 100) {
      throw std::runtime_error(path_ + ": cannot create (" +
                               std::strerror(error) + ")");
    }
  }
  // Opened as it stands (just created empty), not truncated: on ext4 a
  // file truncated on opening is written back to disk when it is closed
  // (auto_da_alloc), which cost a large output tens of milliseconds.
  out_.open(temp_, std::ios::binary | std::ios::in);
  if (!out_) {
    UnregisterTemporary(slot_);
    std::remove(temp_.c_str());
    throw std::runtime_error(path_ + ": cannot create (" +
                             std::strerror(errno) + ")");
  }
}

AtomicFile::~AtomicFile() {
  UnregisterTemporary(slot_);
  if (!committed_) {
    out_.close();
    std::remove(temp_.c_str());
  }
}

void AtomicFile::Commit() {
  out_.flush();
  out_.close();
  if (out_.fail()) {
    throw std::runtime_error(path_ + ": cannot write (disk full?)");
  }
  if (std::rename(temp_.c_str(), path_.c_str()) != 0) {
    throw std::runtime_error(path_ + ": cannot write (" + std::strerror(errno) +
                             ")");
  }
  // A signal in between finds no file left at the temporary's name.
  UnregisterTemporary(slot_);
  slot_ = -1;
  committed_ = true;
}

}  // namespace credence
