// Reads and checks a credence-gold 1 file (declared in gold_eval.h).
#include <algorithm>
#include <fstream>
#include <iterator>
#include <set>
#include <sstream>
#include <stdexcept>

#include "engine/learn/gold_eval.h"
#include "engine/util/sha256.h"
#include "engine/util/tab_fields.h"
#include "features/utf8.h"

namespace credence {
namespace {

[[noreturn]] void Fail(const std::string& where, const std::string& problem) {
  throw std::runtime_error(where + ": " + problem);
}

std::string Quoted(const std::string& s) { return "\"" + s + "\""; }

// The byte offset of every code point of a text, and of its end.
std::vector<size_t> CodePointStarts(const std::string& text) {
  std::vector<size_t> starts;
  size_t length = 1;
  for (size_t i = 0; i < text.size(); i += length) {
    starts.push_back(i);
    DecodeUtf8(text, i, &length);
  }
  starts.push_back(text.size());
  return starts;
}

// One record of the gold file with the state the later records need.
class GoldParser {
 public:
  GoldParser(std::string gold_path, std::string root)
      : gold_path_(std::move(gold_path)), root_(std::move(root)) {}

  void Line(int number, std::string line);
  GoldSet Finish(int last_line);

 private:
  std::string Where() const { return gold_path_ + ":" + std::to_string(line_); }
  void Expect(const std::vector<std::string>& f, size_t count) const;
  size_t Number(const std::string& field, const std::string& name) const;
  void CheckSpan(size_t start, size_t end, const std::string& text) const;
  void Magic(const std::vector<std::string>& f);
  void Categories(const std::vector<std::string>& f);
  void Article(const std::vector<std::string>& f);
  void Claim(const std::vector<std::string>& f);
  void Cue(const std::vector<std::string>& f);
  GoldArticle& Current();

