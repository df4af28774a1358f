"""The packs beside the EU pack (China, Colorado, Utah, Texas, the NIST AI RMF): each loads with no
change to the engine, states the date its law is current to, asks the shared facts (`core.*`) with
the same ids and words as every other, and gives the results its golden cases state
(`cases/<pack id>/`, written as applicants describe their products)."""

import datetime as dt
import json

import pytest
import yaml

from app.commands.main import main
from catalogue.formats import format_date
from forms.citations import label, provisions
from forms.loader import PACKS_DIR, load_pack
from forms.shared_core import SHARED_CORE_DIR, shared_section
from forms.translations import localised, texts_of
from risk_tiers.classify import classify
from tests.core.test_cases import CASES_DIR, check_case

WORLD = sorted(p.name for p in CASES_DIR.iterdir() if p.is_dir())
SHIPPED = {"eu_ai_act", "china_ai", "colorado_admt", "utah_ai_lab", "texas_traiga", "nist_ai_rmf"}


def _pack(pack_id):
    return load_pack(PACKS_DIR / pack_id, "en")


def _cases():
    for pack_id in WORLD:
        for path in sorted((CASES_DIR / pack_id).glob("*.yaml")):
            for case in yaml.safe_load(path.read_text(encoding="utf-8"))["cases"]:
                yield pytest.param(pack_id, case, id=f"{pack_id}:{case['name']}")


@pytest.mark.parametrize(("pack_id", "case"), list(_cases()))
def test_case(pack_id, case):
    check_case(_pack(pack_id), case)


@pytest.mark.parametrize("pack_id", WORLD)
def test_each_rule_that_grounds_a_result_fires_in_some_case(pack_id):
    pack = _pack(pack_id)
    fired = set()
    for path in sorted((CASES_DIR / pack_id).glob("*.yaml")):
        for case in yaml.safe_load(path.read_text(encoding="utf-8"))["cases"]:
            fired |= {f.rule for f in classify(pack, case["answers"]).findings}
    grounding = {r.id for r in pack.rules if r.tier != "fact"}
    assert sorted(grounding - fired) == []


@pytest.mark.parametrize("pack_id", WORLD)
def test_the_pack_states_its_law_date_and_helps_with_every_question(pack_id):
    pack = _pack(pack_id)
    assert pack.law_current_to and pack.law_note.strip()
    questions = [q for s in pack.sections for q in s.questions]
    assert [q.id for q in questions if not q.help.strip() and not q.no_help_because.strip()] == []
    assert [q.id for q in questions if q.kind == "long_text" and not q.example.strip()] == []


@pytest.mark.parametrize("pack_id", WORLD)
def test_the_shared_facts_have_the_same_ids_and_words_in_every_pack(pack_id):
    def core(pack):
        section = next(s for s in pack.sections if s.id == "core")
        return [(q.id, q.kind, texts_of(q)) for q in section.questions], texts_of(section)

    assert core(_pack(pack_id)) == core(_pack(WORLD[0]))


@pytest.mark.parametrize("language", ["de", "fr"])
@pytest.mark.parametrize("pack_id", WORLD)
def test_the_shared_facts_have_the_same_words_in_every_pack_in_each_language(pack_id, language):
    # Each pack's overlay carries the core's texts, and a questionnaire for several laws asks the
    # shared core's own (packs/shared_core/locale/): the same words whichever way it is read.
    def core(pack):
        return texts_of(next(s for s in pack.sections if s.id == "core"))

    translated = core(load_pack(PACKS_DIR / pack_id, language))
    assert translated == core(load_pack(PACKS_DIR / WORLD[0], language))
    assert translated == texts_of(localised(shared_section(), SHARED_CORE_DIR, language))


@pytest.mark.parametrize("pack_id", WORLD)
def test_every_provision_a_pack_cites_reads_as_its_readers_write_it_and_names_its_source(pack_id):
    pack = _pack(pack_id)
    refs = {ref for q in (q for s in pack.sections for q in s.questions) for ref in q.refs}
    refs |= {ref for item in (*pack.rules, *pack.obligations, *pack.gaps) for ref in item.refs}
    for ref in refs:
        provision = provisions()[ref]
        assert provision.cite and label(ref) == provision.cite and provision.source, ref
        # What a reader sees is the summary: an uncertain point says so there.
        assert provision.verified or "not checked" in provision.summary.lower(), ref


def test_packs_lists_every_shipped_pack_with_the_date_its_law_is_current_to(capsys):
    assert main(["packs", "--json"]) == 0
    listed = {p["id"]: p for p in json.loads(capsys.readouterr().out) if p["where"] == "shipped"}
    assert set(listed) == SHIPPED and set(WORLD) < SHIPPED
    for pack_id in WORLD:
        assert listed[pack_id]["law_current_to"] == _pack(pack_id).law_current_to.isoformat()
    assert main(["packs"]) == 0
    rows = capsys.readouterr().out.splitlines()
    for pack_id in SHIPPED:  # the text as the language writes the date, the JSON year-month-day
        date = format_date(dt.date.fromisoformat(listed[pack_id]["law_current_to"]))
        assert any(row.startswith(f"{pack_id} ") and date in row for row in rows)
