// The credence binary: hands argv and the standard streams to RunCli.
#include <fcntl.h>
#include <unistd.h>

#include <cerrno>
#include <iostream>
#include <string>
#include <vector>

#include "engine/util/atomic_file.h"
#include "tools/cli.h"

namespace {

// A closed standard output or error would be the next file opened (the
// input, say), and /dev/stdout would then lead to it. Such a descriptor
// gets /dev/null opened read-only instead, so that writing to it fails
// and is reported.
void OccupyClosedOutputs() {
  for (const int fd : {STDOUT_FILENO, STDERR_FILENO}) {
    if (::fcntl(fd, F_GETFD) != -1 || errno != EBADF) continue;
    const int null = ::open("/dev/null", O_RDONLY);
    if (null >= 0 && null != fd) {
      ::dup2(null, fd);
      ::close(null);
    }
  }
}

}  // namespace

int main(int argc, char** argv) {
  OccupyClosedOutputs();
  std::ios::sync_with_stdio(false);
  // Ctrl-C or a kill leaves no half-written --output temporary behind, and
  // a file size limit (ulimit -f) is a write error, not a silent death.
  credence::RemoveTemporariesOnSignal();
  const std::vector<std::string> args(argv + 1, argv + argc);
  return credence::RunCli(args, std::cin, std::cout, std::cerr);
}
