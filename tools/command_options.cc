// What the commands share: parsing with Boost.Program_options, the
// options every scoring command takes, and the checks on paths.
#include "tools/command_options.h"

#include <algorithm>
#include <cerrno>
#include <cstring>
#include <filesystem>
#include <fstream>
#include <utility>

#include "tools/cli.h"

namespace credence {

namespace po = boost::program_options;

namespace {

// The Levenshtein distance between `a` and `b`.
size_t EditDistance(const std::string& a, const std::string& b) {
  std::vector<size_t> row(b.size() + 1);
  for (size_t j = 0; j <= b.size(); ++j) row[j] = j;
  for (size_t i = 1; i <= a.size(); ++i) {
    size_t diagonal = row[0];
    row[0] = i;
    for (size_t j = 1; j <= b.size(); ++j) {
      const size_t above = row[j];
      row[j] = std::min({row[j] + 1, row[j - 1] + 1,
                         diagonal + (a[i - 1] == b[j - 1] ? 0 : 1)});
      diagonal = above;
    }
  }
  return row[b.size()];
}

}  // namespace

std::string ClosestOption(const std::string& typed,
                          const po::options_description& desc) {
  std::string name = typed.substr(0, typed.find('='));
  while (!name.empty() && name.front() == '-') name.erase(0, 1);
  std::string best;
  // A third of the name, at least 1 and at most 2 edits: closer than that
  // is a typo; farther is another word.
  size_t best_distance =
      std::min<size_t>(2, std::max<size_t>(1, name.size() / 3)) + 1;
  for (const auto& option : desc.options()) {
    const std::string& candidate = option->long_name();
    if (candidate.empty() || candidate == "input") continue;
    const size_t d = EditDistance(name, candidate);
    if (d < best_distance) {
      best_distance = d;
      best = candidate;
    }
  }
  return best.empty() ? "" : "--" + best;
}

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
  } catch (const po::unknown_option& e) {
    const std::string typed =
        e.get_option_name().substr(0, e.get_option_name().find('='));
    const std::string closest = ClosestOption(typed, desc);
    if (!closest.empty()) {
      throw UsageError("unknown option " + typed + " (did you mean " + closest +
                       "?)");
    }
    throw UsageError(std::string(e.what()) + " (see credence " + command +
                     " --help)");
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

TerminalProgress::TerminalProgress(std::ostream* err, uint64_t total_bytes,
                                   std::string verb, std::string noun)
    : err_(err),
      total_(total_bytes),
      verb_(std::move(verb)),
      noun_(std::move(noun)) {}

double TerminalProgress::Seconds() const {
  return std::chrono::duration<double>(std::chrono::steady_clock::now() -
                                       start_)
      .count();
}

void TerminalProgress::Update(uint64_t count, uint64_t bytes) {
  if (!err_) return;
  const double s = Seconds();
  if (shown_ >= 0 && s - shown_ < 0.25) return;  // a few a second are plenty
  shown_ = s;
  *err_ << "\r" << verb_ << " " << count << " " << noun_;
  if (total_ > 0 && bytes > 0) {
    const double done =
        std::min(1.0, static_cast<double>(bytes) / static_cast<double>(total_));
    *err_ << " (" << static_cast<int>(done * 100) << "%, "
          << static_cast<uint64_t>(s * (1 - done) / done) << "s left)";
  } else if (s > 0) {
    *err_ << " (" << static_cast<uint64_t>(static_cast<double>(count) / s)
          << " " << noun_ << "/s)";
  }
  *err_ << "\033[K" << std::flush;  // clears what a longer line left
}

void TerminalProgress::End() {
  if (err_ && shown_ >= 0) *err_ << "\n";
}

void AddTextColumnOption(po::options_description* desc, std::string* column) {
  desc->add_options()("text-column", po::value(column))("column",
                                                        po::value(column));
}

void CheckTextColumn(const po::variables_map& vm) {
  if (vm.count("text-column") > 0 && vm.count("column") > 0) {
    throw UsageError(
        "--column is another name of --text-column (give one of them)");
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

std::string WithSkipHint(const std::string& error, const std::string& what) {
  const std::string hint = "--skip-bad-rows reports and skips bad " + what;
  if (!error.empty() && error.back() == ')') {
    return error.substr(0, error.size() - 1) + "; " + hint + ")";
  }
  return error + " (" + hint + ")";
}

void OpenInputFile(const std::string& path, const std::string& what,
                   std::ifstream* file) {
  RefuseDirectory(path, what);
  file->open(path, std::ios::binary);
  if (!*file) {
    throw DataError(path + ": cannot open (" +
                    std::string(std::strerror(errno)) + ")");
  }
}

void DeliverOutput(AtomicFile* target, AtomicFile* scratch,
                   const std::ostringstream& buffered, std::ostream& out) {
  if (target) {
    target->Commit();
    return;
  }
  if (scratch) {
    scratch->Flush();
    std::ifstream written(scratch->temp_path(), std::ios::binary);
    if (written.peek() != std::ifstream::traits_type::eof()) {
      out << written.rdbuf();
    }
  } else {
    out << buffered.str();
  }
  out.flush();
  if (!out) {
    throw DataError("cannot write the output (disk full or pipe closed?)");
  }
}

}  // namespace credence
