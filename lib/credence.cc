// The facade of include/credence/credence.h over the engine: copies
// ArticleScore into the public plain structs and turns the engine's
// exceptions into LoadError and TextError.
#include "credence/credence.h"

#include <algorithm>
#include <cmath>
#include <exception>
#include <ostream>
#include <sstream>
#include <streambuf>
#include <utility>

#include "engine/builtin_data.h"
#include "engine/csv/csv_reader.h"
#include "engine/learn/eval_run.h"
#include "engine/learn/learn_options.h"
#include "engine/learn/learn_report.h"
#include "engine/learn/tune_run.h"
#include "engine/rank/ranker.h"
#include "engine/report.h"
#include "engine/scorer.h"
#include "engine/scorer_factory.h"
#include "engine/util/atomic_file.h"
#include "features/backing.h"
#include "features/utf8.h"

namespace credence {
namespace api {
namespace {

Span MakeSpan(size_t begin, size_t end, CodePointCursor* cps) {
  Span span;
  span.begin = begin;
  span.end = end;
  span.cp_begin = cps->At(begin);
  span.cp_end = cps->At(end);
  return span;
}

std::string Slice(std::string_view text, size_t begin, size_t end) {
  return std::string(text.substr(begin, end - begin));
}

Cue MakeCue(std::string_view text, const credence::Cue& cue,
            double contribution, CodePointCursor* cps) {
  Cue out;
  out.span = MakeSpan(cue.begin, cue.end, cps);
  out.text = Slice(text, cue.begin, cue.end);
  out.category = Extractor::CategoryNames()[cue.category];
  out.entry = cue.entry->phrase;
  out.source = cue.entry->source;
  out.strength = cue.strength;
  out.contribution = contribution;
  return out;
}

Claim MakeClaim(std::string_view text, const ScoredClaim& scored,
                CodePointCursor* cps) {
  Claim claim;
  claim.span = MakeSpan(scored.span.begin, scored.span.end, cps);
  claim.text = Slice(text, scored.span.begin, scored.span.end);
  claim.confidence = scored.confidence;
  claim.logit = scored.logit;
  claim.backing = BackingName(scored.evidence.backing);
  claim.backing_carried = scored.evidence.backing_carried;
  const SpeakerSpan& backer = scored.evidence.backer;
  if (backer.begin != backer.end) {
    claim.speaker_span = MakeSpan(backer.begin, backer.end, cps);
    claim.speaker = Slice(text, backer.begin, backer.end);
  }
  const std::vector<credence::Cue>& cues = scored.evidence.cues;
  for (size_t c = 0; c < cues.size(); ++c) {
    claim.cues.push_back(
        MakeCue(text, cues[c], scored.cue_contributions[c], cps));
  }
  return claim;
}

// The working memory of one thread's ScoreBrief calls, reused from text
// to text.
struct BriefWork {
  ExtractScratch scratch;
  ScoredClaim claim;
};

bool IsAsciiBlank(std::string_view text) {
  return text.find_first_not_of(" \t\r\n\f\v") == std::string_view::npos;
}

TuneRunOptions ToTuneRunOptions(const TuneOptions& options) {
  TuneRunOptions run;
  run.inputs = options.inputs;
  run.output = options.output;
  run.text_column = options.text_column;
  run.label_column = options.label_column;
  run.unit = options.unit;
  run.folds = options.folds;
  run.l2 = options.l2;
  run.seed = options.seed;
  run.lexicons = options.lexicons;
  run.overlay = options.overlay;
  return run;
}

// A part's out-of-fold metrics over all its rows, or null.
void WritePartJson(const TuneReport& report, std::ostream& out) {
  if (report.cv.empty()) {
    out << "null";
    return;
  }
  out << '{';
  WriteMetricsJson(report.cv.front().metrics, out);
  out << '}';
}

// An istream's bytes read in place from memory, without a copy.
class ViewBuffer : public std::streambuf {
 public:
  explicit ViewBuffer(std::string_view bytes) {
    char* begin = const_cast<char*>(bytes.data());
    setg(begin, begin, begin + bytes.size());
  }
};

// An output stream's bytes appended to a string the caller sized, so that
// a large output is neither regrown nor copied out (ostringstream does
// both).
class StringSink : public std::streambuf {
 public:
  explicit StringSink(std::string* out) : out_(out) {}

 protected:
  int_type overflow(int_type c) override {
    if (!traits_type::eq_int_type(c, traits_type::eof()))
      out_->push_back(traits_type::to_char_type(c));
    return traits_type::not_eof(c);
  }
  std::streamsize xsputn(const char* s, std::streamsize n) override {
    out_->append(s, static_cast<size_t>(n));
    return n;
  }

