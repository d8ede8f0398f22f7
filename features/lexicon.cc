// Lexicon files: parsing, overlays and inflections (lexicon.h).
#include "features/lexicon.h"

#include <algorithm>
#include <charconv>
#include <cmath>
#include <cstdint>
#include <unordered_map>

#include "features/tokenizer.h"
#include "features/utf8.h"

namespace credence {
namespace {

constexpr size_t kMaxFormsPerEntry = 4096;
constexpr size_t kMaxEntryBytes = Lexicon::kMaxEntryBytes;
constexpr size_t kMaxEntryTokens = Lexicon::kMaxEntryTokens;

bool IsVowel(char c) {
  return c == 'a' || c == 'e' || c == 'i' || c == 'o' || c == 'u';
}

std::string_view Trim(std::string_view s) {
  const char* ws = " \t\r\f\v";
  const size_t b = s.find_first_not_of(ws);
  if (b == std::string_view::npos) return {};
  return s.substr(b, s.find_last_not_of(ws) - b + 1);
}

}  // namespace

std::string OneLine(std::string_view text) {
  std::string out;
  for (const char c : text) {
    const auto byte = static_cast<unsigned char>(c);
    if (byte >= 0x20 && byte != 0x7F) {
      out += c;
    } else if (c == '\r') {
      out += "\\r";
    } else if (c == '\t') {
      out += "\\t";
    } else if (c == '\n') {
      out += "\\n";
    } else {
      static const char kHex[] = "0123456789ABCDEF";
      out += "\\x";
      out += kHex[byte >> 4];
      out += kHex[byte & 0xF];
    }
  }
  return out;
}

namespace {

[[noreturn]] void Fail(const std::string& path, int line,
                       const std::string& problem) {
  throw LexiconError(path + ":" + std::to_string(line) + ": " +
                     OneLine(problem));
}

std::string Shown(const std::vector<std::string>& form) {
  std::string shown;
  for (const std::string& t : form) shown += (shown.empty() ? "" : " ") + t;
  return shown;
}

// One written word ("confirm+", "is|are") to its alternatives, each a
// token sequence as the tokenizer would cut it.
// `scratch` is memory reused from call to call.
std::vector<std::vector<std::string>> WordAlternatives(std::string_view word,
                                                       const std::string& path,
                                                       int line,
                                                       TokenList* scratch) {
  std::vector<std::vector<std::string>> alternatives;
  size_t start = 0;
  while (start <= word.size()) {
    size_t bar = word.find('|', start);
    if (bar == std::string_view::npos) bar = word.size();
    std::string_view alt = word.substr(start, bar - start);
    start = bar + 1;
    bool inflect = false;
    if (alt.size() > 1 && alt.back() == '+') {
      inflect = true;
      alt.remove_suffix(1);
    }
    if (alt.empty()) {
      Fail(path, line,
           "empty alternative in '" + std::string(word) +
               "' (write alternatives as a|b|c)");
    }
    Tokenize(alt, 0, alt.size(), scratch);
    const TokenList& tokens = *scratch;
    if (tokens.empty()) {  // only white space the tokenizer skips (NBSP)
      Fail(path, line,
           "empty alternative in '" + std::string(word) +
               "' (write alternatives as a|b|c)");
    }
    std::vector<std::string> base;
    for (const Token& t : tokens) {
      base.push_back(FoldQuotes(alt.substr(t.begin, t.end - t.begin)));
    }
    if (!inflect) {
      alternatives.push_back(base);
      continue;
    }
    if (!tokens.back().is_word) {
      Fail(path, line,
           "'+' follows punctuation in '" + std::string(word) +
               "' (put '+' right after a word)");
    }
    const std::string last = base.back();
    for (const std::string& form : Inflections(last)) {
      std::vector<std::string> inflected = base;
      inflected.back() = form;
      alternatives.push_back(std::move(inflected));
    }
  }
  return alternatives;
}

}  // namespace

size_t FormHash::operator()(const std::vector<std::string>& form) const {
  uint64_t h = 0;
  for (const std::string& token : form) {
    h = (h ^ HashWord(token)) * 0x9E3779B97F4A7C15ull;  // order matters
  }
  return static_cast<size_t>(h ^ (h >> 32));
}

std::vector<std::string> Inflections(const std::string& word) {
  const size_t n = word.size();
  auto ends = [&](std::string_view suffix) {
    return n >= suffix.size() &&
           std::string_view(word).substr(n - suffix.size()) == suffix;
  };
  const bool consonant_y =
      n >= 2 && word[n - 1] == 'y' && !IsVowel(word[n - 2]);
  std::string stem_y = consonant_y ? word.substr(0, n - 1) : word;
  std::string third =
      consonant_y ? stem_y + "ies"
      : (ends("s") || ends("x") || ends("z") || ends("ch") || ends("sh"))
          ? word + "es"
          : word + "s";
  std::string past = consonant_y ? stem_y + "ied"
                     : ends("e") ? word + "d"
                                 : word + "ed";
  std::string ing = ends("ie") ? word.substr(0, n - 2) + "ying"
                    : (ends("e") && !ends("ee") && !ends("ye") && !ends("oe"))
                        ? word.substr(0, n - 1) + "ing"
                        : word + "ing";
  return {word, third, past, ing};
}

namespace {

// Refuses bytes a lexicon cannot hold, naming the line of the first.
void CheckBytes(std::string_view content, const std::string& path) {
  const size_t bad = FindInvalidUtf8(content);
  if (bad != std::string_view::npos) {
    int line = 1;
    for (size_t i = 0; i < bad; ++i) line += content[i] == '\n';
    Fail(path, line, "invalid UTF-8 (save the file as UTF-8)");
  }
  const size_t nul = content.find('\0');
  if (nul != std::string_view::npos) {
    const int line = 1 + static_cast<int>(std::count(
                             content.begin(), content.begin() + nul, '\n'));
    Fail(path, line, "NUL byte (a lexicon is UTF-8 text)");
  }
}

// Reads the leading '-' (remove) and '^' (claim start) marks off `line`.
void ReadMarks(std::string_view* line, LexiconEntry* entry) {
  if (line->front() == '-' && line->size() > 1) {
    entry->remove = true;
    *line = Trim(line->substr(1));
  }
  if (line->front() == '^' && line->size() > 1) {
    entry->claim_start = true;
    *line = Trim(line->substr(1));
  }
}

// Reads a trailing "= N" strength off `line`.
void ReadStrength(std::string_view* line, const std::string& path, int line_no,
                  LexiconEntry* entry) {
  const size_t eq = line->rfind('=');
  if (eq == std::string_view::npos) return;
  const std::string_view number = Trim(line->substr(eq + 1));
  double value = 0;
  const auto [end, ec] =
      std::from_chars(number.data(), number.data() + number.size(), value);
  if (number.empty() || ec != std::errc() ||
      end != number.data() + number.size() || !std::isfinite(value) ||
      value <= 0 || value > 100) {
    Fail(path, line_no,
         "bad strength '" + std::string(number) +
             "' (write 'phrase = N' with 0 < N <= 100)");
  }
  entry->strength = value;
  *line = Trim(line->substr(0, eq));
  if (line->empty()) Fail(path, line_no, "strength without a phrase");
}

// Every token sequence the phrase stands for: the product of each word's
// alternatives and inflections, bounded in count and length.
void ExpandForms(std::string_view line, const std::string& path, int line_no,
                 TokenList* tokens, LexiconEntry* entry) {
  entry->forms.push_back({});
  size_t w = 0;
  while (w < line.size()) {
    const size_t sp = line.find_first_of(" \t", w);
    const size_t we = sp == std::string_view::npos ? line.size() : sp;
    const auto alternatives =
        WordAlternatives(line.substr(w, we - w), path, line_no, tokens);
    if (entry->forms.size() * alternatives.size() > kMaxFormsPerEntry) {
      Fail(path, line_no,
           "entry expands to more than 4096 forms (split it into lines)");
    }
    std::vector<std::vector<std::string>> grown;
    for (const auto& prefix : entry->forms) {
      for (const auto& alt : alternatives) {
        grown.push_back(prefix);
        grown.back().insert(grown.back().end(), alt.begin(), alt.end());
      }
    }
    entry->forms = std::move(grown);
    if (std::any_of(entry->forms.begin(), entry->forms.end(),
                    [](const std::vector<std::string>& form) {
                      return form.size() > kMaxEntryTokens;
                    })) {
      Fail(path, line_no,
           "entry longer than " + std::to_string(kMaxEntryTokens) +
               " tokens (a lexicon entry is a short phrase)");
    }
    w = line.find_first_not_of(" \t", we);
    if (w == std::string_view::npos) break;
  }
  // Forms were built with their capitals; the trie wants them folded.
  const bool case_sensitive = std::any_of(
      line.begin(), line.end(), [](char c) { return c >= 'A' && c <= 'Z'; });
  if (case_sensitive) entry->exact_forms = entry->forms;
  for (auto& form : entry->forms) {
    for (std::string& t : form) t = NormalizeToken(t);
  }
}

// The entry of one trimmed, non-comment line; false for a line of spaces.
bool ParseEntry(std::string_view line, const std::string& path, int line_no,
                TokenList* tokens, LexiconEntry* entry) {
  // Bounds keep loading and matching linear in the file and the text.
  if (line.size() > kMaxEntryBytes) {
    Fail(path, line_no,
         "entry longer than " + std::to_string(kMaxEntryBytes) +
             " bytes (a lexicon entry is a short phrase)");
  }
  // A line of Unicode spaces only (NBSP, zero-width space) is blank too.
  Tokenize(line, 0, line.size(), tokens);
  if (tokens->empty()) return false;
  entry->line = line_no;
  entry->source = path + ":" + std::to_string(line_no);
  ReadMarks(&line, entry);
  ReadStrength(&line, path, line_no, entry);
  entry->phrase = std::string(line);
  ExpandForms(line, path, line_no, tokens, entry);
  return true;
}

}  // namespace

Lexicon ParseLexicon(std::string_view content, const std::string& name,
                     const std::string& path) {
  Lexicon lexicon;
  lexicon.name = name;
  lexicon.path = path;
  CheckBytes(content, path);
  // Which line first produced each form, to name both lines of a duplicate.
  std::unordered_map<std::vector<std::string>, int, FormHash> first_line;
  // Editors that save "UTF-8 with BOM" put U+FEFF before the first line.
  if (content.substr(0, 3) == "\xEF\xBB\xBF") content.remove_prefix(3);
  int line_no = 0;
  size_t pos = 0;
  TokenList tokens;  // scratch for every line
  while (pos < content.size()) {
    size_t eol = content.find('\n', pos);
    if (eol == std::string_view::npos) eol = content.size();
    const std::string_view line = Trim(content.substr(pos, eol - pos));
    pos = eol + 1;
    ++line_no;
    if (line.empty() || line.front() == '#') continue;
    LexiconEntry entry;
    if (!ParseEntry(line, path, line_no, &tokens, &entry)) continue;
    for (const auto& form : entry.forms) {
      const auto [it, inserted] = first_line.emplace(form, line_no);
      if (!inserted) {
        Fail(path, line_no,
             "'" + Shown(form) + "' is already an entry at line " +
                 std::to_string(it->second) + " (remove one of them)");
      }
    }
    lexicon.entries.push_back(std::move(entry));
  }
  return lexicon;
}

void ApplyOverlay(const Lexicon& overlay, Lexicon* base) {
  for (const LexiconEntry& edit : overlay.entries) {
    auto same = std::find_if(
        base->entries.begin(), base->entries.end(),
        [&](const LexiconEntry& e) { return e.forms == edit.forms; });
    if (same != base->entries.end()) {
      if (edit.remove) {
        base->entries.erase(same);
      } else {
        same->strength = edit.strength;
        same->claim_start = edit.claim_start;
        same->source = edit.source;
      }
      continue;
    }
    if (edit.remove) {
      Fail(overlay.path, edit.line,
           "cannot remove '" + edit.phrase + "': the " + base->name +
               " lexicon has no such entry (write the phrase as the lexicon "
               "does)");
    }
    for (const auto& form : edit.forms) {
      for (const LexiconEntry& e : base->entries) {
        if (std::find(e.forms.begin(), e.forms.end(), form) != e.forms.end()) {
          Fail(overlay.path, edit.line,
               "'" + Shown(form) + "' is already part of '" + e.phrase +
                   "' at " + e.source +
                   " (re-weight or remove that entry instead)");
        }
      }
    }
    base->entries.push_back(edit);
  }
}

}  // namespace credence
