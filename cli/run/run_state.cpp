#include "run/run_state.hpp"

#include <fcntl.h>
#include <fmt/format.h>
#include <unistd.h>

#include <algorithm>
#include <cerrno>
#include <cstring>
#include <filesystem>
#include <fstream>
#include <iterator>
#include <stdexcept>

#include "hotline/engine/snapshot_stream.hpp"
#include "hotline/trace/writer.hpp"

namespace hotline::cli {

namespace {

constexpr const char* kMagic = "hotline run state";

void write_all(int fd, const std::vector<std::byte>& bytes, const std::string& path) {
  std::size_t done = 0;
  while (done < bytes.size()) {
    const ssize_t n = ::write(fd, bytes.data() + done, bytes.size() - done);
    if (n < 0 && errno == EINTR) continue;
    if (n <= 0) throw std::runtime_error(path + ": cannot write: " + std::strerror(errno));
    done += static_cast<std::size_t>(n);
  }
}

}  // namespace

void write_run_state(const std::string& path, const RunState& state) {
  engine::SnapshotWriter out;
  out.text(kMagic);
  out.value(state.header.format);
  out.text(state.header.hotline_version);
  out.text(state.header.scenario_name);
  out.text(state.header.scenario_hash);
  out.value(state.header.seed);
  out.value(state.header.replication);
  out.text(state.header.policy);
  out.value(state.header.step);
  out.values(state.snapshot);
  const std::string temporary = path + ".partial";
  std::filesystem::remove(temporary);
  const int fd = ::open(temporary.c_str(), O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0644);
  if (fd < 0) throw std::runtime_error(temporary + ": cannot create: " + std::strerror(errno));
  try {
    write_all(fd, out.bytes(), temporary);
    if (::fsync(fd) != 0)
      throw std::runtime_error(temporary + ": cannot sync: " + std::strerror(errno));
  } catch (...) {
    ::close(fd);
    std::filesystem::remove(temporary);
    throw;
  }
  ::close(fd);
  std::filesystem::rename(temporary, path);
}

RunState read_run_state(const std::string& path) {
  std::ifstream file(path, std::ios::binary);
  if (!file) throw std::runtime_error(path + ": cannot read: " + std::strerror(errno));
  const std::vector<char> text((std::istreambuf_iterator<char>(file)),
                               std::istreambuf_iterator<char>());
  const std::span<const std::byte> bytes(reinterpret_cast<const std::byte*>(text.data()),
                                         text.size());
  RunState state;
  try {
    engine::SnapshotWriter magic;
    magic.text(kMagic);
    const std::vector<std::byte>& expected = magic.bytes();
    if (bytes.size() < expected.size()
        || !std::equal(expected.begin(), expected.end(), bytes.begin()))
      throw std::runtime_error(path + ": not a run state (hotline run --save-state writes them)");
    engine::SnapshotReader in(bytes);
    (void)in.text();
    RunStateHeader& h = state.header;
    h.format = in.value<std::uint32_t>();
    h.hotline_version = in.text();
    if (h.format != kStateFormat || h.hotline_version != trace::hotline_version()) {
      throw std::runtime_error(fmt::format(
          "{}: a state written by Hotline {} (state format {}); this is Hotline {} (format {}), "
          "and a state is continued only by the version that wrote it",
          path, h.hotline_version, h.format, trace::hotline_version(), kStateFormat));
    }
    h.scenario_name = in.text();
    h.scenario_hash = in.text();
    h.seed = in.value<std::uint64_t>();
    h.replication = in.value<std::uint32_t>();
    h.policy = in.text();
    h.step = in.value<std::uint64_t>();
    in.values(state.snapshot);
    if (!in.at_end()) throw engine::SnapshotError("bytes after the snapshot");
  } catch (const engine::SnapshotError& e) {
    throw std::runtime_error(fmt::format("{}: a damaged run state ({})", path, e.what()));
  }
  return state;
}

std::string state_mismatch(const RunStateHeader& state, const RunStateHeader& wanted) {
  if (state.scenario_hash != wanted.scenario_hash) {
    return fmt::format(
        "scenario: '{}' (resolved hash {}) in the state, '{}' (hash {}) here: a state continues "
        "only the scenario it was saved from, every value the same",
        state.scenario_name, state.scenario_hash, wanted.scenario_name, wanted.scenario_hash);
  }
  if (state.seed != wanted.seed)
    return fmt::format("seed: {} in the state, {} here", state.seed, wanted.seed);
  if (state.replication != wanted.replication)
    return fmt::format("replication: {} in the state, {} here", state.replication,
                       wanted.replication);
  if (state.policy != wanted.policy)
    return fmt::format("policy: {} in the state, {} here", state.policy, wanted.policy);
  return {};
}

}  // namespace hotline::cli
