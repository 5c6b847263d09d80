// The ranks' protocol. Only each rank's main thread calls MPI
// (MPI_THREAD_FUNNELED): the runs step on a RunPool's threads and hand
// their records to the main thread, which sends them on.
//
//   worker -> 0   kRequest  u32 n           "n of my threads are free"
//   0 -> worker   kWork     u32 triples     runs (point, policy, replication); none: no more
//   worker -> 0   kResult   header + record a finished run
//   worker -> 0   kFailed   i32 signal, text an error (signal 0) or a signal it got
//   0 -> worker   kStop                     the sweep is stopping: cancel, report, leave
//   worker -> 0   kBye                      the worker's last message
//
// Rank 0 never blocks on a send (MPI_Isend, completed as the loop goes
// round), so a worker blocked sending a large record always finds rank 0
// receiving. Rank 0's last message to a worker is kStop or an empty kWork,
// and nothing follows it; a worker leaves after that message once its runs
// are done and sent, so every send on both sides is matched. Rank 0 leaves
// its loop when every worker has said kBye: every record sent has arrived. The exception is a
// signal on rank 0 itself: a peer may be dead (mpirun signals the survivors), so rank 0 waits for
// nobody, keeps its journal and aborts the job.
#include "sweep/mpi_sweep.hpp"

#include <fmt/format.h>
#include <mpi.h>

#include <atomic>
#include <climits>
#include <cstdio>
#include <cstring>
#include <deque>
#include <mutex>
#include <optional>
#include <ostream>
#include <span>
#include <thread>
#include <vector>

#include "common/interrupt.hpp"
#include "hotline/engine/run_pool.hpp"
#include "hotline/engine/thread_control.hpp"
#include "hotline/trace/writer.hpp"
#include "sweep/sweep_run.hpp"

namespace hotline::cli {

namespace {

enum Tag : int { kRequest = 1, kWork, kResult, kFailed, kStop, kBye };

constexpr auto kPoll = std::chrono::microseconds(500);

class MpiSession {
 public:
  MpiSession(int& argc, char**& argv) {
    int provided = 0;
    MPI_Init_thread(&argc, &argv, MPI_THREAD_FUNNELED, &provided);
    if (provided < MPI_THREAD_FUNNELED) {
      throw std::runtime_error("the MPI library does not support MPI_THREAD_FUNNELED");
    }
    MPI_Comm_rank(MPI_COMM_WORLD, &rank_);
    MPI_Comm_size(MPI_COMM_WORLD, &size_);
    char name[MPI_MAX_PROCESSOR_NAME] = {};
    int length = 0;
    MPI_Get_processor_name(name, &length);
    host_.assign(name, static_cast<std::size_t>(length));
  }
  ~MpiSession() { MPI_Finalize(); }
  MpiSession(const MpiSession&) = delete;
  MpiSession& operator=(const MpiSession&) = delete;

  [[nodiscard]] int rank() const { return rank_; }
  [[nodiscard]] int size() const { return size_; }
  [[nodiscard]] const std::string& host() const { return host_; }
  // The host as a fixed MPI_MAX_PROCESSOR_NAME-byte field, for a gather.
  [[nodiscard]] std::vector<char> host_field() const {
    std::vector<char> field(MPI_MAX_PROCESSOR_NAME, '\0');
    std::memcpy(field.data(), host_.data(),
                std::min<std::size_t>(host_.size(), MPI_MAX_PROCESSOR_NAME - 1));
    return field;
  }
  // Ends every rank of the job with `code` (never returns).
  [[noreturn]] static void abort(int code) {
    MPI_Abort(MPI_COMM_WORLD, code);
    std::_Exit(code);
  }

