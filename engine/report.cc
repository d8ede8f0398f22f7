// The text and JSON reports of an article (report.h).
#include "engine/report.h"

#include <algorithm>
#include <charconv>
#include <cmath>
#include <cstdio>
#include <functional>
#include <nlohmann/json.hpp>
#include <ostream>
#include <string>
#include <vector>

#include "features/utf8.h"

namespace credence {

const char kCredenceVersion[] = "0.1.0";

namespace {

// A JSON string, escaped as nlohmann's serializer does (quotes,
// backslashes, \b \f \n \r \t, other control characters as \u00xx; UTF-8
// passes through), written in runs straight to `out`: a long claim is not
// copied. Texts and model names are validated UTF-8; a path the user typed
// may not be, and nlohmann writes it with U+FFFD rather than throwing
// after the scoring is done.
void JsonString(std::string_view s, std::ostream& out) {
  if (FindInvalidUtf8(s) != std::string_view::npos) {
    out << nlohmann::json(std::string(s))
               .dump(-1, ' ', false, nlohmann::json::error_handler_t::replace);
    return;
  }
  static const char kHex[] = "0123456789abcdef";
  const auto plain = [](char c) {
    const auto byte = static_cast<unsigned char>(c);
    return byte >= 0x20 && byte != '"' && byte != '\\';
  };
  // Most strings (names, categories, short texts) need no escape: one
  // write of the quoted bytes, not three stream calls.
  constexpr size_t kShort = 126;
  if (s.size() <= kShort && std::all_of(s.begin(), s.end(), plain)) {
    char quoted[kShort + 2];
    quoted[0] = '"';
    std::copy(s.begin(), s.end(), quoted + 1);
    quoted[s.size() + 1] = '"';
    out.write(quoted, static_cast<std::streamsize>(s.size() + 2));
    return;
  }
  out << '"';
  size_t run = 0;  // start of the bytes not yet written
  for (size_t i = 0; i < s.size(); ++i) {
    const auto byte = static_cast<unsigned char>(s[i]);
    if (byte >= 0x20 && byte != '"' && byte != '\\') continue;
    out.write(s.data() + run, static_cast<std::streamsize>(i - run));
    run = i + 1;
    switch (byte) {
      case '"':
        out << "\\\"";
        break;
      case '\\':
        out << "\\\\";
        break;
      case '\b':
        out << "\\b";
        break;
      case '\f':
        out << "\\f";
        break;
      case '\n':
        out << "\\n";
        break;
      case '\r':
        out << "\\r";
        break;
      case '\t':
        out << "\\t";
        break;
      default:
        out << "\\u00" << kHex[byte >> 4] << kHex[byte & 0xF];
    }
  }
  out.write(s.data() + run, static_cast<std::streamsize>(s.size() - run));
  out << '"';
}

bool IsControlAt(std::string_view s, size_t i) {
  const auto byte = static_cast<unsigned char>(s[i]);
  if (byte < 0x20 || byte == 0x7F) return true;
  // U+0080..U+009F, the C1 controls (NEL among them).
  return byte == 0xC2 && i + 1 < s.size() &&
         static_cast<unsigned char>(s[i + 1]) <= 0x9F;
}

// `s` with control characters written \xNN (C0 and DEL) or \u00NN (C1),
// so that text from an article or a model cannot drive the terminal (ESC
// sequences, BEL).
std::string Printable(std::string_view s) {
  static const char kHex[] = "0123456789abcdef";
  std::string out;
  out.reserve(s.size());
  for (size_t i = 0; i < s.size(); ++i) {
    if (!IsControlAt(s, i)) {
      out += s[i];
      continue;
    }
    auto byte = static_cast<unsigned char>(s[i]);
    if (byte == 0xC2) {
      byte = static_cast<unsigned char>(s[++i]);
      out += "\\u00";
    } else {
      out += "\\x";
    }
    out += kHex[byte >> 4];
    out += kHex[byte & 0xF];
  }
  return out;
}

// Shortest text that reads back as the same double; '.' in any locale.
void JsonNumber(double value, std::ostream& out) {
  char buf[32];
  const auto result = std::to_chars(buf, buf + sizeof buf, value);
  out.write(buf, result.ptr - buf);
}

size_t CategoryCount() { return Extractor::CategoryNames().size(); }

std::string Slice(std::string_view text, size_t begin, size_t end) {
  return std::string(text.substr(begin, end - begin));
}

// Appends words of `s` to lines no wider than `width` code points, the
// first line after `first_prefix`, the others after `indent` spaces.
void Wrap(std::string_view s, const std::string& first_prefix, size_t indent,
          size_t width, std::ostream& out) {
  std::string line = first_prefix;
  size_t line_cps = CountCodePoints(first_prefix, 0, first_prefix.size());
  bool empty = true;
  size_t i = 0;
  while (i < s.size()) {
    while (i < s.size() &&
           (s[i] == ' ' || s[i] == '\n' || s[i] == '\r' || s[i] == '\t')) {
      ++i;
    }
    if (i >= s.size()) break;
    size_t j = i;
    while (j < s.size() && s[j] != ' ' && s[j] != '\n' && s[j] != '\r' &&
           s[j] != '\t') {
      ++j;
    }
    const std::string word = Printable(s.substr(i, j - i));
    const size_t word_cps = CountCodePoints(word, 0, word.size());
    if (!empty && line_cps + 1 + word_cps > width) {
      out << line << '\n';
      line.assign(indent, ' ');
      line_cps = indent;
      empty = true;
    }
    if (!empty) {
      line += ' ';
      ++line_cps;
    }
    line += word;
    line_cps += word_cps;
    empty = false;
    i = j;
  }
  out << line << '\n';
}

// Who backs the claim: {"start", "end", "text"} in code points, or null
// when nothing does (or the words are unknown). Speakers come in text
// order (a carried one is the previous claim's), so `cursor` only moves
// forward through the article.
void WriteSpeakerJson(std::string_view text, const SpeakerSpan& speaker,
                      CodePointCursor* cursor, std::ostream& out) {
  if (speaker.begin == speaker.end) {
    out << "null";
    return;
  }
  out << "{\"start\":" << cursor->At(speaker.begin);
  out << ",\"end\":" << cursor->At(speaker.end) << ",\"text\":";
  JsonString(Slice(text, speaker.begin, speaker.end), out);
  out << '}';
}

// One claim as a JSON object, on one line; with `speaker` null (rank's
// JSON lines), without the speaker field.
void WriteClaimObject(std::string_view text, const ScoredClaim& claim, size_t k,
                      CodePointCursor* cursor, CodePointCursor* speaker,
                      const std::vector<std::string>& names,
                      std::ostream& out) {
  out << "{\"index\":" << k << ",\"start\":" << cursor->At(claim.span.begin);
  out << ",\"end\":" << cursor->At(claim.span.end) << ",\"text\":";
  JsonString(Slice(text, claim.span.begin, claim.span.end), out);
  out << ",\"confidence\":";
  JsonNumber(claim.confidence, out);
  out << ",\"logit\":";
  JsonNumber(claim.logit, out);
  out << ",\"backing\":";
  JsonString(BackingName(claim.evidence.backing), out);
  out << ",\"backing_carried\":"
      << (claim.evidence.backing_carried ? "true" : "false");
  if (speaker != nullptr) {
    out << ",\"speaker\":";
    WriteSpeakerJson(text, claim.evidence.backer, speaker, out);
  }
  out << ",\"cues\":[";
  for (size_t c = 0; c < claim.evidence.cues.size(); ++c) {
    const Cue& cue = claim.evidence.cues[c];
    out << (c == 0 ? "{" : ",{") << "\"start\":" << cursor->At(cue.begin);
    out << ",\"end\":" << cursor->At(cue.end) << ",\"text\":";
    JsonString(Slice(text, cue.begin, cue.end), out);
    out << ",\"category\":";
    JsonString(names[cue.category], out);
    out << ",\"strength\":";
    JsonNumber(cue.strength, out);
    out << ",\"contribution\":";
    JsonNumber(claim.cue_contributions[c], out);
    out << ",\"entry\":";
    JsonString(cue.entry->phrase, out);
    out << ",\"source\":";
    JsonString(cue.entry->source, out);
    out << '}';
  }
  out << "],\"features\":{";
  for (size_t f = 0; f < names.size(); ++f) {
    if (f > 0) out << ',';
    JsonString(names[f], out);
    out << ':';
    JsonNumber(claim.evidence.features[f], out);
  }
  out << "},\"contributions\":{";
  for (size_t f = 0; f < names.size(); ++f) {
    if (f > 0) out << ',';
    JsonString(names[f], out);
    out << ':';
    JsonNumber(claim.contributions[f], out);
  }
  out << "}}";
}

}  // namespace

std::string FormatFixed(double value, int digits) {
  char buf[64];
  // to_chars writes what printf's "%.*f" writes under the classic locale
  // (the exact value, correctly rounded), several times as fast; printf
  // stays for what to_chars may not spell the same (inf, nan) or fit.
  if (std::isfinite(value)) {
    const std::to_chars_result r = std::to_chars(
        buf, buf + sizeof buf, value, std::chars_format::fixed, digits);
    if (r.ec == std::errc()) return std::string(buf, r.ptr);
  }
  std::snprintf(buf, sizeof buf, "%.*f", digits, value);
  // The C locale may print a decimal comma; reports always use '.'.
  for (char* p = buf; *p; ++p) {
    if (*p == ',') *p = '.';
  }
  return buf;
}

const char* ArticleAggregation(const LinearModel& model) {
  if (!model.has_article_weights()) return "logistic of the mean claim logit";
  return model.article_feature_names().empty()
             ? "article weights on the mean claim features"
             : "article weights on the mean claim features and the article "
               "features";
}

void WriteJsonString(std::string_view s, std::ostream& out) {
  JsonString(s, out);
}

void WriteClaimJson(std::string_view text, const ScoredClaim& claim,
                    size_t index, const Scorer& scorer, std::ostream& out) {
  const ClassicLocale classic(out);
  CodePointCursor cursor(text);
  WriteClaimObject(text, claim, index, &cursor, nullptr,
                   scorer.model().feature_names(), out);
}

namespace {

// The article's figures, and its claims one at a time.
struct ClaimStream {
  size_t count = 0;
  double logit = 0.0;
  double score = 0.0;
  BackingCounts backing{};
  // The claim of the given index, called with 0, 1, ... in order; the
  // reference holds until the next call.
  std::function<const ScoredClaim&(size_t)> claim;
};

ClaimStream StreamOf(const ArticleScore& article) {
  return {article.claims.size(), article.logit, article.score,
          CountBackings(article), [&article](size_t k) -> const ScoredClaim& {
            return article.claims[k];
          }};
}

// Scores the claims again as they are written: only the sums of the first
// pass (ScoreTotals) and one claim are held at any time.
class Rescorer {
 public:
  Rescorer(std::string_view text, const Scorer& scorer)
      : text_(text), scorer_(scorer), spans_(SplitArticle(text)) {}

