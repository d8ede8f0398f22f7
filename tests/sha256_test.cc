// SHA-256 against the FIPS 180-4 example vectors, and of a file.
#include "engine/util/sha256.h"

#include <gtest/gtest.h>

#include <algorithm>
#include <stdexcept>
#include <string>
#include <string_view>

#include "tests/scratch_dir.h"

namespace credence {
namespace {

std::string Digest(const std::string& bytes) {
  Sha256 h;
  h.Update(bytes);
  return h.HexDigest();
}

const char kEmpty[] =
    "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855";
const char kAbc[] =
    "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad";
const char kTwoBlocks[] =
    "248d6a61d20638b8e5c026930c3e6039a33ce45964ff2167f6ecedd419db06c1";
const char kMillionA[] =
    "cdc76e5c9914fb9281a1c7e284d73e67f1809a48a497200e046d39ccc7112cd0";

TEST(Sha256Test, PublishedVectors) {
  EXPECT_EQ(Digest(""), kEmpty);
  EXPECT_EQ(Digest("abc"), kAbc);
  // 448 bits: the padding needs a second block.
  EXPECT_EQ(Digest("abcdbcdecdefdefgefghfghighijhijkijkljklmklmnlmnomnopnopq"),
            kTwoBlocks);
  EXPECT_EQ(Digest(std::string(1000000, 'a')), kMillionA);
}

TEST(Sha256Test, NoUpdateIsTheEmptyMessage) {
  Sha256 h;
  EXPECT_EQ(h.HexDigest(), kEmpty);
}

// The same million bytes in chunks of 1, 2, ..., 199 bytes (and the rest),
// so that pieces straddle every block boundary.
TEST(Sha256Test, UnevenChunksGiveTheSameDigest) {
  Sha256 h;
  size_t fed = 0;
  for (size_t chunk = 1; fed < 1000000; chunk = chunk % 199 + 1) {
    const size_t take = std::min(chunk, 1000000 - fed);
    h.Update(std::string(take, 'a'));
    if (chunk % 7 == 0) h.Update("");  // empty updates change nothing
    fed += take;
  }
  EXPECT_EQ(h.HexDigest(), kMillionA);
}

TEST(Sha256Test, ByteByByteTwoBlockMessage) {
  const std::string message =
      "abcdbcdecdefdefgefghfghighijhijkijkljklmklmnlmnomnopnopq";
  Sha256 h;
  for (char c : message) h.Update(std::string_view(&c, 1));
  EXPECT_EQ(h.HexDigest(), kTwoBlocks);
}

TEST(Sha256OfFileTest, HashesTheFileBytes) {
  ScratchDir dir("credence_sha256_test");
  EXPECT_EQ(Sha256OfFile(dir.Write("abc.txt", "abc")), kAbc);
  EXPECT_EQ(Sha256OfFile(dir.Write("empty.txt", "")), kEmpty);
  // Larger than the 64 KiB read buffer.
  EXPECT_EQ(Sha256OfFile(dir.Write("a.txt", std::string(1000000, 'a'))),
            kMillionA);
}

TEST(Sha256OfFileTest, MissingFileThrowsNamingThePath) {
  ScratchDir dir("credence_sha256_test");
  const std::string missing = (dir.path() / "nope.csv").string();
  try {
    Sha256OfFile(missing);
    FAIL() << "no exception";
  } catch (const std::runtime_error& e) {
    EXPECT_EQ(std::string(e.what()).rfind(missing + ": ", 0), 0u) << e.what();
  }
}

}  // namespace
}  // namespace credence
