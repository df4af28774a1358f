"""Dossiers of every kind a reviewer receives, made for the tests: good ones, changed ones, older
ones, ones of other packs and versions, and files that are no dossier at all.

A "crafted" dossier is a real PDF laid out by the dossier's own layout with any bytes attached as
the draft and their true fingerprint printed, so a draft the application would never export (a
newer format, a pack version it lacks) still passes the fingerprint check, as a dossier from
another installation would.
"""

from __future__ import annotations

import datetime as dt
import json
import shutil
import uuid
import zlib
from pathlib import Path

from pypdf import PdfReader, PdfWriter
from pypdf.generic import NameObject

from app.dossier.attachment import fingerprint
from app.dossier.export import export_dossier
from app.storage.drafts import Answer, Draft, Lock
from forms.loader import load_pack

ROOT = Path(__file__).resolve().parents[2]
EXAMPLES = ROOT / "resources" / "examples"
ROBOT_LAW = ROOT / "tests" / "data" / "packs" / "robot_law"
WHEN = dt.datetime(2026, 10, 1, 12, 0, tzinfo=dt.timezone.utc)
# 2.1 (the pack as kept in tests/data): a heavy robot in public places needs a licence from 50 kg on.
HEAVY_PUBLIC_ROBOT = {"who.roles": ["maker"], "who.robot": "yes", "robot.weapon": "no", "robot.public": "yes",
                      "robot.heavy": 80, "robot.insured": "yes"}


def export_example(name: str, out: Path) -> Path:
    from app.storage.drafts import load_draft
    from forms.loader import default_pack

    export_dossier(load_draft(EXAMPLES / f"{name}.json"), default_pack(), out)
    return out


def sample_dossiers(folder: Path) -> dict[str, Path | bytes]:
    """The dossiers the reviewer's tests start from, made in `folder`: the CV-screening and chatbot
    examples, a dossier of another law's pack, the CV one signed under a test CA and self-signed,
    and the CA's certificate (PEM) to trust."""
    from app.dossier.signing import sign_dossier
    from tests.dossier.certificates import PASSPHRASE, make_certificates

    cv = export_example("cv_screening", folder / "cv.pdf")
    certificates = make_certificates(folder / "certificates")
    sign_dossier(cv, certificates.signer, PASSPHRASE, folder / "signed.pdf")
    sign_dossier(cv, certificates.self_signed, PASSPHRASE, folder / "self signed.pdf")
    return {"cv": cv, "chatbot": export_example("customer_chatbot", folder / "chatbot.pdf"),
            "robot": export_robot(folder / "robot.pdf")[0], "signed": folder / "signed.pdf",
            "self signed": folder / "self signed.pdf", "ca": certificates.ca_pem}


def robot_draft(pack, **changes) -> Draft:
    answers = {qid: Answer(value=value) for qid, value in {**HEAVY_PUBLIC_ROBOT, **changes}.items()}
    return Draft(id=uuid.UUID("0b0b0b0b-1111-4222-8333-444455556666"), lock=Lock.of(pack), applicant="Robo Works",
                 system_name="Carrier 80", created=WHEN, modified=WHEN, answers=answers)


def install_robot_law(packs_folder: Path, version: str = "2.1", threshold: int = 50) -> Path:
    """robot_law at `version` in the user's packs folder; the licence needed from `threshold` kg on."""
    folder = packs_folder / f"robot_law_{version.replace('.', '_')}"
    folder.mkdir(parents=True)
    text = (ROBOT_LAW / "pack.yaml").read_text(encoding="utf-8")
    text = text.replace('version: "2.1"', f'version: "{version}"').replace("gt: 50}", f"gt: {threshold}}}")
    (folder / "pack.yaml").write_text(text, encoding="utf-8")
    return folder


def export_robot(out: Path, version_folder: Path | None = None) -> tuple[Path, Draft]:
    pack = load_pack(version_folder or ROBOT_LAW)
    draft = robot_draft(pack)
    export_dossier(draft, pack, out)
    return out, draft


def crafted(out: Path, data: bytes, result: str = "", subject: str = "") -> Path:
    """A PDF laid out as a dossier, with `data` attached as the draft and its fingerprint printed."""
    from reportlab.platypus import Paragraph
    from reportlab.lib.styles import getSampleStyleSheet

    from app.dossier import layout

    layout.prepare()
    meta = {"title": "crafted", "author": "", "subject": subject, "keywords": "", "result": result}
    pdf = layout.render([Paragraph("A crafted dossier.", getSampleStyleSheet()["Normal"])], meta,
                        fingerprint(data), WHEN, data)
    out.write_bytes(pdf)
    return out


def draft_json(path: Path, **changes) -> bytes:
    """The example draft's JSON with top-level or lock fields changed."""
    data = json.loads(path.read_text(encoding="utf-8"))
    for key, value in changes.items():
        if key in ("pack", "kit"):
            data["lock"][key] = value
        else:
            data[key] = value
    return json.dumps(data, indent=2).encode("utf-8")


def attached(dossier: Path) -> bytes:
    return PdfReader(str(dossier)).attachments["draft.json"][0]


def metadata(dossier: Path) -> dict[str, str]:
    return {key: str(value) for key, value in (PdfReader(str(dossier)).metadata or {}).items()}


def with_metadata(source: Path, out: Path, **metadata: str | None) -> Path:
    """A copy of a dossier with metadata entries set (or removed, for None); the pages and the
    attachment are unchanged, so its fingerprint still holds."""
    writer = PdfWriter(clone_from=PdfReader(str(source)))
    info = writer._info.get_object() if writer._info is not None else None
    for key, value in metadata.items():
        name = NameObject(f"/{key}")
        if value is None:
            if info is not None and name in info:
                del info[name]
        else:
            writer.add_metadata({f"/{key}": value})
    writer.write(out)
    return out


def with_changed_data(source: Path, out: Path, old: str, new: str) -> Path:
    """A copy of a dossier whose attached draft was edited (its fingerprint no longer holds)."""
    reader = PdfReader(str(source))
    data = reader.attachments["draft.json"][0].decode("utf-8").replace(old, new)
    writer = PdfWriter(clone_from=reader)
    del writer._root_object["/Names"]
    writer.add_attachment("draft.json", data.encode("utf-8"))
    writer.write(out)
    return out


def bomb(source: Path, out: Path, inflated: int = 100_000_000) -> Path:
    """A copy of a dossier whose attachment inflates to `inflated` bytes (a few hundred kB on disk)."""
    writer = PdfWriter(clone_from=source)
    names = writer._root_object["/Names"]["/EmbeddedFiles"]["/Names"]
    stream = names[1].get_object()["/EF"]["/F"].get_object()
    stream._data = zlib.compress(b"{" + b" " * inflated + b"}", 9)
    stream[NameObject("/Filter")] = NameObject("/FlateDecode")
    writer.write(out)
    return out


def other_tool_pdf(out: Path) -> Path:
    """A valid PDF with no draft inside, as any other tool makes."""
    writer = PdfWriter()
    writer.add_blank_page(width=200, height=200)
    writer.add_metadata({"/Producer": "another tool"})
    writer.write(out)
    return out


def truncated(source: Path, out: Path) -> Path:
    out.write_bytes(source.read_bytes()[:20_000])
    return out


def copy(source: Path, out: Path) -> Path:
    shutil.copyfile(source, out)
    return out
