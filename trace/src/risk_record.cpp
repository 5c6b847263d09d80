#include "hotline/trace/risk_record.hpp"

#include "hotline/engine/snapshot_stream.hpp"

namespace hotline::trace {

namespace {
constexpr const char* kTag = "risk record 2";
}

std::vector<std::byte> encode_risk_record(const RiskRecord& record) {
  engine::SnapshotWriter out;
  out.part(kTag);
  out.value(record.policy);
  out.value(record.repetition);
  out.value(record.effort);
  out.values(record.reached);
  out.value(record.final_fraction);
  out.value(record.probability);
  out.value(record.work_platform_steps);
  return out.take();
}

RiskRecord decode_risk_record(std::span<const std::byte> bytes) {
  engine::SnapshotReader in(bytes);
  in.part(kTag);
  RiskRecord record;
  record.policy = in.value<std::uint32_t>();
  record.repetition = in.value<std::uint32_t>();
  record.effort = in.value<std::uint32_t>();
  in.values(record.reached);
  record.final_fraction = in.value<double>();
  record.probability = in.value<double>();
  record.work_platform_steps = in.value<double>();
  if (in.remaining() != 0) throw engine::SnapshotError("risk record: bytes after its end");
  return record;
}

}  // namespace hotline::trace
