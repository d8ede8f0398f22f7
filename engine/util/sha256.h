// SHA-256 (FIPS 180-4) of a byte stream, for the provenance a tuned model
// records about its input files.
//
//   credence::Sha256 h;
//   h.Update(bytes);                    // any number of times
//   std::string hex = h.HexDigest();    // 64 lowercase hex digits
#ifndef CREDENCE_ENGINE_UTIL_SHA256_H_
#define CREDENCE_ENGINE_UTIL_SHA256_H_

#include <array>
#include <cstdint>
#include <string>
#include <string_view>

namespace credence {

class Sha256 {
 public:
  Sha256();
  void Update(std::string_view bytes);
  // Finishes the hash; call once, after the last Update.
  std::string HexDigest();

 private:
  void Block(const unsigned char* block);

  std::array<uint32_t, 8> state_;
  std::array<unsigned char, 64> pending_{};
  size_t pending_size_ = 0;
  uint64_t total_bytes_ = 0;
};

// The digest of a whole file; throws std::runtime_error when it cannot be
// read.
std::string Sha256OfFile(const std::string& path);

}  // namespace credence

#endif  // CREDENCE_ENGINE_UTIL_SHA256_H_
