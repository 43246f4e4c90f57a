"""Benchmark of the register at scale: importing 50,000 fictional people from CSV, and searching them by name.

Run by hand (never as a test), from the project root:

    .venv/bin/python benchmarks/register.py [--people 50000] [--database-url postgres://…] [--no-write]

It builds a throwaway SQLite database in a temporary directory (or uses ``--database-url``, whose register
tables it fills: use an empty database), generates the people with ``generate_register --csv``, and times:
the import (``import_register``: dry run, real import, re-import of the same file), the export, and name
search: the ORM filter the admin's person search uses (``search_key`` applied to the term, each word
matched with ``search_text__contains``), and the API's ``people(name:)`` over HTTP (Django's test client,
the whole view: validation, response cache, serialisation), uncached and cached. It then rewrites the
"## Register" section of docs/performance.md.
"""

import argparse
import io
import os
import platform
import re
import statistics
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
PERFORMANCE = ROOT / "docs" / "performance.md"
SEARCHES = 20  # repetitions of each search, for a median
GRAPHQL_PEOPLE = """
query People($name: String) {
  people(locale: "en", name: $name, perPage: 20) {
    items { id familyName givenNames death { start precision } }
    pagination { total }
  }
}
"""
# The import before it wrote in batches (per-row ``save()``), measured here on 2,000 rows: rows per second.
PER_ROW_RATES = {"dry run": 77, "import (creates)": 58, "re-import (all unchanged)": 237}
HEADING = "# Performance\n\nMeasurements of the CMS, each with the command that repeats it.\n\n"
TERMS = ["Bravel", "Каслo", "кас", "arlo", "kael moru", "Zzz-nobody"]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--people", type=int, default=50_000)
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument(
        "--search-people",
        type=int,
        default=50_000,
        help="Search among this many people: fictional people beyond --people are bulk-inserted (not imported).",
    )
    parser.add_argument("--database-url", help="Default: a throwaway SQLite database.")
    parser.add_argument("--no-write", action="store_true", help="Print the section; leave docs/ alone.")
    args = parser.parse_args()

    with tempfile.TemporaryDirectory(prefix="register-bench-") as tmp:
        os.environ["DATABASE_URL"] = args.database_url or f"sqlite:///{tmp}/db.sqlite3"
        os.environ.setdefault("DJANGO_SETTINGS_MODULE", "cms.settings.dev")
        sys.path.insert(0, str(ROOT))
        import django

        django.setup()
        section = run(args, Path(tmp))
    print(section)
    if not args.no_write:
        write_section(section)
        print(f"Wrote the Register section of {PERFORMANCE.relative_to(ROOT)}.")


def timed(function, *args, **kwargs) -> tuple[float, object]:
    start = time.perf_counter()
    result = function(*args, **kwargs)
    return time.perf_counter() - start, result


def counted(function, *args, **kwargs) -> tuple[float, int]:
    """(seconds, database queries) of one call."""
    from django.db import connection

    queries = 0

    def count(execute, sql, params, many, context):
        nonlocal queries
        queries += 1
        return execute(sql, params, many, context)

    with connection.execute_wrapper(count):
        seconds, _ = timed(function, *args, **kwargs)
    return seconds, queries


