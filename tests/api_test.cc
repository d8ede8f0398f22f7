// The public API (include/credence/credence.h) through libcredence alone:
// spans in bytes and code points, the report against the JSON the same
// scorer writes, and the errors it throws.
#include <gtest/gtest.h>

#include <fstream>
#include <nlohmann/json.hpp>
#include <sstream>
#include <string>

#include "credence/credence.h"

namespace {

using credence::api::Claim;
using credence::api::LoadError;
using credence::api::Options;
using credence::api::Report;
using credence::api::Scorer;
using credence::api::TextError;

std::string ReadFixture(const std::string& name) {
  std::ifstream in(std::string(CREDENCE_FIXTURES) + "/" + name,
                   std::ios::binary);
  std::stringstream s;
  s << in.rdbuf();
  return s.str();
}

TEST(ApiTest, VersionIsTheProjectVersion) {
  EXPECT_STREQ(credence::api::Version(), CREDENCE_VERSION);
}

// "É" and "ü" are two bytes each, "—" three: byte and code point offsets
// part after them.
TEST(ApiTest, SpansCountBytesAndCodePoints) {
  const std::string text = "Élan\nMüller said it — may rain.";
  const Report report = Scorer().Score(text);
  ASSERT_EQ(report.claims.size(), 2u);
  const struct {
    size_t begin, end, cp_begin, cp_end;
    const char* text;
  } cases[] = {
      {0, 5, 0, 4, "Élan"},
      {6, 35, 5, 31, "Müller said it — may rain."},
  };
  for (size_t i = 0; i < 2; ++i) {
    const Claim& claim = report.claims[i];
    EXPECT_EQ(claim.span.begin, cases[i].begin) << i;
    EXPECT_EQ(claim.span.end, cases[i].end) << i;
    EXPECT_EQ(claim.span.cp_begin, cases[i].cp_begin) << i;
    EXPECT_EQ(claim.span.cp_end, cases[i].cp_end) << i;
    EXPECT_EQ(claim.text, cases[i].text) << i;
    EXPECT_EQ(text.substr(claim.span.begin, claim.span.end - claim.span.begin),
              claim.text);
  }
}

// Every field of Score() against what WriteJson() writes for the text.
TEST(ApiTest, ReportMatchesTheJsonReport) {
  const std::string text = ReadFixture("sample_article.txt");
  const Scorer scorer;
  std::ostringstream out;
  scorer.WriteJson(text, out);
  const nlohmann::json json = nlohmann::json::parse(out.str());
  const Report report = scorer.Score(text);
  EXPECT_DOUBLE_EQ(report.score, json["article"]["score"].get<double>());
  ASSERT_EQ(report.claims.size(), json["claims"].size());
  size_t speakers = 0, cues = 0;
  for (size_t i = 0; i < report.claims.size(); ++i) {
    const Claim& claim = report.claims[i];
    const nlohmann::json& expected = json["claims"][i];
    EXPECT_EQ(claim.span.cp_begin, expected["start"].get<size_t>()) << i;
    EXPECT_EQ(claim.span.cp_end, expected["end"].get<size_t>()) << i;
    EXPECT_EQ(claim.text, expected["text"].get<std::string>()) << i;
    EXPECT_NEAR(claim.confidence, expected["confidence"].get<double>(), 1e-6);
    EXPECT_EQ(claim.backing, expected["backing"].get<std::string>()) << i;
    if (expected["speaker"].is_null()) {
      EXPECT_EQ(claim.speaker, "") << i;
    } else {
      ++speakers;
      EXPECT_EQ(claim.speaker, expected["speaker"]["text"].get<std::string>());
      EXPECT_EQ(claim.speaker_span.cp_begin,
                expected["speaker"]["start"].get<size_t>());
    }
    ASSERT_EQ(claim.cues.size(), expected["cues"].size()) << i;
    for (size_t c = 0; c < claim.cues.size(); ++c, ++cues) {
      const nlohmann::json& cue = expected["cues"][c];
      EXPECT_EQ(claim.cues[c].category, cue["category"].get<std::string>());
      EXPECT_EQ(claim.cues[c].entry, cue["entry"].get<std::string>());
      EXPECT_EQ(claim.cues[c].span.cp_begin, cue["start"].get<size_t>());
      EXPECT_NEAR(claim.cues[c].contribution, cue["contribution"].get<double>(),
                  1e-6);
    }
  }
  // The comparison above covered speakers and cues.
  EXPECT_GT(speakers, 0u);
  EXPECT_GT(cues, 0u);
}

TEST(ApiTest, NamedSpeakerAndCue) {
  const Report report = Scorer().Score(
      "Rain\nPolice spokeswoman Ingrid Solberg said it may rain.");
  ASSERT_EQ(report.claims.size(), 2u);
  const Claim& claim = report.claims[1];
  EXPECT_EQ(claim.backing, "official");
  EXPECT_EQ(claim.speaker, "Police spokeswoman Ingrid Solberg");
  EXPECT_EQ(claim.speaker_span.begin, 5u);
  EXPECT_EQ(claim.speaker_span.end, 38u);
  bool hedge = false;
  for (const auto& cue : claim.cues) {
    hedge = hedge || (cue.category == "hedge" && cue.text == "may");
  }
  EXPECT_TRUE(hedge);
}

// The rows of `credence rank` (score, backing, cue_category, cue) for the
// same texts: ranked as one claim each, the strongest cue by contribution.
TEST(ApiTest, BriefIsRanksRow) {
  const struct {
    const char* text;
    double confidence;
    const char* backing;
    const char* cue_category;
    const char* cue;
  } cases[] = {
      {"Police spokeswoman Ingrid Solberg said it may rain.", 0.611140,
       "official", "hedge", "may"},
      {"Shocking! You won't believe what reportedly happened", 0.012350, "none",
       "hedge", "reportedly"},
      {"Rain in Oslo", 0.707812, "none", "", ""},
      {"   ", 0.707812, "none", "", ""},
  };
  const Scorer scorer;
  for (const auto& c : cases) {
    const credence::api::Brief brief = scorer.ScoreBrief(c.text);
    EXPECT_NEAR(brief.confidence, c.confidence, 5e-7) << c.text;
    EXPECT_EQ(brief.backing, c.backing) << c.text;
    EXPECT_EQ(brief.cue_category, c.cue_category) << c.text;
    EXPECT_EQ(brief.cue, c.cue) << c.text;
  }
  EXPECT_THROW(scorer.ScoreBrief("Bad \xff byte"), TextError);
}

TEST(ApiTest, RefusedTextThrowsTextError) {
  const Scorer scorer;
  const struct {
    std::string text;
    const char* message_part;
  } cases[] = {
      {"", "empty input"},
      {"  \n\t\n", "empty input"},
      {"Head\nBad \xff byte.", "2:5: invalid UTF-8 (byte 0xFF"},
      {std::string("Nul\0byte", 8), "1:4: NUL byte"},
  };
  for (const auto& c : cases) {
    try {
      scorer.Score(c.text);
      ADD_FAILURE() << "no error for " << c.message_part;
    } catch (const TextError& e) {
      EXPECT_NE(std::string(e.what()).find(c.message_part), std::string::npos)
          << e.what();
    }
    std::ostringstream out;
    EXPECT_THROW(scorer.WriteJson(c.text, out), TextError);
    EXPECT_EQ(out.str(), "");
  }
}

TEST(ApiTest, UnreadableFilesThrowLoadErrorNamingThePath) {
  const struct {
    Options options;
    const char* path;
  } cases[] = {
      {{"/nonexistent/x.model", "", ""}, "/nonexistent/x.model"},
      {{"", "/nonexistent/lexicons", ""}, "/nonexistent/lexicons"},
      {{"", "", "/nonexistent/overlay"}, "/nonexistent/overlay"},
  };
  for (const auto& c : cases) {
    try {
      Scorer scorer(c.options);
      ADD_FAILURE() << "no error for " << c.path;
    } catch (const LoadError& e) {
      EXPECT_NE(std::string(e.what()).find(c.path), std::string::npos)
          << e.what();
    }
  }
}

TEST(ApiTest, ModelFileGivesTheSameScoresAsTheBuiltInOne) {
  const std::string text = "Rain\nOfficials said it may rain on Friday.";
  const Scorer file({std::string(CREDENCE_MODELS) + "/default.model", "", ""});
  EXPECT_DOUBLE_EQ(file.Score(text).score, Scorer().Score(text).score);
}

TEST(ApiTest, EvaluateErrors) {
  credence::api::EvalOptions bad_unit;
  bad_unit.inputs = {"x.csv"};
  bad_unit.unit = "sentence";
  EXPECT_THROW(credence::api::EvaluateJson(bad_unit), std::invalid_argument);
  credence::api::EvalOptions missing;
  missing.inputs = {"/nonexistent/dev.csv"};
  try {
    credence::api::EvaluateJson(missing);
    ADD_FAILURE() << "no error for a missing file";
  } catch (const LoadError& e) {
    EXPECT_NE(std::string(e.what()).find("/nonexistent/dev.csv"),
              std::string::npos)
        << e.what();
  }
}

TEST(ApiTest, TuneErrors) {
  credence::api::TuneOptions one_fold;
  one_fold.inputs = {"x.csv"};
  one_fold.output = "x.model";
  one_fold.folds = 1;
  EXPECT_THROW(credence::api::TuneJson(one_fold), std::invalid_argument);
  credence::api::TuneOptions missing;
  missing.inputs = {"/nonexistent/train.csv"};
  missing.output = "/nonexistent/out.model";
  EXPECT_THROW(credence::api::TuneJson(missing), LoadError);
}

TEST(ApiTest, MovedScorerScores) {
  Scorer a;
  Scorer b(std::move(a));
  EXPECT_EQ(b.Score("Rain\nIt may rain.").claims.size(), 2u);
}

}  // namespace

