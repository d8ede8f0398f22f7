// fast-cpp-csv-parser (fccp) cuts lines into fields and unquotes them. What
// it cannot do is done by Scanner, the byte source fccp reads through:
//
// - fccp splits lines at every '\n', so Scanner tracks quotes and hands it a
//   '\n' inside quotes as 0xFF (a byte valid UTF-8 never holds); Next() puts
//   the '\n' back. A '"' opens a quoted field only as a field's first byte
//   (see csv_record.h); fccp's field scanner takes any '"' for a quote, so
//   Scanner hands it a stray one, as in `5" screen`, as 0xFD, and Next()
//   puts the '"' back. Both thus agree on where records and fields end.
// - fccp knows neither byte offsets nor physical line numbers, so Scanner
//   writes one small entry per logical line (length, line end, line breaks
//   inside quotes, problems found). Next() looks up the entry of the line
//   fccp just parsed (fccp's get_file_line()) and drops those before it, so
//   entries only exist for the bytes fccp has buffered but not parsed yet.
// - fccp stops at a NUL byte (its fields are C strings), so Scanner maps NUL,
//   0xFD and 0xFF to 0xFE, which FindInvalidUtf8 rejects like the originals.
// - fccp throws, and cannot go on, at a line of 2^24 bytes. Scanner hands it
//   the first 2^24 - 1 bytes of such a record only and flags it, so the
//   reader reports that record and continues after it.
// - fccp strips one '\r' before each '\n'. Scanner drops the CR of a CRLF
//   line end itself, so that what fccp strips is what SplitRecord strips: a
//   CR at the end of the record's own bytes.
// - A blank line (empty, or a lone CR) is no record: fccp's comment policy
//   skips it and Scanner does not count it as a header or check its fields.
//
// fccp reads ahead through Scanner from a thread of its own once the input
// exceeds 32 MiB, so `source` and `spool` are used on that thread until the
// reader is destroyed, and Scanner never throws: it records a failed read
// or write, and Next() reports it once the rows run out.
#include "engine/csv/csv_reader.h"

#include <algorithm>
#include <array>
#include <cstdint>
#include <cstdio>
#include <cstring>
#include <deque>
#include <istream>
#include <memory>
#include <mutex>
#include <ostream>
#include <set>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

// csv.h does not build warning-free with the project's warnings.
#pragma GCC diagnostic push
#pragma GCC diagnostic ignored "-Wstringop-truncation"
#pragma GCC diagnostic ignored "-Wconversion"
#pragma GCC diagnostic ignored "-Wsign-conversion"
#pragma GCC diagnostic ignored "-Wshadow"
#pragma GCC diagnostic ignored "-Wold-style-cast"
#pragma GCC diagnostic ignored "-Wpedantic"
#include <libfccp/csv.h>
#pragma GCC diagnostic pop

#ifdef __SSE2__
#include <emmintrin.h>
#endif

#include "engine/util/huge_pages.h"
#include "features/utf8.h"

