// What the commands share: parsing with Boost.Program_options, the
// options every scoring command takes, and the checks on paths.
#include "tools/command_options.h"

#include <filesystem>
#include <utility>

#include "tools/cli.h"

namespace credence {

namespace po = boost::program_options;

boost::program_options::variables_map ParseCommandLine(
    const std::vector<std::string>& args, const po::options_description& desc,
    const std::string& command) {
  po::positional_options_description positional;
  positional.add("input", -1);
  po::variables_map vm;
  try {
    po::store(po::command_line_parser(args)
                  .options(desc)
                  .positional(positional)
                  .style(po::command_line_style::unix_style ^
                         po::command_line_style::allow_guessing)
                  .run(),
              vm);
    po::notify(vm);
  } catch (const po::error& e) {
    throw UsageError(std::string(e.what()) + " (see credence " + command +
                     " --help)");
  }
  return vm;
}

void CheckNotAnInput(const std::string& output, const std::string& option,
                     const std::vector<std::vector<std::string>>& inputs) {
  for (const std::vector<std::string>& list : inputs) {
    for (const std::string& input : list) {
      if (!input.empty() && SamePath(output, input)) {
        throw UsageError(option + " " + output +
                         " is also an input (it would be overwritten; "
                         "choose another path)");
      }
    }
  }
}

void AddScorerOptions(po::options_description* desc, std::string* lexicons,
                      std::string* overlay) {
  desc->add_options()("lexicons", po::value(lexicons))("overlay",
                                                       po::value(overlay));
}

std::vector<std::string> Inputs(const po::variables_map& vm) {
  if (vm.count("input") == 0) return {};
  return vm["input"].as<std::vector<std::string>>();
}

void RefuseDirectories(const std::vector<std::vector<std::string>>& lists) {
  for (const std::vector<std::string>& list : lists) {
    for (const std::string& path : list) RefuseDirectory(path, "a CSV file");
  }
}

}  // namespace credence
