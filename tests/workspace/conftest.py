"""A workspace folder of real example drafts, filed by client as a consultant files them."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest

from app.storage.draft_store import save_draft
from app.storage.drafts import load_draft

EXAMPLES = Path(__file__).resolve().parents[2] / "resources" / "examples"
PASSPHRASE = "correct horse battery"
# Where each example goes in the workspace made for a test: client folder / file.
LAYOUT = {
    "cv_screening.json": "TalentLens/cv ranking.json",
    "credit_scoring.json": "Kredito/credit score.json",
    "customer_chatbot.json": "Aino/chatbot.json",
    "demand_forecaster.json": "Aino/forecaster.json",
}


@pytest.fixture(scope="session")
def packs():
    """The installed packs, loaded once for all the workspace's tests."""
    from app.workspace.packs import Packs

    return Packs()


@pytest.fixture
def workspace(tmp_path) -> Path:
    folder = tmp_path / "clients"
    for example, place in LAYOUT.items():
        target = folder / place
        target.parent.mkdir(parents=True, exist_ok=True)
        shutil.copyfile(EXAMPLES / example, target)
    return folder


def write_draft(path: Path, example: str = "cv_screening.json", passphrase: str | None = None, **answers) -> Path:
    """A draft at `path` made from an example, with some answers replaced (question id with dots as __)."""
    draft = load_draft(EXAMPLES / example)
    for key, value in answers.items():
        qid = key.replace("__", ".")
        draft.answers[qid] = draft.answers[qid].model_copy(update={"value": value}) if qid in draft.answers \
            else type(next(iter(draft.answers.values())))(value=value)
    path.parent.mkdir(parents=True, exist_ok=True)
    save_draft(draft, path, keep_backup=False, passphrase=passphrase)
    return path


def several_draft(path: Path, *others: str, example: str = "cv_screening.json") -> Path:
    """A draft made from an example that targets the jurisdictions of the packs `others` too."""
    draft = load_draft(EXAMPLES / example)
    draft.jurisdictions = [draft.lock.pack.id, *others]
    path.parent.mkdir(parents=True, exist_ok=True)
    save_draft(draft, path, keep_backup=False)
    return path


def undecided_draft(path: Path) -> Path:
    """A draft whose only answer leaves the most severe results open."""
    data = json.loads((EXAMPLES / "cv_screening.json").read_text(encoding="utf-8"))
    data["answers"] = {"system.offering": {"value": "system", "note": ""},
                       "applicant.organisation": {"value": "Undecided Ltd", "note": ""}}
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(json.dumps(data), encoding="utf-8")
    return path
