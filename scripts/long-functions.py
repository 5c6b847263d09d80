#!/usr/bin/env python3
"""Lists the functions of the C++ sources longer than a limit (80 lines)
that do not say why above them.

A function is a definition that starts at the left margin and ends at the
first line that is a lone closing brace at the left margin (the layout
clang-format gives this code). A long function is accepted when the
comment block right above it contains "Long:" followed by the reason.

Usage: long-functions.py [--limit N] DIR...   (exit 1 if any is found)
"""
import os
import re
import sys

SKIP_PREFIXES = ("//", "#", "}", "namespace", "using", "template", "struct", "class", "enum",
                 "static_assert", "extern", "inline constexpr", "constexpr")


def functions(path):
    lines = open(path, encoding="utf-8").read().split("\n")
    found = []
    i = 0
    while i < len(lines):
        line = lines[i]
        starts = (line and not line[0].isspace() and not line.startswith(SKIP_PREFIXES)
                  and "(" in " ".join(lines[i:i + 2]))
        if not starts:
            i += 1
            continue
        j = i
        while j < len(lines) and j < i + 12 and not lines[j].rstrip().endswith(("{", ";")):
            j += 1
        if j >= len(lines) or not lines[j].rstrip().endswith("{"):
            i += 1
            continue
        k = j + 1
        while k < len(lines) and lines[k] != "}":
            k += 1
        comment = []
        c = i - 1
        while c >= 0 and lines[c].startswith("//"):
            comment.insert(0, lines[c])
            c -= 1
        name = re.sub(r"\s+", " ", " ".join(x.strip() for x in lines[i:j + 1]))
        found.append((k - i + 1, path, i + 1, name, "\n".join(comment)))
        i = k + 1
    return found


def main(argv):
    limit = 80
    if len(argv) > 2 and argv[1] == "--limit":
        limit = int(argv[2])
        argv = argv[2:]
    long_ones = []
    for root in argv[1:]:
        for directory, _, names in os.walk(root):
            for name in sorted(names):
                if name.endswith(".cpp"):
                    for f in functions(os.path.join(directory, name)):
                        if f[0] > limit and "Long:" not in f[4]:
                            long_ones.append(f)
    for lines, path, line, name, _ in sorted(long_ones, reverse=True):
        print(f"{path}:{line}: {lines} lines without a reason above (// Long: ...): {name[:90]}")
    return 1 if long_ones else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
