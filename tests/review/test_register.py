"""The register on SQLite and on a real PostgreSQL server: made and migrated when opened, reviews
kept by fingerprint, review status with its history, comments that two reviewers add at once."""

from __future__ import annotations

import json
import threading
from pathlib import Path

import pytest
from sqlalchemy import create_engine, inspect, select, text

from app.dossier.result_record import ResultRecord, TrackRecord
from app.review import migrations
from app.review.dossier_review import DossierReview, Status
from app.review.register import Register, RegisterError
from app.review.schema import METADATA


def review(number: int, **changes) -> DossierReview:
    record = ResultRecord("eu_ai_act", "1.2.0", (TrackRecord("tier", "high_risk"), TrackRecord("gpai", "none")), 2)
    values = dict(file=f"inbox/{number}.pdf", status=Status.OK, fingerprint=f"{number:064x}", fingerprint_valid=True,
                  draft_id=f"00000000-0000-4000-8000-{number:012d}", pack_id="eu_ai_act", pack_version="1.2.0",
                  applicant=f"Applicant {number}", system=f"System {number}", printed=record, recomputed=record,
                  required=10, given=10 - number % 2)
    return DossierReview(**{**values, **changes})


def entry(number: int, **changes):
    return (Path(f"/inbox/{number}.pdf"), 1000 + number, 10**18 + number, "1|en", review(number, **changes))


@pytest.fixture
def register(register_url):
    with Register.open(register_url) as opened:
        yield opened


def test_a_new_register_has_every_step_applied_and_the_tables_schema_py_describes(register_url):
    Register.open(register_url).close()
    engine = create_engine(register_url)
    try:
        with engine.connect() as connection:
            applied = connection.execute(text("SELECT version FROM schema_version ORDER BY version")).scalars().all()
            found = inspect(connection)
            for table in METADATA.sorted_tables:
                columns = {c["name"]: c for c in found.get_columns(table.name)}
                assert set(columns) == set(table.columns.keys()), table.name
                for column in table.columns:
                    assert columns[column.name]["nullable"] == column.nullable, (table.name, column.name)
                    assert columns[column.name]["type"]._type_affinity == column.type._type_affinity, column.name
                assert found.get_pk_constraint(table.name)["constrained_columns"] == [c.name for c in table.primary_key]
    finally:
        engine.dispose()
    assert applied == list(range(1, migrations.latest() + 1))


def test_step_1_makes_the_first_tables_in_an_empty_database(register_url):
    engine = create_engine(register_url)  # the step alone, not through Register.open
    try:
        with engine.begin() as connection:
            assert migrations.migrate(connection, target=1) == 1
        with engine.connect() as connection:
            names = set(inspect(connection).get_table_names())
            assert {"schema_version", "dossiers", "files", "review_history", "comments"} <= names
            assert migrations.current_version(connection) == 1
    finally:
        engine.dispose()


def test_step_2_adds_the_replies_to_a_register_of_version_1_keeping_its_rows(register_url):
    engine = create_engine(register_url)
    try:
        with engine.begin() as connection:
            migrations.migrate(connection, target=1)
            connection.execute(text("INSERT INTO dossiers (fingerprint, draft_id, pack_id, pack_version, kit_id, "
                                    "kit_version, applicant, system, tier, recomputed_tier, today_tier, could_be, "
                                    "missing_attachments, fingerprint_status, signature_status, status, received, "
                                    "review_status, updated) VALUES ('f1', 'd', 'p', '1', '', '', 'A', 'S', '', '', "
                                    "'', '', '[]', 'valid', 'unsigned', 'ok', 't', 'received', 't')"))
            connection.execute(text("INSERT INTO comments (fingerprint, target_kind, target_id, author, text, status, "
                                    "created, changed) VALUES ('f1', 'application', '', 'ana', 'kept', 'open', 't', 't')"))
        with engine.begin() as connection:
            assert migrations.migrate(connection) == 2
        with engine.connect() as connection:
            assert "comment_replies" in inspect(connection).get_table_names()
            assert connection.execute(text("SELECT text FROM comments")).scalars().all() == ["kept"]
    finally:
        engine.dispose()


def test_every_migration_step_has_a_test_of_its_own():
    tests = {name for name in globals() if name.startswith("test_step_")}
    for version in migrations.STEPS:
        assert any(name.startswith(f"test_step_{version}_") for name in tests), version


def test_opening_again_applies_nothing_twice(register_url):
    Register.open(register_url).close()
    with Register.open(register_url) as again, again.engine.connect() as connection:
        assert connection.execute(text("SELECT count(*) FROM schema_version")).scalar() == migrations.latest()


