#include "report/report.hpp"

#include <fmt/format.h>
#include <spawn.h>
#include <sys/wait.h>

#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <optional>
#include <ostream>
#include <sstream>
#include <vector>

#include "common/exit_codes.hpp"
#include "hotline/analysis/experiment_analysis.hpp"
#include "hotline/analysis/experiment_report.hpp"
#include "hotline/analysis/policy_comparison.hpp"
#include "hotline/analysis/report_formats.hpp"
#include "hotline/analysis/risk_report.hpp"
#include "hotline/trace/output_file.hpp"
#include "hotline/trace/reader.hpp"

extern char** environ;

namespace hotline::cli {

namespace {

std::string from_environment(const char* name, const char* fallback) {
  const char* value = std::getenv(name);
  return value != nullptr && *value != '\0' ? std::string(value) : std::string(fallback);
}

// Runs `argv` and waits: its exit code, or -1 if it could not start or
// did not exit normally.
int run_program(const std::vector<std::string>& arguments) {
  std::vector<char*> argv;
  for (const std::string& a : arguments)
    argv.push_back(const_cast<char*>(a.c_str()));
  argv.push_back(nullptr);
  pid_t pid = 0;
  if (posix_spawn(&pid, argv[0], nullptr, nullptr, argv.data(), environ) != 0) return -1;
  int status = 0;
  if (waitpid(pid, &status, 0) != pid) return -1;
  return WIFEXITED(status) ? WEXITSTATUS(status) : -1;
}

// What a report is of: a policy comparison, an experiment's study, or a
// risk file's estimates.
struct Reported {
  std::optional<analysis::PolicyComparison> comparison;
  std::optional<analysis::ExperimentStudy> study;
  std::optional<analysis::RiskSummary> risk;
  analysis::RiskReportHeader risk_header;

