// A lexicon: the phrases of one cue category (or word class), read from a
// plain-text file, and overlays that edit a lexicon without a rebuild.
//
// Call order: ParseLexicon(content, name, path); optionally ApplyOverlay()
// with a lexicon parsed from an overlay file; then read entries[i].forms.
//
//   Lexicon hedges = ParseLexicon("reportedly\nrumored|rumoured\n", "hedge",
//                                 "hedge.txt");   // throws LexiconError
//   ApplyOverlay(ParseLexicon("-rumored|rumoured\nmay = 0.2\n", "hedge",
//                             "mine/hedge.txt"), &hedges);
//
// File syntax, one entry a line:
//   # a comment (only where the line starts with '#')
//   reportedly                  an entry of strength 1
//   may = 0.5                   an entry of strength 0.5 (0 < s <= 100)
//   confirm+ that               'confirm+': confirm, confirms, confirmed,
//                                confirming (regular English inflection)
//   is|are|was|were rumored to  '|' separates alternatives for one word
//   BREAKING                    a capital letter makes the entry match only
//                                text with the same capitals
//   ^here's why                 '^': only as the first words of a claim
//   -rumored|rumoured           (overlays only) remove that entry
// An entry line holds at most 1024 bytes and each of its forms at most 32
// tokens (words and punctuation marks), so that loading and matching cost
// time linear in the file and the text; a NUL byte or invalid UTF-8 is an
// error naming the line.
// Matching is on tokens (see tokenizer.h), case-insensitive unless the entry
// has a capital; curly quotes equal straight ones. An entry that repeats
// another's form is an error naming both lines.
#ifndef CREDENCE_FEATURES_LEXICON_H_
#define CREDENCE_FEATURES_LEXICON_H_

#include <cstddef>
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
  std::string source;        // "file.txt:line", for reports and messages
  bool remove = false;       // an overlay line "-phrase"
  bool claim_start = false;  // "^phrase": only where a claim's words begin
  // Every token sequence the entry matches, each token normalized.
  std::vector<std::vector<std::string>> forms;
  // For entries with a capital letter: the forms with their capitals, one
  // of which the matched text must equal (after quote folding).
  std::vector<std::vector<std::string>> exact_forms;
};

struct Lexicon {
  static constexpr size_t kMaxEntryBytes = 1024;
  static constexpr size_t kMaxEntryTokens = 32;
  // Lexicon files past this size are refused before they are read whole.
  static constexpr size_t kMaxFileBytes = size_t{16} << 20;

  std::string name;  // the cue category or word class it defines
  std::string path;  // where it was read from, for messages
  std::vector<LexiconEntry> entries;
};

Lexicon ParseLexicon(std::string_view content, const std::string& name,
                     const std::string& path);

// Edits `base` by `overlay`: an overlay entry with the same forms as a base
// entry re-weights it (and sets its '^'; "-" removes it); any other entry is
// added. Removing an entry the base lacks, or adding one that shares only some
// forms with a base entry, throws LexiconError at the overlay's line.
void ApplyOverlay(const Lexicon& overlay, Lexicon* base);

// Hashes a form (an entry's token sequence), for tables keyed by forms.
struct FormHash {
  size_t operator()(const std::vector<std::string>& form) const;
};

// `text` with its control bytes written \r, \t, \n or \xNN, so that an
// error message quoting a lexicon line stays one line.
std::string OneLine(std::string_view text);

// The regular inflections of a verb or noun: base, -s, -ed, -ing forms.
std::vector<std::string> Inflections(const std::string& word);

}  // namespace credence

#endif  // CREDENCE_FEATURES_LEXICON_H_
