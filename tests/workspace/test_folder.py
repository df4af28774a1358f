"""What a workspace folder holds: every `.json` file below it is listed, except in the folders the
application keeps for itself (kept versions, the bin), hidden folders of other programs and the
temporary files of a save; the archive and the templates are listed and marked."""

from __future__ import annotations

from app.workspace.folder import Place, draft_files, draft_folders, place_of


def test_every_draft_file_is_listed_and_the_applications_own_files_are_not(tmp_path):
    listed = ["a.json", "Client/b.json", "Client/Sub/c.JSON", ".archive/Client/d.json", ".templates/e.json"]
    skipped = [".bin/1/x.json", "Client/.backups/b.json/0001.json", ".git/x.json", "Client/.b.json.abcd1234.tmp",
               "Client/.hidden.json", "notes.txt", "Client/.archive/x.json"]
    for name in listed + skipped:
        (tmp_path / name).parent.mkdir(parents=True, exist_ok=True)
        (tmp_path / name).write_text("{}", encoding="utf-8")
    found = draft_files(tmp_path)
    assert sorted(found) == sorted(listed)
    assert found["a.json"].size == 2 and found["a.json"].mtime_ns == (tmp_path / "a.json").stat().st_mtime_ns


def test_a_folder_that_is_a_link_is_not_followed(tmp_path):
    (tmp_path / "real").mkdir()
    (tmp_path / "real/a.json").write_text("{}", encoding="utf-8")
    (tmp_path / "real/loop").symlink_to(tmp_path, target_is_directory=True)
    assert sorted(draft_files(tmp_path)) == ["real/a.json"]


def test_the_place_of_a_draft_is_read_from_its_path():
    assert place_of("Client/a.json") is Place.DRAFTS
    assert place_of(".archive/Client/a.json") is Place.ARCHIVE
    assert place_of(".templates/a.json") is Place.TEMPLATES


def test_the_folders_watched_are_those_drafts_are_looked_for_in(tmp_path):
    for name in ["Client/Sub", ".archive/Client", ".templates", ".bin/1", "Client/.backups/x", ".git"]:
        (tmp_path / name).mkdir(parents=True)
    found = {p.relative_to(tmp_path).as_posix() for p in draft_folders(tmp_path)}
    assert found == {".", "Client", "Client/Sub", ".archive", ".archive/Client", ".templates"}
