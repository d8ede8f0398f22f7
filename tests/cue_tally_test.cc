// CueTally on rows small enough to count by hand; every expected figure is
// worked out in a comment next to it.
#include "engine/learn/cue_tally.h"

#include <gtest/gtest.h>

#include <cmath>
#include <vector>

namespace credence {
namespace {

Cue MakeCue(size_t category, const LexiconEntry* entry) {
  Cue cue;
  cue.category = category;
  cue.entry = entry;
  return cue;
}

// Rows: {a, a, b} labeled 1; {a} labeled 0; {} labeled 0; {b} labeled 1.
//   a (category 0): in one row of each class (its repeat counts once).
//   b (category 1): in both rows labeled 1, in none labeled 0.
// Haldane counts (+0.5): a: 1.5, 1.5, 1.5, 1.5 -> log OR 0,
//   se sqrt(4 / 1.5) = 1.6329931619;
// b: fires|1 2.5, quiet|1 0.5, fires|0 0.5, quiet|0 2.5 ->
//   log OR ln(2.5 * 2.5 / (0.5 * 0.5)) = ln 25 = 3.2188758249,
//   se sqrt(2 / 2.5 + 2 / 0.5) = sqrt(4.8) = 2.1908902300.
TEST(CueTallyTest, CountsEachCueOnceARowWorkedByHand) {
  LexiconEntry a, b;
  a.phrase = "may";
  b.phrase = "confirm+";
  CueTally tally;
  tally.AddRow({MakeCue(0, &a), MakeCue(0, &a), MakeCue(1, &b)}, 1);
  tally.AddRow({MakeCue(0, &a)}, 0);
  tally.AddRow({}, 0);
  tally.AddRow({MakeCue(1, &b)}, 1);
  EXPECT_EQ(tally.rows(0), 2u);
  EXPECT_EQ(tally.rows(1), 2u);
  const std::vector<CueRow> rows = tally.Rows();
  ASSERT_EQ(rows.size(), 2u);
  // Two rows each: category order decides.
  EXPECT_EQ(rows[0].entry, &a);
  EXPECT_EQ(rows[0].category, 0u);
  EXPECT_EQ(rows[0].rows[0], 1u);
  EXPECT_EQ(rows[0].rows[1], 1u);
  EXPECT_NEAR(rows[0].log_odds_ratio, 0.0, 1e-12);
  EXPECT_NEAR(rows[0].se, 1.6329931619, 1e-9);
  EXPECT_EQ(rows[1].entry, &b);
  EXPECT_EQ(rows[1].rows[0], 0u);
  EXPECT_EQ(rows[1].rows[1], 2u);
  EXPECT_NEAR(rows[1].log_odds_ratio, 3.2188758249, 1e-9);
  EXPECT_NEAR(rows[1].se, 2.1908902300, 1e-9);
}

// One entry in two categories is two cues; more rows come first, then
// category, then phrase.
TEST(CueTallyTest, OrdersByRowsThenCategoryThenPhrase) {
  LexiconEntry said, x, y;
  said.phrase = "say|says|said";
  x.phrase = "x";
  y.phrase = "y";
  CueTally tally;
  tally.AddRow({MakeCue(4, &said), MakeCue(2, &said), MakeCue(7, &y)}, 1);
  tally.AddRow({MakeCue(4, &said), MakeCue(7, &x)}, 0);
  const std::vector<CueRow> rows = tally.Rows();
  ASSERT_EQ(rows.size(), 4u);
  EXPECT_EQ(rows[0].category, 4u);  // two rows
  EXPECT_EQ(rows[0].entry, &said);
  EXPECT_EQ(rows[1].category, 2u);  // one row each from here
  EXPECT_EQ(rows[1].entry, &said);
  EXPECT_EQ(rows[2].entry, &x);
  EXPECT_EQ(rows[3].entry, &y);
  // Fires in every row: 1.5 / 0.5 against 1.5 / 0.5 -> log OR 0.
  EXPECT_NEAR(rows[0].log_odds_ratio, 0.0, 1e-12);
}

TEST(CueTallyTest, EmptyTallyHasNoRows) {
  CueTally tally;
  EXPECT_TRUE(tally.Rows().empty());
  tally.AddRow({}, 1);
  EXPECT_TRUE(tally.Rows().empty());
  EXPECT_EQ(tally.rows(1), 1u);
}

}  // namespace
}  // namespace credence