 private:
  int rank_ = 0;
  int size_ = 1;
  std::string host_;
};

// --- messages -----------------------------------------------------------

int byte_count(std::size_t bytes) {
  if (bytes > static_cast<std::size_t>(INT_MAX)) {
    throw std::runtime_error(fmt::format(
        "a message of {} bytes is over MPI's 2 GiB limit (a run record this large: record "
        "fewer --events, or use --shard instead of MPI)",
        bytes));
  }
  return static_cast<int>(bytes);
}

void send(int destination, Tag tag, std::span<const std::byte> bytes) {
  MPI_Send(bytes.data(), byte_count(bytes.size()), MPI_BYTE, destination, tag, MPI_COMM_WORLD);
}

std::vector<std::byte> receive(const MPI_Status& probed) {
  int count = 0;
  MPI_Get_count(&probed, MPI_BYTE, &count);
  std::vector<std::byte> bytes(static_cast<std::size_t>(count));
  MPI_Recv(bytes.data(), count, MPI_BYTE, probed.MPI_SOURCE, probed.MPI_TAG, MPI_COMM_WORLD,
           MPI_STATUS_IGNORE);
  return bytes;
}

template <class T>
void append_value(std::vector<std::byte>& bytes, const T& value) {
  const auto* p = reinterpret_cast<const std::byte*>(&value);
  bytes.insert(bytes.end(), p, p + sizeof value);
}

template <class T>
T read_value(std::span<const std::byte> bytes, std::size_t& at) {
  T value{};
  if (at + sizeof value > bytes.size()) throw std::runtime_error("a short message from a rank");
  std::memcpy(&value, bytes.data() + at, sizeof value);
  at += sizeof value;
  return value;
}

std::vector<std::byte> encode_keys(std::span<const engine::RunKey> keys) {
  std::vector<std::byte> bytes;
  for (const engine::RunKey key : keys) {
    append_value(bytes, key.point);
    append_value(bytes, key.policy);
    append_value(bytes, key.replication);
  }
  return bytes;
}

std::vector<engine::RunKey> decode_keys(std::span<const std::byte> bytes) {
  std::vector<engine::RunKey> keys;
  std::size_t at = 0;
  while (at < bytes.size()) {
    const auto point = read_value<std::uint32_t>(bytes, at);
    const auto policy = read_value<std::uint32_t>(bytes, at);
    keys.push_back({policy, read_value<std::uint32_t>(bytes, at), point});
  }
  return keys;
}

std::vector<std::byte> encode_result(const FinishedRun& run) {
  std::vector<std::byte> bytes;
  bytes.reserve(64 + sizeof run.timing + run.record.size());
  append_value(bytes, run.key.point);
  append_value(bytes, run.key.policy);
  append_value(bytes, run.key.replication);
  append_value(bytes, run.timing);
  bytes.insert(bytes.end(), run.record.begin(), run.record.end());
  return bytes;
}

FinishedRun decode_result(std::span<const std::byte> bytes) {
  std::size_t at = 0;
  FinishedRun run;
  run.key.point = read_value<std::uint32_t>(bytes, at);
  run.key.policy = read_value<std::uint32_t>(bytes, at);
  run.key.replication = read_value<std::uint32_t>(bytes, at);
  run.timing = read_value<RunTiming>(bytes, at);
  run.record.assign(bytes.begin() + static_cast<std::ptrdiff_t>(at), bytes.end());
  return run;
}

std::vector<std::byte> encode_failure(int signal, const std::string& text) {
  std::vector<std::byte> bytes;
  append_value(bytes, static_cast<std::int32_t>(signal));
  const auto* p = reinterpret_cast<const std::byte*>(text.data());
  bytes.insert(bytes.end(), p, p + text.size());
  return bytes;
}

std::pair<int, std::string> decode_failure(std::span<const std::byte> bytes) {
  std::size_t at = 0;
  const auto signal = read_value<std::int32_t>(bytes, at);
  return {signal, std::string(reinterpret_cast<const char*>(bytes.data()) + at, bytes.size() - at)};
}

// Rank 0's sends: posted without waiting, each buffer kept until its send
// completes.
class PendingSends {
 public:
  PendingSends() = default;
  PendingSends(const PendingSends&) = delete;
  PendingSends& operator=(const PendingSends&) = delete;
  ~PendingSends() { complete_all(); }

