"""``manage.py export_examples``: run every example of ``frontend-contract/queries/examples.json`` against the
CURRENT database and write each response to ``frontend-contract/examples/<name>.json``.

Run it on a fresh demo database, which is what ``make examples`` builds (a throwaway SQLite database and
media directory, ``migrate``, ``load_demo``, then this command); on any other database the examples would
show that database's content.

This module is also the one implementation of the contract's conventions, which the contract tests
import rather than repeat:

- **Fragments are global by name.** ``queries/*.graphql`` hold one operation each and no fragments;
  ``queries/fragments/*.graphql`` hold only fragments, each name defined once. The document sent for a
  query is its operation followed by every fragment it uses, directly or through other fragments, in
  order of first use (``document_for``). GraphQL Code Generator and GraphQL Inspector resolve fragments
  across files the same way, so the same files feed all three.
- **Requests are what a frontend sends**: a POST of ``{"query", "variables"}`` to ``/graphql/`` through
  Django's test client, for the host ``localhost`` (the demo's site), with media URLs built on
  ``EXAMPLE_BASE_URL`` whatever ``WAGTAILADMIN_BASE_URL`` says, so examples do not depend on the machine.
- **Volatile values** are kept out of the comparison (``comparable``) and, for block ids, out of the files
  (``with_stand_in_block_ids``); the README lists them.
"""

import json
import re
from dataclasses import dataclass, field
from pathlib import Path

from django.conf import settings
from django.core.management.base import BaseCommand, CommandError
from django.test import Client, override_settings
from graphql import (
    DocumentNode,
    FragmentDefinitionNode,
    FragmentSpreadNode,
    OperationDefinitionNode,
    parse,
    print_ast,
    visit,
)
from graphql.language import Visitor

from pages.models import HomePage

CONTRACT_DIR = Path(settings.BASE_DIR) / "frontend-contract"
QUERIES_DIR = CONTRACT_DIR / "queries"
FRAGMENTS_DIR = QUERIES_DIR / "fragments"
CASES_FILE = QUERIES_DIR / "examples.json"
EXAMPLES_DIR = CONTRACT_DIR / "examples"
REGENERATE = "make examples"

EXAMPLE_HOST = "localhost"  # the demo's default Site
EXAMPLE_BASE_URL = "http://localhost:8000"  # the default WAGTAILADMIN_BASE_URL, which prefixes media URLs

# What differs between two correct runs, and why:
# - every `id`: page and image ids are database ids (the same on a fresh SQLite database, not on a test
#   database that other tests have used); block ids are random UUIDs made when the demo is loaded.
# - the demo's upcoming ceremony is moved to the next 12 October each time its date passes, so its
#   `start`, `end` and `anniversary` change once a year.
VOLATILE_KEYS = frozenset({"id"})
UPCOMING_DEMO_URL_SUFFIX = "/remembrance-ceremony-soviet-memorial-demo/"
UPCOMING_DEMO_VOLATILE_KEYS = frozenset({"start", "end", "anniversary"})
VOLATILE = "<volatile>"
UUID = re.compile(r"^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$")


class ContractError(Exception):
    """A query or fragment file that breaks the conventions above."""


@dataclass(frozen=True)
class Case:
    """One example: a query document run with some variables."""

    name: str
    query: str
    variables: dict = field(default_factory=dict)
    expect_errors: bool = False
    note: str = ""
    unordered: tuple[str, ...] = ()  # dotted paths of lists whose order is not part of the example

    @property
    def path(self) -> Path:
        return EXAMPLES_DIR / f"{self.name}.json"


def load_fragments() -> dict[str, FragmentDefinitionNode]:
    """Every fragment of ``queries/fragments/``, by name."""
    fragments: dict[str, FragmentDefinitionNode] = {}
    for path in sorted(FRAGMENTS_DIR.glob("*.graphql")):
        for definition in parse(path.read_text()).definitions:
            if not isinstance(definition, FragmentDefinitionNode):
                raise ContractError(f"{path.name}: fragment files hold fragments only.")
            name = definition.name.value
            if name in fragments:
                raise ContractError(f"{path.name}: fragment {name} is defined twice.")
            fragments[name] = definition
    return fragments


