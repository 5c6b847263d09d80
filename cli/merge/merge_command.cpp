// `hotline merge`: its options.
#include "command.hpp"
#include "merge/merge.hpp"

namespace hotline::cli {

namespace {

class MergeCommand final : public Command {
 public:
  CLI::App* declare(CLI::App& parent) override {
    CLI::App* app = parent.add_subcommand(
        "merge", "Join the shard files of one sweep into the file the unsharded sweep writes");
    app->add_option("shards", options_.inputs, "Shard files (hotline sweep --shard i/n)")
        ->required();
    app->add_option("-o,--output", options_.output, "The merged HDF5 file")->required();
    app->add_flag("--force", options_.force, "Replace the output if it exists");
    return app;
  }

  int run(const Invocation& call) override {
    options_.command_line = call.command_line;
    return run_merge(options_, call.out, call.err);
  }

 private:
  MergeOptions options_;
};

}  // namespace

std::unique_ptr<Command> merge_command() {
  return std::make_unique<MergeCommand>();
}

}  // namespace hotline::cli
