// Fuzzes article scoring: any bytes are either rejected with InputError or
// scored into claims and cues that lie inside the text, confidences in
// [0,1], and reports whose properties hold:
// - the JSON report parses, with an object per claim;
// - every claim's and cue's code point offsets slice the text to exactly
//   the "text" the report gives;
// - the streamed JSON report (ScoreAndWriteJsonReport) is the same bytes
//   as ScoreArticle then WriteJsonReport.
#include <cmath>
#include <cstddef>
#include <cstdint>
#include <nlohmann/json.hpp>
#include <sstream>
#include <string>
#include <string_view>
#include <vector>

#include "engine/report.h"
#include "engine/scorer.h"
#include "fuzz/fuzz_common.h"

namespace credence {
namespace {

// Reads the JSON report as events, without building a tree: checks each
// object's "text" against its "start" and "end" (they come first in claim,
// cue and speaker objects alike) and counts the claim objects by their "index".
class OffsetChecker : public nlohmann::json_sax<nlohmann::json> {
 public:
  OffsetChecker(std::string_view text, const std::vector<size_t>& byte_of)
      : text_(text), byte_of_(byte_of) {}

  size_t claims() const { return claims_; }
  size_t checked() const { return checked_; }

  bool key(string_t& name) override {
    key_ = name;
    if (key_ == "index") ++claims_;
    return true;
  }
  bool number_unsigned(number_unsigned_t value) override {
    if (key_ == "start") start_ = static_cast<size_t>(value);
    if (key_ == "end") end_ = static_cast<size_t>(value);
    return true;
  }
  bool string(string_t& value) override {
    if (key_ != "text") return true;
    FuzzCheck(start_ <= end_ && end_ < byte_of_.size(),
              "offsets are code points inside the text");
    const size_t begin = byte_of_[start_];
    FuzzCheck(text_.substr(begin, byte_of_[end_] - begin) == value,
              "offsets slice the text to the reported text");
    ++checked_;
    return true;
  }
  bool null() override { return true; }
  bool boolean(bool) override { return true; }
  bool number_integer(number_integer_t) override { return true; }
  bool number_float(number_float_t, const string_t&) override { return true; }
  bool binary(binary_t&) override { return true; }
  bool start_object(std::size_t) override { return true; }
  bool end_object() override { return true; }
  bool start_array(std::size_t) override { return true; }
  bool end_array() override { return true; }
  bool parse_error(std::size_t, const std::string&,
                   const nlohmann::detail::exception&) override {
    return false;
  }

 private:
  std::string_view text_;
  const std::vector<size_t>& byte_of_;
  std::string key_;
  size_t start_ = 0, end_ = 0;
  size_t claims_ = 0, checked_ = 0;
};

// byte_of[i] is the byte offset of code point i; the last entry is the size.
std::vector<size_t> CodePointStarts(std::string_view text) {
  std::vector<size_t> byte_of;
  for (size_t i = 0; i < text.size(); ++i) {
    if ((static_cast<unsigned char>(text[i]) & 0xC0) != 0x80) {
      byte_of.push_back(i);
    }
  }
  byte_of.push_back(text.size());
  return byte_of;
}

void CheckClaims(const ArticleScore& article, size_t size) {
  FuzzCheck(!article.claims.empty(), "a scored article has a claim");
  FuzzCheck(article.score >= 0.0 && article.score <= 1.0, "score in [0,1]");
  for (const ScoredClaim& claim : article.claims) {
    FuzzCheck(claim.span.begin <= claim.span.end && claim.span.end <= size,
              "claim inside the text");
    FuzzCheck(std::isfinite(claim.logit), "finite logit");
    FuzzCheck(claim.confidence >= 0.0 && claim.confidence <= 1.0,
              "confidence in [0,1]");
    FuzzCheck(claim.cue_contributions.size() == claim.evidence.cues.size(),
              "a contribution per cue");
    for (const Cue& cue : claim.evidence.cues) {
      FuzzCheck(cue.begin <= cue.end && cue.end <= size, "cue inside the text");
    }
  }
}

}  // namespace
}  // namespace credence

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  using namespace credence;  // NOLINT(build/namespaces): a fuzz entry point
  const std::string_view text(reinterpret_cast<const char*>(data), size);
  const Scorer& scorer = BuiltInScorer();
  ArticleScore article;
  try {
    article = scorer.ScoreArticle(text);
  } catch (const InputError& e) {
    FuzzCheckOneLine(e);
    return 0;  // unusable text: the one expected failure
  }
  CheckClaims(article, size);
  size_t cues = 0;
  for (const ScoredClaim& claim : article.claims) {
    cues += claim.evidence.cues.size();
  }

  std::ostringstream json;
  WriteJsonReport(text, article, scorer, json);
  const std::vector<size_t> byte_of = CodePointStarts(text);
  OffsetChecker checker(text, byte_of);
  FuzzCheck(nlohmann::json::sax_parse(json.str(), &checker),
            "the JSON report parses");
  FuzzCheck(checker.claims() == article.claims.size(),
            "a JSON object per claim");
  // A claim's speaker is an object with offsets and text too.
  size_t speakers = 0;
  const nlohmann::json parsed = nlohmann::json::parse(json.str());
  for (const auto& claim : parsed["claims"]) {
    if (!claim["speaker"].is_null()) ++speakers;
  }
  FuzzCheck(checker.checked() == article.claims.size() + cues + speakers,
            "every claim, cue and speaker has its offsets and text");
  std::ostringstream streamed;
  ScoreAndWriteJsonReport(text, scorer, streamed);
  FuzzCheck(streamed.str() == json.str(), "streamed JSON report is the same");

  // The streamed text report shares the second pass checked above.
  std::ostringstream report;
  WriteTextReport(text, article, scorer, report);
  FuzzCheck(!report.str().empty(), "a text report");
  return 0;
}
