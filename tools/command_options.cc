// What every command shares: building the scorer from the options,
// parsing with Boost.Program_options, and the checks on paths.
#include "tools/command_options.h"

#include <filesystem>
#include <utility>

#include "engine/builtin_data.h"
#include "tools/cli.h"

namespace credence {

namespace po = boost::program_options;

std::unique_ptr<Scorer> BuildScorer(const std::string& model_path,
                                    const std::string& lexicon_dir,
                                    const std::string& overlay_dir) {
  if (!model_path.empty()) RefuseDirectory(model_path, "a model file");
  std::vector<Lexicon> lexicons = lexicon_dir.empty()
                                      ? DefaultLexicons()
                                      : LoadLexiconDirectory(lexicon_dir);
  if (!overlay_dir.empty()) ApplyOverlayDirectory(overlay_dir, &lexicons);
  const LinearModel model =
      model_path.empty() ? DefaultModel() : LinearModel::LoadFile(model_path);
  try {
    return std::make_unique<Scorer>(Extractor(std::move(lexicons)), model);
  } catch (const std::invalid_argument& e) {
    throw DataError((model_path.empty() ? "<built-in model>" : model_path) +
                    ": " + e.what() +
                    " (use a model tuned for these lexicons)");
  }
}

std::unique_ptr<Scorer> BuildFeatureScorer(const std::string& lexicon_dir,
                                           const std::string& overlay_dir) {
  std::vector<Lexicon> lexicons = lexicon_dir.empty()
                                      ? DefaultLexicons()
                                      : LoadLexiconDirectory(lexicon_dir);
  if (!overlay_dir.empty()) ApplyOverlayDirectory(overlay_dir, &lexicons);
  Extractor extractor(std::move(lexicons));
  const std::vector<std::string> names = extractor.feature_names();
  LinearModel zero("features", 0.0, names,
                   std::vector<double>(names.size(), 0.0));
  return std::make_unique<Scorer>(std::move(extractor), std::move(zero));
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
  } catch (const po::error& e) {
    throw UsageError(std::string(e.what()) + " (see credence " + command +
                     " --help)");
  }
  return vm;
}

void RefuseDirectory(const std::string& path, const std::string& what) {
  std::error_code error;
  if (std::filesystem::is_directory(path, error)) {
    throw DataError(path + ": is a directory (give " + what + ")");
  }
}

bool SamePath(const std::string& a, const std::string& b) {
  if (a == b) return true;
  std::error_code error;
  if (std::filesystem::equivalent(a, b, error)) return true;  // links too
  // Files yet to be written: the same path once made absolute and normal.
  const std::filesystem::path ca = std::filesystem::weakly_canonical(a, error);
  if (error) return false;
  const std::filesystem::path cb = std::filesystem::weakly_canonical(b, error);
  return !error && ca == cb;
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

}  // namespace credence
