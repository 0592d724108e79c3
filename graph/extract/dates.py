"""Time expressions in a sentence and their resolution against the publication date.

"on Tuesday", "on the 18th", "last week", "next month", "a day later", "Feb. 10"
become a date, a month, or a day of an unknown month -- never a guess: when the
publication date is unknown, a weekday stays unresolved and "the 18th" keeps only
its day.
"""

from __future__ import annotations

import calendar
import datetime as dt
import re
from dataclasses import dataclass

_MONTHS = {
    "jan": 1,
    "feb": 2,
    "mar": 3,
    "apr": 4,
    "may": 5,
    "jun": 6,
    "jul": 7,
    "aug": 8,
    "sep": 9,
    "oct": 10,
    "nov": 11,
    "dec": 12,
}
_WEEKDAYS = ("monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday")
_NUMBERS = {"a": 1, "an": 1, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6}
_MON = (
    r"Jan(?:uary)?|Feb(?:ruary)?|Mar(?:ch)?|Apr(?:il)?|May|June?|July?|Aug(?:ust)?"
    r"|Sep(?:t(?:ember)?)?|Oct(?:ober)?|Nov(?:ember)?|Dec(?:ember)?"
)
_FULL_MON = r"January|February|March|April|May|June|July|August|September|October|November|December"
_DATE = re.compile(
    r"\b(?P<iso>(?P<iy>(?:19|20)\d\d)-(?P<im>[01]\d)-(?P<id>[0-3]\d))\b"
    r"|\b(?P<md>(?P<mon>" + _MON + r")\.?\s+(?P<day>[0-3]?\d)(?:st|nd|rd|th)?(?![\d:])"
    r"(?:,?\s+(?P<year>(?:19|20)\d\d))?)\b"
    r"|\b(?P<dm>(?P<day2>[0-3]?\d)(?:st|nd|rd|th)?\s+(?:of\s+)?(?P<mon2>" + _FULL_MON + r")"
    r"(?:,?\s+(?P<year2>(?:19|20)\d\d))?)\b"
    r"|\b(?P<wd>(?:(?P<wmod>last|this|next|coming|past)\s+)?"
    r"(?P<wday>Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday))\b"
    # "on the 18th", and "on 26th" as some releases write it
    r"|\b(?P<dom>(?:the\s+|(?<=\bon\s))(?P<domn>[0-3]?\d)(?:st|nd|rd|th)\b"
    r"(?:\s+of\s+(?:the\s+)?month)?)"
    r"(?!\s+(?:century|anniversary|time|round|floor|largest|biggest|edition|session|meeting))"
    r"|\b(?P<mo>(?:in|during|since|until|by|from|early|late|mid-|last|next|this|for)\s+"
    r"(?P<mon3>" + _FULL_MON + r")(?!\s+[0-3]?\d\b)"
    r"(?:\s+(?P<year3>(?:19|20)\d\d)|\s+(?P<yrel>last|this|next)\s+year)?)\b"
    r"|\b(?P<rel>(?i:yesterday|today|tonight|tomorrow"
    r"|the\s+(?:next|following|previous)\s+day|the\s+day\s+(?:before|after)"
    r"|(?P<reln>a|an|one|two|three|four|five|six|\d)\s+(?P<relu>day|days|week|weeks)\s+"
    r"(?P<reld>later|earlier|before|after)"
    r"|(?:earlier|later)\s+this\s+(?:week|month|year)"
    r"|(?:earlier|later)\s+(?:in\s+the|that)\s+day|the\s+same\s+day"
    r"|(?:last|this|next|past)\s+(?:week|month|year)"
    r"|the\s+(?:coming|following|previous|past)\s+(?:week|month)"
    r"|in\s+the\s+coming\s+(?:days|weeks|months)|in\s+the\s+next\s+few\s+(?:days|weeks|months)"
    r"|(?:in\s+the|this|next|last)\s+(?:autumn|fall|spring|summer|winter)"
    r"|in\s+(?P<yr>(?:19|20)\d\d)))\b"
)


@dataclass(frozen=True)
class DateMention:
    start: int
    end: int
    text: str
    groups: tuple[tuple[str, str], ...]

    def get(self, key: str) -> str | None:
        for k, v in self.groups:
            if k == key:
                return v
        return None