  void post(int destination, Tag tag, std::vector<std::byte> bytes) {
    sends_.push_back({std::move(bytes), MPI_REQUEST_NULL});
    Send& s = sends_.back();
    MPI_Isend(s.bytes.data(), byte_count(s.bytes.size()), MPI_BYTE, destination, tag,
              MPI_COMM_WORLD, &s.request);
  }
  // Frees the buffers of the sends that completed.
  void progress() {
    while (!sends_.empty()) {
      int done = 0;
      MPI_Test(&sends_.front().request, &done, MPI_STATUS_IGNORE);
      if (done == 0) return;
      sends_.pop_front();
    }
  }
  void complete_all() {
    for (Send& s : sends_)
      MPI_Wait(&s.request, MPI_STATUS_IGNORE);
    sends_.clear();
  }
  // On the way to MPI_Abort: nothing is waited for.
  void abandon() {
    for (Send& s : sends_)
      MPI_Request_free(&s.request);
    sends_.clear();
  }

 private:
  struct Send {
    std::vector<std::byte> bytes;
    MPI_Request request;
  };
  std::deque<Send> sends_;  // a deque: buffers never move
};

void send_request(std::uint32_t runs) {
  std::vector<std::byte> bytes;
  append_value(bytes, runs);
  send(0, kRequest, bytes);
}

// --- the runs on this rank's threads --------------------------------------

// Runs on a RunPool; finished records, the first error and a signal wait
// here for the rank's main thread.
class LocalRuns {
 public:
  // A record over `max_record_bytes` is an error (a worker's must fit in one
  // MPI message).
  LocalRuns(const SweepPlan& plan, int threads, std::size_t max_record_bytes)
      : plan_(plan), max_record_bytes_(max_record_bytes), pool_(threads) {}
  ~LocalRuns() { cancel(); }  // the pool then waits for its runs to stop

  [[nodiscard]] int threads() const { return pool_.threads(); }
  [[nodiscard]] std::size_t unfinished() const { return pool_.unfinished(); }
  void wait(std::chrono::microseconds timeout) { pool_.wait_for_a_finish(timeout); }

  void start(engine::RunKey key) {
    pool_.submit([this, key] {
      try {
        FinishedRun run = simulate_run(plan_, key, cancel_);
        if (run.record.size() > max_record_bytes_) {
          throw std::runtime_error(fmt::format(
              "the record of run (policy {}, replication {}) is {} bytes, over MPI's 2 GiB "
              "message limit: record fewer --events, or split the sweep with --shard",
              key.policy, key.replication, run.record.size()));
        }
        const std::lock_guard lock(mutex_);
        ready_.push_back(std::move(run));
      } catch (const RunCancelled&) {
        // The sweep is stopping; the run is not needed.
      } catch (const Interrupted& stop) {
        const std::lock_guard lock(mutex_);
        if (signal_ == 0) signal_ = stop.signal;
      } catch (const std::exception& e) {
        const std::lock_guard lock(mutex_);
        if (error_.empty()) error_ = e.what();
      }
    });
  }
  // Stops the runs in progress at their next step; they report nothing.
  void cancel() { cancel_.store(true); }

  std::deque<FinishedRun> take_finished() {
    const std::lock_guard lock(mutex_);
    return std::exchange(ready_, {});
  }
  [[nodiscard]] std::string error() const {
    const std::lock_guard lock(mutex_);
    return error_;
  }
  [[nodiscard]] int signal() const {
    const std::lock_guard lock(mutex_);
    return signal_;
  }

 private:
  const SweepPlan& plan_;
  std::size_t max_record_bytes_;
  std::atomic<bool> cancel_{false};
  mutable std::mutex mutex_;
  std::deque<FinishedRun> ready_;
  std::string error_;
  int signal_ = 0;
  engine::RunPool pool_;  // last: destroyed (waiting for its runs) first
};

int threads_or_default(int threads) {
  return threads > 0 ? threads : engine::ThreadControl::hardware_threads();
}

// --- rank 0 -----------------------------------------------------------------

class Coordinator final : public RunSpreader {
 public:
  explicit Coordinator(const MpiSession& mpi) : mpi_(mpi) {}

  // If the sweep ended before its runs began (bad input, a finished file),
  // tells the other ranks to leave.
  void release_if_unstarted() {
    if (started_) return;
    started_ = true;
    std::int32_t go = 0;
    MPI_Bcast(&go, 1, MPI_INT32_T, 0, MPI_COMM_WORLD);
  }
  // Whether every rank left the protocol in order (Finalize is then safe).
  [[nodiscard]] bool orderly() const { return orderly_; }

