#include "cli_runner.hpp"

#include <sys/wait.h>
#include <unistd.h>

#include <array>
#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <sstream>
#include <stdexcept>

namespace hotline::test {

CliResult run_hotline(const std::string& arguments) {
  // stderr goes to a temporary file so that the two streams stay apart.
  std::string err_path = "/tmp/hotline-test-stderr-XXXXXX";
  const int fd = mkstemp(err_path.data());
  if (fd < 0) throw std::runtime_error("mkstemp failed");
  close(fd);
  const std::string command = std::string(HOTLINE_EXE) + " " + arguments + " 2>" + err_path;
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
