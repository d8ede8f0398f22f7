// Bad input, run through the built credence binary: whatever it is given,
// credence ends with exit 0 and a well-formed report, or with exit 1 or 2
// and one line on stderr; never a signal. Also: an interrupted `rank
// --output` leaves the previous file, and output is the same in any locale.
//
// The cases the in-process CLI test (cli_test.cc) and the library tests
// already cover are not repeated here; docs/reliability.md lists the whole
// matrix.
#include <fcntl.h>
#include <gtest/gtest.h>
#include <signal.h>
#include <sys/ioctl.h>
#include <sys/resource.h>
#include <sys/stat.h>
#include <sys/sysmacros.h>
#include <sys/wait.h>
#include <unistd.h>

#include <algorithm>
#include <chrono>
#include <clocale>
#include <cstdint>
#include <cstdlib>
#include <filesystem>
#include <functional>
#include <locale>
#include <nlohmann/json.hpp>
#include <sstream>
#include <string>
#include <thread>
#include <vector>

#include "features/extractor.h"
#include "tests/scratch_dir.h"
#include "tools/cli.h"

namespace credence {
namespace {

namespace fs = std::filesystem;

struct Outcome {
  int code = -1;   // exit code, -1 when ended by a signal
  int signal = 0;  // the signal that ended it, or 0
  std::string out;
  std::string err;
  long max_rss_kb = 0;  // the run's peak resident memory
};

// Scratch folder per test; runs the binary with stdin from a file.
class BadInputTest : public ScratchDirTest {
 protected:
  BadInputTest() : ScratchDirTest("credence_bad_input_test") {}

  // TMPDIR for the runs, when not the scratch folder.
  std::string tmpdir_;
  // Where the runs' standard output goes, when not stdout.bin.
  std::string stdout_path_;

  // The names in the scratch folder that start with `prefix`.
  std::vector<std::string> Named(const std::string& prefix) const {
    std::vector<std::string> names;
    for (const auto& e : std::filesystem::directory_iterator(dir_.path())) {
      const std::string name = e.path().filename().string();
      if (name.rfind(prefix, 0) == 0) names.push_back(name);
    }
    return names;
  }

  // Runs credence with `args`; stdin is `input`, LC_ALL is `lc_all` when
  // given, TMPDIR is the scratch folder.
  // `child`, when given, runs in the child once its streams are set up
  // (to set a resource limit, say).
  Outcome Credence(const std::vector<std::string>& args,
                   const std::string& input = "",
                   const std::string& lc_all = "",
                   const std::function<void()>& child = {}) {
    const std::string in = Write("stdin.bin", input);
    const std::string out = Path("stdout.bin");
    const std::string err = Path("stderr.bin");
    const pid_t pid = Spawn(
        args, lc_all,
        [&] { Redirect(::open(in.c_str(), O_RDONLY), STDIN_FILENO); }, child);
    Outcome r = Wait(pid);
    r.out = ReadFile(out);
    r.err = ReadFile(err);
    return r;
  }

  // Forks credence with stdout and stderr to the scratch folder; `stdin`
  // sets up standard input in the child.
  template <typename SetUpStdin>
  pid_t Spawn(const std::vector<std::string>& args, const std::string& lc_all,
              SetUpStdin stdin, const std::function<void()>& child = {}) {
    std::vector<std::string> argv = {CREDENCE_BINARY};
    argv.insert(argv.end(), args.begin(), args.end());
    const std::string out =
        stdout_path_.empty() ? Path("stdout.bin") : stdout_path_;
    const std::string err = Path("stderr.bin");
    const std::string tmp = tmpdir_.empty() ? dir_.path().string() : tmpdir_;
    const pid_t pid = ::fork();
    if (pid == 0) {
      stdin();
      Redirect(::open(out.c_str(), O_WRONLY | O_CREAT | O_TRUNC, 0644),
               STDOUT_FILENO);
      Redirect(::open(err.c_str(), O_WRONLY | O_CREAT | O_TRUNC, 0644),
               STDERR_FILENO);
      ::setenv("TMPDIR", tmp.c_str(), 1);
      if (!lc_all.empty()) ::setenv("LC_ALL", lc_all.c_str(), 1);
      if (child) child();
      std::vector<char*> c_argv;
      for (std::string& a : argv) c_argv.push_back(a.data());
      c_argv.push_back(nullptr);
      ::execv(c_argv[0], c_argv.data());
      ::_exit(127);
    }
    return pid;
  }

  static void Redirect(int fd, int to) {
    if (fd < 0 || ::dup2(fd, to) < 0) ::_exit(126);
    ::close(fd);
  }

  static Outcome Wait(pid_t pid) {
    Outcome r;
    int status = 0;
    struct rusage usage = {};
    if (pid < 0 || ::wait4(pid, &status, 0, &usage) != pid) {
      ADD_FAILURE() << "cannot run " << CREDENCE_BINARY;
      return r;
    }
    if (WIFEXITED(status)) r.code = WEXITSTATUS(status);
    if (WIFSIGNALED(status)) r.signal = WTERMSIG(status);
    r.max_rss_kb = usage.ru_maxrss;
    return r;
  }