 private:
  std::string* out_;
};

// The end of the CSV field starting at `at` in `text` (quoted or not).
size_t FieldEnd(std::string_view text, size_t at) {
  if (at < text.size() && text[at] == '"') {
    for (size_t i = at + 1; i < text.size(); ++i) {
      if (text[i] != '"') continue;
      if (i + 1 < text.size() && text[i + 1] == '"') {
        ++i;
      } else {
        return i + 1;
      }
    }
    return text.size();
  }
  const size_t comma = text.find(',', at);
  return comma == std::string_view::npos ? text.size() : comma;
}

// The end of the CSV record starting at `at`, past its line end: the
// first '\n' outside quotes (credence rank quotes every field holding a
// quote, so quote parity tells inside from outside).
size_t RecordEnd(std::string_view text, size_t at) {
  bool quoted = false;
  for (size_t i = at; i < text.size(); ++i) {
    if (text[i] == '"') quoted = !quoted;
    if (text[i] == '\n' && !quoted) return i + 1;
  }
  return text.size();
}

// Cuts the rows of `credence rank` output (its header, then rank,id,rest)
// into the block's ids and lines.
void SplitRankedRows(std::string_view output, bool keep_ids,
                     RankedBlock* block) {
  block->lines.reserve(output.size());
  block->id_ends.reserve(block->scores.size());
  block->line_ends.reserve(block->scores.size());
  size_t at = RecordEnd(output, 0);
  while (at < output.size()) {
    const size_t id = output.find(',', at) + 1;
    const size_t id_end = FieldEnd(output, id);
    const size_t end = RecordEnd(output, id_end + 1);
    if (keep_ids) block->ids.append(output.substr(id, id_end - id));
    block->id_ends.push_back(block->ids.size());
    block->lines.append(output.substr(id_end + 1, end - id_end - 1));
    block->line_ends.push_back(block->lines.size());
    at = end;
  }
}

// The block's best `top` rows (score descending, then input order), kept
// in input order.
void KeepBest(uint64_t top, RankedBlock* block) {
  const size_t n = block->scores.size();
  if (top == 0 || n <= top) return;
  std::vector<size_t> order(n);
  for (size_t i = 0; i < n; ++i) order[i] = i;
  const auto before = [block](size_t a, size_t b) {
    const double x = block->scores[a], y = block->scores[b];
    return x != y ? x > y : a < b;
  };
  const auto kept_end = order.begin() + static_cast<std::ptrdiff_t>(top);
  std::partial_sort(order.begin(), kept_end, order.end(), before);
  order.erase(kept_end, order.end());
  std::sort(order.begin(), order.end());
  RankedBlock kept;
  kept.has_id = block->has_id;
  kept.read = block->read;
  kept.messages = std::move(block->messages);
  for (const size_t i : order) {
    const auto piece = [i](const std::string& text,
                           const std::vector<uint64_t>& ends) {
      const uint64_t begin = i == 0 ? 0 : ends[i - 1];
      return std::string_view(text).substr(begin, ends[i] - begin);
    };
    kept.scores.push_back(block->scores[i]);
    kept.numbers.push_back(block->numbers[i]);
    kept.ids.append(piece(block->ids, block->id_ends));
    kept.id_ends.push_back(kept.ids.size());
    kept.lines.append(piece(block->lines, block->line_ends));
    kept.line_ends.push_back(kept.lines.size());
  }
  *block = std::move(kept);
}

std::vector<std::string> Lines(const std::string& text) {
  std::vector<std::string> lines;
  std::istringstream in(text);
  for (std::string line; std::getline(in, line);) lines.push_back(line);
  return lines;
}

}  // namespace

const char* Version() { return kCredenceVersion; }

struct Scorer::Impl {
  std::unique_ptr<credence::Scorer> scorer;
};

Scorer::Scorer(const Options& options) {
  auto impl = std::make_unique<Impl>();
  try {
    impl->scorer =
        BuildScorer(options.model, options.lexicons, options.overlay);
  } catch (const std::exception& e) {
    throw LoadError(e.what());
  }
  impl_ = std::move(impl);
}

Scorer::~Scorer() = default;
Scorer::Scorer(Scorer&&) noexcept = default;
Scorer& Scorer::operator=(Scorer&&) noexcept = default;

Report Scorer::Score(std::string_view text) const {
  ArticleScore article;
  try {
    article = impl_->scorer->ScoreArticle(text);
  } catch (const InputError& e) {
    throw TextError(e.what());
  }
  Report report;
  report.score = article.score;
  report.logit = article.logit;
  CodePointCursor cps(text);
  for (const ScoredClaim& scored : article.claims) {
    report.claims.push_back(MakeClaim(text, scored, &cps));
  }
  return report;
}

void Scorer::WriteJson(std::string_view text, std::ostream& out) const {
  try {
    ScoreAndWriteJsonReport(text, *impl_->scorer, out);
  } catch (const InputError& e) {
    throw TextError(e.what());
  }
}

Brief Scorer::ScoreBrief(std::string_view text) const {
  try {
    if (!IsAsciiBlank(text)) CheckArticleText(text);
  } catch (const InputError& e) {
    throw TextError(e.what());
  }
  thread_local BriefWork work;
  impl_->scorer->ScoreClaim(text, {0, text.size()}, credence::Backing::kNone,
                            &work.scratch, &work.claim);
  const ScoredClaim& claim = work.claim;
  Brief brief;
  brief.confidence = claim.confidence;
  brief.backing = BackingName(claim.evidence.backing);
  double strongest = 0.0;
  for (size_t c = 0; c < claim.evidence.cues.size(); ++c) {
    const double weight = std::fabs(claim.cue_contributions[c]);
    if (weight <= strongest) continue;
    strongest = weight;
    const credence::Cue& cue = claim.evidence.cues[c];
    brief.cue_category = Extractor::CategoryNames()[cue.category];
    brief.cue = Slice(text, cue.begin, cue.end);
  }
  return brief;
}

RankedBlock RankCsvBlock(const Scorer& scorer, std::string_view csv,
                         const BlockOptions& options) {
  RankOptions rank;
  rank.column = options.text_column;
  rank.id_column = options.id_column;
  rank.input_order = true;
  rank.skip_bad_rows = true;
  rank.threads = std::max(1u, options.threads);
  rank.csv_buffers =
      csv.size() < (size_t{32} << 20) ? CsvBuffers::kSmall : CsvBuffers::kLarge;
  RankedBlock block;
  rank.scores = &block.scores;
  rank.numbers = &block.numbers;
  // A row comes out as its text again plus its score, backing and cue:
  // some tens of bytes more than it came in.
  const auto lines =
      static_cast<size_t>(std::count(csv.begin(), csv.end(), '\n'));
  std::string output;
  output.reserve(csv.size() + 48 * lines);
  block.scores.reserve(lines);
  block.numbers.reserve(lines);
  StringSink sink(&output);
  std::ostream out(&sink);
  std::ostringstream log;
  try {
    ViewBuffer header_bytes(csv);
    std::istream header_in(&header_bytes);
    block.has_id = CsvReader(header_in, options.path, rank.column,
                             rank.id_column, false, nullptr, CsvBuffers::kSmall)
                       .has_id();
    ViewBuffer bytes(csv);
    std::istream in(&bytes);
    StringRecordSource again(csv);
    block.read =
        RankCsv(in, options.path, again, rank, *scorer.impl_->scorer, out, log)
            .read;
  } catch (const CsvError& e) {
    throw TextError(e.what());
  }
  SplitRankedRows(output, block.has_id, &block);
  block.messages = Lines(log.str());
  KeepBest(options.top, &block);
  return block;
}

std::string EvaluateJson(const EvalOptions& options) {
  EvalRunOptions run;
  run.inputs = options.inputs;
  run.text_column = options.text_column;
  run.label_column = options.label_column;
  run.unit = options.unit;
  run.cues = options.cues;
  run.model = options.scorer.model;
  run.lexicons = options.scorer.lexicons;
  run.overlay = options.scorer.overlay;
  run.format = "json";
  try {
    ValidateEvalRunOptions(run);
  } catch (const OptionError& e) {
    throw std::invalid_argument(e.what());
  }
  try {
    return EvaluateModel(run).report;
  } catch (const std::exception& e) {
    throw LoadError(e.what());
  }
}

std::string TuneJson(const TuneOptions& options) {
  const TuneRunOptions run_options = ToTuneRunOptions(options);
  try {
    ValidateTuneRunOptions(run_options);
  } catch (const OptionError& e) {
    throw std::invalid_argument(e.what());
  }
  std::ostringstream json;
  try {
    AtomicFile target(run_options.output);  // a bad folder fails first
    const TuneRun run = TuneModel(run_options, "credence.tune");
    run.model.Save(target.stream());
    target.Commit();
    json << "{\"model\":";
    WriteJsonString(run_options.output, json);
    json << ",\"report\":";
    WriteJsonString(run.report, json);
    json << ",\"claim\":";
    WritePartJson(run.claim_report, json);
    json << ",\"article\":";
    WritePartJson(run.article_report, json);
    json << "}";
  } catch (const std::invalid_argument& e) {
    throw;
  } catch (const std::exception& e) {
    throw LoadError(e.what());
  }
  return json.str();
}

}  // namespace api
}  // namespace credence