namespace credence {
namespace {

// fccp throws for a line of 2^24 bytes or more (line end excluded).
constexpr uint64_t kMaxRecordBytes = (uint64_t{1} << 24) - 1;
// Past this, a record that is already too long ends the reading: no CSV
// file holds one, but an endless input without line ends (/dev/zero) does.
constexpr uint64_t kMaxSkippedBytes = uint64_t{1} << 28;
constexpr size_t kChunkBytes = size_t{1} << 16;  // bytes per source read
constexpr char kQuotedNewline = '\xFF';
constexpr char kStrayQuote = '\xFD';
constexpr char kBadByte = '\xFE';  // stands for a NUL, a 0xFD or a 0xFF
constexpr uint64_t kNoPosition = ~uint64_t{0};

// A header name as a message shows it: on one line, whatever it holds (a
// quoted field may hold line breaks): control bytes become \n, \r, \t
// or \xNN.
std::string Printable(std::string_view name) {
  std::string out;
  for (const char c : name) {
    const auto byte = static_cast<unsigned char>(c);
    if (c == '\n') {
      out += "\\n";
    } else if (c == '\r') {
      out += "\\r";
    } else if (c == '\t') {
      out += "\\t";
    } else if (byte < 0x20 || byte == 0x7F) {
      char hex[8];
      std::snprintf(hex, sizeof hex, "\\x%02X", static_cast<unsigned>(byte));
      out += hex;
    } else {
      out += c;
    }
  }
  return out;
}

// Bytes Scanner must look at are those of MakeCsvBytes(delimiter)
// (csv_record.h) that are not kPlain; everything else is copied in bulk.

// How many of the `size` bytes from `p` on are kPlain, before the first
// that is not. Plain runs are most of a file (a headline between a comma
// and a line end), so SSE2 (which every x86-64 has) looks at 16 bytes a
// step.
#ifdef __SSE2__
// A bit for each of the 16 bytes at `v` that is not kPlain.
unsigned SpecialBytes(__m128i v, char delimiter) {
  const __m128i quote = _mm_set1_epi8('"');
  const __m128i comma = _mm_set1_epi8(delimiter);
  const __m128i newline = _mm_set1_epi8('\n');
  const __m128i carriage_return = _mm_set1_epi8('\r');
  const __m128i nul = _mm_setzero_si128();
  const __m128i all_ones = _mm_set1_epi8(-1);  // 0xFF
  const __m128i fd = _mm_set1_epi8(static_cast<char>(0xFD));
  const __m128i special = _mm_or_si128(
      _mm_or_si128(
          _mm_or_si128(_mm_cmpeq_epi8(v, quote), _mm_cmpeq_epi8(v, comma)),
          _mm_or_si128(_mm_cmpeq_epi8(v, newline),
                       _mm_cmpeq_epi8(v, carriage_return))),
      _mm_or_si128(_mm_or_si128(_mm_cmpeq_epi8(v, nul), _mm_cmpeq_epi8(v, fd)),
                   _mm_cmpeq_epi8(v, all_ones)));
  return static_cast<unsigned>(_mm_movemask_epi8(special));
}
#endif

#ifdef __SSE2__
// Sweep reads its input in blocks of 64 bytes: four SSE2 registers. A row
// of a typical file fits in one or two, so the bookkeeping a block costs is
// paid about once a row rather than once every 16 bytes.
constexpr size_t kBlockBytes = 64;

// One bit for each byte of a block, bit i for byte i.
struct BlockBits {
  uint64_t commas;
  // The bytes Sweep acts on or stops at: '"', 0xFD, 0xFF and the bytes up to
  // '\r': NUL, '\n' and '\r', and with them the other control bytes, which
  // are plain (Sweep passes over those: few files hold any).
  uint64_t events;
};

// Copies the block at `in` to `out` and finds its commas and events.
inline BlockBits CopyBlock(const char* in, char* out) {
  BlockBits bits = {0, 0};
  for (int i = 0; i < 4; ++i) {
    const __m128i v =
        _mm_loadu_si128(reinterpret_cast<const __m128i*>(in + 16 * i));
    _mm_storeu_si128(reinterpret_cast<__m128i*>(out + 16 * i), v);
    // Adding 1 turns 0xFF into 0 and NUL...'\r' into 1...'\r' + 1, so one
    // unsigned compare finds all of them.
    const __m128i next = _mm_add_epi8(v, _mm_set1_epi8(1));
    const __m128i low_or_ff =
        _mm_cmpeq_epi8(_mm_min_epu8(next, _mm_set1_epi8('\r' + 1)), next);
    const __m128i events = _mm_or_si128(
        low_or_ff, _mm_or_si128(_mm_cmpeq_epi8(v, _mm_set1_epi8('"')),
                                _mm_cmpeq_epi8(v, _mm_set1_epi8(kStrayQuote))));
    const __m128i commas = _mm_cmpeq_epi8(v, _mm_set1_epi8(','));
    bits.commas |=
        static_cast<uint64_t>(static_cast<unsigned>(_mm_movemask_epi8(commas)))
        << (16 * i);
    bits.events |=
        static_cast<uint64_t>(static_cast<unsigned>(_mm_movemask_epi8(events)))
        << (16 * i);
  }
  return bits;
}

// The number of bits set in `x`, one step a bit: Sweep counts the commas of
// a line's part in a block, mostly 0 to 2. (x86-64's baseline has no
// POPCNT; __builtin_popcountll without it calls into libgcc.)
inline uint64_t CountBits(uint64_t x) {
  uint64_t count = 0;
  for (; x != 0; x &= x - 1) ++count;
  return count;
}
#endif

// `classes` is MakeCsvBytes(delimiter).
size_t PlainRun(const unsigned char* p, size_t size, char delimiter,
                const std::array<uint8_t, 256>& classes) {
  size_t run = 0;
#ifdef __SSE2__
  for (; size - run >= 16; run += 16) {
    const unsigned mask = SpecialBytes(
        _mm_loadu_si128(reinterpret_cast<const __m128i*>(p + run)), delimiter);
    if (mask != 0) return run + static_cast<size_t>(__builtin_ctz(mask));
  }
#endif
  while (run < size && classes[p[run]] == kPlain) ++run;
  return run;
}

// Problems Scanner finds in a logical line.
enum LineFlag : uint8_t {
  kTooLong = 1,     // 2^24 bytes or more: fccp got a truncated line
  kFieldCount = 2,  // not as many fields as the header
  kUnclosed = 4,    // the input ends inside quotes
  kHasNul = 8,      // a 0xFE in a field may stand for a NUL
  kStray = 16,      // a 0xFD in a field stands for a stray '"'
};
constexpr uint8_t kRowErrors = kTooLong | kFieldCount | kUnclosed;

// A logical line's entry fits in 32 bits unless it is long, holds many line
// breaks or has a problem: then the bits point to a LongEntry. This keeps
// the read-ahead's bookkeeping small even for files of very short lines.
constexpr uint32_t kLongBit = uint32_t{1} << 31;
constexpr int kEndShift = 29;  // bits 29-30: line end bytes (0, 1 or 2)
constexpr int kNewlinesShift = 20;
constexpr uint32_t kNewlinesMask = (uint32_t{1} << 9) - 1;  // bits 20-28
constexpr uint32_t kLengthMask = (uint32_t{1} << 20) - 1;   // bits 0-19

struct LongEntry {
  uint64_t length = 0;      // record bytes, line end excluded
  uint64_t newlines = 0;    // line breaks inside quotes
  uint64_t fields = 0;      // for kFieldCount
  uint64_t quote_line = 0;  // for kUnclosed: where the open quote is
  uint8_t flags = 0;
};

// What went wrong outside the CSV syntax; reported after the last row.
enum class Failure : uint8_t { kNone, kRead, kSpool, kMemory, kEndless };

// Turns the input into what fccp reads (see the top of the file) and keeps
// the entries of its logical lines. Read() runs on whichever thread fccp
// reads on, one call at a time; Fetch() is for the thread calling Next().
class Scanner {
 public:
  Scanner(std::istream& source, std::ostream* spool, char delimiter)
      : source_(source),
        spool_(spool),
        delimiter_(delimiter),
        classes_(MakeCsvBytes(delimiter)),
        in_(new char[kChunkBytes]) {}
  Scanner(const Scanner&) = delete;
  Scanner& operator=(const Scanner&) = delete;

  // Reads until the header line is whole (or the input ends), before fccp
  // exists: the caller needs the header to choose fccp's column count.
  void ReadHeader() {
    while (!header_done_ && !finished_) {
      const size_t old_size = pending_.size();
      pending_.resize(old_size + kChunkBytes);
      pending_.resize(old_size + Produce(&pending_[old_size], kChunkBytes));
    }
    Publish();
  }

