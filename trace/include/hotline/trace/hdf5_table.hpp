// A thin RAII layer over the HDF5 C API for the trace writer:
// files, groups, attributes, and tables — extendible, chunked, compressed
// (shuffle + deflate) one-dimensional datasets of a compound row type that
// grow by appending.
//
// It knows nothing of what the rows mean: the trace writer describes each
// row struct with its fields (name, offset, type), and the file gets the
// same compound type, so h5py, pandas and h5dump read the columns by name.
// Every failure throws hdf5::Error naming the file and what was being done;
// HDF5's own error stack printing is switched off so that it never writes to
// stderr behind the caller's back.
#pragma once

#include <hdf5.h>

#include <cstddef>
#include <cstdint>
#include <stdexcept>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace hotline::trace::hdf5 {

// An HDF5 failure: which file, what was being done, and the cause HDF5
// gave, if any (the system's message, such as "No space left on device",
// when a read or write of the file failed).
class Error : public std::runtime_error {
 public:
  Error(std::string path, const std::string& what);
  [[nodiscard]] const std::string& path() const { return path_; }

 private:
  std::string path_;
};

// Sets up the library for this process and thread, before any other call:
// no error stack printed behind the caller's back (the setting is per
// thread), and no clean-up at exit. HDF5's exit handler closes what is
// still open, and for a file whose closing failed (a full disk) it crashes
// (1.10); every file here is closed by its owner, and a file that cannot
// be closed is abandoned and removed. Called by File::create and
// File::open; a thread that appends to a file another thread opened calls
// it too.
void prepare_this_thread();

// Owns one HDF5 identifier and closes it with the right call.
class Handle {
 public:
  using Closer = herr_t (*)(hid_t);
  Handle() = default;
  Handle(hid_t id, Closer closer) : id_(id), closer_(closer) {}
  ~Handle() { reset(); }
  Handle(Handle&& other) noexcept : id_(std::exchange(other.id_, -1)), closer_(other.closer_) {}
  Handle& operator=(Handle&& other) noexcept {
    if (this != &other) {
      reset();
      id_ = std::exchange(other.id_, -1);
      closer_ = other.closer_;
    }
    return *this;
  }
  Handle(const Handle&) = delete;
  Handle& operator=(const Handle&) = delete;

  [[nodiscard]] hid_t get() const { return id_; }
  [[nodiscard]] bool valid() const { return id_ >= 0; }
  // Closes now; returns false if HDF5 reports an error (data not written).
  bool reset() {
    if (id_ < 0) return true;
    const herr_t status = closer_(id_);
    id_ = -1;
    return status >= 0;
  }

 private:
  hid_t id_ = -1;
  Closer closer_ = nullptr;
};

// Column and element types. `text` is a fixed-size, NUL-padded UTF-8
// string of Field::text_size bytes (char[N] in the row struct), which h5py,
// pandas and h5dump all read as text.
enum class FieldType : std::uint8_t { u8, u16, u32, u64, i32, i64, f32, f64, text };

// One column of a row struct.
struct Field {
  std::string name;
  std::size_t offset = 0;
  FieldType type = FieldType::f64;
  std::size_t text_size = 0;  // bytes, for FieldType::text
};

// The bytes a field takes in its row struct.
[[nodiscard]] std::size_t field_bytes(const Field& field);

class File {
 public:
  // Creates (truncating) or opens a file; throws Error naming the path.
  static File create(const std::string& path);
  static File open(const std::string& path, bool writable);

  [[nodiscard]] hid_t id() const { return file_.get(); }
  [[nodiscard]] const std::string& path() const { return path_; }
  // Writes everything buffered to disk.
  void flush();
  // Closes, throwing Error if HDF5 could not finish writing.
  void close();

 private:
  File(std::string path, Handle file) : path_(std::move(path)), file_(std::move(file)) {}
  std::string path_;
  Handle file_;
};

// Creates a group under `parent`; throws Error.
Handle create_group(const File& file, hid_t parent, const std::string& name);

// Attributes on a file, group or dataset: UTF-8 strings and 64-bit numbers.
void write_attribute(const File& file, hid_t object, const std::string& name,
                     std::string_view value);