// RankCsvBlock: rows in input order, cut into ids and the rest of credence
// rank's lines; scores are ScoreBrief's.
TEST(ApiTest, RankCsvBlockCutsCredenceRankRows) {
  const Scorer scorer;
  credence::api::BlockOptions options;
  options.path = "f.csv";
  const credence::api::RankedBlock block = credence::api::RankCsvBlock(
      scorer, "id,headline\n7,a b\n\"8,9\",\"x, \"\"y\"\"\"\n", options);
  EXPECT_TRUE(block.has_id);
  EXPECT_EQ(block.read, 2u);
  EXPECT_EQ(block.numbers, (std::vector<uint64_t>{1, 2}));
  EXPECT_EQ(block.ids, "7\"8,9\"");
  EXPECT_EQ(block.id_ends, (std::vector<uint64_t>{1, 6}));
  ASSERT_EQ(block.scores.size(), 2u);
  EXPECT_EQ(block.scores[0], scorer.ScoreBrief("a b").confidence);
  EXPECT_EQ(block.scores[1], scorer.ScoreBrief("x, \"y\"").confidence);
  ASSERT_EQ(block.line_ends.size(), 2u);
  const std::string second = block.lines.substr(block.line_ends[0]);
  const std::string text_field = ",\"x, \"\"y\"\"\"\n";  // the cue is empty
  EXPECT_EQ(second.substr(second.size() - text_field.size() - 1),
            "," + text_field);
  EXPECT_EQ(block.line_ends[1], block.lines.size());
  EXPECT_TRUE(block.messages.empty());
}