  RunsOutcome run_all(const SweepPlan& plan, const trace::TraceIdentity& identity,
                      std::span<const engine::RunKey> todo, int threads,
                      const std::function<void(FinishedRun&&)>& finished) override {
    broadcast_plan(identity);
    RunsOutcome outcome;
    const auto ranks = static_cast<std::size_t>(mpi_.size());
    std::vector<std::uint8_t> released(ranks, 0);  // sent its last message
    std::vector<std::size_t> runs_by_rank(ranks, 0);
    PendingSends sends;
    std::size_t workers_left = ranks - 1;
    std::size_t next = 0;
    bool stopping = false;
    LocalRuns local(plan, threads_or_default(threads), SIZE_MAX);
    const auto stop_all = [&] {
      if (stopping) return;
      stopping = true;
      local.cancel();
      // A released worker runs its last runs to the end and leaves.
      for (std::size_t r = 1; r < ranks; ++r) {
        if (released[r] == 0) {
          sends.post(static_cast<int>(r), kStop, {});
          released[r] = 1;
        }
      }
    };
    const auto note_failure = [&](int rank, int signal, const std::string& text) {
      if (outcome.stopped_by == 0 && outcome.failure.empty()) {
        if (signal != 0) {
          outcome.stopped_by = signal;
          outcome.stopped_where = where(rank);
        } else {
          outcome.failure = where(rank) + ": " + text;
        }
      }
      stop_all();
    };

    while (workers_left > 0 || local.unfinished() > 0) {
      if (const int signal = interrupt_signal()) {
        // A signal here: perhaps mpirun's, because a rank died. Wait for
        // nobody; the runs already received are journaled by the caller.
        local.cancel();
        sends.abandon();
        for (FinishedRun& run : local.take_finished())
          finished(std::move(run));
        outcome = {};
        outcome.stopped_by = signal;
        outcome.stopped_where = where(0);
        orderly_ = false;
        return outcome;
      }
      for (FinishedRun& run : local.take_finished()) {
        ++runs_by_rank[0];
        finished(std::move(run));
      }
      if (const std::string error = local.error(); !error.empty()) note_failure(0, 0, error);
      while (!stopping && next < todo.size()
             && local.unfinished() < static_cast<std::size_t>(local.threads())) {
        local.start(todo[next++]);
      }

      int waiting = 0;
      MPI_Status status;
      MPI_Iprobe(MPI_ANY_SOURCE, MPI_ANY_TAG, MPI_COMM_WORLD, &waiting, &status);
      while (waiting != 0) {
        const int source = status.MPI_SOURCE;
        const std::vector<std::byte> message = receive(status);
        switch (status.MPI_TAG) {
          case kRequest: {
            if (stopping) break;  // it has its kStop
            std::size_t at = 0;
            const auto wanted = read_value<std::uint32_t>(message, at);
            const std::size_t n = std::min<std::size_t>(wanted, todo.size() - next);
            sends.post(source, kWork, encode_keys(todo.subspan(next, n)));
            if (n == 0) released[static_cast<std::size_t>(source)] = 1;
            next += n;
            break;
          }
          case kResult:
            ++runs_by_rank[static_cast<std::size_t>(source)];
            finished(decode_result(message));
            break;
          case kFailed: {
            const auto [signal, text] = decode_failure(message);
            note_failure(source, signal, text);
            break;
          }
          case kBye:  // always after its last message from here
            --workers_left;
            break;
          default:
            note_failure(source, 0, fmt::format("an unknown message (tag {})", status.MPI_TAG));
        }
        MPI_Iprobe(MPI_ANY_SOURCE, MPI_ANY_TAG, MPI_COMM_WORLD, &waiting, &status);
      }
      sends.progress();
      local.wait(kPoll);
    }
    sends.complete_all();
    for (FinishedRun& run : local.take_finished()) {
      ++runs_by_rank[0];
      finished(std::move(run));
    }
    outcome.runs_by_rank = runs_by_rank;
    if (const std::string error = local.error();
        !error.empty() && outcome.failure.empty() && outcome.stopped_by == 0) {
      outcome.failure = where(0) + ": " + error;
    }
    if (next < todo.size() && outcome.failure.empty() && outcome.stopped_by == 0) {
      outcome.failure = "the ranks stopped before every run was handed out";
    }
    return outcome;
  }

