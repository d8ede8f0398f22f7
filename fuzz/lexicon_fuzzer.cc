// Fuzzes the lexicon parser, overlays and the extractor built from them.
// Input: an optional first line naming the lexicon ("hedge" when it names
// none), then lexicon text; a line "%%" splits it into a base lexicon and
// an overlay. Without "%%" the text is both a replacement for the built-in
// lexicon and an overlay on it. Every lexicon that parses and applies
// builds an extractor that scores the input's own text.
#include <algorithm>
#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "engine/builtin_data.h"
#include "features/extractor.h"
#include "features/lexicon.h"
#include "fuzz/fuzz_common.h"

namespace {

using credence::Lexicon;

const std::vector<Lexicon>& BuiltInLexicons() {
  static const auto* const lexicons =
      new std::vector<Lexicon>(credence::DefaultLexicons());
  return *lexicons;
}

// The built-in lexicons with `replacement` in place of the one of its name;
// scores `text` with them when the extractor accepts them.
void ScoreWith(const Lexicon& replacement, std::string_view text) {
  using namespace credence;  // NOLINT(build/namespaces)
  std::vector<Lexicon> lexicons = BuiltInLexicons();
  for (Lexicon& l : lexicons) {
    if (l.name == replacement.name) l = replacement;
  }
  try {
    const Scorer scorer(Extractor(std::move(lexicons)), DefaultModel());
    const ArticleScore a = scorer.ScoreArticle(text.substr(0, 4096));
    FuzzCheck(a.score >= 0.0 && a.score <= 1.0, "score in [0,1]");
  } catch (const LexiconError& e) {
    FuzzCheckOneLine(e);
  } catch (const InputError& e) {
    FuzzCheckOneLine(e);
  }
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  using namespace credence;  // NOLINT(build/namespaces)
  std::string_view content(reinterpret_cast<const char*>(data), size);
  std::string name = "hedge";
  const std::vector<std::string>& names = Extractor::LexiconNames();
  const size_t eol = content.find('\n');
  if (eol != std::string_view::npos &&
      std::find(names.begin(), names.end(), content.substr(0, eol)) !=
          names.end()) {
    name = std::string(content.substr(0, eol));
    content.remove_prefix(eol + 1);
  }
  const Lexicon* builtin = nullptr;
  for (const Lexicon& l : BuiltInLexicons()) {
    if (l.name == name) builtin = &l;
  }
  FuzzCheck(builtin != nullptr, "every name has a built-in lexicon");

  const size_t split = content.find("\n%%\n");
  try {
    if (split != std::string_view::npos) {
      Lexicon base = ParseLexicon(content.substr(0, split), name, "base.txt");
      const Lexicon overlay =
          ParseLexicon(content.substr(split + 4), name, "overlay.txt");
      ApplyOverlay(overlay, &base);
      ScoreWith(base, content);
      return 0;
    }
    const Lexicon parsed = ParseLexicon(content, name, "fuzz.txt");
    for (const LexiconEntry& e : parsed.entries) {
      FuzzCheck(!e.forms.empty(), "an entry has a form");
      for (const auto& form : e.forms) {
        FuzzCheck(!form.empty(), "a form has a token");
      }
    }
    // Building an extractor costs more than parsing: one a run, as a
    // replacement for the built-in lexicon or as an overlay on it.
    if (size % 2 == 0) {
      ScoreWith(parsed, content);
    } else {
      Lexicon edited = *builtin;
      ApplyOverlay(parsed, &edited);
      ScoreWith(edited, content);
    }
  } catch (const LexiconError& e) {
    FuzzCheckOneLine(e);
  }
  return 0;
}
