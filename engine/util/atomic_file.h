// Where credence writes its outputs. A regular file (or a path with nothing
// there yet) appears whole or not at all: the bytes go to a temporary file
// in the same folder, which Commit() makes durable (fsync) and renames over
// the target, with the mode and owner of the file it replaces. Anything
// else (a device such as /dev/null, a FIFO, a socket, or a link in /dev or
// /proc such as /dev/stdout) is written straight, as the shell's >> would:
// replacing it would destroy it. Any other link is followed: the file it
// names is replaced and the link stays.
//
//   credence::AtomicFile file("ranked.csv");   // throws on a bad folder
//   file.stream() << data;
//   file.Commit();   // without it, the destructor removes the temporary
//
// A program that calls RemoveTemporariesOnSignal() once also loses its
// temporaries when SIGINT, SIGTERM, SIGHUP or SIGPIPE ends it; only SIGKILL
// (or a crash) leaves a "TARGET.tmp-PID-N" file behind, never a partial
// target.
#ifndef CREDENCE_ENGINE_UTIL_ATOMIC_FILE_H_
#define CREDENCE_ENGINE_UTIL_ATOMIC_FILE_H_

#include <sys/types.h>

#include <memory>
#include <ostream>
#include <string>

namespace credence {

// Installs handlers for SIGINT, SIGTERM, SIGHUP and SIGPIPE that remove the
// temporaries of every AtomicFile alive, then end the process by the same
// signal (so the exit status still tells the signal). Also ignores SIGXFSZ,
// so that a write past the file size limit (ulimit -f) fails with EFBIG
// and is reported, instead of killing the process.
void RemoveTemporariesOnSignal();

class AtomicFile {
 public:
  enum Kind {
    kOutput,   // the target as described above
    kScratch,  // a private temporary only: never written straight, never
               // committed; the path only names it
  };

  // Throws std::runtime_error "PATH: cannot create (reason)".
  explicit AtomicFile(std::string path, Kind kind = kOutput);
  ~AtomicFile();
  AtomicFile(const AtomicFile&) = delete;
  AtomicFile& operator=(const AtomicFile&) = delete;

  std::ostream& stream() { return out_; }
  // Where the bytes are until Commit(): a file the destructor removes when
  // never committed ("" when written straight).
  const std::string& temp_path() const { return temp_; }
  bool straight() const { return temp_.empty(); }
  // Writes what is buffered; throws std::runtime_error "FILE: cannot write
  // (reason)", FILE being the target, or the temporary for kScratch.
  void Flush();
  // Flushes and checks every write succeeded; a replaced target is synced
  // to disk, renamed into place, and its folder synced. Throws
  // std::runtime_error "PATH: cannot write (reason)" and leaves no file.
  void Commit();

 private:
  class Buffer;
  // Throws "PATH: cannot write (reason)" for the error `error`.
  [[noreturn]] void ThrowWriteError(int error) const;
  void OpenTemporary();
  void CopyOwnerAndMode(int fd) const;

  std::string path_;    // the target as given, for messages
  std::string target_;  // the file replaced: path_ with a link resolved
  std::string temp_;
  Kind kind_;
  bool replaces_ = false;  // a regular file is already at path_
  mode_t mode_ = 0;        // its permission bits, owner and group
  uid_t uid_ = 0;
  gid_t gid_ = 0;
  std::unique_ptr<Buffer> buffer_;
  std::ostream out_;
  bool committed_ = false;
  int slot_ = -1;  // where a signal handler finds temp_ (-1: nowhere)
};

}  // namespace credence

#endif  // CREDENCE_ENGINE_UTIL_ATOMIC_FILE_H_
