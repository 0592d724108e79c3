"""Meetings: triggers, attendance lists, exclusions, status and participants."""

from __future__ import annotations

import datetime as dt

from tests.unit._extract_helpers import meetings, optional, run


def test_workshop_attendance_list_and_separate_earlier_meeting() -> None:
    x = run(
        "The Agency for Ocean Data (AOD) said it held a technical workshop with Pellucid Labs "
        "on the 14th. Officials from the Coast Guard Service, the Fisheries Board, and the "
        "Tide Research Institute also attended.\n\n"
        "Omar Sayed, Pellucid Labs' director of research, briefed the officials on the "
        "company's models.\n\n"
        "The agency held a similar meeting with Brightwave Analytics on the 7th.\n\n"
        '"The exchange was useful," said Hana Ito, head of AOD\'s Survey Bureau.',
        date=None,
    )
    assert meetings(x) == [
        (
            "held",
            frozenset(
                {
                    "Agency for Ocean Data",
                    "Pellucid Labs",
                    "Coast Guard Service",
                    "Fisheries Board",
                    "Tide Research Institute",
                    "Omar Sayed",
                }
            ),
        ),
        ("held", frozenset({"Agency for Ocean Data", "Brightwave Analytics"})),
    ]
    first, second = x.meetings
    assert (first.date, first.day, first.date_precision) == (None, 14, "day_of_month")
    assert second.day == 7
    assert "Hana Ito" in optional(x, 1)
    assert first.to_eval if hasattr(first, "to_eval") else True
    eval_meetings = x.to_eval()["meetings"]
    assert eval_meetings[0]["day"] == 14 and eval_meetings[0]["date"] is None


def test_relative_dates_two_meetings_and_ordinal_reference() -> None:
    x = run(
        "On the 10th, bureau chief Anton Lisk met managers from Crest Cloud and Pyra Hosting. "
        "A day later, his deputy, Rhea Monti, briefed Vantor Mobile and Selk Telecom. "
        "Officials from the Ministry of Networks joined the second session by video link. "
        "Orvel Wireless was invited to the second briefing but did not send anyone.",
        date="2026-03-13",
    )
    got = meetings(x)
    assert got[0] == ("held", frozenset({"Anton Lisk", "Crest Cloud", "Pyra Hosting"}))
    assert got[1] == (
        "held",
        frozenset({"Rhea Monti", "Vantor Mobile", "Selk Telecom", "Ministry of Networks"}),
    )
    assert [m.date for m in x.meetings] == [dt.date(2026, 3, 10), dt.date(2026, 3, 11)]


def test_planned_and_cancelled_meetings_and_withdrawals() -> None:
    x = run(
        "The Water Pricing Board will meet Aqualis Utilities and Brenn Water next month to "
        "discuss tariffs, the board said on Thursday. A seminar on leak detection that the "
        "Pipe Makers Association had organized for March 3 with the Leak Control Office was "
        "cancelled after Loro Valves withdrew.",
        date="2026-03-12",
    )
    statuses = [(m.status, m.date_label()) for m in x.meetings]
    assert statuses == [("planned", "2026-04"), ("cancelled", "2026-03-03")]
    planned, cancelled = meetings(x)
    assert planned[1] == frozenset({"Water Pricing Board", "Aqualis Utilities", "Brenn Water"})
    assert "Loro Valves" not in cancelled[1]


def test_invited_but_absent_and_not_involved_are_excluded() -> None:
    x = run(
        "The Ministry of Mines hosted Korvath Metals and Ilsen Mining on Tuesday for talks on "
        "safety. Dunmore Resources had been invited but did not send a delegation. The Mine "
        "Workers Union was not involved in Tuesday's meeting, a ministry official said.",
        date="2026-03-13",
    )
    assert meetings(x) == [
        ("held", frozenset({"Ministry of Mines", "Korvath Metals", "Ilsen Mining"}))
    ]
    assert x.meetings[0].date == dt.date(2026, 3, 10)
    host = [p for p in x.meetings[0].participants if p.role == "host"]
    assert [x.entity(p.entity).name for p in host] == ["Ministry of Mines"]


def test_courtesy_call_accompanied_and_passive_hosting() -> None:
    x = run(
        "Nina Faber, chief executive of Quorra Systems, paid a courtesy call on Trade Minister "
        "Jun Takeda at the Ministry of Trade on Monday. Faber was accompanied by Leo Brandt, "
        "who heads the company's Asia business.\n\n"
        "Separately, talks between Halden Freight and Oksa Ports were hosted by the Port "
        "Council on Wednesday.",
        date="2026-03-13",
    )
    got = meetings(x)
    assert got[0] == (
        "held",
        frozenset(
            {"Nina Faber", "Quorra Systems", "Jun Takeda", "Ministry of Trade", "Leo Brandt"}
        ),
    )
    assert x.meetings[0].kind == "courtesy call"
    assert got[1][1] >= {"Port Council"}


def test_attendance_passive_and_signing_ceremony() -> None:
    x = run(
        "The pact was signed at a ceremony at the institute attended by Veda Institute President "
        "Arun Pillai and Mei Tanaka, chief executive of Hoshi Robotics. Kuro Systems, the third "
        "partner, was represented by its chief technology officer, Daniel Roth. Also in "
        "attendance were officials from the Ministry of Industry.",
    )
    assert meetings(x) == [
        (
            "held",
            frozenset(
                {
                    "Veda Institute",
                    "Arun Pillai",
                    "Mei Tanaka",
                    "Hoshi Robotics",
                    "Kuro Systems",
                    "Daniel Roth",
                    "Ministry of Industry",
                }
            ),
        )
    ]


def test_market_report_traps_make_no_meeting() -> None:
    x = run(
        "Shares of Rinko Software rallied after quarterly sales met analysts' expectations. "
        "Tamsin Bank joined the rally, while Orbis Cloud's takeover of Dray Networks awaits a "
        "review by the Fair Trade Commission. Hollis Capital's Ben Ortiz said valuations are high."
    )
    assert x.meetings == []


def test_country_of_a_participating_body_is_only_optional() -> None:
    x = run(
        "Norway's Ministry of Fisheries met Kelda Seafood in Bergen on Monday.",
        date="2026-03-13",
    )
    assert meetings(x) == [("held", frozenset({"Ministry of Fisheries", "Kelda Seafood"}))]
    assert optional(x, 0) == {"Norway"}


def test_unknown_publication_date_leaves_weekdays_unresolved() -> None:
    x = run("The Salt Board met Vinter Foods on Wednesday.", date=None)
    m = x.meetings[0]
    assert (m.date, m.month, m.date_text, m.date_precision) == (None, None, "Wednesday", "unknown")
