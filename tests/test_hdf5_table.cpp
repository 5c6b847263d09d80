// The HDF5 layer of the trace writer: a table of compound rows written in
// pieces reads back identical, column by column and by name; attributes
// round-trip; the table is chunked, shuffled and deflated; failures name the
// file.
#include <catch2/catch.hpp>
#include <cstdint>
#include <cstdio>
#include <cstring>
#include <filesystem>
#include <string>
#include <vector>

#include "hotline/trace/hdf5_table.hpp"

using namespace hotline::trace;

namespace {

struct Row {
  std::uint32_t step;
  std::uint8_t kind;
  double time_s;
  std::int64_t value;
};

std::vector<hdf5::Field> row_fields() {
  return {{"step", offsetof(Row, step), hdf5::FieldType::u32},
          {"kind", offsetof(Row, kind), hdf5::FieldType::u8},
          {"time_s", offsetof(Row, time_s), hdf5::FieldType::f64},
          {"value", offsetof(Row, value), hdf5::FieldType::i64}};
}

std::string temporary_path(const std::string& name) {
  return (std::filesystem::temp_directory_path() / ("hotline_test_" + name)).string();
}

}  // namespace

TEST_CASE("an HDF5 table appended in pieces reads back identical", "[hdf5]") {
  const std::string path = temporary_path("table.h5");
  std::vector<Row> rows;
  for (std::uint32_t i = 0; i < 10000; ++i)
    rows.push_back({i, static_cast<std::uint8_t>(i % 7), i * 60.0, -static_cast<std::int64_t>(i)});
  {
    hdf5::File file = hdf5::File::create(path);
    hdf5::write_attribute(file, file.id(), "format", "hotline");
    hdf5::write_attribute(file, file.id(), "format_version", std::int64_t{1});
    hdf5::Handle group = hdf5::create_group(file, file.id(), "runs");
    hdf5::Table table(file, group.get(), "events", sizeof(Row), row_fields(), 1000);
    table.append(rows.data(), 3);
    table.append(rows.data() + 3, 0);
    table.append(rows.data() + 3, rows.size() - 3);
    CHECK(table.size() == rows.size());
    file.close();
  }
  hdf5::File file = hdf5::File::open(path, false);
  CHECK(hdf5::read_string_attribute(file, file.id(), "format") == "hotline");
  const std::vector<std::byte> back =
      hdf5::read_table(file, "runs/events", sizeof(Row), row_fields());
  REQUIRE(back.size() == rows.size() * sizeof(Row));
  for (std::size_t i = 0; i < rows.size(); ++i) {
    Row r{};
    std::memcpy(&r, back.data() + i * sizeof(Row), sizeof(Row));
    REQUIRE(r.step == rows[i].step);
    REQUIRE(r.kind == rows[i].kind);
    REQUIRE(r.time_s == rows[i].time_s);
    REQUIRE(r.value == rows[i].value);
  }
  SECTION("a reader may take a subset of the columns, in its own layout") {
    struct Times {
      double time_s;
      std::uint64_t step;  // stored as u32: HDF5 converts
    };
    const std::vector<hdf5::Field> fields{{"time_s", offsetof(Times, time_s), hdf5::FieldType::f64},
                                          {"step", offsetof(Times, step), hdf5::FieldType::u64}};
    const auto some = hdf5::read_table(file, "runs/events", sizeof(Times), fields);
    Times last{};
    std::memcpy(&last, some.data() + (rows.size() - 1) * sizeof(Times), sizeof(Times));
    CHECK(last.step == 9999);
    CHECK(last.time_s == 9999 * 60.0);
  }
  SECTION("the table is chunked, shuffled and deflated") {
    const hid_t data = H5Dopen2(file.id(), "runs/events", H5P_DEFAULT);
    const hid_t properties = H5Dget_create_plist(data);
    CHECK(H5Pget_layout(properties) == H5D_CHUNKED);
    CHECK(H5Pget_nfilters(properties) == 2);
    // (No room for the filters' parameters: the element count in is 0.)
    auto filter = [&](unsigned index) {
      unsigned flags = 0;
      std::size_t elements = 0;
      return H5Pget_filter2(properties, index, &flags, &elements, nullptr, 0, nullptr, nullptr);
    };
    CHECK(filter(0) == H5Z_FILTER_SHUFFLE);
    CHECK(filter(1) == H5Z_FILTER_DEFLATE);
    H5Pclose(properties);
    H5Dclose(data);
  }
  std::remove(path.c_str());
}

TEST_CASE("HDF5 failures name the file and the cause HDF5 gives", "[hdf5]") {
  const std::string missing_dir = temporary_path("no_such_dir/trace.h5");
  try {
    (void)hdf5::File::create(missing_dir);
    FAIL("created a file in a missing directory");
  } catch (const hdf5::Error& e) {
    CHECK(e.path() == missing_dir);
    // The system's reason, from the innermost entry of HDF5's error stack.
    CHECK(std::string(e.what())
          == missing_dir + ": cannot create the HDF5 file: No such file or directory");
  }
  const std::string not_hdf5 = temporary_path("not_hdf5.h5");
  std::FILE* f = std::fopen(not_hdf5.c_str(), "w");
  REQUIRE(f != nullptr);
  std::fputs("name: not an HDF5 file\n", f);
  std::fclose(f);
  CHECK_THROWS_WITH(hdf5::File::open(not_hdf5, false),
                    Catch::StartsWith(not_hdf5 + ": cannot open as an HDF5 file: "));
  std::remove(not_hdf5.c_str());
}

TEST_CASE("a dataset declaring far more rows than it stores is refused before allocation",
          "[hdf5]") {
  const std::string path = temporary_path("forged_extent.h5");
  std::remove(path.c_str());
  {
    hdf5::File file = hdf5::File::create(path);
    // 20 million rows of 8 bytes declared, none written: 160 MB to read
    // from a file of a few kB.
    const hsize_t rows = 20'000'000;
    const hsize_t chunk = 1024;
    const hid_t space = H5Screate_simple(1, &rows, nullptr);
    const hid_t properties = H5Pcreate(H5P_DATASET_CREATE);
    H5Pset_chunk(properties, 1, &chunk);
    const hid_t data = H5Dcreate2(file.id(), "forged", H5T_NATIVE_INT64, space, H5P_DEFAULT,
                                  properties, H5P_DEFAULT);
    REQUIRE(data >= 0);
    H5Dclose(data);
    H5Pclose(properties);
    H5Sclose(space);
    file.close();
  }
  const hdf5::File file = hdf5::File::open(path, false);
  const std::vector<hdf5::Field> fields{{"value", 0, hdf5::FieldType::i64}};
  CHECK_THROWS_WITH(hdf5::read_table(file, "forged", 8, fields),
                    path
                        + ": 'forged' declares 20000000 rows (160000000 bytes to read) but "
                          "stores only 0 bytes: the file is damaged");
  std::remove(path.c_str());
}
