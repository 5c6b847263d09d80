// Runs the `hotline` binary as a user would, for the command-line tests.
#pragma once

#include <sys/types.h>

#include <string>
#include <vector>

namespace hotline::test {

struct CliResult {
  int exit_code = -1;
  std::string out;  // stdout
  std::string err;  // stderr
  [[nodiscard]] std::string both() const { return out + err; }
};

// `hotline <arguments>` through the shell, from the current directory.
CliResult run_hotline(const std::string& arguments);
// Starts `hotline <arguments>` (no shell) with its output thrown away;
// returns its pid, for a test that signals it.
[[nodiscard]] pid_t start_hotline(const std::vector<std::string>& arguments);
// Any shell command line (e.g. `mpirun -n 2 <hotline> sweep ...`).
CliResult run_command(const std::string& command_line);

// Whether the sweep journal at `path` holds at least one run: it has grown
// past its header. The header is 28 fixed bytes (16 of magic, then u32
// version, identity length and CRC) and the identity; the length is read
// from the file, since a large write can be seen half done.
[[nodiscard]] bool journal_holds_a_run(const std::string& path);
// Waits (30 s at most) until the journal at `journal` holds a run, then
// kills `pid` with SIGKILL and reaps it: a sweep stopped mid-way, with no
// chance to tidy up, for the resume tests.
void kill_once_journal_holds_a_run(pid_t pid, const std::string& journal);

[[nodiscard]] int line_count(const std::string& text);

// An empty folder hotline_<name> in the temporary directory (emptied if it
// was there), for a test's files.
[[nodiscard]] std::string fresh_directory(const std::string& name);

}  // namespace hotline::test
