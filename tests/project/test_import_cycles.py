"""No import cycles between our modules.

Every import counts, also one inside a function: moving an import into a function is the
usual way to hide a cycle, and the two modules still cannot be understood or tested one
without the other. Imports under `if TYPE_CHECKING:` do not count: they never run.

A cycle is reported as the group of modules that reach each other (a strongly connected
component of the import graph) with the import lines that tie them together. Run this
file with pytest's `-s` to print every cycle found.
"""

from collections import deque

import grimp

from tests.project.ours import our_top_level_packages

# Cycles still open while the restructuring of issue 15 lands; each group of modules that
# import each other, by name. This list only shrinks: a group that is gone must be removed
# from it, and a cycle not listed here fails.
OPEN_CYCLES: list[frozenset[str]] = []


def import_graph() -> grimp.ImportGraph:
    return grimp.build_graph(
        *our_top_level_packages(), exclude_type_checking_imports=True, cache_dir=None
    )


def cycles(graph: grimp.ImportGraph) -> list[list[str]]:
    """The groups of two or more modules that import each other, directly or not
    (Tarjan's strongly connected components, iteratively), each sorted, sorted."""
    ours = graph.modules
    edges = {
        module: sorted(graph.find_modules_directly_imported_by(module) & ours) for module in ours
    }
    index: dict[str, int] = {}
    low: dict[str, int] = {}
    stack: list[str] = []
    on_stack: set[str] = set()
    groups = []
    for start in sorted(ours):
        if start in index:
            continue
        work = [(start, 0)]
        while work:
            module, position = work.pop()
            if position == 0:
                index[module] = low[module] = len(index)
                stack.append(module)
                on_stack.add(module)
            if position < len(edges[module]):
                work.append((module, position + 1))
                target = edges[module][position]
                if target not in index:
                    work.append((target, 0))
                elif target in on_stack:
                    low[module] = min(low[module], index[target])
                continue
            if low[module] == index[module]:
                group = []
                while True:
                    member = stack.pop()
                    on_stack.discard(member)
                    group.append(member)
                    if member == module:
                        break
                if len(group) > 1:
                    groups.append(sorted(group))
            if work:
                parent = work[-1][0]
                low[parent] = min(low[parent], low[module])
    return sorted(groups)


def shortest_cycle(graph: grimp.ImportGraph, group: list[str]) -> list[str]:
    """One way round the group: from its first module back to it, by breadth first."""
    members = set(group)
    start = group[0]
    came_from: dict[str, str] = {}
    queue = deque([start])
    while queue:
        module = queue.popleft()
        for target in sorted(graph.find_modules_directly_imported_by(module) & members):
            if target == start:
                path = [module]
                while path[-1] != start:
                    path.append(came_from[path[-1]])
                return [*reversed(path), start]
            if target not in came_from:
                came_from[target] = module
                queue.append(target)
    return group


def describe(graph: grimp.ImportGraph, group: list[str]) -> str:
    path = shortest_cycle(graph, group)
    lines = [f"{len(group)} modules: " + " -> ".join(path)]
    for importer, imported in zip(path, path[1:], strict=False):
        for detail in graph.get_import_details(importer=importer, imported=imported):
            lines.append(f"    {importer} line {detail['line_number']}: {detail['line_contents']}")
    return "\n".join(lines)


def report(graph: grimp.ImportGraph, groups: list[list[str]]) -> str:
    return "\n".join(describe(graph, group) for group in groups) or "no import cycles"


def test_no_import_cycles_between_our_modules_except_the_listed_open_ones():
    graph = import_graph()
    groups = cycles(graph)
    print(report(graph, groups))

    new = [group for group in groups if not any(set(group) <= open_ for open_ in OPEN_CYCLES)]
    assert not new, "import cycles (break them; do not list them):\n" + report(graph, new)


def test_the_list_of_open_cycles_names_only_cycles_that_still_exist():
    groups = cycles(import_graph())

    gone = [open_ for open_ in OPEN_CYCLES if not any(set(group) & open_ for group in groups)]
    assert not gone, f"cycles gone, remove them from OPEN_CYCLES: {[sorted(g) for g in gone]}"


def test_the_cycle_finder_finds_a_cycle_through_three_modules():
    graph = grimp.ImportGraph()
    for importer, imported in [("a.x", "a.y"), ("a.y", "a.z"), ("a.z", "a.x"), ("a.z", "a.w")]:
        graph.add_import(importer=importer, imported=imported)

    assert cycles(graph) == [["a.x", "a.y", "a.z"]]
    assert shortest_cycle(graph, ["a.x", "a.y", "a.z"]) == ["a.x", "a.y", "a.z", "a.x"]
