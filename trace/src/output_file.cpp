#include "hotline/trace/output_file.hpp"

#include <fcntl.h>
#include <sys/file.h>
#include <sys/stat.h>
#include <unistd.h>

#include <cerrno>
#include <cstring>
#include <filesystem>
#include <string>

namespace hotline::trace {

namespace {

std::string system_reason(int error) {
  return std::strerror(error);
}

// What stands at a path, in the words of a refusal.
std::string kind_of(mode_t mode) {
  if (S_ISDIR(mode)) return "a directory";
  if (S_ISFIFO(mode)) return "a FIFO";
  if (S_ISCHR(mode) || S_ISBLK(mode)) return "a device";
  if (S_ISSOCK(mode)) return "a socket";
  if (S_ISLNK(mode)) return "a symbolic link";
  return "not a regular file";
}

std::string directory_of(const std::string& path) {
  const std::filesystem::path parent = std::filesystem::path(path).parent_path();
  return parent.empty() ? "." : parent.string();
}

void require_directory(const std::string& path) {
  struct stat st {};
  const std::string directory = directory_of(path);
  if (::stat(directory.c_str(), &st) != 0 || !S_ISDIR(st.st_mode)) {
    throw OutputRefused(path, "no directory " + directory);
  }
}

// The holder's line in a lock file ("1234 hotline run ..."), if written.
std::string holder_of(int fd) {
  char text[512] = {};
  const ssize_t got = ::pread(fd, text, sizeof text - 1, 0);
  std::string holder(text, got > 0 ? static_cast<std::size_t>(got) : 0);
  if (const auto end = holder.find('\n'); end != std::string::npos) holder.resize(end);
  return holder;
}

std::string in_use_message(const std::string& holder) {
  if (holder.empty()) return "in use by another hotline process; wait for it or stop it";
  const auto space = holder.find(' ');
  const std::string pid = holder.substr(0, space);
  const std::string command = space == std::string::npos ? "" : holder.substr(space + 1);
  return "in use by process " + pid + (command.empty() ? "" : " (" + command + ")")
         + "; wait for it or stop it";
}

}  // namespace

std::string checked_output_path(const std::string& path, bool force) {
  struct stat st {};
  if (::lstat(path.c_str(), &st) != 0) {
    if (errno != ENOENT) throw OutputRefused(path, system_reason(errno));
    require_directory(path);
    return path;
  }
  if (S_ISLNK(st.st_mode)) {
    struct stat target {};
    if (::stat(path.c_str(), &target) != 0) {
      throw OutputRefused(path,
                          "a symbolic link to nothing; hotline writes through a link only "
                          "to an existing regular file");
    }
    if (!S_ISREG(target.st_mode)) {
      throw OutputRefused(path, "a symbolic link to " + kind_of(target.st_mode)
                                    + "; hotline writes only regular files");
    }
    if (!force) throw OutputRefused(path, "exists; --force replaces it");
    return std::filesystem::canonical(path).string();
  }
  if (S_ISDIR(st.st_mode)) throw OutputRefused(path, "is a directory, not a file name");
  if (!S_ISREG(st.st_mode)) {
    throw OutputRefused(path, "is " + kind_of(st.st_mode)
                                  + "; hotline writes only regular files, and --force "
                                    "replaces only those");
  }
  if (!force) throw OutputRefused(path, "exists; --force replaces it");
  return path;
}

OutputLock::OutputLock(const std::string& output_path, std::string_view command_line)
    : path_(lock_path(output_path)) {
  // The holder removes the lock file as it lets go; a file opened just
  // before that is no longer the one at the path, so try again.
  for (int attempt = 0; attempt < 100; ++attempt) {
    const int fd = ::open(path_.c_str(), O_RDWR | O_CREAT | O_NOFOLLOW | O_CLOEXEC, 0644);
    if (fd < 0) {
      if (errno == ELOOP) throw OutputRefused(path_, "a symbolic link stands here; remove it");
      throw OutputRefused(path_, "cannot make the lock file: " + system_reason(errno));
    }
    struct stat held {};
    struct stat named {};
    if (::fstat(fd, &held) != 0 || !S_ISREG(held.st_mode)) {
      ::close(fd);
      throw OutputRefused(path_, "not a regular file; remove it");
    }
    if (::flock(fd, LOCK_EX | LOCK_NB) != 0) {
      const std::string holder = holder_of(fd);
      ::close(fd);
      throw OutputRefused(output_path, in_use_message(holder));
    }
    if (::lstat(path_.c_str(), &named) != 0 || named.st_ino != held.st_ino
        || named.st_dev != held.st_dev) {
      ::close(fd);
      continue;
    }
    const std::string line = std::to_string(::getpid()) + " " + std::string(command_line) + "\n";
    if (::ftruncate(fd, 0) != 0 || ::pwrite(fd, line.data(), line.size(), 0) < 0) {
      // The lock is held all the same; only the holder's description is lost.
    }
    fd_ = fd;
    return;
  }
  throw OutputRefused(output_path, "the lock file keeps changing; is another hotline starting?");
}

OutputLock::~OutputLock() {
  release();
}

void OutputLock::release() noexcept {
  if (fd_ < 0) return;
  ::unlink(path_.c_str());  // while still held: see the constructor
  ::close(fd_);
  fd_ = -1;
}

OutputLock& OutputLock::operator=(OutputLock&& other) noexcept {
  if (this != &other) {
    release();
    path_ = std::move(other.path_);
    fd_ = other.fd_;
    other.fd_ = -1;
  }
  return *this;
}

OutputLock::OutputLock(OutputLock&& other) noexcept
    : path_(std::move(other.path_)), fd_(other.fd_) {
  other.fd_ = -1;
}

void remove_stale(const std::string& path) {
  struct stat st {};
  if (::lstat(path.c_str(), &st) != 0) {
    if (errno == ENOENT) return;
    throw OutputRefused(path, system_reason(errno));
  }
  if (!S_ISREG(st.st_mode) && !S_ISLNK(st.st_mode)) {
    throw OutputRefused(path, "is " + kind_of(st.st_mode) + " where hotline keeps a file of its "
                                                            "own; move it away");
  }
  if (::unlink(path.c_str()) != 0) {
    throw OutputRefused(path, "cannot remove the stale file: " + system_reason(errno));
  }
}

int create_new_file(const std::string& path) {
  const int fd = ::open(path.c_str(), O_RDWR | O_CREAT | O_EXCL | O_NOFOLLOW | O_CLOEXEC, 0644);
  if (fd < 0) throw OutputRefused(path, "cannot create: " + system_reason(errno));
  return fd;
}

int open_existing_file(const std::string& path) {
  const int fd = ::open(path.c_str(), O_RDWR | O_NOFOLLOW | O_CLOEXEC);
  if (fd < 0) {
    if (errno == ELOOP) throw OutputRefused(path, "a symbolic link stands here; remove it");
    throw OutputRefused(path, "cannot open: " + system_reason(errno));
  }
  struct stat st {};
  if (::fstat(fd, &st) != 0 || !S_ISREG(st.st_mode)) {
    ::close(fd);
    throw OutputRefused(path, "not a regular file");
  }
  return fd;
}

void write_whole_file(const std::string& final_path, std::string_view text) {
  struct stat st {};
  if (::lstat(final_path.c_str(), &st) == 0 && !S_ISREG(st.st_mode) && !S_ISLNK(st.st_mode)) {
    throw OutputRefused(final_path, "is " + kind_of(st.st_mode) + "; hotline writes only regular "
                                                                  "files");
  }
  const std::string partial = final_path + ".partial";
  remove_stale(partial);
  const int fd = create_new_file(partial);
  std::size_t written = 0;
  while (written < text.size()) {
    const ssize_t n = ::write(fd, text.data() + written, text.size() - written);
    if (n < 0 && errno == EINTR) continue;
    if (n <= 0) break;
    written += static_cast<std::size_t>(n);
  }
  const int error = written < text.size() ? (errno != 0 ? errno : EIO)
                    : ::fsync(fd) != 0    ? errno
                                          : 0;
  ::close(fd);
  if (error == 0 && ::rename(partial.c_str(), final_path.c_str()) == 0) return;
  const int cause = error != 0 ? error : errno;
  ::unlink(partial.c_str());
  throw std::runtime_error(final_path + ": cannot write: " + system_reason(cause));
}

}  // namespace hotline::trace
