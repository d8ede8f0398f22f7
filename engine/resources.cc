#include "engine/resources.h"

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <sstream>
#include <string_view>

#include "engine/embedded.h"
#include "features/extractor.h"

namespace credence {
namespace {

std::string_view Embedded(const std::string& name) {
  for (size_t i = 0; i < kEmbeddedFileCount; ++i) {
    if (name == kEmbeddedFiles[i].name) {
      return {kEmbeddedFiles[i].data, kEmbeddedFiles[i].size};
    }
  }
  // Only a broken build can get here: meson embeds every file listed.
  throw std::logic_error("embedded file " + name + " is missing");
}

std::string NameList() {
  std::string list;
  for (const std::string& name : Extractor::LexiconNames()) {
    list += (list.empty() ? "" : ", ") + name + ".txt";
  }
  return list;
}

}  // namespace

std::vector<Lexicon> DefaultLexicons() {
  std::vector<Lexicon> lexicons;
  for (const std::string& name : Extractor::LexiconNames()) {
    lexicons.push_back(ParseLexicon(Embedded(name + ".txt"), name,
                                    "<built-in>/" + name + ".txt"));
  }
  return lexicons;
}

std::vector<Lexicon> LoadLexiconDirectory(const std::string& dir) {
  namespace fs = std::filesystem;
  std::error_code ec;
  if (!fs::is_directory(dir, ec)) {
    throw LexiconError(dir +
                       ": not a directory (--lexicons takes a folder "
                       "holding " +
                       NameList() + ")");
  }
  const std::vector<std::string>& names = Extractor::LexiconNames();
  std::vector<std::string> unknown;
  for (const fs::directory_entry& e : fs::directory_iterator(dir, ec)) {
    const fs::path& p = e.path();
    if (p.extension() != ".txt") continue;
    if (std::find(names.begin(), names.end(), p.stem().string()) ==
        names.end()) {
      unknown.push_back(p.filename().string());
    }
  }
  if (ec) throw LexiconError(dir + ": cannot list directory: " + ec.message());
  if (!unknown.empty()) {
    std::sort(unknown.begin(), unknown.end());
    throw LexiconError((fs::path(dir) / unknown.front()).string() +
                       ": unknown lexicon file (expected " + NameList() + ")");
  }
  std::vector<Lexicon> lexicons;
  for (const std::string& name : names) {
    const std::string path = (fs::path(dir) / (name + ".txt")).string();
    std::ifstream in(path, std::ios::binary);
    if (!in) {
      throw LexiconError(path + ": cannot open lexicon (the folder must hold " +
                         NameList() + ")");
    }
    std::ostringstream content;
    content << in.rdbuf();
    lexicons.push_back(ParseLexicon(content.str(), name, path));
  }
  return lexicons;
}

LinearModel DefaultModel() {
  std::istringstream in{std::string(Embedded("default.model"))};
  return LinearModel::Load(in, "<built-in>/default.model");
}

}  // namespace credence
