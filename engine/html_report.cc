// The HTML page of one article's report (html_report.h).
#include "engine/html_report.h"

#include <algorithm>
#include <array>
#include <cmath>
#include <sstream>

#include "engine/html_page.h"
#include "engine/report.h"

namespace credence {

const char kHtmlArticleStyle[] = R"css(
.score{font-size:1.2em}
.article{white-space:pre-wrap;overflow-wrap:anywhere;border:1px solid #ccc;
 padding:.8em 1em;font-family:Georgia,serif;line-height:1.7}
mark.cue{color:inherit;border-bottom:2px solid;padding:0 1px;
 position:relative}
mark.cue:focus{outline:2px solid #000}
mark.cue:focus::after{content:attr(aria-label);position:absolute;left:0;
 top:1.6em;z-index:1;background:#222;color:#fff;font:12px/1.3 sans-serif;
 padding:2px 5px;white-space:nowrap}
mark[data-cont]{border-left:1px dashed #555}
.raise{background:#c9ebc6;border-color:#2e7d32}
.lower{background:#f8cfc8;border-color:#c62828}
.hedge{background:#fbe6a2;border-color:#b28704}
.style{background:#dde0f6;border-color:#3949ab}
.swatch{display:inline-block;width:1em;height:1em;vertical-align:middle;
 border-bottom:2px solid;margin-right:.3em}
.blk{content-visibility:auto;contain-intrinsic-size:auto 30em}
.row{border-bottom:1px solid #ddd;padding:1px 0;white-space:nowrap;
 overflow:hidden;text-overflow:ellipsis;font-variant-numeric:tabular-nums}
.rblk{content-visibility:auto;contain-intrinsic-size:auto 150em}
.row::before{content:"";display:inline-block;width:5em;height:.7em;
 margin-right:.4em;background:linear-gradient(90deg,#455a64
 calc(var(--c)*100%),#e4e4e4 0)}
ul.legend{padding:0;list-style:none;margin:.3em 0}
ul.legend li{display:inline-block;margin-right:1.2em}
.bar{display:inline-block;width:5em;height:.7em;background:#e4e4e4;
 vertical-align:middle;margin-right:.4em}
.bar>span{display:block;height:100%;background:#455a64}
@media print{mark.cue{border-bottom-width:1px}}
)css";

namespace {

struct Family {
  const char* name;
  const char* label;
  std::array<const char*, 5> categories;  // nullptr ends a short list
};

const std::array<Family, 3> kSourcingFamilies = {{
    {"raise",
     "sourcing that raises confidence",
     {"named_source", "official_confirmation"}},
    {"lower",
     "sourcing that lowers it",
     {"anonymous_source", "vague_attribution", "media_report",
      "unverified_social", "denial"}},
    {"hedge",
     "hedges and speculation",
     {"hedge", "speculation", "doubt_marker", "booster"}},
}};

std::string Signed(double value) {
  return (value >= 0 ? "+" : "") + FormatFixed(value, 2);
}

std::string Slice(std::string_view text, size_t begin, size_t end) {
  return std::string(text.substr(begin, end - begin));
}

// "hedge +0.31, entry "may"" for a cue's title and label.
std::string CueLabel(const Cue& cue, double contribution) {
  const std::string& category = Extractor::CategoryNames()[cue.category];
  return category + " " + Signed(contribution) + ", entry \u201c" +
         cue.entry->phrase + "\u201d";
}

HtmlMark CueMark(const Cue& cue, double contribution, std::string_view prefix,
                 size_t claim, size_t index) {
  const std::string& category = Extractor::CategoryNames()[cue.category];
  const std::string label = HtmlEscaped(CueLabel(cue, contribution));
  return {cue.begin, cue.end, "mark",
          "class=\"cue " + std::string(CueFamily(category)) +
              "\" data-category=\"" + HtmlEscaped(category) + "\" data-cue=\"" +
              std::string(prefix) + std::to_string(claim) + "." +
              std::to_string(index) + "\" title=\"" + label +
              "\" aria-label=\"" + label + "\" tabindex=\"0\""};
}

void WriteBar(double confidence, std::ostream& out) {
  out << "<span class=\"num\"><span class=\"bar\" aria-hidden=\"true\">"
         "<span style=\"width:"
      << FormatFixed(100.0 * confidence, 1) << "%\"></span></span>"
      << FormatFixed(confidence, 2) << "</span>";
}

// Who backs the claim, as written, or a dash.
std::string Speaker(std::string_view text, const ClaimEvidence& evidence) {
  const SpeakerSpan& s = evidence.backer;
  if (s.begin >= s.end) {
    return evidence.backing_carried ? "(from an earlier claim)" : "\u2014";
  }
  return Slice(text, s.begin, s.end) +
         (s.earlier_claim ? " (in an earlier claim)" : "");
}

// <hN> and </hN> for a heading `depth` levels below the place's own.
std::string Open(const HtmlArticlePlace& place, int depth) {
  return "<h" + std::to_string(place.heading + depth) + ">";
}
std::string Close(const HtmlArticlePlace& place, int depth) {
  return "</h" + std::to_string(place.heading + depth) + ">";
}

// The heading (the place's title, or else the headline), the headline
// under a title, the score and how it was aggregated.
void WriteScore(std::string_view text, const ArticleScore& article,
                const Scorer& scorer, const HtmlArticlePlace& place,
                std::ostream& out) {
  std::string_view headline;
  if (!article.claims.empty()) {
    const Span& h = article.claims[0].span;
    headline = text.substr(h.begin, h.end - h.begin);
  }
  out << "<header>\n" << Open(place, 0);
  WriteHtmlEscaped(place.title.empty() ? headline : place.title, out);
  out << Close(place, 0) << "\n";
  if (!place.title.empty()) {
    out << "<p class=\"headline\">";
    WriteHtmlEscaped(headline, out);
    out << "</p>\n";
  }
  out << "<p class=\"score\">Article score ";
  WriteBar(article.score, out);
  out << "</p>\n<p class=\"muted\">" << article.claims.size()
      << " claims; logit " << FormatFixed(article.logit, 3) << ", "
      << ArticleAggregation(scorer.model()) << "; model ";
  WriteHtmlEscaped(scorer.model().name(), out);
  out << "; credence " << kCredenceVersion << "</p>\n</header>\n";
}

void WriteLegend(std::ostream& out) {
  out << "<section id=\"legend\">\n<h2>Legend</h2>\n<ul class=\"legend\">\n";
  for (const Family& f : kSourcingFamilies) {
    out << "<li><span class=\"swatch " << f.name << "\"></span>" << f.label
        << ":";
    for (const char* c : f.categories) {
      if (c != nullptr) out << ' ' << c;
    }
    out << "</li>\n";
  }
  out << "<li><span class=\"swatch style\"></span>style: the other "
         "categories</li>\n</ul>\n<p class=\"muted\">Hover or focus a "
         "marked phrase for its category, lexicon entry and contribution "
         "to the claim's logit; a dashed left edge marks a cue continued "
         "after an overlapping one.</p>\n</section>\n";
}

void WriteBackingCounts(const ArticleScore& article,
                        const HtmlArticlePlace& place, std::ostream& out) {
  std::array<size_t, kBackingCount> counts{};
  for (const ScoredClaim& claim : article.claims) {
    ++counts[static_cast<size_t>(claim.evidence.backing)];
  }
  out << Open(place, 1) << "Claims by backing" << Close(place, 1)
      << "\n<table>\n<tr><th>backing</th>"
         "<th>claims</th></tr>\n";
  for (size_t b = 0; b < kBackingCount; ++b) {
    if (counts[b] == 0) continue;
    out << "<tr><td>" << BackingName(static_cast<Backing>(b))
        << "</td><td class=\"num\">" << counts[b] << "</td></tr>\n";
  }
  out << "</table>\n";
}

void WriteStrongestCues(std::string_view text, const ArticleScore& article,
                        const HtmlArticlePlace& place, std::ostream& out) {
  constexpr size_t kShown = 10;
  struct Ref {
    double weight;
    size_t claim, cue;
  };
  std::vector<Ref> refs;
  for (size_t k = 0; k < article.claims.size(); ++k) {
    const ScoredClaim& claim = article.claims[k];
    for (size_t c = 0; c < claim.evidence.cues.size(); ++c) {
      refs.push_back({claim.cue_contributions[c], k, c});
    }
  }
  const size_t shown = std::min(kShown, refs.size());
  std::partial_sort(refs.begin(),
                    refs.begin() + static_cast<std::ptrdiff_t>(shown),
                    refs.end(), [](const Ref& a, const Ref& b) {
                      return std::abs(a.weight) > std::abs(b.weight);
                    });
  out << Open(place, 1) << "Strongest cues" << Close(place, 1)
      << "\n<table>\n<tr><th>cue</th><th>category"
         "</th><th>contribution</th><th>claim</th></tr>\n";
  for (size_t i = 0; i < shown; ++i) {
    const Cue& cue = article.claims[refs[i].claim].evidence.cues[refs[i].cue];
    const std::string& category = Extractor::CategoryNames()[cue.category];
    out << "<tr><td>";
    WriteHtmlEscaped(text.substr(cue.begin, cue.end - cue.begin), out);
    out << "</td><td><span class=\"swatch " << CueFamily(category)
        << "\"></span>" << HtmlEscaped(category) << "</td><td class=\"num\">"
        << Signed(refs[i].weight) << "</td><td><a href=\"#" << place.prefix
        << "c" << refs[i].claim << "\">" << refs[i].claim << "</a></td></tr>\n";
  }
  out << "</table>\n";
}

// The article in blocks of at least kBlockBytes that end at a line end
// between claims: the browser lays out and paints only the blocks in view
// (content-visibility), so a long article opens as fast as a short one.
void WriteArticle(std::string_view text, const ArticleScore& article,
                  const HtmlArticlePlace& place, std::ostream& out) {
  constexpr size_t kBlockBytes = 4096;
  out << "<section id=\"" << place.prefix << "article\">\n"
      << Open(place, 0) << "Article" << Close(place, 0)
      << "\n<div class=\"article\">";
  std::vector<HtmlMark> marks;
  size_t block_begin = 0;
  auto write_block = [&](size_t block_end) {
    out << "<div class=\"blk\">";
    WriteMarkedText(text, block_begin, block_end, std::move(marks), out);
    out << "</div>";
    marks.clear();
    block_begin = block_end;
  };
  const size_t n = article.claims.size();
  for (size_t k = 0; k < n; ++k) {
    const ScoredClaim& claim = article.claims[k];
    marks.push_back({claim.span.begin, claim.span.end, "span",
                     "class=\"claim\" id=\"" + place.prefix + "c" +
                         std::to_string(k) + "\""});
    for (size_t c = 0; c < claim.evidence.cues.size(); ++c) {
      marks.push_back(CueMark(claim.evidence.cues[c],
                              claim.cue_contributions[c], place.prefix, k, c));
    }
    if (k + 1 == n || claim.span.end - block_begin < kBlockBytes) continue;
    const size_t next = article.claims[k + 1].span.begin;
    const size_t gap =
        next <= claim.span.end
            ? std::string_view::npos
            : text.substr(claim.span.end, next - claim.span.end).find('\n');
    if (gap != std::string_view::npos) write_block(claim.span.end + gap + 1);
  }
  write_block(text.size());
  out << "</div>\n</section>\n";
}

// At most kExcerptBytes of `s`, cut at a character boundary, with an
// ellipsis when cut: the article above holds the whole claim.
std::string Excerpt(std::string_view s) {
  constexpr size_t kExcerptBytes = 160;
  if (s.size() <= kExcerptBytes) return std::string(s);
  size_t cut = kExcerptBytes;
  while (cut > 0 && (static_cast<unsigned char>(s[cut]) & 0xC0) == 0x80) --cut;
  return std::string(s.substr(0, cut)) + "\u2026";
}

// Two elements a claim (its row and the link to it in the article), the
// bar drawn by CSS from the row's --c, in blocks of kRowsPerBlock rows
// that the browser lays out only when in view: a page of many thousand
// claims stays light.
void WriteClaims(std::string_view text, const ArticleScore& article,
                 const HtmlArticlePlace& place, std::ostream& out) {
  out << "<section id=\"" << place.prefix << "claims\">\n"
      << Open(place, 0) << "Claims" << Close(place, 0)
      << "\n<p class=\"muted\">"
         "confidence, claim number, backing, speaker, claim</p>\n"
         "<div class=\"claims\">\n";
  constexpr size_t kRowsPerBlock = 100;
  for (size_t k = 0; k < article.claims.size(); ++k) {
    const ScoredClaim& claim = article.claims[k];
    if (k % kRowsPerBlock == 0)
      out << (k == 0 ? "" : "</div>\n") << "<div class=\"rblk\">\n";
    out << "<div class=\"row\" style=\"--c:" << FormatFixed(claim.confidence, 3)
        << "\">" << FormatFixed(claim.confidence, 2) << " <a href=\"#"
        << place.prefix << "c" << k << "\">#" << k << "</a> "
        << BackingName(claim.evidence.backing)
        << (claim.evidence.backing_carried ? " (carried)" : "") << " \u00b7 ";
    WriteHtmlEscaped(Speaker(text, claim.evidence), out);
    out << " \u00b7 ";
    WriteHtmlEscaped(Excerpt(text.substr(claim.span.begin,
                                         claim.span.end - claim.span.begin)),
                     out);
    out << "</div>\n";
  }
  if (!article.claims.empty()) out << "</div>\n";
  out << "</div>\n</section>\n";
}

}  // namespace

const char* CueFamily(std::string_view category) {
  for (const Family& f : kSourcingFamilies) {
    for (const char* c : f.categories) {
      if (c != nullptr && category == c) return f.name;
    }
  }
  return "style";
}

namespace {

void OpenMark(const HtmlMark& mark, bool continued, std::ostream& out) {
  out << '<' << mark.tag;
  if (!mark.attributes.empty()) out << ' ' << mark.attributes;
  if (continued) out << " data-cont=\"\"";
  out << '>';
}

// Closes the open marks that end at `pos`, and those opened inside them,
// which open again as continuations.
void CloseEnded(const std::vector<HtmlMark>& marks, size_t pos,
                std::vector<size_t>* open, std::ostream& out) {
  size_t lowest = open->size();
  for (size_t i = 0; i < open->size(); ++i) {
    if (marks[(*open)[i]].end <= pos) {
      lowest = i;
      break;
    }
  }
  if (lowest == open->size()) return;
  for (size_t i = open->size(); i-- > lowest;) {
    out << "</" << marks[(*open)[i]].tag << '>';
  }
  std::vector<size_t> reopen;
  for (size_t i = lowest; i < open->size(); ++i) {
    if (marks[(*open)[i]].end > pos) reopen.push_back((*open)[i]);
  }
  open->resize(lowest);
  for (size_t m : reopen) {
    OpenMark(marks[m], true, out);
    open->push_back(m);
  }
}

}  // namespace

void WriteMarkedText(std::string_view text, size_t begin, size_t end,
                     std::vector<HtmlMark> marks, std::ostream& out) {
  for (HtmlMark& m : marks) {
    m.begin = std::clamp(m.begin, begin, end);
    m.end = std::clamp(m.end, begin, end);
  }
  marks.erase(
      std::remove_if(marks.begin(), marks.end(),
                     [](const HtmlMark& m) { return m.begin >= m.end; }),
      marks.end());
  std::stable_sort(
      marks.begin(), marks.end(), [](const HtmlMark& a, const HtmlMark& b) {
        return a.begin != b.begin ? a.begin < b.begin : a.end > b.end;
      });
  std::vector<size_t> open;  // indices into marks, outermost first
  size_t next = 0;           // the first mark not yet opened
  size_t pos = begin;
  while (true) {
    size_t stop = next < marks.size() ? marks[next].begin : end;
    for (size_t m : open) stop = std::min(stop, marks[m].end);
    WriteHtmlEscaped(text.substr(pos, stop - pos), out);
    pos = stop;
    CloseEnded(marks, pos, &open, out);
    if (pos == end) break;
    for (; next < marks.size() && marks[next].begin == pos; ++next) {
      OpenMark(marks[next], false, out);
      open.push_back(next);
    }
  }
}

void WriteHtmlLegend(std::ostream& out) { WriteLegend(out); }

void WriteHtmlArticle(std::string_view text, const ArticleScore& article,
                      const Scorer& scorer, const HtmlArticlePlace& place,
                      std::ostream& out) {
  const ClassicLocale classic(out);
  WriteScore(text, article, scorer, place, out);
  if (place.legend) WriteLegend(out);
  const HtmlArticlePlace inner{place.prefix, "", place.heading + 1, false};
  WriteArticle(text, article, inner, out);
  out << "<section id=\"" << place.prefix << "summary\">\n"
      << Open(inner, 0) << "Summary" << Close(inner, 0) << "\n";
  WriteBackingCounts(article, inner, out);
  WriteStrongestCues(text, article, inner, out);
  out << "</section>\n";
  WriteClaims(text, article, inner, out);
}

void WriteHtmlReport(std::string_view text, const ArticleScore& article,
                     const Scorer& scorer, std::ostream& out) {
  const HtmlPage page{"credence: article report", kHtmlArticleStyle, ""};
  WriteHtmlPageStart(page, out);
  WriteHtmlArticle(text, article, scorer, HtmlArticlePlace{}, out);
  WriteHtmlPageEnd(page, out);
}

}  // namespace credence
