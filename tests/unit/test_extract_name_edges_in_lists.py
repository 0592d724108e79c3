"""Name edges in readouts' lists of signatories and officers (invented sentences).

- "President of Norvik National Chamber of Commerce and Industry": the body's own "of"
  before the "and" keeps "and Industry" in its name (it was cut at the "and" when a title
  and its "of" came first).
- "Ministry of Finance and Mr. Tomas Brek": an honorific after "and" begins another name;
  it is never the last word of a body ("Ministry of Finance and Mr").
- "H. E. Tomas Brek" / "H.E. Lena Ortiz" (His or Her Excellency): the honorific is no part
  of the name.
"""

from __future__ import annotations

from tests.unit._extract_helpers import affiliations, entities, names, run


def test_a_bodys_own_of_keeps_its_and() -> None:
    x = run(
        "Tomas Brek, President of Norvik National Chamber of Commerce and Industry, said the"
        " talks went well."
    )
    body = "Norvik National Chamber of Commerce and Industry"
    assert ("Tomas Brek", body, True) in affiliations(x)
    assert "Industry" not in names(x)


def test_an_honorific_after_and_begins_a_name() -> None:
    x = run(
        "The papers were signed by Ana Holm, Deputy Secretary, Ministry of Finance and"
        " Mr. Tomas Brek, First Secretary."
    )
    assert "Ministry of Finance" in names(x)
    assert ("Tomas Brek", "Person") in entities(x)
    assert not any(n.endswith(" Mr") for n in names(x))


def test_his_excellency_is_no_part_of_the_name() -> None:
    x = run("The deal was signed by H. E. Tomas Brek, Ambassador of Peru, and H.E. Lena Ortiz.")
    assert {("Tomas Brek", "Person"), ("Lena Ortiz", "Person")} <= entities(x)
    assert ("Tomas Brek", "Peru", True) in affiliations(x)
