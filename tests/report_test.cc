// End to end: articles scored and written as JSON and text, checked field
// by field against hand-checked values.
#include "engine/report.h"

#include <gtest/gtest.h>

#include <cmath>
#include <filesystem>
#include <fstream>
#include <nlohmann/json.hpp>
#include <sstream>
#include <string>
#include <vector>

#include "engine/builtin_data.h"
#include "features/utf8.h"
#include "tests/scratch_dir.h"

namespace credence {
namespace {

using Json = nlohmann::json;

// Scores are pinned against the hand-set weights of models/prior.model
// (round numbers a reader can check), not the trained default model.
const Scorer& Default() {
  static const Scorer scorer(
      Extractor(DefaultLexicons()),
      LinearModel::LoadFile(CREDENCE_MODELS "/prior.model"));
  return scorer;
}

Json ScoreToJson(const std::string& text) {
  std::ostringstream out;
  WriteJsonReport(text, Default().ScoreArticle(text), Default(), out);
  return Json::parse(out.str());
}

// text[start:end] in code points, as a Python reader would slice it.
std::string CodePointSlice(const std::string& text, size_t start, size_t end) {
  size_t cp = 0, byte = 0, begin_byte = 0;
  while (byte < text.size() && cp < end) {
    if (cp == start) begin_byte = byte;
    size_t len;
    DecodeUtf8(text, byte, &len);
    byte += len;
    ++cp;
  }
  if (cp == start) begin_byte = byte;
  return text.substr(begin_byte, byte - begin_byte);
}

struct ExpectedCue {
  size_t start, end;
  const char* category;
  const char* text;
};

struct ExpectedClaim {
  size_t start, end;
  double confidence;
  const char* backing;
  std::vector<ExpectedCue> cues;
};

// Model: bias 0.5; per category weight x log(1 + s), per backing its weight
// (models/prior.model). Worked by hand for some claims:
//   [5] BREAKING:  unverified_social log 2 x -2.4, backing_social -0.6:
//       logit -1.763553, confidence 0.146346
//   [0] a headline: hard_news "Strike" (strength 0.5: log 1.5) x 0.6, hedge
//       "Could" log 1.4 x -2, anonymous_source log 2 x -1.6,
//       backing_anonymous -0.5: logit -1.538701, 0.176724
//   [1] hedge "reportedly" 1 + "could" 0.4: log 2.4 x -2, speculation log 1.5
//       x -1 ("strike" ends in a full stop: prose, not hard news): logit
//       -1.656403, 0.160245
//   [9] official_confirmation log 2 x 1.6, backing_official 1: logit
//       2.609035, 0.931441
//   [11] denial log 2 x -0.4, backing_institution 0.8: logit 1.022741,
//       0.735506
//   [13] media_report log 2 x -0.4, backing_media 0: logit 0.222741,
//       0.555456
const ExpectedClaim kSample[] = {
    {0,
     59,
     0.176724,
     "anonymous",
     {{5, 11, "hard_news", "Strike"},
      {12, 17, "hedge", "Could"},
      {42, 59, "anonymous_source", "Union Sources Say"}}},
    {60,
     217,
     0.222538,
     "none",
     {{98, 108, "hedge", "reportedly"}, {180, 185, "hedge", "could"}}},
    {218, 308, 0.622459, "none", {}},
    {309,
     414,
     0.248051,
     "anonymous",
     {{309, 353, "anonymous_source",
       "According to people familiar with the matter"}}},
    {415,
     559,
     0.144059,
     "anonymous",
     {{415, 521, "anonymous_source",
       "A union official, speaking on condition of anonymity because he was "
       "not authorized to speak publicly, said"},
      {531, 534, "hedge", "may"}}},
    {560,
     569,
     0.146346,
     "social",
     {{560, 568, "unverified_social", "BREAKING"}}},
    // An embedded post signed by an account that names no one on record:
    // an unverified post, as [5] (the same cue sum and backing).
    {570,
     616,
     0.146346,
     "social",
     {{570, 602, "unverified_social",
       "\xE2\x80\x94 Harbor Watch (@harborwatch_hl)"}}},
    {617, 682, 0.677712, "none", {{643, 649, "hard_news", "strike"}}},
    {683,
     773,
     0.114984,
     "social",
     {{696, 721, "unverified_social", "shared thousands of times"},
      {737, 772, "denial", "could not be independently verified"}}},
    {774,
     917,
     0.931441,
     "official",
     {{774, 829, "official_confirmation",
       "Transport Ministry spokeswoman Ingrid Solberg confirmed"}}},
    {918, 971, 0.886403, "official", {{918, 926, "named_source", "She said"}}},
    {972,
     1017,
     0.735506,
     "institution",
     {{990, 1005, "denial", "did not confirm"}}},
    // No reply is no source.
    {1018,
     1114,
     0.555456,
     "none",
     {{1051, 1070, "denial", "declined to comment"}}},
    {1115,
     1208,
     0.555456,
     "media",
     {{1115, 1148, "media_report", "The Halden Courier first reported"}}},
    {1209, 1283, 0.291875, "none", {{1228, 1242, "hedge", "are rumored to"}}},
    {1284,
     1393,
     0.917514,
     "institution",
     {{1284, 1312, "official_confirmation", "The Port Authority announced"}}},
};

// The model's format version and how it makes the article score, for
// each kind of article model.
TEST(ReportTest, AggregationAndFormatVersionFollowTheModel) {
  LinearModel model = LinearModel::LoadFile(CREDENCE_MODELS "/prior.model");
  const size_t n = model.feature_names().size();
  const struct {
    std::vector<std::string> article_features;  // none: no article weights
    bool article_weights;
    const char* aggregation;
    int version;
  } cases[] = {
      {{}, false, "logistic of the mean claim logit", 1},
      {{}, true, "article weights on the mean claim features", 1},
      {{"dateline"},
       true,
       "article weights on the mean claim features and the article features",
       2},
  };
  for (const auto& c : cases) {
    LinearModel m = model;
    if (c.article_weights) {
      m.SetArticleWeights(0.0,
                          std::vector<double>(n + c.article_features.size()),
                          c.article_features);
    }
    const Scorer scorer(Extractor(DefaultLexicons()), m);
    std::ostringstream out;
    WriteJsonReport("Headline", scorer.ScoreArticle("Headline"), scorer, out);
    const Json j = Json::parse(out.str());
    EXPECT_EQ(j["article"]["aggregation"], c.aggregation);
    EXPECT_EQ(j["model"]["format_version"], c.version);
  }
}

TEST(ReportTest, SampleArticleJsonFieldByField) {
  const std::string text = ReadFile(CREDENCE_FIXTURES "/sample_article.txt");
  ASSERT_FALSE(text.empty());
  const Json j = ScoreToJson(text);
  EXPECT_EQ(j["credence"]["version"], "0.1.0");
  EXPECT_EQ(j["model"]["name"], "credence-prior");
  EXPECT_EQ(j["model"]["format_version"], 1);
  EXPECT_EQ(j["model"]["bias"], 0.5);
  EXPECT_EQ(j["model"]["features"], Json(Default().model().feature_names()));
  EXPECT_EQ(j["article"]["claims"], 16);
  EXPECT_EQ(j["article"]["aggregation"], "logistic of the mean claim logit");
  ASSERT_EQ(j["claims"].size(), std::size(kSample));
  double sum = 0;
  for (size_t k = 0; k < std::size(kSample); ++k) {
    SCOPED_TRACE("claim " + std::to_string(k));
    const Json& c = j["claims"][k];
    const ExpectedClaim& e = kSample[k];
    EXPECT_EQ(c["index"], k);
    EXPECT_EQ(c["start"], e.start);
    EXPECT_EQ(c["end"], e.end);
    EXPECT_EQ(c["text"], CodePointSlice(text, e.start, e.end));
    EXPECT_NEAR(c["confidence"].get<double>(), e.confidence, 5e-7);
    sum += c["logit"].get<double>();
    ASSERT_EQ(c["cues"].size(), e.cues.size());
    EXPECT_EQ(c["backing"], e.backing);
    double logit = 0.5;
    for (size_t q = 0; q < e.cues.size(); ++q) {
      const Json& cue = c["cues"][q];
      EXPECT_EQ(cue["start"], e.cues[q].start);
      EXPECT_EQ(cue["end"], e.cues[q].end);
      EXPECT_EQ(cue["category"], e.cues[q].category);
      EXPECT_EQ(cue["text"], e.cues[q].text);
      EXPECT_EQ(cue["text"],
                CodePointSlice(text, e.cues[q].start, e.cues[q].end));
    }
    const LinearModel& model = Default().model();
    for (size_t f = 0; f < model.feature_names().size(); ++f) {
      const std::string& name = model.feature_names()[f];
      EXPECT_DOUBLE_EQ(c["contributions"][name].get<double>(),
                       model.weights()[f] * c["features"][name].get<double>());
      logit += c["contributions"][name].get<double>();
    }
    EXPECT_DOUBLE_EQ(c["logit"].get<double>(), logit);
  }
  // No article weights: the article logit is the mean claim logit.
  EXPECT_NEAR(j["article"]["score"].get<double>(), Logistic(sum / 16), 1e-12);
  // Claim 4: "may" (0.4) gives hedge log 1.4 and, a modal of possibility,
  // no speculation; one merged anonymous cue log 2.
  const Json& f4 = j["claims"][4]["features"];
  EXPECT_DOUBLE_EQ(f4["hedge"].get<double>(), std::log(1.4));
  EXPECT_DOUBLE_EQ(f4["speculation"].get<double>(), 0.0);
  EXPECT_DOUBLE_EQ(f4["anonymous_source"].get<double>(), std::log(2.0));
  EXPECT_DOUBLE_EQ(f4["backing_anonymous"].get<double>(), 1.0);
  EXPECT_DOUBLE_EQ(f4["official_confirmation"].get<double>(), 0.0);
  // Cue contributions split a category's contribution by strength.
  EXPECT_DOUBLE_EQ(j["claims"][1]["cues"][0]["contribution"].get<double>(),
                   -2.0 * std::log(2.4) * (1.0 / 1.4));
  EXPECT_EQ(
      j["claims"][1]["cues"][0]["source"].get<std::string>().substr(0, 21),
      "<built-in>/hedge.txt:");
  EXPECT_EQ(j["claims"][10]["backing_carried"], true);
  // Every speaker is the text at its code point offsets; a carried one is
  // the previous claim's.
  for (const Json& c : j["claims"]) {
    ASSERT_TRUE(c.contains("speaker")) << c["index"];
    EXPECT_EQ(c["speaker"].is_null(), c["backing"] == "none") << c["index"];
    if (c["speaker"].is_null()) continue;
    EXPECT_EQ(c["speaker"]["text"],
              CodePointSlice(text, c["speaker"]["start"], c["speaker"]["end"]));
  }
  EXPECT_EQ(j["claims"][9]["speaker"],
            Json::parse(R"({"start":774,"end":819,"text":"Transport Ministry )"
                        R"(spokeswoman Ingrid Solberg"})"));
  EXPECT_EQ(j["claims"][10]["speaker"], j["claims"][9]["speaker"]);
  // "declined to comment" is no reply, so no source: no speaker.
  EXPECT_TRUE(j["claims"][12]["speaker"].is_null());
  EXPECT_EQ(j["claims"][13]["speaker"]["text"], "The Halden Courier");
}

// An article with a claim of each kind of backing the text report names:
// a headline with no source, an official, a pronoun carrying the
// official, a named person, an anonymous source, and a claim with none.
// "Zoë" makes byte and code point offsets differ from claim 1 on.
const char kWhoArticle[] =
    "Port to reopen on Monday\n"
    "Transport Minister Zo\xC3\xAB Berg said the port would reopen on "
    "Monday. She added that repairs had cost two million euros. Dock "
    "worker Sam Ortiz said the cranes were back in use. A person familiar "
    "with the repairs said the cost may rise. The harbour was closed for "
    "three weeks.\n";

struct ExpectedSpeaker {
  const char* backing;
  bool carried;
  const char* speaker;  // JSON text of the speaker field
};

TEST(ReportTest, JsonSpeakerIsWhoBacksEachClaim) {
  const std::string text = kWhoArticle;
  const Json j = ScoreToJson(text);
  const ExpectedSpeaker expected[] = {
      {"none", false, "null"},
      {"official", false,
       R"({"start":25,"end":52,"text":"Transport Minister Zoë Berg"})"},
      // Carried: the words are in claim 1.
      {"official", true,
       R"({"start":25,"end":52,"text":"Transport Minister Zoë Berg"})"},
      {"named", false,
       R"({"start":142,"end":163,"text":"Dock worker Sam Ortiz"})"},
      {"anonymous", false,
       R"({"start":200,"end":220,"text":"person familiar with"})"},
      {"none", false, "null"},
  };
  ASSERT_EQ(j["claims"].size(), std::size(expected));
  for (size_t k = 0; k < std::size(expected); ++k) {
    SCOPED_TRACE("claim " + std::to_string(k));
    const Json& c = j["claims"][k];
    EXPECT_EQ(c["backing"], expected[k].backing);
    ASSERT_TRUE(c.contains("speaker"));
    EXPECT_EQ(c["backing_carried"], expected[k].carried);
    EXPECT_EQ(c["speaker"], Json::parse(expected[k].speaker));
    if (c["speaker"].is_null()) continue;
    EXPECT_EQ(c["speaker"]["text"],
              CodePointSlice(text, c["speaker"]["start"], c["speaker"]["end"]));
  }
  ASSERT_TRUE(j["article"].contains("backing"));
  EXPECT_EQ(j["article"]["backing"],
            Json::parse(R"({"official":2,"institution":0,"named":1,"media":0,
                            "anonymous":1,"vague":0,"social":0,"none":2})"));
}

// The fields come in the documented order: speaker right after
// backing_carried, article.backing after article.aggregation.
TEST(ReportTest, JsonSpeakerAndBackingCountsStandInOrder) {
  const std::string text = kWhoArticle;
  std::ostringstream raw;
  WriteJsonReport(text, Default().ScoreArticle(text), Default(), raw);
  EXPECT_NE(raw.str().find("\"aggregation\":\"logistic of the mean claim "
                           "logit\",\"backing\":{\"official\":2,"
                           "\"institution\":0,\"named\":1,\"media\":0,"
                           "\"anonymous\":1,\"vague\":0,\"social\":0,"
                           "\"none\":2}},\n \"claims\":["),
            std::string::npos)
      << raw.str();
  EXPECT_NE(raw.str().find("\"backing\":\"official\",\"backing_carried\":"
                           "true,\"speaker\":{\"start\":25,\"end\":52,"
                           "\"text\":\"Transport Minister Zo\xC3\xAB Berg\"},"
                           "\"cues\":["),
            std::string::npos);
  EXPECT_NE(raw.str().find("\"backing\":\"none\",\"backing_carried\":"
                           "false,\"speaker\":null,\"cues\":["),
            std::string::npos);
}

TEST(ReportTest, TextReportSaysWhoBacksEachClaim) {
  const std::string text = kWhoArticle;
  std::ostringstream out;
  WriteTextReport(text, Default().ScoreArticle(text), Default(), out);
  EXPECT_EQ(out.str(),
            "article score 0.69  (6 claims; model credence-prior)\n"
            "backing: 2 official, 1 named, 1 anonymous, 2 unattributed\n"
            "\n"
            "[0]   0.62 Port to reopen on Monday\n"
            "           unattributed\n"
            "[1]   0.89 Transport Minister Zo\xC3\xAB Berg said the port would "
            "reopen on Monday.\n"
            "           backed by official: Transport Minister Zo\xC3\xAB Berg "
            "+1.00\n"
            "           named_source +0.55 @25-57 \"Transport Minister "
            "Zo\xC3\xAB Berg said\"\n"
            "[2]   0.89 She added that repairs had cost two million euros.\n"
            "           backed by official (carried over): Transport Minister "
            "Zo\xC3\xAB Berg +1.00\n"
            "           named_source +0.55 @91-100 \"She added\"\n"
            "[3]   0.83 Dock worker Sam Ortiz said the cranes were back in "
            "use.\n"
            "           backed by named: Dock worker Sam Ortiz +0.50\n"
            "           named_source +0.55 @142-168 \"Dock worker Sam Ortiz "
            "said\"\n"
            "[4]   0.14 A person familiar with the repairs said the cost may "
            "rise.\n"
            "           backed by anonymous: person familiar with -0.50\n"
            "           anonymous_source -1.11 @200-220 \"person familiar "
            "with\"\n"
            "           hedge -0.67 @247-250 \"may\"\n"
            "[5]   0.62 The harbour was closed for three weeks.\n"
            "           unattributed\n");
}

// A speaker too long for the line wraps under it, indented; white space
// and control characters in it print as the claim's do, while JSON keeps
// the exact words.
TEST(ReportTest, TextReportWrapsAndEscapesSpeakers) {
  const std::string text =
      "Headline\nNational Security Council Deputy Press Secretary Adrienne "
      "Watson said it.\nSpokeswoman Ana\tRuiz said the plant was safe.";
  std::ostringstream out;
  WriteTextReport(text, Default().ScoreArticle(text), Default(), out);
  EXPECT_NE(
      out.str().find("           backed by official: National Security Council "
                     "Deputy Press Secretary\n"
                     "             Adrienne Watson +1.00\n"),
      std::string::npos)
      << out.str();
  EXPECT_NE(out.str().find("           backed by official: Spokeswoman Ana "
                           "Ruiz +1.00\n"),
            std::string::npos)
      << out.str();
  const Json j = ScoreToJson(text);
  ASSERT_TRUE(j["claims"][2].contains("speaker"));
  EXPECT_EQ(j["claims"][2]["speaker"]["text"], "Spokeswoman Ana\tRuiz");
}

// rank's JSON lines hold the claim object without the speaker.
TEST(ReportTest, ClaimJsonHasNoSpeaker) {
  const std::string text = "Spokeswoman Ana Ruiz said the plant was safe.";
  const ScoredClaim claim = Default().ScoreClaim(text, {0, text.size()});
  ASSERT_EQ(claim.evidence.backing, Backing::kOfficial);
  std::ostringstream out;
  WriteClaimJson(text, claim, 0, Default(), out);
  EXPECT_NE(out.str().find("\"backing_carried\":false,\"cues\":["),
            std::string::npos)
      << out.str();
}

// The article credence started from, when ../shared is there.
TEST(ReportTest, SeedArticle) {
  const std::string path = CREDENCE_SHARED "/seeds/000_5ed7b95eb81b9476.txt";
  if (!std::filesystem::exists(path)) GTEST_SKIP() << path << " absent";
  const std::string text = ReadFile(path);
  const Json j = ScoreToJson(text);
  double rumored = -1, confirmed = -1;
  bool anonymity = false;
  for (const Json& c : j["claims"]) {
    EXPECT_EQ(c["text"], CodePointSlice(text, c["start"], c["end"]));
    for (const Json& cue : c["cues"]) {
      EXPECT_EQ(cue["text"], CodePointSlice(text, cue["start"], cue["end"]));
      const std::string t = cue["text"];
      if (cue["category"] == "hedge" && t.find("rumored") != t.npos) {
        rumored = c["confidence"];
      }
      if (cue["category"] == "official_confirmation" &&
          t.find("Adrienne Watson confirmed") != t.npos) {
        confirmed = c["confidence"];
      }
      anonymity |= cue["category"] == "anonymous_source" &&
                   t == "on the condition of anonymity";
    }
  }
  EXPECT_TRUE(anonymity);
  ASSERT_GE(rumored, 0);
  ASSERT_GE(confirmed, 0);
  EXPECT_GT(confirmed - rumored, 0.1);
}

TEST(ReportTest, JsonEscapesAndCountsCodePoints) {
  // Curly and straight quotes, a tab, a backslash, an emoji (one code point,
  // four bytes) and a control character all before the cue.
  const std::string text =
      "Z\xC3\xBCrich \xF0\x9F\x98\x80 \"news\"\n"
      "\xE2\x80\x9CIt\xE2\x80\x9D\t\\ \x01 is reportedly so.";
  const Json j = ScoreToJson(text);
  ASSERT_EQ(j["claims"].size(), 2u);
  EXPECT_EQ(j["claims"][0]["start"], 0);
  EXPECT_EQ(j["claims"][0]["end"], 15);
  EXPECT_EQ(j["claims"][0]["text"], "Z\xC3\xBCrich \xF0\x9F\x98\x80 \"news\"");
  EXPECT_EQ(j["claims"][1]["start"], 16);
  const Json& cue = j["claims"][1]["cues"][0];
  EXPECT_EQ(cue["text"], "reportedly");
  EXPECT_EQ(cue["start"], 16 + 12);
  EXPECT_EQ(cue["end"], 16 + 22);
  std::ostringstream raw;
  WriteJsonReport(text, Default().ScoreArticle(text), Default(), raw);
  EXPECT_NE(raw.str().find("\\\"news\\\""), std::string::npos);
  EXPECT_NE(raw.str().find("\\t\\\\ \\u0001 is"), std::string::npos);
}

TEST(ReportTest, JsonHasNoNegativeZero) {
  // A negative weight times a zero feature is -0 in IEEE arithmetic.
  const std::string text = "Plain headline\nThe ministry confirmed it.";
  std::ostringstream raw;
  WriteJsonReport(text, Default().ScoreArticle(text), Default(), raw);
  EXPECT_EQ(raw.str().find("-0,"), std::string::npos) << raw.str();
  EXPECT_EQ(raw.str().find("-0}"), std::string::npos) << raw.str();
  EXPECT_NE(raw.str().find("\"contributions\":{\"hedge\":0,"),
            std::string::npos);
}

// printf's "%.*f": the double's exact value rounded (ties to even, as
// 0.125 is exact), a sign kept on zero; inf and nan spelled as printf does.
TEST(ReportTest, FormatFixedIsPrintfsFixed) {
  const struct {
    double value;
    int digits;
    const char* expected;
  } cases[] = {
      {0.611592, 6, "0.611592"},  {0.125, 2, "0.12"},
      {0.375, 2, "0.38"},         {2.5, 0, "2"},
      {-0.0, 2, "-0.00"},         {1e20, 2, "100000000000000000000.00"},
      {0.0000005, 6, "0.000000"},  // 4.99999...e-7 as a double
      {0.9999995, 6, "1.000000"},  // 0.99999950000000003...
      {-3.14159, 3, "-3.142"},    {HUGE_VAL, 2, "inf"},
      {-HUGE_VAL, 2, "-inf"},     {std::nan(""), 2, "nan"},
  };
  for (const auto& c : cases) {
    EXPECT_EQ(FormatFixed(c.value, c.digits), c.expected) << c.value;
  }
}

TEST(ReportTest, TextReportFitsEightyColumns) {
  const std::string text = ReadFile(CREDENCE_FIXTURES "/sample_article.txt");
  std::ostringstream out;
  WriteTextReport(text, Default().ScoreArticle(text), Default(), out);
  std::istringstream lines(out.str());
  std::string line;
  size_t count = 0;
  while (std::getline(lines, line)) {
    ++count;
    EXPECT_LE(CountCodePoints(line, 0, line.size()), 80u) << line;
  }
  EXPECT_GT(count, 16u);
  // The summary line wraps between items.
  EXPECT_EQ(out.str().substr(0, 152),
            "article score 0.46  (16 claims; model credence-prior)\n"
            "backing: 2 official, 2 institution, 1 media, 3 anonymous, 3 "
            "social,\n"
            "         5 unattributed\n"
            "\n"
            "[0]  ");
}

TEST(ReportTest, TextReportWrapsLongCues) {
  const std::string text =
      "Headline\nNational Security Council Deputy Press Secretary Adrienne "
      "Watson confirmed it.";
  std::ostringstream out;
  WriteTextReport(text, Default().ScoreArticle(text), Default(), out);
  EXPECT_EQ(out.str(),
            "article score 0.83  (2 claims; model credence-prior)\n"
            "backing: 1 official, 1 unattributed\n"
            "\n"
            "[0]   0.62 Headline\n"
            "           unattributed\n"
            "[1]   0.93 National Security Council Deputy Press Secretary "
            "Adrienne Watson\n"
            "           confirmed it.\n"
            "           backed by official: National Security Council Deputy "
            "Press Secretary\n"
            "             Adrienne Watson +1.00\n"
            "           official_confirmation +1.11 @9-83\n"
            "             \"National Security Council Deputy Press Secretary "
            "Adrienne Watson\n"
            "             confirmed\"\n");
}

// The text report shows control characters escaped: ESC and BEL from an
// article would otherwise drive the reader's terminal.
TEST(ReportTest, TextReportEscapesControlCharacters) {
  const std::string text =
      "Kim \x1b[31mmay\x1b[0m visit\x07\nShe said it\xC2\x85"
      "was \x7f so.";
  std::ostringstream out;
  WriteTextReport(text, Default().ScoreArticle(text), Default(), out);
  const std::string report = out.str();
  EXPECT_NE(report.find("Kim \\x1b[31mmay\\x1b[0m visit\\x07\n"),
            std::string::npos)
      << report;
  EXPECT_NE(report.find("\\x7f so."), std::string::npos) << report;
  for (const char c : report) {
    const auto byte = static_cast<unsigned char>(c);
    EXPECT_TRUE(byte >= 0x20 || c == '\n') << report;
    EXPECT_NE(byte, 0x7F) << report;
  }
  EXPECT_EQ(report.find("\xC2\x85"), std::string::npos) << report;
  // JSON keeps the exact text; its escapes are JSON's own.
  const Json j = ScoreToJson(text);
  EXPECT_EQ(j["claims"][0]["text"], "Kim \x1b[31mmay\x1b[0m visit\x07");
}

// Strings are escaped exactly as nlohmann's serializer escapes them.
TEST(ReportTest, JsonStringsAreNlohmannsEscapes) {
  std::vector<std::string> strings = {
      "", "Z\xC3\xBCrich \xE2\x80\x9C\xF0\x9F\x98\x80",
      "a\"b\\c\nd\re\tf\bg\fh\x01\x1f\x7f"};
  for (int byte = 0; byte < 0x80; ++byte) {
    strings.push_back("x" + std::string(1, static_cast<char>(byte)) + "y");
  }
  for (const std::string& s : strings) {
    std::ostringstream out;
    WriteJsonString(s, out);
    EXPECT_EQ(out.str(), Json(s).dump()) << Json(s).dump();
  }
}

// The streamed reports are the same bytes as scoring the article and then
// writing it, for texts of one claim, many claims, cues and carried
// backing.
TEST(ReportTest, StreamedReportsAreTheSameBytes) {
  const std::string texts[] = {
      ReadFile(CREDENCE_FIXTURES "/sample_article.txt"),
      "Headline",
      "Kim may visit Russia\nOfficials said so. She added it may happen.",
      kWhoArticle,
      "\xEF\xBB\xBF  Z\xC3\xBCrich \xE2\x80\x9C"
      "BREAKING\xE2\x80\x9D "
      "reportedly\r\n\r\n- critics say it is \xE2\x80\xA6 rumored!",
  };
  for (const std::string& text : texts) {
    SCOPED_TRACE(text.substr(0, 40));
    const ArticleScore article = Default().ScoreArticle(text);
    std::ostringstream json, streamed_json, report, streamed_report;
    WriteJsonReport(text, article, Default(), json);
    ScoreAndWriteJsonReport(text, Default(), streamed_json);
    EXPECT_EQ(streamed_json.str(), json.str());
    WriteTextReport(text, article, Default(), report);
    ScoreAndWriteTextReport(text, Default(), streamed_report);
    EXPECT_EQ(streamed_report.str(), report.str());
  }
  std::ostringstream nothing;
  EXPECT_THROW(ScoreAndWriteJsonReport(" \n", Default(), nothing), InputError);
  EXPECT_EQ(nothing.str(), "");
}

}  // namespace
}  // namespace credence