def test_a_register_of_a_newer_schema_is_refused_and_left_as_it_is(register_url):
    Register.open(register_url).close()
    engine = create_engine(register_url)
    with engine.begin() as connection:
        connection.execute(text("INSERT INTO schema_version (version, applied) VALUES (99, 'later')"))
    engine.dispose()
    with pytest.raises(RegisterError, match="newer version") as caught:
        Register.open(register_url)
    assert "\n" not in str(caught.value)
    engine = create_engine(register_url)
    with engine.connect() as connection:
        assert connection.execute(text("SELECT max(version) FROM schema_version")).scalar() == 99
    engine.dispose()


def test_a_step_that_fails_leaves_the_register_as_it_was(register_url, monkeypatch):
    Register.open(register_url).close()

    def broken(connection):
        connection.execute(text("CREATE TABLE half_made (x INTEGER)"))
        connection.execute(text("SELECT * FROM no_such_table"))

    monkeypatch.setitem(migrations.STEPS, migrations.latest() + 1, broken)
    with pytest.raises(RegisterError) as caught:
        Register.open(register_url)
    assert "\n" not in str(caught.value)
    monkeypatch.undo()
    engine = create_engine(register_url)
    with engine.connect() as connection:
        assert "half_made" not in inspect(connection).get_table_names()
        assert migrations.current_version(connection) == migrations.latest()
    engine.dispose()


def test_reviews_are_kept_by_file_and_dossier_and_read_back(register):
    register.record([entry(1), entry(2), entry(3, status=Status.NOT_PDF, draft_id="", fingerprint="")])
    known = register.known_files()
    assert set(known) == {"/inbox/1.pdf", "/inbox/2.pdf", "/inbox/3.pdf"}
    assert (known["/inbox/2.pdf"].size, known["/inbox/2.pdf"].mtime_ns) == (1002, 10**18 + 2)
    row = register.dossier(review(1).fingerprint)
    assert (row["applicant"], row["tier"], row["recomputed_tier"], row["open_points"]) == ("Applicant 1", "high_risk",
                                                                                           "high_risk", 2)
    assert row["complete"] is False and row["review_status"] == "received" and row["fingerprint_status"] == "valid"
    assert register.dossier("f" * 64) is None


def test_reading_a_dossier_again_keeps_its_received_date_and_review_status(register):
    register.record([entry(1)])
    first = register.dossier(review(1).fingerprint)
    register.set_review_status(review(1).fingerprint, "needs_changes", "ana")
    register.record([entry(1, applicant="Applicant One")])
    again = register.dossier(review(1).fingerprint)
    assert again["received"] == first["received"] and again["review_status"] == "needs_changes"
    assert again["applicant"] == "Applicant One"


def test_the_review_status_keeps_its_history(register):
    register.record([entry(1)])
    key = review(1).fingerprint
    register.set_review_status(key, "in_review", "ana")
    register.set_review_status(key, "accepted", "ben", "fits the cohort")
    history = register.review_history(key)
    assert [(h.status, h.author, h.note) for h in history] == [("in_review", "ana", ""),
                                                               ("accepted", "ben", "fits the cohort")]
    assert register.dossier(key)["review_status"] == "accepted"
    with pytest.raises(RegisterError, match="not one of"):
        register.set_review_status(key, "maybe", "ana")
    with pytest.raises(RegisterError, match="no dossier"):
        register.set_review_status("0" * 63 + "f", "accepted", "ana")


def test_comments_have_a_target_an_author_a_status_and_times(register):
    register.record([entry(1)])
    key = review(1).fingerprint
    first = register.add_comment(key, "question", "annex3.areas", "ana", "Which area exactly?")
    second = register.add_comment(key, "application", "", "ben", "Complete apart from the plan.")
    register.set_comment_status(first, "answered")
    comments = register.comments(key)
    assert [(c.id, c.target_kind, c.target_id, c.author, c.status) for c in comments] == [
        (first, "question", "annex3.areas", "ana", "answered"), (second, "application", "", "ben", "open")]
    assert comments[0].changed >= comments[0].created
    assert [c.id for c in register.comments(key, status="open")] == [second]
    with pytest.raises(RegisterError, match="not one of"):
        register.add_comment(key, "paragraph", "x", "ana", "?")
    with pytest.raises(RegisterError, match="no comment"):
        register.set_comment_status(10_000, "resolved")


def test_replies_a_later_dossier_carries_are_kept_once_under_their_comments(register):
    register.record([entry(1), entry(2)])
    first, later = review(1).fingerprint, review(2).fingerprint
    asked = register.add_comment(first, "question", "annex3.areas", "ana", "Which area exactly?")
    other = register.add_comment(first, "application", "", "ana", "Fine.")
    replies = [(asked, "Robo Works", "Employment only.", "2026-10-02T10:00:00+00:00"),
               (10_000, "Robo Works", "to a comment of another register", "2026-10-02T10:00:00+00:00")]
    assert register.record_replies(later, replies) == 1
    assert register.record_replies(later, replies) == 0  # the same dossier read again
    kept = register.replies(first)
    assert list(kept) == [asked] and other not in kept
    assert [(r.author, r.text, r.fingerprint) for r in kept[asked]] == [("Robo Works", "Employment only.", later)]
    assert register.replies(later) == {}
    with pytest.raises(RegisterError, match="no dossier"):
        register.record_replies("0" * 63 + "f", replies)


