"""Whether the dossier draws a kit's SVG logo, and if not, the warning that says why: for `kit
check`, the command line's export and the wizard's. No reportlab here: only the SVG reader."""

from __future__ import annotations

from typing import NamedTuple

from app.dossier.svg_geometry import SvgProblem
from app.dossier.svg_reading import read_figure
from app.kits.kit import Kit
from catalogue import tr

WARNING_ID = "kit.warning.logo_not_drawn"


class LogoWarning(NamedTuple):
    problem: str  # the id of what stops the dossier drawing it (svg.problem.*)
    message: str


def logo_warning(kit: Kit | None) -> LogoWarning | None:
    """Why the dossier leaves the kit's SVG logo out, as a warning; None when it draws the logo."""
    if kit is None or kit.logo is None or kit.logo[0] != "svg" or kit.manifest.logo is None:
        return None
    try:
        read_figure(kit.logo[1])
    except SvgProblem as problem:
        return LogoWarning(problem.msg_id, tr("kit.warning.logo_not_drawn", where=kit.archive.where(kit.manifest.logo),
                                              problem=str(problem)))
    return None
