"""Meetings as events: who met whom, when, and whether it happened.

A sentence either starts a meeting (a trigger: "held a workshop with", "met",
"paid a courtesy call on", "at a breakfast meeting", "brought together"), or adds
to one already introduced ("Officials from A and B also attended", "X was
represented by its CTO, Y", "the second session"), or excludes someone ("was
invited but did not send a representative"). Subjects and objects of the trigger
within its clause become participants; people's organizations join through their
current affiliations at the end.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Callable
from dataclasses import dataclass, field

from graph.extract.context import ORG_TYPES, TAG, Ref, Tagged
from graph.extract.dates import DateMention as DateMentionT
from graph.extract.dates import ResolvedDate, find_dates, resolve
from graph.extract.shapes import TIME_WORDS
from graph.model import EntityType, Evidence

NOUN = (
    r"(?<!press )(?<!news )(?:meetings?|talks|workshops?|roundtables?|round-tables?|summits?"
    r"|briefings?|sessions?|conferences?|forums?|dialogue|consultations?|ceremony|signing|courtesy\s+call|visit"
    r"|seminars?|symposium|hearing|videoconference|video\s+conference|gathering|dinner"
    r"|luncheon|lunch|breakfast|retreat|negotiations|round|(?:phone|telephone|video|conference)\s+call"
    r"|event|reception|banquet|gala)"
)
_T = r"\ue000\d+\ue001"
_ATTRIB = re.compile(
    r"(?:,\s+|\s+\u2014\s+)(?:according\s+to\b[^,]*"
    r"|(?:(?:[\w\-']+|" + _T + r")\s+){0,5}(?:said|says|told\s+reporters|added|announced|"
    r"reported|confirmed|stated)\b(?:\s+(?:on|in|at)\s+[^,]*)?"
    r"|(?:said|says|added|announced)\s+[^,]*)\s*[.!]?$"
)
_LEAD_ATTRIB = re.compile(r"^(?:According\s+to\s+[^,]{0,120},\s*)")
_SEG = re.compile(
    r";|,\s+(?:while|but|whereas|although|though|where|which|when|as|because|saying|adding|"
    r"telling)\b|\s+(?:while|whereas|because|although)\s+"
    r"|(?<!appeared)(?<!testified)(?<!shortly)(?<!days)(?<!weeks)(?<!hours)(?<!just)"
    r"\s+(?:after|before)\s+(?!(?:the|a|an)\s+(?:[\w\-]+\s+)?meeting)"
)
_NEG = re.compile(
    r"\b(?:did\s+not|didn't|does\s+not|do\s+not|declined\s+to|refused\s+to|failed\s+to|"
    r"(?:was|were)\s+unable\s+to|could\s+not|couldn't|would\s+not|will\s+not|won't|never)\s+"
    r"(?:\w+\s+){0,2}?(?:attend|send|join|take\s+part|participate|show|come|meet|be\s+represented)"
    r"\b|\b(?:was|were|is|are)\s+not\s+(?:\w+\s+)?(?:involved|present|represented|invited|part\s+of|"
    r"at|among)\b|\b(?:withdrew|pulled\s+out|boycotted|skipped|stayed\s+away|backed\s+out)\b"
    r"|\b(?:was|were)\s+absent\b"
    r"|\bno\s+plans?\s+to\s+(?:meet|attend|hold|join)\b"
    r"|\bnot\s+(?:scheduled|planning|expected)\s+to\s+(?:meet|attend|join)\b"
)
_BUT_POSITIVE = re.compile(
    r"\bbut\s+(?!did|does|do|had|has|was|were|is|are|could|would|will|not|never)"
)
_PRONOUN_SUBJECT = re.compile(r"(?:^|[,;]\s*|\s)(?:[Hh]e|[Ss]he)\s+(?:also\s+|later\s+|then\s+)?$")
_PEOPLE_PLURALS = frozenset(
    [
        "officials",
        "ministers",
        "leaders",
        "executives",
        "chiefs",
        "men",
        "women",
        "heads",
        "envoys",
        "diplomats",
        "presidents",
        "delegates",
    ]
)
# "the June 3 presidential election": a date naming another thing, not a meeting's date
_ATTR_BEFORE = re.compile(r"(?:\b(?:the|a|an|its|their|this|that)|'s|\u2019s)\s+$", re.I)
_ATTR_AFTER = re.compile(
    r"\s+(?!(?:on|in|at|to|and|or|with|by|for|of|from|when|as|was|were|is|are|will|would|"
    r"has|had|have|that|which|who|after|before|between)\b)[a-z][\w\-]*"
)
_ATTR_MEETING = re.compile(r"^\s+(?:[a-z][\w\-]*\s+){0,2}?(?:" + NOUN + r")\b")


def _attributive_date(body: str, dm: DateMentionT) -> bool:
    if not (dm.get("md") or dm.get("dm")):
        return False
    if _ATTR_BEFORE.search(body, max(0, dm.start - 12), dm.start) is None:
        return False
    rest = body[dm.end : dm.end + 80]
    return _ATTR_AFTER.match(rest) is not None and _ATTR_MEETING.match(rest) is None


_LIST_ITEM = re.compile(r";\s*(?:and\s+)?\ue000(\d+)\ue001\s*,")
_THE_TWO = re.compile(
    r"\b[Tt]he\s+two\s+(officials|ministers|leaders|executives|chiefs|men|women|heads|envoys|"
    r"diplomats|presidents|delegates|companies|firms|governments|organizations|agencies|sides|"
    r"countries|nations)\b"
)
# "in Tokyo", "in San Francisco": a place named after 'in' (names of entities are tags)
_LOCATION = re.compile(r"\bin\s+((?:[A-Z][a-z]+)(?:\s+[A-Z][a-z]+){0,2})\b(?!\s*\d)")
_PEOPLE_OBJECT = re.compile(
    r"\s+(?:[\w'\-]+\s+){0,3}(?:officials|executives|officers|representatives|heads|chiefs|"
    r"bankers|leaders|ministers|delegates|staff|envoys|diplomats)\b"
)
_ALONG_WITH = re.compile(r"\b(?:along\s+with|together\s+with|alongside|as\s+did)\b")
_SAME_DAY = re.compile(r"\b(?:later|afterwards?|then|also)\b")
_SERIES_HEADS = frozenset(
    {"Council", "Committee", "Forum", "Dialogue", "Commission", "Summit", "Conference", "Group"}
)
_MEETING_OF = re.compile(
    r"\b(?:meeting|sidelines|margins|session)\s+of\s+(?:the\s+|their\s+|its\s+|a\s+|an\s+)?"
    r"(?:\ue000\d+\ue001(?:\s*,\s*|\s+and\s+|\s*&\s*|\s*\(\s*)(?:the\s+)?){0,3}$"
)
_MEMBER_OF = re.compile(r"\ue001\s+of\s+(?:the\s+)?$")
_WITH_BEFORE = re.compile(r"\b(?:with|between)\s+(?:the\s+)?$")
_BARE_AFTER = re.compile(
    r"(?:\s*[,.;:)]|\s*$|\s+(?:and|or|held|met|signed|agreed|have|has|had|will|would|are|"
    r"were|is|was|also|said|reached|began|launched|hosted|joined)\b)"
)
_ORDINAL = re.compile(
    r"\bthe\s+(first|second|third|fourth|fifth|earlier|previous|later|latest)\s+"
    r"(?:[a-z\-]+\s+)?(?:" + NOUN + r")\b"
)
_DEFINITE = re.compile(
    r"\b(?:[Tt]he|[Tt]his|[Tt]hat|[Tt]oday's|[A-Z][a-z]+day's|[Ii]ts|[Tt]heir)\s+"
    r"(?:[a-z][a-z\-]*\s+){0,2}(?P<noun>" + NOUN + r")\b"
)
_INDEF = re.compile(
    r"\b(?:[Aa]n?|[Aa]nother)\s+(?:[\w\-]+\s+){0,4}?(?P<noun>" + NOUN + r")\b"
    r"(?:\s+(?P<noun2>" + NOUN + r")\b)?"
)
_SUMMARY = re.compile(
    r"(?<![\w\-+])(?:two|three|four|five|several|multiple|a\s+series\s+of|separate)\s+(?:[\w\-]+\s+)?"
    r"(?:meetings|briefings|sessions|rounds|workshops|talks)\b"
)
_CANCEL = re.compile(
    r"\b(?:cancel+ed|called\s+off|scrapped|fell\s+through|was\s+scrapped|postponed\s+indefinitely)"
    r"\b"
)
_MODAL = re.compile(
    r"\b(?:will|would|shall|'ll|is\s+to|are\s+to|plans?\s+to|planned\s+to|planning\s+to|"
    r"(?:is|are|was|were)\s+scheduled\s+to|scheduled\s+to|(?:is|are)\s+set\s+to|"
    r"(?:is|are)\s+(?:also\s+)?expected\s+to|expects?\s+to|"
    r"(?:had\s+been|was|were)\s+(?:due|supposed|set|expected)\s+to|intends?\s+to|aims?\s+to|agreed\s+to|"
    r"(?:is|are)\s+due\s+to|to\s+be|hopes?\s+to|seeks?\s+to|wants?\s+to|upcoming)\b"
    r"(?:\s+[\w\-']+|\s+\ue000\d+\ue001){0,6}\s*$"
)
_TRIGGERS: tuple[tuple[str, re.Pattern[str], str], ...] = (
    (
        "hold",
        re.compile(
            r"\b(?:held|holds|hold|holding|convened|convenes|convene|co-hosted)\b"
            r"|\b(?:launch|resume|start|open)\b(?=\s+(?:[a-z\-]+\s+){0,2}(?:" + NOUN + r")\b)"
        ),
        "host",
    ),
    (
        "host",
        re.compile(
            r"\b(?:hosted|hosts|host|hosting|summoned|summons|called\s+in)\b(?!\s+by)"
            r"|\b(?:received|receives|welcomed|welcomes)\s+"
            r"(?=(?:[A-Z][\w.\-]*\s+){0,4}\ue000\d+\ue001(?!'))"
            r"|\b(?:received|receives|welcomed|welcomes)\s+(?:a|an|the)\s+(?:[\w\-]+\s+){0,3}?"
            r"delegations?\b"
        ),
        "host",
    ),
    (
        "visit",
        re.compile(
            r"\b(?:paid|pays|pay|paying)\s+(?:a\s+|an\s+)?(?:courtesy\s+)?(?:call|visit)\s+(?:on|to)\b"
            r"|\b(?:visit|visited|visits|visiting|toured|tours|touring|called\s+on)\b(?!\s+(?:to|by|of)\b)"
            r"|\b(?:received|receives|receiving)\s+(?:a\s+)?(?:courtesy\s+)?(?:call|visit)s?\s+"
            r"from\b"
        ),
        "attendee",
    ),
    (
        "meet",
        re.compile(
            r"\b(?:met|meet|meets|meeting\s+with|sat\s+down\s+with|sit\s+down\s+with|"
            r"held\s+(?:(?:a|an|the|their|its|his|her)\s+)?"
            r"(?:[a-z0-9\-+'\"\u201c\u201d\u2018\u2019]+,?\s+){0,4}?(?:talks|" + NOUN + r")\s+with|"
            r"talked\s+with|conferred\s+with|"
            r"spoke\s+(?:by\s+(?:phone|telephone|video\s+link)\s+)?with)\b"
        ),
        "attendee",
    ),
    (
        "sign",
        re.compile(
            r"\bsign(?:ed|s|ing)?\s+(?:a|an|the|\d+|two|three|four|five|several|separate|new)\s+"
            r"(?:[\w\-]+\s+){0,3}(?:agreements?|memorand(?:um|a|ums)|mous?|deals?|pacts?|accords?|"
            r"contracts?|partnerships?|letters?\s+of\s+intent)\b",
            re.I,
        ),
        "attendee",
    ),
    (
        "signed_by_new",
        re.compile(
            r"\b(?:agreements?|memorand(?:um|a)|mous?|deals?|pacts?|accords?|contracts?|declarations?)"
            r"(?:\s+of\s+understanding)?\s+(?:was|were)\s+(?:also\s+)?signed\b[^;]{0,80}?\bby\b",
            re.I,
        ),
        "attendee",
    ),
    (
        "together",
        re.compile(r"\b(?:brought|bring|brings|bringing)\s+(?:[^,;]{0,80}?\s+)??together\b"),
        "host",
    ),
    ("brief", re.compile(r"\bbriefed\b"), "speaker"),
    ("accompany", re.compile(r"\baccompanied\b"), "attendee"),
    (
        "talks_with",
        re.compile(
            r"\b(?:talks|meeting|meetings|consultations|negotiations|dialogue|discussions)\s+"
            r"(?:with|between)\b"
        ),
        "attendee",
    ),
    (
        "at_meeting",
        re.compile(
            r"\b(?:at|during|on\s+the\s+sidelines\s+of)\s+(?:a|an|the|its|their)?\s*"
            r"(?:[\w\-']+\s+){0,3}?(?:" + NOUN + r")\b"
        ),
        "attendee",
    ),
    (
        "appear",
        re.compile(r"\b(?:appeared|appears|testified|testifies)\s+(?:before|to)\b"),
        "attendee",
    ),
    ("reconvene", re.compile(r"\b(?:reconvene|reconvenes|meet\s+again)\b"), "attendee"),
    (
        "np_event",
        re.compile(
            r"\b(?:[Aa]n?|[Aa]nother)\s+(?:[\w\-]+\s+){0,4}?(?:" + NOUN + r")\b(?=[^;]{0,200}?\b"
            r"(?:(?:was|were|is|are|will\s+be|had\s+been|has\s+been)\s+(?:held|cancel+ed|called\s+off|"
            r"postponed|scheduled|organi[sz]ed|convened|hosted|planned)|took\s+place)\b)"
        ),
        "attendee",
    ),
)
_PARTICIPATION: tuple[tuple[str, re.Pattern[str], str], ...] = (
    (
        "attended_by",
        re.compile(
            r"\bin\s+the\s+presence\s+of\b|"
            r"\b(?:delegation|entourage)\s+(?:also\s+)?(?:included|includes|comprised|consisted\s+of)\b|"
            r"\b(?:attended|joined)\s+by\b(?!\s+(?:video|phone|telephone|teleconference|videoconference|"
            r"satellite|(?:a\s+)?video\s+link|(?:a\s+)?videolink))|\bin\s+attendance\s+(?:were|was)\b|"
            r"\b(?:also\s+)?(?:attending|present|participating)\s+(?:were|was)\b|"
            r"\b(?:among\s+(?:those\s+)?(?:at|attending|present\s+at)\b[^,;]*?\b(?:was|were))\b|"
            r"\b(?:participants|attendees)\s+(?:included|were)\b"
        ),
        "attendee",
    ),
    (
        "among",
        re.compile(
            r"\b(?:were|was)\s+(?:also\s+)?among\s+(?:those\s+)?(?:present|attending|in\s+attendance|"
            r"the\s+participants|the\s+attendees|the\s+guests)\b"
        ),
        "attendee",
    ),
    (
        "chaired_by",
        re.compile(
            r"\b(?:(?:co-)?chaired|presided\s+over|moderated|led|briefed|addressed|opened)\s+by\b"
        ),
        "speaker",
    ),
    ("pressed", re.compile(r"\b(?:pressed|questioned|grilled|quizzed)\s+(?=\ue000)"), "attendee"),
    ("signed_by", re.compile(r"\b(?:was|were)\s+signed\s+(?:[^,;]{0,60}?\s+)?by\b"), "attendee"),
    (
        "hosted_by",
        re.compile(
            r"\b(?:was|were|is|are|be)\s+(?:also\s+)?(?:co-)?(?:hosted|received|welcomed|greeted)"
            r"\s+by\b"
            r"|\b(?:forum|meeting|conference|event|summit|dialogue|seminar|symposium|workshop|"
            r"session|ceremony|dinner|roundtable)s?,\s+(?:which\s+was\s+)?(?:co-)?"
            r"(?:organi[sz]ed|hosted|convened|sponsored)\s+by\b"
        ),
        "host",
    ),
    ("represented_by", re.compile(r"\b(?:was|were)\s+(?:also\s+)?represented\s+by\b"), "attendee"),
    ("accompanied_by", re.compile(r"\b(?:was|were)\s+accompanied\s+by\b"), "attendee"),
    (
        "attend",
        re.compile(
            r"\b(?:also\s+)?(?:attended|attending|took\s+part|taking\s+part|participated|joined"
            r"|(?:were|was)\s+(?:also\s+)?present"
            r"|were\s+in\s+attendance|was\s+in\s+attendance)\b"
            r"(?!\s+by\b(?!\s+(?:video|phone|telephone|teleconference|videoconference|satellite|"
            r"(?:a\s+)?video\s*link)))"
        ),
        "attendee",
    ),
    ("represented", re.compile(r"\brepresented\b(?!\s+by)"), "attendee"),
    ("sent", re.compile(r"\bsent\b"), "attendee"),
    (
        "led",
        re.compile(
            r"\b(?:chaired|co-chaired|presided\s+over|moderated|opened|closed|addressed|led)\s+"
            r"(?:the\s+)?(?:(?:[\w\-']+|"
            + _T
            + r"(?:'s|')?)\s+){0,2}?(?:"
            + NOUN
            + r"|delegation|discussions?|proceedings)\b"
        ),
        "speaker",
    ),
    (
        "present",
        re.compile(
            r"\b(?:presented|spoke\s+at|gave\s+(?:a\s+)?(?:presentation|talk|speech|keynote)|"
            r"delivered\s+(?:a\s+)?(?:presentation|speech|keynote))\b"
        ),
        "speaker",
    ),
    (
        "told",
        re.compile(
            r"\b(?:told|telling|urged|asked)\s+(?:the\s+)?(?:\w+\s+)?(?:delegates|participants|"
            r"attendees|companies|executives|officials|banks|bankers|lenders|firms|meeting|"
            r"gathering|audience|carriers|operators|ministers|lawmakers)\b"
        ),
        "speaker",
    ),
)
_KIND_OF_NOUN = {
    "talks": "talks",
    "courtesy call": "courtesy call",
    "signing": "MoU signing",
    "ceremony": "ceremony",
    "round-table": "roundtable",
    "videoconference": "video conference",
    "video conference": "video conference",
}
_ATTEND_OK_AFTER = re.compile(
    r"^(?:\s*(?:by|via)\s+(?:video|phone|teleconference|videoconference)|\s*remotely|\s*online"
    r"|\s*$|\s*[,.;]|\s+(?:the\s+|a\s+|an\s+)?(?:[\w\-']+\s+){0,3}(?:"
    + NOUN
    + r")\b|\s+"
    + _T
    + r")"
)
_ANY = re.compile(
    "|".join(
        [rx.pattern for _, rx, _ in _TRIGGERS]
        + [rx.pattern for _, rx, _ in _PARTICIPATION]
        + [_NEG.pattern, _ORDINAL.pattern, _DEFINITE.pattern, _CANCEL.pattern]
    )
)
_NOUN_ANY = re.compile(r"\b(?:" + NOUN + r")\b", re.I)
_NEW_TOPIC = re.compile(r"^\s*(?:Separately|In\s+a\s+separate\b|Meanwhile|Elsewhere)\b")
_CAME_AFTER = re.compile(r"\b(?:came|comes|follows|followed|was|is)\s+$")
_REPORT_DATE = re.compile(
    r"\b(?:said|says|announced|told\s+reporters|statement|reported)\s+(?:on\s+)?$"
)
# words before a meeting noun that are not part of its description ("also held talks")
_DESC_LEAD = re.compile(
    r"^(?:.*\b(?:a|an|the|their|its|his|her|first|another|held|hold|holds|holding|also|would|"
    r"will|to|and|with|officials|executives|had|have|has|joined|attended|for|at|in|of)\s+)"
)
_SIGNED_REF = re.compile(
    r"^\s*(?:The|This|That|These|Those)\s+(?:[\w\-]+\s+){0,2}?(?:agreement|mou|memorandum|deal|pact|"
    r"accord|contract|declaration|loi|letter\s+of\s+intent)s?(?:\s+of\s+understanding)?\s+(?:was|were)\s+(?:also\s+)?signed\b",
    re.I,
)


def triggers_hint(body: str) -> bool:
    """A meeting verb other than 'attend' is written ('met', 'held talks', 'visited')."""
    return _MEET_VERB.search(body) is not None


_MEET_VERB = re.compile(r"\b(?:met|meets|meet|held\s+talks|visited|sat\s+down)\b")
_OCCASION = re.compile(r"\b(?:sidelines|margins)\s+of\s+(?:the\s+)?[^,;]{0,80}$")
# "a meeting with the heads of eight banks": people not named, who may be named next
_HEADS_OF = re.compile(
    r"\s+(?:the\s+)?(?:heads|chiefs|chief\s+executives|CEOs|executives|leaders)\s+of\s+"
    r"(?:the\s+)?(?:[\w\-]+\s+){0,3}(?:banks|lenders|companies|firms|carriers|groups|insurers)\b"
)
_WITH_WORDS = re.compile(r"\b(?:accompanied|joined|along\s+with|together\s+with)\b")
_WHO_CLAUSE = re.compile(r",\s+who\s+[^,;]{3,160},")
_LAUNCHED = re.compile(
    r"\b(?:announced|launched|unveiled|set\s+up|formed|established|created|named)\s+"
    r"(?:a|an|the|its|their)\s+(?:[\w\-]+\s+){0,3}[\w\-]+,\s*$"
)
# bodies whose names also name their buildings
_VENUES = frozenset(
    {
        "National Assembly",
        "White House",
        "Blue House",
        "Cheong Wa Dae",
        "Kremlin",
        "Pentagon",
        "Elysee Palace",
        "Elysée Palace",
        "Downing Street",
        "Diet",
        "Capitol",
        "Great Hall of the People",
        "Zhongnanhai",
    }
)
_TALK_KINDS = frozenset({"meeting", "talks", "session", "dialogue", "consultation", "round"})
_EVENT_KINDS = frozenset({"summit", "forum", "conference", "expo", "symposium", "seminar"})
_RELATIVE = re.compile(r",\s+(?:which|who)\s+(?:was|were|is|are|had|has)\b[^,;]{0,120},")
# "met X ... to discuss Y's takeover of Z": what follows names the topic, not who came
_PURPOSE = re.compile(
    r"\s+to\s+(?:discuss|address|review|explore|talk\s+about|ask\s+about|seek|push\s+for|"
    r"resolve|ease|secure|finalize|negotiate)\b|\s+about\s+(?:the|a|an|its|their|his|her)\b"
)
# "..., who accompanied Lee on the trip, told the Herald": the audience of a remark
_TOLD = re.compile(r",?\s+(?:told|telling|said|says|according\s+to)\b")
_SIGNED_THE = re.compile(
    r"\bsigned\s+(?:the|that|this)\s+(?:[\w\-]+\s+){0,2}?(?:agreement|mou|memorandum|deal|pact|"
    r"accord|contract|declaration)s?\b",
    re.I,
)
_PASSIVE_PARTS = frozenset({"attended_by", "signed_by", "chaired_by"})
_PRONOUN_OK = frozenset(
    {"hold", "host", "visit", "meet", "sign", "talks_with", "at_meeting", "brief"}
)
Hit = tuple[str, re.Match[str], str, int, int]  # (rule, match, role, clause start, clause end)
TagsIn = Callable[[int, int], list[tuple[int, int, Ref]]]
WINDOW = 6  # sentences a meeting stays "current" for follow-up sentences


@dataclass
class PDraft:
    key: str
    role: str
    optional: bool
    evidence: Evidence


@dataclass
class MeetingDraft:
    kind: str
    description: str
    status: str
    evidence: Evidence
    sent: int
    date: ResolvedDate | None = None
    name_entity: str | None = None
    participants: dict[str, PDraft] = field(default_factory=dict)
    excluded: set[str] = field(default_factory=set)
    location: str | None = None
    # "met executives of five companies": people the sentence does not name took part
    unnamed_side: bool = False

    def add(self, key: str, role: str, optional: bool, ev: Evidence) -> None:
        if key in self.excluded:
            return
        have = self.participants.get(key)
        if have is None:
            self.participants[key] = PDraft(key, role, optional, ev)
        else:
            if have.optional and not optional:
                have.optional = False
            if role == "host" and have.role != "host":
                have.role = "host"

    def core(self) -> set[str]:
        return {k for k, p in self.participants.items() if not p.optional}


def _kind(noun: str | None, trigger: str | None) -> str:
    if noun:
        n = " ".join(noun.lower().split())
        if n in _KIND_OF_NOUN:
            return _KIND_OF_NOUN[n]
        if n.endswith("s") and n not in ("talks", "negotiations", "consultations"):
            n = n[:-1]
        return n
    return {
        "visit": "visit",
        "sign": "signing",
        "brief": "briefing",
        "talks_with": "talks",
    }.get(trigger or "", "meeting")


class MeetingFinder:
    def __init__(self, pub: dt.date | None) -> None:
        self.pub = pub
        self.meetings: list[MeetingDraft] = []
        self.current: MeetingDraft | None = None
        self.current_sent = -100
        self.last_date: dt.date | None = None
        self.recent_dates: list[tuple[int, ResolvedDate]] = []
        self.meeting_sents: set[int] = set()
        self.last_person: str | None = None
        self.prev_people: list[str] = []
        self.prev_orgs: list[str] = []
        self.prev_countries: list[str] = []
        self._body = ""

    # ------------------------------------------------------------------ helpers
    def _valid_current(self, sent: int) -> MeetingDraft | None:
        if self.current is not None and sent - self.current_sent <= WINDOW:
            return self.current
        return None

    def _with_person(self, hits: list[Hit], tags_in: TagsIn, sent: int) -> MeetingDraft | None:
        """The latest recent meeting one of the people after the trigger took part in."""
        people = {
            r.key
            for _, tm, _, _a, b in hits
            for _, _, r in tags_in(tm.end(), b)
            if r.type == EntityType.PERSON
        }
        for m in reversed(self.meetings):
            if sent - m.sent > 3 * WINDOW:
                break
            if people & m.core():
                return m
        return None

    def _by_noun(self, noun: str, sent: int) -> MeetingDraft | None:
        """'the forum' names the latest meeting of that kind, if there is one."""
        n = _kind(noun, None)
        for m in reversed(self.meetings):
            if sent - m.sent > 3 * WINDOW:
                break
            # the description's own noun ("policy forum on X"), not a place it mentions
            # ("meeting on the sidelines of the summit")
            desc = re.split(r"\s+(?:on|about|over|regarding|with|at|of)\s", m.description.lower())[
                0
            ]
            if n in m.kind or n in desc:
                return m
        return None

    def _ordinal(self, word: str) -> MeetingDraft | None:
        real = [m for m in self.meetings if len(m.core()) >= 2 or m is self.current]
        order = {
            "first": 0,
            "second": 1,
            "third": 2,
            "fourth": 3,
            "fifth": 4,
            "earlier": -2,
            "previous": -2,
            "later": -1,
            "latest": -1,
        }
        k = order.get(word.lower())
        if k is None or not real:
            return None
        if k >= 0:
            return real[k] if k < len(real) else None
        return real[k] if len(real) >= -k else real[0]

    @staticmethod
    def _usable(r: Ref) -> bool:
        return r.type in ORG_TYPES or r.type in (EntityType.PERSON, EntityType.COUNTRY)

    def _dates(self, body: str) -> list[tuple[int, DateMentionT]]:
        """Time expressions of the sentence, except the date of a statement ('said on Monday')."""
        out = []
        for dm in find_dates(body):
            if _REPORT_DATE.search(body[max(0, dm.start - 30) : dm.start]):
                continue
            if _attributive_date(body, dm):
                continue
            out.append((dm.start, dm))
        return out

    # ------------------------------------------------------------------ main
    def sentence(self, tg: Tagged, consumed: set[int], ev: Evidence) -> None:
        s = tg.s
        self._body = s
        if _ANY.search(s) is None:
            self._note_person(tg)
            return  # nothing here can start, extend or exclude from a meeting
        body = _LEAD_ATTRIB.sub("", s)
        lead_cut = len(s) - len(body)
        am = _ATTRIB.search(body)
        if am is not None and am.start() > 0:
            body = body[: am.start()]
        self._body = body
        idx = tg.sent.index
        date_hits = [(lead_cut + p, dm) for p, dm in self._dates(body)]
        # "X, which won the bid in July, was represented at the ceremony": a date inside a
        # relative clause dates something else
        rel = [(r.start(), r.end()) for r in _RELATIVE.finditer(body)]
        date_hits = [(p, dm) for p, dm in date_hits if not any(x <= p < y for x, y in rel)]
        # segments
        bounds = (
            [0]
            + [m.start() for m in _SEG.finditer(body) if not self._list_item(tg, body, m.start())]
            + [len(body)]
        )
        segments = [(bounds[i], bounds[i + 1]) for i in range(len(bounds) - 1)]

        def tags_in(a: int, b: int) -> list[tuple[int, int, Ref]]:
            out = []
            for m in TAG.finditer(body, a, b):
                k = int(m.group(1))
                out.append((m.start(), k, tg.refs[k]))
            return out

        # exclusions
        excluded: set[str] = set()
        neg_segments: list[tuple[int, int]] = []  # where no trigger counts
        neg_first = len(body)
        for a, b in segments:
            nm = _NEG.search(body, a, b)
            if nm is None:
                continue
            bm = _BUT_POSITIVE.search(body, nm.end(), b)
            neg_segments.append((a, bm.start() if bm is not None else b))
            neg_first = min(neg_first, nm.start())
            subj = [r for _, _, r in tags_in(a, nm.start()) if self._usable(r)]
            if not subj and a > 0:
                subj = [r for _, _, r in tags_in(0, a) if self._usable(r)][:1]
            excluded |= {r.key for r in subj}
        # which meeting does this sentence talk about?
        target: MeetingDraft | None = None
        new = False

        def negated(pos: int) -> bool:
            return any(x <= pos < y for x, y in neg_segments)

        def first_outside(rx: re.Pattern[str]) -> re.Match[str] | None:
            """The first match not inside a negated clause ('did not attend the dinner')."""
            for mm in rx.finditer(body):
                if not negated(mm.start()):
                    return mm
            return None

        om = first_outside(_ORDINAL)
        if om is not None:
            target = self._ordinal(om.group(1))
        dfm = first_outside(_DEFINITE)
        if dfm is not None and re.search(
            r"\b(?:after|before|following|ahead\s+of|since)\s+$",
            body[max(0, dfm.start() - 12) : dfm.start()],
        ):
            dfm = None  # "spoke with X after the meeting": a time, not the meeting extended
        if dfm is not None and triggers_hint(body) and _OCCASION.search(body, 0, dfm.end()):
            # "X also met Y on the sidelines of the summit": the summit is the occasion of
            # a new meeting, not the meeting being added to
            dfm = None
        definite = dfm is not None
        if dfm is not None:
            named = self._by_noun(dfm.group("noun"), idx)
            if named is not None:
                self.current, self.current_sent = named, idx
            else:
                cur0 = self._valid_current(idx)
                noun = _kind(dfm.group("noun"), None)
                if cur0 is not None and noun in _TALK_KINDS and "call" in cur0.kind:
                    # "joined the talks" after a phone call: the talks reported before it
                    for prior in reversed(self.meetings):
                        if prior.kind in _TALK_KINDS and idx - prior.sent <= WINDOW:
                            self.current, self.current_sent = prior, idx
                            break
                if (
                    cur0 is not None
                    and noun in _EVENT_KINDS
                    and not (noun in _TALK_KINDS and cur0.kind in _TALK_KINDS)
                ):
                    # "hosted the summit" after a bilateral meeting on its sidelines: another
                    # gathering, not the meeting reported before
                    definite = False
        indef = first_outside(_INDEF)
        smm = _SUMMARY.search(body)
        summary = smm is not None and not (
            smm.group(0).startswith("separate")
            and len(TAG.findall(body, smm.end())) == 1
            and re.match(r"\s+with\s", body[smm.end() :]) is not None
        )

        triggers = []
        for a, b in segments:
            for name, rx, role in _TRIGGERS:
                for tm in rx.finditer(body, a, b):
                    if not negated(tm.start()):
                        triggers.append((name, tm, role, a, b))
        parts = []
        for a, b in segments:
            for name, rx, role in _PARTICIPATION:
                for pm in rx.finditer(body, a, b):
                    if not negated(pm.start()):
                        parts.append((name, pm, role, a, b))
        triggers = self._filter_triggers(body, triggers, tags_in)
        parts = self._filter_parts(body, parts, tags_in)
        current = self._valid_current(idx)
        if (
            target is None
            and (
                (smm is not None and smm.group(0).startswith("separate"))
                or re.search(r"\brespectively\b", body) is not None
            )
            and self._separate(tg, body, triggers, tags_in, date_hits, ev, consumed)
        ):
            self._note_person(tg)
            return
        if (
            target is None
            and current is not None
            and any(
                w in f"{current.kind} {current.description}".lower() for w in ("sign", "ceremon")
            )
            and (_SIGNED_REF.search(body) is not None or _SIGNED_THE.search(body) is not None)
        ):
            # "X said it has signed an MoU with Y. The agreement was signed in Riyadh on
            # Tuesday by A and B": the signing of the sentence before, now with its date
            target = current
            if date_hits:
                rd = resolve(date_hits[0][1], self.pub, False, self.last_date)
                if rd.date is not None and (self.pub is None or rd.date <= self.pub):
                    current.date = rd
        if target is None:
            if triggers and not summary:
                names = {t[0] for t in triggers}
                has_own_date = bool(date_hits)
                only_soft = names <= {"brief", "together", "talks_with", "accompany"}
                t0 = min(t[1].start() for t in triggers)
                if (
                    current is not None
                    and current.status == "held"
                    and _MODAL.search(body[max(0, t0 - 60) : t0]) is not None
                ):
                    # "X is expected to lead the delegation in the working-level talks
                    # with Y": talks to come, not the meeting already reported
                    current = None
                if (
                    current is not None
                    and definite
                    and indef is None
                    and not has_own_date
                    or (
                        current is not None
                        and only_soft
                        and not has_own_date
                        and indef is None
                        and ("accompany" not in names or not re.search(r"\bto\s+(?:a|an)\s", body))
                    )
                ):
                    target = current
                    if names == {"accompany"}:
                        # "X accompanied Lee on the trip": the meeting Lee was at
                        target = self._with_person(triggers, tags_in, idx) or current
                else:
                    new = True
            elif parts and (
                self._starts_new(body, current, date_hits, definite)
                or (any(p[0] == "hosted_by" for p in parts) and self._other_day(current, date_hits))
            ):
                # "... was greeted by the governor on his arrival on Tuesday": a reception of
                # its own when it falls on another day
                new = True
                triggers = parts
            elif parts or definite:
                target = current
        if new:
            target = self._new_meeting(tg, body, triggers, indef, date_hits, ev)
        # who did not come is excluded from the meeting the negation talks about: the earlier
        # one when the negation comes before a new trigger ("did not attend the dinner but
        # met Voss separately"), else this sentence's meeting
        first_trigger = min((t[1].start() for t in triggers), default=len(body))
        excl_target = target
        if new and neg_first < first_trigger or excl_target is None:
            excl_target = current
        if excluded and excl_target is not None:
            excl_target.excluded |= excluded
            for k in excluded:
                excl_target.participants.pop(k, None)
        if target is None:
            self._note_person(tg)
            return
        if _CANCEL.search(body) and not new:
            target.status = "cancelled"
        if not new and target.date is None and date_hits and target.status == "held":
            # "The ceremony, held in Prague on Monday, was attended by ...": the date of the
            # meeting the sentence goes on about
            rd = resolve(date_hits[0][1], self.pub, False, self.last_date)
            if rd.date is not None and (self.pub is None or rd.date <= self.pub):
                target.date = rd
        # participants
        added = 0
        for hit in triggers + parts:
            added += self._add_clause(target, hit, tags_in, consumed, ev)
        if new or added or definite or om is not None:
            self.current = target
            self.current_sent = idx
        self._note_person(tg)

    @staticmethod
    def _list_item(tg: Tagged, body: str, pos: int) -> bool:
        """'signed by A, CEO of X; B, President of Y; and C, ...': a semicolon between the
        items of one list of titled people, not between clauses."""
        im = _LIST_ITEM.match(body, pos)
        return im is not None and tg.refs[int(im.group(1))].type == EntityType.PERSON

    def _note_person(self, tg: Tagged) -> None:
        """Remember who 'he', 'she' or 'the two officials' in the next sentence may be."""
        people = list(dict.fromkeys(r.key for r in tg.refs if r.type == EntityType.PERSON))
        orgs = list(dict.fromkeys(r.key for r in tg.refs if r.type in ORG_TYPES))
        self.prev_people, self.prev_orgs = people, orgs
        self.prev_countries = list(
            dict.fromkeys(r.key for r in tg.refs if r.type == EntityType.COUNTRY)
        )
        if people:
            self.last_person = people[0]

    def _other_day(
        self, current: MeetingDraft | None, date_hits: list[tuple[int, DateMentionT]]
    ) -> bool:
        if current is None or current.date is None or not date_hits:
            return False
        rd = resolve(date_hits[0][1], self.pub, False, self.last_date)
        return (
            rd.date is not None and current.date.date is not None and rd.date != current.date.date
        )

    def _starts_new(
        self,
        body: str,
        current: MeetingDraft | None,
        date_hits: list[tuple[int, DateMentionT]],
        definite: bool,
    ) -> bool:
        """A sentence like 'Separately, talks between A and B were hosted by C on Friday'."""
        if _NOUN_ANY.search(body) is None:
            return False
        if current is None:
            return True
        if _NEW_TOPIC.match(body):
            return True
        if definite or not date_hits or current.date is None:
            return False
        rd = resolve(date_hits[0][1], self.pub, False, self.last_date)
        return (rd.year, rd.month, rd.day) != (
            current.date.year,
            current.date.month,
            current.date.day,
        )

    def _filter_triggers(self, body: str, triggers: list[Hit], tags_in: TagsIn) -> list[Hit]:
        out = []
        for name, tm, role, a, b in triggers:
            after = body[tm.end() : b]
            obj_tags = [r for _, _, r in tags_in(tm.end(), b)]
            if name in ("meet", "visit") and not any(
                r.type in ORG_TYPES or r.type == EntityType.PERSON for r in obj_tags
            ):
                subj_tags = [
                    r
                    for _, _, r in tags_in(a, tm.start())
                    if r.type in ORG_TYPES or r.type in (EntityType.PERSON, EntityType.COUNTRY)
                ]
                coordinated = re.search(
                    r"\ue001\s+and\s+(?:the\s+)?[^,;]{0,60}\ue001[^\ue000]{0,40}$",
                    body[a : tm.start()],
                )
                if name != "meet" or len({r.key for r in subj_tags}) < 2 or not coordinated:
                    continue
                if re.match(r"\s+(?:the|its|their|analysts|expectations|demand|targets?)\b", after):
                    continue
            if name == "meet":
                nxt = re.match(r"\s*(?:with\s+)?(?:the\s+)?([\w']+)", after)
                if nxt and nxt.group(1).lower() in (
                    "expectations",
                    "demand",
                    "targets",
                    "target",
                    "criteria",
                    "requirements",
                    "standards",
                    "goals",
                    "deadline",
                    "needs",
                    "estimates",
                    "forecasts",
                    "criticism",
                    "resistance",
                    "skepticism",
                    "scepticism",
                    "opposition",
                    "approval",
                    "applause",
                    "protest",
                    "protests",
                    "backlash",
                    "success",
                    "delays",
                    "silence",
                    "concern",
                    "concerns",
                ):
                    continue
                if re.match(r"\s*(?:\w+'\s|\w+'s\s)", after) and not re.match(r"\s*\ue000", after):
                    continue
            if (
                name == "visit"
                and tm.group(0) == "visiting"
                and re.match(r"\s+(?:[A-Z]|\ue000)", after)
            ):
                continue  # "met with visiting Singaporean Prime Minister X": an adjective
            if name == "hold" and re.match(
                r",?\s+(?:in|on|at|last|this|earlier|yesterday|today)\b", after
            ):
                continue  # "The ceremony, held in Prague on Monday, ...": a participle
            if name == "hold" and not re.search(r"\b(?:" + NOUN + r")\b|" + _T, after[:160]):
                continue
            if (
                name == "hold"
                and re.match(r"\s+(?:talks|a\s+|an\s+|the\s+|their\s+|its\s+|[\w\-]+\s+)", after)
                is None
            ):
                continue
            if name == "hold" and re.match(
                r"\s+(?:(?:a|an|the|its|their|\d[\d.,]*)\s+)?(?:[\w\-]+\s+){0,2}?(?:stake|shares?|"
                r"percent|view|position|office|record|lead|rank|title|seat|key|power|license|rights?|rates?|"
                r"interest|prices?|steady|firm|elections?|referendum|hostages?)\b",
                after,
            ):
                continue
            if (
                name == "host"
                and not obj_tags
                and not re.search(r"\b(?:" + NOUN + r")\b", after[:120])
                and not _PEOPLE_OBJECT.match(after)
            ):
                continue
            if (
                name == "brief"
                and not obj_tags
                and not re.search(
                    r"\b(?:officials|executives|lawmakers|delegates|representatives|them|"
                    r"participants|attendees|leaders)\b",
                    after[:80],
                )
            ):
                continue
            if name == "appear" and any(
                r.mention.tokens[-1] in ("Court", "Tribunal") for r in obj_tags[:1]
            ):
                continue  # a court appearance is a hearing of one party, not a meeting
            if name == "accompany" and not obj_tags:
                continue
            if name == "talks_with" and (
                not (obj_tags or _HEADS_OF.match(after))
                or re.search(r"\bin\s+$", body[max(0, tm.start() - 4) : tm.start()])
            ):
                continue  # "is in talks with": ongoing negotiations, not a meeting
            if (
                name == "sign"
                and not re.search(r"\bwith\b", after[:200])
                and not tags_in(a, tm.start())
            ):
                continue
            out.append((name, tm, role, a, b))
        return out

    def _filter_parts(self, body: str, parts: list[Hit], tags_in: TagsIn) -> list[Hit]:
        out = []
        for name, pm, role, a, b in parts:
            after = body[pm.end() : b]
            if name == "chaired_by" and not (
                _NOUN_ANY.search(body, a, pm.start())
                or re.search(
                    r"\bdelegations?\s+(?:was|were|is|will\s+be)\s+$", body[a : pm.start()]
                )
            ):
                continue  # "the unit will be led by X": leadership, not chairing a meeting
            if name == "attend":
                verb = pm.group(0).split()[-1]
                if verb in ("joined", "attended", "attending") and not _ATTEND_OK_AFTER.match(
                    after
                ):
                    continue
                if verb in ("joined", "attended") and re.match(r"\s+" + _T, after):
                    nxt = tags_in(pm.end(), pm.end() + 20)
                    if nxt and nxt[0][2].type != EntityType.EVENT:
                        continue
            if name == "sent":
                objs = tags_in(pm.end(), min(b, pm.end() + 40))
                if not objs or objs[0][2].type != EntityType.PERSON:
                    continue
            if name == "represented":
                subj = tags_in(a, pm.start())
                if not any(r.type == EntityType.PERSON for _, _, r in subj):
                    continue
            out.append((name, pm, role, a, b))
        return out

    def _separate(
        self,
        tg: Tagged,
        body: str,
        triggers: list[Hit],
        tags_in: TagsIn,
        date_hits: list[tuple[int, DateMentionT]],
        ev: Evidence,
        consumed: set[int],
    ) -> bool:
        """'A held separate talks with B and C': one meeting of A with each of them."""
        hits = [t for t in triggers if t[0] in ("meet", "talks_with", "hold")]
        if not hits:
            return False
        name, tm, role, a, b = hits[0]
        subj = [(p, k, r) for p, k, r in tags_in(a, tm.start()) if self._usable(r)]
        objs = [(p, k, r) for p, k, r in tags_in(tm.end(), b) if self._usable(r)]
        linked = {r.mention.link for _, _, r in objs if r.type == EntityType.PERSON}
        parties = [
            (k, r)
            for _, k, r in objs
            if r.type != EntityType.COUNTRY and r.mention.id not in linked and k not in consumed
        ]
        if not subj or len(parties) < 2:
            return False
        for _k, r in parties:
            m = self._new_meeting(tg, body, [hits[0]], None, date_hits, ev)
            for _, _, sr in subj:
                if sr.type != EntityType.COUNTRY:
                    m.add(sr.key, role, False, ev)
            m.add(r.key, "attendee", False, ev)
            self.current, self.current_sent = m, tg.sent.index
        return True

    def _new_meeting(
        self,
        tg: Tagged,
        body: str,
        triggers: list[Hit],
        indef: re.Match[str] | None,
        date_hits: list[tuple[int, DateMentionT]],
        ev: Evidence,
    ) -> MeetingDraft:
        name, tm, role, a, b = triggers[0]
        noun = None
        nm = None
        window = body[tm.start() : tm.start() + 200]
        for cand in re.finditer(r"\b(" + NOUN + r")\b", window):
            if _OCCASION.search(window, 0, cand.start()) is None and not re.search(
                r"\b(?:after|before|following|since)\s+(?:the|a|an|their|its)\s+$",
                window[max(0, cand.start() - 20) : cand.start()],
            ):
                # not "on the sidelines of the X summit" (the occasion) nor "after the
                # meeting" (a time)
                nm = cand
                break
        if re.search(r"\b(?:by\s+(?:phone|telephone)|phone\s+call)\b", tm.group(0)):
            nm = None
            indef = None
            noun_phone = True
        else:
            noun_phone = False
        if noun_phone:
            noun = "phone call"
        elif indef is not None:
            noun = indef.group("noun2") or indef.group("noun")
        elif nm is not None:
            noun = nm.group(1)
        if name in ("visit", "sign"):
            noun = None
            if name == "visit" and "call" in tm.group(0):
                noun = "courtesy call"
            if name == "sign" and re.search(r"\b(?:mou|memorandum)\b", tm.group(0), re.I):
                noun = "signing"
        kind = _kind(noun, name)
        before_trigger = body[max(0, tm.start() - 60) : tm.start()]
        status = "held"
        if _MODAL.search(before_trigger) or re.search(r"\b(?:will|to\s+be)\s*$", before_trigger):
            status = "planned"
        if name == "reconvene":
            status = "planned"
        if _CANCEL.search(body):
            status = "cancelled"
        future = status == "planned"
        date = None
        if date_hits:
            pos, dm = date_hits[0]
            invert = _CAME_AFTER.search(body[max(0, pos - 30) : pos]) is not None
            date = resolve(dm, self.pub, future, self.last_date, invert=invert)
            if status == "held" and date.date and self.pub and date.date > self.pub:
                status = "planned"
        elif _SAME_DAY.search(body[: tm.start()]) and self.meetings and self.meetings[-1].date:
            date = self.meetings[-1].date  # "Voss later joined a closed-door meeting ..."
        else:
            # "...launched the program on Thursday. It was unveiled at a ceremony ...": the
            # previous sentence's date, when that sentence reported no meeting of its own and
            # the date fits the tense (past for held, future for planned)
            for sidx, rd in reversed(self.recent_dates):
                if tg.sent.index - sidx > 2:
                    break
                if sidx in self.meeting_sents or (rd.date is None and rd.month is None):
                    continue
                probe = rd.date or (dt.date(rd.year, rd.month, 1) if rd.year and rd.month else None)
                if self.pub is None or probe is None:
                    date = rd if status == "held" else None
                elif (
                    status == "held"
                    and probe <= self.pub
                    or status == "planned"
                    and (probe >= self.pub.replace(day=1) if rd.date is None else probe >= self.pub)
                ):
                    date = rd
                break
        desc = self._description(body, tm, noun, kind)
        m = MeetingDraft(
            kind=kind, description=desc, status=status, evidence=ev, sent=tg.sent.index, date=date
        )
        lm = _LOCATION.search(body)
        if lm is not None and lm.group(1).split()[0].lower() not in TIME_WORDS:
            m.location = lm.group(1)
        if date is not None and date.date is not None:
            self.last_date = date.date
        events = [r.key for r in tg.refs if r.type == EntityType.EVENT]
        if events:
            m.name_entity = events[0]
        self.meetings.append(m)
        self.meeting_sents.add(tg.sent.index)
        return m

    def _description(self, body: str, tm: re.Match[str], noun: str | None, kind: str) -> str:
        if noun:
            dm = re.search(
                r"(?<![\w:])((?:[a-z][\w\-]*\s+){0,3})(" + re.escape(noun) + r")\b"
                r"((?:\s+(?:on|about|over|regarding|to\s+discuss)\s+[^,.;\ue000\ue002]{1,70})?)",
                body,
            )
            if dm is not None:
                lead = _DESC_LEAD.sub("", dm.group(1))
                text = (lead + dm.group(2) + dm.group(3)).strip()
                text = re.split(r"\s+(?:that|which|who|where|when|as|while|after|before)\s", text)[
                    0
                ]
                text = re.sub(r"(?:\s+(?:with|on|to|the|a|an|of|for|and|in|at|by))+$", "", text)
                for dmn in find_dates(text):
                    text = text[: dmn.start].rstrip()  # "talks on ... on November 4"
                    text = re.sub(r"(?:\s+(?:on|in|at|by|the))+$", "", text)
                    break
                if text:
                    return " ".join(text.split())
        return kind

    def _add_clause(
        self,
        target: MeetingDraft,
        hit: Hit,
        tags_in: TagsIn,
        consumed: set[int],
        ev: Evidence,
    ) -> int:
        """Add the subject and object entities of one trigger or participation phrase."""
        name, tm, role, a, b = hit
        body = self._body
        subj = tags_in(a, tm.start())
        spans = [
            (rel.start(), rel.end())
            for rel in _WHO_CLAUSE.finditer(body, max(a, tm.start() - 400), tm.start())
            if not _WITH_WORDS.search(rel.group(0))
        ]
        if spans:
            # "Ishiba, who flew in with Iwaya, spoke with X": the clause describes him
            kept, si = [], 0
            for t in subj:  # both in text order: one merge pass
                while si < len(spans) and spans[si][1] <= t[0]:
                    si += 1
                if not (si < len(spans) and spans[si][0] <= t[0] < spans[si][1]):
                    kept.append(t)
            subj = kept
        near = min(b, tm.end() + 400)  # a clause this far on has long ended
        purpose = _PURPOSE.search(body, tm.end(), near)
        told = _TOLD.search(body, tm.end(), near)
        ends = [x.start() for x in (purpose, told) if x is not None]
        obj = tags_in(tm.end(), min(ends) if ends else b)
        if name in _PASSIVE_PARTS:
            subj = []
        elif not subj and re.match(r",\s+(?:which|who)\b", body[a : a + 8]):
            # "X (XX), which won the bid in July, was represented by ...": the subject stands
            # before the relative clause
            subj = tags_in(0, a)[-1:]
        if name == "hosted_by":
            groups = [(obj, "host"), (subj, "attendee")]
        elif name in ("attend", "led", "present", "told", "among"):
            groups = [(subj, role)]
            along = _ALONG_WITH.search(body, tm.end(), b)
            if along is not None:  # "X attending the ceremony along with officials from Y"
                groups.append((tags_in(along.end(), b), "attendee"))
        elif name in ("accompanied_by", "at_meeting", "pressed"):
            groups = [(subj, "attendee"), (obj, "attendee")]
        elif name in _PASSIVE_PARTS:
            groups = [(obj, role)]
        else:
            groups = [(subj, role), (obj, "attendee")]
        n = 0
        if (
            not subj
            and name in _PRONOUN_OK
            and self.last_person is not None
            and _PRONOUN_SUBJECT.search(body, a, tm.start())
        ):
            target.add(self.last_person, role, False, ev)  # "he met ...": the last person named
            n += 1
        two = _THE_TWO.search(body, a, tm.start()) if not subj else None
        if two is not None:
            # "The two officials also held talks with ...": the pair of the sentence before
            word = two.group(1)
            pair = self.prev_people if word in _PEOPLE_PLURALS else self.prev_orgs
            if word in ("countries", "nations") or (word == "sides" and len(pair) != 2):
                pair = self.prev_countries
            if word == "sides" and len(pair) != 2:
                pair = self.prev_people
            if len(pair) == 2:
                for key in pair:
                    target.add(key, role, False, ev)
                    n += 1
        for tags, r_role in groups:
            for pos, k, r in tags:
                if k in consumed:
                    continue
                series = _MEETING_OF.search(body, max(0, pos - 100), pos) is not None
                if r.type in (EntityType.EVENT, EntityType.PROGRAM) or series:
                    # an event named in the clause, or "the third meeting of their X Council"
                    named = r.type == EntityType.EVENT or (
                        series and r.mention.tokens[-1] in _SERIES_HEADS
                    )
                    if named and target.name_entity is None:
                        target.name_entity = r.key
                    continue
                if r.type not in ORG_TYPES and r.type not in (
                    EntityType.PERSON,
                    EntityType.COUNTRY,
                ):
                    continue
                if body[max(0, pos - 2) : pos].strip() == "," and _LAUNCHED.search(
                    body, max(0, pos - 80), pos
                ):
                    continue  # "announced a joint venture, X Japan, at an event": what was launched
                if r.mention.text in _VENUES and re.search(
                    r"\b(?:at|in|inside|outside)\s+(?:the\s+)?$", body[max(0, pos - 12) : pos]
                ):
                    continue  # "met at the National Assembly": the place, not a party to it
                if "Party" in r.mention.tokens and _MEMBER_OF.search(body, max(0, pos - 12), pos):
                    continue  # "Rep. Ola Vinter of the Harbor Party": a member, not a party to it
                optional = False
                if r.type == EntityType.COUNTRY:
                    # a country is a party only when named as one ("Japan and Korea held
                    # talks", "talks with Japan"); "Japanese officials", "Korea's ministry",
                    # "cooperation on the Arctic" only imply it or name a topic
                    tag_end = body.index("\ue001", pos) + 1
                    in_subject = pos < tm.start()
                    with_it = _WITH_BEFORE.search(body, max(0, pos - 20), pos) is not None
                    optional = _BARE_AFTER.match(body, tag_end) is None or not (
                        in_subject or with_it
                    )
                target.add(r.key, r_role, optional, ev)
                n += 1
        return n

    def note_dates(self, tg: Tagged) -> None:
        for dm in find_dates(tg.s):
            pre = tg.s[max(0, dm.start - 30) : dm.start]
            if re.search(r"\b(?:said|says|announced)\s+(?:on\s+)?$", pre):
                continue
            if _attributive_date(tg.s, dm):
                continue
            rd = resolve(dm, self.pub, False, self.last_date)
            self.recent_dates.append((tg.sent.index, rd))

    def quote_speaker(self, key: str, sent: int, ev: Evidence) -> None:
        cur = self._valid_current(sent)
        if cur is not None and key not in cur.participants:
            cur.add(key, "speaker", True, ev)
