// The output of a run, sweep or merge, claimed before any work is done: the
// lock that keeps every other writer off it for the command's life, and the
// path checked by the rules of trace/output_file.hpp (what --force may
// replace, where a symbolic link leads). A refusal is said before anything
// is computed or written.
#pragma once

#include <iosfwd>
#include <optional>
#include <string>
#include <string_view>

#include "hotline/trace/output_file.hpp"

namespace hotline::cli {

struct OutputClaim {
  std::string path;  // what to write: the name given, or a link's target
  trace::OutputLock lock;
};

// Claims the output `named`: nullopt (with one line on `err`) if another
// process holds it or it may not be written. `replace` says whether an
// existing file may be replaced (--force, or a sweep's --resume, which
// decides for itself what an existing file means).
[[nodiscard]] std::optional<OutputClaim> claim_output(const std::string& named, bool replace,
                                                      std::string_view command_line,
                                                      std::ostream& err);

}  // namespace hotline::cli
