"""Entity and event resolution rules, without a database."""

from __future__ import annotations

from graph.model import EntityType
from graph.store.resolve import (
    Candidate,
    EventReport,
    FormCount,
    MentionKeys,
    canonical_name,
    choose,
    components,
    countries_compatible,
    entity_id,
    event_clusters,
    initials,
    is_acronym,
    most_common,
    name_keys,
    norm_names,
    normalize_name,
    person_forms,
    pick_country,
    pick_type,
    same_event,
    slug,
    types_compatible,
)

GOV = EntityType.GOVERNMENT_BODY
ORG = EntityType.ORGANIZATION
PER = EntityType.PERSON
COM = EntityType.COMPANY


def _shares(a: list[str], b: list[str], t: EntityType) -> bool:
    ka, kb = name_keys(a, t), name_keys(b, t)
    return bool(ka.probe & kb.own) or bool(kb.probe & ka.own)


def test_normalize_folds_case_accents_ampersand_and_article() -> None:
    assert normalize_name("The Ministry of Science & ICT") == "ministry of science and ict"
    assert normalize_name("Société Générale") == "societe generale"
    assert normalize_name("  Korea's  AI-Safety   Institute ") == "koreas ai safety institute"
    assert normalize_name("The") == "the"


def test_person_name_variants_share_a_form() -> None:
    variants = [
        "Choi Woo-hyuk",
        "Choi Woohyuk",
        "CHOI Woo Hyuk",
        "Woo-hyuk Choi",
        "Dr. Choi Woo-hyuk",
    ]
    forms = [set(person_forms(v)) for v in variants]
    for f in forms[1:]:
        assert forms[0] & f
    assert "choi|woohyuk" in forms[0]


def test_person_names_with_diacritics_match() -> None:
    assert _shares(["José Álvarez"], ["Jose Alvarez"], PER)


def test_different_people_do_not_share_forms() -> None:
    assert not _shares(["Choi Woo-hyuk"], ["Choi Min-jun"], PER)
    assert not _shares(["John Paul Smith"], ["John Smith"], PER)


def test_full_name_and_acronym_alias_link_documents() -> None:
    full = ["Ministry of Science and ICT", "MSIT"]
    assert _shares(full, ["MSIT"], GOV)
    assert _shares(full, ["Ministry of Science and ICT"], GOV)


def test_initials_link_an_acronym_to_a_spelled_out_name() -> None:
    assert "kisa" in initials("Korea Internet & Security Agency")
    assert set(initials("Ministry of Science and ICT")) == {"msi", "msict"}
    assert initials("Samsung") == []
    assert _shares(["Korea Internet & Security Agency"], ["KISA"], ORG)
    # Initials are weak: they only travel from acronym to spelled-out name.
    ka = name_keys(["Korea Internet & Security Agency"], ORG)
    assert not (ka.strong & name_keys(["KISA"], ORG).own)


def test_acronym_detection() -> None:
    assert is_acronym("MSIT") and is_acronym("KISA") and is_acronym("U.S.")
    assert not is_acronym("OpenAI") and not is_acronym("Anthropic") and not is_acronym("A")


def test_people_keys_never_meet_organization_keys() -> None:
    assert not (name_keys(["Baker"], PER).probe & name_keys(["Baker"], ORG).own)


def test_type_and_country_compatibility() -> None:
    assert types_compatible(GOV, ORG) and types_compatible(ORG, COM)
    assert not types_compatible(GOV, COM)
    assert not types_compatible(PER, ORG)
    assert countries_compatible("South Korea", "KR")
    assert countries_compatible(None, "JP")
    assert not countries_compatible("Korea", "Japan")


def test_choose_single_strong_candidate() -> None:
    c = Candidate("gov:msit", GOV, "KR", 3, strong=True)
    assert choose(GOV, None, [c]).target == "gov:msit"


def test_choose_refuses_same_acronym_in_another_country() -> None:
    kr = Candidate("gov:nis", GOV, "KR", 5, strong=True)
    assert choose(GOV, "Norway", [kr]).target is None
    assert choose(GOV, "South Korea", [kr]).target == "gov:nis"


