// Quotations and lists that run over several claims: whether a claim lies
// inside a quotation an earlier claim opened, where a quotation that is
// still open ends, and what a colon leads.
//
// News prints a long quotation as several sentences, its attribution once:
// before it ('She said: "A. B."'), after it ('"A. B," she said.') or
// within ('"A," she said. "B."'). Every sentence inside stands on that
// speaker. A quotation left open at a paragraph's end closes there, and a
// paragraph that opens with a quotation mark right after one continues
// the same speaker (the newspaper convention of reopening the quote). A
// sourced claim ending in a colon ('The ministry said the measures
// include:') backs the paragraph after it and the list items that follow.
// The sentences of an embedded post stand on the signature that ends it.
//
// Call order: the extractor scans each claim with ScanQuotes, carrying
// the result to the next claim of the same text; a claim still inside an
// unattributed quotation asks AttributedClose where its attribution is.
//
//   bool open = ScanQuotes(text, begin, end, open_before);
//   size_t close = AttributedClose(text, end);  // npos: none
#ifndef CREDENCE_FEATURES_RULES_QUOTE_CARRY_H_
#define CREDENCE_FEATURES_RULES_QUOTE_CARRY_H_

#include <cstddef>
#include <string>
#include <string_view>

namespace credence {

// Whether a double quotation is open at `end`, given whether one was open
// at `begin`. A straight '"' opens or closes, a curly one says which;
// single quotes are left alone (they nest inside double ones, and an
// apostrophe is the same character).
bool ScanQuotes(std::string_view text, size_t begin, size_t end, bool open);

// Whether text[from, to) holds a line break (a paragraph's end).
bool HasLineBreak(std::string_view text, size_t from, size_t to);

// Whether the first character of text[begin, end) that is not a space
// opens a double quotation.
bool OpensWithQuote(std::string_view text, size_t begin, size_t end);

// Whether the last character of text[begin, end) that is not a space is
// a colon: the claim leads what follows ('The ministry said the measures
// include:').
bool EndsWithColon(std::string_view text, size_t begin, size_t end);

// Whether text[begin, end) opens, past spaces, with a list item's marker:
// a bullet or dash ("-", "*", U+2022, U+2013, U+2014) or a number with "."
// or ")" ("1.", "2)").
bool OpensWithListMarker(std::string_view text, size_t begin, size_t end);

// The offset of the mark that closes the quotation open at `from`, when it
// closes in the same paragraph right after a comma, question or
// exclamation mark (`...," she said`): the form whose attribution follows.
// std::string::npos otherwise.
size_t AttributedClose(std::string_view text, size_t from);

// The offset of the dash that opens a post's signature later on the line
// that holds `from` ("... — Ana Ruiz (@anaruiz) May 20, 2020"): the last
// em or en dash shortly before a "(@"; std::string::npos if there is none.
size_t PostSignatureDash(std::string_view text, size_t from);

// The end of the attribution after the closing mark at `close`: the line's
// end, or kAttributionBytes further at most.
size_t AttributionEnd(std::string_view text, size_t close);

}  // namespace credence

#endif  // CREDENCE_FEATURES_RULES_QUOTE_CARRY_H_
