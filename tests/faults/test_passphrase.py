"""Passphrase protection: a protected draft opens only with its passphrase, never shows garbage,
never leaves its plain text on disk (file, backups, temporaries), and a hostile envelope is refused
before it costs anything. The command line asks for it or says in one line how to give it."""

import base64
import json
import os
import stat
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import pytest

from app.storage import protect
from app.storage.backups import list_backups, restore_backup
from app.commands.main import main as cli_main
from app.storage.draft_store import change_protection, save_draft
from app.storage.drafts import Answer, DraftError, PassphraseRequired, WrongPassphrase, load_draft, remove_stale_temporaries
from tests.faults.crash_writer import version

ROOT = Path(__file__).resolve().parents[2]
EXAMPLE = ROOT / "resources" / "examples" / "cv_screening.json"
SECRET = "Zanzibar-7781 pilot with the hospital"  # an answer that must never be readable on disk
PASSPHRASE = "correct horse battery"


def _secret_draft():
    draft = load_draft(EXAMPLE)
    draft.system_name = SECRET
    draft.answers["system.offering"] = Answer(value=draft.answers["system.offering"].value, note=SECRET)
    return draft


def _plain_copies(folder: Path) -> list[Path]:
    """Every file under `folder` in which the secret can be read, as text or JSON-escaped."""
    needles = [SECRET.encode("utf-8"), json.dumps(SECRET).encode("ascii")[1:-1]]
    return [path for path in folder.rglob("*")
            if path.is_file() and any(needle in path.read_bytes() for needle in needles)]


def test_a_protected_draft_opens_with_its_passphrase_only(tmp_path):
    path = tmp_path / "draft.json"
    draft = _secret_draft()
    save_draft(draft, path, passphrase=PASSPHRASE)
    assert load_draft(path, PASSPHRASE) == draft
    with pytest.raises(PassphraseRequired):
        load_draft(path)
    assert issubclass(PassphraseRequired, DraftError)


def test_a_wrong_passphrase_is_one_clear_line_and_changes_nothing(tmp_path):
    path = tmp_path / "draft.json"
    save_draft(_secret_draft(), path, passphrase=PASSPHRASE)
    before = path.read_bytes()
    with pytest.raises(WrongPassphrase) as caught:
        load_draft(path, "correct horse battery staple")
    assert str(caught.value) == f"{path}: wrong passphrase, or the file was changed"
    assert path.read_bytes() == before