  ClaimStream Stream() {
    const ArticleTotals totals = scorer_.ScoreTotals(text_, spans_);
    return {spans_.size(), totals.logit, totals.score, totals.backing,
            [this](size_t k) -> const ScoredClaim& {
              scorer_.ScoreClaim(text_, spans_[k], previous_, &scratch_,
                                 &claim_);
              previous_ = claim_.evidence.backing;
              return claim_;
            }};
  }

 private:
  std::string_view text_;
  const Scorer& scorer_;
  std::vector<Span> spans_;
  ExtractScratch scratch_;
  ScoredClaim claim_;
  Backing previous_ = Backing::kNone;
};

void WriteJson(std::string_view text, const ClaimStream& claims,
               const Scorer& scorer, std::ostream& out) {
  // Streamed, one claim a line: memory stays at the size of one claim, not
  // of a document tree, whatever the article's length.
  const ClassicLocale classic(out);
  const LinearModel& model = scorer.model();
  const std::vector<std::string>& names = model.feature_names();
  CodePointCursor cursor(text);
  out << "{\"schema_version\":" << kJsonSchemaVersion
      << ",\"credence\":{\"version\":";
  JsonString(kCredenceVersion, out);
  out << "},\n \"model\":{\"name\":";
  JsonString(model.name(), out);
  out << ",\"format_version\":" << model.format_version() << ",\"bias\":";
  JsonNumber(model.bias(), out);
  out << ",\"features\":[";
  for (size_t f = 0; f < names.size(); ++f) {
    if (f > 0) out << ',';
    JsonString(names[f], out);
  }
  out << "]},\n \"article\":{\"score\":";
  JsonNumber(claims.score, out);
  out << ",\"logit\":";
  JsonNumber(claims.logit + 0.0, out);
  out << ",\"claims\":" << claims.count << ",\"aggregation\":\""
      << ArticleAggregation(scorer.model()) << "\",\"backing\":{";
  for (size_t b = 0; b < kBackingCount; ++b) {
    out << (b == 0 ? "\"" : ",\"") << BackingName(static_cast<Backing>(b))
        << "\":" << claims.backing[b];
  }
  out << "}},\n \"claims\":[";
  CodePointCursor speaker_cursor(text);
  for (size_t k = 0; k < claims.count; ++k) {
    out << (k == 0 ? "\n  " : ",\n  ");
    WriteClaimObject(text, claims.claim(k), k, &cursor, &speaker_cursor, names,
                     out);
  }
  out << "\n ]}\n";
}

// "backed by official: Anna Berg, ministry spokeswoman +0.05", with
// "(carried over)" after the backing when a pronoun took it from the claim
// before, the speaker left out when its words are unknown; "unattributed"
// when nothing backs the claim.
std::string BackingLine(std::string_view text, const ScoredClaim& claim) {
  const ClaimEvidence& evidence = claim.evidence;
  if (evidence.backing == Backing::kNone) return "unattributed";
  std::string line = "backed by ";
  line += BackingName(evidence.backing);
  if (evidence.backing_carried) line += " (carried over)";
  const SpeakerSpan& speaker = evidence.backer;
  if (speaker.begin != speaker.end) {
    line += ": " + Slice(text, speaker.begin, speaker.end);
  }
  const size_t b = static_cast<size_t>(evidence.backing);
  const double weight = claim.contributions[CategoryCount() + b];
  return line + " " + (weight >= 0 ? "+" : "") + FormatFixed(weight, 2);
}

// "backing: 3 official, 1 named, 10 unattributed": the backings some claim
// has, strongest first, wrapped between items to `width` columns.
void WriteBackingSummary(const BackingCounts& counts, size_t width,
                         std::ostream& out) {
  const std::string head = "backing: ";
  std::string line = head;
  bool first = true;
  for (size_t b = 0; b < kBackingCount; ++b) {
    if (counts[b] == 0) continue;
    const auto backing = static_cast<Backing>(b);
    const std::string item =
        std::to_string(counts[b]) + " " +
        (backing == Backing::kNone ? "unattributed" : BackingName(backing));
    if (!first && line.size() + 2 + item.size() + 1 > width) {
      out << line << ",\n";
      line.assign(head.size(), ' ');
    } else if (!first) {
      line += ", ";
    }
    line += item;
    first = false;
  }
  out << line << '\n';
}

void WriteClaimText(std::string_view text, const ScoredClaim& claim, size_t k,
                    const std::vector<std::string>& names,
                    CodePointCursor* cursor, size_t width, std::ostream& out) {
  constexpr size_t kIndent = 11;
  std::string prefix = "[" + std::to_string(k) + "]";
  prefix.resize(6, ' ');
  prefix += FormatFixed(claim.confidence, 2) + " ";
  Wrap(text.substr(claim.span.begin, claim.span.end - claim.span.begin), prefix,
       kIndent, width, out);
  Wrap(BackingLine(text, claim), std::string(kIndent, ' '), kIndent + 2, width,
       out);
  for (size_t c = 0; c < claim.evidence.cues.size(); ++c) {
    const Cue& cue = claim.evidence.cues[c];
    const double contribution = claim.cue_contributions[c];
    std::string line = std::string(kIndent, ' ') + names[cue.category] + " " +
                       (contribution >= 0 ? "+" : "") +
                       FormatFixed(contribution, 2) + " @";
    line += std::to_string(cursor->At(cue.begin)) + "-";
    line += std::to_string(cursor->At(cue.end));
    std::string quoted = "\"" + Slice(text, cue.begin, cue.end) + "\"";
    for (char& ch : quoted) {
      if (ch == '\n' || ch == '\r' || ch == '\t') ch = ' ';
    }
    quoted = Printable(quoted);
    // The cue text follows on the same line when it fits, else it wraps
    // under it, indented.
    const size_t used = CountCodePoints(line, 0, line.size());
    if (used + 1 + CountCodePoints(quoted, 0, quoted.size()) <= width) {
      out << line << ' ' << quoted << '\n';
    } else {
      out << line << '\n';
      Wrap(quoted, std::string(kIndent + 2, ' '), kIndent + 2, width, out);
    }
  }
}

void WriteText(std::string_view text, const ClaimStream& claims,
               const Scorer& scorer, std::ostream& out, size_t width) {
  const ClassicLocale classic(out);
  const std::vector<std::string>& names = scorer.model().feature_names();
  CodePointCursor cursor(text);
  out << "article score " << FormatFixed(claims.score, 2) << "  ("
      << claims.count << " claims; model " << Printable(scorer.model().name())
      << ")\n";
  WriteBackingSummary(claims.backing, width, out);
  out << '\n';
  for (size_t k = 0; k < claims.count; ++k) {
    WriteClaimText(text, claims.claim(k), k, names, &cursor, width, out);
  }
}

}  // namespace

void WriteJsonReport(std::string_view text, const ArticleScore& article,
                     const Scorer& scorer, std::ostream& out) {
  WriteJson(text, StreamOf(article), scorer, out);
}

void WriteTextReport(std::string_view text, const ArticleScore& article,
                     const Scorer& scorer, std::ostream& out, size_t width) {
  WriteText(text, StreamOf(article), scorer, out, width);
}

void ScoreAndWriteJsonReport(std::string_view text, const Scorer& scorer,
                             std::ostream& out) {
  CheckArticleText(text);
  Rescorer rescorer(text, scorer);
  WriteJson(text, rescorer.Stream(), scorer, out);
}

void ScoreAndWriteTextReport(std::string_view text, const Scorer& scorer,
                             std::ostream& out, size_t width) {
  CheckArticleText(text);
  Rescorer rescorer(text, scorer);
  WriteText(text, rescorer.Stream(), scorer, out, width);
}

}  // namespace credence
