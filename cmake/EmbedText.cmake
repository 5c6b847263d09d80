# cmake -DINPUT=file -DOUTPUT=file.cpp -DNAMESPACE=ns -DFUNCTION=name -P EmbedText.cmake
# writes a C++ source whose function returns the input file's bytes as a
# std::string_view: data a binary needs wherever it runs (the built-in land),
# without a path into the source tree.
file(READ "${INPUT}" hex HEX)
string(LENGTH "${hex}" hex_length)
math(EXPR byte_count "${hex_length} / 2")
string(REGEX REPLACE "([0-9a-f][0-9a-f])" "'\\\\x\\1'," bytes "${hex}")
string(REGEX REPLACE "(('\\\\x[0-9a-f][0-9a-f]',){32})" "\\1\n" bytes "${bytes}")
file(WRITE "${OUTPUT}" "// Generated from ${INPUT} by cmake/EmbedText.cmake; do not edit.\n"
  "#include <string_view>\n\nnamespace ${NAMESPACE} {\n\nnamespace {\n"
  "constexpr char kBytes[${byte_count} + 1] = {\n${bytes}\n'\\0'};\n}  // namespace\n\n"
  "std::string_view ${FUNCTION}() {\n  return {kBytes, ${byte_count}};\n}\n\n}  // namespace ${NAMESPACE}\n")
