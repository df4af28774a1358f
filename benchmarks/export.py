"""Time to export a fully answered dossier against reportlab alone, in the same run, building a
plain document with the same page count, the same amount of text per page and a table of contents
(multiBuild, reportlab's own way to number the contents); prints the ratio (target <= 1.5).

Fair comparison: the plain document uses the same embedded TrueType fonts as the dossier
(DejaVu Sans, regular and bold), because the dossier must embed fonts to print any European
name; with reportlab's built-in Helvetica it would measure a document the dossier may not be.
The dossier's time is everything `export_dossier` does: classify the draft, build the content,
lay it out, attach the draft's JSON and write the file. Medians of 5 runs after a warm-up.

Run: python benchmarks/export.py [--profile]  (--profile prints the export's top functions)
"""

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

SENTENCE = "Plain text of a plain document, in the dossier's font. "


def plain(pages: int, characters_per_page: int, out: Path) -> None:
    from reportlab.lib.styles import ParagraphStyle
    from reportlab.platypus import PageBreak, Paragraph, SimpleDocTemplate
    from reportlab.platypus.tableofcontents import TableOfContents

    from reportlab.pdfbase import pdfmetrics
    from reportlab.pdfbase.ttfonts import TTFont

    from app.storage.paths import resource

    for name, file in (("PlainMain", "DejaVuSans.ttf"), ("PlainBold", "DejaVuSans-Bold.ttf")):
        if name not in pdfmetrics.getRegisteredFontNames():  # reportlab's own font objects, as they come
            pdfmetrics.registerFont(TTFont(name, str(resource("fonts", file))))
    heading = ParagraphStyle("h1", fontName="PlainBold", fontSize=15, leading=19, spaceAfter=8)
    body = ParagraphStyle("body", fontName="PlainMain", fontSize=9.5, leading=13, spaceAfter=3)
    toc = TableOfContents()
    toc.levelStyles = [ParagraphStyle("toc0", fontName="PlainMain", fontSize=10, leading=15)]

    class Document(SimpleDocTemplate):
        def afterFlowable(self, flowable):
            if getattr(flowable, "style", None) is heading:
                self.notify("TOCEntry", (0, flowable.getPlainText(), self.page))

    paragraph = SENTENCE * 4
    story = [toc, PageBreak()]
    for page in range(pages - 1):
        story.append(Paragraph(f"Section {page}", heading))
        story += [Paragraph(paragraph, body) for _ in range(max(1, characters_per_page // len(paragraph)))]
        story.append(PageBreak())
    Document(str(out), invariant=1).multiBuild(story)


def median_time(run, repeat: int = 5) -> float:
    times = []
    for _ in range(repeat):
        start = time.perf_counter()
        run()
        times.append(time.perf_counter() - start)
    return statistics.median(times)


def profile(run) -> None:
    import cProfile
    import pstats

    profiler = cProfile.Profile()
    profiler.runcall(run)
    pstats.Stats(profiler).sort_stats("cumulative").print_stats(30)


def main() -> None:
    from pypdf import PdfReader

    pack = default_pack()
    draft = full_draft(pack)
    with tempfile.TemporaryDirectory() as folder:
        dossier, reference = Path(folder) / "dossier.pdf", Path(folder) / "plain.pdf"
        export_dossier(draft, pack, dossier)  # warm-up: fonts, imports
        reader = PdfReader(str(dossier))
        pages = len(reader.pages)
        per_page = sum(len(page.extract_text()) for page in reader.pages) // pages
        plain(pages, per_page, reference)
        if "--profile" in sys.argv:
            profile(lambda: export_dossier(draft, pack, dossier))
        ours = median_time(lambda: export_dossier(draft, pack, dossier))
        theirs = median_time(lambda: plain(pages, per_page, reference))
        plain_pages = len(PdfReader(str(reference)).pages)
    print(f"dossier export ({pages} pages, {per_page} characters a page): {ours:.2f} s")
    print(f"reportlab, plain document with {plain_pages} pages, as much text and a TOC, same fonts: {theirs:.2f} s")
    print(f"ratio: {ours / theirs:.2f} (target <= 1.5)")


if __name__ == "__main__":
    main()
