#!/usr/bin/env python3
"""Checks the documentation of the library modules' public API.

Usage: python3 Bench/checks/public-docs.py  (from anywhere; exit 1 on any problem)

In Sources/PaperCatalog, Sources/PaperIndex and Sources/TextNormalization:

- every `public` or `open` declaration (func, var, let, init, subscript,
  type, typealias) must have a `///` doc comment directly above it, so the
  API reads in DocC and in Quick Help with a summary line; attributes such
  as `@inlinable` may stand between the comment and the declaration;
- `- Complexity:` must begin a `///` line (`/// - Complexity: O(n)`): DocC
  renders it as a callout only there, and silently as plain text elsewhere.
"""
import pathlib
import re
import sys

ROOT = pathlib.Path(__file__).resolve().parents[2]
MODULES = ["Sources/PaperCatalog", "Sources/PaperIndex", "Sources/TextNormalization"]

ATTRIBUTE = re.compile(r"@[\w.]+(\([^)]*\))?\s*")
# Modifiers (`public`, `static`, `private(set)`...) then the declaration's keyword.
DECLARATION = re.compile(
    r"((?:\w+(?:\(\w+\))?\s+)*?)"
    r"(func|var|let|init|subscript|struct|enum|class|actor|protocol|typealias)\b"
)
COMPLEXITY_RIGHT = re.compile(r"^\s*/// - Complexity:")


def strip_attributes(code):
    while match := ATTRIBUTE.match(code):
        code = code[match.end():]
    return code


def is_public_declaration(code):
    match = DECLARATION.match(strip_attributes(code))
    return bool(match) and bool({"public", "open"} & set(re.findall(r"\w+", match.group(1))))


def has_doc_comment(lines, index):
    """Whether a `///` line is above line `index`, past attribute-only lines."""
    index -= 1
    while index >= 0 and lines[index].strip().startswith("@") and not strip_attributes(lines[index].strip()):
        index -= 1
    return index >= 0 and lines[index].strip().startswith("///")


def problems(path):
    lines = path.read_text(encoding="utf-8").splitlines()
    name = path.relative_to(ROOT)
    for index, line in enumerate(lines):
        code = line.strip()
        if "- Complexity:" in line and not COMPLEXITY_RIGHT.match(line):
            yield f"{name}:{index + 1}: '- Complexity:' not at the start of a /// line: {code}"
        elif not code.startswith("//") and is_public_declaration(code) and not has_doc_comment(lines, index):
            yield f"{name}:{index + 1}: {code.rstrip('{').rstrip()}"


def main():
    found = [p for module in MODULES for path in sorted((ROOT / module).rglob("*.swift")) for p in problems(path)]
    for problem in found:
        print(problem)
    print(f"{len(found)} problem(s): public declarations without a /// summary, misplaced '- Complexity:'")
    return 1 if found else 0


if __name__ == "__main__":
    sys.exit(main())
