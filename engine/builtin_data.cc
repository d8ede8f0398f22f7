// The lexicons and model compiled into the binary, and the readers of
// lexicon folders and overlays that replace or edit them.
#include "engine/builtin_data.h"

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

// Lexicon files in `dir`, by name; a .txt file the extractor does not know
// is an error (a typo would otherwise be ignored silently).
std::vector<std::string> LexiconFiles(const std::string& dir,
                                      const char* option) {
  namespace fs = std::filesystem;
  std::error_code ec;
  if (!fs::is_directory(dir, ec)) {
    throw LexiconError(dir + ": not a directory (" + option +
                       " takes a folder of lexicon files; see credence "
                       "score --help)");
  }
  const std::vector<std::string>& names = Extractor::LexiconNames();
  std::vector<std::string> found;
  for (const fs::directory_entry& e : fs::directory_iterator(dir, ec)) {
    const fs::path& p = e.path();
    if (p.extension() != ".txt") continue;
    if (std::find(names.begin(), names.end(), p.stem().string()) ==
        names.end()) {
      throw LexiconError(p.string() +
                         ": unknown lexicon file (see credence score --help "
                         "for the names)");
    }
    found.push_back(p.stem().string());
  }
  if (ec) throw LexiconError(dir + ": cannot list directory: " + ec.message());
  std::sort(found.begin(), found.end());
  return found;
}

Lexicon ReadLexicon(const std::string& dir, const std::string& name) {
  const std::string path =
      (std::filesystem::path(dir) / (name + ".txt")).string();
  std::error_code ec;
  // A directory opens as a stream and would read as an empty lexicon.
  if (std::filesystem::is_directory(path, ec)) {
    throw LexiconError(path + ": is a directory (a lexicon is a text file)");
  }
  std::ifstream in(path, std::ios::binary);
  if (!in) throw LexiconError(path + ": cannot open lexicon");
  std::string content;
  char buffer[1 << 16];
  while (in.read(buffer, sizeof buffer) || in.gcount() > 0) {
    content.append(buffer, static_cast<size_t>(in.gcount()));
    // A device such as /dev/zero would otherwise fill the memory.
    if (content.size() > Lexicon::kMaxFileBytes) {
      throw LexiconError(path +
                         ": lexicon file larger than 16 MiB (is it a "
                         "lexicon?)");
    }
  }
  if (in.bad()) throw LexiconError(path + ": cannot read lexicon (I/O error)");
  return ParseLexicon(content, name, path);
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
  const std::vector<std::string> found = LexiconFiles(dir, "--lexicons");
  for (const std::string& name : Extractor::LexiconNames()) {
    if (!std::binary_search(found.begin(), found.end(), name)) {
      throw LexiconError(
          (std::filesystem::path(dir) / (name + ".txt")).string() +
          ": missing (a --lexicons folder holds every lexicon; use "
          "--overlay to change only some)");
    }
  }
  std::vector<Lexicon> lexicons;
  for (const std::string& name : Extractor::LexiconNames()) {
    lexicons.push_back(ReadLexicon(dir, name));
  }
  return lexicons;
}

void ApplyOverlayDirectory(const std::string& dir,
                           std::vector<Lexicon>* lexicons) {
  for (const std::string& name : LexiconFiles(dir, "--overlay")) {
    for (Lexicon& lexicon : *lexicons) {
      if (lexicon.name == name) ApplyOverlay(ReadLexicon(dir, name), &lexicon);
    }
  }
}

LinearModel DefaultModel() {
  std::istringstream in{std::string(Embedded("default.model"))};
  return LinearModel::Load(in, "<built-in>/default.model");
}

}  // namespace credence
