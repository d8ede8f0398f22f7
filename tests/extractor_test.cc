// Cue finding on single claims with the built-in lexicons: exact spans and
// categories, the official-confirmation rules, and feature values.
#include "features/extractor.h"

#include <gtest/gtest.h>

#include <string>
#include <vector>

#include "engine/resources.h"

namespace credence {
namespace {

const Extractor& Default() {
  static const Extractor extractor(DefaultLexicons());
  return extractor;
}

// "category:text" for every cue, in order.
std::vector<std::string> Cues(const std::string& text) {
  const ClaimEvidence ev = Default().Extract(text, 0, text.size());
  std::vector<std::string> out;
  for (const Cue& c : ev.cues) {
    out.push_back(Default().feature_names()[c.category] + ":" +
                  text.substr(c.begin, c.end - c.begin));
  }
  return out;
}

struct Case {
  const char* text;
  std::vector<std::string> cues;
};

const Case kHedges[] = {
    {"Kim is reportedly traveling to Russia.", {"hedge:reportedly"}},
    {"Kim is rumored to be making a trip.", {"hedge:is rumored to"}},
    {"Kim is rumoured to be making a trip.", {"hedge:is rumoured to"}},
    {"The rumored trip is off.", {"hedge:rumored"}},
    {"The details are still uncertain.", {"hedge:uncertain"}},
    {"The vote may come on Friday.", {"hedge:may"}},
    {"REPORTEDLY, he left.", {"hedge:REPORTEDLY"}},
    {"Kim Reportedly Traveling To Russia", {"hedge:Reportedly"}},
    {"The vote may have been rigged.", {"hedge:may have"}},
    // Overlapping matches of one category merge into one cue.
    {"It appears to be over.", {"hedge:It appears to"}},
    {"Prices appeared to fall.", {"hedge:appeared to"}},
    {"It remains to be seen how it ends.", {"hedge:remains to be seen"}},
    // "May" the month is not a hedge; the modal at the start still is.
    {"Talks collapsed on May 3.", {}},
    {"The strike began in May and ended in June.", {}},
    {"May the best team win.", {"hedge:May"}},
    // Token boundaries: no match inside longer words.
    {"Mayors met in Mayfield.", {}},
    {"The unclearly worded rule stood.", {}},
    {"No hedges here: the minister signed the bill.", {}},
};

const Case kAnonymous[] = {
    {"A U.S. official, speaking on the condition of anonymity, said so.",
     {"anonymous_source:A U.S. official",
      "anonymous_source:on the condition of anonymity"}},
    {"He spoke on condition of anonymity.",
     {"anonymous_source:on condition of anonymity"}},
    {"According to people familiar with the matter, talks stalled.",
     {"anonymous_source:According to people familiar with the matter"}},
    {"Sources said the deal was near.", {"anonymous_source:Sources said"}},
    {"The aide was not authorized to speak publicly.",
     {"anonymous_source:not authorized to speak"}},
    {"An aide, who declined to be named, said no.",
     {"anonymous_source:who declined to be named"}},
    {"She requests anonymity often.", {"anonymous_source:requests anonymity"}},
    {"Officials said the road was closed.",
     {"anonymous_source:Officials said"}},
};

const Case kOfficial[] = {
    {"National Security Council spokeswoman Adrienne Watson confirmed that "
     "talks continue.",
     {"official_confirmation:National Security Council spokeswoman Adrienne "
      "Watson confirmed"}},
    {"The ministry announced new rules.",
     {"official_confirmation:The ministry announced"}},
    {"Later, the hospital confirmed two deaths.",
     {"official_confirmation:the hospital confirmed"}},
    {"Police confirmed the arrest.",
     {"official_confirmation:Police confirmed"}},
    {"Shoigu announced joint war games.",
     {"official_confirmation:Shoigu announced"}},
    {"The spokeswoman has confirmed the visit.",
     {"official_confirmation:The spokeswoman has confirmed"}},
    {"The visit was confirmed by the Kremlin.",
     {"official_confirmation:confirmed by the Kremlin"}},
    {"Russia’s Defense Minister Sergei Shoigu announced a deal.",
     {"official_confirmation:Russia’s Defense Minister Sergei Shoigu "
      "announced"}},
    {"The White House disclosed the letters.",
     {"official_confirmation:The White House disclosed"}},
    {"Mayor Ana Ruiz CONFIRMS the closure.",
     {"official_confirmation:Mayor Ana Ruiz CONFIRMS"}},
    // Negated, modal, infinitive: not a confirmation.
    {"The White House did not confirm the meeting.", {}},
    {"The White House didn't confirm the meeting.", {}},
    {"The White House didn’t confirm the meeting.", {}},
    {"The ministry neither confirmed nor denied it.", {}},
    {"Police could not immediately confirm the report.", {"hedge:could"}},
    {"Officials are expected to announce the plan.", {}},
    {"The ministry will announce the result.", {}},
    {"The spokesman declined to confirm the talks.", {}},
    {"The ministry has yet to confirm the figure.", {}},
    // No on-record speaker: unnamed, indefinite or absent.
    {"It was acknowledged that talks were advancing.", {}},
    {"An official confirmed the talks.", {}},
    {"Officials confirmed the talks.", {}},
    {"A ministry spokesman confirmed the talks.", {}},
    {"The visit was confirmed on Tuesday.", {}},
    {"He confirmed the talks.", {}},
    {"It confirmed the talks.", {}},
};

void RunTable(const Case* begin, const Case* end) {
  for (const Case* c = begin; c != end; ++c) {
    SCOPED_TRACE(c->text);
    EXPECT_EQ(Cues(c->text), c->cues);
  }
}

TEST(ExtractorTest, Hedges) {
  RunTable(std::begin(kHedges), std::end(kHedges));
}

TEST(ExtractorTest, AnonymousSources) {
  RunTable(std::begin(kAnonymous), std::end(kAnonymous));
}

TEST(ExtractorTest, OfficialConfirmations) {
  RunTable(std::begin(kOfficial), std::end(kOfficial));
}

TEST(ExtractorTest, FeatureNamesFollowTheCategories) {
  EXPECT_EQ(Default().feature_names(),
            (std::vector<std::string>{"hedge", "anonymous_source",
                                      "official_confirmation"}));
}

TEST(ExtractorTest, FeaturesSumCueStrengths) {
  // may = 0.5, could = 0.4, reportedly = 1; a confirmation = 1.
  const std::string text =
      "Reportedly the vote may pass and could fail, the ministry confirmed.";
  const ClaimEvidence ev = Default().Extract(text, 0, text.size());
  ASSERT_EQ(ev.features.size(), 3u);
  EXPECT_DOUBLE_EQ(ev.features[0], 1.9);
  EXPECT_DOUBLE_EQ(ev.features[1], 0.0);
  EXPECT_DOUBLE_EQ(ev.features[2], 1.0);
  ASSERT_EQ(ev.cues.size(), 4u);
  EXPECT_EQ(ev.cues[1].entry->phrase, "may");
  EXPECT_DOUBLE_EQ(ev.cues[1].strength, 0.5);
}

TEST(ExtractorTest, OffsetsAreIntoTheWholeText) {
  const std::string text = "Headline\nIt is reportedly done. Sources said so.";
  const size_t begin = text.find("Sources");
  const ClaimEvidence ev = Default().Extract(text, begin, text.size());
  ASSERT_EQ(ev.cues.size(), 1u);
  EXPECT_EQ(ev.cues[0].begin, begin);
  EXPECT_EQ(ev.cues[0].end, begin + 12);
}

TEST(ExtractorTest, EmptyClaimHasZeroFeatures) {
  const ClaimEvidence ev = Default().Extract("", 0, 0);
  EXPECT_TRUE(ev.cues.empty());
  EXPECT_EQ(ev.features, (std::vector<double>{0, 0, 0}));
}

TEST(ExtractorTest, RejectsMissingAndUnknownLexicons) {
  std::vector<Lexicon> lexicons = DefaultLexicons();
  lexicons.pop_back();
  try {
    Extractor e(lexicons);
    FAIL() << "accepted a missing lexicon";
  } catch (const LexiconError& e) {
    EXPECT_STREQ(e.what(),
                 "missing lexicon 'official_body' (add official_body.txt)");
  }
  lexicons = DefaultLexicons();
  lexicons.push_back(ParseLexicon("x\n", "hedges", "dir/hedges.txt"));
  try {
    Extractor e(lexicons);
    FAIL() << "accepted an unknown lexicon";
  } catch (const LexiconError& e) {
    EXPECT_NE(std::string(e.what()).find("dir/hedges.txt: unknown lexicon "
                                         "'hedges'"),
              std::string::npos)
        << e.what();
  }
  lexicons = DefaultLexicons();
  lexicons.push_back(lexicons.front());
  EXPECT_THROW(Extractor{lexicons}, LexiconError);
}

TEST(ExtractorTest, ReplacementLexiconsChangeWhatIsFound) {
  std::vector<Lexicon> lexicons = DefaultLexicons();
  lexicons[0] = ParseLexicon("word on the street\n", "hedge", "h.txt");
  const Extractor custom(lexicons);
  const std::string text = "Word on the street is he may leave.";
  const ClaimEvidence ev = custom.Extract(text, 0, text.size());
  ASSERT_EQ(ev.cues.size(), 1u);
  EXPECT_EQ(text.substr(ev.cues[0].begin, ev.cues[0].end - ev.cues[0].begin),
            "Word on the street");
}

// A flood of cue words and a long cue-free run both finish and count right.
TEST(ExtractorTest, FloodOfCues) {
  std::string text;
  for (int i = 0; i < 20000; ++i) text += "reportedly may ";
  const ClaimEvidence ev = Default().Extract(text, 0, text.size());
  EXPECT_EQ(ev.cues.size(), 40000u);
  EXPECT_DOUBLE_EQ(ev.features[0], 20000 * 1.5);
  std::string names;
  for (int i = 0; i < 20000; ++i) names += "Ann Lee ";
  names += "confirmed it.";
  const ClaimEvidence named = Default().Extract(names, 0, names.size());
  ASSERT_EQ(named.cues.size(), 1u);
  // The speaker search is bounded: it stops 12 tokens left of the verb.
  EXPECT_EQ(names.substr(named.cues[0].begin,
                         named.cues[0].end - named.cues[0].begin),
            "Ann Lee Ann Lee Ann Lee Ann Lee Ann Lee Ann Lee confirmed");
}

}  // namespace
}  // namespace credence
