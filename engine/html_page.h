// The parts every credence HTML page shares: escaping of input text and
// the page skeleton (doctype, a Content-Security-Policy that loads
// nothing, the shared style, the closing tags). The article report, the
// batch page and the evaluation page are written with these.
//
// Call order: start the page, write the body, end the page.
//
//   const credence::HtmlPage page{"credence: evaluation", kStyle, kScript};
//   credence::WriteHtmlPageStart(page, out);
//   out << "<h1>...</h1>";  // every input text through WriteHtmlEscaped
//   credence::WriteHtmlPageEnd(page, out);
#ifndef CREDENCE_ENGINE_HTML_PAGE_H_
#define CREDENCE_ENGINE_HTML_PAGE_H_

#include <ostream>
#include <string>
#include <string_view>

namespace credence {

// `s` with &, <, >, " and ' written as character references, safe as
// element text and inside a quoted attribute.
void WriteHtmlEscaped(std::string_view s, std::ostream& out);
std::string HtmlEscaped(std::string_view s);

struct HtmlPage {
  std::string_view title;  // written escaped
  std::string_view style;  // CSS added after the shared style
  // An inline script written before </body>; the policy lets this exact
  // script run (by its SHA-256) and no other. Empty: no script runs.
  std::string_view script;
};

// The policy of `page`: nothing is fetched; styles are inline; scripts
// none, or only `page.script` by hash.
std::string ContentSecurityPolicy(const HtmlPage& page);

// The doctype, <head> with its policy, title and style, and <body>.
void WriteHtmlPageStart(const HtmlPage& page, std::ostream& out);
// The script (when there is one), </body> and </html>.
void WriteHtmlPageEnd(const HtmlPage& page, std::ostream& out);

}  // namespace credence

#endif  // CREDENCE_ENGINE_HTML_PAGE_H_