def test_choose_refuses_other_type() -> None:
    person = Candidate("per:baker", PER, None, 1, strong=True)
    assert choose(COM, None, [person]).target is None


def test_choose_merges_two_strong_records_of_one_body() -> None:
    a = Candidate("gov:msit", GOV, None, 1, strong=True)
    b = Candidate("gov:ministry-of-science-and-ict", GOV, "KR", 4, strong=True)
    choice = choose(GOV, "KR", [a, b])
    assert choice.target == "gov:ministry-of-science-and-ict"
    assert choice.absorb == ("gov:msit",)


def test_choose_does_not_merge_bodies_of_different_countries() -> None:
    kr = Candidate("gov:mofa", GOV, "KR", 2, strong=True)
    jp = Candidate("gov:mofa-jp", GOV, "JP", 1, strong=True)
    choice = choose(GOV, None, [kr, jp])
    assert choice.target == "gov:mofa" and choice.absorb == ()
    assert choose(GOV, "JP", [kr, jp]).target == "gov:mofa-jp"


def test_weak_match_only_when_unique() -> None:
    one = Candidate("org:korea-internet-security-agency", ORG, None, 2, strong=False)
    two = Candidate("org:korea-insurance-services-association", ORG, None, 2, strong=False)
    assert choose(ORG, None, [one]).target == one.id
    assert choose(ORG, None, [one, two]).target is None


def test_canonical_name_prefers_spelled_out_then_most_used() -> None:
    forms = [FormCount("MSIT", 5, 5), FormCount("Ministry of Science and ICT", 1, 1)]
    assert canonical_name(forms) == "Ministry of Science and ICT"
    forms = [FormCount("Choi Woohyuk", 1, 1), FormCount("Choi Woo-hyuk", 2, 2)]
    assert canonical_name(forms) == "Choi Woo-hyuk"


def test_pick_type_and_country() -> None:
    assert pick_type({"Organization": 1, "GovernmentBody": 1}) is GOV
    assert pick_type({"Organization": 3, "GovernmentBody": 1}) is ORG
    assert pick_country({"kr": 2, "jp": 2}) == "jp"
    assert pick_country({}) is None


def test_most_common_breaks_ties_by_source_order() -> None:
    assert most_common(["workshop", "meeting"], ["d1", "d2"]) == "workshop"
    assert most_common(["workshop", "meeting", "meeting"], ["d1", "d2", "d3"]) == "meeting"
    assert most_common([None, ""], ["d1", "d2"]) is None


def test_ids_and_norm_names() -> None:
    assert entity_id("Ministry of Science and ICT", GOV) == "gov:ministry-of-science-and-ict"
    assert entity_id("Sasha Baker", PER) == "per:sasha-baker"
    assert slug("과학기술정보통신부") == "과학기술정보통신부"
    assert slug("!!!") == "unnamed"
    assert norm_names(["MSIT", "msit", "Ministry of Science & ICT"]) == [
        "ministry of science and ict",
        "msit",
    ]


def test_same_event_needs_strong_overlap() -> None:
    a = ["gov:msit", "com:openai", "per:sasha-baker", "gov:nis"]
    assert same_event(a, ["gov:msit", "com:openai"])
    assert not same_event(a, ["gov:msit", "com:anthropic"])
    assert not same_event(["gov:msit"], ["gov:msit"])
    big = [f"x{i}" for i in range(10)]
    assert not same_event(big, ["x0", "x1", "y1", "y2", "y3", "y4", "y5"])


def test_components_split_when_link_is_gone() -> None:
    def mk(doc: str, names: list[str]) -> MentionKeys:
        k = name_keys(names, GOV)
        return MentionKeys(doc, k.own, k.probe)

    full, short, both = (
        mk("d1", ["Ministry of Science and ICT"]),
        mk("d2", ["MSIT"]),
        mk("d3", ["Ministry of Science and ICT", "MSIT"]),
    )
    assert components([full, short, both]) == [["d1", "d2", "d3"]]
    assert components([full, short]) == [["d1"], ["d2"]]
    glue = [name_keys(["Ministry of Science and ICT", "MSIT"], GOV).own]
    assert components([full, short], glue) == [["d1", "d2"]]