  void write(analysis::ReportFormat format, std::ostream& out) const {
    if (risk) {
      analysis::write_risk_report(risk_header, *risk, format, out);
    } else if (study) {
      analysis::write_experiment_report(*study, format, out);
    } else {
      analysis::write_report(*comparison, format, out);
    }
  }
};

// Writes the report as JSON beside the plots (the script reads it, so a
// plot's intervals are the report's) and runs the script. Returns the exit
// code.
int draw_plots(const ReportOptions& options, const Reported& reported, std::ostream& out,
               std::ostream& err) {
  namespace fs = std::filesystem;
  const fs::path directory(options.plots_directory);
  const std::string json_path =
      (directory / (reported.study ? "experiment.json" : "comparison.json")).string();
  try {
    std::ostringstream json;
    reported.write(analysis::ReportFormat::json, json);
    trace::write_whole_file(json_path, json.str());
  } catch (const trace::OutputRefused& e) {
    err << "hotline: error: " << e.what() << '\n';
    return kExitBadInput;
  } catch (const std::runtime_error& e) {
    err << "hotline: error: " << e.what() << '\n';
    return kExitRunFailure;
  }
  const std::string python = plots_python_path();
  const std::string script = plots_script_path();
  if (!fs::exists(script)) {
    err << fmt::format(
        "hotline: error: the plot script {} is missing (HOTLINE_PLOTS_SCRIPT "
        "names another)\n",
        script);
    return kExitRunFailure;
  }
  const int code =
      run_program({python, script, (reported.study ? "--experiment=" : "--comparison=") + json_path,
                   "--out=" + options.plots_directory, "--", options.input});
  if (code != 0) {
    err << fmt::format(
        "hotline: error: the plots were not drawn ({} {} exited {}; it needs Debian's "
        "python3-matplotlib, python3-h5py, python3-numpy and python3-pandas: make deps)\n",
        python, script, code < 0 ? std::string("abnormally") : std::to_string(code));
    return kExitRunFailure;
  }
  const std::string_view drawn =
      reported.study
          ? "response_*.png, difference_*.png, tornado_*.png; experiment.json"
          : "incident_rate.png, escalation.png, hostility.png, incident_map.png; comparison.json";
  out << fmt::format("\nplots: {} ({})\n", options.plots_directory, drawn);
  return 0;
}

// Makes the plots folder (and its parents) if missing; false, said on
// `err`, if it cannot be made or is not a folder.
bool plots_folder_usable(const std::string& path, std::ostream& err) {
  namespace fs = std::filesystem;
  std::error_code error;
  fs::create_directories(path, error);
  if (error || !fs::is_directory(path)) {
    err << fmt::format("hotline: error: {}: cannot make the plots folder{}\n", path,
                       error ? ": " + error.message() : std::string(": a file is in the way"));
    return false;
  }
  return true;
}

}  // namespace

// Beside the executable: BIN/../share/hotline/plots.py, in the build tree
// (the build copies it there) as in an installed prefix. No path of the
// source tree is compiled in.
std::string plots_script_path() {
  std::error_code error;
  const std::filesystem::path exe = std::filesystem::read_symlink("/proc/self/exe", error);
  const std::string beside =
      error ? std::string()
            : (exe.parent_path().parent_path() / HOTLINE_DATA_DIR / "plots.py").string();
  return from_environment("HOTLINE_PLOTS_SCRIPT", beside.c_str());
}

std::string plots_python_path() {
  return from_environment("HOTLINE_PYTHON", "/usr/bin/python3");
}

namespace {

// A risk file's report has no plots or points: false
// (said on `err`) when one is asked for.
bool risk_options_usable(const ReportOptions& options, std::ostream& err) {
  const char* refused = !options.plots_directory.empty() ? "--plots"
                        : options.point                  ? "--point"
                                                         : nullptr;
  if (refused == nullptr) return true;
  err << fmt::format("hotline: error: {}: a risk file (hotline risk); {} is for sweeps\n",
                     options.input, refused);
  return false;
}

}  // namespace

int run_report(const ReportOptions& options, std::ostream& out, std::ostream& err) {
  const auto format = analysis::parse_report_format(options.format);
  if (!format) {
    err << fmt::format("hotline: error: --format expects md, csv or json: got '{}'\n",
                       options.format);
    return kExitBadInput;
  }
  Reported reported;
  try {
    const trace::TraceReader trace(options.input);
    const analysis::ComparisonOptions compare{options.baseline, options.confidence, options.point};
    if (trace.identity().kind == "risk") {
      if (!risk_options_usable(options, err)) return kExitBadInput;
      reported.risk = analysis::summarize_risk(trace.identity(), trace.risk_records(),
                                               trace.risk_level_names(), options.baseline);
      reported.risk_header = {options.input, trace.identity().scenario_name,
                              trace.identity().scenario_hash, trace.identity().seed};
    } else if (trace.identity().design && !options.point) {
      reported.study = analysis::study_experiment(trace, compare);
    } else {
      reported.comparison = analysis::compare_policies(trace, compare);
    }
  } catch (const trace::TraceError& e) {
    err << "hotline: error: " << e.what() << '\n';
    return kExitBadInput;
  } catch (const analysis::ComparisonError& e) {
    err << "hotline: error: " << e.what() << '\n';
    return kExitBadInput;
  } catch (const std::invalid_argument& e) {
    err << "hotline: error: " << options.input << ": " << e.what() << '\n';
    return kExitBadInput;
  }
  // A plots folder that cannot be made is bad input too: found before
  // anything is printed.
  if (!options.plots_directory.empty() && !plots_folder_usable(options.plots_directory, err))
    return kExitBadInput;
  // Whole, then printed: nothing partial on stdout.
  std::ostringstream text;
  reported.write(*format, text);
  out << text.str();
  if (options.plots_directory.empty()) return 0;
  return draw_plots(options, reported, format == analysis::ReportFormat::json ? err : out, err);
}

}  // namespace hotline::cli
