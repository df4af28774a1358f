"""Finding the message ids the code uses, with the placeholders it fills in, by reading its source.

What counts as a use:
- `tr("id", a=..)` and `ntr("id", count, a=..)` (also as `catalogue.tr`),
- `lazy("id")` assigned to a name, and that name's `.format(a=..)`,
- `NAME["key"]` where `NAME = table("prefix")` in this module or in the module it was imported
  from, with the keys of a conditional (`NAME["a" if x else "b"]`) and the fields of a
  `.format(..)` right after it.
A key computed at run time cannot be read here; the strict mode of the tests catches those.
Used by the catalogue's tests (every id exists, every placeholder fits) and by `dev.py catalogue`.
"""

from __future__ import annotations

import ast
from dataclasses import dataclass, field
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
PRODUCT = ("main.py", "app", "forms", "risk_tiers", "catalogue", "release")


@dataclass
class Use:
    """One place the code names a message."""

    msg_id: str
    file: Path  # relative to the root read
    line: int
    fields: set[str] | None = None  # the placeholders filled in there; None: not known (not formatted there, or **kwargs)
    plural: bool = False
    prefix: bool = False  # `table["key"]` may name a table of messages under the id, not one message


@dataclass
class _Module:
    name: str
    path: Path
    tree: ast.Module
    tables: dict[str, str] = field(default_factory=dict)  # name -> prefix
    lazies: dict[str, str] = field(default_factory=dict)  # name -> id


def product_files(root: Path = ROOT) -> list[Path]:
    files = []
    for part in PRODUCT:
        path = root / part
        files += [path] if path.is_file() else sorted(path.rglob("*.py"))
    return files


def uses(root: Path = ROOT) -> list[Use]:
    modules = {}
    for path in product_files(root):
        name = ".".join(path.relative_to(root).with_suffix("").parts).removesuffix(".__init__")
        modules[name] = _Module(name, path.relative_to(root), ast.parse(path.read_text(encoding="utf-8"), str(path)))
    for module in modules.values():
        _collect_names(module)
    found: list[Use] = []
    for module in modules.values():
        found += _Reader(module, modules).read()
    return found


def _call_name(node: ast.AST) -> str | None:
    if isinstance(node, ast.Call):
        func = node.func
        if isinstance(func, ast.Name):
            return func.id
        if isinstance(func, ast.Attribute):
            return func.attr
    return None


def _literal(node: ast.AST | None) -> str | None:
    return node.value if isinstance(node, ast.Constant) and isinstance(node.value, str) else None


def _collect_names(module: _Module) -> None:
    for node in module.tree.body:
        if not isinstance(node, (ast.Assign, ast.AnnAssign)) or node.value is None:
            continue
        targets = node.targets if isinstance(node, ast.Assign) else [node.target]
        call = node.value if isinstance(node.value, ast.Call) and node.value.args else None
        kind, arg = _call_name(node.value), _literal(call.args[0]) if call else None
        for target in targets:
            if isinstance(target, ast.Name) and arg is not None:
                if kind == "table":
                    module.tables[target.id] = arg
                elif kind == "lazy":
                    module.lazies[target.id] = arg


class _Reader(ast.NodeVisitor):
    def __init__(self, module: _Module, modules: dict[str, _Module]) -> None:
        self.module, self.modules = module, modules
        self.tables, self.lazies = dict(module.tables), dict(module.lazies)
        self.module_aliases: dict[str, _Module] = {}
        self.found: list[Use] = []
        self.formatted: dict[int, set[str] | None] = {}  # id(node) -> fields of the .format() applied to it

    def read(self) -> list[Use]:
        for node in ast.walk(self.module.tree):
            if isinstance(node, ast.ImportFrom):
                self._imported(node)
        for node in ast.walk(self.module.tree):
            if _call_name(node) in ("format", "format_map") and isinstance(node.func, ast.Attribute):
                self.formatted[id(node.func.value)] = _keywords(node) if node.func.attr == "format" else None
        self.visit(self.module.tree)
        return self.found

    def _imported(self, node: ast.ImportFrom) -> None:
        source = self.modules.get(node.module or "")
        for alias in node.names:
            local = alias.asname or alias.name
            if source is not None and alias.name in source.tables:
                self.tables[local] = source.tables[alias.name]
            elif source is not None and alias.name in source.lazies:
                self.lazies[local] = source.lazies[alias.name]
            elif f"{node.module}.{alias.name}" in self.modules:
                self.module_aliases[local] = self.modules[f"{node.module}.{alias.name}"]

    def _use(self, msg_id: str, node: ast.AST, fields: set[str] | None, **kind) -> None:
        self.found.append(Use(msg_id, self.module.path, getattr(node, "lineno", 0), fields, **kind))

    def visit_Call(self, node: ast.Call) -> None:
        name = _call_name(node)
        first = _literal(node.args[0]) if node.args else None
        if name in ("tr", "ntr") and first is not None:
            self._use(first, node, _keywords(node), plural=name == "ntr")
        elif name in ("lazy", "table") and first is not None:  # defined here; its uses are checked where they are
            self._use(first, node, None, prefix=name == "table")
        self.generic_visit(node)

    def _table_of(self, node: ast.AST) -> str | None:
        if isinstance(node, ast.Name):
            return self.tables.get(node.id)
        if isinstance(node, ast.Attribute) and isinstance(node.value, ast.Name):
            module = self.module_aliases.get(node.value.id)
            return module.tables.get(node.attr) if module else None
        if isinstance(node, ast.Subscript):  # TEXT["yes_no"]["yes"]
            inner = self._table_of(node.value)
            key = _literal(node.slice)
            return f"{inner}.{key}" if inner and key else None
        return None

    def _lazy_of(self, node: ast.AST) -> str | None:
        if isinstance(node, ast.Name):
            return self.lazies.get(node.id)
        if isinstance(node, ast.Attribute) and isinstance(node.value, ast.Name):
            module = self.module_aliases.get(node.value.id)
            return module.lazies.get(node.attr) if module else None
        return None

    def visit_Subscript(self, node: ast.Subscript) -> None:
        prefix = self._table_of(node.value)
        if prefix is not None:
            keys = [node.slice.body, node.slice.orelse] if isinstance(node.slice, ast.IfExp) else [node.slice]
            for key in map(_literal, keys):
                if key is not None:
                    self._use(f"{prefix}.{key}", node, self.formatted.get(id(node)), prefix=id(node) not in self.formatted)
        self.generic_visit(node)

    def visit_Attribute(self, node: ast.Attribute) -> None:
        msg_id = self._lazy_of(node)
        if msg_id is not None:
            self._use(msg_id, node, self.formatted.get(id(node)))
        self.generic_visit(node)

    def visit_Name(self, node: ast.Name) -> None:
        msg_id = self.lazies.get(node.id) if isinstance(node.ctx, ast.Load) else None
        if msg_id is not None:
            self._use(msg_id, node, self.formatted.get(id(node)))


def _keywords(call: ast.Call) -> set[str] | None:
    if any(k.arg is None for k in call.keywords):  # **params: not known here
        return None
    return {k.arg for k in call.keywords if k.arg}
