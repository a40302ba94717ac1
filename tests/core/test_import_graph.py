"""The modules of src/rathaus import each other without cycles, and at module level.

The graph is built statically from the source (ast), so that an import hidden inside a function
still counts as an edge: such imports are what kept the old cycles invisible. Imports under
`if TYPE_CHECKING:` are not edges (they never run). A project import inside a function is allowed
only in `AppConfig.ready()` and in the places listed in `INSIDE_FUNCTIONS` (docs/adr/0301).
"""

import ast
from dataclasses import dataclass
from pathlib import Path

from rathaus.core.taskruntime import background_task

SRC = Path(__file__).resolve().parents[2] / "src"
ROOT_PACKAGE = "rathaus"

# (module, function) -> why the import cannot move to module level. Keep docs/adr/0301 in step.
INSIDE_FUNCTIONS: dict[tuple[str, str], str] = {}


@dataclass(frozen=True)
class Import:
    source: str
    target: str
    line: int
    function: str | None  # qualified name of the enclosing function, None at module level


def module_name(path: Path) -> str:
    parts = list(path.relative_to(SRC).with_suffix("").parts)
    if parts[-1] == "__init__":
        parts.pop()
    return ".".join(parts)


def project_modules() -> dict[str, Path]:
    return {module_name(path): path for path in sorted((SRC / ROOT_PACKAGE).rglob("*.py"))}


def is_type_checking(node: ast.If) -> bool:
    test = node.test
    return (isinstance(test, ast.Name) and test.id == "TYPE_CHECKING") or (
        isinstance(test, ast.Attribute) and test.attr == "TYPE_CHECKING"
    )


def resolve(node: ast.ImportFrom, source: str, is_package: bool) -> str:
    if not node.level:
        return node.module or ""
    base = source.split(".")
    base = base[: len(base) - node.level + (1 if is_package else 0)]
    return ".".join([*base, node.module] if node.module else base)


def imports_of(source: str, path: Path, modules: dict[str, Path]) -> list[Import]:
    found: list[Import] = []
    is_package = path.name == "__init__.py"

    def targets(node: ast.Import | ast.ImportFrom) -> list[str]:
        if isinstance(node, ast.Import):
            return [alias.name for alias in node.names]
        base = resolve(node, source, is_package)
        names = []
        for alias in node.names:
            child = f"{base}.{alias.name}"
            names.append(child if child in modules else base)
        return names

    def visit(node: ast.AST, function: str | None, scope: str) -> None:
        for child in ast.iter_child_nodes(node):
            if isinstance(child, ast.If) and is_type_checking(child):
                for other in child.orelse:
                    visit(other, function, scope)
                continue
            if isinstance(child, ast.Import | ast.ImportFrom):
                for target in targets(child):
                    if target == ROOT_PACKAGE or target.startswith(ROOT_PACKAGE + "."):
                        found.append(Import(source, target, child.lineno, function))
                continue
            if isinstance(child, ast.FunctionDef | ast.AsyncFunctionDef):
                name = f"{scope}.{child.name}" if scope else child.name
                visit(child, name, name)
            elif isinstance(child, ast.ClassDef):
                name = f"{scope}.{child.name}" if scope else child.name
                visit(child, function, name)
            else:
                visit(child, function, scope)

    visit(ast.parse(path.read_text(), filename=str(path)), None, "")
    return found


def all_imports() -> list[Import]:
    modules = project_modules()
    return [found for name, path in modules.items() for found in imports_of(name, path, modules)]


def strongly_connected(graph: dict[str, set[str]]) -> list[list[str]]:
    """Tarjan's algorithm, iterative; returns the components with more than one module."""
    index: dict[str, int] = {}
    low: dict[str, int] = {}
    stack: list[str] = []
    on_stack: set[str] = set()
    components: list[list[str]] = []
    counter = 0
    for start in sorted(graph):
        if start in index:
            continue
        work = [(start, iter(sorted(graph[start])))]
        index[start] = low[start] = counter
        counter += 1
        stack.append(start)
        on_stack.add(start)
        while work:
            node, children = work[-1]
            child = next(children, None)
            if child is not None:
                if child not in index:
                    index[child] = low[child] = counter
                    counter += 1
                    stack.append(child)
                    on_stack.add(child)
                    work.append((child, iter(sorted(graph.get(child, ())))))
                elif child in on_stack:
                    low[node] = min(low[node], index[child])
                continue
            work.pop()
            if work:
                low[work[-1][0]] = min(low[work[-1][0]], low[node])
            if low[node] == index[node]:
                component = []
                while True:
                    member = stack.pop()
                    on_stack.discard(member)
                    component.append(member)
                    if member == node:
                        break
                if len(component) > 1 or node in graph.get(node, ()):
                    components.append(sorted(component))
    return components


def one_cycle(graph: dict[str, set[str]], component: list[str]) -> list[str]:
    """A shortest cycle through the component's first module, for the failure message."""
    members = set(component)
    start = component[0]
    paths = {start: [start]}
    queue = [start]
    while queue:
        node = queue.pop(0)
        for child in sorted(graph.get(node, ())):
            if child == start:
                return [*paths[node], start]
            if child in members and child not in paths:
                paths[child] = [*paths[node], child]
                queue.append(child)
    return component


