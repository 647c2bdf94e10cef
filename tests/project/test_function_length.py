"""No function of ours is longer than 60 lines (migrations and demo data aside).

A long function is usually a read and a write, or several steps, in one: split it into
named parts. The functions that were over the limit when this check came in are listed
with their length; the list only shrinks (a listed function may not grow, and one that
is now short enough, or gone, must be removed from it). Run with pytest's `-s` to print
every long function.
"""

import ast
from pathlib import Path

from tests.project.ours import our_top_level_packages, source_dir

LIMIT = 60

# "module:qualified.name": lines, from the `def` line to the function's last line.
LONG_FUNCTIONS: dict[str, int] = {}


def is_demo_or_migration(path: Path) -> bool:
    return "migrations" in path.parts or path.name.startswith("demo")


def function_lengths(path: Path, module: str) -> dict[str, int]:
    tree = ast.parse(path.read_text(encoding="utf-8"), filename=str(path))
    lengths = {}

    def visit(node: ast.AST, prefix: str) -> None:
        for child in ast.iter_child_nodes(node):
            if isinstance(child, ast.FunctionDef | ast.AsyncFunctionDef):
                name = f"{prefix}{child.name}"
                lengths[f"{module}:{name}"] = child.end_lineno - child.lineno + 1
                visit(child, f"{name}.")
            elif isinstance(child, ast.ClassDef):
                visit(child, f"{prefix}{child.name}.")
            else:
                visit(child, prefix)

    visit(tree, "")
    return lengths


def our_function_lengths() -> dict[str, int]:
    lengths = {}
    for package in our_top_level_packages():
        package_dir = source_dir(package)
        for path in sorted(package_dir.rglob("*.py")):
            relative = path.relative_to(package_dir.parent)
            if is_demo_or_migration(relative):
                continue
            module = ".".join(relative.with_suffix("").parts).removesuffix(".__init__")
            lengths |= function_lengths(path, module)
    return lengths


def long_functions() -> dict[str, int]:
    return {name: n for name, n in our_function_lengths().items() if n > LIMIT}


def listing(functions: dict[str, int]) -> str:
    return "\n".join(f"    {n:4d}  {name}" for name, n in sorted(functions.items()))


def test_no_function_is_longer_than_60_lines_unless_listed_and_listed_ones_do_not_grow():
    found = long_functions()
    print(f"functions over {LIMIT} lines:\n{listing(found)}")

    too_long = {name: n for name, n in found.items() if n > LONG_FUNCTIONS.get(name, LIMIT)}
    assert not too_long, f"over {LIMIT} lines (or longer than listed):\n{listing(too_long)}"


def test_the_list_of_long_functions_names_only_functions_still_over_the_limit():
    found = long_functions()

    done = sorted(name for name in LONG_FUNCTIONS if name not in found)
    assert not done, f"now within {LIMIT} lines, remove from LONG_FUNCTIONS: {done}"


def test_a_method_and_a_nested_function_are_measured_by_their_qualified_name(tmp_path):
    source = tmp_path / "example.py"
    source.write_text(
        "class Page:\n    def context(self):\n        def inner():\n            pass\n"
        "        return 1\n"
    )

    assert function_lengths(source, "app.example") == {
        "app.example:Page.context": 4,
        "app.example:Page.context.inner": 2,
    }