TEST(ApiTest, RankCsvBlockBadRowsTopAndRowNumbers) {
  const Scorer scorer;
  struct Case {
    std::string csv;
    uint64_t top;
    std::vector<uint64_t> numbers;
    std::vector<std::string> messages;
  };
  const std::vector<Case> cases = {
      {"headline\nfoo\n", 0, {1}, {}},
      {"id,headline\n1,a\n2,b,c\n3,d\n",
       0,
       {1, 3},
       {"f.csv:3: row has 3 fields, the header has 2 (quote fields that "
        "hold commas)"}},
      // The best of three is row 2 (a named source backs it).
      {"headline\nit may rain\nPolice said it rained\nit may rain\n",
       1,
       {2},
       {}},
  };
  credence::api::BlockOptions options;
  options.path = "f.csv";
  for (const Case& c : cases) {
    options.top = c.top;
    const credence::api::RankedBlock block =
        credence::api::RankCsvBlock(scorer, c.csv, options);
    EXPECT_EQ(block.numbers, c.numbers) << c.csv;
    EXPECT_EQ(block.messages, c.messages) << c.csv;
    EXPECT_EQ(block.line_ends.size(), c.numbers.size()) << c.csv;
  }
  EXPECT_THROW(credence::api::RankCsvBlock(scorer, "id,text\n1,a\n", options),
               TextError);
}
