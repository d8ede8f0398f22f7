// `credence eval --gold`: the comparison rules on hand-built spans, the
// figures of the invented fixture articles (fixtures/gold_eval) worked out
// by hand, and bad gold files, each failing with its GOLD:LINE message.
#include "engine/learn/gold_eval.h"

#include <gtest/gtest.h>

#include <cmath>
#include <filesystem>
#include <sstream>
#include <string>
#include <tuple>

#include "engine/builtin_data.h"
#include "engine/util/sha256.h"
#include "tests/scratch_dir.h"

namespace credence {
namespace {

const std::string kGold = CREDENCE_FIXTURES "/gold_eval/gold.tsv";

size_t At(Backing b) { return static_cast<size_t>(b); }

GoldResult Compare(const GoldArticle& gold, const SystemArticle& system,
                   std::vector<std::string> categories) {
  GoldResult r;
  r.categories = std::move(categories);
  CompareArticle(gold, system, &r);
  return r;
}

TEST(CompareArticle, CuesMatchByCategoryAndOneSharedCodePoint) {
  GoldArticle gold;
  gold.cues = {{0, 5, "hedge"}, {10, 12, "hedge"}, {20, 25, "denial"}};
  SystemArticle system;
  // [4, 8) shares code point 4 with [0, 5); [12, 14) only touches [10,
  // 12); the denial span is right but the category is not.
  system.cues = {{4, 8, "hedge"}, {12, 14, "hedge"}, {20, 25, "weasel"}};
  const GoldResult r = Compare(gold, system, {"hedge", "denial"});
  EXPECT_EQ(r.cues[0].system, 2u);
  EXPECT_EQ(r.cues[0].system_matched, 1u);
  EXPECT_EQ(r.cues[0].gold, 2u);
  EXPECT_EQ(r.cues[0].gold_matched, 1u);
  EXPECT_EQ(r.cues[1].system, 0u);  // weasel is not annotated
  EXPECT_EQ(r.cues[1].gold, 1u);
  EXPECT_TRUE(std::isnan(r.cues[1].Precision()));
  EXPECT_EQ(r.cues[1].Recall(), 0.0);
  EXPECT_EQ(r.micro_all.system, 2u);
  EXPECT_EQ(r.micro_all.gold, 3u);
  EXPECT_EQ(r.micro_sourcing.gold, 1u);  // denial only
  EXPECT_DOUBLE_EQ(r.micro_all.F1(), 2 * 0.5 * (1.0 / 3) / (0.5 + 1.0 / 3));
}

TEST(CompareArticle, EachGoldClaimTakesTheClaimOverlappingItMost) {
  GoldArticle gold;
  // [0, 10) shares 4 code points with [0, 4) and 6 with [4, 15); [10, 20)
  // shares 5 with [4, 15) and 5 with [15, 20) (a tie: the earlier);
  // [30, 40) shares none.
  for (const auto& [start, end, backing] :
       {std::tuple{0, 10, Backing::kOfficial},
        {10, 20, Backing::kNone},
        {30, 40, Backing::kAnonymous}}) {
    GoldClaim c;
    c.start = static_cast<size_t>(start);
    c.end = static_cast<size_t>(end);
    c.backing = backing;
    gold.claims.push_back(c);
  }
  SystemArticle system;
  system.claims = {{0, 4, Backing::kNone},
                   {4, 15, Backing::kOfficial},
                   {15, 20, Backing::kNone}};
  const GoldResult r = Compare(gold, system, {"hedge"});
  EXPECT_EQ(r.backing.n, 3u);
  EXPECT_EQ(r.backing.correct, 1u);  // the first
  EXPECT_EQ(r.backing_sourced.n, 2u);
  EXPECT_EQ(r.backing_sourced.correct, 1u);
  EXPECT_EQ(r.backing_unsourced.correct, 0u);  // the tie goes to [4, 15)
  EXPECT_EQ(r.confusion[At(Backing::kNone)][At(Backing::kOfficial)], 1u);
  EXPECT_EQ(r.confusion[At(Backing::kAnonymous)][At(Backing::kNone)], 1u);
}

GoldClaim SpokenClaim(size_t start, size_t end, size_t speaker_start,
                      size_t speaker_end) {
  GoldClaim c;
  c.start = start;
  c.end = end;
  c.backing = Backing::kNamed;
  c.has_speaker = true;
  c.speaker_start = speaker_start;
  c.speaker_end = speaker_end;
  return c;
}

// A gold speaker is compared when the system claim overlapping its claim
// most has a speaker span, and is right when the two spans share a code
// point, whatever the backings say.
TEST(CompareArticle, SpeakersMatchWhenTheirSpansOverlap) {
  struct Case {
    const char* what;
    SystemClaim system;
    size_t gold, compared, correct;
  };
  // The gold claim is [10, 30) with its speaker at [12, 20).
  const Case cases[] = {
      {"same span", {10, 30, Backing::kNamed, true, 12, 20}, 1, 1, 1},
      {"one code point shared",
       {10, 30, Backing::kNamed, true, 19, 25},
       1,
       1,
       1},
      {"another backing, spans shared",
       {10, 30, Backing::kOfficial, true, 5, 13},
       1,
       1,
       1},
      {"spans touch only", {10, 30, Backing::kNamed, true, 20, 28}, 1, 1, 0},
      {"system claim without a speaker", {10, 30, Backing::kNone}, 1, 0, 0},
      {"no system claim overlaps",
       {30, 40, Backing::kNamed, true, 12, 20},
       1,
       0,
       0},
  };
  for (const Case& c : cases) {
    SCOPED_TRACE(c.what);
    GoldArticle gold;
    gold.claims = {SpokenClaim(10, 30, 12, 20)};
    SystemArticle system;
    system.claims = {c.system};
    const GoldResult r = Compare(gold, system, {"hedge"});
    EXPECT_EQ(r.speaker_gold, c.gold);
    EXPECT_EQ(r.speaker.n, c.compared);
    EXPECT_EQ(r.speaker.correct, c.correct);
  }
}

// A carried speaker lies in an earlier claim, in the gold and in the
// system; a gold claim without a speaker is not counted.
TEST(CompareArticle, CarriedSpeakersAreComparedWhereTheyStand) {
  GoldArticle gold;
  GoldClaim none;
  none.start = 0;
  none.end = 9;
  GoldClaim carried = SpokenClaim(31, 50, 12, 20);
  carried.carried = true;
  gold.claims = {none, SpokenClaim(10, 30, 12, 20), carried};
  SystemArticle system;
  system.claims = {{0, 9, Backing::kVague, true, 0, 4},
                   {10, 30, Backing::kNamed, true, 14, 20},
                   {31, 50, Backing::kNamed, true, 14, 20}};
  const GoldResult r = Compare(gold, system, {"hedge"});
  EXPECT_EQ(r.speaker_gold, 2u);
  EXPECT_EQ(r.speaker.n, 2u);
  EXPECT_EQ(r.speaker.correct, 2u);
}

// The fixture's dev articles (bridge, clinic, cure) against the built-in
// model; the system's cues and backings were read from `credence score
// --format json` and compared with the annotations by hand.
TEST(EvaluateGold, InventedArticlesDevFiguresWorkedByHand) {
  const Scorer scorer(Extractor(DefaultLexicons()), DefaultModel());
  const GoldResult r = EvaluateGold(ReadGoldFile(kGold, ""), scorer, "dev");
  EXPECT_EQ(r.articles, 3u);
  struct Row {
    const char* category;
    size_t system, gold, system_matched, gold_matched;
  };
  const Row rows[] = {
      // "the mayor said" inside "A source close to the mayor said" is no
      // named source; the clinic's "said in a statement" is a confirmation.
      {"named_source", 3, 3, 3, 3},
      // A body's "said in a statement".
      {"official_confirmation", 1, 1, 1, 1},
      {"anonymous_source", 2, 2, 2, 2},
      {"vague_attribution", 2, 2, 2, 2},
      // "on Facebook" names a channel: only "viral post" is a cue.
      {"unverified_social", 1, 1, 1, 1},
      {"denial", 0, 0, 0, 0},
      {"hedge", 1, 2, 1, 1},  // "would" missed
      // "may go" is a hedge, no forecast; "It is widely believed" missed.
      {"speculation", 0, 1, 0, 0},
  };
  ASSERT_EQ(r.cues.size(), 8u);
  for (size_t k = 0; k < 8; ++k) {
    EXPECT_EQ(r.categories[k], rows[k].category);
    EXPECT_EQ(r.cues[k].system, rows[k].system) << rows[k].category;
    EXPECT_EQ(r.cues[k].gold, rows[k].gold) << rows[k].category;
    EXPECT_EQ(r.cues[k].system_matched, rows[k].system_matched);
    EXPECT_EQ(r.cues[k].gold_matched, rows[k].gold_matched);
  }
  EXPECT_DOUBLE_EQ(r.cues[0].Precision(), 1.0);
  EXPECT_DOUBLE_EQ(r.cues[6].Recall(), 0.5);
  EXPECT_EQ(r.cues[7].Recall(), 0.0);
  EXPECT_DOUBLE_EQ(r.micro_all.Precision(), 1.0);  // 10 of 10
  EXPECT_DOUBLE_EQ(r.micro_all.Recall(), 10.0 / 12);
  EXPECT_DOUBLE_EQ(r.micro_sourcing.Precision(), 1.0);
  EXPECT_DOUBLE_EQ(r.micro_sourcing.Recall(), 1.0);
  // "It is widely believed that ..." reads as vague where the gold has
  // no source.
  EXPECT_EQ(r.backing.n, 14u);
  EXPECT_EQ(r.backing.correct, 13u);
  EXPECT_EQ(r.backing_sourced.correct, 8u);    // of 8
  EXPECT_EQ(r.backing_unsourced.correct, 5u);  // of 6
  EXPECT_EQ(r.confusion[At(Backing::kAnonymous)][At(Backing::kAnonymous)], 2u);
  EXPECT_EQ(r.confusion[At(Backing::kNone)][At(Backing::kVague)], 1u);
  EXPECT_EQ(r.confusion[At(Backing::kNone)][At(Backing::kNone)], 5u);
  ASSERT_TRUE(r.auc.has_value());
  EXPECT_EQ(*r.auc, 1.0);
  EXPECT_EQ(r.auc_positive, 2u);
  EXPECT_EQ(r.auc_negative, 1u);
  // Speakers: 4 in bridge, 2 in clinic, 2 in cure, each system claim with
  // a span that overlaps the gold one: "the council's" in "the council's
  // budget office", "person familiar with the plans", "the mayor" in "A
  // source close to the mayor" (the backing is wrong, the words are
  // right), "viral post" in "A viral post on Facebook".
  EXPECT_EQ(r.speaker_gold, 8u);
  EXPECT_EQ(r.speaker.n, 8u);
  EXPECT_EQ(r.speaker.correct, 8u);
}

// The test split: mayor (3 speakers, each the system's own span) and ferry.
// Ferry: "harbour master Jonas Lind" (gold official) holds the system's
// "Jonas Lind" (named), and so does the carried "He added ..."; "a local
// radio station" (gold media) misses the system's "The minister"
// (official); "the operator's new timetable" has no system speaker (none).
TEST(EvaluateGold, InventedArticlesTestSpeakersWorkedByHand) {
  const Scorer scorer(Extractor(DefaultLexicons()), DefaultModel());
  const GoldSet gold = ReadGoldFile(kGold, "");
  const GoldResult test = EvaluateGold(gold, scorer, "test");
  EXPECT_EQ(test.speaker_gold, 7u);
  EXPECT_EQ(test.speaker.n, 6u);
  EXPECT_EQ(test.speaker.correct, 5u);
  const GoldResult all = EvaluateGold(gold, scorer, "all");
  EXPECT_EQ(all.speaker_gold, 15u);
  EXPECT_EQ(all.speaker.n, 14u);
  EXPECT_EQ(all.speaker.correct, 13u);
  EXPECT_DOUBLE_EQ(all.speaker.Rate(), 13.0 / 14);
}

TEST(EvaluateGold, SplitsSelectArticles) {
  const Scorer scorer(Extractor(DefaultLexicons()), DefaultModel());
  const GoldSet gold = ReadGoldFile(kGold, "");
  const GoldResult test = EvaluateGold(gold, scorer, "test");
  EXPECT_EQ(test.articles, 2u);
  // mayor (lowcred) scores below ferry (reputable).
  ASSERT_TRUE(test.auc.has_value());
  EXPECT_EQ(*test.auc, 1.0);
  // All of mayor's 4; ferry's headline and last claim (none), but not the
  // harbour master (official, read as named), the carried claim after it,
  // the radio station (media, read as the minister: official) or the
  // timetable (institution, read as none).
  EXPECT_EQ(test.backing.correct, 6u);
  EXPECT_EQ(test.backing.n, 10u);
  EXPECT_EQ(test.cues[3].gold, 1u);  // "Everyone knows", missed
  EXPECT_EQ(test.cues[3].gold_matched, 0u);
  const GoldResult all = EvaluateGold(gold, scorer, "all");
  EXPECT_EQ(all.articles, 5u);
  EXPECT_EQ(all.auc_positive, 3u);
  EXPECT_EQ(all.auc_negative, 2u);
  EXPECT_THROW(EvaluateGold(gold, scorer, "train"), std::invalid_argument);
}

TEST(EvaluateGold, WritersPrintTheFigures) {
  const Scorer scorer(Extractor(DefaultLexicons()), DefaultModel());
  const GoldResult r = EvaluateGold(ReadGoldFile(kGold, ""), scorer, "dev");
  std::ostringstream text, json;
  WriteGoldText(r, text);
  WriteGoldJson(r, json);
  EXPECT_NE(text.str().find("named_source                3      3          "
                            "3          3     1.000   1.000   1.000\n"),
            std::string::npos)
      << text.str();
  EXPECT_NE(text.str().find("  claims with a source: 8 of 8 right (1.000)\n"),
            std::string::npos);
  EXPECT_NE(json.str().find("{\"category\":\"hedge\",\"system\":1,\"gold\":2,"
                            "\"system_matched\":1,\"gold_matched\":1,"
                            "\"precision\":1.0000,\"recall\":0.5000,"
                            "\"f1\":0.6667}"),
            std::string::npos)
      << json.str();
  EXPECT_NE(text.str().find("speaker (gold claims with a speaker whose "
                            "system claim has one; right when the\nspans "
                            "overlap by at least one code point)\n"
                            "  compared: 8 of 8 right (1.000)\n"
                            "  gold claims with a speaker: 8 (0 without a "
                            "system speaker)\n"),
            std::string::npos)
      << text.str();
  EXPECT_NE(json.str().find("\"speaker\":{\"gold\":8,\"claims\":8,"
                            "\"correct\":8,\"accuracy\":1.0000},"
                            "\"groups\":[\"reputable\","
                            "\"lowcred\"],\"auc\":1.0000,\"auc_positive\":2,"
                            "\"auc_negative\":1}\n"),
            std::string::npos)
      << json.str();
  // The test split has a gold speaker without a system one.
  const GoldResult test = EvaluateGold(ReadGoldFile(kGold, ""), scorer, "test");
  std::ostringstream test_text;
  WriteGoldText(test, test_text);
  EXPECT_NE(test_text.str().find("  compared: 5 of 6 right (0.833)\n"
                                 "  gold claims with a speaker: 7 (1 without "
                                 "a system speaker)\n"),
            std::string::npos)
      << test_text.str();
}

const std::string kEmptySha =
    "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855";

// One article, "a.txt": a headline and "Ann said it rained." (34 code
// points with the two line ends).
const char kArticle[] = "Headline here\nAnn said it rained.\n";

class BadGoldTest : public ScratchDirTest {
 protected:
  BadGoldTest() : ScratchDirTest("gold_eval_test") {
    Write("a.txt", kArticle);
    Write("empty.txt", "");
    // A sparse file one byte past the article limit.
    std::filesystem::resize_file(Write("huge.txt", ""), kMaxArticleBytes + 1);
    Sha256 h;
    h.Update(kArticle);
    sha_ = h.HexDigest();
  }
  std::string sha_;
};

struct BadGold {
  std::string body;     // after the magic and categories lines
  std::string message;  // after "GOLD:"
};

TEST_F(BadGoldTest, EachBadLineNamesGoldAndLine) {
  const std::string head = "credence-gold\t1\ncategories\thedge,denial\n";
  const std::string art = "article\ta.txt\t" + sha_ + "\tdev\treputable\n";
  const BadGold cases[] = {
      {"article\ta.txt\t" + std::string(64, '0') + "\tdev\tx\n",
       "3: a.txt changed since it was annotated (sha256 " + sha_ +
           ", the gold file says " + std::string(64, '0') + ")"},
      {"article\tmissing.txt\t" + sha_ + "\tdev\tx\n",
       "3: cannot read article " + Path("missing.txt") +
           " (hint: article paths are relative to --gold-root, by default "
           "the gold file's folder)"},
      {"article\thuge.txt\t" + sha_ + "\tdev\tx\n",
       "3: article " + Path("huge.txt") + " is longer than 32 MiB"},
      {"article\tempty.txt\t" + kEmptySha + "\tdev\tx\n",
       "3: article " + Path("empty.txt") +
           ": empty input (nothing to score: give a headline line, then the "
           "article)"},
      {"article\ta.txt\t" + sha_ + "\ttrain\tx\n",
       "3: split \"train\" is not dev or test"},
      {"article\ta.txt\t" + sha_ + "\tdev\t\n",
       "3: empty group (reputable, lowcred, ...)"},
      {art + art, "4: article path \"a.txt\" is empty or repeated"},
      {art + "claim\t14\t33\tnamed\t0\t14\t17\n",
       "4: claim needs 8 fields separated by tabs, found 7"},
      {art + "claim\tx\t33\tnone\t0\t-\t-\t-\n",
       "4: start \"x\" is not a code point offset (a whole number >= 0)"},
      {art + "claim\t14\t35\tnone\t0\t-\t-\t-\n",
       "4: span end 35 is past the article's end (34 code points)"},
      {art + "claim\t14\t14\tnone\t0\t-\t-\t-\n",
       "4: span 14-14 is empty or reversed (start < end)"},
      {art + "claim\t14\t33\tpress\t0\t14\t17\tAnn\n",
       "4: backing \"press\" is not one of official, institution, named, "
       "media, anonymous, vague, social, none"},
      {art + "claim\t14\t33\tnamed\t2\t14\t17\tAnn\n",
       "4: carried \"2\" is not 0 or 1"},
      {art + "claim\t14\t33\tnone\t0\t14\t17\tAnn\n",
       "4: a claim backed by none has speaker - - -"},
      {art + "claim\t14\t33\tnamed\t0\t14\t17\tBob\n",
       "4: span text \"Bob\" differs from the article (\"Ann\")"},
      {art +
           "claim\t14\t33\tnone\t0\t-\t-\t-\nclaim\t0\t13\tnone\t0\t-\t-\t-\n",
       "5: claim overlaps or precedes the previous claim (claims in text "
       "order)"},
      {art + "cue\t18\t22\tweasel\tsaid\n",
       "4: cue category \"weasel\" is not in the categories line"},
      {art + "cue\t18\t22\thedge\tsays\n",
       "4: span text \"says\" differs from the article (\"said\")"},
      {art + "cue\t18\t22\thedge\tsaid\ncue\t14\t17\thedge\tAnn\n",
       "5: cue starts before the previous cue (cues in text order)"},
      {"cue\t18\t22\thedge\tsaid\n", "3: a claim or cue before any article"},
      {art + "note\tx\n",
       "4: unknown record \"note\" (categories, article, claim or cue)"},
      {"# nothing\n", "3: no article line"},
      {"categories\thedge\n",
       "3: a second categories line (one, before the articles)"},
  };
  for (const BadGold& c : cases) {
    const std::string gold = Write("gold.tsv", head + c.body);
    try {
      ReadGoldFile(gold, "");
      ADD_FAILURE() << c.message;
    } catch (const std::runtime_error& e) {
      EXPECT_EQ(e.what(), gold + ":" + c.message);
    }
  }
}

TEST_F(BadGoldTest, BadHeadLinesNameGoldAndLine) {
  const BadGold cases[] = {
      {"credence-gold\t2\n",
       "1: credence-gold version \"2\" is not supported (this reader knows "
       "version 1)"},
      {"# a comment\nscore\ttext\n",
       "2: not a gold file (the first line must be credence-gold<TAB>1)"},
      {"credence-gold\t1\ncategories\trumor\n",
       "2: unknown cue category \"rumor\" (see credence score --help)"},
      {"credence-gold\t1\ncategories\thedge,hedge\n",
       "2: category \"hedge\" listed twice"},
      {"credence-gold\t1\narticle\ta.txt\t" + sha_ + "\tdev\tx\n",
       "2: an article before the categories line"},
      {"# only a comment\n", " empty gold file (no credence-gold line)"},
  };
  for (const BadGold& c : cases) {
    const std::string gold = Write("gold.tsv", c.body);
    try {
      ReadGoldFile(gold, "");
      ADD_FAILURE() << c.message;
    } catch (const std::runtime_error& e) {
      EXPECT_EQ(e.what(), gold + ":" + c.message);
    }
  }
}

TEST_F(BadGoldTest, GoldRootIsWhereArticlesAreRead) {
  const std::string gold =
      Write("sub/gold.tsv",
            "credence-gold\t1\ncategories\thedge\narticle\t"
            "a.txt\t" +
                sha_ + "\ttest\tx\n");
  EXPECT_THROW(ReadGoldFile(gold, ""), std::runtime_error);  // sub/a.txt
  const GoldSet set = ReadGoldFile(gold, dir_.path().string());
  ASSERT_EQ(set.articles.size(), 1u);
  EXPECT_EQ(set.articles[0].text, kArticle);
  const Scorer scorer(Extractor(DefaultLexicons()), DefaultModel());
  try {
    EvaluateGold(set, scorer, "dev");
    ADD_FAILURE();
  } catch (const std::runtime_error& e) {
    EXPECT_EQ(e.what(), gold +
                            ": no article in split dev (--gold-split "
                            "dev|test|all)");
  }
}

}  // namespace
}  // namespace credence
