"""What a reader sees first: the headline never calls a derogated Annex III system "minimal risk",
and only the unsettled law that a result depends on is raised as an open point."""

import json

from app.commands.main import main
from risk_tiers.classify import classify
from risk_tiers.headline import headline

AI_SYSTEM = {"system.offering": "system", "system.infers": "yes", "system.autonomy": "yes",
             "system.purpose": "Test system.", "scope.territory": ["established_eu"], "role.roles": ["provider"],
             "products.legislation": ["none"], "prohibited.practices": ["none"], "prohibited.emotion.infers": "no"}
# Settled: an undecided transparency question would rightly make it "possibly transparency duties".
NO_ART50 = {"transparency.interacts": "no", "transparency.generates": ["none"], "transparency.deep_fake": "no",
            "transparency.public_text": "no"}
FORM_READER = {**AI_SYSTEM, **NO_ART50, "annex3.areas": ["employment"], "annex3.employment": ["recruitment"],
               "derogation.profiling": "no", "derogation.conditions": ["a"], "derogation.no_significant_risk": "yes"}
CHATBOT = {**AI_SYSTEM, "annex3.areas": ["none"], "transparency.interacts": "yes", "transparency.obvious": "no",
           "transparency.crime_law": "no", "transparency.generates": ["none"], "transparency.deep_fake": "no",
           "transparency.public_text": "no"}


def test_a_derogated_system_is_headlined_as_the_art_6_3_exemption_with_its_duties(pack):
    result = classify(pack, FORM_READER)
    assert result.outcome("tier") == "minimal"  # the data keeps the tier; the words do not say "minimal"
    label, summary = headline(pack, result)
    assert "minimal" not in (label + summary).lower()
    assert "Annex III, point 4(a)" in summary and "Art. 6(3)(a)" in summary
    assert "Art. 6(4)" in summary and "Art. 49(2)" in summary


def test_the_command_line_never_prints_minimal_risk_for_a_derogated_system(pack, tmp_path, capsys):
    from app.storage.draft_store import save_draft
    from app.storage.drafts import Answer, Draft

    draft = Draft.new(pack)
    draft.answers = {qid: Answer(value=value) for qid, value in FORM_READER.items()}
    save_draft(draft, tmp_path / "d.json")
    assert main(["classify", str(tmp_path / "d.json")]) == 0
    text = capsys.readouterr().out
    assert "Minimal risk" not in text and "Art. 6(3)" in text
    assert main(["classify", str(tmp_path / "d.json"), "--json"]) == 0
    assert json.loads(capsys.readouterr().out)["tier"] == "minimal"


def test_a_system_with_nothing_found_is_still_headlined_minimal_risk(pack):
    answers = {**CHATBOT, "transparency.interacts": "no"}
    assert headline(pack, classify(pack, answers))[0] == "Minimal risk"


def test_unverified_dates_are_raised_only_when_a_duty_depends_on_them(pack):
    dates = {d.id: d.date.isoformat() for d in pack.dates}

    def law(answers):
        # An open point on the law names the date entry; its words come from the pack.
        return [dates[p.date] for p in classify(pack, answers).open_points if p.kind == "law"]

    # Art 50(1) applies from a date in the Act itself: nothing unsettled to raise.
    assert law(CHATBOT) == []
    # A generator already on the market relies on the reported December 2026 date.
    generator = {**CHATBOT, "applicant.stage": "on_market", "transparency.interacts": "no",
                 "transparency.generates": ["image"], "transparency.assistive_only": "no",
                 "transparency.placed_before": "yes"}
    [point] = law(generator)
    assert point == "2026-12-02"
    # The derogated system's duties run from the moved Annex III date, and only that one is raised.
    [point] = law(FORM_READER)
    assert point == "2027-12-02"


def test_rebranding_a_system_that_is_not_high_risk_does_not_make_it_high_risk(pack):
    answers = {**CHATBOT, "role.roles": ["distributor"], "role.rebrands": "yes", "role.modifies": "no",
               "role.repurposes": "no"}
    result = classify(pack, answers)
    assert result.outcome("tier") == "transparency"
    assert "role.provider_by_rebranding" not in {f.rule for f in result.findings}
    assert "provider" not in result.roles


def test_the_dossier_of_a_derogated_system_never_says_minimal_risk(pack, tmp_path):
    from pypdf import PdfReader

    from app.dossier.export import export_dossier
    from app.storage.drafts import Answer, Draft

    draft = Draft.new(pack)
    draft.answers = {qid: Answer(value=value) for qid, value in FORM_READER.items()}
    export_dossier(draft, pack, tmp_path / "d.pdf")
    reader = PdfReader(str(tmp_path / "d.pdf"))
    cover = " ".join(reader.pages[0].extract_text().split())
    assert "Art. 6(3)" in cover and "minimal risk" not in cover.lower()
    assert "Art. 6(3)" in reader.metadata.subject and "minimal" not in reader.metadata.subject.lower()


def test_role_names_are_the_packs_words_wherever_roles_are_shown(pack, tmp_path, capsys):
    from app.storage.draft_store import save_draft
    from app.storage.drafts import Answer, Draft
    from risk_tiers.headline import role_name

    assert role_name(pack, "product_manufacturer") == "Product manufacturer"
    assert role_name(pack, "authorised_representative") == "Authorised representative"
    from forms.loader import DEFAULT_PACK, load_pack
    assert role_name(load_pack(DEFAULT_PACK, "fr"), "provider") == "Fournisseur"  # no space left before ":"
    draft = Draft.new(pack)
    draft.answers = {qid: Answer(value=value) for qid, value in
                     {**AI_SYSTEM, "role.roles": ["provider", "authorised_representative"]}.items()}
    save_draft(draft, tmp_path / "d.json")
    assert main(["classify", str(tmp_path / "d.json")]) == 0
    assert "Your roles: Provider, Authorised representative" in capsys.readouterr().out