def query_names() -> list[str]:
    """The query documents, by file name without ``.graphql``."""
    return sorted(path.stem for path in QUERIES_DIR.glob("*.graphql"))


def load_operation(name: str) -> OperationDefinitionNode:
    path = QUERIES_DIR / f"{name}.graphql"
    definitions = parse(path.read_text()).definitions
    if len(definitions) != 1 or not isinstance(definitions[0], OperationDefinitionNode):
        raise ContractError(f"{path.name}: a query file holds exactly one operation and no fragments.")
    if definitions[0].name is None:
        raise ContractError(f"{path.name}: name the operation (code generators name their types after it).")
    return definitions[0]


def _spreads(node) -> list[str]:
    names: list[str] = []

    class Collect(Visitor):
        def enter_fragment_spread(self, spread: FragmentSpreadNode, *_):
            names.append(spread.name.value)

    visit(node, Collect())
    return names


def fragments_used(node, fragments: dict[str, FragmentDefinitionNode]) -> list[str]:
    """The fragments ``node`` uses, directly or through other fragments, in order of first use."""
    used: list[str] = []
    pending = _spreads(node)
    while pending:
        name = pending.pop(0)
        if name in used:
            continue
        if name not in fragments:
            raise ContractError(f"Unknown fragment {name}: define it in queries/fragments/.")
        used.append(name)
        pending = _spreads(fragments[name]) + pending
    return used


def document_ast(name: str, fragments: dict[str, FragmentDefinitionNode] | None = None) -> DocumentNode:
    fragments = load_fragments() if fragments is None else fragments
    operation = load_operation(name)
    return DocumentNode(definitions=(operation, *(fragments[used] for used in fragments_used(operation, fragments))))


def document_for(name: str, fragments: dict[str, FragmentDefinitionNode] | None = None) -> str:
    """The self-contained document a frontend sends for query ``name``."""
    return print_ast(document_ast(name, fragments)) + "\n"


def load_cases() -> dict[str, Case]:
    raw = json.loads(CASES_FILE.read_text())
    queries = set(query_names())
    cases = {}
    for name, spec in raw.items():
        if name.startswith("$"):  # "$comment"
            continue
        unknown = spec.keys() - {"query", "variables", "expectErrors", "note", "unordered"}
        if unknown or not re.fullmatch(r"[a-z0-9][a-z0-9.-]*", name):
            raise ContractError(f"examples.json: bad example {name!r} (unknown keys: {sorted(unknown)}).")
        if spec.get("query") not in queries:
            raise ContractError(f"examples.json: {name} runs {spec.get('query')!r}, which is not in queries/.")
        cases[name] = Case(
            name,
            spec["query"],
            spec.get("variables", {}),
            spec.get("expectErrors", False),
            spec.get("note", ""),
            tuple(spec.get("unordered", ())),
        )
    return cases


def run_document(document: str, variables: dict, client: Client | None = None) -> tuple[int, dict]:
    """POST a document to /graphql/ as a frontend does; (status, decoded body)."""
    client = client or Client(HTTP_HOST=EXAMPLE_HOST)
    with override_settings(WAGTAILADMIN_BASE_URL=EXAMPLE_BASE_URL):
        response = client.post(
            "/graphql/", json.dumps({"query": document, "variables": variables}), content_type="application/json"
        )
    return response.status_code, response.json()


def run_case(case: Case, fragments: dict[str, FragmentDefinitionNode] | None = None) -> tuple[int, dict]:
    return run_document(document_for(case.query, fragments), case.variables)


def with_stand_in_block_ids(value):
    """``value`` with each UUID ``id`` (a StreamField block's) replaced by a numbered stand-in.

    Block ids are random each time the demo is loaded; stand-ins keep regenerated files free of churn.
    The same id gets the same stand-in within one response.
    """
    stand_ins: dict[str, str] = {}

    def walk(item):
        if isinstance(item, dict):
            result = {}
            for key, inner in item.items():
                if key == "id" and isinstance(inner, str) and UUID.match(inner):
                    inner = stand_ins.setdefault(inner, f"00000000-0000-4000-8000-{len(stand_ins) + 1:012d}")
                result[key] = walk(inner)
            return result
        if isinstance(item, list):
            return [walk(inner) for inner in item]
        return item

    return walk(value)


