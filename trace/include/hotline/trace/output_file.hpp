// The rules every file the program writes follows, so that nothing a user
// wrote or computed is lost, corrupted or overwritten by accident:
//
// - One writer per output. A run, sweep or merge holds a lock on its output
//   for its whole life (an advisory lock on a file `NAME.lock` beside it,
//   holding the holder's process id and command line); a second writer is
//   refused at once, and told which process holds it.
// - Files are written under a temporary name in the output's directory and
//   renamed into place when whole. Temporary files and journals are created
//   new, never through a symbolic link and never by reusing what is there:
//   a stale temporary file is removed (the link itself, not its target)
//   before the new one is created exclusively.
// - `--force` replaces a regular file only: never a directory, a device, a
//   FIFO or a socket. A symbolic link given as the output is followed only
//   when it points to a regular file (or to nothing yet, in an existing
//   directory): the target is what gets written, in the target's directory.
//   Every other name the program makes up (temporary files, journals, lock
//   files) is refused when a link stands there.
#pragma once

#include <stdexcept>
#include <string>
#include <string_view>

namespace hotline::trace {

// An output that may not be written (a refusal, exit 2 at the command line).
class OutputRefused : public std::runtime_error {
 public:
  OutputRefused(const std::string& path, const std::string& why)
      : std::runtime_error(path + ": " + why), path_(path), reason_(why) {}
  [[nodiscard]] const std::string& path() const { return path_; }
  [[nodiscard]] const std::string& reason() const { return reason_; }

 private:
  std::string path_;
  std::string reason_;
};

// The path to write for the output the user named `path`: `path` itself, or
// the target of a symbolic link there. Throws OutputRefused for a directory
// or other special file, a link to one, a dangling link whose directory does
// not exist, a missing directory, or an existing file without `force`
// ("exists; --force replaces it").
[[nodiscard]] std::string checked_output_path(const std::string& path, bool force);

// Exclusive use of an output for the lifetime of this object. The lock file
// is removed when released; a lock left by a killed process is free again
// (the kernel drops the lock with the process).
class OutputLock {
 public:
  // Throws OutputRefused if another process holds the output ("in use by
  // process 1234: hotline run ...") or the lock file cannot be made.
  OutputLock(const std::string& output_path, std::string_view command_line);
  ~OutputLock();
  OutputLock(OutputLock&& other) noexcept;
  OutputLock& operator=(OutputLock&& other) noexcept;
  OutputLock(const OutputLock&) = delete;
  OutputLock& operator=(const OutputLock&) = delete;

  [[nodiscard]] static std::string lock_path(const std::string& output_path) {
    return output_path + ".lock";
  }

 private:
  void release() noexcept;

  std::string path_;
  int fd_ = -1;
};

// Removes what stands at `path` if it is a regular file or a link (the link
// itself); throws OutputRefused for anything else there.
void remove_stale(const std::string& path);

// Creates `path` as a new, empty regular file and returns its descriptor
// (close-on-exec, read-write): fails if anything, a link included, is
// there. Throws OutputRefused with the system's reason.
[[nodiscard]] int create_new_file(const std::string& path);

// Opens an existing regular file for reading and writing, never through a
// link. Throws OutputRefused if it is a link or not a regular file.
[[nodiscard]] int open_existing_file(const std::string& path);

// Writes `text` to `final_path` whole: into a new temporary file beside it
// (`final_path`.partial), synced, then renamed into place. Throws
// OutputRefused if something other than a regular file or a link stands at
// either name, std::runtime_error ("PATH: cannot write: No space left on
// device") if the writing fails; the temporary file is removed then.
void write_whole_file(const std::string& final_path, std::string_view text);

}  // namespace hotline::trace
