# (-Wnull-dereference is left out: GCC 12 reports false positives from inside
# libstdc++ when CLI11 is inlined.)
# Warnings are set per target (never globally) so that third-party headers,
# included as system headers, stay quiet and our own code stays strict.
function(hotline_set_warnings target)
  target_compile_options(${target} PRIVATE
    -Wall -Wextra -Wpedantic -Wshadow -Wconversion -Wsign-conversion
    -Wold-style-cast -Wnon-virtual-dtor -Woverloaded-virtual -Wcast-align
    -Wdouble-promotion -Wformat=2 -Wimplicit-fallthrough)
  if(HOTLINE_WARNINGS_AS_ERRORS)
    target_compile_options(${target} PRIVATE -Werror)
  endif()
endfunction()
