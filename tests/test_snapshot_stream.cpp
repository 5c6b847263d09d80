// Snapshot bytes (engine/snapshot_stream.hpp) and the agent store's part of
// a snapshot: values come back exactly, in order; bytes out of step, cut
// short or of another store are refused with a SnapshotError naming why.
#include <catch2/catch.hpp>
#include <cmath>
#include <limits>
#include <numeric>

#include "hotline/engine/agent_store.hpp"
#include "hotline/engine/snapshot_stream.hpp"

using hotline::engine::AgentStore;
using hotline::engine::SnapshotError;
using hotline::engine::SnapshotReader;
using hotline::engine::SnapshotWriter;

TEST_CASE("snapshot values arrays and texts come back exactly in order") {
  SnapshotWriter out;
  out.part("numbers");
  out.value(std::uint32_t{7});
  out.value(-0.0);
  out.value(std::numeric_limits<double>::quiet_NaN());
  out.values(std::vector<float>{1.5F, -2.25F});
  out.text("hotline");
  out.values(std::vector<std::uint8_t>{});
  SnapshotReader in(out.bytes());
  in.part("numbers");
  CHECK(in.value<std::uint32_t>() == 7);
  const double zero = in.value<double>();
  CHECK((zero == 0.0 && std::signbit(zero)));
  CHECK(std::isnan(in.value<double>()));
  std::vector<float> floats;
  in.values(floats);
  CHECK(floats == std::vector<float>{1.5F, -2.25F});
  CHECK(in.text() == "hotline");
  std::vector<std::uint8_t> none{1, 2};
  in.values(none);
  CHECK(none.empty());
  CHECK(in.at_end());
}

TEST_CASE("snapshot bytes out of step or cut short are refused") {
  SnapshotWriter out;
  out.part("first");
  out.values(std::vector<double>{1.0, 2.0, 3.0});
  {
    SnapshotReader in(out.bytes());
    CHECK_THROWS_WITH(in.part("second"), Catch::Contains("expected part 'second', found 'first'"));
  }
  const std::vector<std::byte> bytes = out.bytes();
  for (std::size_t cut = 0; cut < bytes.size(); ++cut) {
    SnapshotReader in(std::span<const std::byte>(bytes).first(cut));
    std::vector<double> v;
    CHECK_THROWS_AS((in.part("first"), in.values(v)), SnapshotError);
  }
  SnapshotReader in(bytes);
  in.part("first");
  std::vector<double> v;
  CHECK_THROWS_WITH(in.values(v, 4), Catch::Contains("3 items where the world has 4"));
}

TEST_CASE("an agent store restores every column and its model columns exactly") {
  AgentStore store(5);
  std::vector<std::uint32_t>& visits = store.add_column<std::uint32_t>(0);
  for (std::size_t s = 0; s < 5; ++s) {
    store.x_km[s] = 1.0 / static_cast<double>(s + 1);
    store.heading_rad[s] = -0.5 * static_cast<double>(s);
    visits[s] = static_cast<std::uint32_t>(10 * s);
  }
  const std::vector<std::uint32_t> order{4, 2, 0, 1, 3};
  store.permute(order);
  SnapshotWriter out;
  store.save(out);

  AgentStore again(5);
  std::vector<std::uint32_t>& again_visits = again.add_column<std::uint32_t>(0);
  SnapshotReader in(out.bytes());
  again.restore(in);
  CHECK(in.at_end());
  CHECK(again.x_km == store.x_km);
  CHECK(again.heading_rad == store.heading_rad);
  CHECK(again.id == store.id);
  CHECK(again_visits == visits);
  CHECK(again.slot_of(4) == 0);

  AgentStore smaller(4);
  (void)smaller.add_column<std::uint32_t>(0);
  SnapshotReader small_in(out.bytes());
  CHECK_THROWS_WITH(smaller.restore(small_in), Catch::Contains("where the world has 4"));
  AgentStore plain(5);
  SnapshotReader plain_in(out.bytes());
  CHECK_THROWS_WITH(plain.restore(plain_in), Catch::Contains("another number of model columns"));
}

TEST_CASE("a flag that is neither 0 nor 1 is refused") {
  SnapshotWriter out;
  out.value(std::uint8_t{2});
  SnapshotReader in(out.bytes());
  CHECK_THROWS_WITH(in.value<bool>(), Catch::Contains("neither 0 nor 1"));
}

TEST_CASE("an agent store refuses ids that are not each agent once") {
  AgentStore store(3);
  store.id = {0, 0, 2};
  SnapshotWriter out;
  store.save(out);
  AgentStore again(3);
  SnapshotReader in(out.bytes());
  CHECK_THROWS_WITH(again.restore(in), Catch::Contains("ids are not 0..n-1"));
}
