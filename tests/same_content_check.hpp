// The Catch2 check that two trace files are identical in content
// (trace_content.hpp), shared by the tests that make the same sweep two
// ways.
#pragma once

#include <catch2/catch.hpp>
#include <string>

#include "trace_content.hpp"

namespace hotline::test {

inline void check_same_content(const std::string& a, const std::string& b) {
  const auto ca = trace_content(a);
  const auto cb = trace_content(b);
  INFO(a << " vs " << b);
  CHECK(first_difference(ca, cb).empty());
  CHECK(ca.size() > 20);  // a real trace, not two empty files
}

}  // namespace hotline::test
