// Where lexicons and models come from: the copies compiled into the binary,
// or files the user names (--lexicons DIR, --model FILE).
//
//   credence::Extractor ex(credence::LoadLexiconDirectory("my-lexicons"));
//   credence::LinearModel m = credence::DefaultModel();
#ifndef CREDENCE_ENGINE_BUILTIN_DATA_H_
#define CREDENCE_ENGINE_BUILTIN_DATA_H_

#include <string>
#include <vector>

#include "features/lexicon.h"
#include "models/linear_model.h"

namespace credence {

// The lexicons of features/lexicons/, as built into the binary.
std::vector<Lexicon> DefaultLexicons();

// Reads DIR/<name>.txt for every name in Extractor::LexiconNames(). A
// missing directory or file, or a .txt file the extractor does not know
// (a typo would otherwise be ignored silently), throws LexiconError; other
// files (README.md) are ignored. A lexicon that is a directory or larger
// than Lexicon::kMaxFileBytes (16 MiB) is refused, naming its path.
std::vector<Lexicon> LoadLexiconDirectory(const std::string& dir);

// Edits `lexicons` by the overlay files in DIR (any subset of the
// lexicon names; see ApplyOverlay in features/lexicon.h).
void ApplyOverlayDirectory(const std::string& dir,
                           std::vector<Lexicon>* lexicons);

// models/default.model, as built into the binary.
LinearModel DefaultModel();

}  // namespace credence

#endif  // CREDENCE_ENGINE_BUILTIN_DATA_H_