  // Fills `out` completely unless the input ends: fccp takes a short read
  // for the end of the input.
  size_t Read(char* out, size_t size) {
    size_t n = 0;
    try {
      if (pending_used_ < pending_.size()) {
        n = std::min(size, pending_.size() - pending_used_);
        std::memcpy(out, pending_.data() + pending_used_, n);
        pending_used_ += n;
        if (pending_used_ == pending_.size()) std::string().swap(pending_);
      }
      n += Produce(out + n, size - n);
      Publish();
    } catch (...) {  // bad_alloc: the entries no longer match the lines
      finished_ = true;
      std::lock_guard<std::mutex> lock(mutex_);
      failure_ = Failure::kMemory;
    }
    return n;
  }

  // Moves the published entries behind those in `packed` and `longs`.
  Failure Fetch(std::deque<uint32_t>* packed, std::deque<LongEntry>* longs) {
    std::lock_guard<std::mutex> lock(mutex_);
    if (packed->empty()) {
      packed->swap(shared_packed_);
      longs->swap(shared_longs_);
    } else {
      packed->insert(packed->end(), shared_packed_.begin(),
                     shared_packed_.end());
      longs->insert(longs->end(), shared_longs_.begin(), shared_longs_.end());
    }
    shared_packed_.clear();
    shared_longs_.clear();
    return failure_;
  }

  // The header, once ReadHeader() has returned.
  bool has_header() const { return header_done_; }
  const std::string& header_record() const { return header_; }
  uint64_t header_line() const { return header_line_; }
  uint8_t header_flags() const { return header_flags_; }
  uint64_t header_quote_line() const { return header_quote_line_; }
  // Where the first line starts: after a byte order mark.
  uint64_t first_offset() const { return first_offset_; }

 private:
  // Reads the next chunk; false at the end of the input.
  bool Refill() {
    if (source_done_) return false;
    if (end_ > 0) last_byte_ = static_cast<unsigned char>(in_[end_ - 1]);
    std::streamsize got = 0;
    try {
      source_.read(in_.get(), static_cast<std::streamsize>(kChunkBytes));
      got = source_.gcount();
      if (got < static_cast<std::streamsize>(kChunkBytes)) {
        source_done_ = true;
        if (source_.bad()) SetFailure(Failure::kRead);
      }
    } catch (...) {  // a stream with exceptions turned on
      source_done_ = true;
      got = std::max<std::streamsize>(source_.gcount(), 0);
      SetFailure(Failure::kRead);
    }
    pos_ = 0;
    end_ = static_cast<size_t>(got);
    if (end_ > 0 && spool_ != nullptr) {
      try {
        if (!spool_->write(in_.get(), got)) SetFailure(Failure::kSpool);
      } catch (...) {
        SetFailure(Failure::kSpool);
      }
    }
    if (!started_) {
      started_ = true;
      // fccp skips a byte order mark itself; it is no part of line 1.
      if (end_ >= 3 && std::memcmp(in_.get(), "\xEF\xBB\xBF", 3) == 0) {
        preamble_ = 3;
        first_offset_ = 3;
      }
    }
    return end_ > 0;
  }

  // Writes up to `size` bytes for fccp; fewer only at the end of the input.
  // Each step writes at most one byte, except bulk copies of plain bytes.
  size_t Produce(char* out, size_t size) {
    size_t n = 0;
    while (n < size && !finished_) {
      if (too_long_ && (capturing_ || length_ > kMaxSkippedBytes)) {
        GiveUp();
        break;
      }
      if (pos_ == end_ && !Refill()) {
        if (pending_cr_) {  // a CR at the very end is part of the record
          pending_cr_ = false;
          Content(out, &n, '\r', '\r');
          continue;
        }
        Finish();
        break;
      }
      const auto first = static_cast<unsigned char>(in_[pos_]);
      if (preamble_ > 0) {
        out[n++] = static_cast<char>(first);
        ++pos_;
        --preamble_;
        continue;
      }
      if (pending_cr_) {
        pending_cr_ = false;
        if (first == '\n') {  // a CRLF line end: fccp gets the LF only
          ++pos_;
          ++physical_line_;
          out[n++] = '\n';
          EndLine(2);
          continue;
        }
        Content(out, &n, '\r', '\r');
        continue;  // `first` is looked at in the next step
      }
#ifdef __SSE2__
      // Sweep knows ',' only: it counts commas and passes over tabs.
      if (!capturing_ && !too_long_ && delimiter_ == ',') {
        Sweep(out, size, &n);
        if (pos_ == end_ || n == size) continue;
      }
#endif
      const auto c = static_cast<unsigned char>(in_[pos_]);
      const uint8_t byte_class = classes_[c];
      if (byte_class == kPlain) {
        CopyPlain(out, size, &n);
        continue;
      }
      ++pos_;
      switch (byte_class) {
        case kQuote:
          Content(out, &n, Quote(length_, PreviousByte(pos_ - 1)), '"');
          break;
        case kDelimiter:
          if (!quoted_) ++fields_;
          Content(out, &n, delimiter_, delimiter_);
          break;
        case kNewline:
          ++physical_line_;
          if (quoted_) {
            ++newlines_;
            Content(out, &n, kQuotedNewline, '\n');
          } else {
            out[n++] = '\n';
            EndLine(1);
          }
          break;
        case kReturn:
          // Outside quotes it may start a CRLF line end: wait for the next
          // byte (which may be in the next chunk).
          if (quoted_) {
            Content(out, &n, '\r', '\r');
          } else {
            pending_cr_ = true;
          }
          break;
        default:  // kMapped
          if (c == 0) has_nul_ = true;
          Content(out, &n, kBadByte, static_cast<char>(c));
          break;
      }
    }
    // Find the end of the input now rather than on the next call, so that
    // the last line's entry is published before fccp parses that line.
    if (!finished_ && pos_ == end_ && !Refill() && !pending_cr_) Finish();
    return n;
  }

#ifdef __SSE2__
  // The common bytes, a block of kBlockBytes at a step, handled as the
  // general loop would: plain runs, commas, quotes, line ends inside and
  // outside quotes, and control bytes that are plain. Runs while a whole
  // block can be read and written and the record stays below the length
  // limit (so neither the limit nor the header is at stake). Stops before
  // any other byte (a CR, NUL or 0xFF): the general loop takes it.
  //
  // A block is copied whole; then each event in it, in order, is handled
  // with the bytes since the last one counted in bulk: their length, and
  // outside quotes their commas (the fields). Commas inside quotes are
  // dropped from `commas` unseen.
  void Sweep(char* out, size_t size, size_t* n_out) {
    // In locals: EndLine() is the only other reader of these.
    size_t n = *n_out;
    size_t pos = pos_;
    uint64_t length = length_;
    const char* const in = in_.get();
    for (size_t blocks = std::min(end_ - pos, size - n) / kBlockBytes;
         blocks > 0 && length + kBlockBytes + 1 <= kMaxRecordBytes; --blocks) {
      const BlockBits bits = CopyBlock(in + pos, out + n);
      uint64_t commas = bits.commas;
      uint64_t events = bits.events;
      size_t done = 0;  // bytes of the block counted in `length`
      for (; events != 0; events &= events - 1) {
        const auto at = static_cast<size_t>(__builtin_ctzll(events));
        const uint64_t before = (uint64_t{1} << at) - 1;
        if (!quoted_) fields_ += CountBits(commas & before);
        commas &= ~before;
        length += at - done;
        done = at + 1;
        const auto c = static_cast<unsigned char>(in[pos + at]);
        if (c == '\n') {
          ++physical_line_;
          if (quoted_) {
            ++newlines_;
            out[n + at] = kQuotedNewline;
            ++length;
          } else {
            length_ = length;
            EndLine(1);
            length = 0;
          }
        } else if (c == '"') {
          out[n + at] = Quote(length, PreviousByte(pos + at));
          ++length;
        } else if (kCsvBytes[c] == kPlain) {
          ++length;  // a control byte other than NUL, '\n' and '\r'
        } else {
          // A CR, NUL or 0xFF, for the general loop: the block is done up
          // to it (what was copied after it gets written over).
          pos_ = pos + at;
          length_ = length;
          *n_out = n + at;
          return;
        }
      }
      if (!quoted_) fields_ += CountBits(commas);
      length += kBlockBytes - done;
      pos += kBlockBytes;
      n += kBlockBytes;
    }
    pos_ = pos;
    length_ = length;
    *n_out = n;
  }
#endif

