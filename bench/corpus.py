"""Deterministic generator of invented news articles for benchmarks.

``generate_articles(n, seed)`` returns ``GeneratedArticle`` objects (~400 words
each) about invented people, government bodies and companies: meetings,
affiliations, quotes, filler paragraphs, and optionally site chrome at the end.
The same (n, seed) always yields the same articles, so benchmarks that load or
extract them are comparable run to run. ``write_articles`` stores them as
``.txt`` files with a ``Key: value`` metadata header.
"""

from __future__ import annotations

import datetime as dt
import random
from dataclasses import dataclass, field
from pathlib import Path

_ONSETS = [
    "B",
    "D",
    "F",
    "G",
    "H",
    "K",
    "L",
    "M",
    "N",
    "P",
    "R",
    "S",
    "T",
    "V",
    "Z",
    "Br",
    "Dr",
    "Gr",
    "Kl",
    "St",
    "Tr",
    "Vel",
    "Mar",
    "Or",
    "Al",
    "El",
]
_VOWELS = ["a", "e", "i", "o", "u", "ai", "ea", "io", "ou"]
_CODAS = ["", "n", "r", "s", "l", "th", "nd", "rk", "x", "m", "ck", "v"]
_GIVEN = [
    "Anna",
    "Ben",
    "Clara",
    "David",
    "Elena",
    "Felix",
    "Grace",
    "Hugo",
    "Iris",
    "Jonas",
    "Karin",
    "Leo",
    "Maya",
    "Nora",
    "Oskar",
    "Paula",
    "Rafael",
    "Sara",
    "Tomas",
    "Vera",
    "Hiro",
    "Yuki",
    "Priya",
    "Arjun",
    "Mei",
    "Omar",
    "Lina",
    "Sven",
    "Ingrid",
    "Marco",
]
_KOREAN_SURNAMES = [
    "Kim",
    "Lee",
    "Park",
    "Choi",
    "Jung",
    "Kang",
    "Cho",
    "Yoon",
    "Jang",
    "Lim",
    "Han",
    "Oh",
    "Seo",
    "Shin",
    "Kwon",
]
_KOREAN_SYLL = [
    "ji",
    "min",
    "seo",
    "hoon",
    "yeon",
    "woo",
    "jin",
    "hye",
    "sung",
    "eun",
    "jae",
    "hyun",
    "soo",
    "young",
    "ho",
]
_GOV_HEADS = [
    "Ministry of {a} Affairs",
    "National {a} Agency",
    "{a} Regulatory Commission",
    "Office of {a} Policy",
    "{a} Security Council",
    "National {a} Institute",
]
_AREAS = [
    "Digital",
    "Energy",
    "Maritime",
    "Cyber",
    "Trade",
    "Health",
    "Science",
    "Transport",
    "Data",
    "Space",
    "Water",
    "Finance",
]
_CO_HEADS = [
    "Labs",
    "Systems",
    "Cloud",
    "Robotics",
    "Networks",
    "Holdings",
    "Technologies",
    "Security",
    "Motors",
    "Bank",
    "Capital",
    "Software",
]
_ROLES = [
    "chief executive",
    "head of policy",
    "chief technology officer",
    "director",
    "deputy director",
    "vice president",
    "senior adviser",
    "spokesperson",
]
_KINDS = ["workshop", "roundtable", "meeting", "briefing", "summit", "talks"]
_TOPICS = [
    "AI safety testing",
    "grid security",
    "chip export rules",
    "data sharing",
    "cloud outages",
    "model evaluations",
    "undersea cables",
    "payment fraud",
]
_WEEKDAYS = ["Monday", "Tuesday", "Wednesday", "Thursday", "Friday"]
_FILLER = [
    "Officials have spent months preparing the framework, which would apply to developers "
    "whose systems are used in critical infrastructure.",
    "The discussions come as governments around the world look for ways to test powerful "
    "software before it reaches the public.",
    "Industry groups have broadly welcomed the approach but warned that reporting rules must "
    "not slow down research or expose trade secrets.",
    "Analysts said the outcome would be closely watched by investors, who have pushed companies "
    "to explain how they manage the risks of new products.",
    "A draft of the guidance is expected to be published for public comment later this year, "
    "according to people familiar with the plan.",
    "Similar arrangements already exist in several other countries, where regulators review "
    "incident reports and publish summaries every quarter.",
]
_CHROME = [
    "Subscribe to our morning newsletter",
    "Related articles",
    "{c} opens new office in the capital",
    "{g} names new deputy chief",
    "Sponsored",
    "Advertisement",
    "\u00a9 2026 The Example Ledger. All rights reserved.",
]


@dataclass
class GeneratedArticle:
    """One invented article plus the facts it was written to state."""

    id: str
    title: str
    date: dt.date
    body: str
    people: list[tuple[str, str, str]] = field(default_factory=list)  # (name, org, role)
    organizations: list[str] = field(default_factory=list)
    meetings: list[list[str]] = field(default_factory=list)  # participant names per meeting
    chrome: bool = False

    @property
    def text(self) -> str:
        """The file content: metadata header, blank line, body."""
        return f"Title: {self.title}\nDate: {self.date.isoformat()}\n\n{self.body}\n"

    @property
    def words(self) -> int:
        return len(self.body.split())


