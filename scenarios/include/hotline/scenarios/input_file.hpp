// Reading a file a user named as input: a scenario, the scenario it is
// based_on, a land file, a trace. Only a regular file is read (a
// directory, a FIFO, a device or a socket is refused with what it is, so
// that `validate /dev/zero` neither grows without end nor blocks), and only
// up to the input size limit.
//
// The limit is 64 MiB, far above any real scenario or coastline (the
// shipped ones are under 300 kB) and far below what would exhaust memory
// when parsed; the environment variable HOTLINE_MAX_INPUT_MB (a whole
// number of MiB) changes it.
#pragma once

#include <cstdint>
#include <stdexcept>
#include <string>

namespace hotline::scenarios {

class InputFileError : public std::runtime_error {
 public:
  InputFileError(const std::string& path, const std::string& reason)
      : std::runtime_error(path + ": " + reason), reason_(reason) {}
  // Why, without the path: "is a directory, not a file".
  [[nodiscard]] const std::string& reason() const { return reason_; }

 private:
  std::string reason_;
};

inline constexpr std::uint64_t kDefaultMaxInputBytes = 64ULL << 20;

// The input size limit in bytes (HOTLINE_MAX_INPUT_MB, else the default).
// Throws InputFileError naming the variable if it is set but not a whole
// number of MiB from 1 to 1048576.
[[nodiscard]] std::uint64_t max_input_bytes();

// Throws InputFileError unless `path` is a readable regular file within the
// size limit.
void check_input_file(const std::string& path);

// The whole text of `path`, after check_input_file's checks (made on the
// file as opened, so that it cannot be swapped in between).
[[nodiscard]] std::string read_input_file(const std::string& path);

}  // namespace hotline::scenarios
