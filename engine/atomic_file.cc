#include "engine/atomic_file.h"

#include <fcntl.h>
#include <stdlib.h>
#include <sys/stat.h>
#include <unistd.h>

#include <cerrno>
#include <cstdio>
#include <cstring>
#include <stdexcept>
#include <vector>

namespace credence {

AtomicFile::AtomicFile(std::string path) : path_(std::move(path)) {
  // mkstemp in the target's folder, so rename() never crosses devices.
  std::vector<char> name(path_.begin(), path_.end());
  const std::string suffix = ".tmp-XXXXXX";
  name.insert(name.end(), suffix.begin(), suffix.end());
  name.push_back('\0');
  const int fd = mkstemp(name.data());
  if (fd < 0) {
    throw std::runtime_error(path_ + ": cannot create (" +
                             std::strerror(errno) + ")");
  }
  // mkstemp makes the file private; give it the mode a new file gets.
  const mode_t mask = ::umask(0);
  ::umask(mask);
  ::fchmod(fd, 0666 & ~mask);
  ::close(fd);
  temp_ = name.data();
  out_.open(temp_, std::ios::binary | std::ios::trunc);
  if (!out_) {
    std::remove(temp_.c_str());
    throw std::runtime_error(path_ + ": cannot create (" +
                             std::strerror(errno) + ")");
  }
}

AtomicFile::~AtomicFile() {
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
  committed_ = true;
}

}  // namespace credence