  // The run failed with `code`, no stdout, and stderr is one line that
  // starts with `prefix` (equals it, when `prefix` ends the line).
  static void ExpectFailure(const Outcome& r, int code,
                            const std::string& prefix) {
    EXPECT_EQ(r.signal, 0);
    EXPECT_EQ(r.code, code);
    EXPECT_EQ(r.out, "");
    if (!prefix.empty() && prefix.back() == '\n') {
      EXPECT_EQ(r.err, prefix);
    } else {
      EXPECT_EQ(r.err.substr(0, prefix.size()), prefix) << r.err;
      EXPECT_EQ(r.err.find('\n'), r.err.size() - 1) << r.err;
    }
  }
};

// ------------------------------------------------------------------ score

TEST_F(BadInputTest, ScoreRejectsBinaryData) {
  const std::string png = Write("image.png", "\x89PNG\r\n\x1A\n");
  ExpectFailure(Credence({"score", png}), 1,
                "credence score: " + png +
                    ":1:1: invalid UTF-8 (byte 0x89; convert the text to "
                    "UTF-8, e.g. iconv -f latin1 -t utf-8)\n");
  // Random bytes with NULs: whichever comes first is reported.
  std::string noise;
  for (int i = 0; i < 4096; ++i) {
    noise.push_back(static_cast<char>((i * 7919 + 13) % 251));
  }
  // The noise starts with byte 13, a lone CR: a line end.
  ExpectFailure(Credence({"score", "-"}, noise), 1, "credence score: -:2:");
}

// Invalid UTF-8 is an error, never replaced: the position is the line and
// the column (in code points) of the first bad byte.
TEST_F(BadInputTest, ScoreRejectsEveryKindOfInvalidUtf8) {
  struct Case {
    const char* name;
    std::string text;
    const char* where;  // line:column and byte
  } cases[] = {
      {"lone continuation byte", "Head\nab\x80",
       "2:3: invalid UTF-8 (byte 0x80"},
      {"overlong slash", "Head\n\xC0\xAF", "2:1: invalid UTF-8 (byte 0xC0"},
      {"surrogate",
       "H\xC3\xA9"
       "ad \xED\xA0\x80",
       "1:6: invalid UTF-8 (byte 0xED"},
      {"beyond U+10FFFF", "\xF4\x90\x80\x80", "1:1: invalid UTF-8 (byte 0xF4"},
      {"truncated at the end", "Head\n\xE2\x82",
       "2:1: invalid UTF-8 (byte 0xE2"},
  };
  for (const Case& c : cases) {
    SCOPED_TRACE(c.name);
    ExpectFailure(Credence({"score", "-"}, c.text), 1,
                  std::string("credence score: -:") + c.where + ";");
  }
}

TEST_F(BadInputTest, ScoreRejectsTextOfOnlyByteOrderMarkAndSpaces) {
  ExpectFailure(Credence({"score", "-"}, "\xEF\xBB\xBF\xC2\xA0\r\n"), 1,
                "credence score: -: empty input (nothing to score: give a "
                "headline line, then the article)\n");
}

// Scoring is linear in the input; the test checks the report's shape.
TEST_F(BadInputTest, ScoresATwentyMegabyteLineWithoutPunctuation) {
  // Plain words and a hedge every 4,096 words: one claim, every hedge a
  // cue (a denser line is the cue flood below).
  const std::string words[] = {"the",   "old",   "harbor", "crane",
                               "moved", "along", "the",    "quay"};
  std::string line;
  const size_t size = size_t{20} << 20;
  size_t hedges = 0;
  for (size_t i = 1; line.size() < size - 16; ++i) {
    if (i % 4096 == 0) {
      line += "reportedly ";
      ++hedges;
    }
    line += words[i % 8];
    line += ' ';
  }
  line.append(size - line.size(), 'x');  // ends inside a word
  const Outcome r =
      Credence({"score", Write("long.txt", line), "--format", "json"});
  ASSERT_EQ(r.signal, 0);
  ASSERT_EQ(r.code, 0) << r.err;
  EXPECT_EQ(r.err, "");
  const auto j = nlohmann::json::parse(r.out);
  ASSERT_EQ(j["claims"].size(), 1u);
  const auto& claim = j["claims"][0];
  EXPECT_EQ(claim["start"], 0);
  EXPECT_EQ(claim["end"], size);
  EXPECT_EQ(claim["text"].get<std::string>().size(), size);
  EXPECT_GT(claim["confidence"].get<double>(), 0.0);
  EXPECT_LT(claim["confidence"].get<double>(), 1.0);
  ASSERT_EQ(claim["cues"].size(), hedges);
  for (const auto& cue : claim["cues"]) {
    ASSERT_EQ(cue["category"], "hedge");
    ASSERT_EQ(cue["text"], "reportedly");
  }
}

TEST_F(BadInputTest, ScoresAFloodOfCueWords) {
  // One claim of 50,000 hedges, then 2,000 claims of many cues each.
  std::string text = "Flood\n";
  const size_t hedges = 50000;
  for (size_t i = 0; i < hedges; ++i) text += "reportedly ";
  text += "\n";
  const size_t claims = 2000;
  for (size_t i = 0; i < claims; ++i) {
    text +=
        "BREAKING: critics say sources said it may allegedly be "
        "the so-called deal! ";
  }
  const Outcome r =
      Credence({"score", Write("flood.txt", text), "--format", "json"});
  ASSERT_EQ(r.signal, 0);
  ASSERT_EQ(r.code, 0) << r.err.substr(0, 200);
  const auto j = nlohmann::json::parse(r.out);
  ASSERT_EQ(j["claims"].size(), 2 + claims);
  const auto& flood = j["claims"][1];
  ASSERT_EQ(flood["cues"].size(), hedges);
  for (const auto& cue : flood["cues"]) ASSERT_EQ(cue["category"], "hedge");
  // log(1 + s) grows slowly: 50,000 cues weigh about 16 times one.
  EXPECT_GT(flood["confidence"].get<double>(), 0.0);
  EXPECT_LT(flood["confidence"].get<double>(), 0.62);
  for (size_t k = 2; k < 2 + claims; ++k) {
    ASSERT_GE(j["claims"][k]["cues"].size(), 5u) << k;
  }
}

// ------------------------------------------------------------------- rank

TEST_F(BadInputTest, RankRejectsInputThatIsNotCsv) {
  const std::string empty = Write("empty.csv", "");
  ExpectFailure(
      Credence({"rank", empty}), 1,
      "credence rank: " + empty + ":1: empty input (expected a header row)\n");
  const std::string unclosed =
      Write("unclosed.csv", "id,headline\na,\"never closed\nb,fine\n");
  ExpectFailure(Credence({"rank", unclosed}), 1,
                "credence rank: " + unclosed +
                    ":2: unclosed quote (a quoted field never ends; "
                    "--skip-bad-rows reports and skips bad rows)\n");
  const std::string png = Write("image.png", "\x89PNG\r\n\x1A\n\0\0\0\r");
  ExpectFailure(Credence({"rank", png}), 1,
                "credence rank: " + png + ":1: no column 'headline'");
  const std::string nul =
      Write("nul.csv", std::string("headline\nok\nnul\0inside\n", 24));
  ExpectFailure(Credence({"rank", nul}), 1,
                "credence rank: " + nul +
                    ":3: NUL byte in column 'headline' (text files hold "
                    "none; --skip-bad-rows reports and skips bad rows)\n");
  const std::string latin1 = Write("latin1.csv", "headline\nna\xEFve\n");
  ExpectFailure(Credence({"rank", latin1}), 1,
                "credence rank: " + latin1 +
                    ":2: invalid UTF-8 in column 'headline' (save the file "
                    "as UTF-8; --skip-bad-rows reports and skips bad "
                    "rows)\n");
}

// A header and no rows is an empty ranking, not an error.
TEST_F(BadInputTest, RankOfOnlyAHeaderIsEmpty) {
  const Outcome r = Credence({"rank", Write("h.csv", "id,headline\r\n")});
  EXPECT_EQ(r.signal, 0);
  EXPECT_EQ(r.code, 0);
  EXPECT_EQ(r.out, "rank,id,score,backing,cue_category,cue,text\n");
  EXPECT_EQ(r.err, "read 0 rows, ranked 0, rejected 0\n");
}

// The record is read again from the file for output (FileRecordSource).
TEST_F(BadInputTest, RankTakesAFiveMegabyteField) {
  std::string big;
  while (big.size() < (size_t{5} << 20)) big += "reportedly, \"quoted\" words ";
  std::string quoted;
  for (const char c : big) {
    quoted += c;
    if (c == '"') quoted += '"';
  }
  const Outcome r = Credence({"rank", Write("big.csv",
                                            "id,headline\nsmall,Police "
                                            "confirmed it\nbig,\"" +
                                                quoted + "\"\n")});
  ASSERT_EQ(r.signal, 0);
  ASSERT_EQ(r.code, 0) << r.err;
  EXPECT_EQ(r.err, "read 2 rows, ranked 2, rejected 0\n");
  const std::string last = "2,big,";
  const size_t at = r.out.find("\n" + last);
  ASSERT_NE(at, std::string::npos);
  EXPECT_EQ(r.out.substr(r.out.size() - quoted.size() - 3),
            "\"" + quoted + "\"\n");
}

// Standard output gets the ranking only once it is whole: until then it
// waits in a scratch file of TMPDIR (not in memory), gone after the run,
// successful or not; without a usable TMPDIR it waits in memory.
// Writes `bytes` into the FIFO at `path` from a thread once a reader opens
// it (or gives up after 10 s without one), until the reader closes it or
// all are written; then keeps it open until the reader has taken them all
// (a reader that opens the FIFO again, as /dev/stdin, needs a writer to
// open it). Join() returns how many bytes the reader took.
class FifoWriter {
 public:
  FifoWriter(const std::string& path, std::string bytes, uint64_t repeat = 1)
      : thread_([this, path, bytes = std::move(bytes), repeat] {
          Run(path, bytes, repeat);
        }) {}
  uint64_t Join() {
    thread_.join();
    return written_;
  }

