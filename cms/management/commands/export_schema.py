"""``manage.py export_schema``: write the live GraphQL schema to ``frontend-contract/schema.graphql``.

That file is what frontends build against (GraphQL Code Generator, GraphQL Inspector) and what the
contract tests compare the live schema with. It is printed with graphql-core's ``print_schema`` after
``lexicographic_sort_schema``: types, fields and arguments in alphabetical order, so the file does not
depend on the order in which grapple happens to register types, and a diff shows only real changes.

``--check`` writes nothing and exits non-zero with a summary when the file differs from the live schema.
``--release`` records the committed schema as released under ``frontend-contract/VERSION``.
"""

import difflib
import os
import re
from pathlib import Path

from django.conf import settings
from django.core.management.base import BaseCommand, CommandError
from graphene_django.settings import graphene_settings
from graphql import (
    GraphQLEnumType,
    GraphQLInputObjectType,
    GraphQLInterfaceType,
    GraphQLObjectType,
    GraphQLSchema,
    GraphQLUnionType,
    build_schema,
    find_breaking_changes,
    find_dangerous_changes,
    lexicographic_sort_schema,
    print_schema,
)

CONTRACT_DIR = Path(settings.BASE_DIR) / "frontend-contract"
SCHEMA_FILE = CONTRACT_DIR / "schema.graphql"
VERSION_FILE = CONTRACT_DIR / "VERSION"
CHANGELOG_FILE = CONTRACT_DIR / "CHANGELOG.md"
RELEASED_DIR = CONTRACT_DIR / "released"
RELEASED_NAME = re.compile(r"^schema-(\d+)\.(\d+)\.(\d+)\.graphql$")
REGENERATE = "python manage.py export_schema"

# Settings that appear in the schema's descriptions ("Items per page; at most 100."): the committed
# schema is exported with their defaults, so an override in the environment would show up as a change.
SCHEMA_ENV_VARS = ("GRAPHQL_MAX_PAGE_SIZE",)


def live_schema() -> GraphQLSchema:
    return graphene_settings.SCHEMA.graphql_schema


def schema_sdl(schema: GraphQLSchema | None = None) -> str:
    """The SDL of ``schema`` (default: the live one), sorted, with a final newline.

    Sorted from a schema rebuilt from the printed SDL: sorting graphene's own types directly loses the
    mapping of enum default values (``SearchOperatorEnum = AND`` fails to print).
    """
    printed = print_schema(schema or live_schema())
    return print_schema(lexicographic_sort_schema(build_schema(printed))) + "\n"


def parse_version(text: str) -> tuple[int, int, int]:
    match = re.fullmatch(r"(\d+)\.(\d+)\.(\d+)", text.strip())
    if not match:
        raise ValueError(f"not a MAJOR.MINOR.PATCH version: {text.strip()!r}")
    return tuple(int(part) for part in match.groups())


def contract_version() -> tuple[int, int, int]:
    return parse_version(VERSION_FILE.read_text())


def released_schemas(directory: Path = RELEASED_DIR) -> dict[tuple[int, int, int], Path]:
    """Every ``released/schema-X.Y.Z.graphql``, by version, oldest first."""
    found = {}
    for path in directory.glob("*.graphql"):
        match = RELEASED_NAME.match(path.name)
        if match:
            found[tuple(int(part) for part in match.groups())] = path
    return dict(sorted(found.items()))


def _members(named_type) -> set[str]:
    if isinstance(named_type, GraphQLObjectType | GraphQLInterfaceType | GraphQLInputObjectType):
        return set(named_type.fields)
    if isinstance(named_type, GraphQLEnumType):
        return set(named_type.values)
    if isinstance(named_type, GraphQLUnionType):
        return {member.name for member in named_type.types}
    return set()