  // The byte before the input's byte at `pos` in the current chunk.
  unsigned char PreviousByte(size_t pos) const {
    return pos > 0 ? static_cast<unsigned char>(in_[pos - 1]) : last_byte_;
  }

  // A quote at byte `index` of the record, after the byte `previous`:
  // what fccp gets for it. Inside quotes it closes them; right after a
  // closing quote it is the second of a doubled pair and reopens them; at
  // a field's start it opens them. Anywhere else it is a stray byte.
  char Quote(uint64_t index, unsigned char previous) {
    if (quoted_) {
      quoted_ = false;
      closed_quote_at_ = index + 1;
    } else if (index == closed_quote_at_) {
      quoted_ = true;
    } else if (index == 0 || previous == static_cast<uint8_t>(delimiter_)) {
      quoted_ = true;
      quote_line_ = physical_line_;
    } else {
      stray_ = true;
      return kStrayQuote;
    }
    return '"';
  }

  // Copies a run of plain bytes (or skips it, past the length limit).
  void CopyPlain(char* out, size_t size, size_t* n) {
    const auto* p = reinterpret_cast<const unsigned char*>(in_.get()) + pos_;
    size_t limit = end_ - pos_;
    if (!too_long_) {
      limit = std::min(limit, size - *n);
      const uint64_t room = kMaxRecordBytes - length_;
      if (room < limit) limit = static_cast<size_t>(room);
      if (limit == 0) {  // the record reaches the limit with this byte
        Content(out, n, static_cast<char>(*p), static_cast<char>(*p));
        ++pos_;
        return;
      }
    }
    // p[0] is plain.
    const size_t run = 1 + PlainRun(p + 1, limit - 1, delimiter_, classes_);
    if (!too_long_) {
      std::memcpy(out + *n, p, run);
      *n += run;
      if (capturing_) header_.append(reinterpret_cast<const char*>(p), run);
    }
    pos_ += run;
    length_ += run;
  }

  // One byte of the current record: `shown` goes to fccp, `raw` is the
  // input's byte (kept for the header).
  void Content(char* out, size_t* n, char shown, char raw) {
    if (length_ == 0 && raw == '\r') lone_cr_ = true;
    ++length_;
    if (too_long_) return;
    if (length_ > kMaxRecordBytes) {
      too_long_ = true;
      return;
    }
    out[(*n)++] = shown;
    if (capturing_) header_.push_back(raw);
  }

  // Ends the current logical line; `end_length` is 0 at the end of input.
  void EndLine(uint32_t end_length) {
    // Most lines are records after the header with a line end, nothing to
    // flag and a short entry: what EndOtherLine() would do for them, in
    // fewer steps (this runs once a line).
    if (!capturing_ && !too_long_ && !has_nul_ && !stray_ && end_length != 0 &&
        length_ > 1 && length_ <= kLengthMask && newlines_ <= kNewlinesMask &&
        fields_ == header_fields_) {
      batch_packed_.push_back(end_length << kEndShift |
                              static_cast<uint32_t>(newlines_)
                                  << kNewlinesShift |
                              static_cast<uint32_t>(length_));
      StartLine();
    } else {
      EndOtherLine(end_length);
    }
  }

  // EndLine() for any line.
  void EndOtherLine(uint32_t end_length) {
    const bool blank = length_ == 0 || (length_ == 1 && lone_cr_);
    uint8_t flags = 0;
    if (too_long_) flags |= kTooLong;
    if (has_nul_) flags |= kHasNul;
    if (stray_) flags |= kStray;
    if (end_length == 0 && quoted_) flags |= kUnclosed;
    if (header_done_ && !blank && fields_ != header_fields_) {
      flags |= kFieldCount;
    }
    if (capturing_) {
      if (blank) {
        header_.clear();
      } else {
        capturing_ = false;
        header_done_ = true;
        header_fields_ = fields_;
        header_line_ = line_start_;
        header_flags_ = flags;
        header_quote_line_ = quote_line_;
      }
    }
    const uint32_t end_bits = end_length << kEndShift;
    if (flags == 0 && length_ <= kLengthMask && newlines_ <= kNewlinesMask) {
      batch_packed_.push_back(
          end_bits | static_cast<uint32_t>(newlines_) << kNewlinesShift |
          static_cast<uint32_t>(length_));
    } else {
      batch_packed_.push_back(kLongBit | end_bits);
      LongEntry entry;
      entry.length = length_;
      entry.newlines = newlines_;
      entry.fields = fields_;
      entry.quote_line = quote_line_;
      entry.flags = flags;
      batch_longs_.push_back(entry);
    }
    StartLine();
  }