@pytest.mark.parametrize("change", ["ciphertext", "nonce", "salt", "cost"])
def test_a_changed_file_is_refused_like_a_wrong_passphrase(tmp_path, change):
    path = tmp_path / "draft.json"
    save_draft(_secret_draft(), path, passphrase=PASSPHRASE)
    envelope = json.loads(path.read_text(encoding="utf-8"))
    if change == "cost":  # the header is authenticated too: a cheaper key derivation is not accepted
        envelope["kdf"]["n"] //= 2
    else:
        holder = {"ciphertext": envelope, "nonce": envelope["cipher"], "salt": envelope["kdf"]}[change]
        raw = bytearray(base64.b64decode(holder[change]))
        raw[len(raw) // 2] ^= 0x01
        holder[change] = base64.b64encode(bytes(raw)).decode("ascii")
    path.write_text(json.dumps(envelope), encoding="utf-8")
    with pytest.raises(WrongPassphrase, match="wrong passphrase, or the file was changed"):
        load_draft(path, PASSPHRASE)


def test_the_plain_text_never_reaches_the_disk_nor_the_backups(tmp_path):
    path = tmp_path / "drafts" / "draft.json"
    draft = _secret_draft()
    save_draft(draft, path, passphrase=PASSPHRASE)
    draft.answers["system.offering"].note = SECRET + " (second version)"
    save_draft(draft, path, passphrase=PASSPHRASE)
    assert len(list_backups(path)) == 2
    assert _plain_copies(tmp_path) == []
    for backup in list_backups(path):
        assert SECRET in load_draft(backup.path, PASSPHRASE).system_name
    assert sorted(p.name for p in path.parent.iterdir()) == [".backups", "draft.json"]  # no temporary left


def test_protected_drafts_and_backups_are_readable_by_their_owner_only(tmp_path):
    path = tmp_path / "draft.json"
    save_draft(_secret_draft(), path, passphrase=PASSPHRASE)
    for written in (path, list_backups(path)[0].path):
        assert stat.S_IMODE(written.stat().st_mode) == 0o600


def test_a_protected_backup_restores_protected(tmp_path):
    path = tmp_path / "draft.json"
    first, second = version(1), version(2)
    save_draft(first, path, passphrase=PASSPHRASE)
    save_draft(second, path, passphrase=PASSPHRASE)
    restore_backup(path, list_backups(path)[-1])
    with pytest.raises(PassphraseRequired):
        load_draft(path)
    assert load_draft(path, PASSPHRASE) == first


def test_protecting_a_saved_draft_seals_its_earlier_backups_and_unprotecting_opens_it(tmp_path):
    path = tmp_path / "draft.json"
    save_draft(_secret_draft(), path)
    assert _plain_copies(tmp_path)  # the premise: an unprotected draft is plain text
    change_protection(path, None, PASSPHRASE)
    assert _plain_copies(tmp_path) == []
    assert load_draft(list_backups(path)[0].path, PASSPHRASE).system_name == SECRET
    change_protection(path, PASSPHRASE, "a new passphrase")
    assert load_draft(path, "a new passphrase").system_name == SECRET
    assert load_draft(list_backups(path)[0].path, "a new passphrase").system_name == SECRET
    change_protection(path, "a new passphrase", None)
    assert load_draft(path).system_name == SECRET


def test_protecting_a_draft_seals_the_unsaved_work_the_wizard_left_of_it_and_only_that(tmp_path):
    import uuid

    from app.storage import autosave_files

    path, other = tmp_path / "drafts" / "draft.json", tmp_path / "drafts" / "other.json"
    save_draft(_secret_draft(), path)
    # What a crashed wizard leaves in the data folder: the draft's work, set aside at the next start,
    # and the work on another draft that the next session is autosaving.
    autosave_files.write_autosave(_secret_draft(), path, None)
    autosave_files.set_aside_crashed_autosaves()
    [recovered] = autosave_files.recoveries()
    other_work = _secret_draft().model_copy(update={"id": uuid.uuid4()})
    autosave_files.write_autosave(other_work, other, None)
    change_protection(path, None, PASSPHRASE)
    assert _plain_copies(tmp_path) == [autosave_files.autosave_file(other_work.id)]  # another draft's work, untouched
    assert load_draft(recovered.file, PASSPHRASE).system_name == SECRET
    change_protection(path, PASSPHRASE, "a new passphrase")
    assert load_draft(recovered.file, "a new passphrase").system_name == SECRET


def test_the_same_passphrase_in_another_unicode_form_opens_the_draft(tmp_path):
    path = tmp_path / "draft.json"
    save_draft(version(1), path, passphrase="caf\u00e9 cr\u00e8me")
    assert load_draft(path, "cafe\u0301 cre\u0300me") == version(1)


def test_an_empty_passphrase_is_refused_and_nothing_is_written(tmp_path):
    path = tmp_path / "draft.json"
    with pytest.raises(DraftError, match="the passphrase is empty"):
        save_draft(version(1), path, passphrase="")
    assert not path.exists()


def _envelope(**changes):
    envelope = json.loads(protect.seal(b"{}", PASSPHRASE))
    for dotted, value in changes.items():
        holder, *keys = [envelope, *dotted.split("__")]
        for key in keys[:-1]:
            holder = holder[key]
        holder[keys[-1]] = value
    return envelope


HOSTILE = {
    "memory": _envelope(kdf__n=2**30),
    "memory_by_r": _envelope(kdf__r=2**20),
    "work_by_p": _envelope(kdf__p=2**30),
    "long_number": _envelope(kdf__n=10**4000),
    "not_power_of_two": _envelope(kdf__n=3 * 2**14),
    "bool_for_number": _envelope(kdf__r=True),
    "unknown_kdf": _envelope(kdf__name="pbkdf2"),
    "unknown_cipher": _envelope(cipher__name="rot13"),
    "extra_field": _envelope(comment="hello"),
    "missing_salt": {**_envelope(), "kdf": {"name": "scrypt", "n": 2**15, "r": 8, "p": 1}},
    "bad_base64": _envelope(ciphertext="not base64 at all!"),
    "short_nonce": _envelope(cipher__nonce=base64.b64encode(b"12345").decode()),
    "newer_version": _envelope(version=99),
}


@pytest.mark.parametrize("name", sorted(HOSTILE))
def test_a_hostile_envelope_is_refused_quickly_with_one_line(tmp_path, name):
    path = tmp_path / "draft.json"
    path.write_text(json.dumps(HOSTILE[name]), encoding="utf-8")
    started = time.monotonic()
    with pytest.raises(DraftError) as caught:
        load_draft(path, PASSPHRASE)
    assert time.monotonic() - started < 5  # refused before deriving; a real derivation takes ~0.1 s
    message = str(caught.value)
    assert "\n" not in message and len(message) < 300 + len(str(path))
    assert not isinstance(caught.value, WrongPassphrase)


def test_a_number_too_long_for_python_is_one_line_not_a_traceback(tmp_path):
    path = tmp_path / "draft.json"
    text = json.dumps(_envelope(kdf__n=12345)).replace("12345", "1" * 5000)
    for content in (text, text.replace(protect.FORMAT, "sandbox-applicant-kit/draft")):
        path.write_text(content, encoding="utf-8")
        with pytest.raises(DraftError, match="a number too long"):
            load_draft(path, PASSPHRASE)


def test_a_hostile_envelope_is_refused_even_without_a_passphrase(tmp_path):
    path = tmp_path / "draft.json"
    path.write_text(json.dumps(HOSTILE["memory"]), encoding="utf-8")
    with pytest.raises(DraftError, match="out of bounds") as caught:
        load_draft(path)
    assert not isinstance(caught.value, PassphraseRequired)


def test_a_crashed_saves_old_temporary_files_are_removed_on_the_next_save(tmp_path):
    path = tmp_path / "draft.json"
    old = time.time() - 3600
    handle, real = tempfile.mkstemp(prefix=".draft.json.", suffix=".tmp", dir=tmp_path)  # as a save makes them
    os.close(handle)
    stale, real = tmp_path / ".draft.json.ab_c1234.tmp", Path(real)
    os.utime(real, (old, old))
    young = tmp_path / ".draft.json.young123.tmp"
    others = [tmp_path / ".other.json.ab_c1234.tmp",      # another draft's
              tmp_path / ".draft.json.x.json.abcd1234.tmp",  # draft "draft.json.x.json"'s
              tmp_path / ".draft.json.ab_c1234.tmp.keep",  # not our suffix
              tmp_path / "draft.json.ab_c1234.tmp"]        # not our prefix
    for leftover in [stale, young, *others]:
        leftover.write_text(SECRET, encoding="utf-8")
        if leftover is not young:
            os.utime(leftover, (old, old))
    save_draft(version(1), path, passphrase=PASSPHRASE)
    assert not stale.exists() and not real.exists()
    assert young.exists() and all(other.exists() for other in others)
    assert remove_stale_temporaries(path, older_than=-1) == [young]


# --- the command line ---------------------------------------------------------------------------

@pytest.fixture
def protected(tmp_path):
    path = tmp_path / "draft.json"
    save_draft(load_draft(EXAMPLE), path, passphrase=PASSPHRASE)
    secret = tmp_path / "passphrase.txt"
    secret.write_text(PASSPHRASE + "\n", encoding="utf-8")
    return path, secret


def _cli(capsys, *args):
    code = cli_main([str(arg) for arg in args])
    out, err = capsys.readouterr()
    return code, out, err


def test_the_command_line_without_the_passphrase_says_how_to_give_it(protected):
    path, _ = protected
    done = subprocess.run([sys.executable, str(ROOT / "main.py"), "validate", str(path)], cwd=ROOT,
                          stdin=subprocess.DEVNULL, capture_output=True, text=True, timeout=120)
    assert done.returncode == 2
    assert done.stderr == (f"error: {path}: this draft is protected by a passphrase; "
                           "give it with --passphrase-file\n")


def test_the_command_line_opens_a_protected_draft_with_a_passphrase_file(protected, capsys):
    path, secret = protected
    code, out, err = _cli(capsys, "classify", path, "--json", "--passphrase-file", secret)
    assert code == 0, err
    assert json.loads(out)["tier"] == "high_risk"


@pytest.mark.parametrize("command", [["validate"], ["classify"], ["export", "-o", "out.pdf"]])
def test_a_wrong_passphrase_on_the_command_line_is_one_line_and_exit_2(protected, capsys, command, tmp_path):
    path, _ = protected
    wrong = tmp_path / "wrong.txt"
    wrong.write_text("not it\n", encoding="utf-8")
    code, out, err = _cli(capsys, command[0], path, *command[1:], "--passphrase-file", wrong)
    assert code == 2 and out == ""
    # A changed or damaged file may have a good version kept: the second line says where.
    assert err == (f"error: {path}: wrong passphrase, or the file was changed\n"
                   f"one earlier version of this draft is kept; see it with: python main.py backups {path}\n")
    assert not (tmp_path / "out.pdf").exists()


def test_protect_and_unprotect_on_the_command_line(tmp_path, capsys):
    path = tmp_path / "draft.json"
    save_draft(_secret_draft(), path)
    first, second = tmp_path / "first.txt", tmp_path / "second.txt"
    first.write_text("first passphrase\n", encoding="utf-8")
    second.write_text("second passphrase\n", encoding="utf-8")
    assert _cli(capsys, "protect", path, "--passphrase-file", first)[0] == 0
    assert _plain_copies(tmp_path) == []
    code, _, err = _cli(capsys, "protect", path, "--passphrase-file", second)  # the current one is needed
    assert code == 2 and "--passphrase-file" in err
    assert _cli(capsys, "protect", path, "--passphrase-file", second, "--current-passphrase-file", first)[0] == 0
    assert load_draft(path, "second passphrase").system_name == SECRET
    assert _cli(capsys, "unprotect", path, "--passphrase-file", first)[0] == 2
    assert _cli(capsys, "unprotect", path, "--passphrase-file", second)[0] == 0
    assert load_draft(path).system_name == SECRET


def test_an_empty_or_missing_passphrase_file_is_one_line(protected, capsys, tmp_path):
    path, _ = protected
    empty = tmp_path / "empty.txt"
    empty.write_text("\n", encoding="utf-8")
    for given in (empty, tmp_path / "missing.txt"):
        code, _, err = _cli(capsys, "validate", path, "--passphrase-file", given)
        assert code == 2 and err.count("\n") == 1 and str(given) in err


def test_a_passphrase_file_saved_with_a_byte_order_mark_gives_the_passphrase_typed(protected, capsys, tmp_path):
    path, _ = protected
    notepad = tmp_path / "notepad.txt"
    notepad.write_bytes(("\ufeff" + PASSPHRASE + "\r\n").encode("utf-8"))
    code, out, err = _cli(capsys, "validate", path, "--passphrase-file", notepad)
    assert code == 0, err


def test_repeated_saves_derive_the_key_once_and_each_envelope_has_its_own_nonce(monkeypatch):
    import json as json_module

    from app.storage import protect

    calls = []
    real_derive = protect._derive
    monkeypatch.setattr(protect, "_SEALING_KEYS", {})
    monkeypatch.setattr(protect, "_derive", lambda p, kdf: calls.append(1) or real_derive(p, kdf))
    first, second = protect.seal(b"one", "autosave pass"), protect.seal(b"two", "autosave pass")
    assert len(calls) == 1  # an autosave does not pay for scrypt again
    nonces = {json_module.loads(e)["cipher"]["nonce"] for e in (first, second)}
    assert len(nonces) == 2
    assert protect.open_envelope(json_module.loads(second), "autosave pass") == b"two"
