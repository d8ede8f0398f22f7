// `credence score` over many articles: files, folders and JSON Lines in,
// one JSON line a report out, scored in parallel and written in input
// order.
#include <unistd.h>

#include <algorithm>
#include <cerrno>
#include <chrono>
#include <cstring>
#include <deque>
#include <filesystem>
#include <fstream>
#include <functional>
#include <iostream>
#include <memory>
#include <nlohmann/json.hpp>
#include <sstream>
#include <string>
#include <thread>
#include <vector>

#include "engine/batch_report.h"
#include "engine/html_batch.h"
#include "engine/report.h"
#include "engine/util/atomic_file.h"
#include "engine/util/work_pool.h"
#include "tools/cli.h"
#include "tools/command_options.h"
#include "tools/json_line.h"

namespace credence {
namespace {

namespace fs = std::filesystem;

// One article on its way through: read, then scored by a job.
struct Article {
  std::string where;  // "PATH" or "PATH:LINE", for messages
  std::string label;  // the path, or the id once the line is parsed
  std::string raw;    // the file's text, or the JSON line
  std::string error;  // "WHERE: problem (hint)" when it cannot be scored
  size_t number = 0;  // in input order, from 0
  double score = 0;   // for the index of --format html
};

// Articles a job takes: enough bytes to outweigh the queueing.
struct Batch {
  std::vector<Article> articles;
  std::vector<std::string> lines;  // the output of each article
  uint64_t bytes = 0;
  WorkPool::Job job;
};

constexpr uint64_t kBatchBytes = uint64_t{1} << 18;
constexpr size_t kBatchArticles = 256;

bool IsFolder(const std::string& path) {
  std::error_code ec;
  return path != "-" && fs::is_directory(path, ec);
}

// The .txt files under `folder`, at any depth, sorted by path.
std::vector<std::string> TextFilesUnder(const std::string& folder) {
  std::vector<std::string> files;
  std::error_code ec;
  for (fs::recursive_directory_iterator it(folder, ec), end; !ec && it != end;
       it.increment(ec)) {
    if (it->path().extension() == ".txt" && it->is_regular_file(ec)) {
      files.push_back(it->path().string());
    }
  }
  if (ec) {
    throw DataError(folder + ": cannot list the folder (" + ec.message() + ")");
  }
  std::sort(files.begin(), files.end());
  if (files.empty()) {
    throw DataError(folder +
                    ": no .txt files in the folder (articles are "
                    "FILE.txt)");
  }
  return files;
}

// Every input path, each folder replaced by its .txt files.
std::vector<std::string> ExpandInputs(const std::vector<std::string>& inputs) {
  std::vector<std::string> paths;
  for (const std::string& input : inputs) {
    if (!IsFolder(input)) {
      paths.push_back(input);
      continue;
    }
    for (std::string& file : TextFilesUnder(input)) {
      paths.push_back(std::move(file));
    }
  }
  return paths;
}

uint64_t SizeOf(const std::string& path) {
  std::error_code ec;
  if (path == "-" || !fs::is_regular_file(path, ec)) return 0;
  const uintmax_t size = fs::file_size(path, ec);
  return ec ? 0 : static_cast<uint64_t>(size);
}

// The id and text of a simple JSON line (json_line.h), or false.
bool ReadSimpleLine(const std::string& line, const ScoreOptions& options,
                    std::string* id, std::string* text) {
  thread_local std::vector<JsonField> fields;
  if (!ReadFlatJsonObject(line, &fields)) return false;
  const JsonField* found_id = nullptr;
  JsonField* found_text = nullptr;
  for (JsonField& field : fields) {  // the last of a name counts
    if (field.name == options.id_field) found_id = &field;
    if (field.name == options.text_field) found_text = &field;
  }
  if (!found_id || !found_text || !found_id->is_string ||
      !found_text->is_string) {
    return false;
  }
  *id = found_id->value;
  text->swap(found_text->value);  // no copy: the fields are read afresh
  return true;
}

// The id and text of a JSON line; DataError "WHERE: problem (hint)".
void ParseLine(const Article& article, const ScoreOptions& options,
               std::string* id, std::string* text) {
  const nlohmann::json object =
      nlohmann::json::parse(article.raw, nullptr, false);
  if (!object.is_object()) {
    throw DataError(article.where +
                    ": not a JSON object (one object a line, such as "
                    "{\"id\": \"a1\", \"text\": \"Headline\\nBody\"})");
  }
  const auto field = [&](const std::string& name, const char* option) {
    const auto it = object.find(name);
    if (it == object.end()) {
      throw DataError(article.where + ": no \"" + name +
                      "\" field (name it with " + option + ")");
    }
    if (!it->is_string()) {
      throw DataError(article.where + ": \"" + name + "\" is " +
                      it->type_name() + ", not a string (give it as \"...\")");
    }
    return it->get<std::string>();
  };
  *id = field(options.id_field, "--id-field");
  *text = field(options.text_field, "--text-field");
}

// Scores one article into `line`, or sets its error.
void ScoreOne(const ScoreOptions& options, const Scorer& scorer,
              Article* article, std::string* line) {
  if (!article->error.empty()) return;
  try {
    std::string text;
    std::string_view body = article->raw;
    if (!options.jsonl.empty()) {
      if (!ReadSimpleLine(article->raw, options, &article->label, &text)) {
        ParseLine(*article, options, &article->label, &text);
      }
      body = text;
    }
    const char* key = options.jsonl.empty() ? "path" : "id";
    if (options.format == "html") {
      article->score = AppendHtmlBatchArticle(article->number, article->label,
                                              body, scorer, line);
    } else if (options.format == "brief") {
      AppendBriefLine(key, article->label, body, scorer, line);
    } else {
      AppendJsonLine(key, article->label, body, scorer, line);
    }
  } catch (const InputError& e) {
    const char* what = e.what();
    const bool positioned = *what >= '0' && *what <= '9';
    article->error = article->where + (positioned ? ":" : ": ") + what;
  } catch (const DataError& e) {
    article->error = e.what();
  }
  std::string().swap(article->raw);
}

// Hands out the articles in input order; false at the end.
using ArticleSource = std::function<bool(Article*)>;

ArticleSource FileSource(std::vector<std::string> paths, std::istream& in) {
  return [paths = std::move(paths), &in,
          next = size_t{0}](Article* article) mutable {
    if (next == paths.size()) return false;
    const std::string& path = paths[next++];
    article->where = article->label = path;
    try {
      article->raw = ReadInput(path, in);
    } catch (const DataError& e) {
      article->error = e.what();
    }
    return true;
  };
}

// A JSON Lines line holds one article of at most 32 MiB, escaped: a line
// longer than this is no article (a device, a file without line ends).
constexpr size_t kMaxJsonLineBytes = size_t{64} << 20;

// Lines of a stream, read in blocks (a line is found with memchr, not a
// byte at a time), each stopped past kMaxJsonLineBytes so that an endless
// line costs bounded memory.
class LineReader {
 public:
  explicit LineReader(std::istream& in) : in_(&in) {}