def test_two_reviewers_commenting_at_once_lose_nothing(register_url):
    with Register.open(register_url) as setup:
        setup.record([entry(1)])
    key, each = review(1).fingerprint, 30
    start, failures, made = threading.Barrier(2), [], {}

    def reviewer(name: str) -> None:
        try:
            with Register.open(register_url) as own:  # its own engine: its own connections
                start.wait()
                ids = [own.add_comment(key, "finding", f"rule.{i}", name, f"{name} {i}") for i in range(each)]
                for comment_id in ids[::2]:
                    own.set_comment_status(comment_id, "resolved")
                own.set_review_status(key, "in_review", name)
                made[name] = ids
        except Exception as error:  # noqa: BLE001 - reported below, in the test's thread
            failures.append(error)

    threads = [threading.Thread(target=reviewer, args=(name,)) for name in ("ana", "ben")]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=120)
    assert not failures, failures
    with Register.open(register_url) as register:
        comments = register.comments(key)
        assert len(comments) == 2 * each and len({c.id for c in comments}) == 2 * each
        for name in ("ana", "ben"):
            own = [c for c in comments if c.author == name]
            assert sorted(c.text for c in own) == sorted(f"{name} {i}" for i in range(each))
            assert {c.id for c in own if c.status == "resolved"} == set(made[name][::2])
        assert sorted(h.author for h in register.review_history(key)) == ["ana", "ben"]


def test_dossiers_are_searched_filtered_and_sorted(register):
    register.record([entry(1), entry(2), entry(3, applicant="Ácme 100% Robotics_")])
    register.set_review_status(review(2).fingerprint, "accepted", "ana")
    assert [r["applicant"] for r in register.find_dossiers(search="applicant")] == ["Applicant 1", "Applicant 2"]
    assert [r["applicant"] for r in register.find_dossiers(search="100%")] == ["Ácme 100% Robotics_"]
    assert register.find_dossiers(search="1%") == [] and register.find_dossiers(search="t_ 1") == []
    assert [r["system"] for r in register.find_dossiers(review_status="accepted")] == ["System 2"]
    ordered = register.find_dossiers(sort="applicant", descending=True)
    assert [r["system"] for r in ordered] == ["System 3", "System 2", "System 1"]
    with pytest.raises(RegisterError):
        register.find_dossiers(sort="fingerprint; DROP TABLE dossiers")


def test_forgotten_files_leave_their_dossiers(register):
    register.record([entry(1), entry(2)])
    register.forget_files(["/inbox/1.pdf"])
    assert set(register.known_files()) == {"/inbox/2.pdf"}
    assert register.dossier(review(1).fingerprint) is not None


@pytest.mark.parametrize("url, words", [
    ("mysql://reviewer@db/register", "not a register"),
    ("sqlite://", "not a register"),
    ("sqlite:///:memory:", "not a register"),
    ("nonsense://", "not a register"),
])
def test_an_unsupported_register_is_one_line(url, words):
    with pytest.raises(RegisterError, match=words) as caught:
        Register.open(url)
    assert "\n" not in str(caught.value)


def test_a_register_that_cannot_be_reached_is_one_line_without_its_password(tmp_path):
    url = f"postgresql+psycopg://reviewer:s3cret@/register?host={tmp_path}/nowhere"
    with pytest.raises(RegisterError, match="cannot be used") as caught:
        Register.open(url)
    assert "\n" not in str(caught.value) and "s3cret" not in str(caught.value)


def test_a_file_that_is_no_database_is_refused_and_kept(tmp_path):
    path = tmp_path / "register.sqlite3"
    path.write_bytes(b"not a database at all, but someone's notes" * 100)
    before = path.read_bytes()
    with pytest.raises(RegisterError, match="cannot be used"):
        Register.open(f"sqlite:///{path}")
    assert path.read_bytes() == before


def test_the_register_reads_as_it_was_written_after_a_reopen(register_url):
    with Register.open(register_url) as register:
        register.record([entry(5)])
    with Register.open(register_url) as register, register.engine.connect() as connection:
        stored = connection.execute(select(METADATA.tables["files"].c.review)).scalar_one()
        assert DossierReview.from_json(json.loads(stored)) == review(5)


def test_a_new_sqlite_register_is_readable_by_its_owner_only(tmp_path):
    path = tmp_path / "new folder" / "register.sqlite3"
    Register.open(f"sqlite:///{path}").close()
    assert path.stat().st_mode & 0o777 == 0o600
    assert path.parent.stat().st_mode & 0o777 == 0o700