 private:
  void broadcast_plan(const trace::TraceIdentity& identity) {
    started_ = true;
    std::int32_t go = 1;
    MPI_Bcast(&go, 1, MPI_INT32_T, 0, MPI_COMM_WORLD);
    std::vector<std::byte> bytes = identity.encode();
    auto length = static_cast<std::int64_t>(bytes.size());
    MPI_Bcast(&length, 1, MPI_INT64_T, 0, MPI_COMM_WORLD);
    MPI_Bcast(bytes.data(), byte_count(bytes.size()), MPI_BYTE, 0, MPI_COMM_WORLD);
    // Every rank's host, for messages that name a rank.
    std::vector<char> names(static_cast<std::size_t>(mpi_.size()) * MPI_MAX_PROCESSOR_NAME);
    std::vector<char> mine = mpi_.host_field();
    MPI_Gather(mine.data(), MPI_MAX_PROCESSOR_NAME, MPI_CHAR, names.data(), MPI_MAX_PROCESSOR_NAME,
               MPI_CHAR, 0, MPI_COMM_WORLD);
    for (int r = 0; r < mpi_.size(); ++r)
      hosts_.emplace_back(names.data() + static_cast<std::size_t>(r) * MPI_MAX_PROCESSOR_NAME);
  }

  [[nodiscard]] std::string where(int rank) const {
    return fmt::format("rank {} on {}", rank, hosts_.at(static_cast<std::size_t>(rank)));
  }

  const MpiSession& mpi_;
  std::vector<std::string> hosts_;
  bool started_ = false;
  bool orderly_ = true;
};

// --- ranks 1 .. R-1 -----------------------------------------------------------

// The sweep as rank 0 broadcast it: its plan, or why this rank cannot run
// it. Nothing when rank 0 ended the sweep before it began.
struct WorkerStart {
  std::optional<SweepPlan> plan;
  std::string error;
};
std::optional<WorkerStart> receive_sweep(const MpiSession& mpi) {
  std::int32_t go = 0;
  MPI_Bcast(&go, 1, MPI_INT32_T, 0, MPI_COMM_WORLD);
  if (go == 0) return std::nullopt;  // rank 0 ended the sweep before it began, and says why
  std::int64_t length = 0;
  MPI_Bcast(&length, 1, MPI_INT64_T, 0, MPI_COMM_WORLD);
  std::vector<std::byte> bytes(static_cast<std::size_t>(length));
  MPI_Bcast(bytes.data(), byte_count(bytes.size()), MPI_BYTE, 0, MPI_COMM_WORLD);
  std::vector<char> mine = mpi.host_field();
  MPI_Gather(mine.data(), MPI_MAX_PROCESSOR_NAME, MPI_CHAR, nullptr, 0, MPI_CHAR, 0,
             MPI_COMM_WORLD);
  WorkerStart start;
  try {
    const trace::TraceIdentity identity = trace::TraceIdentity::decode(bytes);
    if (identity.hotline_version != trace::hotline_version()) {
      throw std::runtime_error(fmt::format("this rank runs Hotline {}, rank 0 runs {}",
                                           trace::hotline_version(), identity.hotline_version));
    }
    start.plan = plan_from_identity(identity, "rank 0's scenario");
  } catch (const std::exception& e) {
    start.error = e.what();
  }
  return start;
}

// A worker rank's loop: it asks rank 0 for runs while it has free threads,
// sends each finished run back, tells rank 0 of a signal or an error once,
// and says goodbye when rank 0 has no more runs and its own are done. A
// rank that cannot run the sweep says why and waits to be stopped.
class WorkerLoop {
 public:
  WorkerLoop(WorkerStart start, int threads) {
    if (start.plan) {
      local_.emplace(*start.plan, threads_or_default(threads),
                     static_cast<std::size_t>(INT_MAX) - 64 - sizeof(RunTiming));
    }
    if (!start.error.empty()) tell(0, start.error);
  }

