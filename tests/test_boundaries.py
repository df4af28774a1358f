"""The shape of the code: the core and the command line run without Qt, the import contracts in
pyproject.toml hold, and no module imports itself round a circle."""

import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
PRODUCT = ("app", "catalogue", "forms", "risk_tiers")


def test_core_and_cli_import_no_qt():
    code = (
        "import sys, runpy\n"
        "from forms.loader import default_pack\n"
        "from risk_tiers.classify import classify\n"
        "from app.commands import main as cli\n"
        "from app.storage import drafts\n"
        "from app.results import report\n"
        "classify(default_pack(), {'system.offering': 'system'})\n"
        "cli.main(['questions', '--json'])\n"
        "bad = [m for m in sys.modules if m.startswith('PySide6') or m.startswith('shiboken')]\n"
        "assert not bad, bad\n"
    )
    result = subprocess.run([sys.executable, "-c", code], cwd=ROOT, capture_output=True, text=True)
    assert result.returncode == 0, result.stderr


def test_import_contracts_hold():
    lint = Path(sys.executable).with_name("lint-imports")
    result = subprocess.run([str(lint), "--no-cache"], cwd=ROOT, capture_output=True, text=True)
    assert result.returncode == 0, result.stdout + result.stderr


def circles(graph) -> list[list[str]]:
    """Each circle of imports in `graph` once, as the modules along it from its first by name."""
    found: dict[frozenset[str], list[str]] = {}
    for importer in sorted(graph.modules):
        for imported in sorted(graph.find_modules_directly_imported_by(importer)):
            back = [importer] if imported == importer else graph.find_shortest_chain(imported, importer)
            if back:
                circle = [importer, *back[:-1]] if imported != importer else [importer]
                found.setdefault(frozenset(circle), circle)
    return sorted(found.values())


def test_no_module_imports_itself_round_a_circle():
    # grimp reads every import statement, those inside functions too: an import put inside a
    # function to dodge a circle at start-up is still a circle here.
    import grimp

    graph = grimp.build_graph(*PRODUCT, cache_dir=None)
    assert circles(graph) == []


def test_a_circle_is_found():
    import grimp

    graph = grimp.build_graph(*PRODUCT, cache_dir=None)
    graph.add_import(importer="forms.schema", imported="forms.loader")  # the loader imports schema
    assert any({"forms.schema", "forms.loader"} <= set(circle) for circle in circles(graph))