def test_the_graph_sees_imports_inside_functions(tmp_path):
    modules = {"rathaus.a": tmp_path / "a.py", "rathaus.b": tmp_path / "b.py"}
    modules["rathaus.a"].write_text(
        "from typing import TYPE_CHECKING\n"
        "if TYPE_CHECKING:\n    from rathaus import c\n"
        "def f():\n    from rathaus import b\n"
    )

    found = imports_of("rathaus.a", modules["rathaus.a"], modules)

    assert found == [Import("rathaus.a", "rathaus.b", 5, "f")]


def test_a_cycle_is_found_and_shown():
    graph = {"a": {"b"}, "b": {"c"}, "c": {"a"}, "d": {"a"}}

    components = strongly_connected(graph)

    assert components == [["a", "b", "c"]]
    assert one_cycle(graph, components[0]) == ["a", "b", "c", "a"]


def test_no_import_cycles_between_modules():
    graph: dict[str, set[str]] = {name: set() for name in project_modules()}
    lines: dict[tuple[str, str], int] = {}
    for found in all_imports():
        if found.target in graph and found.target != found.source:
            graph[found.source].add(found.target)
            lines.setdefault((found.source, found.target), found.line)

    cycles = [one_cycle(graph, component) for component in strongly_connected(graph)]

    shown = [
        " -> ".join(
            f"{module}:{lines[(module, cycle[i + 1])]}" if i + 1 < len(cycle) else module
            for i, module in enumerate(cycle)
        )
        for cycle in cycles
    ]
    assert shown == [], "import cycles (module:line of the import):\n" + "\n".join(shown)


def test_no_project_imports_inside_functions_except_where_the_adr_says_why():
    inside = {
        (found.source, found.function): found.line
        for found in all_imports()
        if found.function is not None
        and not (found.source.endswith(".apps") and found.function.endswith(".ready"))
    }

    unexplained = sorted(
        f"{source}:{line} in {function}()"
        for (source, function), line in inside.items()
        if (source, function) not in INSIDE_FUNCTIONS
    )
    stale = sorted(f"{source} {function}" for source, function in INSIDE_FUNCTIONS.keys() - inside)
    assert unexplained == [], "move these imports to module level:\n" + "\n".join(unexplained)
    assert stale == [], "no longer imports inside the function, drop from INSIDE_FUNCTIONS"


def layer(module: str) -> str | None:
    """`services`, `selectors` or `tasks` when the module is one of those of an app."""
    parts = module.split(".")
    for name in ("services", "selectors", "tasks"):
        if name in parts[2:]:
            return name
    return None


def test_services_never_import_tasks_and_selectors_never_import_services():
    wrong = sorted(
        f"{found.source}:{found.line} imports {found.target}"
        for found in all_imports()
        if (layer(found.source), layer(found.target))
        in {("services", "tasks"), ("selectors", "services")}
    )

    assert wrong == [], "tasks call services, services call selectors:\n" + "\n".join(wrong)


def enqueued_names() -> set[str]:
    names = set()
    for path in project_modules().values():
        for node in ast.walk(ast.parse(path.read_text())):
            if (
                isinstance(node, ast.Call)
                and getattr(node.func, "id", None) == "enqueue_after_commit"
                and node.args
                and isinstance(node.args[0], ast.Constant)
            ):
                names.add(node.args[0].value)
    return names


def test_every_task_a_service_enqueues_by_name_is_registered():
    names = enqueued_names()

    assert "dogtax.assessment" in names
    for name in sorted(names):
        assert background_task(name).name, name


QUERYSET_WRITES = {"create", "get_or_create", "update_or_create", "bulk_create", "bulk_update"}
QUERYSET_WRITES |= {"update", "delete"}


def receiver_names(node: ast.expr) -> set[str]:
    """The attribute and function names along a call chain (`Dog.objects.filter(…).update`)."""
    names = set()
    while True:
        if isinstance(node, ast.Call):
            node = node.func
        elif isinstance(node, ast.Attribute):
            names.add(node.attr)
            node = node.value
        else:
            return names


def writes_in(path: Path) -> list[int]:
    """Lines that write through the ORM: `.save()`, or a queryset write (`X.objects….create()`)."""
    lines = []
    for node in ast.walk(ast.parse(path.read_text())):
        if not (isinstance(node, ast.Call) and isinstance(node.func, ast.Attribute)):
            continue
        chain = receiver_names(node.func.value)
        queryset = "objects" in chain or chain & {"filter", "exclude", "all"}
        if node.func.attr == "save" or (node.func.attr in QUERYSET_WRITES and queryset):
            lines.append(node.lineno)
    return lines


def test_selectors_never_write():
    writing = sorted(
        f"{name}:{line}"
        for name, path in project_modules().items()
        if layer(name) == "selectors"
        for line in writes_in(path)
    )

    assert writing == [], "a selector writes; move the write to a service:\n" + "\n".join(writing)


def test_the_write_finder_sees_orm_writes_and_not_dict_updates(tmp_path):
    path = tmp_path / "selectors.py"
    path.write_text(
        "def f(row, values):\n"
        "    values.update(a=1)\n"
        "    Dog.objects.filter(pk=1).update(name='x')\n"
        "    Statute.objects.get_or_create(pk=1)\n"
        "    row.save()\n"
    )

    assert writes_in(path) == [3, 4, 5]
