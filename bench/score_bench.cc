// Scoring speed, as ratios within one run: an 800-word article against the
// same article four times over (time must grow at most 4.5x), and against
// a bare tokenizer pass over the same text (the floor any lexicon scorer
// pays). Prints articles/s on one core.
//
//   build/bench/score_bench [ARTICLE [HEADLINES]]
//
// ARTICLE defaults to fixtures/sample_article.txt; HEADLINES, a file of one
// headline a line, adds the per-claim throughput that ranking needs.
#include <algorithm>
#include <chrono>
#include <cstdio>
#include <fstream>
#include <functional>
#include <sstream>
#include <string>
#include <vector>

#include "engine/builtin_data.h"
#include "engine/scorer.h"
#include "features/tokenizer.h"

namespace {

// Seconds per call of `f`: the best of five rounds of at least 0.3 s each,
// so that a busy moment on a shared machine does not decide the ratio.
double SecondsPerCall(const std::function<void()>& f) {
  using Clock = std::chrono::steady_clock;
  f();  // warm up
  double best = 1e300;
  for (int round = 0; round < 5; ++round) {
    size_t calls = 0;
    const Clock::time_point start = Clock::now();
    double elapsed = 0;
    do {
      f();
      ++calls;
      elapsed = std::chrono::duration<double>(Clock::now() - start).count();
    } while (elapsed < 0.3);
    best = std::min(best, elapsed / static_cast<double>(calls));
  }
  return best;
}

size_t Words(const std::string& text) {
  size_t words = 0;
  bool in_word = false;
  for (const char c : text) {
    const bool space = c == ' ' || c == '\n' || c == '\t' || c == '\r';
    words += !space && !in_word;
    in_word = !space;
  }
  return words;
}

}  // namespace

int main(int argc, char** argv) {
  const std::string path =
      argc > 1 ? argv[1] : CREDENCE_FIXTURES "/sample_article.txt";
  std::ifstream in(path, std::ios::binary);
  if (!in) {
    std::fprintf(stderr, "score_bench: %s: cannot open\n", path.c_str());
    return 1;
  }
  std::ostringstream buffer;
  buffer << in.rdbuf();
  const std::string sample = buffer.str();
  // The body repeated after the headline until the article has 800 words.
  const size_t headline_end = sample.find('\n') + 1;
  const std::string body = sample.substr(headline_end);
  const std::string headline = sample.substr(0, headline_end);
  std::string article = headline, longer = headline;
  size_t copies = 0;
  while (Words(article) < 800) {
    article += body + "\n";
    ++copies;
  }
  for (size_t i = 0; i < 4 * copies; ++i) longer += body + "\n";

  const credence::Scorer scorer(
      credence::Extractor(credence::DefaultLexicons()),
      credence::DefaultModel());
  volatile double sink = 0;
  const double t1 =
      SecondsPerCall([&] { sink = sink + scorer.ScoreArticle(article).score; });
  const double t4 =
      SecondsPerCall([&] { sink = sink + scorer.ScoreArticle(longer).score; });
  const double tokens = SecondsPerCall([&] {
    sink = sink + static_cast<double>(
                      credence::Tokenize(article, 0, article.size()).size());
  });
  const double size_ratio =
      static_cast<double>(Words(longer)) / static_cast<double>(Words(article));
  std::printf("article           %zu words, %zu bytes\n", Words(article),
              article.size());
  std::printf("score            %8.1f us/article  %8.0f articles/s\n", t1 * 1e6,
              1 / t1);
  std::printf(
      "score, %.2fx text %8.1f us/article  time ratio %.2f "
      "(linear: %.2f, limit 4.5)\n",
      size_ratio, t4 * 1e6, t4 / t1, size_ratio);
  std::printf("tokenize only    %8.1f us/article  score / tokenize %.1fx\n",
              tokens * 1e6, t1 / tokens);
  if (argc > 2) {
    // Headlines, one a line, each scored as a claim on its own.
    std::ifstream lines_in(argv[2], std::ios::binary);
    std::ostringstream all;
    all << lines_in.rdbuf();
    const std::string text = all.str();
    std::vector<credence::Span> lines;
    for (size_t b = 0; b < text.size();) {
      size_t e = text.find('\n', b);
      if (e == std::string::npos) e = text.size();
      lines.push_back({b, e});
      b = e + 1;
    }
    // As the ranker does: one scratch, claim and token list reused.
    credence::ExtractScratch scratch;
    credence::ScoredClaim claim;
    const double th = SecondsPerCall([&] {
      for (const credence::Span& l : lines) {
        scorer.ScoreClaim(text, l, credence::Backing::kNone, &scratch, &claim);
        sink = sink + claim.confidence;
      }
    });
    credence::TokenList line_tokens;
    const double tt = SecondsPerCall([&] {
      for (const credence::Span& l : lines) {
        credence::Tokenize(text, l.begin, l.end, &line_tokens);
        sink = sink + static_cast<double>(line_tokens.size());
      }
    });
    std::printf(
        "headlines        %zu in %.3f s: %.0f headlines/s, %.1f MB/s; "
        "score / tokenize %.1fx\n",
        lines.size(), th, static_cast<double>(lines.size()) / th,
        static_cast<double>(text.size()) / th / 1e6, th / tt);
  }
  return 0;
}
