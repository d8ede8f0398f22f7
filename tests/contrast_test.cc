// The contrast suite: expansion, a tiny suite scored by a known function
// with rates worked out by hand, bad suite files, and the shipped suite's
// figures on the built-in model.
#include "engine/learn/contrast.h"

#include <gtest/gtest.h>

#include <map>
#include <set>
#include <sstream>
#include <string>

#include "engine/builtin_data.h"
#include "tests/scratch_dir.h"

namespace credence {
namespace {

const std::map<std::string, std::string> kTinyFiles = {
    {"slots.tsv",
     "slot\tvalue\nPERSON\tAnn Lee\nPERSON\tBob Ray\n"
     "DATE\tMonday\nDATE\tFriday\n"},
    {"bases.tsv",
     "# a comment\nsplit\tstatement\ndev\tthe dam broke\n"
     "dev\tthe team won on {DATE}\ntest\tprices rose\n"},
    {"frames.tsv",
     "class\tframe\nofficial\t{PERSON} said {s}.\n"
     "official\tThe ministry said that {s}.\nbare\t{S}.\n"
     "rumour\tIt is rumored that {s}.\n"},
    {"expectations.tsv",
     "higher\tlower\tmargin\nofficial\tbare\t0.05\nbare\trumour\t0.05\n"},
};

bool Has(const std::string& s, const std::string& part) {
  return s.find(part) != std::string::npos;
}

// 0.5, +0.2 for "ministry", +0.04 for "Lee said" (the default person
// only), -0.1 for "rumored", +0.01 for "Friday".
double KnownConfidence(const std::string& s) {
  return 0.5 + 0.2 * Has(s, "ministry") + 0.04 * Has(s, "Lee said") -
         0.1 * Has(s, "rumored") + 0.01 * Has(s, "Friday");
}

class ContrastTest : public ScratchDirTest {
 protected:
  ContrastTest() : ScratchDirTest("contrast_test") {}
  // The tiny suite with `name` replaced by `bytes` (when given).
  std::string WriteSuite(const std::string& name = "",
                         const std::string& bytes = "") const {
    for (const auto& [file, text] : kTinyFiles) {
      Write(file, file == name ? bytes : text);
    }
    return dir_.path().string();
  }
};

TEST_F(ContrastTest, ExpandsStatementsSlotsAndCapitals) {
  const ContrastSuite suite = ReadContrastSuite(WriteSuite());
  const auto defaults = DefaultSlotValues(suite);
  EXPECT_EQ(ExpandFrame(suite.frames[2], suite.bases[0], defaults),
            "The dam broke.");
  EXPECT_EQ(ExpandFrame(suite.frames[0], suite.bases[1], defaults),
            "Ann Lee said the team won on Monday.");
  EXPECT_EQ(ExpandFrame(suite.frames[2], {"dev", "Apple sold {DATE}"},
                        {{"DATE", "Friday"}, {"PERSON", "x"}}),
            "Apple sold Friday.");
}

TEST_F(ContrastTest, TinySuiteRatesWorkedByHand) {
  // Per base: official frames 0.54 ("Ann Lee said") and 0.70 (ministry),
  // bare 0.50, rumour 0.40. official > bare passes for the ministry frame
  // only (0.54 - 0.50 < 0.05); bare > rumour passes.
  const ContrastResult r =
      RunContrast(ReadContrastSuite(WriteSuite()), KnownConfidence);
  ASSERT_EQ(r.expectations.size(), 2u);
  EXPECT_EQ(r.expectations[0].dev.n, 4u);
  EXPECT_EQ(r.expectations[0].dev.passed, 2u);
  EXPECT_EQ(r.expectations[0].test.n, 2u);
  EXPECT_EQ(r.expectations[0].test.passed, 1u);
  EXPECT_EQ(r.expectations[1].dev.passed, 2u);
  EXPECT_EQ(r.expectations[1].test.passed, 1u);
  EXPECT_EQ(r.dev.n, 6u);
  EXPECT_EQ(r.dev.passed, 4u);
  EXPECT_EQ(r.test.n, 3u);
  EXPECT_EQ(r.test.passed, 2u);
  // Sentences with slots: dev "the dam broke" under {PERSON} (0.54 vs
  // 0.50: fails); "the team won on {DATE}" in four frames, of which the
  // {PERSON} one fails and the rest move by 0.01 at most. Test: one
  // {PERSON} sentence, failing.
  EXPECT_EQ(r.invariance_dev.n, 5u);
  EXPECT_EQ(r.invariance_dev.passed, 3u);
  EXPECT_EQ(r.invariance_test.n, 1u);
  EXPECT_EQ(r.invariance_test.passed, 0u);
  // Both dev failures pair the same two frames: the first base's is kept
  // (the shortfalls tie).
  ASSERT_EQ(r.worst.size(), 1u);
  EXPECT_EQ(r.worst[0].higher_sentence, "Ann Lee said the dam broke.");
  EXPECT_EQ(r.worst[0].lower_sentence, "The dam broke.");
  EXPECT_DOUBLE_EQ(r.worst[0].higher, 0.54);
  EXPECT_DOUBLE_EQ(r.worst[0].lower, 0.50);
  EXPECT_TRUE(RunContrast(ReadContrastSuite(WriteSuite()), KnownConfidence, 0)
                  .worst.empty());
}

TEST_F(ContrastTest, WritersPrintTheRates) {
  const ContrastResult r =
      RunContrast(ReadContrastSuite(WriteSuite()), KnownConfidence);
  std::ostringstream text, json;
  WriteContrastText(r, text);
  WriteContrastJson(r, json);
  EXPECT_TRUE(Has(text.str(),
                  "  official > bare by 0.05: 2/4 (50.0%), "
                  "1/2 (50.0%)\n"))
      << text.str();
  EXPECT_TRUE(Has(text.str(),
                  "  all expectations: 4/6 (66.7%), 2/3 "
                  "(66.7%)\n"));
  EXPECT_TRUE(Has(text.str(),
                  "invariance (a slot swap moves confidence < "
                  "0.02): 3/5 (60.0%), 0/1 (0.0%)\n"));
  EXPECT_TRUE(Has(json.str(), "\"dev\":{\"n\":6,\"passed\":4,\"rate\":0.6667}"))
      << json.str();
}

struct BadSuite {
  std::string file, bytes, message;  // message after "DIR/"
};

TEST_F(ContrastTest, BadSuiteFilesNameFileAndLine) {
  const BadSuite cases[] = {
      {"bases.tsv", "split\tstatement\ntrain\tit rained\n",
       "bases.tsv:2: split \"train\" is not dev or test"},
      {"bases.tsv", "split\tstatement\ndev\tit rained in {CITY}\n",
       "bases.tsv:2: unknown slot {CITY} (slots.tsv has DATE, PERSON)"},
      {"bases.tsv", "split\tstatement\ndev\tit rained\ndev\tit rained\n",
       "bases.tsv:3: statement repeated"},
      {"bases.tsv", "split\tstatement\ndev\tit rained\textra\n",
       "bases.tsv:2: needs 2 fields separated by tabs, found 3"},
      {"bases.tsv", "statement\tsplit\n",
       "bases.tsv:1: expected the header "
       "line"},
      {"bases.tsv", "# only a comment\n", "bases.tsv: no header line"},
      {"bases.tsv", "split\tstatement\n", "bases.tsv: no rows"},
      {"frames.tsv", "class\tframe\nbare\tNothing here.\n",
       "frames.tsv:2: a frame holds the statement once ({S} or {s})"},
      {"frames.tsv", "class\tframe\nbare\t{S} and {s}.\n",
       "frames.tsv:2: a frame holds the statement once ({S} or {s})"},
      {"frames.tsv", "class\tframe\nbare\t{S by {PERSON}.\n",
       "frames.tsv:2: a '{' without a name and '}' (placeholders read "
       "{SLOT})"},
      {"slots.tsv", "slot\tvalue\nperson\tAnn\n",
       "slots.tsv:2: slot name \"person\" must be capitals or '_' (and not "
       "S)"},
      {"slots.tsv", "slot\tvalue\nPERSON\tAnn\nPERSON\tAnn\n",
       "slots.tsv:3: value \"Ann\" repeated"},
      {"expectations.tsv", "higher\tlower\tmargin\nofficial\tsocial\t0.05\n",
       "expectations.tsv:2: no frame of class \"social\" in frames.tsv"},
      {"expectations.tsv", "higher\tlower\tmargin\nofficial\tbare\tx\n",
       "expectations.tsv:2: margin \"x\" is not a number in [0, 1)"},
      {"expectations.tsv", "higher\tlower\tmargin\nofficial\tbare\t\n",
       "expectations.tsv:2: empty field"},
  };
  for (const BadSuite& c : cases) {
    const std::string dir = WriteSuite(c.file, c.bytes);
    try {
      ReadContrastSuite(dir);
      ADD_FAILURE() << c.message;
    } catch (const std::runtime_error& e) {
      EXPECT_EQ(e.what(), dir + "/" + c.message);
    }
  }
  try {
    ReadContrastSuite(Path("none"));
    ADD_FAILURE();
  } catch (const std::runtime_error& e) {
    EXPECT_EQ(e.what(), Path("none") +
                            "/slots.tsv: cannot open (a suite "
                            "folder holds slots.tsv)");
  }
}

const std::string kShipped = CREDENCE_FIXTURES "/contrast";

TEST(ShippedContrastSuite, HasTheSizeTheIssueAsks) {
  const ContrastSuite suite = ReadContrastSuite(kShipped);
  std::map<std::string, size_t> splits, classes;
  for (const ContrastBase& b : suite.bases) ++splits[b.split];
  for (const ContrastFrame& f : suite.frames) ++classes[f.cls];
  EXPECT_EQ(splits["dev"], 40u);
  EXPECT_EQ(splits["test"], 10u);
  EXPECT_EQ(classes.size(), 8u);
  for (const auto& [cls, n] : classes) EXPECT_GE(n, 5u) << cls;
  for (const auto& [slot, values] : suite.slots) EXPECT_GE(values.size(), 5u);
  EXPECT_EQ(suite.expectations.size(), 8u);
}

// The built-in model's figures on the shipped suite, as measured: a change
// to the rules or the model that moves them shows here. The target is 95%
// of comparisons; whoever raises the figures updates this table.
TEST(ShippedContrastSuite, BuiltInModelFigures) {
  const Scorer scorer(Extractor(DefaultLexicons()), DefaultModel());
  const ContrastResult r = RunContrast(ReadContrastSuite(kShipped), scorer);
  std::ostringstream text;
  WriteContrastText(r, text);
  struct Figures {
    const char* higher;
    const char* lower;
    size_t dev_passed, dev_n, test_passed, test_n;
  };
  const Figures expected[] = {
      {"official", "bare", 1200, 1200, 300, 300},
      {"official", "anonymous", 1440, 1440, 360, 360},
      {"named", "anonymous", 1440, 1440, 360, 360},
      {"named", "bare", 1200, 1200, 300, 300},
      {"bare", "rumour", 1200, 1200, 300, 300},
      {"bare", "social", 1000, 1000, 250, 250},
      {"bare", "denied", 1000, 1000, 250, 250},
      {"official", "rumour", 1440, 1440, 360, 360},
  };
  ASSERT_EQ(r.expectations.size(), 8u) << text.str();
  for (size_t i = 0; i < 8; ++i) {
    const Figures& x = expected[i];
    const ExpectationResult& got = r.expectations[i];
    EXPECT_EQ(got.expectation.higher, x.higher);
    EXPECT_EQ(got.expectation.lower, x.lower);
    EXPECT_EQ(got.dev.passed, x.dev_passed) << text.str();
    EXPECT_EQ(got.dev.n, x.dev_n);
    EXPECT_EQ(got.test.passed, x.test_passed) << text.str();
    EXPECT_EQ(got.test.n, x.test_n);
  }
  EXPECT_EQ(r.dev.passed, 9920u);  // of 9920: 100.0%
  EXPECT_EQ(r.dev.n, 9920u);
  EXPECT_EQ(r.test.passed, 2480u);  // of 2480: 100.0%
  EXPECT_EQ(r.test.n, 2480u);
  // The issue's floor: 95% of the expectations, 95% invariance.
  EXPECT_GE(r.dev.passed * 100, r.dev.n * 95);
  EXPECT_GE(r.test.passed * 100, r.test.n * 95);
  EXPECT_EQ(r.invariance_dev.passed, 968u);
  EXPECT_EQ(r.invariance_dev.n, 968u);
  EXPECT_EQ(r.invariance_test.passed, 242u);
  EXPECT_EQ(r.invariance_test.n, 242u);
}

}  // namespace
}  // namespace credence
