// Checks on paths before they are read or written.
#include "engine/util/paths.h"

#include <filesystem>
#include <stdexcept>
#include <system_error>

namespace credence {

void RefuseDirectory(const std::string& path, const std::string& what) {
  std::error_code error;
  if (std::filesystem::is_directory(path, error)) {
    throw std::runtime_error(path + ": is a directory (give " + what + ")");
  }
}

bool SamePath(const std::string& a, const std::string& b) {
  if (a == b) return true;
  std::error_code error;
  if (std::filesystem::equivalent(a, b, error)) return true;  // links too
  // Files yet to be written: the same path once made absolute and normal.
  const std::filesystem::path ca = std::filesystem::weakly_canonical(a, error);
  if (error) return false;
  const std::filesystem::path cb = std::filesystem::weakly_canonical(b, error);
  return !error && ca == cb;
}

}  // namespace credence