class _Names:
    def __init__(self, rng: random.Random) -> None:
        self.rng = rng
        self.used: set[str] = set()

    def word(self) -> str:
        r = self.rng
        for _ in range(50):
            w = r.choice(_ONSETS) + r.choice(_VOWELS) + r.choice(_CODAS)
            if r.random() < 0.5:
                w += r.choice(_VOWELS) + r.choice(_CODAS)
            w = w.capitalize()
            if len(w) >= 4:
                return w
        return "Zorvan"

    def unique(self, make: object) -> str:
        for _ in range(100):
            name = make()  # type: ignore[operator]
            if name not in self.used:
                self.used.add(name)
                return str(name)
        return str(make())  # type: ignore[operator]

    def person(self) -> tuple[str, str]:
        """A full name and the short form an article uses later."""
        r = self.rng
        if r.random() < 0.4:
            name = self.unique(
                lambda: (
                    f"{r.choice(_KOREAN_SURNAMES)} "
                    f"{r.choice(_KOREAN_SYLL).capitalize()}-{r.choice(_KOREAN_SYLL)}"
                )
            )
            return name, name.split()[0]
        name = self.unique(lambda: f"{r.choice(_GIVEN)} {self.word()}")
        return name, name.split()[-1]

    def gov(self) -> str:
        r = self.rng
        return self.unique(lambda: r.choice(_GOV_HEADS).format(a=r.choice(_AREAS)))

    def company(self) -> str:
        r = self.rng
        return self.unique(lambda: f"{self.word()} {r.choice(_CO_HEADS)}")


def _article(k: int, rng: random.Random, base: dt.date) -> GeneratedArticle:
    names = _Names(rng)
    pub = base + dt.timedelta(days=rng.randrange(0, 700))
    gov = names.gov()
    gov2 = names.gov()
    cos = [names.company() for _ in range(3)]
    host, host_short = names.person()
    guest, _ = names.person()
    extra, _ = names.person()
    role_g, role_c = "director", rng.choice(_ROLES)
    kind = rng.choice(_KINDS)
    topic = rng.choice(_TOPICS)
    day = rng.choice(_WEEKDAYS)
    paras = [
        f"The {gov} held a {kind} on {topic} with {cos[0]} on {day}, the agency said. "
        f"Officials from the {gov2} and {cos[1]} also attended.",
        f"{host}, {role_g} of the {gov}, chaired the session. {cos[0]} was represented by its "
        f"{role_c}, {guest}.",
        f'"We want rules that are clear before anything goes wrong," {host_short} said. '
        f'"Companies should be able to report problems without fear."',
        f"{extra}, a senior adviser at {cos[2]}, said the company was not invited but expected to "
        f"join later talks.",
    ]
    filler = list(_FILLER)
    rng.shuffle(filler)
    paras[2:2] = filler[:3]
    paras.append(
        f'"This is the start of a long process," said {guest}. The {gov} said it would hold a '
        f"follow-up {kind} with {cos[2]} next month."
    )
    paras.extend(filler[3:6])
    while len(" ".join(paras).split()) < 380:
        paras.append(rng.choice(_FILLER))
    chrome = rng.random() < 0.3
    if chrome:
        paras.extend(line.format(c=names.company(), g=names.gov()) for line in _CHROME)
    body = "\n\n".join(paras)
    return GeneratedArticle(
        id=f"gen-{k:06d}",
        title=f"{gov} holds {kind} with {cos[0]} on {topic}",
        date=pub,
        body=body,
        people=[(host, gov, role_g), (guest, cos[0], role_c), (extra, cos[2], "senior adviser")],
        organizations=[gov, gov2, *cos],
        meetings=[[gov, cos[0], gov2, cos[1], host, guest]],
        chrome=chrome,
    )


def generate_articles(n: int, seed: int = 0) -> list[GeneratedArticle]:
    """``n`` invented articles, the same for the same seed."""
    rng = random.Random(seed)
    base = dt.date(2024, 1, 1)
    return [_article(k, random.Random(rng.getrandbits(64)), base) for k in range(n)]


def write_articles(articles: list[GeneratedArticle], folder: str | Path) -> list[Path]:
    """Write each article as ``<id>.txt`` (metadata header + body); return the paths."""
    out = Path(folder)
    out.mkdir(parents=True, exist_ok=True)
    paths = []
    for a in articles:
        p = out / f"{a.id}.txt"
        p.write_text(a.text, encoding="utf-8")
        paths.append(p)
    return paths


if __name__ == "__main__":
    import argparse

    ap = argparse.ArgumentParser(description="Write generated articles to a folder.")
    ap.add_argument("folder")
    ap.add_argument("-n", type=int, default=1000)
    ap.add_argument("--seed", type=int, default=0)
    args = ap.parse_args()
    paths = write_articles(generate_articles(args.n, args.seed), args.folder)
    print(f"wrote {len(paths)} articles to {args.folder}")