def _reports(**parts: list[str]) -> list[EventReport]:
    return [EventReport(ref, f"evt:{ref}", frozenset(p)) for ref, p in parts.items()]


def test_event_clusters_join_reports_a_third_links_and_split_them_without_it() -> None:
    x = ["gov:a", "com:b"]
    z = ["com:c", "per:d"]
    y = ["gov:a", "com:b", "com:c", "per:d"]
    linked = _reports(x=x, y=y, z=z)
    assert event_clusters(linked) == {"x": "evt:x", "y": "evt:x", "z": "evt:x"}
    assert event_clusters(_reports(x=x, z=z)) == {"x": "evt:x", "z": "evt:z"}
    assert event_clusters(_reports(z=z, y=y)) == {"y": "evt:y", "z": "evt:y"}
    assert event_clusters(list(reversed(linked))) == event_clusters(linked)


def test_event_clusters_keep_manual_merges_and_their_kept_id() -> None:
    apart = _reports(a=["gov:a", "com:b"], b=["gov:c", "com:d"], c=["gov:c", "com:d", "x"])
    assert event_clusters(apart) == {"a": "evt:a", "b": "evt:b", "c": "evt:b"}
    merged = event_clusters(apart, {"evt:a": "evt:c"})
    assert merged == {"a": "evt:c", "b": "evt:c", "c": "evt:c"}
    # The kept event's reports on another day (not in this list) keep the id as well.
    assert event_clusters(apart[1:], {"evt:a": "evt:b"}) == {"b": "evt:b", "c": "evt:b"}
    assert event_clusters(apart[:1], {"evt:a": "evt:b"}) == {"a": "evt:b"}


def test_a_shared_surname_alias_does_not_link_two_people() -> None:
    assert not _shares(["Kim Ji-sung", "Kim"], ["Kim Min-jun", "Kim"], PER)
    assert not _shares(["Sasha Baker", "Baker"], ["Baker"], PER)
    assert _shares(["Baker"], ["Baker"], PER)
    assert _shares(["Kim Ji-sung", "Kim"], ["Kim Ji-sung"], PER)


def test_a_shared_acronym_alias_does_not_link_two_spelled_out_bodies() -> None:
    robotics = ["Nordic Robotics Institute", "NRI"]
    rail = ["Nordhavn Rail Inspectorate", "NRI"]
    assert not _shares(robotics, rail, ORG)
    assert _shares(robotics, ["NRI"], ORG) and _shares(rail, ["NRI"], ORG)
    assert name_keys(robotics, ORG).link == {"n:org:nri"}
    assert name_keys(robotics, ORG).rival_keys() <= name_keys(rail, ORG).own


def test_choose_takes_a_bare_acronym_node_only_without_a_rival() -> None:
    bare = Candidate("org:nri", ORG, None, 1, strong=True, link=True)
    rival = Candidate("org:nordhavn-rail-inspectorate", ORG, None, 1, strong=False)
    assert choose(ORG, None, [bare]).target == "org:nri"
    assert choose(ORG, None, [bare], [rival]).target is None
    own = Candidate("org:nordic-robotics-institute", ORG, None, 2, strong=True)
    assert choose(ORG, None, [own, bare]).absorb == ("org:nri",)
    assert choose(ORG, None, [own, bare], [own, rival]) == choose(ORG, None, [own])
    foreign = Candidate("org:nri-dk", ORG, "Denmark", 1, strong=False)
    assert choose(ORG, "Norway", [bare], [foreign]).target == "org:nri"


def test_components_keep_two_bodies_sharing_only_an_acronym_apart() -> None:
    def mk(doc: str, names: list[str]) -> MentionKeys:
        k = name_keys(names, ORG)
        return MentionKeys(doc, k.own, k.probe)

    robotics = mk("d1", ["Nordic Robotics Institute", "NRI"])
    rail = mk("d2", ["Nordhavn Rail Inspectorate", "NRI"])
    assert components([robotics, rail]) == [["d1"], ["d2"]]
    assert components([robotics, mk("d3", ["NRI"])]) == [["d1", "d3"]]