  void StartLine() {
    length_ = 0;
    newlines_ = 0;
    fields_ = 1;
    too_long_ = false;
    has_nul_ = false;
    stray_ = false;
    lone_cr_ = false;
    closed_quote_at_ = kNoPosition;
    line_start_ = physical_line_;
  }

  // Ends the input inside a record that is too long: a header at once (it
  // cannot be skipped), a later record once kMaxSkippedBytes are read.
  void GiveUp() {
    if (!capturing_) SetFailure(Failure::kEndless);
    quoted_ = false;
    EndLine(0);
    finished_ = true;
  }

  // At the end of the input: a last line without a line end is a line too.
  void Finish() {
    if (length_ > 0) EndLine(0);
    finished_ = true;
  }

  void Publish() {
    if (batch_packed_.empty()) return;
    std::lock_guard<std::mutex> lock(mutex_);
    shared_packed_.insert(shared_packed_.end(), batch_packed_.begin(),
                          batch_packed_.end());
    shared_longs_.insert(shared_longs_.end(), batch_longs_.begin(),
                         batch_longs_.end());
    batch_packed_.clear();
    batch_longs_.clear();
  }

  void SetFailure(Failure failure) {
    std::lock_guard<std::mutex> lock(mutex_);
    if (failure_ == Failure::kNone) failure_ = failure;
  }

  std::istream& source_;
  std::ostream* const spool_;
  const char delimiter_;
  const std::array<uint8_t, 256> classes_;  // MakeCsvBytes(delimiter_)
  std::unique_ptr<char[]> in_;              // the current chunk of the input
  unsigned char last_byte_ = '\n';          // the previous chunk's last byte
  size_t pos_ = 0;
  size_t end_ = 0;
  bool started_ = false;
  bool source_done_ = false;
  bool finished_ = false;  // the last line has been ended
  int preamble_ = 0;       // byte order mark bytes still to pass on
  uint64_t first_offset_ = 0;
  std::string pending_;  // what ReadHeader() produced, for fccp's first read
  size_t pending_used_ = 0;

  // Parse state.
  bool quoted_ = false;
  bool pending_cr_ = false;  // a CR outside quotes, not written yet
  uint64_t physical_line_ = 1;
  uint64_t quote_line_ = 0;  // where the current quoted field opened
  uint64_t closed_quote_at_ = kNoPosition;  // index after a closing quote
  // The current logical line.
  uint64_t line_start_ = 1;
  uint64_t length_ = 0;
  uint64_t newlines_ = 0;
  uint64_t fields_ = 1;
  bool too_long_ = false;
  bool has_nul_ = false;
  bool stray_ = false;    // it holds a stray quote
  bool lone_cr_ = false;  // its first byte is a CR

  // The header: the first line that is not blank.
  bool capturing_ = true;
  bool header_done_ = false;
  std::string header_;
  uint64_t header_fields_ = 0;
  uint64_t header_line_ = 1;
  uint8_t header_flags_ = 0;
  uint64_t header_quote_line_ = 0;

  // Entries of the lines ended during the current Read().
  std::vector<uint32_t> batch_packed_;
  std::vector<LongEntry> batch_longs_;

  std::mutex mutex_;  // guards what follows
  std::deque<uint32_t> shared_packed_;
  std::deque<LongEntry> shared_longs_;
  Failure failure_ = Failure::kNone;
};

// fccp's view of the input.
class ByteSource final : public io::ByteSourceBase {
 public:
  explicit ByteSource(Scanner* scanner) : scanner_(scanner) {}
  int read(char* buffer, int size) override {
    const size_t bytes = static_cast<size_t>(std::max(size, 0));
    // fccp's first read fills 32 MiB of its buffer before any row can be
    // parsed, and with 4 KiB pages takes 8,192 page faults on the way.
    AdviseHugePages(buffer, bytes);
    return static_cast<int>(scanner_->Read(buffer, bytes));
  }

 private:
  Scanner* const scanner_;
};

// Blank lines are no records (fccp strips a line's CR before asking).
struct SkipBlankLines {
  static bool is_comment(const char* line) { return *line == '\0'; }
};

// fccp's column count is a template argument: 2 with an id column, else 1.
class RowSource {
 public:
  virtual ~RowSource() = default;
  // Throws io::error::base for a malformed row, after consuming its line.
  virtual bool Read(char** text, char** id) = 0;
  virtual unsigned line() const = 0;  // fccp's logical line of that row
};

template <unsigned kColumns>
class FccpRows final : public RowSource {
 public:
  FccpRows(const std::string& path, Scanner* scanner,
           const std::string& text_name, const std::string& id_name)
      : reader_(path,
                std::unique_ptr<io::ByteSourceBase>(new ByteSource(scanner))) {
    if constexpr (kColumns == 1) {
      reader_.read_header(io::ignore_extra_column, text_name);
    } else {
      reader_.read_header(io::ignore_extra_column, text_name, id_name);
    }
  }

  bool Read(char** text, char** id) override {
    if constexpr (kColumns == 1) {
      return reader_.read_row(*text);
    } else {
      return reader_.read_row(*text, *id);
    }
  }

  unsigned line() const override { return reader_.get_file_line(); }

