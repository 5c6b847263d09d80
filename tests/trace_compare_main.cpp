// `trace_compare A B`: exit 0 if the two trace files are identical in
// content (tests/trace_content.hpp, docs/trace-format.md), else 1 naming
// the first difference; 2 for a file that cannot be read. For the test
// scripts that run outside Catch2 (tests/slurm/).
#include <cstdio>
#include <exception>

#include "trace_content.hpp"

int main(int argc, char** argv) {
  if (argc != 3) {
    std::fputs("usage: trace_compare A.h5 B.h5\n", stderr);
    return 2;
  }
  try {
    const auto a = hotline::test::trace_content(argv[1]);
    const auto b = hotline::test::trace_content(argv[2]);
    const std::string difference = hotline::test::first_difference(a, b);
    if (!difference.empty()) {
      std::fprintf(stderr, "trace_compare: %s and %s differ first at %s\n", argv[1], argv[2],
                   difference.c_str());
      return 1;
    }
    std::printf("trace_compare: %s and %s are identical in content (%zu objects)\n", argv[1],
                argv[2], a.size());
    return 0;
  } catch (const std::exception& e) {
    std::fprintf(stderr, "trace_compare: %s\n", e.what());
    return 2;
  }
}
