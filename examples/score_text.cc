// Scores one article with the installed libcredence: the JSON report of
// `credence score --format json FILE`, or with --claims one line a claim.
//
//   c++ -std=c++17 score_text.cc $(pkg-config --cflags --libs credence)
//   ./a.out article.txt
#include <credence/credence.h>

#include <fstream>
#include <iostream>
#include <sstream>
#include <string>

int main(int argc, char** argv) {
  const bool claims = argc == 3 && std::string(argv[1]) == "--claims";
  if (argc != 2 && !claims) {
    std::cerr << "usage: score_text [--claims] FILE\n";
    return 2;
  }
  const char* path = argv[argc - 1];
  std::ifstream in(path, std::ios::binary);
  std::stringstream text;
  text << in.rdbuf();
  if (!in) {
    std::cerr << "score_text: " << path << ": cannot read\n";
    return 1;
  }
  try {
    const credence::api::Scorer scorer;  // the built-in lexicons and model
    if (!claims) {
      scorer.WriteJson(text.str(), std::cout);
      return 0;
    }
    const credence::api::Report report = scorer.Score(text.str());
    std::cout << "article " << report.score << "\n";
    for (const credence::api::Claim& claim : report.claims) {
      std::cout << claim.confidence << " " << claim.backing << " "
                << (claim.speaker.empty() ? "-" : claim.speaker) << "\n";
    }
  } catch (const std::exception& e) {
    std::cerr << "score_text: " << path << ": " << e.what() << "\n";
    return 1;
  }
  return 0;
}
