// `credence eval --gold FILE` and `credence eval --contrast DIR`: their
// help and options; engine/learn/eval_run.h runs them.
#include "tools/cli.h"
#include "tools/command_options.h"

namespace credence {

const char kJudgeHelp[] =
    "\n"
    "usage: credence eval --gold FILE [--gold-root DIR]\n"
    "                     [--gold-split dev|test|all] [--format text|json]\n"
    "                     [--model FILE] [--lexicons DIR] [--overlay DIR]\n"
    "       credence eval --contrast DIR [--format text|json] [--model ...]\n"
    "\n"
    "--gold FILE scores every article of a credence-gold 1 file (in\n"
    "--gold-root, default the file's folder; --gold-split, default dev) and\n"
    "compares it with the annotations. A system cue and a gold cue match\n"
    "when they have the same category and their spans overlap by at least\n"
    "one code point; precision = system cues that match some gold cue /\n"
    "system cues, recall = gold cues matched by some system cue / gold cues,\n"
    "only in the categories the file's categories line names. Each gold\n"
    "claim takes the backing of the system claim that overlaps it most\n"
    "(ties: the earlier; none when no claim overlaps it). A gold claim with\n"
    "a speaker is compared when that system claim has a speaker span too,\n"
    "and is right when the two spans overlap by at least one code point\n"
    "(a carried speaker's span lies in an earlier claim, in both). The\n"
    "article score AUC (reputable positive) needs exactly two groups, one\n"
    "of them reputable.\n"
    "JSON: split, articles, categories (objects: category, system, gold,\n"
    "system_matched, gold_matched, precision, recall, f1), micro_all and\n"
    "micro_sourcing (the same counts over all annotated categories and over\n"
    "its sourcing ones: anonymous_source, vague_attribution, named_source,\n"
    "official_confirmation, denial, media_report, unverified_social),\n"
    "backing, backing_sourced (gold backing not none), backing_unsourced\n"
    "(objects: claims, correct, accuracy), confusion (labels: the eight\n"
    "backings; rows: counts, a row per gold backing, a column per system\n"
    "backing), speaker (gold: gold claims with a speaker; claims: those\n"
    "compared; correct; accuracy), groups, auc (null without two groups\n"
    "one of them reputable), auc_positive, auc_negative. A rate without\n"
    "cases is null (- in text).\n"
    "\n"
    "--contrast DIR runs a contrast suite (bases.tsv, frames.tsv, slots.tsv,\n"
    "expectations.tsv; see engine/learn/contrast.h): every statement in every\n"
    "frame, each sentence scored as one claim. An expectation A > B by M\n"
    "counts one comparison per (statement, frame of A, frame of B) with the\n"
    "default slot values, passed when confidence(A) - confidence(B) >= M;\n"
    "a sentence with slots is invariant when swapping one slot at a time to\n"
    "each of its values moves its confidence by less than 0.02.\n"
    "JSON: expectations (objects: higher, lower, margin, dev, test), dev and\n"
    "test (over all expectations), invariance_dev, invariance_test (each\n"
    "count an object: n, passed, rate), worst (at most 10 dev failures:\n"
    "the worst of each pair of frames, worst first, taking turns between\n"
    "expectations; objects: higher_class, lower_class, higher_sentence,\n"
    "lower_sentence, higher, lower: the two confidences). The text report\n"
    "prints the same figures as passed/n (rate), dev then test.\n";

void AddJudgeOptions(boost::program_options::options_description* desc,
                     EvalRunOptions* o) {
  namespace po = boost::program_options;
  desc->add_options()("gold", po::value(&o->gold))("gold-root",
                                                   po::value(&o->gold_root))(
      "gold-split", po::value(&o->gold_split))("contrast",
                                               po::value(&o->contrast));
}

}  // namespace credence