@dataclass(frozen=True)
class ResolvedDate:
    text: str
    date: dt.date | None = None
    year: int | None = None
    month: int | None = None
    day: int | None = None
    precision: str = "unknown"


_HINT = re.compile(
    r"\d|day|week|month|year|Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec|autumn|fall\b"
    r"|spring|summer|winter|today|tonight|tomorrow",
    re.I,
)


def find_dates(text: str, start: int = 0, end: int | None = None) -> list[DateMention]:
    stop = len(text) if end is None else end
    if _HINT.search(text, start, stop) is None:
        return []  # cheap test first: most sentences name no time at all
    out = []
    for m in _DATE.finditer(text, start, stop):
        groups = tuple((k, v) for k, v in m.groupdict().items() if v is not None)
        out.append(DateMention(m.start(), m.end(), m.group(0), groups))
    return out


def _month_of(name: str) -> int:
    return _MONTHS[name[:3].lower()]


def _safe(y: int, m: int, d: int) -> dt.date | None:
    try:
        return dt.date(y, m, d)
    except ValueError:
        return None


def _shift_month(y: int, m: int, delta: int) -> tuple[int, int]:
    k = y * 12 + (m - 1) + delta
    return k // 12, k % 12 + 1


def _full(text: str, d: dt.date | None) -> ResolvedDate:
    if d is None:
        return ResolvedDate(text)
    return ResolvedDate(text, d, d.year, d.month, d.day, "day")


def _span(text: str, a: dt.date, b: dt.date) -> ResolvedDate:
    """A range of days: a month when it lies in one month, else a year when in one year."""
    if (a.year, a.month) == (b.year, b.month):
        return ResolvedDate(text, None, a.year, a.month, None, "month")
    if a.year == b.year:
        return ResolvedDate(text, None, a.year, None, None, "year")
    return ResolvedDate(text)


_DAY_SLACK = 1


def _with_year(
    text: str, month: int, day: int | None, pub: dt.date | None, future: bool
) -> ResolvedDate:
    if pub is None:
        return ResolvedDate(text, None, None, month, day, "unknown")
    year = pub.year
    probe = _safe(year, month, day or 15)
    # the year that keeps the date nearest publication on the side of its tense (past for
    # what happened, future for what is planned); a month alone gets a month's slack
    slack = dt.timedelta(days=31 if day is None else _DAY_SLACK)
    if probe is not None:
        if not future and probe > pub + slack:
            year -= 1
        elif future and probe < pub - slack:
            year += 1
    if day is None:
        return ResolvedDate(text, None, year, month, None, "month")
    return _full(text, _safe(year, month, day))


# a bare day of the month this many days after the publication is in its month (tomorrow,
# the day after); further ahead, a past event's day is read in the month before
DAYS_AHEAD = 2


