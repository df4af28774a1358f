"""An authority's SVG logo on the dossier's cover and every page's header, drawn as vector shapes
by our own reader; a logo it does not draw (or a hostile one) is left out with a warning naming
why, and never stops the dossier."""

from __future__ import annotations

import json
import subprocess
from pathlib import Path

import pytest
from PIL import Image
from pypdf import PdfReader
from pypdf.generic import ContentStream
from reportlab.lib.pagesizes import A4
from reportlab.lib.units import mm

from app.commands.main import main
from app.dossier.authority import Branding
from app.dossier.export import build_dossier
from app.dossier.logo import LogoStamp, logo_flowable
from app.kits.build import build_kit
from app.kits.kit import kit_of
from app.storage.drafts import load_draft
from tests.kits.kitmaker import MANIFEST, entries, write_kit

ROOT = Path(__file__).resolve().parents[2]
KIT_FOLDER = ROOT / "tests" / "data" / "kits" / "svg_logo"
EXAMPLE = ROOT / "resources" / "examples" / "cv_screening.json"
BLUE, GOLD = (0x17 / 255, 0x40 / 255, 0x6D / 255), (0xF2 / 255, 0xB5 / 255, 0x30 / 255)  # the test logo's colours


@pytest.fixture(scope="module")
def svg_kit():
    return kit_of(build_kit(KIT_FOLDER))


@pytest.fixture(scope="module")
def dossier(svg_kit, tmp_path_factory) -> Path:
    path = tmp_path_factory.mktemp("svg-logo") / "dossier.pdf"
    path.write_bytes(build_dossier(load_draft(EXAMPLE), svg_kit.pack, kit=svg_kit))
    return path


def _compose(first: tuple, then: tuple) -> tuple:
    a, b, c, d, e, f = first
    A, B, C, D, E, F = then
    return (A * a + C * b, B * a + D * b, A * c + C * d, B * c + D * d, A * e + C * f + E, B * e + D * f + F)


def painted_box(page, reader, colour: tuple[float, float, float]) -> tuple[float, float, float, float] | None:
    """The box (left, bottom, right, top, in points on the page) of every path point drawn while
    `colour` is the fill colour: the page's content stream read operator by operator, and the
    forms it shows (`Do`) with their matrices."""
    points: list[tuple[float, float]] = []
    _paint_points(page.get_contents(), page["/Resources"], reader, (1.0, 0.0, 0.0, 1.0, 0.0, 0.0),
                  tuple(round(v, 3) for v in colour), points)
    if not points:
        return None
    xs, ys = [p[0] for p in points], [p[1] for p in points]
    return min(xs), min(ys), max(xs), max(ys)


def _paint_points(content, resources, reader, ctm: tuple, wanted: tuple, points: list) -> None:
    fill, stack = None, []
    for operands, operator in ContentStream(content, reader).operations:
        if operator == b"q":
            stack.append((ctm, fill))
        elif operator == b"Q":
            ctm, fill = stack.pop()
        elif operator == b"cm":
            ctm = _compose(tuple(float(v) for v in operands), ctm)
        elif operator == b"rg":
            fill = tuple(round(float(v), 3) for v in operands)
        elif operator == b"Do":
            form = resources["/XObject"][operands[0]].get_object()
            if form["/Subtype"] == "/Form":
                matrix = tuple(float(v) for v in form.get("/Matrix", (1, 0, 0, 1, 0, 0)))
                _paint_points(form, form.get("/Resources", resources), reader, _compose(matrix, ctm), wanted, points)
        elif operator in (b"m", b"l", b"c") and fill == wanted:
            values = [float(v) for v in operands]
            a, b, c, d, e, f = ctm
            points += [(a * x + c * y + e, b * x + d * y + f) for x, y in zip(values[::2], values[1::2])]


def test_the_cover_draws_the_svg_logo_as_vector_shapes_in_its_box(dossier):
    reader = PdfReader(dossier)
    cover = reader.pages[0]
    left, bottom, right, top = painted_box(cover, reader, BLUE)
    # The rounded square fills the 18 mm box's width (116 of the viewBox's 120) and keeps its
    # proportions (96 high of 100): nothing stretched.
    assert right - left == pytest.approx(18 * mm * 116 / 120, abs=0.5)
    assert top - bottom == pytest.approx(18 * mm * 96 / 120, abs=0.5)
    assert 22 * mm - 1 <= left <= 30 * mm and A4[1] - 60 * mm <= bottom and top <= A4[1] - 15 * mm
    gold = painted_box(cover, reader, GOLD)
    assert gold is not None and left < gold[0] < gold[2] < right and bottom < gold[1] < gold[3] < top
    assert not cover["/Resources"].get("/XObject")  # shapes, not a picture


def test_every_page_after_the_cover_has_the_logo_in_its_header(dossier):
    reader = PdfReader(dossier)
    assert len(reader.pages) > 5
    for number, page in enumerate(reader.pages[1:], start=2):
        left, bottom, right, top = painted_box(page, reader, BLUE)
        # The header's 6 mm square at the left margin, 9 mm from the top of the page.
        box = (22 * mm, A4[1] - 14 * mm, 28 * mm, A4[1] - 8 * mm)
        assert box[0] - 0.5 <= left and right <= box[2] + 0.5, number
        assert box[1] - 0.5 <= bottom and top <= box[3] + 0.5, number
        assert right - left == pytest.approx(6 * mm * 116 / 120, abs=0.3), number
    # One form that every page shows: a detailed logo is written once, not once per page.
    forms = {page["/Resources"]["/XObject"].raw_get(name).idnum for page in reader.pages[1:]
             for name in page["/Resources"]["/XObject"]}
    assert len(forms) == 1
    form = reader.pages[1]["/Resources"]["/XObject"]["/FormXob.AuthorityLogo"].get_object()
    assert form["/Resources"]["/ExtGState"]  # the translucent part's opacity, which the form's own resources name