def run(args, tmp: Path) -> str:
    from django.core.management import call_command
    from django.db import connection

    from register.models import Person
    from register.search_key import search_key

    started_load = os.getloadavg()
    quiet = {"stdout": io.StringIO(), "stderr": io.StringIO(), "verbosity": 0}
    call_command("migrate", "--no-input", **quiet)
    path = tmp / "people.csv"
    generate, _ = timed(call_command, "generate_register", people=args.people, seed=args.seed, csv=path, **quiet)
    size = path.stat().st_size

    steps = {}  # name -> (seconds, queries)
    steps["dry run"] = counted(call_command, "import_register", "people", str(path), "--dry-run", **quiet)
    steps["import (creates)"] = counted(call_command, "import_register", "people", str(path), **quiet)
    steps["re-import (all unchanged)"] = counted(call_command, "import_register", "people", str(path), **quiet)
    steps["export"] = counted(call_command, "export_register", "people", output=tmp / "export.csv", **quiet)
    count = Person.source_rows().count()
    if count != args.people:
        raise SystemExit(f"Expected {args.people} people after the import, found {count}.")

    topped_up = top_up(args.search_people - count, seed=args.seed + 1)
    searched = Person.source_rows().count()

    def matching(term: str):
        """The admin's person search (register/views.py PersonIndexView.search_queryset)."""
        rows = Person.source_rows()
        for word in search_key(term).split():
            rows = rows.filter(search_text__contains=word)
        return rows

    def search(term: str) -> list:
        return list(matching(term).order_by("family_name", "given_names")[:20])

    searches = []
    for term in TERMS:
        durations = [timed(search, term)[0] for _ in range(SEARCHES)]
        searches.append((term, matching(term).count(), statistics.median(durations), max(durations)))
    over_http = [graphql_search(term) for term in TERMS]
    load = os.getloadavg()

    rate = args.people / steps["import (creates)"][0]
    person_columns = [field for field in Person._meta.concrete_fields if not field.primary_key]
    per_insert = min(500, connection.ops.bulk_batch_size(person_columns, [None] * 500))
    lines = [
        "## Register",
        "",
        f"`benchmarks/register.py --people {args.people} --seed {args.seed}` on {connection.vendor} "
        f"({platform.python_implementation()} {platform.python_version()}, {os.cpu_count()} CPUs shared with "
        "other work); one run, wall-clock seconds. Regenerate with the command; this section is rewritten.",
        "",
        f"### Import of {args.people:,} fictional people ({size / 1_000_000:.1f} MB CSV)",
        "",
        f"Load average (1, 5, 15 min) when the run began: {started_load[0]:.1f}, {started_load[1]:.1f}, "
        f"{started_load[2]:.1f}; after the searches: {load[0]:.1f}, {load[1]:.1f}, {load[2]:.1f} "
        f"({os.cpu_count()} cores, so timings are pessimistic when other work runs).",
        "",
        "| step | seconds | rows per second | database queries | rows per second with per-row `save()` |",
        "|---|---:|---:|---:|---:|",
        f"| generate the CSV (`generate_register --csv`) | {generate:.1f} | {args.people / generate:,.0f} | | |",
        *(
            f"| {name} | {seconds:.1f} | {args.people / seconds:,.0f} | {queries:,} | {PER_ROW_RATES.get(name, '')} |"
            for name, (seconds, queries) in steps.items()
        ),
        "",
        "The import checks every row with the model's own validation (`full_clean`), then writes the rows "
        "500 at a time (`bulk_create`, `bulk_update`, inline rows and reference index in bulk) inside one "
        f"transaction: about {rate:,.0f} rows a second here. A dry run is the same run, rolled back. The "
        "re-import compares each row with the stored record and writes nothing. The three cost about the "
        "same: the time goes to reading and validating each row in Python, not to the database (here an "
        f"`INSERT` takes at most {per_insert} people, the database's limit on parameters, so most of the "
        "creates' queries are inserts). "
        "The last column is the import before it wrote in batches, one `save()` a row (2,000 rows, same "
        "machine).",
        "",
        *(
            [
                f"This run imported {args.people:,} rows, not 50,000: at this rate the full run takes about "
                f"{3 * 50_000 / rate / 60:.0f} minutes here. Run the script with its defaults to measure 50,000.",
                "",
            ]
            if args.people < 50_000
            else []
        ),
        f"### Name search among {searched:,} people",
        "",
        *(
            [
                f"{args.people:,} imported above, {topped_up:,} more fictional people bulk-inserted with their "
                "search keys (the import's speed does not matter for this part).",
                "",
            ]
            if topped_up
            else []
        ),
        "The admin's person search filter (`search_key` on the term, then `search_text__contains` per word, "
        f"source rows, first 20 by name), as an ORM query; median and worst of {SEARCHES} runs. Then the "
        'API\'s `people(locale: "en", name: $name, perPage: 20)` (id, names, death date, total) as a '
        "frontend sends it, POSTed to `/graphql/` through Django's test client (the whole view, no network): "
        f"median of {SEARCHES} runs with the response cache emptied before each (uncached), and of "
        f"{SEARCHES} runs answered from it (cached).",
        "",
        "| term | matches | ORM median ms | ORM worst ms | GraphQL uncached median ms | GraphQL cached median ms |",
        "|---|---:|---:|---:|---:|---:|",
        *(
            f"| `{term}` | {hits:,} | {median * 1000:.1f} | {worst * 1000:.1f} | {uncached * 1000:.1f} | "
            f"{cached * 1000:.1f} |"
            for (term, hits, median, worst), (uncached, cached) in zip(searches, over_http, strict=True)
        ),
        "",
        "`search_text__contains` is a substring match (`LIKE '%…%'`), so it scans the table: fine at this "
        "size; a trigram index (PostgreSQL `pg_trgm`) would be the next step if the register grows tenfold.",
        "",
    ]
    return "\n".join(lines)