 private:
  io::CSVReader<kColumns, io::trim_chars<>, io::double_quote_escape<',', '"'>,
                io::throw_on_overflow, SkipBlankLines>
      reader_;
};

// Rows as fccp gives them, from lines cut in a buffer that grows as long
// lines need (CsvBuffers::kSmall, any delimiter, every field): what Scanner
// writes holds a '\n' only at line ends and a '"' only where csv_record.h's
// rules see one, so FindRawFields() and FieldValue() cut and unquote it as
// fccp does.
class SmallRows final : public RowSource {
 public:
  // The header is the first line that is not blank; `text_index` and
  // `id_index` (npos: none) are its columns to return. With `all`, every
  // one of the header's `columns` fields is kept in values().
  SmallRows(Scanner* scanner, size_t text_index, size_t id_index,
            size_t columns, bool all, char delimiter)
      : scanner_(scanner),
        text_index_(text_index),
        id_index_(id_index),
        all_(all),
        delimiter_(delimiter),
        fields_(all ? columns
                    : 1 + std::max(text_index, id_index == std::string::npos
                                                   ? 0
                                                   : id_index)),
        values_(all ? columns : 2),
        buffer_(kChunkBytes) {
    Fill();
    if (end_ >= 3 && std::memcmp(buffer_.data(), "\xEF\xBB\xBF", 3) == 0) {
      begin_ = 3;
    }
    std::string_view line;
    while (NextLine(&line) && Blank(line)) {
    }
  }

  bool Read(char** text, char** id) override {
    std::string_view line;
    do {
      if (!NextLine(&line)) return false;
    } while (Blank(line));
    if (FindRawFields(line, fields_.size(), fields_.data(), delimiter_) <
        fields_.size()) {
      throw io::error::too_few_columns();
    }
    if (all_) {
      for (size_t k = 0; k < fields_.size(); ++k) {
        Value(fields_[k].raw, &values_[k]);
      }
      *text = values_[text_index_].data();
      if (id_index_ != std::string::npos) *id = values_[id_index_].data();
      return true;
    }
    *text = Value(fields_[text_index_].raw, &values_[0]);
    if (id_index_ != std::string::npos) {
      *id = Value(fields_[id_index_].raw, &values_[1]);
    }
    return true;
  }

  unsigned line() const override { return line_; }

  // With `all`: the row Read() returned, a field a column.
  std::vector<std::string>& values() { return values_; }

 private:
  // A field's value, as a C string in `*out`.
  static char* Value(std::string_view raw, std::string* out) {
    std::string scratch;
    out->assign(FieldValue(raw, &scratch));
    return out->data();
  }

  // Appends what Scanner gives to the buffer; false at the end of input.
  bool Fill() {
    if (begin_ > 0) {  // what is still to read goes to the front
      std::memmove(buffer_.data(), buffer_.data() + begin_, end_ - begin_);
      end_ -= begin_;
      begin_ = 0;
    }
    if (end_ == buffer_.size()) buffer_.resize(2 * buffer_.size());
    const size_t got =
        scanner_->Read(buffer_.data() + end_, buffer_.size() - end_);
    end_ += got;
    return got > 0;
  }

  // fccp skips a line that is empty once it strips a CR at its end.
  static bool Blank(std::string_view line) {
    return line.empty() || line == "\r";
  }

  // The next line, its line end excluded (a CR before it is left for
  // FindRawFields(), which strips it as fccp does).
  bool NextLine(std::string_view* line) {
    size_t searched = begin_;
    const char* newline = nullptr;
    for (;;) {
      newline = static_cast<const char*>(
          std::memchr(buffer_.data() + searched, '\n', end_ - searched));
      if (newline != nullptr) break;
      searched = end_ - begin_;  // relative: Fill() moves the bytes
      if (!Fill()) break;
    }
    if (newline == nullptr && begin_ == end_) return false;
    const size_t stop = newline != nullptr
                            ? static_cast<size_t>(newline - buffer_.data())
                            : end_;
    std::string_view found(buffer_.data() + begin_, stop - begin_);
    begin_ = newline != nullptr ? stop + 1 : stop;
    ++line_;
    *line = found;
    return true;
  }

  Scanner* const scanner_;
  const size_t text_index_;
  const size_t id_index_;
  const bool all_;
  const char delimiter_;
  std::vector<RawField> fields_;  // up to the last column returned
  // With `all_`, a value a column; else the text's and the id's.
  std::vector<std::string> values_;
  std::vector<char> buffer_;
  size_t begin_ = 0;  // the first byte not cut into lines yet
  size_t end_ = 0;
  unsigned line_ = 0;
};

// A header field, as SplitRawRecord() gives it, as fccp sees its value
// (see the top of the file).
std::string FccpName(std::string_view raw) {
  std::string scratch;
  const std::string_view value = FieldValue(raw, &scratch);
  const bool quoted = value.data() != raw.data();
  std::string shown(value);
  for (char& c : shown) {
    if (c == '\n') {
      c = kQuotedNewline;
    } else if (c == '"' && !quoted) {
      c = kStrayQuote;
    } else if (c == '\0' || c == kStrayQuote || c == '\xFF') {
      c = kBadByte;
    }
  }
  return shown;
}

// A CR outside quotes inside the header: a file whose lines end in a CR
// alone, read as one line.
void CheckLineEnds(const std::string& path, uint64_t line,
                   const std::vector<std::string_view>& raw_header) {
  std::string scratch;
  for (const std::string_view raw : raw_header) {
    const bool quoted = FieldValue(raw, &scratch).data() != raw.data();
    if (!quoted && raw.find('\r') != std::string_view::npos) {
      throw CsvError(path + ":" + std::to_string(line) +
                     ": the header holds a carriage return (line ends are "
                     "CR only: convert with tr '\\r' '\\n' < " +
                     path + " > fixed.csv)");
    }
  }
}

// The delimiter as the hint of a row with too many fields names it.
std::string DelimiterName(char delimiter) {
  if (delimiter == ',') return "commas";
  if (delimiter == '\t') return "tabs";
  return std::string("'") + delimiter + "'";
}

std::string Plural(uint64_t count, const char* noun) {
  return std::to_string(count) + " " + noun + (count == 1 ? "" : "s");
}

// Where a record is, once fccp has parsed its line.
struct Record {
  uint64_t line = 0;
  uint64_t offset = 0;
  uint64_t length = 0;
  uint64_t fields = 0;
  uint64_t quote_line = 0;
  uint64_t newlines = 0;  // line breaks inside quotes
  uint8_t flags = 0;
};

}  // namespace

struct CsvReader::Impl {
  std::string path;
  std::string text_column;
  std::string id_column;
  std::vector<std::string> header;
  size_t text_index = 0;
  size_t id_index = std::string::npos;
  bool has_id = false;
  bool id_is_text = false;  // the same column was named for both
  char delimiter = ',';
  SmallRows* all_rows = nullptr;  // `rows` when every field is returned