def resolve(
    dm: DateMention,
    pub: dt.date | None,
    future: bool = False,
    anchor: dt.date | None = None,
    invert: bool = False,
) -> ResolvedDate:
    """Resolve one time expression; ``anchor`` is the date 'a day later' counts from.

    ``invert`` reads "X came a day after <event>": the event is a day BEFORE the anchor.
    """
    t = dm.text
    if dm.get("iso"):
        return _full(
            t, _safe(int(dm.get("iy") or 0), int(dm.get("im") or 0), int(dm.get("id") or 0))
        )
    if dm.get("md") or dm.get("dm"):
        mon = _month_of(dm.get("mon") or dm.get("mon2") or "")
        day = int(dm.get("day") or dm.get("day2") or 0)
        year = dm.get("year") or dm.get("year2")
        if year:
            return _full(t, _safe(int(year), mon, day))
        return _with_year(t, mon, day, pub, future)
    if dm.get("mo"):
        mon = _month_of(dm.get("mon3") or "")
        year = dm.get("year3")
        if year:
            return ResolvedDate(t, None, int(year), mon, None, "month")
        yrel = dm.get("yrel")
        if yrel and pub is not None:  # "in June last year"
            shift = {"last": -1, "this": 0, "next": 1}[yrel]
            return ResolvedDate(t, None, pub.year + shift, mon, None, "month")
        mod = t.split()[0].lower()
        return _with_year(t, mon, None, pub, future or mod == "next")
    if dm.get("wd"):
        if pub is None:
            return ResolvedDate(t)
        w = _WEEKDAYS.index((dm.get("wday") or "").lower())
        mod = (dm.get("wmod") or "").lower()
        if mod in ("next", "coming") or (future and mod != "last"):
            delta = (w - pub.weekday()) % 7 or 7
            if mod == "next" and delta < 7 and w > pub.weekday():
                delta += 0
            return _full(t, pub + dt.timedelta(days=delta))
        delta = (pub.weekday() - w) % 7
        if mod == "last" and delta == 0:
            delta = 7
        return _full(t, pub - dt.timedelta(days=delta))
    if dm.get("dom"):
        n = int(dm.get("domn") or 0)
        if not 1 <= n <= 31:
            return ResolvedDate(t)
        if pub is None:
            return ResolvedDate(t, None, None, None, n, "day_of_month")
        y, m = pub.year, pub.month
        if future and n < pub.day:
            y, m = _shift_month(y, m, 1)
        elif not future and n > pub.day + DAYS_AHEAD:
            # "on the 26th" in a release of the 25th is tomorrow, not a month ago
            y, m = _shift_month(y, m, -1)
        if n > calendar.monthrange(y, m)[1]:
            return ResolvedDate(t, None, None, None, n, "day_of_month")
        return _full(t, dt.date(y, m, n))
    if dm.get("rel"):
        return _relative(dm, pub, anchor, invert)
    return ResolvedDate(t)


def _relative(
    dm: DateMention, pub: dt.date | None, anchor: dt.date | None, invert: bool = False
) -> ResolvedDate:
    t = dm.text
    low = " ".join(t.lower().split())
    if low.endswith(" day") and ("same" in low or "that" in low or "in the" in low):
        return _full(t, anchor) if anchor is not None else ResolvedDate(t)
    if dm.get("yr"):
        return ResolvedDate(t, None, int(dm.get("yr") or 0), None, None, "year")
    if dm.get("reln") or low.startswith(("the next day", "the following day", "the previous day")):
        if anchor is None:
            return ResolvedDate(t)
        if dm.get("reln"):
            raw = (dm.get("reln") or "").lower()
            n = _NUMBERS.get(raw) or (int(raw) if raw.isdigit() else 1)
            unit = 7 if (dm.get("relu") or "").startswith("week") else 1
            sign = 1 if (dm.get("reld") or "") in ("later", "after") else -1
            if invert:
                sign = -sign
            return _full(t, anchor + dt.timedelta(days=sign * n * unit))
        sign = -1 if "previous" in low else 1
        return _full(t, anchor + dt.timedelta(days=sign))
    if low.startswith("the day "):
        if anchor is None:
            return ResolvedDate(t)
        return _full(t, anchor + dt.timedelta(days=1 if low.endswith("after") else -1))
    if pub is None:
        return ResolvedDate(t)
    if low == "yesterday":
        return _full(t, pub - dt.timedelta(days=1))
    if low in ("today", "tonight"):
        return _full(t, pub)
    if low == "tomorrow":
        return _full(t, pub + dt.timedelta(days=1))
    monday = pub - dt.timedelta(days=pub.weekday())
    if low.endswith("week") and not low.startswith("in "):
        if low.startswith(("last", "past", "the previous", "the past")):
            a = monday - dt.timedelta(days=7)
        elif low.startswith(("next", "the coming", "the following")):
            a = monday + dt.timedelta(days=7)
        else:
            a = monday
        return _span(t, a, a + dt.timedelta(days=6))
    if low.endswith("month") and not low.startswith("in "):
        delta = (
            -1
            if low.startswith(("last", "past", "the previous", "the past"))
            else 1
            if low.startswith(("next", "the coming", "the following"))
            else 0
        )
        y, m = _shift_month(pub.year, pub.month, delta)
        return ResolvedDate(t, None, y, m, None, "month")
    if low.endswith("year"):
        delta = -1 if low.startswith(("last", "past")) else 1 if low.startswith("next") else 0
        return ResolvedDate(t, None, pub.year + delta, None, None, "year")
    return ResolvedDate(t)
