// Escaping and the skeleton every HTML page shares (html_page.h).
#include "engine/html_page.h"

#include <sstream>

#include "engine/util/sha256.h"

namespace credence {
namespace {

// What every page looks like: text, headings, tables, numbers.
const char kSharedStyle[] = R"css(
body{font:15px/1.5 system-ui,sans-serif;margin:1.5em auto;max-width:60em;
 padding:0 1em;color:#1b1b1b;background:#fff}
h1{font-size:1.4em;margin:.2em 0}h2{font-size:1.15em;margin:1.2em 0 .4em}
.muted{color:#555}
table{border-collapse:collapse}
td,th{border-bottom:1px solid #ddd;padding:2px 6px;text-align:left;
 vertical-align:top}
.num{font-variant-numeric:tabular-nums;white-space:nowrap}
)css";

// The 32 bytes a 64-digit hex digest spells, in base64 (the form a
// Content-Security-Policy hash source takes).
std::string HexToBase64(std::string_view hex) {
  static const char kDigits[] =
      "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";
  std::string bytes;
  for (size_t i = 0; i + 1 < hex.size(); i += 2) {
    bytes.push_back(static_cast<char>(
        std::stoi(std::string(hex.substr(i, 2)), nullptr, 16)));
  }
  std::string out;
  for (size_t i = 0; i < bytes.size(); i += 3) {
    uint32_t group = 0;
    const size_t n = std::min<size_t>(3, bytes.size() - i);
    for (size_t k = 0; k < 3; ++k) {
      const uint32_t b = k < n ? static_cast<unsigned char>(bytes[i + k]) : 0u;
      group = group << 8 | b;
    }
    for (size_t k = 0; k < 4; ++k) {
      out.push_back(k <= n ? kDigits[(group >> (18 - 6 * k)) & 63] : '=');
    }
  }
  return out;
}

}  // namespace

void WriteHtmlEscaped(std::string_view s, std::ostream& out) {
  size_t run = 0;  // start of the bytes not yet written
  for (size_t i = 0; i < s.size(); ++i) {
    const char* ref = nullptr;
    switch (s[i]) {
      case '&':
        ref = "&amp;";
        break;
      case '<':
        ref = "&lt;";
        break;
      case '>':
        ref = "&gt;";
        break;
      case '"':
        ref = "&quot;";
        break;
      case '\'':
        ref = "&#39;";
        break;
      default:
        continue;
    }
    out.write(s.data() + run, static_cast<std::streamsize>(i - run));
    out << ref;
    run = i + 1;
  }
  out.write(s.data() + run, static_cast<std::streamsize>(s.size() - run));
}

std::string HtmlEscaped(std::string_view s) {
  std::ostringstream out;
  WriteHtmlEscaped(s, out);
  return out.str();
}

std::string ContentSecurityPolicy(const HtmlPage& page) {
  std::string scripts = "'none'";
  if (!page.script.empty()) {
    Sha256 hash;
    hash.Update(page.script);
    scripts = "'sha256-" + HexToBase64(hash.HexDigest()) + "'";
  }
  // Styles inline only, nothing fetched: the page works from a file and an
  // escaped payload could not load anything even if it slipped.
  return "default-src 'none'; script-src " + scripts +
         "; style-src 'unsafe-inline'; img-src 'none'; font-src 'none'; "
         "connect-src 'none'; form-action 'none'; base-uri 'none'";
}

void WriteHtmlPageStart(const HtmlPage& page, std::ostream& out) {
  out << "<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n"
      << "<meta charset=\"utf-8\">\n"
      << "<meta http-equiv=\"Content-Security-Policy\" content=\""
      << ContentSecurityPolicy(page) << "\">\n"
      << "<meta name=\"viewport\" content=\"width=device-width\">\n<title>";
  WriteHtmlEscaped(page.title, out);
  out << "</title>\n<style>" << kSharedStyle << page.style
      << "</style>\n</head>\n<body>\n";
}

void WriteHtmlPageEnd(const HtmlPage& page, std::ostream& out) {
  if (!page.script.empty()) out << "<script>" << page.script << "</script>\n";
  out << "</body>\n</html>\n";
}

}  // namespace credence