def schema_changes(old_sdl: str, new_sdl: str) -> list[str]:
    """What changed from ``old_sdl`` to ``new_sdl``, one line each: breaking first, then the rest."""
    old, new = build_schema(old_sdl), build_schema(new_sdl)
    lines = [f"BREAKING {change.type.name}: {change.description}" for change in find_breaking_changes(old, new)]
    lines += [f"dangerous {change.type.name}: {change.description}" for change in find_dangerous_changes(old, new)]
    old_types = {name: value for name, value in old.type_map.items() if not name.startswith("__")}
    new_types = {name: value for name, value in new.type_map.items() if not name.startswith("__")}
    lines += [f"added type {name}" for name in sorted(new_types.keys() - old_types.keys())]
    for name in sorted(new_types.keys() & old_types.keys()):
        lines += [f"added {name}.{member}" for member in sorted(_members(new_types[name]) - _members(old_types[name]))]
    if not lines and old_sdl != new_sdl:
        lines.append("descriptions or formatting only")
    return lines


def short_diff(old: str, new: str, old_name: str, new_name: str, limit: int = 60) -> str:
    diff = list(difflib.unified_diff(old.splitlines(), new.splitlines(), old_name, new_name, lineterm="", n=1))
    if len(diff) > limit:
        diff = [*diff[:limit], f"… {len(diff) - limit} more diff lines"]
    return "\n".join(diff)


class Command(BaseCommand):
    help = "Write the live GraphQL schema (sorted SDL) to frontend-contract/schema.graphql."

    def add_arguments(self, parser):
        action = parser.add_mutually_exclusive_group()
        action.add_argument(
            "--check", action="store_true", help="Write nothing; exit non-zero with a summary if the file is stale."
        )
        action.add_argument(
            "--release",
            action="store_true",
            help="Copy the committed schema to released/schema-<VERSION>.graphql (a released schema never changes).",
        )

    def handle(self, *args, check=False, release=False, **options):
        for name in SCHEMA_ENV_VARS:
            if os.environ.get(name):
                self.stderr.write(f"Warning: {name} is set; the committed schema is exported with its default.")
        if release:
            return self._release()
        sdl = schema_sdl()
        current = SCHEMA_FILE.read_text() if SCHEMA_FILE.exists() else ""
        if check:
            if current == sdl:
                self.stdout.write(f"{SCHEMA_FILE.relative_to(settings.BASE_DIR)} is up to date.")
                return
            summary = "\n".join(f"  {line}" for line in schema_changes(current or "type Query", sdl))
            raise CommandError(
                f"{SCHEMA_FILE.relative_to(settings.BASE_DIR)} differs from the live schema:\n{summary}\n"
                f"{short_diff(current, sdl, 'schema.graphql', 'live schema')}\n"
                f"Run `{REGENERATE}`, then `npm run generate` in frontend-contract and `make examples`."
            )
        if current == sdl:
            self.stdout.write(f"{SCHEMA_FILE.relative_to(settings.BASE_DIR)} is already up to date.")
            return
        SCHEMA_FILE.write_text(sdl)
        self.stdout.write(self.style.SUCCESS(f"Wrote {SCHEMA_FILE.relative_to(settings.BASE_DIR)}."))

    def _release(self):
        version = ".".join(map(str, contract_version()))
        if SCHEMA_FILE.read_text() != schema_sdl():
            raise CommandError(f"schema.graphql is stale; run `{REGENERATE}` before releasing.")
        target = RELEASED_DIR / f"schema-{version}.graphql"
        if target.exists():
            if target.read_text() == SCHEMA_FILE.read_text():
                self.stdout.write(f"{target.name} is already released.")
                return
            raise CommandError(f"{target.name} exists and differs: a released schema never changes; bump VERSION.")
        RELEASED_DIR.mkdir(exist_ok=True)
        target.write_text(SCHEMA_FILE.read_text())
        self.stdout.write(self.style.SUCCESS(f"Released {target.relative_to(settings.BASE_DIR)}."))
        if f"## {version}" not in CHANGELOG_FILE.read_text():
            self.stderr.write(f"Remember a '## {version}' entry in {CHANGELOG_FILE.name}.")
