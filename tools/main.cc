// The credence binary: hands argv and the standard streams to RunCli.
#include <iostream>
#include <string>
#include <vector>

#include "engine/atomic_file.h"
#include "tools/cli.h"

int main(int argc, char** argv) {
  std::ios::sync_with_stdio(false);
  // Ctrl-C or a kill leaves no half-written --output temporary behind, and
  // a file size limit (ulimit -f) is a write error, not a silent death.
  credence::RemoveTemporariesOnSignal();
  const std::vector<std::string> args(argv + 1, argv + argc);
  return credence::RunCli(args, std::cin, std::cout, std::cerr);
}
