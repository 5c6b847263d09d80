#include "hotline/scenarios/input_file.hpp"

#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include <cerrno>
#include <charconv>
#include <cstdlib>
#include <cstring>
#include <string_view>

namespace hotline::scenarios {

namespace {

std::string what_it_is(mode_t mode) {
  if (S_ISDIR(mode)) return "is a directory, not a file";
  if (S_ISFIFO(mode)) return "is a FIFO; hotline reads only regular files";
  if (S_ISCHR(mode) || S_ISBLK(mode)) return "is a device; hotline reads only regular files";
  if (S_ISSOCK(mode)) return "is a socket; hotline reads only regular files";
  return "is not a regular file";
}

// Refuses what is not a regular file, or is too big; `info` from fstat.
void check_opened(const std::string& path, const struct stat& info) {
  if (!S_ISREG(info.st_mode)) throw InputFileError(path, what_it_is(info.st_mode));
  const std::uint64_t limit = max_input_bytes();
  if (static_cast<std::uint64_t>(info.st_size) > limit) {
    throw InputFileError(path, "is " + std::to_string(info.st_size)
                                   + " bytes, over the input size limit of " + std::to_string(limit)
                                   + " bytes (" + std::to_string(limit >> 20)
                                   + " MiB; HOTLINE_MAX_INPUT_MB raises it)");
  }
}

// Opens without blocking (a FIFO would wait for a writer) and checks.
int open_checked(const std::string& path, struct stat& info) {
  const int fd = ::open(path.c_str(), O_RDONLY | O_NONBLOCK | O_CLOEXEC);
  if (fd < 0) {
    const int error = errno;
    if (error == ENOENT) throw InputFileError(path, "no such file");
    throw InputFileError(path, std::string("cannot read: ") + std::strerror(error));
  }
  if (::fstat(fd, &info) != 0) {
    const int error = errno;
    ::close(fd);
    throw InputFileError(path, std::string("cannot read: ") + std::strerror(error));
  }
  try {
    check_opened(path, info);
  } catch (...) {
    ::close(fd);
    throw;
  }
  return fd;
}

}  // namespace

std::uint64_t max_input_bytes() {
  const char* set = std::getenv("HOTLINE_MAX_INPUT_MB");
  if (set == nullptr || *set == '\0') return kDefaultMaxInputBytes;
  const std::string_view text(set);
  std::uint64_t mebibytes = 0;
  const auto [end, error] = std::from_chars(text.data(), text.data() + text.size(), mebibytes);
  if (error != std::errc{} || end != text.data() + text.size() || mebibytes < 1
      || mebibytes > (1ULL << 20)) {
    throw InputFileError("HOTLINE_MAX_INPUT_MB",
                         "HOTLINE_MAX_INPUT_MB: '" + std::string(text)
                             + "' is not a whole number of MiB from 1 to 1048576");
  }
  return mebibytes << 20;
}

void check_input_file(const std::string& path) {
  struct stat info {};
  ::close(open_checked(path, info));
}

std::string read_input_file(const std::string& path) {
  struct stat info {};
  const int fd = open_checked(path, info);
  std::string text(static_cast<std::size_t>(info.st_size), '\0');
  std::size_t got = 0;
  while (got < text.size()) {
    const ssize_t n = ::read(fd, text.data() + got, text.size() - got);
    if (n < 0 && errno == EINTR) continue;
    if (n < 0) {
      const int error = errno;
      ::close(fd);
      throw InputFileError(path, std::string("cannot read: ") + std::strerror(error));
    }
    if (n == 0) break;  // shorter than it was: read what is there
    got += static_cast<std::size_t>(n);
  }
  ::close(fd);
  text.resize(got);
  return text;
}

}  // namespace hotline::scenarios
