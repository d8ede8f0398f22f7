// The people an article has introduced with a title or office, so that a
// later mention by surname keeps their kind (AP style names and titles a
// person once, then writes the surname: "Transport Minister Anna Berg
// said ..." then "Berg said", "Ms. Berg said").
//
// Call order: one NameMemory per text, cleared at a new text; for each
// claim in order, after a speech verb's speaker is found, Recall (which may
// change its kind) and then Remember.
//
//   memory.Recall(tokens, roles, &speaker);  // "Berg" -> official
//   memory.Remember(tokens, roles, speaker);
#ifndef CREDENCE_FEATURES_RULES_NAME_MEMORY_H_
#define CREDENCE_FEATURES_RULES_NAME_MEMORY_H_

#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "features/attribution.h"
#include "features/tokenizer.h"

namespace credence {

class NameMemory {
 public:
  void Clear() { size_ = 0; }
  bool empty() const { return size_ == 0; }

  // Records every person the claim names next to a title, speaker or not:
  // "President Donald Trump", "Secretary of State Mike Pompeo", "Fauci,
  // director of the institute", "The Oklahoma governor, Kevin Stitt,".
  // A former holder ("former President Barack Obama") is no official.
  void Scan(const std::vector<Token>& tokens,
            const std::vector<uint8_t>& roles);

  // Records the surname and title of an official speaker that names a
  // person ("Transport Minister Anna Berg", "Anna Berg, the minister").
  void Remember(const std::vector<Token>& tokens,
                const std::vector<uint8_t>& roles, const Speaker& speaker);

  // A named speaker whose surname was met with a title becomes official.
  // A title that names no one ("the official", "the spokesman") keeps its
  // kind only when the text has named someone with that title; else a
  // generic rank is anonymous and a spokesperson speaks for the body.
  void Recall(const std::vector<Token>& tokens,
              const std::vector<uint8_t>& roles, Speaker* speaker) const;

 private:
  struct Person {
    std::string surname;  // normalized, as Token::norm
    std::string title;    // the title word next to the name, if any
  };
  bool Knows(std::string_view norm, bool title) const;
  void Add(std::string_view surname, std::string_view title);

  // Entries [0, size_) are live; the rest keep their memory for reuse.
  std::vector<Person> people_;
  size_t size_ = 0;
};

}  // namespace credence

#endif  // CREDENCE_FEATURES_RULES_NAME_MEMORY_H_