  // Declared before `rows`, so it outlives fccp and its reading thread.
  std::unique_ptr<Scanner> scanner;
  std::unique_ptr<RowSource> rows;

  // Entries of the lines fccp holds but has not parsed yet.
  std::deque<uint32_t> packed;
  std::deque<LongEntry> longs;
  uint64_t consumed = 0;  // logical lines whose entries are gone
  uint64_t next_offset = 0;
  uint64_t next_line = 1;
  uint64_t number = 0;
  bool done = false;

  std::string Where(uint64_t line) const {
    return path + ":" + std::to_string(line) + ": ";
  }

  std::string ColumnList() const {
    std::string list;
    for (size_t i = 0; i < header.size(); ++i) {
      if (i > 0) list += ", ";
      list += Printable(header[i]);
    }
    return list;
  }

  // The record on fccp's logical line `fccp_line`.
  Record Take(unsigned fccp_line) {
    // fccp counts lines in an unsigned int; only the distance matters.
    const uint64_t target =
        consumed +
        static_cast<unsigned>(fccp_line - static_cast<unsigned>(consumed));
    Record record;
    while (consumed < target) {
      if (packed.empty()) {
        const Failure failure = scanner->Fetch(&packed, &longs);
        if (packed.empty()) {
          done = true;  // only after running out of memory
          throw CsvInputError(Where(next_line) + "out of memory (" +
                              (failure == Failure::kMemory
                                   ? "the reader cannot go on"
                                   : "the reader lost track of its lines") +
                              ")");
        }
      }
      const uint32_t entry = packed.front();
      packed.pop_front();
      const uint32_t end_length = (entry >> kEndShift) & 3;
      record = Record();
      uint64_t& newlines = record.newlines;
      if ((entry & kLongBit) != 0) {
        const LongEntry& long_entry = longs.front();
        record.length = long_entry.length;
        record.fields = long_entry.fields;
        record.quote_line = long_entry.quote_line;
        record.flags = long_entry.flags;
        newlines = long_entry.newlines;
        longs.pop_front();
      } else {
        record.length = entry & kLengthMask;
        newlines = (entry >> kNewlinesShift) & kNewlinesMask;
      }
      record.line = next_line;
      record.offset = next_offset;
      next_offset += record.length + end_length;
      next_line += newlines + (end_length > 0 ? 1 : 0);
      ++consumed;
    }
    return record;
  }

  std::string RowProblem(const Record& record, const char* fccp_what) const {
    if ((record.flags & kUnclosed) != 0) {
      return Where(record.quote_line) +
             "unclosed quote (a quoted field never ends)";
    }
    if ((record.flags & kTooLong) != 0) {
      return Where(record.line) +
             "record longer than 16 MiB (the limit is 16777215 bytes)";
    }
    if ((record.flags & kFieldCount) != 0) {
      return Where(record.line) + "row has " + Plural(record.fields, "field") +
             ", the header has " + std::to_string(header.size()) +
             (record.fields > header.size()
                  ? " (quote fields that hold " + DelimiterName(delimiter) + ")"
                  : " (quote fields that hold line breaks)");
    }
    return Where(record.line) + "malformed row (" +
           (fccp_what != nullptr ? fccp_what : "unknown problem") + ")";
  }

  // A field of the row fccp just read, checked, its line breaks put back.
  std::string_view Field(char* value, const Record& record,
                         const std::string& column) const {
    const size_t size = std::strlen(value);
    char* const end = value + size;
    // Only a line break inside quotes shows as kQuotedNewline.
    for (char* p = value; record.newlines > 0; ++p) {
      p = static_cast<char*>(
          std::memchr(p, kQuotedNewline, static_cast<size_t>(end - p)));
      if (p == nullptr) break;
      *p = '\n';
    }
    for (char* p = value; (record.flags & kStray) != 0; ++p) {
      p = static_cast<char*>(
          std::memchr(p, kStrayQuote, static_cast<size_t>(end - p)));
      if (p == nullptr) break;
      *p = '"';
    }
    const std::string_view field(value, size);
    if (FindInvalidUtf8(field) != std::string_view::npos) {
      if ((record.flags & kHasNul) != 0 &&
          field.find(kBadByte) != std::string_view::npos) {
        throw CsvError(Where(record.line) + "NUL byte in column '" + column +
                       "' (text files hold none)");
      }
      throw CsvError(Where(record.line) + "invalid UTF-8 in column '" + column +
                     "' (save the file as UTF-8)");
    }
    return field;
  }

