#include "cli_runner.hpp"

#include <sys/wait.h>
#include <unistd.h>

#include <array>
#include <chrono>
#include <csignal>
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <filesystem>
#include <fstream>
#include <sstream>
#include <stdexcept>
#include <thread>

namespace hotline::test {

CliResult run_hotline(const std::string& arguments) {
  return run_command(std::string(HOTLINE_EXE) + " " + arguments);
}

pid_t start_hotline(const std::vector<std::string>& arguments) {
  const pid_t pid = fork();
  if (pid == 0) {
    std::freopen("/dev/null", "w", stdout);
    std::freopen("/dev/null", "w", stderr);
    std::vector<char*> argv{const_cast<char*>(HOTLINE_EXE)};
    for (const auto& a : arguments)
      argv.push_back(const_cast<char*>(a.c_str()));
    argv.push_back(nullptr);
    execv(HOTLINE_EXE, argv.data());
    _exit(127);
  }
  return pid;
}

CliResult run_command(const std::string& command_line) {
  // stderr goes to a temporary file so that the two streams stay apart.
  std::string err_path = "/tmp/hotline-test-stderr-XXXXXX";
  const int fd = mkstemp(err_path.data());
  if (fd < 0) throw std::runtime_error("mkstemp failed");
  close(fd);
  const std::string command = "{ " + command_line + "; } 2>" + err_path;
  FILE* pipe = popen(command.c_str(), "r");
  if (pipe == nullptr) throw std::runtime_error("popen failed");
  CliResult result;
  std::array<char, 4096> buffer{};
  std::size_t n = 0;
  while ((n = std::fread(buffer.data(), 1, buffer.size(), pipe)) > 0)
    result.out.append(buffer.data(), n);
  const int status = pclose(pipe);
  result.exit_code = WIFEXITED(status) ? WEXITSTATUS(status) : -1;
  std::ifstream err(err_path);
  std::ostringstream text;
  text << err.rdbuf();
  result.err = text.str();
  std::remove(err_path.c_str());
  return result;
}

bool journal_holds_a_run(const std::string& path) {
  constexpr std::size_t kFixed = 28;
  constexpr std::size_t kLengthAt = 20;
  std::error_code error;
  const std::uintmax_t size = std::filesystem::file_size(path, error);
  if (error || size < kFixed) return false;
  std::ifstream in(path, std::ios::binary);
  std::array<char, kFixed> fixed{};
  if (!in.read(fixed.data(), fixed.size())) return false;
  std::uint32_t identity_bytes = 0;
  std::memcpy(&identity_bytes, fixed.data() + kLengthAt, 4);
  return size > kFixed + identity_bytes;
}

void kill_once_journal_holds_a_run(pid_t pid, const std::string& journal) {
  for (int i = 0; i < 6000 && !journal_holds_a_run(journal); ++i)
    std::this_thread::sleep_for(std::chrono::milliseconds(5));
  kill(pid, SIGKILL);
  int status = 0;
  waitpid(pid, &status, 0);
}

int line_count(const std::string& text) {
  int lines = 0;
  for (char c : text)
    lines += c == '\n' ? 1 : 0;
  return lines;
}

std::string fresh_directory(const std::string& name) {
  const auto dir = std::filesystem::temp_directory_path() / ("hotline_" + name);
  std::filesystem::remove_all(dir);
  std::filesystem::create_directories(dir);
  return dir.string();
}

}  // namespace hotline::test