  void run() {
    while (true) {
      report_own_state();
      take_messages();
      const std::size_t unfinished = local_ ? local_->unfinished() : 0;
      if (released_ && unfinished == 0) {
        send_finished();
        send(0, kBye, {});
        return;
      }
      if (local_ && !asked_ && !released_ && !told_
          && unfinished < static_cast<std::size_t>(local_->threads())) {
        send_request(
            static_cast<std::uint32_t>(static_cast<std::size_t>(local_->threads()) - unfinished));
        asked_ = true;
      }
      if (local_) {
        local_->wait(kPoll);
      } else {
        std::this_thread::sleep_for(kPoll);
      }
    }
  }

 private:
  // Tells rank 0 of a signal or an error, once.
  void tell(int signal, const std::string& error) {
    if (told_) return;
    send(0, kFailed, encode_failure(signal, error));
    told_ = true;
  }

  void send_finished() {
    if (!local_) return;
    for (const FinishedRun& run : local_->take_finished())
      send(0, kResult, encode_result(run));
  }

  // A signal to this rank, finished runs, a signal or error in a run.
  void report_own_state() {
    if (const int signal = interrupt_signal(); signal != 0 && !told_) {
      if (local_) local_->cancel();
      tell(signal, "");
    }
    if (!local_) return;
    send_finished();
    if (const int signal = local_->signal(); signal != 0) tell(signal, "");
    if (const std::string error = local_->error(); !error.empty() && !told_) {
      local_->cancel();
      tell(0, error);
    }
  }

  // Rank 0's answers: runs to start (none: no more), or stop.
  void take_messages() {
    int waiting = 0;
    MPI_Status status;
    MPI_Iprobe(0, MPI_ANY_TAG, MPI_COMM_WORLD, &waiting, &status);
    while (waiting != 0) {
      const std::vector<std::byte> message = receive(status);
      if (status.MPI_TAG == kWork) {
        asked_ = false;
        const std::vector<engine::RunKey> keys = decode_keys(message);
        if (keys.empty()) released_ = true;
        for (const engine::RunKey key : keys)
          local_->start(key);
      } else if (status.MPI_TAG == kStop) {
        released_ = true;
        if (local_) local_->cancel();
      }
      MPI_Iprobe(0, MPI_ANY_TAG, MPI_COMM_WORLD, &waiting, &status);
    }
  }

  std::optional<LocalRuns> local_;
  bool told_ = false;      // a kFailed was sent
  bool asked_ = false;     // a kRequest is unanswered
  bool released_ = false;  // rank 0 has no more runs, or is stopping
};

void run_as_worker(const MpiSession& mpi, int threads) {
  std::optional<WorkerStart> start = receive_sweep(mpi);
  if (!start) return;
  WorkerLoop(std::move(*start), threads).run();
}

}  // namespace

int run_sweep_on_ranks(SweepOptions options, int& argc, char**& argv, std::ostream& out,
                       std::ostream& err) {
  MpiSession mpi(argc, argv);
  if (mpi.size() == 1) return run_sweep(options, out, err);
  catch_interrupts();
  if (mpi.rank() != 0) {
    try {
      run_as_worker(mpi, options.threads);
    } catch (const std::exception& e) {
      // Outside the protocol (it reports its runs' errors to rank 0): the
      // job cannot go on in order.
      // stderr itself: this rank's std::cerr is silenced (main.cpp).
      std::fputs(
          fmt::format("hotline: failed: rank {} on {}: {}\n", mpi.rank(), mpi.host(), e.what())
              .c_str(),
          stderr);
      MpiSession::abort(1);
    }
    return 0;
  }
  Coordinator coordinator(mpi);
  options.spreader = &coordinator;
  int code = 0;
  try {
    code = run_sweep(options, out, err);
    coordinator.release_if_unstarted();
  } catch (const std::exception& e) {
    err << fmt::format("hotline: failed: rank 0 on {}: {}\n", mpi.host(), e.what());
    err.flush();
    MpiSession::abort(1);
  }
  if (!coordinator.orderly()) {
    out.flush();
    err.flush();
    MpiSession::abort(code);
  }
  return code;
}

}  // namespace hotline::cli
