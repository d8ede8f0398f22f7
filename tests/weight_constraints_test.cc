// LoadConstraints: reads terms and bounds, and rejects every malformed file
// with its path and line.
#include "models/weight_constraints.h"

#include <gtest/gtest.h>

#include <sstream>
#include <string>
#include <utility>
#include <vector>

#include "models/linear_model.h"

namespace credence {
namespace {

const std::vector<std::string> kNames = {
    "hedge", "named_source", "backing_official", "backing_anonymous"};

std::vector<WeightConstraint> Load(const std::string& text) {
  std::istringstream in(text);
  return LoadConstraints(in, "c.txt", kNames);
}

using Terms = std::vector<std::pair<size_t, double>>;

TEST(WeightConstraintsTest, ReadsTermsAndBounds) {
  const auto c = Load(
      "credence-constraints 1\n"
      "# official on record beats a bare claim\n"
      "\n"
      "named_source + backing_official >= 0.4  # trailing comment\n"
      "backing_official - backing_anonymous >= 0.25\r\n"
      "- hedge >= 1\n"
      "0.693*hedge + backing_official <= -0.4\n"
      "-2*named_source - 0.5*hedge >= 0\n");
  ASSERT_EQ(c.size(), 5u);
  EXPECT_EQ(c[0].terms, (Terms{{1, 1.0}, {2, 1.0}}));
  EXPECT_EQ(c[0].min, 0.4);
  EXPECT_EQ(c[1].terms, (Terms{{2, 1.0}, {3, -1.0}}));
  EXPECT_EQ(c[1].min, 0.25);
  EXPECT_EQ(c[2].terms, (Terms{{0, -1.0}}));
  EXPECT_EQ(c[2].min, 1.0);
  // "<=" is ">=" with every sign turned: -0.693 hedge - official >= 0.4.
  EXPECT_EQ(c[3].terms, (Terms{{0, -0.693}, {2, -1.0}}));
  EXPECT_EQ(c[3].min, 0.4);
  EXPECT_EQ(c[4].terms, (Terms{{1, -2.0}, {0, -0.5}}));
  EXPECT_EQ(c[4].min, 0.0);
}

TEST(WeightConstraintsTest, AFileOfNoConstraintsIsEmpty) {
  EXPECT_TRUE(Load("credence-constraints 1\n# none yet\n").empty());
}

struct BadCase {
  std::string text;
  std::string message;
};

class BadConstraintsTest : public ::testing::TestWithParam<BadCase> {};

TEST_P(BadConstraintsTest, NamesPathAndLine) {
  try {
    Load(GetParam().text);
    FAIL() << "accepted: " << GetParam().text;
  } catch (const ModelError& e) {
    EXPECT_EQ(std::string(e.what()), GetParam().message);
  }
}

const std::string kShapeAtLine2 =
    "c.txt:2: expected 'TERM [+|- TERM ...] >= NUMBER' (or <=), a TERM being "
    "FEATURE or COEFFICIENT*FEATURE";

INSTANTIATE_TEST_SUITE_P(
    Table, BadConstraintsTest,
    ::testing::Values(
        BadCase{"",
                "c.txt:1: empty file (hint: the first line is "
                "'credence-constraints 1')"},
        BadCase{"credence-model 1\n",
                "c.txt:1: not a constraints file (hint: the first line is "
                "'credence-constraints 1')"},
        BadCase{"credence-constraints 1\nhedge > 0\n", kShapeAtLine2},
        BadCase{"credence-constraints 1\n>= 0\n", kShapeAtLine2},
        BadCase{"credence-constraints 1\nhedge + >= 0\n", kShapeAtLine2},
        BadCase{"credence-constraints 1\nhedge >= 0 1\n", kShapeAtLine2},
        BadCase{"credence-constraints 1\nhedge = 0\n", kShapeAtLine2},
        BadCase{"credence-constraints 1\n- - hedge >= 0\n", kShapeAtLine2},
        BadCase{"credence-constraints 1\nhedge - >= 0\n", kShapeAtLine2},
        BadCase{"credence-constraints 1\nx*hedge >= 0\n",
                "c.txt:2: coefficient 'x' is not a number (hint: like 0.4 or "
                "-1)"},
        BadCase{"credence-constraints 1\n2*maybe >= 0\n",
                "c.txt:2: unknown feature 'maybe' (hint: the features are "
                "the model's weight names, as in models/default.model)"},
        BadCase{"credence-constraints 1\n\nmaybe >= 0\n",
                "c.txt:3: unknown feature 'maybe' (hint: the features are "
                "the model's weight names, as in models/default.model)"},
        BadCase{"credence-constraints 1\nhedge hedge >= 0\n", kShapeAtLine2},
        BadCase{"credence-constraints 1\nhedge - 2*hedge >= 0\n",
                "c.txt:2: 'hedge' repeated"},
        BadCase{"credence-constraints 1\nhedge >= lots\n",
                "c.txt:2: bound 'lots' is not a number (hint: like 0.4 or "
                "-1)"},
        BadCase{"credence-constraints 1\nhedge >= 1e9\n",
                "c.txt:2: bound '1e9' is not a number (hint: like 0.4 or "
                "-1)"}));

TEST(WeightConstraintsTest, AnEndlessLineIsRefusedAtItsLimit) {
  const std::string text =
      "credence-constraints 1\n" + std::string(100000, 'x');
  try {
    Load(text);
    FAIL();
  } catch (const ModelError& e) {
    EXPECT_EQ(std::string(e.what()), "c.txt:2: line longer than 4096 bytes");
  }
}

TEST(WeightConstraintsTest, AMissingFileIsNamed) {
  try {
    LoadConstraintsFile("/nonexistent/c.txt", kNames);
    FAIL();
  } catch (const ModelError& e) {
    EXPECT_EQ(std::string(e.what()),
              "/nonexistent/c.txt: cannot open constraints file");
  }
}

}  // namespace
}  // namespace credence
