#include "engine/report.h"

#include <algorithm>
#include <charconv>
#include <cstdio>
#include <nlohmann/json.hpp>
#include <ostream>
#include <string>
#include <vector>

#include "features/utf8.h"

namespace credence {

const char kCredenceVersion[] = "0.1.0";

namespace {

// Converts increasing byte offsets to code point offsets in one forward
// pass over the text, so a report costs time linear in the article.
class CodePointCursor {
 public:
  explicit CodePointCursor(std::string_view text) : text_(text) {}
  size_t At(size_t byte) {
    if (byte < byte_) {  // a step back: recount from the start
      byte_ = 0;
      cp_ = 0;
    }
    cp_ += CountCodePoints(text_, byte_, byte);
    byte_ = byte;
    return cp_;
  }

 private:
  std::string_view text_;
  size_t byte_ = 0;
  size_t cp_ = 0;
};

struct ClaimOffsets {
  size_t start = 0, end = 0;
  std::vector<std::pair<size_t, size_t>> cues;
};

// Code point offsets of every claim and cue, visiting offsets in order.
std::vector<ClaimOffsets> CodePointOffsets(std::string_view text,
                                           const ArticleScore& article) {
  CodePointCursor cursor(text);
  std::vector<ClaimOffsets> all;
  std::vector<size_t> bytes;
  for (const ScoredClaim& claim : article.claims) {
    bytes = {claim.span.begin, claim.span.end};
    for (const Cue& c : claim.evidence.cues) {
      bytes.push_back(c.begin);
      bytes.push_back(c.end);
    }
    std::sort(bytes.begin(), bytes.end());
    bytes.erase(std::unique(bytes.begin(), bytes.end()), bytes.end());
    std::vector<size_t> cps(bytes.size());
    for (size_t i = 0; i < bytes.size(); ++i) cps[i] = cursor.At(bytes[i]);
    auto cp = [&](size_t byte) {
      return cps[static_cast<size_t>(
          std::lower_bound(bytes.begin(), bytes.end(), byte) - bytes.begin())];
    };
    ClaimOffsets o;
    o.start = cp(claim.span.begin);
    o.end = cp(claim.span.end);
    for (const Cue& c : claim.evidence.cues) {
      o.cues.emplace_back(cp(c.begin), cp(c.end));
    }
    all.push_back(std::move(o));
  }
  return all;
}

// A JSON string: nlohmann's serializer does the escaping (quotes,
// backslashes, control characters; UTF-8 passes through). Texts and model
// names are validated UTF-8; a path the user typed may not be, and becomes
// U+FFFD rather than an exception after the scoring is done.
void JsonString(std::string_view s, std::ostream& out) {
  out << nlohmann::json(std::string(s))
             .dump(-1, ' ', false, nlohmann::json::error_handler_t::replace);
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

// One claim as a JSON object, on one line.
void WriteClaimObject(std::string_view text, const ScoredClaim& claim, size_t k,
                      const ClaimOffsets& offsets,
                      const std::vector<std::string>& names,
                      std::ostream& out) {
  out << "{\"index\":" << k << ",\"start\":" << offsets.start
      << ",\"end\":" << offsets.end << ",\"text\":";
  JsonString(Slice(text, claim.span.begin, claim.span.end), out);
  out << ",\"confidence\":";
  JsonNumber(claim.confidence, out);
  out << ",\"logit\":";
  JsonNumber(claim.logit, out);
  out << ",\"backing\":";
  JsonString(BackingName(claim.evidence.backing), out);
  out << ",\"backing_carried\":"
      << (claim.evidence.backing_carried ? "true" : "false");
  out << ",\"cues\":[";
  for (size_t c = 0; c < claim.evidence.cues.size(); ++c) {
    const Cue& cue = claim.evidence.cues[c];
    out << (c == 0 ? "{" : ",{") << "\"start\":" << offsets.cues[c].first
        << ",\"end\":" << offsets.cues[c].second << ",\"text\":";
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
  std::snprintf(buf, sizeof buf, "%.*f", digits, value);
  // The C locale may print a decimal comma; reports always use '.'.
  for (char* p = buf; *p; ++p) {
    if (*p == ',') *p = '.';
  }
  return buf;
}

void WriteJsonString(std::string_view s, std::ostream& out) {
  JsonString(s, out);
}

void WriteClaimJson(std::string_view text, const ScoredClaim& claim,
                    size_t index, const Scorer& scorer, std::ostream& out) {
  const ClassicLocale classic(out);
  ArticleScore one;
  one.claims.push_back(claim);
  const std::vector<ClaimOffsets> offsets = CodePointOffsets(text, one);
  WriteClaimObject(text, claim, index, offsets[0],
                   scorer.model().feature_names(), out);
}

void WriteJsonReport(std::string_view text, const ArticleScore& article,
                     const Scorer& scorer, std::ostream& out) {
  // Streamed, one claim a line: memory stays at the size of the scores,
  // not of a document tree, whatever the article's length.
  const ClassicLocale classic(out);
  const LinearModel& model = scorer.model();
  const std::vector<std::string>& names = model.feature_names();
  const std::vector<ClaimOffsets> offsets = CodePointOffsets(text, article);
  out << "{\"credence\":{\"version\":";
  JsonString(kCredenceVersion, out);
  out << "},\n \"model\":{\"name\":";
  JsonString(model.name(), out);
  out << ",\"format_version\":" << LinearModel::kVersion << ",\"bias\":";
  JsonNumber(model.bias(), out);
  out << ",\"features\":[";
  for (size_t f = 0; f < names.size(); ++f) {
    if (f > 0) out << ',';
    JsonString(names[f], out);
  }
  out << "]},\n \"article\":{\"score\":";
  JsonNumber(article.score, out);
  out << ",\"logit\":";
  JsonNumber(article.logit + 0.0, out);
  out << ",\"claims\":" << article.claims.size() << ",\"aggregation\":\""
      << (scorer.model().has_article_weights()
              ? "article weights on the mean claim features"
              : "logistic of the mean claim logit")
      << "\"},\n \"claims\":[";
  for (size_t k = 0; k < article.claims.size(); ++k) {
    out << (k == 0 ? "\n  " : ",\n  ");
    WriteClaimObject(text, article.claims[k], k, offsets[k], names, out);
  }
  out << "\n ]}\n";
}

void WriteTextReport(std::string_view text, const ArticleScore& article,
                     const Scorer& scorer, std::ostream& out, size_t width) {
  const ClassicLocale classic(out);
  const std::vector<std::string>& names = scorer.model().feature_names();
  const std::vector<ClaimOffsets> offsets = CodePointOffsets(text, article);
  out << "article score " << FormatFixed(article.score, 2) << "  ("
      << article.claims.size() << " claims; model "
      << Printable(scorer.model().name()) << ")\n\n";
  constexpr size_t kIndent = 11;
  for (size_t k = 0; k < article.claims.size(); ++k) {
    const ScoredClaim& claim = article.claims[k];
    std::string prefix = "[" + std::to_string(k) + "]";
    prefix.resize(6, ' ');
    prefix += FormatFixed(claim.confidence, 2) + " ";
    Wrap(text.substr(claim.span.begin, claim.span.end - claim.span.begin),
         prefix, kIndent, width, out);
    if (claim.evidence.backing != Backing::kNone) {
      const size_t b = static_cast<size_t>(claim.evidence.backing);
      const double weight = claim.contributions[CategoryCount() + b];
      out << std::string(kIndent, ' ') << "backed by "
          << BackingName(claim.evidence.backing)
          << (claim.evidence.backing_carried ? " (carried over)" : "") << " "
          << (weight >= 0 ? "+" : "") << FormatFixed(weight, 2) << "\n";
    }
    for (size_t c = 0; c < claim.evidence.cues.size(); ++c) {
      const Cue& cue = claim.evidence.cues[c];
      const double contribution = claim.cue_contributions[c];
      std::string line = std::string(kIndent, ' ') + names[cue.category] + " " +
                         (contribution >= 0 ? "+" : "") +
                         FormatFixed(contribution, 2) + " @" +
                         std::to_string(offsets[k].cues[c].first) + "-" +
                         std::to_string(offsets[k].cues[c].second);
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
}

}  // namespace credence