  // The next line without its '\n' into *line; false at the end of the
  // input. *too_long when the line goes on past kMaxJsonLineBytes.
  bool Next(std::string* line, bool* too_long) {
    line->clear();
    *too_long = false;
    for (;;) {
      if (next_ == end_ && !Fill()) return !line->empty();
      const char* start = block_.data() + next_;
      const size_t size = end_ - next_;
      const void* found = std::memchr(start, '\n', size);
      const size_t length =
          found ? static_cast<size_t>(static_cast<const char*>(found) - start)
                : size;
      const size_t room = kMaxJsonLineBytes - line->size();
      if (length > room) {
        line->append(start, room);
        next_ += room + 1;  // as far as a reader of single bytes goes
        *too_long = true;
        return true;
      }
      line->append(start, length);
      next_ += length;
      if (found) {
        ++next_;
        return true;
      }
    }
  }

 private:
  static constexpr size_t kBlockBytes = size_t{1} << 18;

  bool Fill() {
    block_.resize(kBlockBytes);
    const std::streamsize got = in_->rdbuf()->sgetn(
        block_.data(), static_cast<std::streamsize>(block_.size()));
    next_ = 0;
    end_ = got > 0 ? static_cast<size_t>(got) : 0;
    return end_ > 0;
  }

  std::istream* in_;
  std::vector<char> block_;
  size_t next_ = 0, end_ = 0;
};

ArticleSource LineSource(std::istream& lines, const std::string& path) {
  return [reader = std::make_shared<LineReader>(lines), path,
          number = uint64_t{0}](Article* article) mutable {
    bool too_long = false;
    if (!reader->Next(&article->raw, &too_long)) return false;
    ++number;
    if (too_long) {
      throw DataError(path + ":" + std::to_string(number) +
                      ": line longer than 64 MiB (one JSON object a line; "
                      "an article holds at most 32 MiB)");
    }
    if (!article->raw.empty() && article->raw.back() == '\r') {
      article->raw.pop_back();
    }
    article->where = path + ":" + std::to_string(number);
    if (article->raw.find_first_not_of(" \t") == std::string::npos) {
      article->error = article->where +
                       ": an empty line (one JSON object a line, no blank "
                       "lines)";
    }
    return true;
  };
}

struct Tally {
  uint64_t read = 0, scored = 0, rejected = 0, bytes = 0;
  std::vector<HtmlBatchEntry> index;  // --format html only
};

// Writes a scored batch in order; a bad article is fatal or reported.
void WriteBatch(Batch* batch, const ScoreOptions& options, std::ostream& sink,
                std::ostream& err, Tally* tally) {
  for (size_t i = 0; i < batch->articles.size(); ++i) {
    const Article& article = batch->articles[i];
    ++tally->read;
    if (article.error.empty()) {
      sink << batch->lines[i];
      ++tally->scored;
      if (options.format == "html") {
        tally->index.push_back({article.number, article.label, article.score});
      }
      continue;
    }
    if (!options.skip_bad_rows)
      throw DataError(WithSkipHint(article.error, "articles"));
    err << article.error << "\n";
    ++tally->rejected;
  }
  tally->bytes += batch->bytes;
}

// Reads, scores (threads at once) and writes every article in order.
Tally ScoreAll(const ArticleSource& next, const ScoreOptions& options,
               const Scorer& scorer, std::ostream& sink, std::ostream& err,
               TerminalProgress* progress) {
  const unsigned threads =
      options.threads > 0 ? static_cast<unsigned>(options.threads)
                          : std::max(1u, std::thread::hardware_concurrency());
  // Declared first, so destroyed last: the pool's running jobs finish
  // before the batches they write go.
  std::deque<std::unique_ptr<Batch>> queued;
  WorkPool pool(threads - 1);
  Tally tally;
  const auto write_front = [&] {
    pool.Wait(&queued.front()->job);
    WriteBatch(queued.front().get(), options, sink, err, &tally);
    queued.pop_front();
    progress->Update(tally.read, tally.bytes);
  };
  bool more = true;
  size_t read = 0;
  while (more) {
    auto batch = std::make_unique<Batch>();
    while (batch->articles.size() < kBatchArticles &&
           batch->bytes < kBatchBytes) {
      Article article;
      if (!(more = next(&article))) break;
      article.number = read++;
      batch->bytes += article.raw.size() + 1;
      batch->articles.push_back(std::move(article));
    }
    if (batch->articles.empty()) break;
    Batch* b = batch.get();
    b->lines.resize(b->articles.size());
    b->job.run = [b, &options, &scorer] {
      for (size_t i = 0; i < b->articles.size(); ++i) {
        ScoreOne(options, scorer, &b->articles[i], &b->lines[i]);
      }
    };
    pool.Submit(&b->job);
    queued.push_back(std::move(batch));
    if (queued.size() >= 2 * size_t{threads}) write_front();
  }
  while (!queued.empty()) write_front();
  return tally;
}

}  // namespace

bool IsBatchScore(const ScoreOptions& options) {
  return !options.jsonl.empty() || options.inputs.size() > 1 ||
         options.format == "brief" ||
         (options.inputs.size() == 1 && IsFolder(options.inputs[0]));
}

int RunBatchScore(const ScoreOptions& options, std::istream& in,
                  std::ostream& out, std::ostream& err) {
  if (options.format_given && options.format == "text") {
    throw UsageError(
        "--format text takes one article (many articles are written as JSON "
        "Lines: --format json or brief)");
  }
  const bool to_file = !options.output.empty() && options.output != "-";
  if (to_file) {
    CheckNotAnInput(options.output, "--output",
                    {options.inputs, {options.jsonl}});
  }
  const std::unique_ptr<Scorer> scorer =
      BuildScorer(options.model, options.lexicons, options.overlay);
  std::ifstream file;
  std::istream* lines = &in;
  ArticleSource source;
  uint64_t total = 0;
  if (options.jsonl.empty()) {
    std::vector<std::string> paths = ExpandInputs(options.inputs);
    for (const std::string& path : paths) total += SizeOf(path);
    source = FileSource(std::move(paths), in);
  } else {
    if (options.jsonl != "-") {
      OpenInputFile(options.jsonl, "a JSON Lines file", &file);
      lines = &file;
      total = SizeOf(options.jsonl);
    }
    source = LineSource(*lines, options.jsonl);
  }
  std::unique_ptr<AtomicFile> target, scratch;
  if (to_file) target = std::make_unique<AtomicFile>(options.output);
  if (!target) {
    try {
      scratch = std::make_unique<AtomicFile>(
          (fs::temp_directory_path() / "credence-score").string(),
          AtomicFile::kScratch);
    } catch (const std::exception&) {
    }
  }
  std::ostringstream buffered;
  std::ostream& sink = target    ? target->stream()
                       : scratch ? scratch->stream()
                                 : buffered;
  const bool tty = &err == &std::cerr && ::isatty(STDERR_FILENO) != 0;
  TerminalProgress progress(tty ? &err : nullptr, total, "scored", "articles");
  Tally tally;
  if (options.format == "html") WriteHtmlBatchStart(sink);
  try {
    tally = ScoreAll(source, options, *scorer, sink, err, &progress);
  } catch (...) {
    progress.End();
    throw;
  }
  progress.End();
  if (options.format == "html") WriteHtmlBatchEnd(tally.index, sink);
  DeliverOutput(target.get(), scratch.get(), buffered, out);
  err << "read " << tally.read << " articles, scored " << tally.scored
      << ", rejected " << tally.rejected << "\n";
  return 0;
}

}  // namespace credence