  std::string gold_path_, root_;
  int line_ = 0;
  bool magic_seen_ = false;
  GoldSet set_;
  std::set<std::string> paths_;
  std::vector<size_t> starts_;  // code points of the current article
};

void GoldParser::Expect(const std::vector<std::string>& f, size_t count) const {
  if (f.size() != count) {
    Fail(Where(), f[0] + " needs " + std::to_string(count) +
                      " fields separated by tabs, found " +
                      std::to_string(f.size()));
  }
}

size_t GoldParser::Number(const std::string& field,
                          const std::string& name) const {
  const bool digits = !field.empty() && field.size() <= 12 &&
                      std::all_of(field.begin(), field.end(),
                                  [](char c) { return c >= '0' && c <= '9'; });
  if (!digits) {
    Fail(Where(), name + " " + Quoted(field) +
                      " is not a code point offset (a whole number >= 0)");
  }
  return std::stoul(field);
}

void GoldParser::CheckSpan(size_t start, size_t end,
                           const std::string& text) const {
  const size_t length = starts_.size() - 1;
  if (start >= end) {
    Fail(Where(), "span " + std::to_string(start) + "-" + std::to_string(end) +
                      " is empty or reversed (start < end)");
  }
  if (end > length) {
    Fail(Where(), "span end " + std::to_string(end) +
                      " is past the article's end (" + std::to_string(length) +
                      " code points)");
  }
  if (text.empty()) return;
  const std::string& article = set_.articles.back().text;
  const std::string actual =
      article.substr(starts_[start], starts_[end] - starts_[start]);
  if (actual != text) {
    Fail(Where(), "span text " + Quoted(text) + " differs from the article (" +
                      Quoted(actual) + ")");
  }
}

GoldArticle& GoldParser::Current() {
  if (set_.articles.empty()) Fail(Where(), "a claim or cue before any article");
  return set_.articles.back();
}

void GoldParser::Magic(const std::vector<std::string>& f) {
  if (f.size() != 2 || f[0] != "credence-gold") {
    Fail(Where(),
         "not a gold file (the first line must be credence-gold<TAB>1)");
  }
  if (f[1] != "1") {
    Fail(Where(), "credence-gold version " + Quoted(f[1]) +
                      " is not supported (this reader knows version 1)");
  }
  magic_seen_ = true;
}

void GoldParser::Categories(const std::vector<std::string>& f) {
  Expect(f, 2);
  if (!set_.categories.empty() || !set_.articles.empty()) {
    Fail(Where(), "a second categories line (one, before the articles)");
  }
  const std::vector<std::string>& known = Extractor::CategoryNames();
  std::stringstream list(f[1]);
  std::string name;
  while (std::getline(list, name, ',')) {
    if (std::find(known.begin(), known.end(), name) == known.end()) {
      Fail(Where(), "unknown cue category " + Quoted(name) +
                        " (see credence score --help)");
    }
    if (std::count(set_.categories.begin(), set_.categories.end(), name)) {
      Fail(Where(), "category " + Quoted(name) + " listed twice");
    }
    set_.categories.push_back(name);
  }
  if (set_.categories.empty()) Fail(Where(), "the categories line is empty");
}

void GoldParser::Article(const std::vector<std::string>& f) {
  Expect(f, 5);
  if (set_.categories.empty()) {
    Fail(Where(), "an article before the categories line");
  }
  GoldArticle a;
  a.path = f[1];
  if (a.path.empty() || !paths_.insert(a.path).second) {
    Fail(Where(), "article path " + Quoted(a.path) + " is empty or repeated");
  }
  if (f[3] != "dev" && f[3] != "test") {
    Fail(Where(), "split " + Quoted(f[3]) + " is not dev or test");
  }
  if (f[4].empty()) Fail(Where(), "empty group (reputable, lowcred, ...)");
  a.split = f[3];
  a.group = f[4];
  const std::string path = root_ + "/" + a.path;
  std::ifstream in(path, std::ios::binary);
  if (in) {
    // One byte past the limit tells a long article from one at the limit.
    a.text.resize(kMaxArticleBytes + 1);
    in.read(a.text.data(), static_cast<std::streamsize>(a.text.size()));
    a.text.resize(static_cast<size_t>(in.gcount()));
  }
  if (!in.is_open() || in.bad()) {
    Fail(Where(), "cannot read article " + path +
                      " (hint: article paths are relative to --gold-root, "
                      "by default the gold file's folder)");
  }
  if (a.text.size() > kMaxArticleBytes) {
    Fail(Where(), "article " + path + " is longer than 32 MiB");
  }
  Sha256 hash;
  hash.Update(a.text);
  const std::string digest = hash.HexDigest();
  if (digest != f[2]) {
    Fail(Where(), a.path + " changed since it was annotated (sha256 " + digest +
                      ", the gold file says " + f[2] + ")");
  }
  try {
    CheckArticleText(a.text);
  } catch (const InputError& e) {
    Fail(Where(), "article " + path + ": " + e.what());
  }
  starts_ = CodePointStarts(a.text);
  set_.articles.push_back(std::move(a));
}

Backing ParseBacking(const std::string& name, const std::string& where) {
  for (size_t b = 0; b < kBackingCount; ++b) {
    if (name == BackingName(static_cast<Backing>(b))) {
      return static_cast<Backing>(b);
    }
  }
  Fail(where, "backing " + Quoted(name) +
                  " is not one of official, institution, named, media, "
                  "anonymous, vague, social, none");
}

void GoldParser::Claim(const std::vector<std::string>& f) {
  Expect(f, 8);
  GoldArticle& a = Current();
  GoldClaim c;
  c.start = Number(f[1], "start");
  c.end = Number(f[2], "end");
  CheckSpan(c.start, c.end, "");
  if (!a.claims.empty() && c.start < a.claims.back().end) {
    Fail(Where(),
         "claim overlaps or precedes the previous claim "
         "(claims in text order)");
  }
  c.backing = ParseBacking(f[3], Where());
  if (f[4] != "0" && f[4] != "1") {
    Fail(Where(), "carried " + Quoted(f[4]) + " is not 0 or 1");
  }
  c.carried = f[4] == "1";
  c.has_speaker = c.backing != Backing::kNone;
  const bool dashes = f[5] == "-" && f[6] == "-" && f[7] == "-";
  if (!c.has_speaker) {
    if (!dashes) Fail(Where(), "a claim backed by none has speaker - - -");
  } else {
    c.speaker_start = Number(f[5], "speaker_start");
    c.speaker_end = Number(f[6], "speaker_end");
    c.speaker_text = f[7];
    if (c.speaker_text.empty()) Fail(Where(), "empty speaker text");
    CheckSpan(c.speaker_start, c.speaker_end, c.speaker_text);
  }
  a.claims.push_back(std::move(c));
}

void GoldParser::Cue(const std::vector<std::string>& f) {
  Expect(f, 5);
  GoldArticle& a = Current();
  GoldCue c;
  c.start = Number(f[1], "start");
  c.end = Number(f[2], "end");
  c.category = f[3];
  if (std::count(set_.categories.begin(), set_.categories.end(), c.category) ==
      0) {
    Fail(Where(), "cue category " + Quoted(c.category) +
                      " is not in the categories line");
  }
  if (f[4].empty()) Fail(Where(), "empty cue text");
  CheckSpan(c.start, c.end, f[4]);
  if (!a.cues.empty() && c.start < a.cues.back().start) {
    Fail(Where(), "cue starts before the previous cue (cues in text order)");
  }
  a.cues.push_back(std::move(c));
}

void GoldParser::Line(int number, std::string line) {
  line_ = number;
  if (!line.empty() && line.back() == '\r') line.pop_back();
  if (line.empty() || line[0] == '#') return;
  const std::vector<std::string> f = SplitTabs(line);
  if (!magic_seen_) return Magic(f);
  if (f[0] == "categories") return Categories(f);
  if (f[0] == "article") return Article(f);
  if (f[0] == "claim") return Claim(f);
  if (f[0] == "cue") return Cue(f);
  Fail(Where(), "unknown record " + Quoted(f[0]) +
                    " (categories, article, claim or cue)");
}

GoldSet GoldParser::Finish(int last_line) {
  line_ = last_line;
  if (!magic_seen_) {
    Fail(gold_path_, "empty gold file (no credence-gold line)");
  }
  if (set_.articles.empty()) Fail(Where(), "no article line");
  set_.path = gold_path_;
  return std::move(set_);
}

std::string FolderOf(const std::string& path) {
  const size_t slash = path.rfind('/');
  if (slash == std::string::npos) return ".";
  return slash == 0 ? "/" : path.substr(0, slash);
}

}  // namespace

GoldSet ReadGoldFile(const std::string& gold_path, const std::string& root) {
  std::ifstream in(gold_path, std::ios::binary);
  if (!in) Fail(gold_path, "cannot open the gold file");
  GoldParser parser(gold_path, root.empty() ? FolderOf(gold_path) : root);
  std::string line;
  int number = 0;
  while (std::getline(in, line)) parser.Line(++number, line);
  if (in.bad()) Fail(gold_path, "read error");
  return parser.Finish(number);
}

}  // namespace credence
