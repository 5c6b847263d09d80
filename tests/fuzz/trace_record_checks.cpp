#include "trace_record_checks.hpp"

#include <cmath>
#include <cstdio>
#include <cstring>
#include <fstream>
#include <iterator>
#include <span>

#include "hotline/trace/record_journal.hpp"
#include "hotline/trace/run_record.hpp"
#include "hotline/trace/writer.hpp"

namespace hotline::fuzz {

namespace {

using trace::RunRecord;
using trace::TraceIdentity;

std::span<const std::byte> as_bytes(const std::uint8_t* data, std::size_t size) {
  return {reinterpret_cast<const std::byte*>(data), size};
}

void require(bool condition, const char* what) {
  if (!condition) throw ContractBroken(what);
}

// Decoding must end in a value or a std::exception; nothing else escapes.
template <class Decode>
bool decodes(Decode&& decode) {
  try {
    decode();
    return true;
  } catch (const ContractBroken&) {
    throw;
  } catch (const std::exception&) {
    return false;
  }
}

void check_run_record(std::span<const std::byte> bytes) {
  trace::RunRecord record;
  if (!decodes([&] { record = trace::decode_run_record(bytes); })) return;
  // Accepted: the decoded rows re-encode to the same bytes wherever a field
  // lies (padding is written as zeros, so compare a second round trip).
  const std::vector<std::byte> once = trace::encode_run_record(record);
  require(once.size() == bytes.size(), "run record: re-encoded to another size");
  const std::vector<std::byte> twice = trace::encode_run_record(trace::decode_run_record(once));
  require(once == twice, "run record: a round trip changed it");
}

void check_identity(std::span<const std::byte> bytes) {
  trace::TraceIdentity identity;
  if (!decodes([&] { identity = trace::TraceIdentity::decode(bytes); })) return;
  require(identity.policies.size() == identity.policy_ids.size(),
          "identity: policies and their ids differ in number");
  const std::vector<std::byte> once = identity.encode();
  trace::TraceIdentity again;
  require(decodes([&] { again = trace::TraceIdentity::decode(once); }),
          "identity: its own encoding is rejected");
  require(again.encode() == once, "identity: a round trip changed it");
  require(!trace::identity_difference(identity, "a", again, "b", true),
          "identity: differs from its round trip");
}

void check_journal(std::span<const std::byte> bytes, const std::string& path) {
  {
    std::ofstream file(path, std::ios::binary | std::ios::trunc);
    file.write(reinterpret_cast<const char*>(bytes.data()),
               static_cast<std::streamsize>(bytes.size()));
    require(static_cast<bool>(file), "journal: cannot write the scratch file");
  }
  std::vector<std::vector<std::byte>> records;
  std::vector<std::byte> identity;
  const bool opened = decodes([&] {
    trace::RecordJournal journal = trace::RecordJournal::open(path);
    identity = journal.identity();
    for (std::size_t r = 0; r < journal.size(); ++r)
      records.push_back(journal.read(r));
    require(journal.truncated_bytes() <= bytes.size(), "journal: cut more than there was");
  });
  if (!opened) {
    require(records.empty(), "journal: rejected after reading records");
    return;
  }
  // Opened: the torn tail is gone, so a second open finds the same records
  // and nothing to cut; an appended record follows them.
  trace::RecordJournal journal = trace::RecordJournal::open(path);
  require(journal.truncated_bytes() == 0, "journal: a second open cut bytes again");
  require(journal.identity() == identity, "journal: the identity changed");
  require(journal.size() == records.size(), "journal: a second open found other records");
  for (std::size_t r = 0; r < records.size(); ++r)
    require(journal.read(r) == records[r], "journal: a record changed");
  const std::vector<std::byte> extra{std::byte{1}, std::byte{2}, std::byte{3}};
  journal.append(extra);
  journal.close();
  const trace::RecordJournal reopened = trace::RecordJournal::open(path);
  require(reopened.size() == records.size() + 1 && reopened.read(records.size()) == extra,
          "journal: an appended record was lost");
}

trace::RunRecord sample_record() {
  trace::RunRecord r;
  r.summary.policy = 2;
  r.summary.replication = 7;
  r.summary.seed = 12345;
  r.summary.days = 3.5;
  r.summary.steps = 5040;
  r.summary.stopped_at_clash = 1;
  r.summary.platforms = 44;
  r.summary.encounters = 9;
  r.summary.first_clash_day = std::nan("");
  r.summary.events_count = 2;
  r.summary.hostility_count = 2;
  trace::DyadRow dyad;
  dyad.dyad = 1;
  dyad.encounters = 4;
  dyad.hostility = 0.25;
  r.dyads = {trace::DyadRow{}, dyad};
  trace::PresenceRow presence;
  presence.zone = 1;
  presence.days = 3;
  r.presence = {presence};
  trace::EventRow event;
  event.step = 17;
  event.type = 3;
  event.x_km = -12.5;
  r.events = {event, event};
  r.hostility = {0.0F, 0.5F, 0.125F, 1.0F};
  return r;
}

trace::TraceIdentity sample_identity() {
  trace::TraceIdentity id;
  id.kind = "sweep";
  id.hotline_version = "0.6.0";
  id.scenario_file = "scenarios/tutorial.yaml";
  id.scenario_yaml = "name: t\n";
  id.resolved_yaml = "name: t\nresolved: true\n";
  id.scenario_hash = "0123456789abcdef";
  id.scenario_name = "Tutorial";
  id.seed = 42;
  id.days = 12.5;
  id.replications = 6;
  id.policies = {0, 2};
  id.policy_ids = {"none", "hotline"};
  id.shard_index = 2;
  id.shard_count = 3;
  id.events = "command";
  id.hostility_interval_s = 3600.0;
  // An experiment's design: two factors, three points.
  trace::DesignIdentity design;
  design.name = "answers";
  design.file = "study.yaml";
  design.type = "full_factorial";
  design.seed = 7;
  design.factors = {{"p", {"policies.hotline.hotline.p_answer.l2"}, "", "", 1.0, false},
                    {"delay", {"a.b", "a.c"}, "h", "s", 3600.0, false}};
  design.values = {0.1, 1.0, 0.5, 6.0, 0.9, 48.0};
  id.design = design;
  return id;
}

std::vector<std::uint8_t> tagged(TraceDecoder decoder, std::span<const std::byte> bytes) {
  std::vector<std::uint8_t> input{static_cast<std::uint8_t>(decoder)};
  for (const std::byte b : bytes)
    input.push_back(static_cast<std::uint8_t>(b));
  return input;
}

}  // namespace

std::vector<std::vector<std::uint8_t>> trace_record_seeds(const std::string& scratch_path) {
  const std::vector<std::byte> record = trace::encode_run_record(sample_record());
  const std::vector<std::byte> identity = sample_identity().encode();
  // A journal as the sweep leaves it: the header, two records.
  const std::string& path = scratch_path;
  std::vector<std::byte> journal_bytes;
  {
    trace::RecordJournal journal = trace::RecordJournal::create(path, identity);
    journal.append(record);
    journal.append(std::vector<std::byte>(5, std::byte{0x5a}));
    journal.close();
    std::ifstream file(path, std::ios::binary);
    std::vector<char> chars((std::istreambuf_iterator<char>(file)),
                            std::istreambuf_iterator<char>());
    for (const char c : chars)
      journal_bytes.push_back(static_cast<std::byte>(c));
  }
  std::remove(path.c_str());
  return {tagged(TraceDecoder::journal, journal_bytes), tagged(TraceDecoder::run_record, record),
          tagged(TraceDecoder::identity, identity)};
}

void check_trace_record_input(const std::uint8_t* data, std::size_t size,
                              const std::string& scratch_path) {
  if (size == 0) return;
  const std::span<const std::byte> bytes = as_bytes(data + 1, size - 1);
  switch (static_cast<TraceDecoder>(data[0] % 3)) {
    case TraceDecoder::journal:
      check_journal(bytes, scratch_path);
      break;
    case TraceDecoder::run_record:
      check_run_record(bytes);
      break;
    case TraceDecoder::identity:
      check_identity(bytes);
      break;
  }
}

}  // namespace hotline::fuzz
