"""A French-speaking applicant, and a German-speaking one, get everything in their language: the
result on the command line and the dossier (with the authority's kit) hold no English outside the
applicant's own text. The check reads the result and the PDF's text, takes out what the applicant
wrote (every text answer, every note, the names on the cover), and looks for common English words
that are not also German or French words."""

from __future__ import annotations

import json
import re
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
EXAMPLE = ROOT / "resources" / "examples" / "credit_scoring.json"
NORDLAND = ROOT / "resources" / "kits" / "nordland.sandboxkit"
# Common English words that are no German or French words (so "in", "die", "was", "also", "page",
# "question", "points", "application" or "System" are not here).
ENGLISH = frozenset("""
the and of with which your you this that these those are is has have been were from what when where who
how why will would should could must shall not none yes answer answers answered required missing result
results assessment applicant provider deployer risk high-risk sandbox by to be if than only
each every other before here there about any without within whether unsure sure planned done given
""".split()) - {"not"}  # "Not" is German (need)
WORD = re.compile(r"[^\W\d_]+(?:[-'’][^\W\d_]+)*", re.UNICODE)


def _own_texts(draft: dict) -> list[str]:
    """Everything the applicant wrote: text answers, notes, the names on the cover."""
    from forms.loader import load_pack

    pack = load_pack(ROOT / "forms" / "packs" / "eu_ai_act", "en")
    kinds = {q.id: q.kind for s in pack.sections for q in s.questions}
    texts = [draft["applicant"], draft["system_name"]]
    for question, answer in draft["answers"].items():
        if kinds.get(question, "long_text") in ("short_text", "long_text") and isinstance(answer["value"], str):
            texts.append(answer["value"])
        texts.append(answer.get("note", ""))
    return sorted((t for t in texts if t), key=len, reverse=True)  # the longest first: a name inside a text goes with it


def _plain(text: str) -> str:
    # A line broken after a hyphen ("high-|risk", "Konformitäts-|bewertung") reads as unbroken.
    return re.sub(r"-\s+", "-", re.sub(r"\s+", " ", text.replace("\u00ad", ""))).strip()


def _english_left(text: str, own: list[str]) -> list[str]:
    shown = _plain(text)
    for written in own:
        shown = shown.replace(_plain(written), " ")
    shown = shown.replace("Sandbox Applicant Kit", " ")  # the application's name, the same in every language
    shown = re.sub(r"[\w.]*_[\w.]*", " ", shown)  # ids (eu_ai_act, nordland.ai_sandbox) name, they do not say
    shown = re.sub(r"\b[0-9a-f]{64}\b", " ", shown)  # fingerprints: "…73be54…" holds letters, not words
    return sorted({word for word in WORD.findall(shown) if word.lower() in ENGLISH})


def _run(*args: str) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, str(ROOT / "main.py"), *args], cwd=ROOT, capture_output=True, text=True,
                          timeout=300)


@pytest.mark.parametrize("language", ["fr", "de"])
def test_the_result_and_the_dossier_hold_no_english_outside_the_applicant_s_text(language, tmp_path):
    from pypdf import PdfReader

    draft = json.loads(EXAMPLE.read_text(encoding="utf-8"))
    draft["lock"]["language"] = language  # answered by someone working in that language
    path = tmp_path / "draft.json"
    path.write_text(json.dumps(draft, ensure_ascii=False), encoding="utf-8")
    own = _own_texts(draft)
    common = ("--lang", language, "--kit", str(NORDLAND))
    classified = _run(*common, "classify", str(path))
    assert classified.returncode == 0, classified.stderr
    assert _english_left(classified.stdout, own) == []
    out = tmp_path / "dossier.pdf"
    exported = _run(*common, "export", str(path), "-o", str(out))
    assert exported.returncode == 0, exported.stderr
    text = "\n".join(page.extract_text() for page in PdfReader(out).pages)
    assert len(text) > 10_000  # the whole dossier was read
    assert _english_left(text, own) == []


@pytest.mark.parametrize("language", ["fr", "de"])
def test_a_draft_for_the_eu_china_and_colorado_gets_no_english_outside_the_applicant_s_text(language, tmp_path):
    """Several laws in one draft: each one's sections, results, citations and glossary words in the language."""
    from pypdf import PdfReader

    from app.storage import draft_migrations
    from forms.safe_yaml import read_yaml

    draft = json.loads(EXAMPLE.read_text(encoding="utf-8"))
    draft = draft_migrations.migrate(draft, draft_migrations.latest_format())  # a format that has jurisdictions
    draft["lock"]["language"] = language
    draft["jurisdictions"] = ["eu_ai_act", "china_ai", "colorado_admt"]
    path = tmp_path / "draft.json"
    path.write_text(json.dumps(draft, ensure_ascii=False), encoding="utf-8")
    own = _own_texts(draft)
    classified = _run("--lang", language, "classify", str(path))
    assert classified.returncode == 0, classified.stderr
    assert _english_left(classified.stdout, own) == []
    out = tmp_path / "dossier.pdf"
    exported = _run("--lang", language, "export", str(path), "-o", str(out))
    assert exported.returncode == 0, exported.stderr
    text = "\n".join(page.extract_text() for page in PdfReader(out).pages)
    assert len(text) > 10_000
    for pack in ("china_ai", "colorado_admt"):  # each law's part is there, under its title in the language
        title = read_yaml(ROOT / "forms" / "packs" / pack / "locale" / f"{language}.yaml")["short_title"]
        assert _plain(title) in _plain(text)
    assert _english_left(text, own) == []


def test_the_check_finds_english_and_leaves_the_applicant_s_text_alone():
    own = ["We score the applicants with the model."]
    assert _english_left("Résultat : We score the applicants\nwith the model. Haut risque", own) == []
    assert _english_left("Résultat : the system is high-risk", own) == ["high-risk", "is", "the"]
    assert _english_left("Kit nordland.ai_sandbox 1.0.0, jeu de questions eu_ai_act", own) == []
    assert _english_left("SHA-256 748db413e8a90d22c5fb1eee6a7d14f4cc422ac9cfbe94610573be5467cf41a2", own) == []
