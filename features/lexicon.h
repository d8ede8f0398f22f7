// A lexicon: the phrases of one cue category, read from a plain-text file.
//
// Call order: ParseLexicon(content, name, path), then read entries[i].forms.
//
//   Lexicon hedges = ParseLexicon("reportedly\nrumored|rumoured\n", "hedge",
//                                 "hedge.txt");   // throws LexiconError
//
// File syntax, one entry a line:
//   # a comment (only where the line starts with '#')
//   reportedly                  an entry of strength 1
//   may = 0.5                   an entry of strength 0.5 (0 < s <= 100)
//   confirm+ that               'confirm+': confirm, confirms, confirmed,
//                                confirming (regular English inflection)
//   is|are|was|were rumored to  '|' separates alternatives for one word
// Matching is on tokens (see tokenizer.h), case-insensitive; ’ equals '.
// An entry that repeats another's form is an error naming both lines.
#ifndef CREDENCE_FEATURES_LEXICON_H_
#define CREDENCE_FEATURES_LEXICON_H_

#include <stdexcept>
#include <string>
#include <string_view>
#include <vector>

namespace credence {

// what() is "path:line: problem (hint)".
class LexiconError : public std::runtime_error {
 public:
  using std::runtime_error::runtime_error;
};

struct LexiconEntry {
  std::string phrase;  // as written, without the strength
  double strength = 1.0;
  int line = 0;
  // Every token sequence the entry matches, each token normalized.
  std::vector<std::vector<std::string>> forms;
};

struct Lexicon {
  std::string name;  // the cue category or word class it defines
  std::string path;  // where it was read from, for messages
  std::vector<LexiconEntry> entries;
};

Lexicon ParseLexicon(std::string_view content, const std::string& name,
                     const std::string& path);

// The regular inflections of a verb or noun: base, -s, -ed, -ing forms.
std::vector<std::string> Inflections(const std::string& word);

}  // namespace credence

#endif  // CREDENCE_FEATURES_LEXICON_H_