void write_attribute(const File& file, hid_t object, const std::string& name, std::int64_t value);
void write_attribute(const File& file, hid_t object, const std::string& name, double value);
void write_attribute(const File& file, hid_t object, const std::string& name, std::uint64_t value);
[[nodiscard]] std::string read_string_attribute(const File& file, hid_t object,
                                                const std::string& name);
[[nodiscard]] std::int64_t read_int_attribute(const File& file, hid_t object,
                                              const std::string& name);
[[nodiscard]] std::uint64_t read_uint_attribute(const File& file, hid_t object,
                                                const std::string& name);
[[nodiscard]] double read_double_attribute(const File& file, hid_t object, const std::string& name);
[[nodiscard]] bool has_attribute(hid_t object, const std::string& name);
// Whether `path` (e.g. "states/run_0") names a link in the file.
[[nodiscard]] bool exists(const File& file, const std::string& path);

// An extendible table of rows of `row_size` bytes described by `fields`.
class Table {
 public:
  // Creates the dataset `name` under `parent`, empty, in chunks of
  // `chunk_rows` rows, shuffled and deflated at `deflate_level` (1-9; 0:
  // no filter).
  Table(const File& file, hid_t parent, const std::string& name, std::size_t row_size,
        const std::vector<Field>& fields, std::size_t chunk_rows = 4096, int deflate_level = 4);

  // Appends `count` rows laid out as the row struct (count × row_size bytes).
  void append(const void* rows, std::size_t count);
  [[nodiscard]] std::uint64_t size() const { return rows_; }
  [[nodiscard]] hid_t id() const { return dataset_.get(); }

 private:
  std::string path_;
  Handle memory_type_;
  Handle dataset_;
  std::uint64_t rows_ = 0;
};

// An extendible two-dimensional dataset of numbers, [rows × columns],
// growing by whole rows: chunked (chunk_rows × columns), shuffled and
// deflated at `deflate_level` (1-9; 0: no filter).
class Matrix {
 public:
  Matrix(const File& file, hid_t parent, const std::string& name, FieldType element,
         std::size_t columns, std::size_t chunk_rows = 256, int deflate_level = 4);

  // Appends `count` rows of `columns` elements each, row after row.
  void append(const void* rows, std::size_t count);
  [[nodiscard]] std::uint64_t rows() const { return rows_; }
  [[nodiscard]] hid_t id() const { return dataset_.get(); }

 private:
  std::string path_;
  FieldType element_;
  std::size_t columns_;
  Handle dataset_;
  std::uint64_t rows_ = 0;
};

// The number of rows of a one- or two-dimensional dataset; throws Error if
// there is no such dataset.
[[nodiscard]] std::uint64_t dataset_rows(const File& file, const std::string& dataset);

// Reads rows [begin, begin + count) of a table of rows of `row_size` bytes
// whose fields match `fields` (by name; HDF5 converts types).
[[nodiscard]] std::vector<std::byte> read_table_rows(const File& file, const std::string& dataset,
                                                     std::size_t row_size,
                                                     const std::vector<Field>& fields,
                                                     std::uint64_t begin, std::uint64_t count);
// Reads a whole table, for readers and tests.
[[nodiscard]] std::vector<std::byte> read_table(const File& file, const std::string& dataset,
                                                std::size_t row_size,
                                                const std::vector<Field>& fields);
// Reads one float64 or uint32 column of a table.
[[nodiscard]] std::vector<double> read_f64_column(const File& file, const std::string& dataset,
                                                  const std::string& column);
[[nodiscard]] std::vector<std::uint32_t> read_u32_column(const File& file,
                                                         const std::string& dataset,
                                                         const std::string& column);
// Reads one text column of a table, whatever its stored size.
[[nodiscard]] std::vector<std::string> read_text_column(const File& file,
                                                        const std::string& dataset,
                                                        const std::string& column);
// Reads rows [begin, begin + count) of a Matrix as `element` values
// (count × columns of them, row after row); `columns` must match.
[[nodiscard]] std::vector<std::byte> read_matrix_rows(const File& file, const std::string& dataset,
                                                      FieldType element, std::size_t columns,
                                                      std::uint64_t begin, std::uint64_t count);

}  // namespace hotline::trace::hdf5