def comparable(value, unordered: tuple[str, ...] = (), path: str = ""):
    """``value`` with its volatile values masked, for comparing a response with its example.

    Lists at the dotted ``unordered`` paths (e.g. ``data.search.items``) are sorted: search ranks equally
    good matches differently on SQLite and PostgreSQL.
    """
    if isinstance(value, dict):
        upcoming_demo = str(value.get("url") or "").endswith(UPCOMING_DEMO_URL_SUFFIX)
        return {
            key: VOLATILE
            if key in VOLATILE_KEYS or (upcoming_demo and key in UPCOMING_DEMO_VOLATILE_KEYS)
            else comparable(inner, unordered, f"{path}.{key}".lstrip("."))
            for key, inner in value.items()
        }
    if isinstance(value, list):
        items = [comparable(inner, unordered, path) for inner in value]
        return sorted(items, key=lambda item: json.dumps(item, sort_keys=True)) if path in unordered else items
    return value


def render(body: dict) -> str:
    return json.dumps(body, indent=2, ensure_ascii=False) + "\n"


def problems_with(case: Case, status: int, body: dict) -> list[str]:
    """Why a response is not a good example, if it is not."""
    if case.expect_errors:
        return [] if body.get("errors") else [f"{case.name}: expected errors, got none"]
    found = []
    if status != 200:
        found.append(f"{case.name}: HTTP {status}")
    if body.get("errors"):
        found.append(f"{case.name}: {json.dumps(body['errors'], ensure_ascii=False)}")
    return found


class Command(BaseCommand):
    help = (
        "Run the example queries (frontend-contract/queries/examples.json) against the current database and "
        "write the responses to frontend-contract/examples/. Meant for a fresh demo database: `make examples`."
    )

    def add_arguments(self, parser):
        parser.add_argument(
            "--print",
            metavar="QUERY",
            dest="print_query",
            help="Print the self-contained document of one query (e.g. page-by-path) and exit.",
        )
        parser.add_argument(
            "--check", action="store_true", help="Write nothing; exit non-zero if an example file is stale."
        )

    def handle(self, *args, print_query=None, check=False, **options):
        try:
            if print_query:
                if print_query not in query_names():
                    raise CommandError(f"No query {print_query!r}; there are: {', '.join(query_names())}.")
                self.stdout.write(document_for(print_query), ending="")
                return
            self._export(check)
        except ContractError as error:
            raise CommandError(str(error)) from error

    def _export(self, check: bool):
        if not HomePage.objects.live().exists():
            raise CommandError("No live home page: load the demo first (`make examples` does it all).")
        fragments = load_fragments()
        cases = load_cases()
        missing = sorted(set(query_names()) - {case.query for case in cases.values()})
        if missing:
            raise CommandError(f"No example in examples.json for: {', '.join(missing)}.")
        problems, stale = [], []
        for case in cases.values():
            status, body = run_case(case, fragments)
            problems += problems_with(case, status, body)
            text = render(with_stand_in_block_ids(body))
            current = case.path.read_text() if case.path.exists() else None
            if check:
                if current is None or comparable(json.loads(current), case.unordered) != comparable(
                    json.loads(text), case.unordered
                ):
                    stale.append(case.path.name)
            elif current != text:
                case.path.write_text(text)
                self.stdout.write(f"Wrote examples/{case.path.name}")
        leftovers = sorted(set(EXAMPLES_DIR.glob("*.json")) - {case.path for case in cases.values()})
        for path in leftovers:
            if check:
                stale.append(f"{path.name} (no such example)")
            else:
                path.unlink()
                self.stdout.write(f"Removed examples/{path.name}")
        if problems:
            raise CommandError("Some examples did not run as expected:\n  " + "\n  ".join(problems))
        if stale:
            raise CommandError(f"Stale examples: {', '.join(stale)}. Run `{REGENERATE}`.")
        self.stdout.write(self.style.SUCCESS(f"{len(cases)} examples {'checked' if check else 'up to date'}."))
