// Cue finding on single claims with the built-in lexicons: exact spans and
// categories per category, hard negatives, backing, and feature values.
#include "features/extractor.h"

#include <gtest/gtest.h>

#include <cmath>
#include <filesystem>
#include <set>
#include <string>
#include <vector>

#include "engine/builtin_data.h"
#include "features/lexicon_ids.h"

namespace credence {
namespace {

// The extractor over the lexicons built into the binary (features/lexicons/),
// built once for every test.
const Extractor& BuiltinLexiconExtractor() {
  static const Extractor extractor(DefaultLexicons());
  return extractor;
}

// "category:text" for every cue of one group of categories (sourcing, the
// taxonomy the tables below were written for, or style), in order.
std::vector<std::string> Cues(const ClaimEvidence& ev, const std::string& text,
                              bool style = false) {
  const LexiconGroup group =
      style ? LexiconGroup::kStyle : LexiconGroup::kSourcing;
  std::vector<std::string> out;
  for (const Cue& c : ev.cues) {
    if (LexiconGroupOf(c.category) != group) continue;
    out.push_back(Extractor::CategoryNames()[c.category] + ":" +
                  text.substr(c.begin, c.end - c.begin));
  }
  return out;
}

struct Case {
  const char* text;
  std::vector<std::string> cues;
  const char* backing;
};

void RunTable(const std::vector<Case>& cases) {
  for (const Case& c : cases) {
    SCOPED_TRACE(c.text);
    const std::string text = c.text;
    const ClaimEvidence ev =
        BuiltinLexiconExtractor().Extract(text, 0, text.size());
    EXPECT_EQ(Cues(ev, text), c.cues);
    EXPECT_STREQ(BackingName(ev.backing), c.backing);
  }
}

TEST(ExtractorTest, StyleCategories) {
  const std::vector<std::pair<const char*, std::vector<std::string>>> cases = {
      {"Many historians regard it as the largest.", {"weasel:Many"}},
      {"The method is widely used and is considered safe.",
       {"weasel:widely", "weasel:is considered"}},
      {"The renowned violinist gave a legendary concert.",
       {"peacock:renowned", "peacock:legendary"}},
      // '^': "This" counts only where the claim's words begin.
      {"This Dog Will Make Your Day", {"clickbait:This", "clickbait:Your"}},
      {"Officials said this was routine.", {}},
      {"\"These\" Are The Things You Missed",
       {"clickbait:These", "clickbait:Things", "clickbait:You"}},
      // Service and photo journalism name what they hold.
      {"The Best Photos from the Met Gala", {}},
      {"Police arrested two men after the blast",
       {"hard_news:Police", "hard_news:arrested", "hard_news:blast"}},
      // Bait and hard news are a headline's voice: a sentence that ends
      // with a full stop (closing quotes aside) has neither.
      {"Police arrested two men after the blast.", {}},
      {"So we think you should see this.", {}},
      {"He said: \"Police arrested them.\"", {}},
      {"Police arrested them (after the blast).", {}},
      {"You Won't Believe Who Police Arrested...",
       {"clickbait:You", "hard_news:Police", "hard_news:Arrested"}},
      {"Police arrested them!", {"hard_news:Police", "hard_news:arrested"}},
      // A quote's HTML reference ("&quot;", as scraped text carries it)
      // closes like the quote itself.
      {"He said: &quot;Police arrested them.&quot;", {}},
      // No headline runs past 25 tokens: a longer claim without a full stop
      // (a tweet, a list item) is prose too. 25 tokens, then 26:
      {"Police arrested two men after the blast on Main Street and the "
       "mayor said that the whole city was shocked by what they saw there",
       {"hard_news:Police", "hard_news:arrested", "hard_news:blast"}},
      {"Police arrested two men after the blast on Main Street and the "
       "mayor said that the whole city was shocked by what they saw there "
       "again",
       {}},
      // Four quoted words or more are a quotation; fewer are scare quotes.
      {"\u201cWe will not back down,\u201d the union wrote.",
       {"quotation:\u201cWe will not back down,\u201d"}},
      {"The \"plan\" was dropped.", {}},
      {"Is Putin dead?", {"clickbait:Is", "hard_news:dead", "question:?"}},
      // "Signs" and "Pick" bait only where a headline starts ("Signs
      // You're ...", "Pick A Door ..."); after a subject they are the verbs
      // of a news headline.
      {"Signs You're Dating The Wrong Person",
       {"clickbait:Signs", "clickbait:You're"}},
      {"Obama signs executive order on guns", {}},
      {"Pick A Door To Find Out", {"clickbait:Pick", "title_case:To"}},
      {"Senate confirms court pick", {"hard_news:Senate", "hard_news:court"}},
      // The explainer headline of wire services is no bait.
      {"What we know about the Las Vegas shooting", {}},
      {"What You Know About Cats Is Wrong",
       {"clickbait:What You", "clickbait:Know"}},
      {"Gunman named, police say http://t.co/x1",
       {"hard_news:named", "hard_news:police", "link:http"}},
      {"Parliament passed the budget",
       {"hard_news:Parliament", "hard_news:passed"}},
      // Title case that capitalizes even "To" and "And"; sentence case and
      // title case that keeps them small have none.
      {"Liberals Want To Keep Plastic And Paper",
       {"title_case:To", "title_case:And"}},
      {"Liberals want to keep plastic and paper", {}},
      {"Mayor Hosts Dinner on Friday With Friends", {}},
      // Words of four letters or more are capitalized in AP title case.
      {"Trump Meets With Putin, Aid From Europe Arrives Into Port", {}},
      {"Mayor Hosts Dinner For Friends", {"title_case:For"}},
      // Not first, not after a colon, a quote or a dash, not in capitals.
      {"In Short: For Now, Nothing", {}},
      {"Shops reopen \u2013 For now", {}},
      {"Fans want TO stay", {}},
      {"\u201cOf course\u201d he said", {}},
      {"Two Of The Cats", {"title_case:Of"}},
  };
  for (const auto& [text, cues] : cases) {
    SCOPED_TRACE(text);
    const std::string t = text;
    EXPECT_EQ(Cues(BuiltinLexiconExtractor().Extract(t, 0, t.size()), t, true),
              cues);
  }
}

// A cue sharing a word with a set phrase is dropped; the same words
// outside one still count.
TEST(ExtractorTest, SetPhrasesAreNotCues) {
  const std::vector<std::pair<const char*, std::vector<std::string>>> cases = {
      {"For some reason the bridge closed.", {}},
      {"Some say the bridge closed.",
       {"vague_attribution:Some say", "weasel:Some"}},
      {"The bridge closed many years later.", {}},
      {"Many residents left.", {"weasel:Many"}},
      {"He won the popular vote.", {}},
      {"He was very popular.", {"weasel:popular"}},
      {"Most of all, it rained.", {}},
      {"Most towns flooded.", {"weasel:Most"}},
      {"A few days later, some of which were lost, it may rain.",
       {"hedge:may"}},
      {"A few experts left.", {"weasel:A few"}},
      // "most" before an adverb of frequency or manner is a superlative.
      {"Stains occur most often on the face.", {}},
      {"The town most closely tied to it is Ariccia.", {}},
      // A count before "others" says how many: no vague crowd.
      {"A bomb killed one and wounded three others.", {}},
      {"Others disagree.", {"weasel:Others"}},
  };
  for (const auto& [text, cues] : cases) {
    SCOPED_TRACE(text);
    const std::string t = text;
    const ClaimEvidence ev = BuiltinLexiconExtractor().Extract(t, 0, t.size());
    std::vector<std::string> all = Cues(ev, t);
    for (const std::string& c : Cues(ev, t, true)) all.push_back(c);
    EXPECT_EQ(all, cues);
  }
}

// Weasel words and puffery stand in for evidence; counts, ranks and sizes
// that news reports, and words inside a quotation, do not.
TEST(ExtractorTest, WeaselAndPeacockInNews) {
  const std::vector<std::pair<const char*, std::vector<std::string>>> cases = {
      {"The hearing lasted almost four hours.", {}},
      {"Several women accused him of misconduct.", {}},
      {"Several historians doubt it.", {"weasel:Several"}},
      {"The filing said \"some records were lost\".",
       {"quotation:\"some records were lost\""}},
      {"Some records were lost.", {"weasel:Some"}},
      {"Some 300 people marched.", {}},
      {"The leading Democrat gave a major speech.", {}},
      {"The renowned violinist gave a legendary concert.",
       {"peacock:renowned", "peacock:legendary"}},
      {"He called it \"a legendary concert\".", {}},
  };
  for (const auto& [text, cues] : cases) {
    SCOPED_TRACE(text);
    const std::string t = text;
    const ClaimEvidence ev = BuiltinLexiconExtractor().Extract(t, 0, t.size());
    EXPECT_EQ(Cues(ev, t, true), cues);
  }
}

TEST(ExtractorTest, FeatureDirections) {
  const std::vector<int> d = BuiltinLexiconExtractor().FeatureDirections();
  const std::vector<std::string>& names =
      BuiltinLexiconExtractor().feature_names();
  ASSERT_EQ(d.size(), names.size());
  auto direction = [&](const std::string& name) {
    for (size_t i = 0; i < names.size(); ++i) {
      if (names[i] == name) return d[i];
    }
    ADD_FAILURE() << "no feature " << name;
    return 9;
  };
  EXPECT_EQ(direction("hedge"), -1);
  EXPECT_EQ(direction("official_confirmation"), 1);
  EXPECT_EQ(direction("backing_official"), 1);
  EXPECT_EQ(direction("backing_social"), -1);
  EXPECT_EQ(direction("booster"), 0);
  EXPECT_EQ(direction("hard_news"), 1);
  EXPECT_EQ(direction("clickbait"), -1);
  EXPECT_EQ(direction("link"), 1);
}

TEST(ExtractorTest, Hedges) {
  RunTable({
      {"Kim is reportedly traveling to Russia.", {"hedge:reportedly"}, "none"},
      {"Kim is rumored to be making a trip.", {"hedge:is rumored to"}, "none"},
      {"Kim is rumoured to be making a trip.",
       {"hedge:is rumoured to"},
       "none"},
      {"The details are still uncertain.", {"hedge:uncertain"}, "none"},
      {"REPORTEDLY, he left.", {"hedge:REPORTEDLY"}, "none"},
      {"Kim Reportedly Traveling To Russia", {"hedge:Reportedly"}, "none"},
      {"The vote may have been rigged.", {"hedge:may have"}, "none"},
      {"It appears to be over.", {"hedge:It appears to"}, "none"},
      {"It remains to be seen how it ends.",
       {"hedge:remains to be seen"},
       "none"},
      // A modal of possibility is a hedge, not a forecast.
      {"The vote may come on Friday.", {"hedge:may"}, "none"},
      // Not hedges: the month, a noun, ability, words that contain one.
      {"Talks collapsed on May 3.", {}, "none"},
      {"The strike began in May and ended in June.", {}, "none"},
      {"May the best team win.", {"hedge:May"}, "none"},
      {"The might of the navy was on display.", {}, "none"},
      {"Rescuers could not reach the village.", {}, "none"},
      {"Mayors met in Mayfield.", {}, "none"},
      {"The unclearly worded rule stood.", {}, "none"},
  });
}

TEST(ExtractorTest, BoostersAndDoubtMarkers) {
  RunTable({
      {"The data clearly show a decline.", {"booster:clearly"}, "none"},
      {"It was in fact a forgery.", {"booster:in fact"}, "none"},
      {"There is no doubt about the result.",
       {"booster:There is no doubt"},
       "none"},
      {"Investigators have not conclusively determined the cause.", {}, "none"},
      {"She joined a fact-finding mission in fact-finding season.", {}, "none"},
      {"The so-called peace plan stalled.", {"doubt_marker:so-called"}, "none"},
      {"The alleged mastermind was extradited.",
       {"doubt_marker:alleged"},
       "none"},
      {"The self-proclaimed prophet was arrested.",
       {"doubt_marker:self-proclaimed"},
       "none"},
      {"The train was supposed to arrive at nine.", {}, "none"},
  });
}

TEST(ExtractorTest, AnonymousAndVagueSources) {
  RunTable({
      {"A U.S. official, speaking on the condition of anonymity, said so.",
       {"anonymous_source:A U.S. official, speaking on the condition of "
        "anonymity, said"},
       "anonymous"},
      {"According to people familiar with the matter, talks stalled.",
       {"anonymous_source:According to people familiar with the matter"},
       "anonymous"},
      {"Sources said the deal was near.",
       {"anonymous_source:Sources said"},
       "anonymous"},
      {"A senior official told reporters the talks had stalled.",
       {"anonymous_source:A senior official told reporters"},
       "anonymous"},
      {"U.S. officials said the strike was planned.",
       {"anonymous_source:U.S. officials said"},
       "anonymous"},
      {"The official, who was not authorized to discuss the case, said it "
       "was closed.",
       {"anonymous_source:The official, who was not authorized to discuss "
        "the case, said"},
       "anonymous"},
      {"Critics say the law is flawed.",
       {"vague_attribution:Critics say"},
       "vague"},
      {"Many fans believe the league was lenient.",
       {"vague_attribution:Many fans believe"},
       "vague"},
      {"It is widely believed that he will resign.",
       {"vague_attribution:It is widely believed", "speculation:will resign"},
       "vague"},
      {"Research shows that exercise helps.",
       {"vague_attribution:Research shows"},
       "vague"},
      // A crowd predicting the future is speculating.
      {"Experts say prices will rise.",
       {"vague_attribution:Experts say", "speculation:will rise"},
       "vague"},
      {"Researchers at the British Antarctic Survey said ice was melting.",
       {"named_source:the British Antarctic Survey said"},
       "named"},
  });
}

TEST(ExtractorTest, OnRecordSources) {
  RunTable({
      {"National Security Council spokeswoman Adrienne Watson confirmed "
       "that talks continue.",
       {"official_confirmation:National Security Council spokeswoman "
        "Adrienne Watson confirmed"},
       "official"},
      {"The ministry announced new rules.",
       {"official_confirmation:The ministry announced"},
       "institution"},
      {"Police confirmed the arrest.",
       {"official_confirmation:Police "
        "confirmed"},
       "institution"},
      {"The visit was confirmed by the Kremlin.",
       {"official_confirmation:confirmed by the Kremlin"},
       "institution"},
      {"Russia’s Defense Minister Sergei Shoigu announced a deal.",
       {"official_confirmation:Russia’s Defense Minister Sergei Shoigu "
        "announced"},
       "official"},
      {"Mayor Ana Ruiz CONFIRMS the closure.",
       {"official_confirmation:Mayor Ana Ruiz CONFIRMS"},
       "official"},
      {"Shoigu announced joint war games.",
       {"named_source:Shoigu announced"},
       "named"},
      {"Watson said the talks would go on.",
       {"named_source:Watson said"},
       "named"},
      // The appositive gives her office: she speaks for the union.
      {"“We will not back down,” said Ana Ruiz, the union’s president.",
       {"named_source:said Ana Ruiz"},
       "official"},
      {"The war will drag on, the defense minister said.",
       {"named_source:the defense minister said"},
       "official"},
      {"The mayor, Daniel Osei, said the bridge was closed.",
       {"named_source:The mayor, Daniel Osei, said"},
       "official"},
      {"According to the ministry, 40 people died.",
       {"named_source:According to the ministry"},
       "institution"},
      {"The company said in a statement that it had fixed the flaw.",
       {"official_confirmation:The company said in a statement"},
       "institution"},
      {"Prime Minister Says Election Will Be Held in May",
       {"named_source:Prime Minister Says"},
       "official"},
      {"Ministry: No Evidence of Sabotage",
       {"named_source:Ministry:"},
       "institution"},
      {"“The evidence was there.” —Commissioner Rafael Ibarra",
       {"named_source:—Commissioner Rafael Ibarra"},
       "official"},
      {"Couple split after ten years: Reports",
       {"vague_attribution:: Reports"},
       "vague"},
      {"Reports say the minister has resigned.",
       {"vague_attribution:Reports say"},
       "vague"},
      {"Sources claim the singer is pregnant.",
       {"anonymous_source:Sources claim"},
       "anonymous"},
      {"Three More Women Accuse Actor of Misconduct, Variety Reports",
       {"media_report:Variety Reports"},
       "media"},
      {"The ministry reports that exports rose.",
       {"named_source:The ministry reports"},
       "institution"},
      // A sole office after its body or place is one person.
      {"Ferguson police chief says the officer did not know.",
       {"named_source:Ferguson police chief says"},
       "official"},
      {"A police chief said the roads were closed.",
       {"anonymous_source:A police chief said"},
       "anonymous"},
      {"White House official says talks resumed.",
       {"anonymous_source:White House official says"},
       "anonymous"},
      // A label that files the story is no speaker.
      {"BREAKING NEWS: Police say two were hurt",
       {"unverified_social:BREAKING NEWS", "named_source:Police say"},
       "institution"},
      {"Singer splits from her husband – report",
       {"vague_attribution:– report"},
       "vague"},
      // Not attributions: a publisher or a place after a headline's dash
      // (a name or an outlet speaks there only after a quotation).
      {"Studio Hired Investigators to Spy on Critics – Variety", {}, "none"},
      {"Candidate running in Hamilton East—Stoney Creek", {}, "none"},
      {"“We never left,” — Reuters", {"media_report:— Reuters"}, "media"},
      // Not attributions: a name that is a word, a noun "report".
      {"The lecture on Edward Said drew a crowd.", {}, "none"},
      {"He filed a police report on Monday.", {}, "none"},
      // "despite reports", "amid split reports"; names take "reports", so
      // after one "Report" is a noun, and a title-case "... Reports" that
      // ends a run of names from the start is one too; headline passives;
      // "claimed" of things.
      {"Singer Dating Report", {}, "none"},
      {"Singer Pays Ex's Bills Reports", {}, "none"},
      {"Former VJ Jesse Camp reported missing", {}, "none"},
      {"The police reports were filed late.", {}, "none"},
      {"Militants claimed responsibility for the attack.", {}, "none"},
      {"One soldier confirmed shot near the memorial", {}, "none"},
      {"You'd think it would have been news.", {}, "none"},
      // A claim on record is a statement; a belief is not.
      {"The ministry claims the strike failed.",
       {"named_source:The ministry claims"},
       "institution"},
      {"Police believe three gunmen were involved.", {}, "none"},
      {"The minister thinks the deal is dead.", {}, "none"},
      {"Sources believe the plan failed.",
       {"anonymous_source:Sources believe"},
       "anonymous"},
      {"Singer Did Not Quit the Show, Despite Report", {}, "none"},
      {"Actor Seen Out Amid Split Reports", {}, "none"},
      // A place after a preposition is where the speaker is, not who; a
      // crowd at a body speaks for it.
      {"Very reliable source on Parliament Hill tells me he was killed.",
       {"anonymous_source:source on Parliament Hill tells"},
       "anonymous"},
      {"Officials in Ottawa said the gunman was dead.",
       {"anonymous_source:Officials in Ottawa said"},
       "anonymous"},
      {"The envoy in Washington said the deal was done.",
       {"named_source:The envoy in Washington said"},
       "official"},
      {"Researchers at the British Antarctic Survey said ice was melting.",
       {"named_source:the British Antarctic Survey said"},
       "named"},
      // A short capitalized word before a period ends a sentence; only
      // abbreviations ("Dr.", "St.", "U.S.") continue a name.
      {"Shots fired at Parliament Hill. Gunfire reported within the hall.",
       {"vague_attribution:Gunfire reported"},
       "vague"},
      {"St. Paul Police Department said no one was hurt.",
       {"named_source:St. Paul Police Department said"},
       "institution"},
      // Reported by no one: "<noun> reported <at|in|after>".
      {"Shots reported at Rideau Centre mall",
       {"vague_attribution:Shots reported"},
       "vague"},
      {"2nd shooting reported in Ferguson overnight",
       {"vague_attribution:shooting reported"},
       "vague"},
      {"Reuters reported on Monday that talks failed.",
       {"media_report:Reuters reported"},
       "media"},
      {"Police reported at the scene that two were hurt.",
       {"named_source:Police reported"},
       "institution"},
      {"He was reported in good health.", {}, "none"},
      {"The paper has reported in the past that he lied.",
       {"media_report:The paper has reported"},
       "media"},
      // A colon after a name that only holds a body files a topic.
      {"CANADA PARLIAMENT SHOOTING: - Active shooter", {}, "none"},
      {"Parliament Shooting: gunman dead", {}, "none"},
      {"Ministry of Health: cases rise",
       {"named_source:Ministry of Health:"},
       "institution"},
      {"FBI Director Comey: No charges",
       {"named_source:FBI Director Comey:"},
       "official"},
  });
}

// Verbs and frames of saying: a participle after a clause speaks for its
// subject; a formal statement, or one to a parliament or a news
// conference, confirms on record when an official or body makes it.
TEST(ExtractorTest, VerbsAndFramesOfSaying) {
  RunTable({
      {"Ana Ruiz defended the plan, saying it was legal.",
       {"named_source:saying"},
       "named"},
      {"The minister praised the deal, telling reporters it was fair.",
       {"named_source:telling reporters"},
       "official"},
      {"Ana Ruiz said the plan was legal, adding that it would pass.",
       {"named_source:Ana Ruiz said", "named_source:adding"},
       "named"},
      {"The ministry defended the ban, also noting that it was legal.",
       {"named_source:noting"},
       "institution"},
      {"Ana Ruiz described the plan as reckless.",
       {"named_source:Ana Ruiz described"},
       "named"},
      {"Ana Ruiz testified that she saw the car.",
       {"named_source:Ana Ruiz testified"},
       "named"},
      {"Ana Ruiz accused the mayor of lying.",
       {"named_source:Ana Ruiz accused"},
       "named"},
      {"Mayor Ana Ruiz warned that the bridge was unsafe.",
       {"named_source:Mayor Ana Ruiz warned"},
       "official"},
      {"The ministry said in a statement that prices rose.",
       {"official_confirmation:The ministry said in a statement"},
       "institution"},
      {"Ana Ruiz said in a statement that prices rose.",
       {"named_source:Ana Ruiz said in a statement"},
       "named"},
      {"The minister told parliament that prices rose.",
       {"official_confirmation:The minister told parliament"},
       "official"},
      {"Police spokesman Tom Hale told a news conference the road was shut.",
       {"official_confirmation:Police spokesman Tom Hale told a news "
        "conference"},
       "official"},
      // "in a statement" after the verb: the verb's cue grows over it for
      // an official or body; the frame names no speaker of its own.
      {"The ministry said Monday in a statement that prices rose.",
       {"official_confirmation:The ministry said Monday in a statement"},
       "institution"},
      {"The ministry told reporters in a statement that prices rose.",
       {"official_confirmation:The ministry told reporters in a statement"},
       "institution"},
      {"Ana Ruiz said Monday in a statement that prices rose.",
       {"named_source:Ana Ruiz said"},
       "named"},
      {"In a statement to reporters, prices rose.", {}, "none"},
      // "... but said": the same speaker again.
      {"The insurer confirmed a breach but said it was still assessing it.",
       {"official_confirmation:The insurer confirmed", "named_source:said"},
       "institution"},
      // Headlines: a speaker's colon, a trailing "X says".
      {"Police: 2 dead in shooting", {"named_source:Police:"}, "institution"},
      {"Troops will stay in Syria, John Bolton says",
       {"named_source:John Bolton says"},
       "named"},
      // Near misses: no clause before the participle, a participle inside
      // the subject, "adding to", a noun, "described" without "as".
      {"Writing in the Times, Ana Ruiz said the plan was legal.",
       {"named_source:Ana Ruiz said"},
       "named"},
      {"The ministry, noting the risks, said the plan was legal.",
       {"named_source:The ministry, noting the risks, said"},
       "institution"},
      {"Oil prices fell, adding to losses.", {}, "none"},
      {"It rained all day, adding that nothing.", {}, "none"},
      {"The ministry issued a warning that roads would close.", {}, "none"},
      {"Storm warning: roads closed", {}, "none"},
      {"The man described in the report fled.", {}, "none"},
      {"The accused man fled.", {}, "none"},
      {"He is saying goodbye to the team.", {}, "none"},
      // An accusation is a statement on record only: "women accuse" is
      // the news, not its source.
      {"Three Women Accuse Actor of Misconduct", {}, "none"},
      {"Ana Ruiz accused of fraud in land deal", {}, "none"},
  });
}

// On-record speakers found and classed by the guide (docs/annotation.md):
// verbs of saying with a stance, claims made on record, a body's documents
// and reports, plural titles, an emphatic reflexive.
TEST(ExtractorTest, OnRecordSpeakersFoundAndClassed) {
  RunTable({
      {"Mayor Ana Ruiz vowed to reopen the bridge.",
       {"named_source:Mayor Ana Ruiz vowed"},
       "official"},
      {"The minister cautioned that prices would rise.",
       {"named_source:The minister cautioned"},
       "official"},
      {"The ministry condemned the attack.",
       {"named_source:The ministry condemned"},
       "institution"},
      {"Ana Ruiz slammed the plan as reckless.",
       {"named_source:Ana Ruiz slammed"},
       "named"},
      {"Tom Lee blasted the ruling.",
       {"named_source:Tom Lee blasted"},
       "named"},
      {"Ana Ruiz made it clear that she would run.",
       {"named_source:Ana Ruiz made it clear"},
       "named"},
      {"Ana Ruiz claimed the vote was rigged.",
       {"named_source:Ana Ruiz claimed"},
       "named"},
      {"The filing claims the church hid the abuse.",
       {"named_source:The filing claims"},
       "institution"},
      {"The lawsuit says the firm lied.",
       {"named_source:The lawsuit says"},
       "institution"},
      {"Lee's letter said the officer was fired.",
       {"named_source:Lee's letter said"},
       "named"},
      {"According to a report by the Chamber of Commerce, trade fell.",
       {"named_source:According to a report by the Chamber of Commerce"},
       "institution"},
      {"Reps. Ana Ruiz and Tom Lee said in a statement that the bill would "
       "pass.",
       {"official_confirmation:Reps. Ana Ruiz and Tom Lee said in a "
        "statement"},
       "official"},
      {"The mayor himself responded to the critics.",
       {"named_source:The mayor himself responded"},
       "official"},
      // Near misses: a noun "claim", a storm, vows, a condemned building,
      // a report by an outlet, a letter as an object, a post that claims.
      {"The government's claim appears weak.", {}, "none"},
      {"The storm blasted the coast.", {}, "none"},
      {"Her wedding vows were renewed.", {}, "none"},
      {"The condemned building fell.", {}, "none"},
      {"According to a report by Reuters, trade fell.",
       {"media_report:According to a report by"},
       "media"},
      {"Ana Ruiz wrote a letter to the mayor.",
       {"named_source:Ana Ruiz wrote"},
       "named"},
      {"Militants claimed responsibility for the attack.", {}, "none"},
      {"Posts on Facebook falsely claimed the dam broke.",
       {"unverified_social:Posts on Facebook"},
       "social"},
      {"Officials promised new roads.", {}, "none"},
      {"Rebels threatened the capital.", {}, "none"},
  });
}

// Experts, lawyers and doctors speak for themselves: named when the reader
// knows who they are, an unnamed source when not. A person of a body
// speaks for it; an academic of a university for themselves.
TEST(ExtractorTest, ProfessionsAndMembersOfBodies) {
  RunTable({
      {"The professor said the data were wrong.",
       {"named_source:The professor said"},
       "named"},
      {"His attorney said the interview was not complete.",
       {"named_source:His attorney said"},
       "named"},
      {"Ruiz's lawyers said the deal was legal.",
       {"named_source:Ruiz's lawyers said"},
       "named"},
      {"University professor Ana Ruiz said the data were wrong.",
       {"named_source:University professor Ana Ruiz said"},
       "named"},
      {"Lawyer Ana Ruiz said the case was weak.",
       {"named_source:Lawyer Ana Ruiz said"},
       "named"},
      {"Sgt. Ali Hassan of the city police said the road was shut.",
       {"named_source:Sgt. Ali Hassan of the city police said"},
       "official"},
      {"Tom Lee, of the Harbour Workers Union, said the strike would go on.",
       {"named_source:Tom Lee, of the Harbour Workers Union, said"},
       "official"},
      {"Ana Ruiz of the University of Leeds said the ice was thin.",
       {"named_source:Ana Ruiz of the University of Leeds said"},
       "named"},
      {"Ana Ruiz, of the University of Leeds, said the ice was thin.",
       {"named_source:Ana Ruiz, of the University of Leeds, said"},
       "named"},
      // Near misses: an unnamed lawyer, a crowd of them, bodies named with
      // "of".
      {"A lawyer said the case was weak.",
       {"anonymous_source:A lawyer said"},
       "anonymous"},
      {"Some lawyers said the case was weak.",
       {"vague_attribution:Some lawyers said"},
       "vague"},
      {"The Bank of America said profits rose.",
       {"named_source:The Bank of America said"},
       "institution"},
      {"The Ministry of Defense said troops left.",
       {"named_source:The Ministry of Defense said"},
       "institution"},
  });
}

// The subject of a speech verb past what sets it apart: a hyphenated name,
// a clause set off by dashes, a long relative clause; "the top" holder of
// a title is one person.
TEST(ExtractorTest, SubjectsPastNamesAndClauses) {
  RunTable({
      {"Moon Sang-gyun said talks failed.",
       {"named_source:Moon Sang-gyun said"},
       "named"},
      {"Moon Sang-gyun, a spokesman for the ministry, said talks failed.",
       {"named_source:Moon Sang-gyun, a spokesman for the ministry, said"},
       "official"},
      {"Tom Lee \u2013 who has lied about the crowds \u2013 said a million "
       "came.",
       {"named_source:Tom Lee \u2013 who has lied about the crowds \u2013 "
        "said"},
       "named"},
      {"Tom Lee, who traveled to Lisbon to reassure the ally of the "
       "withdrawal and to meet the prime minister, said talks failed.",
       {"named_source:Tom Lee, who traveled to Lisbon to reassure the ally "
        "of the withdrawal and to meet the prime minister, said"},
       "named"},
      {"\"It is over,\" the top health official added.",
       {"named_source:the top health official added"},
       "official"},
      // Near misses: a compound that is no name, dashes around no subject, an
      // unnamed official.
      {"The Trump-era rule said nothing.", {}, "none"},
      {"Prices rose \u2013 and fast \u2013 said a million people.",
       {"anonymous_source:said a million people"},
       "anonymous"},
      {"\"It is over,\" the health official added.",
       {"anonymous_source:the health official added"},
       "anonymous"},
  });
}

// A statement frame before its speaker confirms on record; "called" with a
// quoted label says something; "... and said" speaks for the clause's
// subject; a record speaks with its owner's voice.
TEST(ExtractorTest, FramesLabelsAndRecords) {
  RunTable({
      {"In a statement, the ministry said prices rose.",
       {"official_confirmation:In a statement, the ministry said"},
       "institution"},
      {"In a separate statement to reporters, North Korea said the plan "
       "failed.",
       {"official_confirmation:In a separate statement to reporters, "
        "North Korea said"},
       "institution"},
      {"Ana Ruiz called the plan \"reckless.\"",
       {"named_source:Ana Ruiz called"},
       "named"},
      {"He was fired for what the police chief called \"extreme\" "
       "violations.",
       {"named_source:the police chief called"},
       "official"},
      {"The ministry condemned the sanctions and reiterated that it would "
       "not talk.",
       {"named_source:The ministry condemned", "named_source:reiterated"},
       "institution"},
      {"Ana Ruiz questioned the plan and has said reform is better.",
       {"named_source:said"},
       "named"},
      {"Cases rose, according to data compiled by Johns Hopkins University.",
       {"named_source:according to data compiled by Johns Hopkins "
        "University"},
       "institution"},
      {"According to documents obtained by the Times, the firm lied.",
       {"media_report:According to documents obtained by the Times"},
       "media"},
      // Near misses: a statement frame before a private person, a place
      // frame, a name in quotes, "called for", "what they call", a storm
      // that "said" nothing, data with no owner.
      {"In a statement, Ana Ruiz said prices rose.",
       {"named_source:Ana Ruiz said"},
       "named"},
      {"In the city, the ministry said prices rose.",
       {"named_source:the ministry said"},
       "institution"},
      {"The group called \"Patriots\" met.", {}, "none"},
      {"Ana Ruiz called for calm.", {}, "none"},
      {"Ana Ruiz called the police.", {}, "none"},
      {"They fled what they call a \"siege.\"", {}, "none"},
      {"The storm hit the town and said nothing.", {}, "none"},
      {"According to the data, cases rose.", {}, "none"},
  });
}

TEST(ExtractorTest, NegatedAndPlannedConfirmations) {
  RunTable({
      {"The White House did not confirm the meeting.",
       {"denial:did not confirm"},
       "institution"},
      {"The White House didn’t confirm the meeting.",
       {"denial:didn’t confirm"},
       "institution"},
      {"The ministry neither confirmed nor denied it.",
       {"denial:neither confirmed", "denial:denied"},
       "institution"},
      {"The spokesman declined to confirm the talks.",
       {"denial:declined to confirm"},
       "official"},
      {"The ministry has yet to confirm the figure.",
       {"denial:has yet to confirm"},
       "institution"},
      {"Officials are expected to announce the plan.",
       {"speculation:are expected to"},
       "none"},
      {"The ministry will announce the result.", {}, "none"},
      {"It was acknowledged that talks were advancing.", {}, "none"},
      {"An official confirmed the talks.",
       {"anonymous_source:An official confirmed"},
       "anonymous"},
      {"He has never disclosed his tax returns.", {}, "none"},
      // Rulings are not denials.
      {"The court denied bail.", {}, "none"},
      {"He was denied bail.", {}, "none"},
      {"The Kremlin rejected the claims.",
       {"denial:rejected the claims"},
       "institution"},
  });
}

TEST(ExtractorTest, MediaAndSocial) {
  RunTable({
      {"The New York Times initially reported on the meeting.",
       {"media_report:The New York Times initially reported"},
       "media"},
      {"Variety reported that the sale closed.",
       {"media_report:Variety reported"},
       "media"},
      {"According to a report by the BBC, the ship was boarded.",
       {"media_report:According to a report by"},
       "media"},
      // A report that names no outlet is as vague as "reportedly"; one
      // that names its outlet ("a Reuters report", "in People") is media.
      {"Reports say the couple has split",
       {"vague_attribution:Reports say"},
       "vague"},
      {"Report: Aniston and Theroux split",
       {"vague_attribution:Report:"},
       "vague"},
      {"Brad Pitt is dating again, new report says",
       {"vague_attribution:report says"},
       "vague"},
      {"They divorced, according to reports.",
       {"vague_attribution:according to reports"},
       "vague"},
      {"According to a Reuters report, the talks failed.",
       {"media_report:According to a Reuters report"},
       "media"},
      {"They split, according to a report in People magazine.",
       {"media_report:according to a report in"},
       "media"},
      // A body's report is the body's, no outlet's.
      {"A report from the United Nations said 3 million fled.",
       {"named_source:the United Nations said"},
       "institution"},
      {"BREAKING:", {"unverified_social:BREAKING"}, "social"},
      {"Breaking the law is a crime.", {}, "none"},
      // An embedded tweet signed by an account that names no one on record
      // is an unverified post.
      {"— Megatron (@Megatron_ron) September 4, 2023",
       {"unverified_social:— Megatron (@Megatron_ron)"},
       "social"},
      {"Write to tips@example.com with news.", {}, "none"},
      {"The clip went viral on TikTok.",
       {"unverified_social:went viral"},
       "social"},
      // What a reporter could not verify is unconfirmed, not social.
      {"The video could not be independently verified.",
       {"denial:could not be independently verified"},
       "none"},
      // A shortened link is a link (the style table has it), not social.
      {"Gunman named, police say http://t.co/x1",
       {"named_source:police say"},
       "institution"},
      // A hashtag files a post under a topic: no source, no doubt.
      {"Fans rallied under #SaveTheShow.", {}, "none"},
      {"Reuters: talks resume #Geneva", {"media_report:Reuters:"}, "media"},
      // A post's picture link marks a post whose author is not given;
      // with the signature in the claim, the author is on record.
      {"We see an alliance… pic.twitter.com/ItCHpyAQiY",
       {"unverified_social:pic.twitter.com"},
       "social"},
      {"We see an alliance… pic.twitter.com/ItCHpyAQiY — Megatron "
       "(@Megatron_ron) September 4, 2023",
       {"unverified_social:— Megatron (@Megatron_ron)"},
       "social"},
  });
}

// Social media as a topic or a channel names who speaks; unverified_social
// is for posts whose author is unknown, and for virality.
TEST(ExtractorTest, SocialMediaAsTopicIsNoSource) {
  RunTable({
      {"The president's tweet drew sharp criticism.", {}, "none"},
      {"In a post he later deleted, he called it a hoax.", {}, "none"},
      {"The mayor said on Twitter that roads were shut.",
       {"named_source:The mayor said on Twitter"},
       "official"},
      // A product recall is no speech.
      {"The carmaker recalled 150,000 vehicles.", {}, "none"},
      // A post by a speaker on record is that speaker's statement.
      {"The senator posted on Facebook that she would run.",
       {"named_source:The senator posted on Facebook"},
       "official"},
      {"Lena Ortiz is a near-constant presence on Twitter.", {}, "none"},
      {"Share Tweet Post Email", {}, "none"},
      {"Posts on Facebook falsely claimed the dam broke.",
       {"unverified_social:Posts on Facebook"},
       "social"},
      {"A viral post on Facebook claims the dam broke.",
       {"unverified_social:viral post"},
       "social"},
      {"According to posts circulating on social media, the dam broke.",
       {"unverified_social:posts circulating on social media"},
       "social"},
      {"Users on Facebook are sharing claims that the dam broke.",
       {"unverified_social:Users on Facebook"},
       "social"},
      {"According to an unverified tweet, the dam broke.",
       {"unverified_social:unverified tweet"},
       "social"},
      {"A video viewed millions of times claims the dam broke.",
       {"unverified_social:viewed millions of times"},
       "social"},
  });
}

// "he said" after a claim that only mentions a post is a person on record:
// the topic left no social backing to carry.
TEST(ExtractorTest, PronounAfterAPostTopicIsNotSocial) {
  const std::string first = "She shared her story on Twitter.";
  const ClaimEvidence a =
      BuiltinLexiconExtractor().Extract(first, 0, first.size());
  EXPECT_EQ(a.backing, Backing::kNone);
  const std::string next = "He said the plan worked.";
  const ClaimEvidence b =
      BuiltinLexiconExtractor().Extract(next, 0, next.size(), a.backing);
  EXPECT_EQ(Cues(b, next), std::vector<std::string>{"named_source:He said"});
  EXPECT_EQ(b.backing, Backing::kNamed);
}

// No reply and no verification are non-confirmation (denial); rulings,
// quarrels and a state of mind are other senses of deny and dispute.
TEST(ExtractorTest, NonConfirmationAndOtherSensesOfDenial) {
  RunTable({
      {"The company did not immediately respond to requests for comment.",
       {"denial:did not immediately respond"},
       "none"},
      {"The union did not reply to a request for comment.",
       {"denial:did not reply to"},
       "none"},
      {"The firm did not return calls seeking comment.",
       {"denial:did not return calls"},
       "none"},
      {"Reuters could not independently verify the claims.",
       {"denial:could not independently verify"},
       "none"},
      {"The agency was unable to verify the footage.",
       {"denial:was unable to verify"},
       "none"},
      {"A spokesman declined to say when talks would resume.",
       {"denial:declined to say"},
       "none"},
      {"Mr. Okafor did not elaborate.", {"denial:did not elaborate"}, "none"},
      {"The mayor's office referred questions to the police.",
       {"denial:referred questions to"},
       "none"},
      {"The ministry denied the report.", {"denial:denied"}, "institution"},
      {"Officials dismissed it as false.",
       {"anonymous_source:Officials", "denial:dismissed it as", "denial:false"},
       "anonymous"},
      {"The claim is false.", {"denial:false"}, "none"},
      {"This is fake news.", {"denial:fake news"}, "none"},
      // Rulings, quarrels, descriptions.
      {"A judge denied the motion on Tuesday.", {}, "none"},
      {"Asylum requests denied last year rose.", {}, "none"},
      {"Troops patrol the disputed areas.", {}, "none"},
      {"Talks fell apart over disputes about tariffs.", {}, "none"},
      {"He lived in a state of denial.", {}, "none"},
      {"He made many false or misleading claims.", {}, "none"},
      {"The libel laws should hold Fake News Media accountable.", {}, "none"},
  });
}

// A modal of possibility is a hedge; speculation is an explicit forecast.
TEST(ExtractorTest, ModalsAreHedgesForecastsAreSpeculation) {
  RunTable({
      {"Failure could result in a shutdown.", {"hedge:could"}, "none"},
      {"It might take some time.", {"hedge:might"}, "none"},
      {"The boat sailed on 20 May to the coast.", {}, "none"},
      {"The plane is due to land at noon.", {"speculation:is due to"}, "none"},
      {"The rise is due to more testing.", {}, "none"},
      {"Crowds are expected in Tulsa.", {"speculation:are expected"}, "none"},
      {"That response is expected.", {}, "none"},
      // A programme's name in capitals: no forecast (its capitals are the
      // capitals rule's).
      {"PREDICT was set up in 2009.", {"sensational:PREDICT"}, "none"},
      {"Prices are likely to rise.", {"speculation:are likely to"}, "none"},
      {"There is speculation that the deal collapsed.",
       {"vague_attribution:There is speculation that"},
       "vague"},
      {"It is widely believed that the deal collapsed.",
       {"vague_attribution:It is widely believed"},
       "vague"},
  });
}

// A dateline's place and an organisation's acronym are no raised voice.
TEST(ExtractorTest, DatelinesAndAcronymsAreNotShouting) {
  RunTable({
      {"WASHINGTON (Reuters) - The talks ended.", {}, "none"},
      {"NEW YORK (AP) \u2014 The talks ended.", {}, "none"},
      {"GARDENA, Calif.--The talks ended.", {}, "none"},
      {"NIAID and the CDC issued guidance.", {}, "none"},
      // Capitals with no dash after them shout.
      {"WATCH THIS, it is OUTRAGEOUS",
       {"sensational:WATCH", "sensational:THIS", "sensational:OUTRAGEOUS"},
       "none"},
  });
}

TEST(ExtractorTest, SensationalAndSpeculation) {
  RunTable({
      {"17 Reasons Why Your Rent Is Rising",
       {"sensational:17 Reasons"},
       "none"},
      {"The 7 Most Dangerous Foods in Your Fridge",
       {"sensational:7 Most Dangerous Foods"},
       "none"},
      {"Final: Five Things We Learned", {"sensational:Five Things"}, "none"},
      {"Some 200 people attended the vigil.", {}, "none"},
      {"You Won't Believe What Happened Next",
       {"sensational:You Won't Believe", "sensational:What Happened Next"},
       "none"},
      {"This is OUTRAGEOUS and nobody cares!",
       {"sensational:OUTRAGEOUS", "sensational:!"},
       "none"},
      {"NATO and NASA met the FBI.", {}, "none"},
      // Capitals that name a programme are not shouting.
      {"Trump administration moves to end DACA", {}, "none"},
      // An audience "shocked" by someone is the tabloid's verb; price
      // shocks are economics.
      {"Pope Francis Shocks World, Endorses Trump",
       {"sensational:Shocks World"},
       "none"},
      {"Oil price shocks hit Asian markets", {}, "none"},
      // A feeling told as fact is the tabloid's mind-reading.
      {"Star Furious Over Ex's New Romance", {"sensational:Furious"}, "none"},
      {"Senator desperately wants a deal", {"sensational:desperately"}, "none"},
      {"Yahoo! said it fixed the flaw.", {}, "none"},
      {"Crowds chanted \"We want justice!\" outside.", {}, "none"},
      {"Prices are expected to rise in the coming months.",
       {"speculation:are expected to", "speculation:in the coming months"},
       "none"},
      {"Most likely, the deal will close soon.",
       {"speculation:Most likely"},
       "none"},
      {"Young adults are more likely than others to agree.", {}, "none"},
  });
}

TEST(ExtractorTest, PronounsCarryTheBackingOver) {
  const std::string text = "She added that the talks would resume.";
  ClaimEvidence ev = BuiltinLexiconExtractor().Extract(text, 0, text.size(),
                                                       Backing::kOfficial);
  EXPECT_EQ(Cues(ev, text), std::vector<std::string>{"named_source:She added"});
  EXPECT_EQ(ev.backing, Backing::kOfficial);
  EXPECT_TRUE(ev.backing_carried);
  ev = BuiltinLexiconExtractor().Extract(text, 0, text.size(),
                                         Backing::kAnonymous);
  EXPECT_EQ(Cues(ev, text),
            std::vector<std::string>{"anonymous_source:She added"});
  EXPECT_EQ(ev.backing, Backing::kAnonymous);
  ev = BuiltinLexiconExtractor().Extract(text, 0, text.size(), Backing::kNone);
  EXPECT_EQ(ev.backing, Backing::kNamed);
  EXPECT_FALSE(ev.backing_carried);
}

// Long names hold lower-case words: the cue spans the whole name.
TEST(ExtractorTest, LongNamesWithConnectors) {
  RunTable({
      {"The Project on Government Oversight said the rule was weak.",
       {"named_source:The Project on Government Oversight said"},
       "institution"},
      {"The Office of Management and Budget announced the cuts.",
       {"official_confirmation:The Office of Management and Budget "
        "announced"},
       "institution"},
      {"The Department of Health and Human Services said the rule was "
       "weak.",
       {"named_source:The Department of Health and Human Services said"},
       "institution"},
      // Near miss: "and" after a lower-case word joins nothing.
      {"Prices rose and Ministry officials said the rule was weak.",
       {"anonymous_source:Ministry officials said"},
       "anonymous"},
  });
}

// Someone near a person is not that person: "a source close to the
// governor" is an unnamed source, not the governor on record.
TEST(ExtractorTest, PeopleCloseToSomeoneAreAnonymous) {
  RunTable({
      {"A source close to the governor told reporters the plan was dead.",
       {"anonymous_source:A source close to the governor told reporters"},
       "anonymous"},
      {"A source close to the governor said the plan was dead.",
       {"anonymous_source:A source close to the governor said"},
       "anonymous"},
      {"An aide to the minister said the plan was dead.",
       {"anonymous_source:An aide to the minister said"},
       "anonymous"},
      {"People around the president said the plan was dead.",
       {"anonymous_source:People around the president said"},
       "anonymous"},
      // Near misses: "to" after a thing, not a person near someone; a
      // letter's addressee is no speaker at all.
      {"A letter to the governor said the plan was dead.", {}, "none"},
      {"Close to the border, the governor said the plan was dead.",
       {"named_source:the governor said"},
       "official"},
      {"The governor said the plan was dead.",
       {"named_source:The governor said"},
       "official"},
  });
}

// A title that names no one: a generic rank ("the official") is an
// unnamed source, a unique office ("the police chief") is on record, and a
// grant of anonymity anywhere in the claim makes the speaker anonymous.
TEST(ExtractorTest, UnnamedTitles) {
  RunTable({
      {"The official said the plan was dead.",
       {"anonymous_source:The official said"},
       "anonymous"},
      {"The former official said the plan was dead.",
       {"anonymous_source:The former official said"},
       "anonymous"},
      {"The diplomat told reporters the plan was dead.",
       {"anonymous_source:The diplomat told reporters"},
       "anonymous"},
      {"The official said, speaking on condition of anonymity, that the "
       "plan was dead.",
       {"anonymous_source:The official said",
        "anonymous_source:on condition of anonymity"},
       "anonymous"},
      {"The police chief said the plan was dead.",
       {"named_source:The police chief said"},
       "official"},
      {"The prime minister said the plan was dead.",
       {"named_source:The prime minister said"},
       "official"},
      {"The MP said the plan was dead.",
       {"named_source:The MP said"},
       "official"},
      {"An adviser said the plan was dead.",
       {"anonymous_source:An adviser said"},
       "anonymous"},
      {"The adviser said the plan was dead.",
       {"anonymous_source:The adviser said"},
       "anonymous"},
      // A named official stays on record.
      {"Police Chief Anna Berg said the plan was dead.",
       {"named_source:Police Chief Anna Berg said"},
       "official"},
  });
}

// Parties and loose groups speak as crowds, beliefs included; a named body
// is an institution.
TEST(ExtractorTest, GroupsAsSpeakersAreVague) {
  RunTable({
      {"Democrats have noted that the agency is short of staff.",
       {"vague_attribution:Democrats have noted"},
       "vague"},
      {"Some Republicans fear that the vote is lost.",
       {"vague_attribution:Some Republicans fear"},
       "vague"},
      {"Residents said the road was closed.",
       {"vague_attribution:Residents said"},
       "vague"},
      {"Human rights organizations say the fence is a no-go zone.",
       {"vague_attribution:Human rights organizations say"},
       "vague"},
      {"Some see the move as a sign of weakness.",
       {"vague_attribution:Some see"},
       "vague"},
      // A single resident is an unnamed person; a named body is on record.
      {"A resident said the road was closed.",
       {"anonymous_source:A resident said"},
       "anonymous"},
      {"The Democratic National Committee said the vote was fair.",
       {"named_source:The Democratic National Committee said"},
       "institution"},
      // Members of a party on a body speak for it.
      {"Democrats on the Judiciary Committee said the vote was unfair.",
       {"named_source:the Judiciary Committee said"},
       "institution"},
      // A crowd named by what it stands against; a body with "of" in its
      // name is none.
      {"Critics of the mayor's housing policy say rents will rise.",
       {"vague_attribution:Critics of the mayor's housing policy say",
        "speculation:will rise"},
       "vague"},
      {"The Ministry of Defense said the drill was over.",
       {"named_source:The Ministry of Defense said"},
       "institution"},
      // An unnamed speaker of a denial is a source of its kind.
      {"Military officials have strongly denied the claim.",
       {"anonymous_source:Military officials", "denial:strongly denied"},
       "anonymous"},
      // "Some" before a title: unnamed insiders, not a crowd.
      {"Some administration officials have said the plan failed.",
       {"anonymous_source:Some administration officials have said"},
       "anonymous"},
      {"But speaking privately, officials said the plan failed.",
       {"anonymous_source:speaking privately",
        "anonymous_source:officials said"},
       "anonymous"},
  });
}

// Reports and judgements that no one stands behind.
TEST(ExtractorTest, AgentlessReportsAndJudgementsAreVague) {
  RunTable({
      {"The governor is considered a leading candidate.",
       {"vague_attribution:is considered a"},
       "vague"},
      {"The country has been accused of staging the crisis.",
       {"vague_attribution:has been accused"},
       "vague"},
      {"The tower has been dubbed the needle.",
       {"vague_attribution:has been dubbed"},
       "vague"},
      {"The agency came under fire for its slow response.",
       {"vague_attribution:under fire for"},
       "vague"},
      {"It was reported that the mine had closed.",
       {"vague_attribution:It was reported that"},
       "vague"},
      {"After it was announced last week, shares fell.",
       {"vague_attribution:it was announced"},
       "vague"},
      // The agent named after "by" is the source.
      {"He has been accused by prosecutors of fraud.", {}, "none"},
      // Ordinary passives of fact and literal fire are no cue.
      {"The bill was considered by the committee on Monday.", {}, "none"},
      {"The convoy came under fire near the border.", {}, "none"},
      {"He was accused in a lawsuit filed on Monday.", {}, "none"},
  });
}

// Second-hand quotation through an outlet, and the outlet's own earlier
// reporting.
TEST(ExtractorTest, QuotedThroughAnOutlet) {
  RunTable({
      {"The minister was quoted as saying by AFP that talks failed.",
       {"media_report:quoted as saying by"},
       "media"},
      {"As we have previously reported, the office was closed.",
       {"media_report:As we have previously reported"},
       "media"},
      {"The plan was first revealed by Politico in May.",
       {"media_report:first revealed by"},
       "media"},
      {"The Times quoted the senator as saying the bill was dead.",
       {"media_report:The Times quoted"},
       "media"},
      // "X told OUTLET": X backs it, the outlet takes no cue.
      {"Anna Berg told Reuters the talks failed.",
       {"named_source:Anna Berg told"},
       "named"},
  });
}

// Wordings of anonymity in wire copy: briefed on, with knowledge of, not
// cleared to talk, declining to be named.
TEST(ExtractorTest, AnonymityWordings) {
  RunTable({
      {"Another source briefed on the talks told the Times the plan was "
       "dead.",
       {"anonymous_source:source briefed on"},
       "anonymous"},
      {"People with knowledge of the plans said the plan was dead.",
       {"anonymous_source:People with knowledge of"},
       "anonymous"},
      {"The officer, who was not cleared to talk to reporters, said the "
       "plan was dead.",
       {"anonymous_source:The officer, who was not cleared to talk to "
        "reporters, said"},
       "anonymous"},
      {"A diplomat, declining to be named, said the plan was dead.",
       {"anonymous_source:A diplomat, declining to be named, said"},
       "anonymous"},
      {"A lawyer with direct knowledge of the case said it was closed.",
       {"anonymous_source:with direct knowledge of"},
       "anonymous"},
      // Near miss: knowledge of a subject, no one speaking.
      {"She has a deep knowledge of the law.", {}, "none"},
  });
}

// An unnamed spokesperson speaks for the body; so do the authorities.
TEST(ExtractorTest, UnnamedSpokespeopleSpeakForTheBody) {
  RunTable({
      {"A police spokesman said the road was closed.",
       {"named_source:A police spokesman said"},
       "institution"},
      {"A hospital spokeswoman said two patients died.",
       {"named_source:A hospital spokeswoman said"},
       "institution"},
      {"Authorities said the road was closed.",
       {"named_source:Authorities said"},
       "institution"},
      {"Police spokesman Tom Lee said the road was closed.",
       {"named_source:Police spokesman Tom Lee said"},
       "official"},
      {"A government spokesman who declined to be named said the road was "
       "closed.",
       {"anonymous_source:who declined to be named"},
       "anonymous"},
  });
}

// The article's memory of names: a person introduced with a title keeps
// that kind when later named by surname alone, as AP style writes it.
TEST(ExtractorTest, SurnamesKeepTheTitleMetEarlier) {
  struct Article {
    std::vector<std::string> claims;
    std::vector<const char*> backings;  // one a claim
  };
  const std::vector<Article> articles = {
      {{"Transport Minister Anna Berg opened the bridge.",
        "Berg said it was safe.", "Ms. Berg said it was safe.",
        "Anna Berg said it was safe.", "Lund said it was safe."},
       {"none", "official", "official", "official", "named"}},
      {{"Anna Berg, the transport minister, opened the bridge.",
        "Berg said it was safe."},
       {"none", "official"}},
      {{"The Oslo mayor, Anna Berg, opened the bridge.",
        "Berg said it was safe."},
       {"none", "official"}},
      {{"Secretary of State Anna Berg opened the bridge.",
        "Berg said it was safe."},
       {"none", "official"}},
      {{"Conservative MP Anna Berg opened the bridge.",
        "“It is safe,” said Berg."},
       {"none", "official"}},
      {{"White House health adviser Dr. Anna Berg opened the bridge.",
        "Dr. Berg said it was safe."},
       {"none", "official"}},
      // A former holder speaks for no office.
      {{"Former President Anna Berg opened the bridge.",
        "Berg said it was safe."},
       {"none", "named"}},
      // "the minister's wife" gives Berg no title.
      {{"Anna Berg, the minister's wife, opened the bridge.",
        "Berg said it was safe."},
       {"none", "named"}},
      // A named officer makes a later "the officer" that person.
      {{"Officer Tom Lee stopped the car.", "The officer said it sped."},
       {"none", "official"}},
      {{"A man stopped the car.", "The officer said it sped."},
       {"none", "anonymous"}},
  };
  for (const Article& a : articles) {
    std::string text;
    std::vector<size_t> begins;
    for (const std::string& c : a.claims) {
      begins.push_back(text.size());
      text += c + " ";
    }
    ExtractScratch scratch;
    ClaimEvidence ev;
    for (size_t i = 0; i < a.claims.size(); ++i) {
      SCOPED_TRACE(a.claims[i]);
      BuiltinLexiconExtractor().Extract(text, begins[i],
                                        begins[i] + a.claims[i].size(),
                                        Backing::kNone, &scratch, &ev);
      EXPECT_STREQ(BackingName(ev.backing), a.backings[i]);
    }
  }
  // A new text forgets the names: "Berg" alone is named.
  const std::string first = "Transport Minister Anna Berg opened the bridge.";
  const std::string other = "Berg said it was safe.";
  ExtractScratch scratch;
  ClaimEvidence ev;
  BuiltinLexiconExtractor().Extract(first, 0, first.size(), Backing::kNone,
                                    &scratch, &ev);
  BuiltinLexiconExtractor().Extract(other, 0, other.size(), Backing::kNone,
                                    &scratch, &ev);
  EXPECT_EQ(ev.backing, Backing::kNamed);
}

// In a chain the writer relies on the link nearest to them: the outlet
// cited for the whole sentence, not the minister inside it.
TEST(ExtractorTest, ChainsAreBackedByTheWritersLink) {
  RunTable({
      {"The minister told the envoy the plan was dead, a TV channel said, "
       "quoting a newspaper.",
       {"named_source:The minister told", "media_report:a TV channel said"},
       "media"},
      {"The minister said the plan was dead, according to the newspaper.",
       {"named_source:The minister said",
        "media_report:according to the newspaper"},
       "media"},
      // A letter's addressee does not speak; its writer does.
      {"In a letter to Mayor Ana Ruiz posted on Twitter, Police Chief Tom "
       "Hale said the dam was unsafe.",
       {"named_source:Police Chief Tom Hale said"},
       "official"},
      {"In a letter to Detective Ana Ruiz posted on Twitter, the chief said "
       "the dam was unsafe.",
       {"named_source:the chief said"},
       "official"},
      {"A letter to Mayor Ana Ruiz posted on Twitter said the dam was "
       "unsafe.",
       {},
       "none"},
      // Near miss: the outlet is where the minister spoke.
      {"The minister told the newspaper the plan was dead.",
       {"named_source:The minister told", "media_report:told the newspaper"},
       "official"},
  });
}

// A platform's unnamed user is an unverified social source, not an
// anonymous one; a user with no platform or post in the claim, and an
// unnamed official beside a post, keep their reading.
TEST(ExtractorTest, UsersOfAPlatformAreSocial) {
  RunTable({
      {"A user posted on Facebook that the dam had broken.",
       {"unverified_social:A user posted on Facebook"},
       "social"},
      {"A Facebook user claimed the dam had broken.",
       {"unverified_social:A Facebook user claimed"},
       "social"},
      {"One user wrote on Twitter that the dam broke.",
       {"unverified_social:user wrote on Twitter"},
       "social"},
      // Near misses.
      {"Users said the dam broke.",
       {"anonymous_source:Users said"},
       "anonymous"},
      {"A senior official said the dam broke, and one user posted a video "
       "online.",
       {"anonymous_source:A senior official said"},
       "anonymous"},
  });
}

// A document speaks for its owner: a possessor, a body among its
// modifiers, or (definite) the body the story named; an unowned plural is
// vague. A document that only holds content backs the claim with no cue.
TEST(ExtractorTest, DocumentsAsSources) {
  RunTable({
      {"The lawsuit, filed Friday in federal court, says the landlord kept "
       "the deposits.",
       {"named_source:The lawsuit, filed Friday in federal court, says"},
       "institution"},
      {"The company ignored the warnings, the lawsuit says.",
       {"named_source:the lawsuit says"},
       "institution"},
      {"The indictment alleges that the pair hid the money.",
       {"named_source:The indictment alleges"},
       "institution"},
      {"Court filings show the firm paid the fine in March.",
       {"named_source:Court filings show"},
       "institution"},
      {"Documents show the plan was approved in May.",
       {"vague_attribution:Documents show"},
       "vague"},
      {"The memo lists four options.", {}, "institution"},
      {"Mayor Ana Ruiz\xE2\x80\x99s letter said the bridge would close.",
       {"named_source:Mayor Ana Ruiz\xE2\x80\x99s letter said"},
       "official"},
      {"The Harbor Times report found the bridge unsafe.",
       {"media_report:The Harbor Times report found"},
       "media"},
      // Near misses: no owner, a participle, the document as an object.
      {"A memo says the bridge will close.", {}, "none"},
      {"A Pentagon memo says the bridge will close.",
       {"named_source:A Pentagon memo says"},
       "institution"},
      {"The letter found in the car was unsigned.", {}, "none"},
      {"She read the lawsuit on the train.", {}, "none"},
      {"The lawsuit was filed in March.", {}, "none"},
  });
  // A pronoun after a document speaks for it.
  const std::string text =
      "The statement said talks would resume. It added that no date was set.";
  const size_t second = text.find("It added");
  ExtractScratch scratch;
  ClaimEvidence ev;
  BuiltinLexiconExtractor().Extract(text, 0, second - 1, Backing::kNone,
                                    &scratch, &ev);
  EXPECT_EQ(ev.backing, Backing::kInstitution);
  BuiltinLexiconExtractor().Extract(text, second, text.size(), ev.backing,
                                    &scratch, &ev);
  EXPECT_EQ(ev.backing, Backing::kInstitution);
  EXPECT_TRUE(ev.backing_carried);
  EXPECT_EQ(text.substr(ev.backer.begin, ev.backer.end - ev.backer.begin),
            "The statement");
}

// A state speaks through its government; a news agency is an outlet.
TEST(ExtractorTest, StatesAndNewsAgencies) {
  RunTable({
      {"North Korea said it would cut the hotline.",
       {"named_source:North Korea said"},
       "institution"},
      {"Beijing warned that the talks would fail.",
       {"named_source:Beijing warned"},
       "institution"},
      {"The state news agency said the hotline was cut.",
       {"media_report:The state news agency said"},
       "media"},
      // Near misses: a person named like a place, an agency of a state.
      {"Jordan said he would retire.", {"named_source:Jordan said"}, "named"},
      {"The environment agency said the river was clean.",
       {"named_source:The environment agency said"},
       "institution"},
  });
}

// Who backs a claim: the words of the attribution that set its backing.
TEST(ExtractorTest, BackerIsTheAttributionThatSetTheBacking) {
  const std::vector<std::pair<const char*, const char*>> cases = {
      {"Transport Ministry spokeswoman Ingrid Solberg confirmed the delay.",
       "Transport Ministry spokeswoman Ingrid Solberg"},
      {"The minister said the bridge is safe, critics claim otherwise.",
       "The minister"},
      {"According to The New York Times, the deal is off.",
       "The New York Times"},
      {"Sources said the deal is off.", "Sources"},
      {"Shots reported at the mall", "Shots reported"},
      {"Couple split: Report", "Report"},
      {"Ministry of Health: No evidence of sabotage", "Ministry of Health"},
      {"The deal is reportedly off.", ""},
      {"It rained all day.", ""},
  };
  for (const auto& [text, backer] : cases) {
    SCOPED_TRACE(text);
    const std::string t = text;
    const ClaimEvidence ev = BuiltinLexiconExtractor().Extract(t, 0, t.size());
    EXPECT_EQ(t.substr(ev.backer.begin, ev.backer.end - ev.backer.begin),
              backer);
    EXPECT_FALSE(ev.backer.earlier_claim);
  }
}

// A pronoun's backing comes with the earlier claim's words, when that claim
// went through the same scratch; otherwise the words are unknown.
TEST(ExtractorTest, CarriedBackerIsInTheEarlierClaim) {
  const std::string text =
      "Police chief Anna Berg said the road is closed. She added that it "
      "would reopen. It rained.";
  const size_t second = text.find("She added");
  const size_t third = text.find("It rained");
  ExtractScratch scratch;
  ClaimEvidence ev;
  BuiltinLexiconExtractor().Extract(text, 0, second - 1, Backing::kNone,
                                    &scratch, &ev);
  ASSERT_EQ(ev.backing, Backing::kOfficial);
  BuiltinLexiconExtractor().Extract(text, second, third - 1, ev.backing,
                                    &scratch, &ev);
  EXPECT_EQ(ev.backing, Backing::kOfficial);
  EXPECT_TRUE(ev.backer.earlier_claim);
  EXPECT_EQ(text.substr(ev.backer.begin, ev.backer.end - ev.backer.begin),
            "Police chief Anna Berg");
  BuiltinLexiconExtractor().Extract(text, third, text.size(), ev.backing,
                                    &scratch, &ev);
  EXPECT_EQ(ev.backing, Backing::kNone);
  EXPECT_EQ(ev.backer.begin, ev.backer.end);
  // The second claim alone: carried, but from words it never saw.
  ev = BuiltinLexiconExtractor().Extract(text, second, third - 1,
                                         Backing::kOfficial);
  EXPECT_EQ(ev.backing, Backing::kOfficial);
  EXPECT_TRUE(ev.backer.earlier_claim);
  EXPECT_EQ(ev.backer.begin, ev.backer.end);
}

// The backing of each claim of a text, claims given in order (each found
// after the last), through one scratch as the scorer runs them; a carried
// backing is marked "^".
std::vector<std::string> Backings(const std::string& text,
                                  const std::vector<std::string>& claims) {
  ExtractScratch scratch;
  ClaimEvidence ev;
  Backing previous = Backing::kNone;
  std::vector<std::string> out;
  size_t from = 0;
  for (const std::string& claim : claims) {
    const size_t begin = text.find(claim, from);
    if (begin == std::string::npos) return {"no claim: " + claim};
    from = begin + claim.size();
    BuiltinLexiconExtractor().Extract(text, begin, from, previous, &scratch,
                                      &ev);
    out.push_back(std::string(BackingName(ev.backing)) +
                  (ev.backing_carried ? "^" : ""));
    previous = ev.backing;
  }
  return out;
}

struct ArticleCase {
  const char* text;
  std::vector<std::string> claims;
  std::vector<std::string> backings;
};

// Every sentence of a quotation stands on its speaker, wherever the
// attribution is: before, after the closing mark, or in the claim before
// a new quotation. Indirect speech does not go on, and a quotation left
// open closes at its paragraph's end unless the next paragraph reopens it.
TEST(ExtractorTest, QuotationsCarryTheirSpeaker) {
  const std::vector<ArticleCase> cases = {
      {"Mayor Ana Ruiz said: \"The bridge is closed. It will reopen in May. "
       "Take the ferry.\" Rain fell all day.",
       {"Mayor Ana Ruiz said: \"The bridge is closed.",
        "It will reopen in May.", "Take the ferry.\"", "Rain fell all day."},
       {"official", "official^", "official^", "none"}},
      {"\xE2\x80\x9CThe bridge is closed. It will reopen in May,\xE2\x80\x9D "
       "said Ana Ruiz, a ferry passenger.",
       {"\xE2\x80\x9CThe bridge is closed.",
        "It will reopen in May,\xE2\x80\x9D said Ana Ruiz, a ferry passenger."},
       {"named^", "named"}},
      {"\"The vote is set. We have the numbers. We will win,\" the ministry "
       "said.",
       {"\"The vote is set.", "We have the numbers.",
        "We will win,\" the ministry said."},
       {"institution^", "institution^", "institution"}},
      {"\"The bridge is closed,\" said Ana Ruiz. \"It will reopen in May.\"",
       {"\"The bridge is closed,\" said Ana Ruiz.",
        "\"It will reopen in May.\""},
       {"named", "named^"}},
      {"Ana Ruiz said: \"The bridge is closed.\n\n\"It will reopen in May.\"",
       {"Ana Ruiz said: \"The bridge is closed.", "\"It will reopen in May.\""},
       {"named", "named^"}},
      {"Ana Ruiz said: \"Drivers call it 'the long way.' It will reopen.\"",
       {"Ana Ruiz said: \"Drivers call it 'the long way.'",
        "It will reopen.\""},
       {"named", "named^"}},
      // Near misses.
      {"Ana Ruiz said: \"The bridge is closed.\n\nPrices rose in March.",
       {"Ana Ruiz said: \"The bridge is closed.", "Prices rose in March."},
       {"named", "none"}},
      {"The company said sales fell. Prices rose in March.",
       {"The company said sales fell.", "Prices rose in March."},
       {"institution", "none"}},
      {"Rain fell. \"The bridge is closed.\" Prices rose, officials said.",
       {"Rain fell.", "\"The bridge is closed.\"",
        "Prices rose, officials said."},
       {"none", "none", "anonymous"}},
      {"\"The bridge is closed. It will reopen.\" Officials said prices rose.",
       {"\"The bridge is closed.", "It will reopen.\"",
        "Officials said prices rose."},
       {"none", "none", "anonymous"}},
      {"\"The bridge is closed.\n\nOfficials said prices rose,\" she said.",
       {"\"The bridge is closed.", "Officials said prices rose,\" she said."},
       {"none", "named"}},
  };
  for (const ArticleCase& c : cases) {
    SCOPED_TRACE(c.text);
    EXPECT_EQ(Backings(c.text, c.claims), c.backings);
  }
}

// A post by a speaker on record is that speaker's statement, named or
// official as their title says: a verb of posting after the speaker, or
// the signature of an embedded post. A post as a topic, or by someone
// unnamed, stays an unverified social source.
TEST(ExtractorTest, PostsOnRecord) {
  RunTable({
      {"Ana Ruiz tweeted that the bridge was closed.",
       {"named_source:Ana Ruiz tweeted"},
       "named"},
      {"Mayor Ana Ruiz wrote on Twitter that the bridge was closed.",
       {"named_source:Mayor Ana Ruiz wrote on Twitter"},
       "official"},
      {"The ministry posted on Facebook that the bridge was closed.",
       {"named_source:The ministry posted on Facebook"},
       "institution"},
      {"Police tweeted that one person was hurt.",
       {"named_source:Police tweeted"},
       "institution"},
      {"The bridge is closed. \xE2\x80\x94 Mayor Ana Ruiz (@AnaRuiz) May 20, "
       "2020",
       {"named_source:Mayor Ana Ruiz (@AnaRuiz)"},
       "official"},
      {"\xE2\x80\x94 Ari Fleischer (@AriFleischer) July 16, 2013",
       {"named_source:Ari Fleischer (@AriFleischer)"},
       "named"},
      {"\xE2\x80\x94 Ana Ruiz, MD (@AnaRuizMD) July 16, 2013",
       {"named_source:Ana Ruiz, MD (@AnaRuizMD)"},
       "named"},
      {"\xE2\x80\x94 Dr. Ana Ruiz (@DrRuiz) July 16, 2013",
       {"named_source:Dr. Ana Ruiz (@DrRuiz)"},
       "named"},
      // Near misses: a post as a topic is no source.
      {"The president\xE2\x80\x99s tweet said the bridge was closed.",
       {},
       "none"},
      // An account with a name of its own, a one-word alias or a bare
      // handle is no one on record: an unverified post.
      {"\xE2\x80\x94 Harbor Watch (@harborwatch_hl) June 12, 2024",
       {"unverified_social:\xE2\x80\x94 Harbor Watch (@harborwatch_hl)"},
       "social"},
      {"\xE2\x80\x94 Megatron (@Megatron) June 12, 2024",
       {"unverified_social:\xE2\x80\x94 Megatron (@Megatron)"},
       "social"},
      {"\xE2\x80\x94 Ana Ruiz (@AnaRuiz_fans) June 12, 2024",
       {"unverified_social:\xE2\x80\x94 Ana Ruiz (@AnaRuiz_fans)"},
       "social"},
      {"\xE2\x80\x94 @harborwatch (@harborwatch) June 3, 2018",
       {"unverified_social:\xE2\x80\x94 @harborwatch (@harborwatch)"},
       "social"},
      {"The bridge is closed \xE2\x80\x94 Ana Ruiz (@AnaRuiz) says so.",
       {},
       "none"},
  });
  // The sentences of a post stand on its signature; a post's line after
  // it does not.
  const std::vector<ArticleCase> cases = {
      {"I am a fan of Ana. But not in this race. \xE2\x80\x94 Ari Fleischer "
       "(@AriFleischer) July 16, 2013\n\nRain fell.",
       {"I am a fan of Ana.", "But not in this race.",
        "\xE2\x80\x94 Ari Fleischer (@AriFleischer) July 16, 2013",
        "Rain fell."},
       {"named^", "named^", "named", "none"}},
      // An unknown account's post is unverified, every sentence of it.
      {"The dam broke. The water is rising. \xE2\x80\x94 Harbor Watch "
       "(@harborwatch_hl) June 12, 2024\n\nRain fell.",
       {"The dam broke.", "The water is rising.",
        "\xE2\x80\x94 Harbor Watch (@harborwatch_hl) June 12, 2024",
        "Rain fell."},
       {"social^", "social^", "social", "none"}},
      // A handle in parentheses names an account, not who wrote: no source.
      {"Rain fell.\n\nI am a fan of Ana \xE2\x80\x94 (@AriFleischer) said.",
       {"Rain fell.", "I am a fan of Ana \xE2\x80\x94 (@AriFleischer) said."},
       {"none", "none"}},
  };
  for (const ArticleCase& c : cases) {
    SCOPED_TRACE(c.text);
    EXPECT_EQ(Backings(c.text, c.claims), c.backings);
  }
}

// A sourced claim ending in a colon backs the paragraph after it and the
// list items that follow; a colon with no source, or the paragraph after
// the items, is left alone.
TEST(ExtractorTest, ColonLeadsBackTheirBlock) {
  const std::vector<ArticleCase> cases = {
      {"The ministry said the measures include:\n\n- Higher fuel taxes.\n\n"
       "- A ban on night flights.\n\nRain fell all day.",
       {"The ministry said the measures include:", "- Higher fuel taxes.",
        "- A ban on night flights.", "Rain fell all day."},
       {"institution", "institution^", "institution^", "none"}},
      {"Mayor Ana Ruiz wrote:\n\nDear friends, the bridge is closed. It will "
       "reopen in May.\n\nRain fell all day.",
       {"Mayor Ana Ruiz wrote:", "Dear friends, the bridge is closed.",
        "It will reopen in May.", "Rain fell all day."},
       {"official", "official^", "official^", "none"}},
      {"The town faces several risks. Mayor Ana Ruiz said these "
       "include:\n\n* Floods in spring.\n\n* Dry wells.\n\nRain fell.",
       {"The town faces several risks.", "Mayor Ana Ruiz said these include:",
        "* Floods in spring.", "* Dry wells.", "Rain fell."},
       {"none", "official", "official^", "official^", "none"}},
      {"The ministry said:\n\n1. Fuel taxes rise.\n\n2) Flights stop.",
       {"The ministry said:", "1. Fuel taxes rise.", "2) Flights stop."},
       {"institution", "institution^", "institution^"}},
      // Near misses.
      {"The measures include:\n\n- Higher fuel taxes.",
       {"The measures include:", "- Higher fuel taxes."},
       {"none", "none"}},
      {"The ministry said the measures include: higher taxes. Rain fell.",
       {"The ministry said the measures include: higher taxes.", "Rain fell."},
       {"institution", "none"}},
  };
  for (const ArticleCase& c : cases) {
    SCOPED_TRACE(c.text);
    EXPECT_EQ(Backings(c.text, c.claims), c.backings);
  }
}

// A pronoun that opens a claim past a conjunction still speaks through a
// participle ("But she apologized, saying ..."), as the previous claim's
// source.
TEST(ExtractorTest, PronounsBeforeAParticipleCarry) {
  const std::vector<ArticleCase> cases = {
      {"Police Chief Ana Ruiz said the road was shut. But she apologized on "
       "Monday, saying the sign was wrong.",
       {"Police Chief Ana Ruiz said the road was shut.",
        "But she apologized on Monday, saying the sign was wrong."},
       {"official", "official^"}},
      // Near misses: a participle of no saying, a subject that is no one.
      {"Police Chief Ana Ruiz said the road was shut. But the rain fell, "
       "adding to the losses.",
       {"Police Chief Ana Ruiz said the road was shut.",
        "But the rain fell, adding to the losses."},
       {"official", "none"}},
  };
  for (const ArticleCase& c : cases) {
    SCOPED_TRACE(c.text);
    EXPECT_EQ(Backings(c.text, c.claims), c.backings);
  }
}

// A transcript names each turn's speaker in capitals before a colon; the
// turn goes on to the end of its paragraph, and a label after a dash
// takes it over. Questions assert nothing; labels that file a story
// ("NOTE:") or name a body ("NASA:") are no turn.
TEST(ExtractorTest, TranscriptLabelsBackTheirTurn) {
  const std::vector<ArticleCase> cases = {
      {"Environment Minister Dana Kirk spoke to Sam Vale.\n\nVALE: Why did "
       "you sign it?\n\nKIRK: I did not sign it. My staff did.\n\nVALE: So "
       "\xE2\x80\x93 KIRK: It was wrong. I fixed it.\n\nRain fell.",
       {"Environment Minister Dana Kirk spoke to Sam Vale.",
        "VALE: Why did you sign it?", "KIRK: I did not sign it.",
        "My staff did.", "VALE: So \xE2\x80\x93 KIRK: It was wrong.",
        "I fixed it.", "Rain fell."},
       {"none", "none", "official", "official^", "named", "official^", "none"}},
      {"VALE: The dam held. It was close. Was it?",
       {"VALE: The dam held.", "It was close.", "Was it?"},
       {"named", "named^", "none"}},
      // Near misses.
      {"NOTE: The dam held. It was close.",
       {"NOTE: The dam held.", "It was close."},
       {"none", "none"}},
      {"Rain fell. Vale: The dam held.",
       {"Rain fell.", "Vale: The dam held."},
       {"none", "none"}},
      {"The dam held, VALE: it was close.",
       {"The dam held, VALE: it was close."},
       {"none"}},
  };
  for (const ArticleCase& c : cases) {
    SCOPED_TRACE(c.text);
    EXPECT_EQ(Backings(c.text, c.claims), c.backings);
  }
}

// The features are the categories, then one per backing but none; the
// lexicon files in the tree are those lexicons.def names.
TEST(ExtractorTest, FeatureNamesAndLexiconFilesFollowTheList) {
  std::vector<std::string> want = Extractor::CategoryNames();
  for (const char* b : {"official", "institution", "named", "media",
                        "anonymous", "vague", "social"}) {
    want.push_back(std::string("backing_") + b);
  }
  EXPECT_EQ(BuiltinLexiconExtractor().feature_names(), want);
  EXPECT_EQ(Extractor::CategoryNames().front(), "hedge");
  EXPECT_EQ(Extractor::CategoryNames().back(), "title_case");
  std::set<std::string> files;
  for (const auto& e : std::filesystem::directory_iterator(
           std::filesystem::path(CREDENCE_FIXTURES).parent_path() / "features" /
           "lexicons")) {
    if (e.path().extension() == ".txt") files.insert(e.path().stem());
  }
  const std::vector<std::string>& names = Extractor::LexiconNames();
  EXPECT_EQ(files, std::set<std::string>(names.begin(), names.end()));
  EXPECT_EQ(names.size(), static_cast<size_t>(kLexiconCount));
}

// Lexicon groups: the sourcing categories, then the style ones, then the
// word classes the rules read.
TEST(ExtractorTest, LexiconGroups) {
  const std::vector<std::pair<LexiconId, LexiconGroup>> cases = {
      {kHedge, LexiconGroup::kSourcing},
      {kSensational, LexiconGroup::kSourcing},
      {kWeasel, LexiconGroup::kStyle},
      {kTitleCase, LexiconGroup::kStyle},
      {kOfficialTitle, LexiconGroup::kWordClass},
      {kSetPhrase, LexiconGroup::kWordClass},
  };
  for (const auto& [id, group] : cases) {
    SCOPED_TRACE(LexiconNames()[id]);
    EXPECT_EQ(LexiconGroupOf(id), group);
  }
  EXPECT_EQ(kCategoryCount, static_cast<size_t>(kOfficialTitle));
}

// A speaker kind and the backing of the same name are one kind.
TEST(ExtractorTest, SpeakerKindsAreBackings) {
  const std::vector<std::pair<SpeakerKind, const char*>> cases = {
      {SpeakerKind::kOfficial, "official"},
      {SpeakerKind::kInstitution, "institution"},
      {SpeakerKind::kNamed, "named"},
      {SpeakerKind::kMedia, "media"},
      {SpeakerKind::kAnonymous, "anonymous"},
      {SpeakerKind::kVague, "vague"},
      {SpeakerKind::kSocial, "social"},
      {SpeakerKind::kNone, "none"},
  };
  for (const auto& [kind, name] : cases) {
    EXPECT_STREQ(BackingName(BackingOfSpeaker(kind, Backing::kMedia)), name);
  }
  EXPECT_EQ(BackingOfSpeaker(SpeakerKind::kPronoun, Backing::kMedia),
            Backing::kMedia);
  EXPECT_EQ(BackingOfSpeaker(SpeakerKind::kPronoun, Backing::kNone),
            Backing::kNamed);
}

// log(1 + s) per category: may (0.4) + could (0.4) + reportedly (1) gives
// s = 1.8, x = log 2.8; one confirmation gives log 2; hard_news "vote" (1)
// and "pass" (0.4) give log 2.4 (a headline: no full stop).
TEST(ExtractorTest, FeaturesAreLogOfOnePlusStrengths) {
  const std::string text =
      "Reportedly the vote may pass and could fail, the ministry confirmed";
  const ClaimEvidence ev =
      BuiltinLexiconExtractor().Extract(text, 0, text.size());
  ASSERT_EQ(ev.features.size(), 27u);
  EXPECT_DOUBLE_EQ(ev.features[kHedge], std::log(2.8));
  EXPECT_DOUBLE_EQ(ev.features[kOfficialConfirmation], std::log(2.0));
  // "may pass", "could fail": hedges, not forecasts.
  EXPECT_DOUBLE_EQ(ev.features[kSpeculation], 0.0);
  EXPECT_DOUBLE_EQ(ev.features[kHardNews], std::log(2.4));
  EXPECT_DOUBLE_EQ(ev.features[kCategoryCount + 1], 1.0);  // institution
  double sum = 0;
  for (double f : ev.features) sum += f;
  EXPECT_DOUBLE_EQ(sum, std::log(2.8) + std::log(2.0) + std::log(2.4) + 1.0);
}

TEST(ExtractorTest, OffsetsAreIntoTheWholeText) {
  const std::string text = "Headline\nIt is reportedly done. Sources said so.";
  const size_t begin = text.find("Sources");
  const ClaimEvidence ev =
      BuiltinLexiconExtractor().Extract(text, begin, text.size());
  ASSERT_EQ(Cues(ev, text),
            std::vector<std::string>{"anonymous_source:Sources said"});
  EXPECT_EQ(ev.cues[0].begin, begin);
  EXPECT_EQ(ev.cues[0].end, begin + 12);
  EXPECT_EQ(ev.cues[0].entry->source,
            "<built-in>/anonymous_source.txt:" +
                std::to_string(ev.cues[0].entry->line));
}

TEST(ExtractorTest, EmptyClaimHasZeroFeatures) {
  const ClaimEvidence ev = BuiltinLexiconExtractor().Extract("", 0, 0);
  EXPECT_TRUE(ev.cues.empty());
  EXPECT_EQ(ev.features, std::vector<double>(27, 0.0));
  EXPECT_EQ(ev.backing, Backing::kNone);
}

TEST(ExtractorTest, RejectsBadLexiconSets) {
  std::vector<Lexicon> lexicons = DefaultLexicons();
  lexicons.pop_back();
  try {
    Extractor e(lexicons);
    FAIL() << "accepted a missing lexicon";
  } catch (const LexiconError& e) {
    EXPECT_STREQ(e.what(), "missing lexicon 'set_phrase' (add set_phrase.txt)");
  }
  lexicons = DefaultLexicons();
  lexicons.push_back(ParseLexicon("x\n", "hedges", "dir/hedges.txt"));
  EXPECT_THROW(Extractor{lexicons}, LexiconError);
  lexicons = DefaultLexicons();
  lexicons.push_back(lexicons.front());
  EXPECT_THROW(Extractor{lexicons}, LexiconError);
  // One phrase, two categories.
  lexicons = DefaultLexicons();
  lexicons[1] =
      ParseLexicon("# boosters\nclearly\nreportedly\n", "booster", "b.txt");
  try {
    Extractor e(lexicons);
    FAIL() << "accepted a phrase in two categories";
  } catch (const LexiconError& e) {
    EXPECT_NE(std::string(e.what()).find("b.txt:3: 'reportedly' is also an "
                                         "entry at <built-in>/hedge.txt:"),
              std::string::npos)
        << e.what();
  }
  // A removal line belongs in an overlay only.
  lexicons = DefaultLexicons();
  lexicons[1] = ParseLexicon("-clearly\n", "booster", "b.txt");
  EXPECT_THROW(Extractor{lexicons}, LexiconError);
}

TEST(ExtractorTest, ReplacementLexiconsChangeWhatIsFound) {
  std::vector<Lexicon> lexicons = DefaultLexicons();
  lexicons[0] = ParseLexicon("it is whispered\n", "hedge", "h.txt");
  const Extractor custom(lexicons);
  const std::string text = "It is whispered he may leave.";
  const ClaimEvidence ev = custom.Extract(text, 0, text.size());
  ASSERT_EQ(ev.cues.size(), 1u);
  EXPECT_EQ(text.substr(ev.cues[0].begin, ev.cues[0].end - ev.cues[0].begin),
            "It is whispered");
}

// A flood of cue words and a long run of names both finish and count right.
TEST(ExtractorTest, FloodOfCues) {
  std::string text;
  for (int i = 0; i < 20000; ++i) text += "reportedly perhaps ";
  const ClaimEvidence ev =
      BuiltinLexiconExtractor().Extract(text, 0, text.size());
  EXPECT_EQ(ev.cues.size(), 40000u);
  EXPECT_DOUBLE_EQ(ev.features[0], std::log(40001.0));
  std::string names;
  for (int i = 0; i < 20000; ++i) names += "Ann Lee ";
  names += "confirmed it.";
  const ClaimEvidence named =
      BuiltinLexiconExtractor().Extract(names, 0, names.size());
  ASSERT_EQ(named.cues.size(), 1u);
  // The speaker search is bounded: it stops 12 tokens left of the verb.
  EXPECT_EQ(names.substr(named.cues[0].begin,
                         named.cues[0].end - named.cues[0].begin),
            "Ann Lee Ann Lee Ann Lee Ann Lee Ann Lee Ann Lee confirmed");
}

// An acronym a text defines stops shouting in that text's later claims,
// and only there: a new text (starting at or before the last claim's start)
// forgets it.
TEST(ExtractorTest, DefinedAcronymsLastOneText) {
  const std::string article =
      "The Clinton Health Access Initiative (CHAI) sold drugs. CHAI paid. A "
      "LIAR.";
  const size_t second = article.find("CHAI paid");
  const size_t third = article.find("A LIAR");
  ExtractScratch scratch;
  ClaimEvidence ev;
  BuiltinLexiconExtractor().Extract(article, 0, second - 1, Backing::kNone,
                                    &scratch, &ev);
  EXPECT_EQ(Cues(ev, article), std::vector<std::string>{});
  BuiltinLexiconExtractor().Extract(article, second, third - 1, Backing::kNone,
                                    &scratch, &ev);
  EXPECT_EQ(Cues(ev, article), std::vector<std::string>{});
  BuiltinLexiconExtractor().Extract(article, third, article.size(),
                                    Backing::kNone, &scratch, &ev);
  EXPECT_EQ(Cues(ev, article), std::vector<std::string>{"sensational:LIAR"});
  const std::string other = "CHAI paid.";
  BuiltinLexiconExtractor().Extract(other, 0, other.size(), Backing::kNone,
                                    &scratch, &ev);
  EXPECT_EQ(Cues(ev, other), std::vector<std::string>{"sensational:CHAI"});
}

// One scratch and one evidence object reused claim after claim give what a
// fresh extraction gives: nothing of an earlier claim (its tokens, flags,
// cues or features) leaks into a later one, whether the later claim is
// longer, shorter, empty or has no cues at all.
TEST(ExtractorTest, ReusedScratchMatchesFreshExtraction) {
  const std::vector<std::string> claims = {
      "Reportedly the vote may pass and could fail, the ministry confirmed.",
      "",
      "SHOCKING: 17 Reasons Why @Megatron_ron Officials Didn\xE2\x80\x99t "
      "Confirm!!! #1 \xE2\x80\x94"
      "Commissioner Rafael Ibarra",
      "Stocks rose.",
      "The official, who was not authorized to speak, said the plan was "
      "dead, according to sources familiar with the matter.",
      "He added that it would go ahead.",
      "Court denies bail; critics say the law will hurt.",
      "a",
      "Zu\xCC\x88rich police said the \xE2\x80\x9C"
      "incident\xE2\x80\x9D "
      "is under review.",
  };
  ExtractScratch scratch;
  ClaimEvidence reused;
  Backing previous = Backing::kNone;
  for (int round = 0; round < 2; ++round) {
    for (const std::string& text : claims) {
      SCOPED_TRACE(text);
      const ClaimEvidence fresh =
          BuiltinLexiconExtractor().Extract(text, 0, text.size(), previous);
      BuiltinLexiconExtractor().Extract(text, 0, text.size(), previous,
                                        &scratch, &reused);
      ASSERT_EQ(reused.cues.size(), fresh.cues.size());
      for (size_t i = 0; i < fresh.cues.size(); ++i) {
        EXPECT_EQ(reused.cues[i].begin, fresh.cues[i].begin);
        EXPECT_EQ(reused.cues[i].end, fresh.cues[i].end);
        EXPECT_EQ(reused.cues[i].category, fresh.cues[i].category);
        EXPECT_EQ(reused.cues[i].strength, fresh.cues[i].strength);
        EXPECT_EQ(reused.cues[i].entry, fresh.cues[i].entry);
      }
      EXPECT_EQ(reused.backing, fresh.backing);
      EXPECT_EQ(reused.backing_carried, fresh.backing_carried);
      EXPECT_EQ(reused.features, fresh.features);
      previous = fresh.backing;
    }
  }
}

}  // namespace
}  // namespace credence
