// A file that appears whole or not at all: written to a temporary file in
// the same folder, renamed over the target by Commit().
//
//   credence::AtomicFile file("ranked.csv");   // throws on a bad folder
//   file.stream() << data;
//   file.Commit();   // without it, the destructor removes the temporary
//
// A program that calls RemoveTemporariesOnSignal() once also loses its
// temporaries when SIGINT, SIGTERM, SIGHUP or SIGPIPE ends it; only SIGKILL
// (or a crash) leaves a "TARGET.tmp-PID-N" file behind, never a partial
// target.
#ifndef CREDENCE_ENGINE_ATOMIC_FILE_H_
#define CREDENCE_ENGINE_ATOMIC_FILE_H_

#include <fstream>
#include <string>

namespace credence {

// Installs handlers for SIGINT, SIGTERM, SIGHUP and SIGPIPE that remove the
// temporaries of every AtomicFile alive, then end the process by the same
// signal (so the exit status still tells the signal).
void RemoveTemporariesOnSignal();

class AtomicFile {
 public:
  // Throws std::runtime_error "PATH: cannot create (reason)".
  explicit AtomicFile(std::string path);
  ~AtomicFile();
  AtomicFile(const AtomicFile&) = delete;
  AtomicFile& operator=(const AtomicFile&) = delete;

  std::ostream& stream() { return out_; }
  // Where the bytes are until Commit(): a scratch file the destructor
  // removes when never committed.
  const std::string& temp_path() const { return temp_; }
  // Flushes, checks every write succeeded, renames into place. Throws
  // std::runtime_error "PATH: cannot write (reason)" and leaves no file.
  void Commit();

 private:
  std::string path_;
  std::string temp_;
  std::ofstream out_;
  bool committed_ = false;
  int slot_ = -1;  // where a signal handler finds temp_ (-1: nowhere)
};

}  // namespace credence

#endif  // CREDENCE_ENGINE_ATOMIC_FILE_H_
