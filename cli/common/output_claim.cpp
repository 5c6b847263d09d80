#include "common/output_claim.hpp"

#include <filesystem>
#include <ostream>
#include <system_error>

namespace hotline::cli {

namespace {

// Where writing `named` would land: a link's target, so that two names of
// one file share one lock.
std::string landing_path(const std::string& named) {
  std::error_code error;
  if (!std::filesystem::is_symlink(named, error)) return named;
  const std::filesystem::path target = std::filesystem::canonical(named, error);
  return error ? named : target.string();
}

}  // namespace

std::optional<OutputClaim> claim_output(const std::string& named, bool replace,
                                        std::string_view command_line, std::ostream& err) {
  try {
    // Checked before the lock file is made beside it (no lock file in a
    // missing directory or beside a device), and again once locked: the
    // answer then holds while the command runs.
    (void)trace::checked_output_path(named, replace);
    trace::OutputLock lock(landing_path(named), command_line);
    std::string path = trace::checked_output_path(named, replace);
    return OutputClaim{std::move(path), std::move(lock)};
  } catch (const trace::OutputRefused& e) {
    err << "hotline: error: " << e.what() << '\n';
    return std::nullopt;
  }
}

}  // namespace hotline::cli