def graphql_search(term: str) -> tuple[float, float]:
    """Median seconds of ``people(name: term)`` over HTTP: uncached (cache version bumped first), then cached."""
    import json

    from django.test import Client

    from cms.graphql.response_cache import invalidate

    client = Client(HTTP_HOST="localhost")
    body = json.dumps({"query": GRAPHQL_PEOPLE, "variables": {"name": term}})

    def post():
        response = client.post("/graphql/", body, content_type="application/json")
        if response.status_code != 200 or "errors" in response.json():
            raise SystemExit(f"GraphQL search for {term!r} failed: {response.content[:300]!r}")

    uncached = []
    for _ in range(SEARCHES):
        invalidate()
        uncached.append(timed(post)[0])
    cached = [timed(post)[0] for _ in range(SEARCHES)]
    return statistics.median(uncached), statistics.median(cached)


def top_up(missing: int, seed: int) -> int:
    """Bulk-insert ``missing`` more fictional people (search key included) for the search benchmark."""
    if missing <= 0:
        return 0
    from wagtail.models import Locale

    from register.importing.fictional import fictional_people
    from register.importing.importer import Lookup
    from register.importing.layouts import PEOPLE
    from register.models import Person
    from register.search_key import search_key
    from register.source_rows import source_language_code

    locale = Locale.objects.get(language_code=source_language_code())
    lookup = Lookup(PEOPLE)
    people = []
    for cells in fictional_people(missing, seed):
        values = {}
        for column, cell in zip(PEOPLE.columns, cells, strict=True):
            values.update(column.read(cell, lookup))
        variants = values.pop("name_variants")
        names = [values["family_name"], values["given_names"], *(variant.name for variant in variants)]
        people.append(Person(locale=locale, search_text=search_key(*names), **values))
    Person.objects.bulk_create(people, batch_size=2000)
    return missing


def write_section(section: str) -> None:
    """Replace the "## Register" section of docs/performance.md (up to the next "## "), or append it."""
    PERFORMANCE.parent.mkdir(exist_ok=True)
    text = (
        PERFORMANCE.read_text()
        if PERFORMANCE.exists()
        else "# Performance\n\nMeasurements, and how to repeat them.\n\n"
    )
    pattern = re.compile(r"^## Register\n.*?(?=^## |\Z)", re.MULTILINE | re.DOTALL)
    text = pattern.sub(lambda _: section, text) if pattern.search(text) else text.rstrip("\n") + "\n\n" + section
    PERFORMANCE.write_text(text)


if __name__ == "__main__":
    main()
