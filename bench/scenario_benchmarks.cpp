// Loading scenario files: parse, validate and resolve a shipped scenario, and
// write it back (--explain). Loading happens once per run, so it only has to
// stay far below a step's cost; this keeps an eye on it.
#include <benchmark/benchmark.h>

#include <fstream>
#include <sstream>
#include <string>

#include "hotline/scenarios/scenario.hpp"

namespace {

std::string read_scenario(const std::string& name) {
  std::ifstream in(std::string(HOTLINE_SOURCE_DIR) + "/scenarios/" + name);
  std::ostringstream text;
  text << in.rdbuf();
  return text.str();
}

void BM_LoadScenario(benchmark::State& state, const std::string& name) {
  const std::string text = read_scenario(name);
  for (auto _ : state) {
    auto scenario = hotline::scenarios::load_scenario_text(text, name);
    benchmark::DoNotOptimize(scenario);
  }
  state.SetBytesProcessed(state.iterations() * static_cast<std::int64_t>(text.size()));
}

void BM_ExplainScenario(benchmark::State& state, const std::string& name) {
  const auto scenario = hotline::scenarios::load_scenario_text(read_scenario(name), name);
  for (auto _ : state) {
    auto text = hotline::scenarios::explain_scenario(scenario);
    benchmark::DoNotOptimize(text);
  }
}

}  // namespace

BENCHMARK_CAPTURE(BM_LoadScenario, tutorial, std::string("tutorial.yaml"))
    ->Unit(benchmark::kMicrosecond);
BENCHMARK_CAPTURE(BM_LoadScenario, east_china_sea_2023, std::string("east_china_sea_2023.yaml"))
    ->Unit(benchmark::kMicrosecond);
BENCHMARK_CAPTURE(BM_ExplainScenario, east_china_sea_2023, std::string("east_china_sea_2023.yaml"))
    ->Unit(benchmark::kMicrosecond);