  // Every field of the row just read into row->fields, the text and id
  // fields (already checked) included.
  void AllFields(std::string_view text_field, std::string_view id_field,
                 const Record& record, CsvRow* row) const;
};

void CsvReader::Impl::AllFields(std::string_view text_field,
                                std::string_view id_field, const Record& record,
                                CsvRow* row) const {
  std::vector<std::string>& values = all_rows->values();
  row->fields.resize(values.size());
  for (size_t k = 0; k < values.size(); ++k) {
    if (k == text_index) {
      row->fields[k] = text_field;
    } else if (has_id && k == id_index) {
      row->fields[k] = id_field;
    } else {
      row->fields[k] = Field(values[k].data(), record, header[k]);
    }
  }
}

CsvReader::CsvReader(std::istream& source, std::string path,
                     const std::string& text_column,
                     const std::string& id_column, bool id_required,
                     std::ostream* spool, CsvBuffers buffers,
                     CsvLayout layout)
    : impl_(std::make_unique<Impl>()) {
  Impl& s = *impl_;
  s.path = std::move(path);
  s.text_column = text_column;
  s.id_column = id_column;
  s.delimiter = layout.delimiter;
  s.scanner = std::make_unique<Scanner>(source, spool, layout.delimiter);
  Scanner& scanner = *s.scanner;
  scanner.ReadHeader();
  s.next_offset = scanner.first_offset();
  if (!scanner.has_header()) {
    if (scanner.Fetch(&s.packed, &s.longs) == Failure::kRead) {
      throw CsvError(s.Where(1) + "cannot read the input (a read error)");
    }
    throw CsvError(s.Where(1) + "empty input (expected a header row)");
  }
  const uint64_t line = scanner.header_line();
  if ((scanner.header_flags() & kUnclosed) != 0) {
    throw CsvError(s.Where(scanner.header_quote_line()) +
                   "unclosed quote (a quoted field never ends)");
  }
  if ((scanner.header_flags() & kTooLong) != 0) {
    throw CsvError(s.Where(line) +
                   "header longer than 16 MiB (the limit is 16777215 bytes)");
  }
  std::vector<std::string_view> raw;
  SplitRawRecord(scanner.header_record(), &raw, s.delimiter);
  CheckLineEnds(s.path, line, raw);
  s.header = SplitRecord(scanner.header_record(), s.delimiter);
  std::set<std::string_view> seen;
  for (const std::string& name : s.header) {
    if (!seen.insert(name).second) {
      throw CsvError(s.Where(line) + "duplicate column '" + Printable(name) +
                     "' (columns: " + s.ColumnList() + ")");
    }
  }
  const auto find = [&s](const std::string& name) {
    return static_cast<size_t>(
        std::find(s.header.begin(), s.header.end(), name) - s.header.begin());
  };
  s.text_index = find(text_column);
  if (s.text_index == s.header.size()) {
    throw CsvError(s.Where(line) + "no column '" + text_column +
                   "' (columns: " + s.ColumnList() + ")");
  }
  const size_t id_index = find(id_column);
  s.has_id = id_index < s.header.size();
  if (!s.has_id && id_required) {
    throw CsvError(s.Where(line) + "no column '" + id_column +
                   "' (columns: " + s.ColumnList() + ")");
  }
  s.id_index = s.has_id ? id_index : std::string::npos;
  s.id_is_text = s.has_id && id_index == s.text_index;
  const bool two_columns = s.has_id && !s.id_is_text;
  if (buffers == CsvBuffers::kSmall || layout.delimiter != ',' ||
      layout.all_fields) {
    auto rows = std::make_unique<SmallRows>(
        &scanner, s.text_index, two_columns ? id_index : std::string::npos,
        s.header.size(), layout.all_fields, layout.delimiter);
    if (layout.all_fields) s.all_rows = rows.get();
    s.rows = std::move(rows);
    return;
  }
  try {
    if (two_columns) {
      s.rows = std::make_unique<FccpRows<2>>(s.path, &scanner,
                                             FccpName(raw[s.text_index]),
                                             FccpName(raw[id_index]));
    } else {
      s.rows = std::make_unique<FccpRows<1>>(s.path, &scanner,
                                             FccpName(raw[s.text_index]), "");
    }
  } catch (const io::error::base& e) {
    // Not expected: the header was checked above.
    throw CsvError(s.Where(line) + "unreadable header (" + e.what() + ")");
  }
}

CsvReader::~CsvReader() = default;

bool CsvReader::has_id() const { return impl_->has_id; }

const std::vector<std::string>& CsvReader::header() const {
  return impl_->header;
}

size_t CsvReader::text_index() const { return impl_->text_index; }

size_t CsvReader::id_index() const { return impl_->id_index; }

// After a malformed row, Next() continues with the following row, even
// after a record of 16 MiB or more. After a failed read of the input, a
// failed write to the spool or running out of memory, it throws once when
// the rows run out (rows before the failure are all returned) and returns
// false from then on.
bool CsvReader::Next(CsvRow* row) {
  Impl& s = *impl_;
  if (s.done) return false;
  char* text = nullptr;
  char* id = nullptr;
  bool more = false;
  try {
    more = s.rows->Read(&text, &id);
  } catch (const io::error::base& e) {
    const Record record = s.Take(s.rows->line());
    ++s.number;
    throw CsvError(s.RowProblem(record, e.what()));
  }
  if (!more) {
    s.done = true;
    std::deque<uint32_t> rest;
    std::deque<LongEntry> rest_longs;
    switch (s.scanner->Fetch(&rest, &rest_longs)) {
      case Failure::kNone:
        return false;
      case Failure::kRead:
        throw CsvInputError(
            s.Where(s.next_line) +
            "cannot read the input (a read error ended it early)");
      case Failure::kSpool:
        throw CsvInputError(s.Where(s.next_line) +
                            "cannot write the spool copy (is the disk full?)");
      case Failure::kMemory:
        throw CsvInputError(s.Where(s.next_line) +
                            "out of memory (the reader cannot go on)");
      case Failure::kEndless:
        throw CsvInputError(
            s.Where(s.next_line) +
            "record of over 256 MiB: the reader stops (the limit "
            "is 16 MiB a record; is this a CSV file?)");
    }
    return false;
  }
  const Record record = s.Take(s.rows->line());
  ++s.number;
  if ((record.flags & kRowErrors) != 0) {
    throw CsvError(s.RowProblem(record, nullptr));
  }
  const std::string_view text_field = s.Field(text, record, s.text_column);
  std::string_view id_field;
  if (s.id_is_text) {
    id_field = text_field;
  } else if (s.has_id) {
    id_field = s.Field(id, record, s.id_column);
  }
  row->line = record.line;
  row->number = s.number;
  row->offset = record.offset;
  row->length = record.length;
  row->id = id_field;
  row->text = text_field;
  if (s.all_rows != nullptr) s.AllFields(text_field, id_field, record, row);
  return true;
}

}  // namespace credence
