// `credence tune` and `credence eval` run in-process on small CSV files
// written by the tests: the model file they write and read, byte-identical
// reruns, exit codes and one-line messages, and the JSON report.
#include <gtest/gtest.h>

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <iomanip>
#include <map>
#include <nlohmann/json.hpp>
#include <sstream>
#include <string>
#include <vector>

#include "engine/builtin_data.h"
#include "engine/scorer.h"
#include "engine/util/sha256.h"
#include "features/article_features.h"
#include "features/extractor.h"
#include "models/linear_model.h"
#include "models/metrics.h"
#include "tests/scratch_dir.h"
#include "tools/cli.h"

namespace credence {
namespace {

namespace fs = std::filesystem;

struct CliRun {
  int code;
  std::string out;
  std::string err;
};

CliRun Cli(const std::vector<std::string>& args) {
  std::istringstream in;
  std::ostringstream out, err;
  const int code = RunCli(args, in, out, err);
  return {code, out.str(), err.str()};
}

bool StartsWith(const std::string& text, const std::string& prefix) {
  return text.rfind(prefix, 0) == 0;
}

// Six credible rows (official confirmations, named sources) and six
// doubtful ones (hedges, rumours). RFC 4180: line 2 has a quoted comma, the
// record on lines 3-4 a line break inside its quotes, and line ends are
// CRLF.
const char kLabeled[] =
    "text,label\r\n"
    "\"The ministry confirmed the figures, officials said.\",1\r\n"
    "\"Officials said the report was accurate.\r\n"
    "It was confirmed by the agency.\",1\r\n"
    "The police confirmed the arrest on Monday.,1\r\n"
    "\"According to the ministry, the plan was approved.\",true\r\n"
    "\"The agency confirmed the deal, its spokesman said.\",1\r\n"
    "The government confirmed the results.,TRUE\r\n"
    "Sources say it may happen.,0\r\n"
    "Rumors suggest the deal could collapse.,0\r\n"
    "It is alleged that he might resign.,false\r\n"
    "Some people claim it could be true.,0\r\n"
    "Unverified posts suggest the minister may quit.,0\r\n"
    "\"Critics say it might, perhaps, be a hoax.\",FALSE\r\n";

// A scratch folder per test, removed at its end.
class TuneCliTest : public ScratchDirTest {
 protected:
  TuneCliTest() : ScratchDirTest("credence_tune_cli_test") {}
};

TEST_F(TuneCliTest, TuneWritesAModelThatEvalReads) {
  const std::string data = Write("data.csv", kLabeled);
  const std::string model = Path("my.model");
  const CliRun tune = Cli({"tune", data, "-o", model, "--folds", "3"});
  ASSERT_EQ(tune.code, 0) << tune.err;
  EXPECT_EQ(tune.err, "");
  EXPECT_NE(tune.out.find("claim weights: 1 file, 12 rows (6 labeled 1)"),
            std::string::npos)
      << tune.out;
  EXPECT_NE(tune.out.find("wrote " + model + "\n"), std::string::npos);

  const LinearModel m = LinearModel::LoadFile(model);
  EXPECT_EQ(m.name(), "credence-tuned");
  EXPECT_EQ(m.feature_names(), DefaultModel().feature_names());
  EXPECT_FALSE(m.has_article_weights());
  ASSERT_GE(m.meta().size(), 6u);
  EXPECT_EQ(m.meta()[0], (std::pair<std::string, std::string>(
                             "command", "credence tune " + data + " -o " +
                                            model + " --folds 3")));
  EXPECT_EQ(m.meta()[1], (std::pair<std::string, std::string>(
                             "input", data + " sha256=" + Sha256OfFile(data) +
                                          " rows=12 labeled_1=6")));
  EXPECT_EQ(m.meta()[2].first, "fit");
  EXPECT_TRUE(StartsWith(m.meta()[2].second,
                         "unit=claim l2=1.000000 class_weight=balanced "
                         "file_weight=equal signs=taxonomy iterations="));
  EXPECT_EQ(m.meta()[3].first, "calibration");
  EXPECT_EQ(m.meta()[4],
            (std::pair<std::string, std::string>("cv", "folds=3 seed=1")));
  EXPECT_EQ(m.meta()[5].first, "cv_metrics");
  EXPECT_TRUE(StartsWith(m.meta()[5].second, "all n=12 auc="));

  // The taxonomy keeps every weight on its side.
  const std::vector<int> directions =
      Extractor(DefaultLexicons()).FeatureDirections();
  ASSERT_EQ(directions.size(), m.weights().size());
  for (size_t j = 0; j < directions.size(); ++j) {
    EXPECT_GE(m.weights()[j] * directions[j], 0.0) << m.feature_names()[j];
  }

  const CliRun eval = Cli({"eval", data, "--model", model});
  ASSERT_EQ(eval.code, 0) << eval.err;
  EXPECT_EQ(eval.err, "");
  EXPECT_TRUE(StartsWith(eval.out, "eval: model credence-tuned, 12 rows\n"))
      << eval.out;
}

// - is standard output for tune's -o and --predictions and eval's
// --predictions: the file's bytes go there and the report to stderr; two
// outputs on standard output are a usage error.
TEST_F(TuneCliTest, DashWritesAFileToStandardOutput) {
  const std::string data = Write("data.csv", kLabeled);
  const std::string model = Path("my.model");
  const CliRun file = Cli({"tune", data, "-o", model, "--folds", "3"});
  ASSERT_EQ(file.code, 0) << file.err;
  const CliRun dash = Cli({"tune", data, "-o", "-", "--folds", "3"});
  ASSERT_EQ(dash.code, 0) << dash.err;
  // The model names its command line, which differs in -o's argument.
  std::string expected = ReadFile(model);
  const size_t at = expected.find(" -o " + model);
  ASSERT_NE(at, std::string::npos);
  expected.replace(at, 4 + model.size(), " -o -");
  EXPECT_EQ(dash.out, expected);
  EXPECT_EQ(dash.err.substr(0, dash.err.find('\n')),
            file.out.substr(0, file.out.find('\n')));
  EXPECT_EQ(dash.err.substr(dash.err.rfind("wrote")),
            "wrote the model to standard output\n");
  EXPECT_FALSE(fs::exists("-"));

  const CliRun both =
      Cli({"tune", data, "-o", "-", "--predictions", "-", "--folds", "3"});
  EXPECT_EQ(both.code, 2);
  EXPECT_EQ(both.err,
            "credence tune: -o - and --predictions - both name standard "
            "output (give a file to one of them)\n");

  const std::string predictions = Path("p.csv");
  const CliRun eval_file =
      Cli({"eval", data, "--model", model, "--predictions", predictions});
  ASSERT_EQ(eval_file.code, 0) << eval_file.err;
  const CliRun eval_dash =
      Cli({"eval", data, "--model", model, "--predictions", "-"});
  ASSERT_EQ(eval_dash.code, 0) << eval_dash.err;
  EXPECT_EQ(eval_dash.out, ReadFile(predictions));
  EXPECT_EQ(eval_dash.err, eval_file.out);
  EXPECT_TRUE(
      StartsWith(eval_dash.out, "file,line,id,unit,label,probability\n"))
      << eval_dash.out;
}

// --column is another name of --text-column on tune and eval, as on rank.
TEST_F(TuneCliTest, ColumnIsAnotherNameOfTextColumn) {
  const std::string data = Write("data.csv", kLabeled);
  const CliRun text = Cli({"eval", data, "--text-column", "text"});
  const CliRun column = Cli({"eval", data, "--column", "text"});
  ASSERT_EQ(text.code, 0) << text.err;
  EXPECT_EQ(column.code, 0) << column.err;
  EXPECT_EQ(column.out, text.out);
  const CliRun missing = Cli({"eval", data, "--column", "body"});
  EXPECT_EQ(missing.code, 1);
  EXPECT_NE(missing.err.find("no column 'body'"), std::string::npos)
      << missing.err;
  for (const char* command : {"tune", "eval"}) {
    std::vector<std::string> line = {command,         data,  "--column", "text",
                                     "--text-column", "text"};
    if (std::string(command) == "tune") {
      line.insert(line.end(), {"-o", Path("m.model")});
    }
    const CliRun both = Cli(line);
    EXPECT_EQ(both.code, 2) << command;
    EXPECT_EQ(both.err, std::string("credence ") + command +
                            ": --column is another name of --text-column "
                            "(give one of them)\n");
  }
}

TEST_F(TuneCliTest, TuningTwiceGivesByteIdenticalFiles) {
  const std::string data = Write("data.csv", kLabeled);
  const std::string model = Path("same.model");
  const std::vector<std::string> args = {"tune",   data, "-o",      model,
                                         "--seed", "7",  "--folds", "4"};
  ASSERT_EQ(Cli(args).code, 0);
  const std::string first = ReadFile(model);
  ASSERT_EQ(Cli(args).code, 0);
  const std::string second = ReadFile(model);
  EXPECT_FALSE(first.empty());
  EXPECT_EQ(first, second);
  EXPECT_NE(first.find("\nmeta cv folds=4 seed=7\n"), std::string::npos);
}

TEST_F(TuneCliTest, ArticleUnitFitsArticleWeights) {
  const std::string data = Write("articles.csv", kLabeled);
  const std::string model = Path("article.model");
  const CliRun r = Cli({"tune", data, "-o", model, "--unit", "article",
                        "--folds", "3", "--calibrate", "none"});
  ASSERT_EQ(r.code, 0) << r.err;
  const LinearModel m = LinearModel::LoadFile(model);
  ASSERT_TRUE(m.has_article_weights());
  // Without claim rows the article weights serve claims too; the article
  // features' weights follow those of the claim features.
  EXPECT_EQ(m.bias(), m.article_bias());
  const std::vector<double>& article = m.article_weights();
  ASSERT_EQ(article.size(), m.weights().size() + 4);
  EXPECT_EQ(m.weights(),
            std::vector<double>(article.begin(), article.end() - 4));
  EXPECT_EQ(m.article_feature_names(), ArticleFeatureNames());
  std::vector<std::string> keys;
  for (const auto& [key, value] : m.meta()) keys.push_back(key);
  EXPECT_EQ(keys,
            (std::vector<std::string>{"command", "article_input", "article_fit",
                                      "article_calibration", "article_cv",
                                      "article_cv_metrics"}));
}

TEST_F(TuneCliTest, ClaimAndArticleFilesTogether) {
  const std::string claims = Write("claims.csv", kLabeled);
  const std::string articles = Write("articles.csv", kLabeled);
  const std::string model = Path("both.model");
  const CliRun r = Cli({"tune", claims, "--article-file", articles, "-o", model,
                        "--folds", "3"});
  ASSERT_EQ(r.code, 0) << r.err;
  const LinearModel m = LinearModel::LoadFile(model);
  EXPECT_TRUE(m.has_article_weights());
  size_t fit = 0, article_fit = 0;
  for (const auto& [key, value] : m.meta()) {
    fit += key == "fit";
    article_fit += key == "article_fit";
  }
  EXPECT_EQ(fit, 1u);
  EXPECT_EQ(article_fit, 1u);
}

// --file-weights scale the FILE.csv inputs in order; --article-file files
// keep 1, and with --unit article the FILE.csv come first among articles.
TEST_F(TuneCliTest, FileWeightsReachTheFitsTheyName) {
  const std::string claims = Write("claims.csv", kLabeled);
  const std::string more = Write("more.csv", kLabeled);
  const std::string articles = Write("articles.csv", kLabeled);
  const std::string model = Path("w.model");
  const CliRun r = Cli({"tune", claims, more, "--article-file", articles, "-o",
                        model, "--folds", "3", "--file-weights", "3,0.5"});
  ASSERT_EQ(r.code, 0) << r.err;
  EXPECT_NE(r.out.find("file weight equal x 3,0.5: "), std::string::npos)
      << r.out;
  const auto meta_of = [&model] {
    const LinearModel m = LinearModel::LoadFile(model);
    std::map<std::string, std::string> meta;
    for (const auto& [key, value] : m.meta()) meta[key] = value;
    return meta;
  };
  std::map<std::string, std::string> meta = meta_of();
  EXPECT_NE(meta["fit"].find(" file_weights=3,0.5 "), std::string::npos);
  EXPECT_EQ(meta["article_fit"].find("file_weights"), std::string::npos);

  const CliRun a =
      Cli({"tune", claims, "--unit", "article", "--article-file", articles,
           "-o", model, "--folds", "3", "--file-weights", "2"});
  ASSERT_EQ(a.code, 0) << a.err;
  meta = meta_of();
  EXPECT_NE(meta["article_fit"].find(" file_weights=2,1 "), std::string::npos)
      << meta["article_fit"];
}

// The data says hedges lower a score and nothing of named sources; the
// constraints file makes a named source worth 0.75 over no source, and
// keeps a hedge at -2 or below, the article weights untouched.
TEST_F(TuneCliTest, ConstraintsHoldInTheWrittenModel) {
  const std::string data = Write("data.csv", kLabeled);
  const std::string articles = Write("articles.csv", kLabeled);
  const std::string constraints = Write("c.txt",
                                        "credence-constraints 1\n"
                                        "named_source + backing_named >= 0.75\n"
                                        "- hedge >= 2\n");
  const std::string model = Path("c.model");
  const CliRun r =
      Cli({"tune", data, "--article-file", articles, "-o", model, "--folds",
           "3", "--calibrate", "none", "--constraints", constraints});
  ASSERT_EQ(r.code, 0) << r.err;
  const LinearModel m = LinearModel::LoadFile(model);
  const auto weight = [&m](const std::string& name, bool article) {
    const std::vector<std::string>& names = m.feature_names();
    const size_t i = static_cast<size_t>(
        std::find(names.begin(), names.end(), name) - names.begin());
    return article ? m.article_weights()[i] : m.weights()[i];
  };
  EXPECT_NEAR(weight("named_source", false) + weight("backing_named", false),
              0.75, 1e-4);
  EXPECT_LE(weight("hedge", false), -2.0 + 1e-4);
  EXPECT_GT(weight("hedge", true), -2.0);  // the article fit is free of it
  std::map<std::string, std::string> meta;
  for (const auto& [key, value] : m.meta()) meta[key] = value;
  EXPECT_EQ(meta["constraints"],
            constraints + " sha256=" + Sha256OfFile(constraints));
  EXPECT_NE(meta["fit"].find(" constraints=2 "), std::string::npos);

  const CliRun bad = Cli({"tune", data, "-o", model, "--constraints", data});
  EXPECT_EQ(bad.code, 1);
  EXPECT_EQ(bad.err, "credence tune: " + data +
                         ":1: not a constraints file (hint: the first line "
                         "is 'credence-constraints 1')\n");
}

// ------------------------------------------------------------------- eval

// A model that puts +1 on every feature the taxonomy calls evidence of
// sourcing and -1 on every sign of doubt ranks the rows above perfectly.
TEST_F(TuneCliTest, EvalJsonOfAPerfectModel) {
  const std::string data = Write("data.csv", kLabeled);
  const LinearModel base = DefaultModel();
  const std::vector<int> directions =
      Extractor(DefaultLexicons()).FeatureDirections();
  std::vector<double> weights(directions.begin(), directions.end());
  for (double& w : weights) w *= 4;
  const LinearModel sign_model("signs", 0.0, base.feature_names(), weights);
  const std::string model = Path("signs.model");
  {
    std::ofstream out(model, std::ios::binary);
    sign_model.Save(out);
  }
  const CliRun r = Cli({"eval", data, "--model", model, "--format", "json"});
  ASSERT_EQ(r.code, 0) << r.err;
  EXPECT_EQ(r.err, "");
  const nlohmann::json j = nlohmann::json::parse(r.out);
  EXPECT_EQ(j["model"], "signs");
  EXPECT_EQ(j["n"], 12);
  EXPECT_EQ(j["positives"], 6);
  EXPECT_EQ(j["auc"], 1.0);
  // Every positive outranks every negative: no spread, no error.
  EXPECT_EQ(j["auc_se"], 0.0);
  EXPECT_EQ(j["auc_ci95"], nlohmann::json::array({1.0, 1.0}));
  EXPECT_EQ(j["accuracy"], 1.0);
  EXPECT_EQ(j["f1"], 1.0);
  EXPECT_EQ(j["f1_credible"], 1.0);
  EXPECT_EQ(j["f1_doubtful"], 1.0);
  for (const char* key : {"log_loss", "brier", "ece"}) {
    ASSERT_TRUE(j[key].is_number()) << key;
    EXPECT_GE(j[key].get<double>(), 0.0) << key;
    EXPECT_LT(j[key].get<double>(), 0.5) << key;
  }
  ASSERT_EQ(j["reliability"].size(), 10u);
  int rows = 0;
  for (size_t b = 0; b < 10; ++b) {
    const nlohmann::json& bin = j["reliability"][b];
    EXPECT_DOUBLE_EQ(bin["low"].get<double>(), static_cast<double>(b) / 10);
    EXPECT_DOUBLE_EQ(bin["high"].get<double>(),
                     static_cast<double>(b + 1) / 10);
    ASSERT_TRUE(bin.contains("mean_predicted"));
    ASSERT_TRUE(bin.contains("observed"));
    rows += bin["n"].get<int>();
  }
  EXPECT_EQ(rows, 12);
  ASSERT_EQ(j["files"].size(), 1u);
  EXPECT_EQ(j["files"][0]["path"], data);
  EXPECT_EQ(j["files"][0]["n"], 12);
  EXPECT_EQ(j["files"][0]["auc"], 1.0);
}

// The page of two files, one named with markup, and a user overlay entry
// that is a script: one section a scope, every text escaped, one script
// (the page's own).
TEST_F(TuneCliTest, EvalHtmlPageOfTwoFilesWithAHostileOverlay) {
  const std::string data = Write("data.csv", kLabeled);
  const std::string hostile = Write("<i>x</i>.csv", kLabeled);
  const std::string overlay = Path("overlay");
  std::filesystem::create_directory(overlay);
  Write("overlay/hedge.txt", "<script>alert('x')</script>\nmay\n");
  const std::string csv =
      Write("s.csv", "text,label\n<script>alert('x')</script> ok,0\n");
  const CliRun r = Cli({"eval", data, hostile, csv, "--format", "html",
                        "--cues", "--overlay", overlay});
  ASSERT_EQ(r.code, 0) << r.err;
  EXPECT_EQ(r.out.find("<!DOCTYPE html>\n"), 0u);
  for (const char* scope : {"id=\"s0\"", "id=\"s1\"", "id=\"s2\"", "id=\"s3\"",
                            "<table class=\"sortable\">"}) {
    EXPECT_NE(r.out.find(scope), std::string::npos) << scope;
  }
  EXPECT_EQ(r.out.find("<i>"), std::string::npos);
  EXPECT_NE(
      r.out.find("<h2>File " + Path("&lt;i&gt;x&lt;/i&gt;.csv") + "</h2>"),
      std::string::npos);
  EXPECT_NE(r.out.find("<td>&lt;script&gt;alert(&#39;x&#39;)&lt;/"
                       "script&gt;</td>"),
            std::string::npos);
  size_t scripts = 0;
  for (size_t at = r.out.find("<script"); at != std::string::npos;
       at = r.out.find("<script", at + 1)) {
    ++scripts;
  }
  EXPECT_EQ(scripts, 1u);
}

// --report writes the page of --format html to a file while stdout keeps
// the text report; a run that fails leaves the old file as it was.
TEST_F(TuneCliTest, EvalReportWritesThePageBesideTheTextReport) {
  const std::string data = Write("data.csv", kLabeled);
  const std::string page = Path("eval.html");
  const CliRun html = Cli({"eval", data, "--cues", "--format", "html"});
  ASSERT_EQ(html.code, 0) << html.err;
  const CliRun text = Cli({"eval", data, "--cues"});
  const CliRun both = Cli({"eval", data, "--cues", "--report", page});
  ASSERT_EQ(both.code, 0) << both.err;
  EXPECT_EQ(both.out, text.out);
  EXPECT_EQ(ReadFile(page), html.out);
  const std::string bad = Write("bad.csv", "text,label\nx,7\n");
  const CliRun failed = Cli({"eval", bad, "--report", page});
  EXPECT_EQ(failed.code, 1);
  EXPECT_EQ(ReadFile(page), html.out);
  const CliRun clobber = Cli({"eval", data, "--report", data});
  EXPECT_EQ(clobber.code, 2);
  EXPECT_NE(clobber.err.find("--report " + data + " is also an input"),
            std::string::npos)
      << clobber.err;
  const CliRun empty = Cli({"eval", data, "--report", ""});
  EXPECT_EQ(empty.code, 2);
  EXPECT_EQ(empty.err,
            "credence eval: --report must name a file (leave it out for no "
            "HTML page)\n");
}

// With --group-column, each event is one fold's held-out part and gets
// its own row, on screen and in the model file.
TEST_F(TuneCliTest, GroupedFileReportsEachGroup) {
  const std::string csv =
      "text,label,event\n"
      "The ministry confirmed the figures.,1,a\n"
      "The police confirmed the arrest on Monday.,1,b\n"
      "The agency confirmed the deal.,1,a\n"
      "The government confirmed the results.,1,b\n"
      "Sources say it may happen.,0,a\n"
      "Rumors suggest the deal could collapse.,0,b\n"
      "It is alleged that he might resign.,0,a\n"
      "Some people claim it could be true.,0,b\n";
  const std::string data = Write("events.csv", csv);
  const std::string model = Path("g.model");
  const CliRun r = Cli(
      {"tune", data, "-o", model, "--folds", "2", "--group-column", "event"});
  ASSERT_EQ(r.code, 0) << r.err;
  EXPECT_NE(r.out.find(" auc_se "), std::string::npos) << r.out;
  const LinearModel m = LinearModel::LoadFile(model);
  std::vector<std::string> scopes;
  for (const auto& [key, value] : m.meta()) {
    if (key == "cv_metrics")
      scopes.push_back(value.substr(0, value.find(" n=")));
  }
  EXPECT_EQ(scopes, (std::vector<std::string>{"all", data + " group=a",
                                              data + " group=b"}));
  EXPECT_NE(r.out.find("group=a "), std::string::npos) << r.out;
  EXPECT_NE(r.out.find("group=b "), std::string::npos) << r.out;
}

// Many groups: the model records the figures of the first 20 (in sorted
// order) and one line counting them all, so that its size stays bounded;
// the report shows the same 20 and says how many it leaves out.
TEST_F(TuneCliTest, ManyGroupsAreSummarizedInOneLine) {
  std::string csv = "text,label,event\n";
  for (int g = 0; g < 30; ++g) {
    const std::string event = (g < 10 ? "e0" : "e") + std::to_string(g);
    csv += "The ministry confirmed the figures.,1," + event + "\n";
    csv += "Sources say it may happen.,0," + event + "\n";
  }
  const std::string data = Write("events.csv", csv);
  const std::string model = Path("g.model");
  const CliRun r = Cli(
      {"tune", data, "-o", model, "--folds", "2", "--group-column", "event"});
  ASSERT_EQ(r.code, 0) << r.err;
  const LinearModel m = LinearModel::LoadFile(model);
  std::vector<std::string> scopes, counts;
  for (const auto& [key, value] : m.meta()) {
    if (key == "cv_metrics")
      scopes.push_back(value.substr(0, value.find(" n=")));
    if (key == "cv_groups") counts.push_back(value);
  }
  std::vector<std::string> expected = {"all"};
  for (int g = 0; g < 20; ++g) {
    expected.push_back(data + " group=" + (g < 10 ? "e0" : "e") +
                       std::to_string(g));
  }
  EXPECT_EQ(scopes, expected);
  EXPECT_EQ(counts, std::vector<std::string>{data + " groups=30 recorded=20"});
  EXPECT_NE(r.out.find("group=e19 "), std::string::npos) << r.out;
  EXPECT_EQ(r.out.find("group=e20 "), std::string::npos) << r.out;
  EXPECT_NE(r.out.find("(10 more groups not shown)"), std::string::npos)
      << r.out;
}

// A stream that takes no bytes, as a full disk or a closed pipe.
class FailingBuffer : public std::streambuf {
 protected:
  int_type overflow(int_type) override { return traits_type::eof(); }
  std::streamsize xsputn(const char*, std::streamsize) override { return 0; }
};

// eval and tune report a failed write of their report (exit 1), as score
// and rank do.
TEST_F(TuneCliTest, FailedWriteOfTheReportIsExitOne) {
  const std::string data = Write("data.csv", kLabeled);
  const std::vector<std::vector<std::string>> commands = {
      {"eval", data},
      {"eval", data, "--format", "json"},
      {"tune", data, "-o", Path("out.model"), "--folds", "3"},
  };
  for (const auto& args : commands) {
    SCOPED_TRACE(args.back());
    FailingBuffer failing;
    std::ostream out(&failing);
    std::istringstream in;
    std::ostringstream err;
    EXPECT_EQ(RunCli(args, in, out, err), 1);
    EXPECT_EQ(err.str(), "credence " + args[0] +
                             ": cannot write the output (disk full or pipe "
                             "closed?)\n");
  }
}

// Rows of a --predictions file, split into fields (no field here needs
// quotes).
std::vector<std::vector<std::string>> ReadPredictions(const std::string& path) {
  std::vector<std::vector<std::string>> rows;
  std::istringstream in(ReadFile(path));
  std::string line;
  while (std::getline(in, line)) {
    std::vector<std::string> fields;
    std::istringstream fields_in(line);
    std::string field;
    while (std::getline(fields_in, field, ',')) fields.push_back(field);
    if (!line.empty() && line.back() == ',') fields.emplace_back();
    rows.push_back(fields);
  }
  return rows;
}

// tune --predictions: every row's out-of-fold probability, from which the
// AUC the model file records can be recomputed.
TEST_F(TuneCliTest, TunePredictionsAreTheOutOfFoldFigures) {
  const std::string data = Write("data.csv", kLabeled);
  const std::string model = Path("m.model");
  const std::string predictions = Path("oof.csv");
  const CliRun r = Cli({"tune", data, "-o", model, "--folds", "3",
                        "--predictions", predictions});
  ASSERT_EQ(r.code, 0) << r.err;
  const auto rows = ReadPredictions(predictions);
  ASSERT_EQ(rows.size(), 13u);
  EXPECT_EQ(rows[0], (std::vector<std::string>{"file", "line", "id", "unit",
                                               "label", "probability"}));
  // The record on lines 3-4 spans two lines; kLabeled has no id column.
  const std::vector<std::string> lines = {"2", "3",  "5",  "6",  "7",  "8",
                                          "9", "10", "11", "12", "13", "14"};
  std::vector<double> p;
  std::vector<int> y;
  for (size_t i = 1; i < rows.size(); ++i) {
    SCOPED_TRACE(i);
    ASSERT_EQ(rows[i].size(), 6u);
    EXPECT_EQ(rows[i][0], data);
    EXPECT_EQ(rows[i][1], lines[i - 1]);
    EXPECT_EQ(rows[i][2], "");
    EXPECT_EQ(rows[i][3], "claim");
    EXPECT_EQ(rows[i][4], i <= 6 ? "1" : "0");
    EXPECT_EQ(rows[i][5].size(), 11u);  // 0.123456789
    p.push_back(std::stod(rows[i][5]));
    y.push_back(std::stoi(rows[i][4]));
  }
  const LinearModel m = LinearModel::LoadFile(model);
  std::string cv;
  for (const auto& [key, value] : m.meta()) {
    if (key == "cv_metrics") cv = value;
  }
  std::ostringstream auc;
  auc << "all n=12 auc=" << std::fixed << std::setprecision(4) << Auc(p, y)
      << " ";
  EXPECT_TRUE(StartsWith(cv, auc.str())) << cv << " vs " << auc.str();
}

// eval --predictions: ids from the id column, the unit each file was read
// as, and the probability the scorer gives the row.
TEST_F(TuneCliTest, EvalPredictionsNameEachRow) {
  const std::string claims = Write("claims.csv",
                                   "id,text,label\n"
                                   "c1,The ministry confirmed the figures.,1\n"
                                   "c2,Sources say it may happen.,0\n");
  const std::string articles =
      Write("articles.csv",
            "text,label\n"
            "\"Port deal approved\nThe ministry confirmed the deal.\",1\n");
  const std::string predictions = Path("p.csv");
  const CliRun r = Cli({"eval", claims, "--article-file", articles,
                        "--predictions", predictions});
  ASSERT_EQ(r.code, 0) << r.err;
  const auto rows = ReadPredictions(predictions);
  ASSERT_EQ(rows.size(), 4u);
  const Scorer scorer(Extractor(DefaultLexicons()), DefaultModel());
  const std::string text = "The ministry confirmed the figures.";
  std::ostringstream p;
  p << std::fixed << std::setprecision(9)
    << scorer.ScoreClaim(text, {0, text.size()}).confidence;
  EXPECT_EQ(rows[1], (std::vector<std::string>{claims, "2", "c1", "claim", "1",
                                               p.str()}));
  EXPECT_EQ(rows[2][2], "c2");
  EXPECT_EQ(rows[2][4], "0");
  EXPECT_EQ(rows[3][0], articles);
  EXPECT_EQ(rows[3][1], "2");
  EXPECT_EQ(rows[3][2], "");
  EXPECT_EQ(rows[3][3], "article");
}

// eval --cues: each cue with the rows it fires in, by class. "may" (hedge)
// is in two rows of kLabeled, both labeled 0 (six rows a class):
// Haldane counts 0.5, 6.5, 2.5, 4.5 -> log OR ln(0.5 * 4.5 / (6.5 * 2.5))
// = ln(0.1384615385) = -1.977163, se sqrt(2 + 1/6.5 + 1/2.5 + 1/4.5)
// = sqrt(2.7760683761) = 1.666154.
TEST_F(TuneCliTest, EvalCuesCountRowsByClass) {
  const std::string data = Write("data.csv", kLabeled);
  const CliRun json = Cli({"eval", data, "--cues", "--format", "json"});
  ASSERT_EQ(json.code, 0) << json.err;
  const nlohmann::json j = nlohmann::json::parse(json.out);
  ASSERT_TRUE(j["cues"].is_array());
  nlohmann::json may;
  int total = 0;
  for (const nlohmann::json& cue : j["cues"]) {
    total += cue["rows"].get<int>();
    if (cue["category"] == "hedge" && cue["entry"] == "may") may = cue;
  }
  ASSERT_FALSE(may.is_null()) << j["cues"].dump();
  EXPECT_EQ(may["source"], "<built-in>/hedge.txt:5");
  EXPECT_EQ(may["rows"], 2);
  EXPECT_EQ(may["rows_credible"], 0);
  EXPECT_NEAR(may["log_odds_ratio"].get<double>(), -1.977163, 1e-6);
  EXPECT_NEAR(may["se"].get<double>(), 1.666154, 1e-6);
  EXPECT_EQ(may["side"], -1);
  EXPECT_EQ(may["contradicts"], false);
  EXPECT_GT(total, 12);

  const CliRun text = Cli({"eval", data, "--cues"});
  ASSERT_EQ(text.code, 0) << text.err;
  EXPECT_NE(text.out.find("cues: the rows each fires in (6 labeled 1, 6 "
                          "labeled 0)"),
            std::string::npos)
      << text.out;
  EXPECT_NE(text.out.find("       2        0   -1.98   1.67  -     hedge    "
                          "              may (<built-in>/hedge.txt:5)\n"),
            std::string::npos)
      << text.out;
  // A hedge in every credible row and no other: ln(8.5 * 8.5 / 0.25) =
  // 5.666427 against 2 x se = 2 x sqrt(2 / 8.5 + 2 / 0.5) = 4.115613.
  std::string against = "text,label\n";
  for (int i = 0; i < 8; ++i) {
    against += "Row " + std::to_string(i) + " may be fine.,1\n";
    against += "Row " + std::to_string(i) + " is fine.,0\n";
  }
  const CliRun flagged = Cli(
      {"eval", Write("against.csv", against), "--cues", "--format", "json"});
  ASSERT_EQ(flagged.code, 0) << flagged.err;
  bool found = false;
  const nlohmann::json flagged_json = nlohmann::json::parse(flagged.out);
  for (const nlohmann::json& cue : flagged_json["cues"]) {
    if (cue["entry"] != "may") continue;
    found = true;
    EXPECT_NEAR(cue["log_odds_ratio"].get<double>(), 5.666427, 1e-6);
    EXPECT_EQ(cue["contradicts"], true);
  }
  EXPECT_TRUE(found);
  // Without --cues, neither.
  EXPECT_EQ(Cli({"eval", data}).out.find("cues:"), std::string::npos);
  EXPECT_FALSE(
      nlohmann::json::parse(Cli({"eval", data, "--format", "json"}).out)
          .contains("cues"));
}

TEST_F(TuneCliTest, EvalJsonOfSeveralFilesAndOneClass) {
  const std::string data = Write("data.csv", kLabeled);
  const std::string ones = Write("ones.csv",
                                 "text,label\nThe ministry confirmed it.,1\n"
                                 "The police confirmed the arrest.,1\n");
  const CliRun r = Cli({"eval", data, ones, "--format", "json"});
  ASSERT_EQ(r.code, 0) << r.err;
  const nlohmann::json j = nlohmann::json::parse(r.out);
  EXPECT_EQ(j["n"], 14);
  EXPECT_EQ(j["positives"], 8);
  ASSERT_EQ(j["files"].size(), 2u);
  EXPECT_EQ(j["files"][0]["path"], data);
  EXPECT_EQ(j["files"][0]["n"], 12);
  EXPECT_EQ(j["files"][1]["path"], ones);
  EXPECT_EQ(j["files"][1]["n"], 2);
  // One class: AUC is undefined, and null in JSON.
  EXPECT_TRUE(j["files"][1]["auc"].is_null());
  EXPECT_TRUE(j["files"][1]["auc_se"].is_null());
  EXPECT_TRUE(j["files"][1]["auc_ci95"].is_null());
  EXPECT_TRUE(j["files"][1]["accuracy"].is_number());
}

// --------------------------------------------------------------- failures

struct Failure {
  const char* name;
  std::vector<std::string> args;  // "DIR" is replaced by the scratch folder
  int code;
  std::string err;  // the whole of standard error, or its start if "..."
};

TEST_F(TuneCliTest, FailuresAreOneLineWithTheRightExitCode) {
  const std::string dir = dir_.path().string();
  Write("data.csv", kLabeled);
  // The bad label sits on line 6, after a record that spans lines 3-4.
  Write("badlabel.csv",
        "text,label\nFirst claim,1\n\"Second, two-line\nclaim\",0\n"
        "Third claim,1\nFourth claim,yes\n");
  Write("ones.csv", "text,label\nThe ministry confirmed it.,1\nIt may.,1\n");
  Write("nolabel.csv", "text,verdict\nThe ministry confirmed it.,1\n");
  Write("header.csv", "text,label\n");
  const std::string data = dir + "/data.csv";
  const std::string out = dir + "/out.model";
  const Failure cases[] = {
      {"no input",
       {"tune", "-o", out},
       2,
       "credence tune: no labeled CSV file given (credence tune FILE.csv -o "
       "OUT.model)\n"},
      {"no output",
       {"tune", data},
       2,
       "credence tune: -o OUT.model is required (where to write the model)\n"},
      {"folds 1",
       {"tune", data, "-o", out, "--folds", "1"},
       2,
       "credence tune: --folds must be between 2 and 1000, not 1\n"},
      {"folds 1001",
       {"tune", data, "-o", out, "--folds", "1001"},
       2,
       "credence tune: --folds must be between 2 and 1000, not 1001\n"},
      {"unit",
       {"tune", data, "-o", out, "--unit", "foo"},
       2,
       "credence tune: --unit must be claim or article, not 'foo'\n"},
      {"class weight",
       {"tune", data, "-o", out, "--class-weight", "x"},
       2,
       "credence tune: --class-weight must be balanced or none, not 'x'\n"},
      {"file weight",
       {"tune", data, "-o", out, "--file-weight", "x"},
       2,
       "credence tune: --file-weight must be equal or rows, not 'x'\n"},
      {"file weights count",
       {"tune", data, "-o", out, "--file-weights", "1,2"},
       2,
       "credence tune: --file-weights gives 2 weights for 1 FILE.csv (hint: "
       "one number > 0 for each of the 1 FILE.csv, comma-separated)\n"},
      {"file weights zero",
       {"tune", data, data, "-o", out, "--file-weights", "1,0"},
       2,
       "credence tune: --file-weights: '0' is not a number > 0 (hint: one "
       "number > 0 for each of the 2 FILE.csv, comma-separated)\n"},
      {"file weights empty item",
       {"tune", data, data, "-o", out, "--file-weights", "1,"},
       2,
       "credence tune: --file-weights: '' is not a number > 0 (hint: one "
       "number > 0 for each of the 2 FILE.csv, comma-separated)\n"},
      {"file weights word",
       {"tune", data, "-o", out, "--file-weights", "2x"},
       2,
       "credence tune: --file-weights: '2x' is not a number > 0 (hint: one "
       "number > 0 for each of the 1 FILE.csv, comma-separated)\n"},
      {"file weights infinite",
       {"tune", data, "-o", out, "--file-weights", "inf"},
       2,
       "credence tune: --file-weights: 'inf' is not a number > 0 (hint: one "
       "number > 0 for each of the 1 FILE.csv, comma-separated)\n"},
      {"calibrate",
       {"tune", data, "-o", out, "--calibrate", "x"},
       2,
       "credence tune: --calibrate must be auto or platt or none, not 'x'\n"},
      {"signs",
       {"tune", data, "-o", out, "--signs", "x"},
       2,
       "credence tune: --signs must be taxonomy or free, not 'x'\n"},
      {"l2 negative",
       {"tune", data, "-o", out, "--l2", "-1"},
       2,
       "credence tune: --l2 must be a number >= 0\n"},
      {"l2 not a number",
       {"tune", data, "-o", out, "--l2", "abc"},
       2,
       "credence tune: the argument ('abc') for option '--l2' is invalid..."},
      {"article l2",
       {"tune", data, "-o", out, "--article-l2", "-0.5"},
       2,
       "credence tune: --article-l2 must be a number >= 0\n"},
      {"seed",
       {"tune", data, "-o", out, "--seed", "-3"},
       2,
       "credence tune: --seed must be >= 0\n"},
      {"empty name",
       {"tune", data, "-o", out, "--name", ""},
       2,
       "credence tune: --name must be one non-empty line of printable "
       "UTF-8 text\n"},
      {"name with a carriage return",
       {"tune", data, "-o", out, "--name", "a\rb"},
       2,
       "credence tune: --name must be one non-empty line of printable "
       "UTF-8 text\n"},
      {"name with an escape",
       {"tune", data, "-o", out, "--name", "a\x1B[2Jb"},
       2,
       "credence tune: --name must be one non-empty line of printable "
       "UTF-8 text\n"},
      {"name in Latin-1",
       {"tune", data, "-o", out, "--name", "na\xEFve"},
       2,
       "credence tune: --name must be one non-empty line of printable "
       "UTF-8 text\n"},
      {"empty predictions",
       {"tune", data, "-o", out, "--predictions", ""},
       2,
       "credence tune: --predictions must name a file (leave it out for no "
       "predictions)\n"},
      {"eval empty predictions",
       {"eval", data, "--predictions", ""},
       2,
       "credence eval: --predictions must name a file (leave it out for no "
       "predictions)\n"},
      {"tune directory",
       {"tune", dir, "-o", out},
       1,
       "credence tune: " + dir + ": is a directory (give a CSV file)\n"},
      {"eval directory",
       {"eval", dir},
       1,
       "credence eval: " + dir + ": is a directory (give a CSV file)\n"},
      {"eval model directory",
       {"eval", data, "--model", dir},
       1,
       "credence eval: " + dir + ": is a directory (give a model file)\n"},
      {"tune prior directory",
       {"tune", data, "-o", out, "--prior", dir},
       1,
       "credence tune: " + dir + ": is a directory (give a model file)\n"},
      {"eval article directory",
       {"eval", data, "--article-file", dir},
       1,
       "credence eval: " + dir + ": is a directory (give a CSV file)\n"},
      {"bad label",
       {"tune", dir + "/badlabel.csv", "-o", out},
       1,
       "credence tune: " + dir +
           "/badlabel.csv:6: label 'yes' is not 0/1 "
           "or true/false..."},
      {"one class",
       {"tune", dir + "/ones.csv", "-o", out, "--folds", "2"},
       1,
       "credence tune: " + dir +
           "/ones.csv: the data holds only rows "
           "labeled 1 (tuning needs both classes)\n"},
      {"missing label column",
       {"tune", dir + "/nolabel.csv", "-o", out},
       1,
       "credence tune: " + dir +
           "/nolabel.csv:1: no column 'label' "
           "(columns: text, verdict)\n"},
      {"header only",
       {"tune", dir + "/header.csv", "-o", out},
       1,
       "credence tune: " + dir +
           "/header.csv:2: no data rows (hint: the "
           "file holds a header only)\n"},
      {"missing input",
       {"tune", dir + "/nope.csv", "-o", out},
       1,
       "credence tune: " + dir + "/nope.csv: cannot open..."},
      {"output folder missing",
       {"tune", data, "-o", dir + "/no/dir/x.model"},
       1,
       "credence tune: " + dir +
           "/no/dir/x.model: cannot create (No such file or directory)\n"},
      {"fewer rows than folds",
       {"tune", dir + "/ones.csv", "-o", out, "--folds", "3"},
       1,
       "credence tune: " + dir +
           "/ones.csv: tune: 2 rows for 3 folds (hint: "
           "lower --folds)\n"},
      {"output is an input",
       {"tune", data, "-o", data},
       2,
       "credence tune: -o " + data +
           " is also an input (it would be overwritten; choose another "
           "path)\n"},
      {"predictions is an input",
       {"tune", data, "-o", out, "--predictions", data},
       2,
       "credence tune: --predictions " + data +
           " is also an input (it would be overwritten; choose another "
           "path)\n"},
      {"predictions is the model",
       {"tune", data, "-o", out, "--predictions", dir + "/./out.model"},
       2,
       "credence tune: --predictions and -o name the same file (" + out +
           ")\n"},
      {"bad label, predictions asked for",
       {"tune", dir + "/badlabel.csv", "-o", dir + "/m.model", "--predictions",
        out},
       1,
       "credence tune: " + dir + "/badlabel.csv:6: label 'yes'..."},
      {"eval predictions is an input",
       {"eval", data, "--predictions", data},
       2,
       "credence eval: --predictions " + data +
           " is also an input (it would be overwritten; choose another "
           "path)\n"},
      {"eval bad label, predictions asked for",
       {"eval", dir + "/badlabel.csv", "--predictions", out},
       1,
       "credence eval: " + dir + "/badlabel.csv:6: label 'yes'..."},
      {"eval no input",
       {"eval"},
       2,
       "credence eval: no labeled CSV file given (credence eval FILE.csv)\n"},
      {"eval format",
       {"eval", data, "--format", "yaml"},
       2,
       "credence eval: --format must be text or json or html, not 'yaml'\n"},
      {"eval unit",
       {"eval", data, "--unit", "page"},
       2,
       "credence eval: --unit must be claim or article, not 'page'\n"},
      {"eval bad label",
       {"eval", dir + "/badlabel.csv"},
       1,
       "credence eval: " + dir + "/badlabel.csv:6: label 'yes'..."},
      {"eval missing model",
       {"eval", data, "--model", dir + "/none.model"},
       1,
       "credence eval: " + dir + "/none.model: cannot open model file..."},
  };
  for (const Failure& c : cases) {
    SCOPED_TRACE(c.name);
    const CliRun r = Cli(c.args);
    EXPECT_EQ(r.code, c.code) << r.err;
    EXPECT_EQ(r.out, "");
    const std::string suffix = "...";
    const bool prefix =
        c.err.size() > 3 && c.err.compare(c.err.size() - 3, 3, suffix) == 0;
    if (prefix) {
      EXPECT_TRUE(StartsWith(r.err, c.err.substr(0, c.err.size() - 3)))
          << r.err;
    } else {
      EXPECT_EQ(r.err, c.err);
    }
    // One line.
    ASSERT_FALSE(r.err.empty());
    EXPECT_EQ(r.err.find('\n'), r.err.size() - 1) << r.err;
    // Nothing written.
    EXPECT_FALSE(fs::exists(out));
  }
  EXPECT_FALSE(fs::exists(dir + "/no"));
  // No temporary files are left behind either.
  size_t files = 0;
  for (const auto& entry : fs::directory_iterator(dir_.path())) {
    (void)entry;
    ++files;
  }
  EXPECT_EQ(files, 5u);
}

// A failed run leaves an existing model file as it was.
TEST_F(TuneCliTest, FailureKeepsTheOldModelFile) {
  const std::string bad =
      Write("bad.csv", "text,label\nThe ministry confirmed it.,2\n");
  const std::string model = Write("keep.model", "old bytes");
  const CliRun r = Cli({"tune", bad, "-o", model});
  EXPECT_EQ(r.code, 1);
  EXPECT_EQ(ReadFile(model), "old bytes");
}

TEST_F(TuneCliTest, HelpDescribesTheOptions) {
  const CliRun tune = Cli({"tune", "--help"});
  EXPECT_EQ(tune.code, 0);
  EXPECT_TRUE(StartsWith(tune.out, "usage: credence tune FILE.csv"));
  const CliRun eval = Cli({"eval", "--help"});
  EXPECT_EQ(eval.code, 0);
  EXPECT_TRUE(StartsWith(eval.out, "usage: credence eval FILE.csv"));
}

}  // namespace
}  // namespace credence
