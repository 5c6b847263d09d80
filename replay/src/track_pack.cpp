#include "hotline/replay/track_pack.hpp"

#include <zlib.h>

#include <algorithm>
#include <cmath>
#include <stdexcept>

namespace hotline::replay {

namespace {

constexpr double kFinestQuantumKm = 0.05;
constexpr double kLargestStep = 32000.0;

// Platform-major differences of the quantised positions, split into a
// plane of low bytes and a plane of high bytes.
std::vector<std::uint8_t> difference_planes(const std::vector<std::int16_t>& quantised,
                                            std::size_t samples) {
  const std::size_t n = quantised.size();
  std::vector<std::uint8_t> planes(2 * n);
  for (std::size_t series = 0; series * samples < n; ++series) {
    std::uint16_t previous = 0;
    for (std::size_t i = series * samples; i < (series + 1) * samples; ++i) {
      const auto value = static_cast<std::uint16_t>(quantised[i]);
      const auto difference = static_cast<std::uint16_t>(value - previous);
      planes[i] = static_cast<std::uint8_t>(difference & 0xFFU);
      planes[n + i] = static_cast<std::uint8_t>(difference >> 8U);
      previous = value;
    }
  }
  return planes;
}

}  // namespace

double quantum_for(const trace::SampledStates& states) {
  double largest = 0.0;
  for (std::size_t k = 0; k < states.x_km.size(); ++k) {
    if (std::isfinite(states.x_km[k]))
      largest = std::max(largest, std::abs(double{states.x_km[k]}));
    if (std::isfinite(states.y_km[k]))
      largest = std::max(largest, std::abs(double{states.y_km[k]}));
  }
  double quantum = kFinestQuantumKm;
  while (largest / quantum > kLargestStep)
    quantum *= 2.0;
  return quantum;
}

std::vector<std::int16_t> quantised_positions(const trace::SampledStates& states,
                                              double quantum_km) {
  const std::size_t samples = states.steps.size();
  const std::size_t agents = states.agents;
  std::vector<std::int16_t> out(2 * agents * samples);
  for (std::size_t j = 0; j < agents; ++j) {
    std::int16_t held[2] = {0, 0};
    for (std::size_t i = 0; i < samples; ++i) {
      const float value[2] = {states.x_km[i * agents + j], states.y_km[i * agents + j]};
      for (std::size_t c = 0; c < 2; ++c) {
        if (std::isfinite(value[c]))
          held[c] = static_cast<std::int16_t>(std::lround(double{value[c]} / quantum_km));
        out[(2 * j + c) * samples + i] = held[c];
      }
    }
  }
  return out;
}

PackedTracks pack_tracks(const trace::SampledStates& states) {
  PackedTracks packed;
  packed.samples = states.steps.size();
  packed.agents = states.agents;
  packed.quantum_km = quantum_for(states);
  const std::vector<std::uint8_t> planes =
      difference_planes(quantised_positions(states, packed.quantum_km), packed.samples);
  packed.positions = deflate_bytes(planes, 6);
  std::vector<std::uint8_t> status(packed.agents * packed.samples);
  for (std::size_t j = 0; j < packed.agents; ++j) {
    for (std::size_t i = 0; i < packed.samples; ++i)
      status[j * packed.samples + i] = states.status[i * packed.agents + j];
  }
  packed.status = deflate_bytes(status, 6);
  return packed;
}

std::vector<std::uint8_t> deflate_bytes(std::span<const std::uint8_t> bytes, int level) {
  uLongf size = compressBound(static_cast<uLong>(bytes.size()));
  std::vector<std::uint8_t> out(size);
  if (compress2(out.data(), &size, bytes.data(), static_cast<uLong>(bytes.size()), level) != Z_OK)
    throw std::runtime_error("deflate: zlib could not compress the page's data");
  out.resize(size);
  return out;
}

std::string base64(std::span<const std::uint8_t> bytes) {
  static constexpr char kAlphabet[] =
      "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";
  std::string out;
  out.reserve((bytes.size() + 2) / 3 * 4);
  std::size_t i = 0;
  for (; i + 3 <= bytes.size(); i += 3) {
    const std::uint32_t v =
        (std::uint32_t{bytes[i]} << 16U) | (std::uint32_t{bytes[i + 1]} << 8U) | bytes[i + 2];
    for (const unsigned shift : {18U, 12U, 6U, 0U})
      out.push_back(kAlphabet[(v >> shift) & 63U]);
  }
  const std::size_t rest = bytes.size() - i;
  if (rest > 0) {
    std::uint32_t v = std::uint32_t{bytes[i]} << 16U;
    if (rest == 2) v |= std::uint32_t{bytes[i + 1]} << 8U;
    out.push_back(kAlphabet[(v >> 18U) & 63U]);
    out.push_back(kAlphabet[(v >> 12U) & 63U]);
    out.push_back(rest == 2 ? kAlphabet[(v >> 6U) & 63U] : '=');
    out.push_back('=');
  }
  return out;
}

}  // namespace hotline::replay
