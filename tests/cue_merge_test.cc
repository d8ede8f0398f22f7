// MergeCues: merged per category, then in (begin, category, end) order,
// the order its small-input insertion sort must give as std::sort does.
#include "features/cue_merge.h"

#include <gtest/gtest.h>

#include <algorithm>
#include <cstdint>
#include <random>
#include <vector>

namespace credence {
namespace {

bool Before(const Cue& a, const Cue& b) {
  if (a.begin != b.begin) return a.begin < b.begin;
  if (a.category != b.category) return a.category < b.category;
  return a.end < b.end;
}

// A cue of one of `categories` starting before `span`, 1 to 6 bytes long,
// of strength 0, 0.5 or 1.
Cue RandomCue(std::mt19937* rng, size_t categories, size_t span) {
  Cue cue;
  cue.category = (*rng)() % categories;
  cue.begin = (*rng)() % span;
  cue.end = cue.begin + 1 + (*rng)() % 6;
  cue.strength = static_cast<double>((*rng)() % 3) * 0.5;
  return cue;
}

TEST(CueMergeTest, OutputSortedAtEverySize) {
  std::mt19937 rng(7);
  for (int round = 0; round < 2000; ++round) {
    constexpr size_t kCategories = 5;
    std::vector<Cue> by_category[kCategories];
    const size_t count = static_cast<size_t>(round % 45);  // past 32, too
    for (size_t i = 0; i < count; ++i) {
      const Cue cue = RandomCue(&rng, kCategories, 200);
      by_category[cue.category].push_back(cue);
    }
    std::vector<Cue> out = {Cue{}};  // stale, cleared
    MergeCues(by_category, (1u << kCategories) - 1, &out);
    EXPECT_TRUE(std::is_sorted(out.begin(), out.end(), Before)) << round;
    std::vector<Cue> sorted = out;
    std::sort(sorted.begin(), sorted.end(), Before);
    for (size_t i = 0; i < out.size(); ++i) {
      EXPECT_EQ(out[i].begin, sorted[i].begin) << round;
      EXPECT_EQ(out[i].category, sorted[i].category) << round;
      EXPECT_EQ(out[i].end, sorted[i].end) << round;
    }
    for (size_t c = 0; c < kCategories; ++c) {  // each category merged
      size_t last_end = 0;
      for (const Cue& cue : out) {
        if (cue.category != c) continue;
        EXPECT_GE(cue.begin, last_end) << round;
        last_end = cue.end;
      }
    }
  }
}

// Given only the lists that may hold cues (and some that are empty), the
// merge is the same as over every list.
TEST(CueMergeTest, ListsByMaskMatchAllLists) {
  std::mt19937 rng(11);
  for (int round = 0; round < 1000; ++round) {
    constexpr size_t kCategories = 20;
    std::vector<Cue> lists[kCategories];
    uint32_t used = static_cast<uint32_t>(rng()) & ((1u << kCategories) - 1);
    const size_t count = static_cast<size_t>(round % 40);
    for (size_t i = 0; i < count; ++i) {
      const Cue cue = RandomCue(&rng, kCategories, 100);
      lists[cue.category].push_back(cue);
      used |= 1u << cue.category;
    }
    std::vector<Cue> copy[kCategories];
    for (size_t c = 0; c < kCategories; ++c) copy[c] = lists[c];
    std::vector<Cue> want;
    MergeCues(lists, (1u << kCategories) - 1, &want);
    std::vector<Cue> got = {Cue{}};  // stale, cleared
    MergeCues(copy, used, &got);
    ASSERT_EQ(got.size(), want.size()) << round;
    for (size_t i = 0; i < got.size(); ++i) {
      EXPECT_EQ(got[i].begin, want[i].begin) << round;
      EXPECT_EQ(got[i].end, want[i].end) << round;
      EXPECT_EQ(got[i].category, want[i].category) << round;
      EXPECT_EQ(got[i].strength, want[i].strength) << round;
    }
  }
}

}  // namespace
}  // namespace credence