 private:
  void Run(const std::string& path, const std::string& bytes, uint64_t repeat) {
    int fd = -1;
    for (int i = 0; i < 1000 && fd < 0; ++i) {  // ENXIO until a reader
      fd = ::open(path.c_str(), O_WRONLY | O_NONBLOCK);
      if (fd < 0) std::this_thread::sleep_for(std::chrono::milliseconds(10));
    }
    if (fd < 0) return;
    ::fcntl(fd, F_SETFL, 0);  // blocking writes from now on
    for (uint64_t r = 0; r < repeat; ++r) {
      for (size_t done = 0; done < bytes.size();) {
        const ssize_t n = ::write(fd, bytes.data() + done, bytes.size() - done);
        if (n <= 0) {  // EPIPE: the reader is gone
          ::close(fd);
          return;
        }
        done += static_cast<size_t>(n);
        written_ += static_cast<uint64_t>(n);
      }
    }
    int unread = 1;
    for (int i = 0;
         i < 1000 && ::ioctl(fd, FIONREAD, &unread) == 0 && unread > 0; ++i) {
      std::this_thread::sleep_for(std::chrono::milliseconds(10));
    }
    ::close(fd);
  }

  uint64_t written_ = 0;
  std::thread thread_;
};

// A path that cannot be read twice (a FIFO, /dev/stdin on a pipe) is
// spooled as standard input is, and ranked as the same bytes in a file.
TEST_F(BadInputTest, RankReadsAPathThatCannotBeReadAgain) {
  ::signal(SIGPIPE, SIG_IGN);  // a writer whose reader is gone gets EPIPE
  const std::string csv =
      "id,headline\na,Kim reportedly visits Russia\nb,Police confirmed "
      "the arrest\nc,Markets were calm\n";
  const Outcome from_file = Credence({"rank", Write("h.csv", csv)});
  ASSERT_EQ(from_file.code, 0) << from_file.err;
  const std::string fifo = Path("fifo.csv");
  ASSERT_EQ(::mkfifo(fifo.c_str(), 0600), 0);
  for (const bool as_stdin : {false, true}) {
    SCOPED_TRACE(as_stdin ? "/dev/stdin" : "FIFO");
    FifoWriter writer(fifo, csv);
    const Outcome r =
        as_stdin ? Wait(Spawn({"rank", "/dev/stdin"}, "",
                              [&] {
                                ::alarm(30);  // a hang fails the test
                                Redirect(::open(fifo.c_str(), O_RDONLY),
                                         STDIN_FILENO);
                              }))
                 : Wait(Spawn({"rank", fifo}, "", [] { ::alarm(30); }));
    EXPECT_EQ(writer.Join(), csv.size());
    EXPECT_EQ(r.code, 0) << ReadFile(Path("stderr.bin"));
    EXPECT_EQ(ReadFile(Path("stdout.bin")), from_file.out);
    EXPECT_EQ(ReadFile(Path("stderr.bin")),
              "read 3 rows, ranked 3, rejected 0\n");
  }
  EXPECT_EQ(Named("credence-stdin"), std::vector<std::string>{});
}

// An endless input without line ends (/dev/zero) is refused at the header
// limit, not read without end: the writer stops long before its 1 GiB.
TEST_F(BadInputTest, RankRefusesAnEndlessHeader) {
  ::signal(SIGPIPE, SIG_IGN);
  const std::string fifo = Path("zero");
  ASSERT_EQ(::mkfifo(fifo.c_str(), 0600), 0);
  FifoWriter writer(fifo, std::string(size_t{1} << 20, '\0'), 1024);
  Outcome r = Wait(Spawn({"rank", fifo}, "", [] { ::alarm(30); }));
  EXPECT_LT(writer.Join(), uint64_t{64} << 20);
  r.out = ReadFile(Path("stdout.bin"));
  r.err = ReadFile(Path("stderr.bin"));
  ExpectFailure(r, 1,
                "credence rank: " + fifo +
                    ":1: header longer than 16 MiB (the limit is 16777215 "
                    "bytes)\n");
}

TEST_F(BadInputTest, RankTopMustBeOneOrMore) {
  const std::string csv = Write("h.csv", "id,headline\na,x\n");
  for (const char* top : {"0", "-1"}) {
    SCOPED_TRACE(top);
    ExpectFailure(Credence({"rank", csv, "--top", top}), 2,
                  "credence rank: --top must be a positive number of rows, "
                  "not " +
                      std::string(top) + "\n");
  }
}

TEST_F(BadInputTest, RankToStandardOutputWaitsInTheTempFolder) {
  const std::string csv =
      Write("h.csv",
            "id,headline\na,Kim reportedly visits Russia\nb,Police confirmed "
            "the arrest\nc,Markets were calm\n");
  const Outcome to_file =
      Credence({"rank", csv, "--output", Path("ranked.csv")});
  ASSERT_EQ(to_file.code, 0) << to_file.err;
  const std::string ranked = ReadFile(Path("ranked.csv"));
  ASSERT_EQ(std::count(ranked.begin(), ranked.end(), '\n'), 4);

  const Outcome r = Credence({"rank", csv});
  EXPECT_EQ(r.code, 0) << r.err;
  EXPECT_EQ(r.out, ranked);
  EXPECT_EQ(Named("credence-rank"), std::vector<std::string>{});

  const std::string bad =
      Write("bad.csv", "id,headline\na,fine\nb,\"never closed\n");
  ExpectFailure(Credence({"rank", bad}), 1,
                "credence rank: " + bad +
                    ":3: unclosed quote (a quoted field never ends; "
                    "--skip-bad-rows reports and skips bad rows)\n");
  EXPECT_EQ(Named("credence-rank"), std::vector<std::string>{});

  tmpdir_ = Path("no-such-folder");
  const Outcome in_memory = Credence({"rank", csv});
  EXPECT_EQ(in_memory.code, 0) << in_memory.err;
  EXPECT_EQ(in_memory.out, ranked);
  tmpdir_.clear();

  // 24 MB of output: waiting in memory, it would add twice that (the
  // buffer and its copy) to the run's peak; waiting in the scratch file,
  // standard output costs what --output does.
  std::string big = "id,headline\n";
  for (int i = 0; i < 250000; ++i) {
    big += "r" + std::to_string(i) +
           ",Officials reportedly said the port strike may spread soon\n";
  }
  const std::string big_csv = Write("big.csv", big);
  const Outcome file_run =
      Credence({"rank", big_csv, "--output", Path("big-ranked.csv")});
  const Outcome stdout_run = Credence({"rank", big_csv});
  ASSERT_EQ(stdout_run.code, 0) << stdout_run.err;
  EXPECT_EQ(stdout_run.out, ReadFile(Path("big-ranked.csv")));
  EXPECT_LT(stdout_run.max_rss_kb, file_run.max_rss_kb + 8 * 1024)
      << "stdout " << stdout_run.max_rss_kb << " kB, --output "
      << file_run.max_rss_kb << " kB";
}

// ------------------------------------------------------ models and lexicons

TEST_F(BadInputTest, ModelFilesThatAreNotModels) {
  const std::string article = Write("a.txt", "Kim may visit Russia\n");
  std::string extra =
      ReadFile(fs::path(CREDENCE_SOURCE) / "models" / "prior.model");
  extra.replace(extra.rfind("end\n"), 4, "weight rumor 1\nend\n");
  std::string garbage;
  for (int i = 0; i < 2000; ++i) {
    garbage.push_back(static_cast<char>((i * 131 + 7) % 256));
  }
  struct Case {
    const char* name;
    std::string content;
    std::string message;  // after "credence score: PATH"
  } cases[] = {
      {"empty", "",
       ":1: empty model file (expected first line 'credence-model 1')\n"},
      {"garbage", garbage,
       ":1: not a credence model file (first line must be 'credence-model "
       "1')\n"},
      {"nan", "credence-model 1\nname n\nbias nan\n",
       ":3: non-finite or out-of-range bias 'nan'"},
      {"inf", "credence-model 1\nname n\nbias 0\nweight hedge inf\n",
       ":4: non-finite or out-of-range weight 'inf'"},
      {"extra feature", extra,
       ": model 'credence-prior' does not fit the lexicons: features the "
       "model lacks: (none); features the lexicons lack: rumor (use a model "
       "tuned for these lexicons)\n"},
  };
  for (const Case& c : cases) {
    SCOPED_TRACE(c.name);
    const std::string model = Write(std::string(c.name) + ".model", c.content);
    ExpectFailure(Credence({"score", article, "--model", model}), 1,
                  "credence score: " + model + c.message);
  }
}

TEST_F(BadInputTest, LexiconDirectoriesWithProblems) {
  const std::string article = Write("a.txt", "Kim may visit Russia\n");
  const fs::path builtin = fs::path(CREDENCE_SOURCE) / "features" / "lexicons";
  // Full copies of the built-in lexicons, each with one problem.
  for (const char* copy : {"dup", "cross"}) {
    for (const std::string& name : Extractor::LexiconNames()) {
      Write(std::string(copy) + "/" + name + ".txt",
            ReadFile(builtin / (name + ".txt")));
    }
  }
  const std::string hedge = ReadFile(builtin / "hedge.txt");
  Write("dup/hedge.txt", hedge + "reportedly\n");
  Write("cross/booster.txt",
        ReadFile(builtin / "booster.txt") + "reportedly\n");
  fs::create_directories(dir_.path() / "empty");
  const std::string dir = dir_.path().string();
  ExpectFailure(Credence({"score", article, "--lexicons", dir + "/dup"}), 1,
                "credence score: " + dir + "/dup/hedge.txt:");
  EXPECT_NE(Credence({"score", article, "--lexicons", dir + "/dup"})
                .err.find(": 'reportedly' is already an entry at line "),
            std::string::npos);
  ExpectFailure(Credence({"score", article, "--lexicons", dir + "/cross"}), 1,
                "credence score: " + dir + "/cross/booster.txt:");
  ExpectFailure(Credence({"score", article, "--lexicons", dir + "/empty"}), 1,
                "credence score: " + dir +
                    "/empty/hedge.txt: missing (a --lexicons "
                    "folder holds every lexicon; use --overlay to change "
                    "only some)\n");
  ExpectFailure(Credence({"score", article, "--lexicons", article}), 1,
                "credence score: " + article +
                    ": not a directory (--lexicons takes a folder of lexicon "
                    "files; see credence score --help)\n");
}

// A weight of 1.7e308 made logits infinite: the JSON report printed -nan.
TEST_F(BadInputTest, WeightsPastTheBoundAreRefused) {
  const std::string article = Write("a.txt", "Kim may visit Russia\n");
  std::string model =
      ReadFile(fs::path(CREDENCE_SOURCE) / "models" / "prior.model");
  const size_t hedge = model.find("\nweight hedge ");
  ASSERT_NE(hedge, std::string::npos);
  const size_t end = model.find('\n', hedge + 1);
  const size_t line =
      1 +
      static_cast<size_t>(std::count(
          model.begin(), model.begin() + static_cast<long>(hedge) + 1, '\n'));
  model.replace(hedge, end - hedge, "\nweight hedge -1.7e308");
  const std::string path = Write("huge.model", model);
  ExpectFailure(Credence({"score", article, "--model", path}), 1,
                "credence score: " + path + ":" + std::to_string(line) +
                    ": weight out of range '-1.7e308' (must lie within -1e6 "
                    "and 1e6)\n");
}

// Weights on the bound keep every logit finite: the report is JSON and
// every confidence lies in [0,1], even for a claim full of cues.
TEST_F(BadInputTest, WeightsOnTheBoundGiveValidJson) {
  std::string text = "BREAKING: critics say it may allegedly be\n";
  for (int i = 0; i < 3000; ++i) text += "reportedly sources said maybe ";
  std::string model =
      ReadFile(fs::path(CREDENCE_SOURCE) / "models" / "prior.model");
  std::string bounded;
  std::istringstream lines(model);
  for (std::string l; std::getline(lines, l);) {
    if (l.rfind("weight ", 0) == 0) {
      l = l.substr(0, l.rfind(' ')) + (l.size() % 2 ? " 1e6" : " -1e6");
    } else if (l.rfind("bias ", 0) == 0) {
      l = "bias 1e6";
    }
    bounded += l + "\n";
  }
  const Outcome r =
      Credence({"score", Write("a.txt", text), "--model",
                Write("bounded.model", bounded), "--format", "json"});
  ASSERT_EQ(r.code, 0) << r.err;
  const auto j = nlohmann::json::parse(r.out);
  const double score = j["article"]["score"].get<double>();
  EXPECT_GE(score, 0.0);
  EXPECT_LE(score, 1.0);
  ASSERT_EQ(j["claims"].size(), 2u);
  for (const auto& claim : j["claims"]) {
    EXPECT_GE(claim["confidence"].get<double>(), 0.0);
    EXPECT_LE(claim["confidence"].get<double>(), 1.0);
    EXPECT_TRUE(std::isfinite(claim["logit"].get<double>()));
  }
}

// Endless inputs stop at the documented limit and name the file rather
// than reading until memory runs out (std::bad_alloc). The links point at
// /dev/zero; the device itself is only read.
TEST_F(BadInputTest, EndlessInputsStopAtTheSizeLimits) {
  if (!fs::exists("/dev/zero")) GTEST_SKIP() << "no /dev/zero";
  const std::string article = Write("a.txt", "Kim may visit Russia\n");
  const fs::path zero = dir_.path() / "zero.txt";
  fs::create_symlink("/dev/zero", zero);
  ExpectFailure(Credence({"score", zero.string()}), 1,
                "credence score: " + zero.string() +
                    ": larger than 32 MiB, the article size limit (split it "
                    "into articles)\n");
  ExpectFailure(Credence({"score", article, "--model", zero.string()}), 1,
                "credence score: " + zero.string() +
                    ": model file larger than 16 MiB (is it a model file?)\n");
  const fs::path builtin = fs::path(CREDENCE_SOURCE) / "features" / "lexicons";
  for (const std::string& name : Extractor::LexiconNames()) {
    if (name != "hedge") {
      Write("zeros/" + name + ".txt", ReadFile(builtin / (name + ".txt")));
    }
  }
  fs::create_symlink("/dev/zero", dir_.path() / "zeros" / "hedge.txt");
  const std::string hedge = Path("zeros/hedge.txt");
  ExpectFailure(Credence({"score", article, "--lexicons", Path("zeros")}), 1,
                "credence score: " + hedge +
                    ": lexicon file larger than 16 MiB (is it a lexicon?)\n");
  ExpectFailure(Credence({"score", article, "--overlay", Path("zeros")}), 1,
                "credence score: " + hedge +
                    ": lexicon file larger than 16 MiB (is it a lexicon?)\n");
}

// A folder named hedge.txt read as an empty hedge lexicon: every hedge
// was lost without a word.
TEST_F(BadInputTest, LexiconThatIsAFolderIsRefused) {
  const std::string article = Write("a.txt", "Kim may visit Russia\n");
  const fs::path builtin = fs::path(CREDENCE_SOURCE) / "features" / "lexicons";
  for (const std::string& name : Extractor::LexiconNames()) {
    if (name != "hedge") {
      Write("folder/" + name + ".txt", ReadFile(builtin / (name + ".txt")));
    }
  }
  fs::create_directories(dir_.path() / "folder" / "hedge.txt");
  ExpectFailure(Credence({"score", article, "--lexicons", Path("folder")}), 1,
                "credence score: " + Path("folder/hedge.txt") +
                    ": is a directory (a lexicon is a text file)\n");
}

// ESC and BEL from the article or the model's name reach the terminal
// escaped in the text report; JSON keeps the exact text.
TEST_F(BadInputTest, ControlCharactersAreShownEscapedInTheTextReport) {
  std::string model =
      ReadFile(fs::path(CREDENCE_SOURCE) / "models" / "default.model");
  const size_t name = model.find("\nname ") + 6;
  model.replace(name, model.find('\n', name) - name, "m\x07\x1b[2J");
  const std::string path = Write("bel.model", model);
  const std::string text = "Kim \x1b[31mmay\x1b[0m visit\x07 Russia\n";
  const std::string article = Write("esc.txt", text);
  const Outcome r = Credence({"score", article, "--model", path});
  ASSERT_EQ(r.code, 0) << r.err;
  EXPECT_EQ(r.out.find('\x1b'), std::string::npos) << r.out;
  EXPECT_EQ(r.out.find('\x07'), std::string::npos) << r.out;
  EXPECT_NE(r.out.find("model m\\x07\\x1b[2J)"), std::string::npos) << r.out;
  EXPECT_NE(r.out.find("Kim \\x1b[31mmay\\x1b[0m visit\\x07 Russia"),
            std::string::npos)
      << r.out;
  const Outcome j =
      Credence({"score", article, "--model", path, "--format", "json"});
  ASSERT_EQ(j.code, 0) << j.err;
  const auto report = nlohmann::json::parse(j.out);
  EXPECT_EQ(report["model"]["name"], "m\x07\x1b[2J");
  EXPECT_EQ(report["claims"][0]["text"], text.substr(0, text.size() - 1));
}

// A closed standard input is not an empty article.
TEST_F(BadInputTest, ClosedStandardInputIsReportedAsSuch) {
  const pid_t pid = Spawn({"score", "-"}, "", [] { ::close(STDIN_FILENO); });
  Outcome r = Wait(pid);
  r.out = ReadFile(Path("stdout.bin"));
  r.err = ReadFile(Path("stderr.bin"));
  ExpectFailure(r, 1,
                "credence score: -: standard input is closed (pipe the "
                "article in or give a file)\n");
}

// Memory per input byte, for texts of many short claims: the report is
// written claim by claim, not built whole first (a "A! " text took 1,093
// bytes of RSS per byte with JSON output, "She said so. " 259). A child's
// peak RSS includes what it had before exec (a copy of this test's pages),
// so each run is compared with a run on a one-line text just before it.
TEST_F(BadInputTest, ManyClaimsCostAtMost64BytesPerInputByte) {
  stdout_path_ = "/dev/null";  // reports of hundreds of MB, not kept
  const size_t size = size_t{1} << 18;
  for (const std::string unit : {"A! ", "? ", "She said so. "}) {
    std::string text = "Headline\n";
    while (text.size() < size) text += unit;
    const std::string path = Write("claims.txt", text);
    const std::string line = Write("line.txt", "Headline\n");
    for (const char* format : {"json", "text"}) {
      SCOPED_TRACE(unit + format);
      const long baseline_kb =
          Credence({"score", line, "--format", format}).max_rss_kb;
      const Outcome r = Credence({"score", path, "--format", format});
      ASSERT_EQ(r.code, 0) << r.err;
      const double per_byte = static_cast<double>(r.max_rss_kb - baseline_kb) *
                              1024.0 / static_cast<double>(text.size());
      EXPECT_LE(per_byte, 64.0) << r.max_rss_kb << " KB";
    }
  }
}

// ------------------------------------------------ nothing half-written

const char kHeadlines[] =
    "id,headline\n"
    "a,Kim reportedly visits Russia\n"
    "b,Police confirmed the arrest\n";

// SIGTERM while rank reads standard input: the previous --output file
// stays as it was, and neither its temporary nor the stdin spool is left.
TEST_F(BadInputTest, InterruptedRankLeavesThePreviousOutput) {
  const std::string target = Write("ranked.csv", "the previous ranking\n");
  int pipe_fds[2];
  ASSERT_EQ(::pipe(pipe_fds), 0);
  const pid_t pid = Spawn({"rank", "-", "--output", target}, "", [&] {
    ::close(pipe_fds[1]);
    Redirect(pipe_fds[0], STDIN_FILENO);
  });
  ::close(pipe_fds[0]);
  // Half the input, then wait (without a time limit on credence) until the
  // output's temporary exists: credence is then blocked reading stdin.
  ASSERT_EQ(::write(pipe_fds[1], kHeadlines, 20), 20);
  auto temporaries = [&] {
    std::vector<std::string> found;
    for (const auto& e : fs::directory_iterator(dir_.path())) {
      const std::string name = e.path().filename().string();
      if (name.find(".tmp-") != std::string::npos) found.push_back(name);
    }
    return found;
  };
  const auto give_up =
      std::chrono::steady_clock::now() + std::chrono::minutes(2);
  while (temporaries().size() < 2 &&
         std::chrono::steady_clock::now() < give_up) {
    std::this_thread::sleep_for(std::chrono::milliseconds(10));
  }
  ASSERT_EQ(temporaries().size(), 2u) << "no output temporary and spool";
  ::kill(pid, SIGTERM);
  const Outcome r = Wait(pid);
  ::close(pipe_fds[1]);
  EXPECT_EQ(r.signal, SIGTERM);
  EXPECT_EQ(ReadFile(target), "the previous ranking\n");
  EXPECT_EQ(temporaries(), std::vector<std::string>{});
}

// -------------------------------------------------------------- locales

bool HaveCommaLocale() {
  locale_t l = ::newlocale(LC_ALL_MASK, "de_DE.UTF-8", nullptr);
  if (l == nullptr) return false;
  ::freelocale(l);
  return true;
}

// An article and a CSV whose offsets, indices and ranks pass 1,000, where
// a locale with digit grouping would print "1.000".
std::string LongArticle() {
  std::string text = "Port strike could spread, union sources say\n";
  for (int i = 0; i < 1100; ++i) {
    text += "The ministry confirmed talks may resume. ";
  }
  return text;
}

std::string ManyHeadlines() {
  std::string csv = "id,headline\n";
  for (int i = 0; i < 1100; ++i) {
    csv += std::to_string(i) + (i % 3 ? ",Kim reportedly visits Russia\n"
                                      : ",Police confirmed the arrest\n");
  }
  return csv;
}

TEST_F(BadInputTest, SameBytesUnderACommaDecimalLocale) {
  if (!HaveCommaLocale()) GTEST_SKIP() << "de_DE.UTF-8 locale not installed";
  const std::string article = Write("a.txt", LongArticle());
  const std::string csv = Write("h.csv", ManyHeadlines());
  const std::vector<std::vector<std::string>> commands = {
      {"score", article, "--format", "json"},
      {"score", article},
      {"rank", csv, "--threads", "2"},
      {"rank", csv, "--format", "jsonl"},
  };
  for (const auto& args : commands) {
    SCOPED_TRACE(args[0] + " " + args.back());
    const Outcome c = Credence(args, "", "C");
    const Outcome de = Credence(args, "", "de_DE.UTF-8");
    ASSERT_EQ(c.code, 0) << c.err;
    EXPECT_EQ(de.code, 0);
    EXPECT_TRUE(de.out == c.out) << "stdout differs";
    EXPECT_EQ(de.err, c.err);
  }
}

// The same, in-process: a program that sets a global comma-decimal locale
// (as a GUI or a notebook may) gets the same reports.
TEST_F(BadInputTest, SameBytesWhenTheGlobalLocaleHasDecimalCommas) {
  if (!HaveCommaLocale()) GTEST_SKIP() << "de_DE.UTF-8 locale not installed";
  const std::string article = Write("a.txt", LongArticle());
  const std::string csv = Write("h.csv", ManyHeadlines());
  auto run = [](const std::vector<std::string>& args) {
    std::istringstream in;
    std::ostringstream out, err;
    EXPECT_EQ(RunCli(args, in, out, err), 0) << err.str();
    return out.str() + err.str();
  };
  const std::vector<std::vector<std::string>> commands = {
      {"score", article, "--format", "json"},
      {"score", article},
      {"rank", csv},
      {"rank", csv, "--format", "jsonl"},
  };
  std::vector<std::string> classic;
  for (const auto& args : commands) classic.push_back(run(args));
  struct Restore {
    ~Restore() {
      std::locale::global(std::locale::classic());
      std::setlocale(LC_ALL, "C");
    }
  } restore;
  std::locale::global(std::locale("de_DE.UTF-8"));
  std::setlocale(LC_ALL, "de_DE.UTF-8");
  for (size_t i = 0; i < commands.size(); ++i) {
    SCOPED_TRACE(commands[i][0] + " " + commands[i].back());
    EXPECT_TRUE(run(commands[i]) == classic[i]) << "output differs";
  }
}

// ---------------------------------------------------------------- outputs

// Three credible rows and three doubtful ones, for tune and eval.
const char kLabeled[] =
    "id,text,label\n"
    "1,The ministry confirmed the figures.,1\n"
    "2,The police confirmed the arrest on Monday.,1\n"
    "3,The agency confirmed the deal.,1\n"
    "4,Sources say it may happen.,0\n"
    "5,Rumors suggest the deal could collapse.,0\n"
    "6,It is alleged that he might resign.,0\n";

// The names in the scratch folder of temporaries and scratch files.
std::vector<std::string> Leftovers(const fs::path& dir) {
  std::vector<std::string> found;
  for (const auto& e : fs::directory_iterator(dir)) {
    const std::string name = e.path().filename().string();
    if (name.find(".tmp-") != std::string::npos) found.push_back(name);
  }
  return found;
}

// Every command's output options, each aimed at `target`.
std::vector<std::vector<std::string>> OutputCommands(
    const std::string& headlines, const std::string& labeled,
    const std::string& target) {
  return {
      {"rank", headlines, "--output", target},
      {"tune", labeled, "--folds", "2", "-o", target},
      {"eval", labeled, "--predictions", target},
  };
}

// A device is written into, never replaced by a regular file. The device
// is a node of our own in the scratch folder with /dev/null's numbers
// (never a system device); making one needs root.
TEST_F(BadInputTest, OutputsIntoADeviceLeaveItTheSameDevice) {
  const std::string node = Path("null");
  if (::geteuid() != 0 ||
      ::mknod(node.c_str(), S_IFCHR | 0666, ::makedev(1, 3)) != 0) {
    GTEST_SKIP() << "cannot make a device node (needs root)";
  }
  const std::string csv = Write("h.csv", kHeadlines);
  const std::string labeled = Write("labeled.csv", kLabeled);
  for (const auto& args : OutputCommands(csv, labeled, node)) {
    SCOPED_TRACE(args[0]);
    const Outcome r = Credence(args);
    EXPECT_EQ(r.signal, 0);
    EXPECT_EQ(r.code, 0) << r.err;
    struct stat st = {};
    ASSERT_EQ(::lstat(node.c_str(), &st), 0);
    EXPECT_TRUE(S_ISCHR(st.st_mode));
    EXPECT_EQ(st.st_rdev, ::makedev(1, 3));
    EXPECT_EQ(Leftovers(dir_.path()), std::vector<std::string>{});
  }
}

// A FIFO is written into: its reader gets the output, and it stays a FIFO.
// The read end is opened first without blocking, so credence's write end
// opens at once; each output here fits in the pipe's buffer.
TEST_F(BadInputTest, OutputsIntoAFifoReachItsReader) {
  const std::string fifo = Path("pipe");
  ASSERT_EQ(::mkfifo(fifo.c_str(), 0600), 0);
  const std::string csv = Write("h.csv", kHeadlines);
  const std::string labeled = Write("labeled.csv", kLabeled);
  const std::vector<std::string> starts = {
      "rank,id,score,backing,cue_category,cue,text\n",
      "credence-model 1\n",
      "file,line,id,unit,label,probability\n",
  };
  const auto commands = OutputCommands(csv, labeled, fifo);
  for (size_t i = 0; i < commands.size(); ++i) {
    SCOPED_TRACE(commands[i][0]);
    const int reader = ::open(fifo.c_str(), O_RDONLY | O_NONBLOCK | O_CLOEXEC);
    ASSERT_GE(reader, 0);
    const Outcome r = Credence(commands[i]);
    std::string got;
    char buffer[4096];
    for (ssize_t n; (n = ::read(reader, buffer, sizeof buffer)) > 0;) {
      got.append(buffer, static_cast<size_t>(n));
    }
    ::close(reader);
    EXPECT_EQ(r.code, 0) << r.err;
    EXPECT_EQ(got.substr(0, starts[i].size()), starts[i]);
    struct stat st = {};
    ASSERT_EQ(::lstat(fifo.c_str(), &st), 0);
    EXPECT_TRUE(S_ISFIFO(st.st_mode));
    EXPECT_EQ(Leftovers(dir_.path()), std::vector<std::string>{});
  }
}

// Under a file size limit (ulimit -f) a write past it fails instead of
// killing the process (SIGXFSZ): exit 1, one line naming the file, and no
// temporary left, whether the file is an --output, the scratch copy of
// standard output or the spool of standard input.
TEST_F(BadInputTest, FileSizeLimitIsAWriteErrorNamingTheFile) {
  const std::string csv = Write("many.csv", ManyHeadlines());  // 40 kB
  const std::string labeled = Write("labeled.csv", kLabeled);
  const std::string dir = dir_.path().string();
  struct Case {
    const char* name;
    std::vector<std::string> args;
    std::string input;
    rlim_t limit;
    std::string path;  // the file the message names, up to its end or ".tmp-"
  } cases[] = {
      {"rank --output",
       {"rank", csv, "--output", Path("ranked.csv")},
       "",
       16384,
       Path("ranked.csv")},
      {"rank to standard output",
       {"rank", csv},
       "",
       16384,
       Path("credence-rank")},
      {"rank of standard input",
       {"rank", "-"},
       ManyHeadlines(),
       16384,
       Path("credence-stdin")},
      {"tune -o",
       {"tune", labeled, "--folds", "2", "-o", Path("out.model")},
       "",
       1024,
       Path("out.model")},
  };
  for (const Case& c : cases) {
    SCOPED_TRACE(c.name);
    const rlim_t limit = c.limit;
    const Outcome r = Credence(c.args, c.input, "", [limit] {
      const struct rlimit size = {limit, limit};
      ::setrlimit(RLIMIT_FSIZE, &size);
    });
    const std::string command = "credence " + c.args[0] + ": ";
    ExpectFailure(r, 1, command + c.path);
    const std::string reason = ": cannot write (File too large)\n";
    ASSERT_GE(r.err.size(), reason.size());
    EXPECT_EQ(r.err.substr(r.err.size() - reason.size()), reason);
    EXPECT_EQ(Leftovers(dir_.path()), std::vector<std::string>{});
    EXPECT_FALSE(fs::exists(Path("ranked.csv")));
    EXPECT_FALSE(fs::exists(Path("out.model")));
  }
}

// Threads that cannot start (here: no address space left for their stacks)
// are an error with a message, exit 1, and no output or temporary left.
TEST_F(BadInputTest, ThreadsThatCannotStartAreAnError) {
#if defined(__SANITIZE_ADDRESS__)
  GTEST_SKIP() << "AddressSanitizer needs more address space than the limit";
#endif
  const std::string csv = Write("h.csv", kHeadlines);
  const Outcome r = Credence(
      {"rank", csv, "--threads", "1024", "--output", Path("ranked.csv")}, "",
      "", [] {
        // 1,023 stacks of 8 MiB do not fit in 1 GiB.
        const struct rlimit stack = {8 << 20, 8 << 20};
        const struct rlimit space = {rlim_t{1} << 30, rlim_t{1} << 30};
        ::setrlimit(RLIMIT_STACK, &stack);
        ::setrlimit(RLIMIT_AS, &space);
      });
  ExpectFailure(r, 1, "credence rank: cannot start thread ");
  EXPECT_NE(r.err.find("; try fewer threads)\n"), std::string::npos) << r.err;
  EXPECT_FALSE(fs::exists(Path("ranked.csv")));
  EXPECT_EQ(Leftovers(dir_.path()), std::vector<std::string>{});
}

// Every command reports a failed write to standard output (here a full
// disk: /dev/full, opened for writing only) with exit 1.
TEST_F(BadInputTest, WriteErrorOnStandardOutputIsExitOne) {
  if (!fs::exists("/dev/full")) GTEST_SKIP() << "no /dev/full";
  const std::string article = Write("a.txt", "Kim may visit Russia\n");
  const std::string csv = Write("h.csv", kHeadlines);
  const std::string labeled = Write("labeled.csv", kLabeled);
  const std::vector<std::vector<std::string>> commands = {
      {"score", article},
      {"rank", csv},
      {"eval", labeled},
      {"eval", labeled, "--format", "json"},
      {"tune", labeled, "--folds", "2", "-o", Path("out.model")},
      {"--help"},
  };
  for (const auto& args : commands) {
    SCOPED_TRACE(args.back());
    const Outcome r = Credence(args, "", "", [] {
      Redirect(::open("/dev/full", O_WRONLY), STDOUT_FILENO);
    });
    EXPECT_EQ(r.signal, 0);
    EXPECT_EQ(r.code, 1);
    const std::string who =
        args[0] == "--help" ? "credence: " : "credence " + args[0] + ": ";
    EXPECT_EQ(r.err.substr(0, who.size() + 13), who + "cannot write ") << r.err;
    EXPECT_EQ(r.err.find('\n'), r.err.size() - 1) << r.err;
  }
}

}  // namespace
}  // namespace credence
