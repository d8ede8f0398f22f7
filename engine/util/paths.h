// Checks on paths before they are read or written.
//
//   credence::RefuseDirectory(path, "a CSV file");  // throws for a folder
//   if (credence::SamePath(output, input)) ...
#ifndef CREDENCE_ENGINE_UTIL_PATHS_H_
#define CREDENCE_ENGINE_UTIL_PATHS_H_

#include <string>

namespace credence {

// Throws std::runtime_error "PATH: is a directory (give WHAT)" when `path`
// names a folder: every reader says so before it reads, in the same words.
void RefuseDirectory(const std::string& path, const std::string& what);

// Whether two paths name the same file: the same string, the same existing
// file (links included), or the same absolute path once normalized.
bool SamePath(const std::string& a, const std::string& b);

}  // namespace credence

#endif  // CREDENCE_ENGINE_UTIL_PATHS_H_
