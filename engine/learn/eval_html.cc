// The evaluation page of eval --format html (eval_html.h).
#include "engine/learn/eval_html.h"

#include <algorithm>
#include <cmath>

#include "engine/html_page.h"
#include "engine/learn/eval_plots.h"
#include "engine/learn/learn_report.h"
#include "engine/report.h"

namespace credence {
namespace {

const char kStyle[] = R"css(
.plots{display:flex;flex-wrap:wrap;gap:1em 1.5em}
figure{margin:0;break-inside:avoid}
figcaption{font-size:.9em;max-width:280px}
svg.plot{font:11px system-ui,sans-serif;overflow:visible}
svg .grid{stroke:#e4e4e4}
svg .frame{fill:none;stroke:#333}
svg .diagonal{stroke:#777;stroke-dasharray:4 3}
svg .curve{fill:none;stroke:#1565c0;stroke-width:2}
svg .dot{fill:#1565c0}
svg .count{font-size:10px}
svg .axis{font-size:12px}
svg .note{font-size:12px;font-weight:bold}
.c0{fill:#f4b183;stroke:#8a3b00;stroke-width:.6}
.c1{fill:#1b5e20}
.key{vertical-align:middle}
table.sortable th button{font:inherit;font-weight:bold;border:0;
 background:none;padding:0;cursor:pointer;text-decoration:underline dotted}
th[aria-sort=descending]::after{content:" \25BC"}
th[aria-sort=ascending]::after{content:" \25B2"}
tr.contra td{background:#fdecea}
#metrics{font-size:.9em}#metrics td:first-child{overflow-wrap:anywhere}
table.bins{font-size:.85em}
@media print{body{max-width:none;margin:0}a{color:inherit;
 text-decoration:none}h2{break-after:avoid}
 tr.contra td{font-weight:bold}
 table.sortable th button{text-decoration:none}}
)css";

// Makes every table.sortable sortable by a click on a column heading:
// cells with data-v sort as numbers, others as text; a second click
// reverses. Without script the table keeps the order it was written in.
const char kScript[] =
    "document.querySelectorAll('table.sortable').forEach(function(t){"
    "var heads=t.tHead.rows[0].cells;"
    "Array.prototype.forEach.call(heads,function(th,i){"
    "var b=document.createElement('button');b.type='button';"
    "b.textContent=th.textContent;th.textContent='';th.appendChild(b);"
    "b.addEventListener('click',function(){"
    "var down=th.getAttribute('aria-sort')!=='descending';"
    "Array.prototype.forEach.call(heads,function(h){"
    "h.removeAttribute('aria-sort');});"
    "th.setAttribute('aria-sort',down?'descending':'ascending');"
    "var body=t.tBodies[0],rows=Array.prototype.slice.call(body.rows);"
    "rows.sort(function(a,c){var x=a.cells[i],y=c.cells[i];"
    "var d=x.hasAttribute('data-v')?x.getAttribute('data-v')-"
    "y.getAttribute('data-v'):x.textContent.localeCompare(y.textContent);"
    "return down?-d:d;});"
    "rows.forEach(function(r){body.appendChild(r);});});});});";

std::string Rate(double v, int digits = 3) {
  return std::isnan(v) ? "undefined" : FormatFixed(v, digits);
}

// "0.712 to 0.790": AUC +- 1.96 se inside [0, 1].
std::string AucInterval(const Metrics& m) {
  if (std::isnan(m.auc) || std::isnan(m.auc_se)) return "undefined";
  return FormatFixed(std::max(0.0, m.auc - 1.96 * m.auc_se), 3) + " to " +
         FormatFixed(std::min(1.0, m.auc + 1.96 * m.auc_se), 3);
}

std::string ScopeName(const EvalPage& page, size_t s) {
  return s == 0 ? "All rows" : "File " + page.metrics[s].scope;
}

void WriteFiles(const EvalPage& page, std::ostream& out) {
  out << "<table>\n<thead><tr><th>file</th><th>rows</th><th>labeled 1</th>"
         "<th>sha256</th></tr></thead>\n<tbody>\n";
  for (const DatasetFile& f : page.data.files) {
    out << "<tr><td>";
    WriteHtmlEscaped(f.path, out);
    out << "</td><td class=\"num\">" << f.rows << "</td><td class=\"num\">"
        << f.positives << "</td><td class=\"num\">"
        << HtmlEscaped(f.sha256.substr(0, 16)) << "\u2026</td></tr>\n";
  }
  out << "</tbody>\n</table>\n";
}

// One row a scope, linking to its section.
void WriteMetrics(const EvalPage& page, std::ostream& out) {
  out << "<table id=\"metrics\">\n<thead><tr><th>scope</th><th>n</th>"
         "<th>labeled 1</th><th>AUC</th><th>95% interval</th><th>accuracy"
         "</th><th>F1 credible</th><th>F1 doubtful</th><th>log loss</th>"
         "<th>Brier</th><th>ECE</th></tr></thead>\n<tbody>\n";
  for (size_t s = 0; s < page.metrics.size(); ++s) {
    const Metrics& m = page.metrics[s].metrics;
    out << "<tr><td><a href=\"#s" << s << "\">";
    WriteHtmlEscaped(ScopeName(page, s), out);
    out << "</a></td>";
    for (const std::string& v :
         {std::to_string(m.n), std::to_string(m.positives), Rate(m.auc),
          AucInterval(m), Rate(m.accuracy), Rate(m.f1_credible),
          Rate(m.f1_doubtful), Rate(m.log_loss, 4), Rate(m.brier, 4),
          Rate(m.ece, 4)}) {
      out << "<td class=\"num\">" << v << "</td>";
    }
    out << "</tr>\n";
  }
  out << "</tbody>\n</table>\n";
}

void WriteBins(const Metrics& m, std::ostream& out) {
  out << "<figure>\n<table class=\"bins\">\n<thead><tr>"
         "<th>bin</th><th>rows</th><th>mean predicted</th><th>share labeled 1"
         "</th></tr></thead>\n<tbody>\n";
  for (const ReliabilityBin& b : m.bins) {
    out << "<tr><td class=\"num\">" << FormatFixed(b.low, 1) << "\u2013"
        << FormatFixed(b.high, 1) << "</td><td class=\"num\">" << b.n
        << "</td><td class=\"num\">"
        << (b.n ? FormatFixed(b.mean_predicted, 3) : "\u2014")
        << "</td><td class=\"num\">"
        << (b.n ? FormatFixed(b.observed, 3) : "\u2014") << "</td></tr>\n";
  }
  out << "</tbody>\n</table>\n<figcaption>The reliability bins.</figcaption>\n"
         "</figure>\n";
}

const char kClassKey[] =
    "<svg class=\"key\" width=\"10\" height=\"10\" aria-hidden=\"true\">"
    "<rect class=\"c";

// The section of scope `s`: its three plots and its bins.
void WriteScope(const EvalPage& page, size_t s, std::ostream& out) {
  std::vector<double> p;
  std::vector<int> y;
  for (size_t i = 0; i < page.data.rows(); ++i) {
    if (s > 0 && page.data.file[i] != s - 1) continue;
    p.push_back(page.data.probability[i]);
    y.push_back(page.data.y[i]);
  }
  const Metrics& m = page.metrics[s].metrics;
  out << "<section class=\"scope\" id=\"s" << s << "\">\n<h2>";
  WriteHtmlEscaped(ScopeName(page, s), out);
  out << "</h2>\n<div class=\"plots\">\n<figure>\n";
  WriteRocSvg(RocPoints(p, y), m.auc, out);
  out << "<figcaption>ROC curve: AUC " << Rate(m.auc) << ", 95% interval "
      << AucInterval(m)
      << " (DeLong); the dashed diagonal is chance.</figcaption>\n"
         "</figure>\n<figure>\n";
  WriteReliabilitySvg(m.bins, out);
  out << "<figcaption>Reliability: each bin's share labeled 1 against its "
         "mean predicted probability, with its row count; ECE "
      << Rate(m.ece, 4) << ".</figcaption>\n</figure>\n<figure>\n";
  WriteHistogramSvg(p, y, out);
  out << "<figcaption>Predicted probability by class: " << kClassKey
      << "0\" width=\"10\" height=\"10\"/></svg> labeled 0 (doubtful, "
      << m.n - m.positives << " rows) " << kClassKey
      << "1\" width=\"10\" height=\"10\"/></svg> labeled 1 (credible, "
      << m.positives << " rows).</figcaption>\n</figure>\n";
  WriteBins(m, out);
  out << "</div>\n</section>\n";
}

void WriteCues(const EvalPage& page, std::ostream& out) {
  const std::vector<std::string>& names = Extractor::CategoryNames();
  std::vector<CueRow> rows = page.cues->Rows();
  std::stable_sort(rows.begin(), rows.end(),
                   [](const CueRow& a, const CueRow& b) {
                     return a.log_odds_ratio > b.log_odds_ratio;
                   });
  out << "<section id=\"cues\">\n<h2>Cues</h2>\n<p class=\"muted\">Every cue "
         "that fired, with the rows it fires in of each class ("
      << page.cues->rows(1) << " labeled 1, " << page.cues->rows(0)
      << " labeled 0) and the log odds ratio of firing in a row labeled 1 "
         "(each count + 0.5): above 0 the cue marks credible rows in this "
         "data. Side is the taxonomy's (+ sourcing, \u2212 doubt, = "
         "either); a highlighted row is on the other side by more than 2 "
         "se. Highest log odds first; a click on a heading sorts by "
         "it.</p>\n<table class=\"sortable\">\n<thead><tr><th>category</th>"
         "<th>entry</th><th>source</th><th>rows labeled 0</th><th>rows "
         "labeled 1</th><th aria-sort=\"descending\">log odds ratio</th>"
         "<th>se</th><th>side</th></tr></thead>\n<tbody>\n";
  for (const CueRow& row : rows) {
    const int side = page.directions[row.category];
    out << (CueContradicts(row, side) ? "<tr class=\"contra\">" : "<tr>")
        << "<td>" << HtmlEscaped(names[row.category]) << "</td><td>";
    WriteHtmlEscaped(row.entry->phrase, out);
    out << "</td><td>";
    WriteHtmlEscaped(row.entry->source, out);
    out << "</td><td class=\"num\" data-v=\"" << row.rows[0] << "\">"
        << row.rows[0] << "</td><td class=\"num\" data-v=\"" << row.rows[1]
        << "\">" << row.rows[1] << "</td><td class=\"num\" data-v=\""
        << FormatFixed(row.log_odds_ratio, 6) << "\">"
        << FormatFixed(row.log_odds_ratio, 2) << "</td><td class=\"num\" "
        << "data-v=\"" << FormatFixed(row.se, 6) << "\">"
        << FormatFixed(row.se, 2) << "</td><td data-v=\"" << side << "\">"
        << (side > 0   ? "+"
            : side < 0 ? "\u2212"
                       : "=")
        << "</td></tr>\n";
  }
  out << "</tbody>\n</table>\n</section>\n";
}

}  // namespace

void WriteEvalHtml(const EvalPage& page, std::ostream& out) {
  const ClassicLocale classic(out);
  const HtmlPage html{"credence: evaluation", kStyle, page.cues ? kScript : ""};
  WriteHtmlPageStart(html, out);
  out << "<header>\n<h1>Evaluation of model ";
  WriteHtmlEscaped(page.model, out);
  out << "</h1>\n<p class=\"muted\">" << page.data.rows()
      << " rows; label 1 = credible; credence " << kCredenceVersion
      << "</p>\n</header>\n";
  WriteFiles(page, out);
  out << "<h2>Metrics</h2>\n";
  WriteMetrics(page, out);
  for (size_t s = 0; s < page.metrics.size(); ++s) WriteScope(page, s, out);
  if (page.cues) WriteCues(page, out);
  WriteHtmlPageEnd(html, out);
}

}  // namespace credence
