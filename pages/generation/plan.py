"""What to generate: a reproducible list of source pages, decided by the size and the seed alone.

Each page draws from its own random stream (seed, position), and points only at pages made before it, so
page number *k* is the same whatever the size: a larger set is a smaller one plus more pages.
"""

import datetime
import random
import uuid
from dataclasses import dataclass

# One page in three is a translation: every source page exists in English, French and Dutch.
LANGUAGES_PER_PAGE = 3
SIZES = {"small": 200, "large": 10_000}
MIN_PAGES = 12
MAX_PAGES = 100_000
IMAGE_COUNT = 6

# The mix of page types, repeated: history first, so memorials can point at an article, and memorials
# before ceremonies, which are held at one.
CYCLE = ("history", "memorial", "event", "news", "memorial", "history", "event", "memorial", "event", "news")

SYLLABLES = ("al", "ber", "cor", "dan", "el", "fen", "gar", "hol", "is", "jor", "kel", "lum", "mor", "nes", "or")
SUFFIXES = ("dale", "holm", "mere", "stead", "wick", "ford", "ridge", "vale")


@dataclass(frozen=True)
class PlannedPage:
    """One source page and the facts every language version shares."""

    index: int
    kind: str  # memorial, history, event or news
    translation_key: uuid.UUID
    slug: str
    name: str  # an invented place name, e.g. "Corfenvale"
    number: int  # the page's number among its kind, from 1
    day: datetime.date
    year: int
    images: tuple[int, ...]  # positions in the image set: the first is the hero image
    link_to: int | None  # index of an earlier page linked from the body's rich text
    related: int | None  # index of an earlier page of the related kind (history for memorials, memorial for events)
    paragraphs: int


def parse_size(value: str) -> int:
    """``small``, ``large`` or a number of pages; raises ValueError with a message for people."""
    if value in SIZES:
        return SIZES[value]
    if not value.isdigit():
        raise ValueError(f"Size must be small, large or a number of pages, not '{value}'.")
    pages = int(value)
    if not MIN_PAGES <= pages <= MAX_PAGES:
        raise ValueError(f"Size must be between {MIN_PAGES} and {MAX_PAGES} pages, not {pages}.")
    return pages


def plan(total_pages: int, seed: int) -> list[PlannedPage]:
    """The source pages for ``total_pages`` pages in all languages (rounded down to a multiple of three)."""
    pages: list[PlannedPage] = []
    counts: dict[str, int] = {}
    last_of_kind: dict[str, list[int]] = {}
    for index in range(total_pages // LANGUAGES_PER_PAGE):
        kind = CYCLE[index % len(CYCLE)]
        counts[kind] = counts.get(kind, 0) + 1
        rng = random.Random(f"{seed}:{index}")  # noqa: S311 - reproducible content, not secrets
        name = "".join(rng.choice(SYLLABLES) for _ in range(2)).capitalize() + rng.choice(SUFFIXES)
        related_kind = {"memorial": "history", "event": "memorial"}.get(kind)
        candidates = last_of_kind.get(related_kind, [])
        pages.append(
            PlannedPage(
                index=index,
                kind=kind,
                translation_key=uuid.UUID(int=rng.getrandbits(128), version=4),
                slug=f"s{seed}-{kind}-{counts[kind]:05d}-{name.lower()}",
                name=name,
                number=counts[kind],
                day=datetime.date(1940, 1, 1) + datetime.timedelta(days=rng.randrange(365 * 6)),
                year=rng.randrange(1990, 2031),
                images=tuple(rng.sample(range(IMAGE_COUNT), 3)),
                link_to=rng.randrange(index) if index else None,
                related=rng.choice(candidates[-20:]) if candidates else None,
                paragraphs=rng.randrange(1, 4),
            )
        )
        last_of_kind.setdefault(kind, []).append(index)
    return pages
