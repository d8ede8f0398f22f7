// A reader for flat JSON objects of strings; see json_line.h.
#include "tools/json_line.h"

#include <cstdint>
#include <cstring>

#include "features/utf8.h"

namespace credence {
namespace {

class Cursor {
 public:
  explicit Cursor(std::string_view s) : s_(s) {}
  void SkipSpace() {
    while (i_ < s_.size() && (s_[i_] == ' ' || s_[i_] == '\t' ||
                              s_[i_] == '\n' || s_[i_] == '\r')) {
      ++i_;
    }
  }
  bool Eat(char c) {
    SkipSpace();
    if (i_ < s_.size() && s_[i_] == c) {
      ++i_;
      return true;
    }
    return false;
  }
  bool AtEnd() {
    SkipSpace();
    return i_ == s_.size();
  }
  char Peek() {
    SkipSpace();
    return i_ < s_.size() ? s_[i_] : '\0';
  }

  // A string (the opening quote next) decoded into `out`.
  bool String(std::string* out) {
    if (!Eat('"')) return false;
    out->clear();
    for (;;) {
      const size_t start = i_;
      SkipPlainWords();
      while (i_ < s_.size() && s_[i_] != '"' && s_[i_] != '\\' &&
             static_cast<unsigned char>(s_[i_]) >= 0x20) {
        ++i_;
      }
      out->append(s_.data() + start, i_ - start);
      if (i_ == s_.size() || static_cast<unsigned char>(s_[i_]) < 0x20) {
        return false;
      }
      if (s_[i_++] == '"') return true;
      if (!Escape(out)) return false;
    }
  }

  // A number, true, false or null, not kept.
  bool Scalar() {
    SkipSpace();
    for (const char* word : {"true", "false", "null"}) {
      const std::string_view w(word);
      if (s_.substr(i_, w.size()) == w) {
        i_ += w.size();
        return true;
      }
    }
    return Number();
  }

 private:
  // Steps over whole 8-byte words of string characters that need no
  // decoding (none a quote, a backslash or a control character), tested
  // together: an article's text is mostly such bytes.
  void SkipPlainWords() {
    constexpr uint64_t kOnes = 0x0101010101010101;
    constexpr uint64_t kHighs = 0x8080808080808080;
    const auto has_zero = [](uint64_t w) { return (w - kOnes) & ~w & kHighs; };
    while (s_.size() - i_ >= 8) {
      uint64_t w;
      std::memcpy(&w, s_.data() + i_, 8);
      const uint64_t special = has_zero(w ^ (kOnes * '"')) |
                               has_zero(w ^ (kOnes * '\\')) |
                               ((w - kOnes * 0x20) & ~w & kHighs);
      if (special != 0) return;
      i_ += 8;
    }
  }

  // -?(0|[1-9][0-9]*)(.[0-9]+)?([eE][+-]?[0-9]+)?
  bool Number() {
    if (i_ < s_.size() && s_[i_] == '-') ++i_;
    if (i_ < s_.size() && s_[i_] == '0') {
      ++i_;
    } else if (Digits() == 0) {
      return false;
    }
    if (i_ < s_.size() && s_[i_] == '.') {
      ++i_;
      if (Digits() == 0) return false;
    }
    if (i_ < s_.size() && (s_[i_] == 'e' || s_[i_] == 'E')) {
      ++i_;
      if (i_ < s_.size() && (s_[i_] == '+' || s_[i_] == '-')) ++i_;
      if (Digits() == 0) return false;
    }
    return true;
  }
  size_t Digits() {
    const size_t start = i_;
    while (i_ < s_.size() && s_[i_] >= '0' && s_[i_] <= '9') ++i_;
    return i_ - start;
  }

  // The escape after a backslash, appended as UTF-8.
  bool Escape(std::string* out) {
    if (i_ == s_.size()) return false;
    const char c = s_[i_++];
    switch (c) {
      case '"':
      case '\\':
      case '/':
        out->push_back(c);
        return true;
      case 'b':
        out->push_back('\b');
        return true;
      case 'f':
        out->push_back('\f');
        return true;
      case 'n':
        out->push_back('\n');
        return true;
      case 'r':
        out->push_back('\r');
        return true;
      case 't':
        out->push_back('\t');
        return true;
      case 'u':
        return Unicode(out);
      default:
        return false;
    }
  }
  bool Hex4(uint32_t* value) {
    if (s_.size() - i_ < 4) return false;
    *value = 0;
    for (int k = 0; k < 4; ++k) {
      const char h = s_[i_++];
      const int d = h >= '0' && h <= '9'   ? h - '0'
                    : h >= 'a' && h <= 'f' ? h - 'a' + 10
                    : h >= 'A' && h <= 'F' ? h - 'A' + 10
                                           : -1;
      if (d < 0) return false;
      *value = *value * 16 + static_cast<uint32_t>(d);
    }
    return true;
  }
  bool Unicode(std::string* out) {
    uint32_t cp;
    if (!Hex4(&cp)) return false;
    if (cp >= 0xDC00 && cp <= 0xDFFF) return false;  // a lone low half
    if (cp >= 0xD800 && cp <= 0xDBFF) {
      uint32_t low;
      if (s_.substr(i_, 2) != "\\u") return false;
      i_ += 2;
      if (!Hex4(&low) || low < 0xDC00 || low > 0xDFFF) return false;
      cp = 0x10000 + ((cp - 0xD800) << 10) + (low - 0xDC00);
    }
    AppendUtf8(cp, out);
    return true;
  }
  static void AppendUtf8(uint32_t cp, std::string* out) {
    if (cp < 0x80) {
      out->push_back(static_cast<char>(cp));
    } else if (cp < 0x800) {
      out->push_back(static_cast<char>(0xC0 | (cp >> 6)));
      out->push_back(static_cast<char>(0x80 | (cp & 0x3F)));
    } else if (cp < 0x10000) {
      out->push_back(static_cast<char>(0xE0 | (cp >> 12)));
      out->push_back(static_cast<char>(0x80 | ((cp >> 6) & 0x3F)));
      out->push_back(static_cast<char>(0x80 | (cp & 0x3F)));
    } else {
      out->push_back(static_cast<char>(0xF0 | (cp >> 18)));
      out->push_back(static_cast<char>(0x80 | ((cp >> 12) & 0x3F)));
      out->push_back(static_cast<char>(0x80 | ((cp >> 6) & 0x3F)));
      out->push_back(static_cast<char>(0x80 | (cp & 0x3F)));
    }
  }

  std::string_view s_;
  size_t i_ = 0;
};

}  // namespace

bool ReadFlatJsonObject(std::string_view line, std::vector<JsonField>* fields) {
  fields->clear();
  if (FindInvalidUtf8(line) != std::string_view::npos) return false;
  Cursor c(line);
  if (!c.Eat('{')) return false;
  if (c.Eat('}')) return c.AtEnd();
  do {
    JsonField field;
    if (!c.String(&field.name) || !c.Eat(':')) return false;
    if (c.Peek() == '"') {
      if (!c.String(&field.value)) return false;
      field.is_string = true;
    } else if (!c.Scalar()) {
      return false;
    }
    fields->push_back(std::move(field));
  } while (c.Eat(','));
  return c.Eat('}') && c.AtEnd();
}

}  // namespace credence
