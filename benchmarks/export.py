"""Time to export a fully answered dossier against reportlab alone building a plain document with
the same page count and a table of contents (multiBuild), in the same run; prints the ratio."""

from __future__ import annotations

import statistics
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from app.dossier.export import export_dossier  # noqa: E402
from forms.loader import default_pack  # noqa: E402
from tests.dossier.sample import full_draft  # noqa: E402


def plain(pages: int, out: Path) -> None:
    from reportlab.lib.styles import getSampleStyleSheet
    from reportlab.platypus import PageBreak, Paragraph, SimpleDocTemplate
    from reportlab.platypus.tableofcontents import TableOfContents

    styles = getSampleStyleSheet()

    class Doc(SimpleDocTemplate):
        def afterFlowable(self, flowable):
            if getattr(flowable, "style", None) is styles["Heading1"]:
                self.notify("TOCEntry", (0, flowable.getPlainText(), self.page))

    story = [TableOfContents(), PageBreak()]
    for page in range(pages - 1):
        story.append(Paragraph(f"Section {page}", styles["Heading1"]))
        story += [Paragraph("Plain text of a plain document. " * 12, styles["BodyText"]) for _ in range(9)]
        story.append(PageBreak())
    Doc(str(out), invariant=1).multiBuild(story)


def best(run, repeat: int = 3) -> float:
    times = []
    for _ in range(repeat):
        start = time.perf_counter()
        run()
        times.append(time.perf_counter() - start)
    return statistics.median(times)


def main() -> None:
    from pypdf import PdfReader

    pack = default_pack()
    draft = full_draft(pack)
    with tempfile.TemporaryDirectory() as folder:
        dossier, reference = Path(folder) / "dossier.pdf", Path(folder) / "plain.pdf"
        export_dossier(draft, pack, dossier)  # warm-up: fonts, imports
        pages = len(PdfReader(str(dossier)).pages)
        plain(pages, reference)
        ours = best(lambda: export_dossier(draft, pack, dossier))
        theirs = best(lambda: plain(pages, reference))
    print(f"dossier export ({pages} pages): {ours:.2f} s")
    print(f"reportlab, plain document with {pages} pages and a TOC: {theirs:.2f} s")
    print(f"ratio: {ours / theirs:.2f} (target <= 1.5)")


if __name__ == "__main__":
    main()