def test_the_cover_rendered_shows_the_logo_where_the_shapes_are(dossier, tmp_path):
    """What a person sees: the cover rendered by poppler has the logo's blue where the PDF draws it."""
    subprocess.run(["pdftoppm", "-png", "-r", "60", "-f", "1", "-l", "1", str(dossier), str(tmp_path / "cover")],
                   check=True)
    image = Image.open(next(tmp_path.glob("cover*.png"))).convert("RGB")
    scale = 60 / 72
    wanted = tuple(round(v * 255) for v in BLUE)
    blue = [(x, y) for x in range(image.width // 3) for y in range(image.height // 4)
            if all(abs(p - w) <= 12 for p, w in zip(image.getpixel((x, y)), wanted))]
    assert len(blue) > 300
    reader = PdfReader(dossier)
    left, bottom, right, top = painted_box(reader.pages[0], reader, BLUE)
    xs, ys = [p[0] for p in blue], [p[1] for p in blue]
    assert min(xs) == pytest.approx(left * scale, abs=3) and max(xs) == pytest.approx(right * scale, abs=3)
    assert min(ys) == pytest.approx((A4[1] - top) * scale, abs=3) and max(ys) == pytest.approx((A4[1] - bottom) * scale, abs=3)


def test_a_clipped_logo_shows_only_what_its_clip_lets_through(tmp_path):
    """A Figma-style logo: a square clipped to a circle. Rendered, the square's corner stays white."""
    from reportlab.graphics import renderPDF
    from reportlab.pdfgen import canvas

    from app.dossier.svg_drawing import logo_drawing

    svg = (b'<svg xmlns="http://www.w3.org/2000/svg" width="24" height="24" viewBox="0 0 24 24" fill="none">'
           b'<g clip-path="url(#clip0)"><rect width="24" height="24" fill="#17406d"/></g>'
           b'<defs><clipPath id="clip0"><circle cx="12" cy="12" r="12" fill="white"/></clipPath></defs></svg>')
    target = canvas.Canvas(str(tmp_path / "clip.pdf"), pagesize=(100, 100))
    renderPDF.draw(logo_drawing(svg, 100, 100), target, 0, 0)
    target.save()
    subprocess.run(["pdftoppm", "-png", "-r", "72", str(tmp_path / "clip.pdf"), str(tmp_path / "clip")], check=True)
    image = Image.open(next(tmp_path.glob("clip*.png"))).convert("RGB")
    blue = tuple(round(v * 255) for v in BLUE)
    assert all(abs(a - b) <= 12 for a, b in zip(image.getpixel((50, 50)), blue))
    assert image.getpixel((3, 3)) == image.getpixel((96, 96)) == (255, 255, 255)


def test_a_logo_the_dossier_does_not_draw_leaves_its_box_empty_and_never_stops_it():
    gradient = (b'<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 10 10"><defs><linearGradient id="g"/></defs>'
                b'<rect width="10" height="10" fill="url(#g)"/></svg>')
    branding = Branding("A", "S", "", "k 1", None, False, ("svg", gradient))
    assert logo_flowable(branding, 10) is None
    stamp = LogoStamp(branding, 10)
    assert not stamp.present


# --- what the command line says --------------------------------------------------------------

GRADIENT_LOGO = (b'<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 10 10"><defs><linearGradient id="g"/></defs>'
                 b'<rect width="10" height="10" fill="url(#g)"/></svg>')


def _kit_with_logo(folder: Path, logo: bytes) -> Path:
    return write_kit(folder, entries(kit__yaml=MANIFEST + "logo: logo.svg\n", logo__svg=logo))


def test_kit_check_warns_of_a_logo_the_dossier_leaves_out_and_passes_the_kit(tmp_path, capsys):
    path = _kit_with_logo(tmp_path, GRADIENT_LOGO)
    assert main(["kit", "check", str(path)]) == 0
    err = capsys.readouterr().err
    assert err.count("\n") == 1 and "test.sandboxkit/logo.svg" in err
    assert main(["kit", "check", str(path), "--json"]) == 0
    data = json.loads(capsys.readouterr().out)
    assert data["ok"] is True and [(w["id"], w["problem"]) for w in data["warnings"]] == [
        ("kit.warning.logo_not_drawn", "svg.problem.paint")]


def test_kit_check_has_no_warning_for_a_logo_the_dossier_draws(tmp_path, capsys):
    assert main(["kit", "check", str(_kit_with_logo(tmp_path, (KIT_FOLDER / "logo.svg").read_bytes())), "--json"]) == 0
    assert json.loads(capsys.readouterr().out)["warnings"] == []


def test_an_export_with_a_logo_left_out_says_so_and_writes_the_dossier(tmp_path, capsys):
    path = _kit_with_logo(tmp_path, GRADIENT_LOGO)
    out = tmp_path / "d.pdf"
    assert main(["--kit", str(path), "export", str(EXAMPLE), "-o", str(out)]) == 0
    err = capsys.readouterr().err
    assert "logo.svg" in err and err.count("\n") == 1
    reader = PdfReader(out)
    assert "Test Authority" in reader.pages[0].extract_text()
