"""The schema side of the frontend contract, without a database.

- ``schema.graphql`` is the live schema, exported by ``python manage.py export_schema``.
- The live schema breaks nothing a released schema of the same major version promised: a breaking change
  needs a new major in ``VERSION`` and a CHANGELOG entry for it (``breaking_change_problems``), and the
  detector is itself tested on a schema with a field removed.
- Every document in ``queries/`` follows the fragment convention and is valid against both the live
  schema and ``schema.graphql`` (the latter is what GraphQL Code Generator and Inspector read).
"""

import re

import pytest
from graphql import build_schema, find_breaking_changes, parse, print_ast, validate

from cms.management.commands.export_examples import (
    EXAMPLES_DIR,
    ContractError,
    document_ast,
    fragments_used,
    load_cases,
    load_fragments,
    load_operation,
    query_names,
)
from cms.management.commands.export_schema import (
    CHANGELOG_FILE,
    REGENERATE,
    SCHEMA_FILE,
    contract_version,
    live_schema,
    parse_version,
    released_schemas,
    schema_changes,
    schema_sdl,
    short_diff,
)

Version = tuple[int, int, int]


def dotted(version: Version) -> str:
    return ".".join(map(str, version))


def changelog_has_entry(changelog: str, version: Version) -> bool:
    """A heading for ``version``: '## 2.0.0', '## [2.0.0] - 2025-03-01', '## v2.0.0'…"""
    return re.search(rf"^#+\s*\[?v?{re.escape(dotted(version))}\b", changelog, re.MULTILINE) is not None


def breaking_change_problems(
    live_sdl: str, released: dict[Version, str], version: Version, changelog: str
) -> list[str]:
    """Why the live schema may not ship as ``version``; empty if it may.

    Breaking changes are measured against the latest released schema of ``version``'s major. When the major
    has not been released yet (VERSION was bumped), they are allowed if the CHANGELOG has an entry for it.
    """
    if not released:
        return ["No released schema in frontend-contract/released/."]
    latest = max(released)
    if version < latest:
        return [f"VERSION {dotted(version)} is older than the latest released schema, {dotted(latest)}."]
    same_major = [candidate for candidate in released if candidate[0] == version[0]]
    baseline = max(same_major or released)
    live = build_schema(live_sdl)
    breaking = find_breaking_changes(build_schema(released[baseline]), live)
    if not breaking:
        return []
    listed = "\n".join(f"  {change.type.name}: {change.description}" for change in breaking)
    if same_major:
        next_major = f"{version[0] + 1}.0.0"
        return [
            f"{len(breaking)} breaking change(s) against the released schema {dotted(baseline)}:\n{listed}\n"
            f"Make the change additive (add, deprecate, remove later), or bump frontend-contract/VERSION to "
            f"{next_major} and add a '## {next_major}' entry to CHANGELOG.md saying what frontends must change."
        ]
    if not changelog_has_entry(changelog, version):
        return [
            f"VERSION is {dotted(version)}, a new major with {len(breaking)} breaking change(s) against "
            f"{dotted(baseline)}, but CHANGELOG.md has no '## {dotted(version)}' entry:\n{listed}"
        ]
    return []


def released_sdl() -> dict[Version, str]:
    return {version: path.read_text() for version, path in released_schemas().items()}


def without_field(sdl: str, type_name: str, field_name: str) -> str:
    """``sdl`` with one field of one type removed, edited as an AST rather than as text."""
    document = parse(sdl)
    for definition in document.definitions:
        if getattr(definition, "name", None) and definition.name.value == type_name:
            kept = tuple(field for field in definition.fields if field.name.value != field_name)
            assert len(kept) == len(definition.fields) - 1, f"{type_name}.{field_name} not found"
            definition.fields = kept
    return print_ast(document)


# --- schema.graphql and the versions --------------------------------------------------------------


def test_schema_file_is_the_live_schema():
    live, committed = schema_sdl(), SCHEMA_FILE.read_text()
    if live != committed:
        changes = "\n".join(f"  {line}" for line in schema_changes(committed, live))
        pytest.fail(
            f"frontend-contract/schema.graphql is not the live schema:\n{changes}\n"
            f"{short_diff(committed, live, 'schema.graphql', 'live schema', limit=40)}\n"
            f"Regenerate it with `{REGENERATE}`, then `npm run generate` in frontend-contract/ and `make examples`.",
            pytrace=False,
        )


def test_the_export_is_deterministic():
    assert schema_sdl() == schema_sdl(live_schema())


def test_live_schema_keeps_the_promises_of_the_released_schema():
    problems = breaking_change_problems(
        schema_sdl(), released_sdl(), contract_version(), CHANGELOG_FILE.read_text() if CHANGELOG_FILE.exists() else ""
    )
    if problems:
        pytest.fail("\n".join(problems), pytrace=False)


def test_released_schemas_are_valid_and_named_by_version():
    released = released_schemas()
    assert released, "frontend-contract/released/ holds no schema-X.Y.Z.graphql"
    for path in released.values():
        build_schema(path.read_text())
    assert parse_version("1.2.3") == (1, 2, 3)
    with pytest.raises(ValueError):
        parse_version("1.2")


# --- the breaking-change detector itself -----------------------------------------------------------


@pytest.fixture(scope="module")
def baseline():
    """The latest released schema, and the same with ``Locale.isDefault`` removed."""
    version, sdl = max(released_sdl().items())
    return version, sdl, without_field(sdl, "Locale", "isDefault")


def test_detector_reports_a_removed_field(baseline):
    version, sdl, removed = baseline
    changes = find_breaking_changes(build_schema(sdl), build_schema(removed))
    assert [(change.type.name, change.description) for change in changes] == [
        ("FIELD_REMOVED", "Locale.isDefault was removed.")
    ]
    problems = breaking_change_problems(removed, {version: sdl}, version, changelog="")
    assert len(problems) == 1
    assert "Locale.isDefault was removed" in problems[0]
    assert f"{version[0] + 1}.0.0" in problems[0]


def test_a_new_major_with_a_changelog_entry_may_break(baseline):
    version, sdl, removed = baseline
    next_major = (version[0] + 1, 0, 0)
    changelog = f"# Changelog\n\n## {dotted(next_major)}\n\n- Removed `Locale.isDefault`.\n"
    assert breaking_change_problems(removed, {version: sdl}, next_major, changelog) == []


def test_a_new_major_needs_its_changelog_entry(baseline):
    version, sdl, removed = baseline
    next_major = (version[0] + 1, 0, 0)
    changelog = f"# Changelog\n\n## {dotted(version)}\n\n- First release.\n"
    problems = breaking_change_problems(removed, {version: sdl}, next_major, changelog)
    assert len(problems) == 1 and "no '## " in problems[0]


def test_a_minor_bump_does_not_allow_breaking(baseline):
    version, sdl, removed = baseline
    minor = (version[0], version[1] + 1, 0)
    changelog = f"## {dotted(minor)}\n"
    assert breaking_change_problems(removed, {version: sdl}, minor, changelog)


def test_adding_a_field_is_not_breaking(baseline):
    version, sdl, _ = baseline
    added = sdl.replace("type Locale {", "type Locale {\n  flag: String", 1)
    assert added != sdl
    assert breaking_change_problems(added, {version: sdl}, version, changelog="") == []
    assert "added Locale.flag" in schema_changes(sdl, added)


# --- the query documents ---------------------------------------------------------------------------


def test_query_and_fragment_files_follow_the_convention():
    fragments = load_fragments()
    operations = {name: load_operation(name).name.value for name in query_names()}
    assert len(set(operations.values())) == len(operations), f"operation names must be unique: {operations}"
    used = {fragment for name in query_names() for fragment in fragments_used(load_operation(name), fragments)}
    assert sorted(set(fragments) - used) == [], "fragments no query uses"


def test_an_unknown_fragment_is_reported():
    with pytest.raises(ContractError, match="Unknown fragment Nowhere"):
        fragments_used(parse("{ locales { ...Nowhere } }"), load_fragments())


@pytest.mark.parametrize("name", query_names())
def test_query_is_valid_against_the_live_schema_and_schema_graphql(name):
    document = document_ast(name)
    for label, schema in (("live schema", live_schema()), ("schema.graphql", build_schema(SCHEMA_FILE.read_text()))):
        errors = validate(schema, document)
        assert not errors, f"queries/{name}.graphql against the {label}: " + "; ".join(map(str, errors))


def test_every_query_has_an_example_and_every_example_a_query():
    cases = load_cases()
    assert sorted({case.query for case in cases.values()}) == query_names()
    assert sorted(path.stem for path in EXAMPLES_DIR.glob("*.json")) == sorted(cases), (
        "frontend-contract/examples/ does not match queries/examples.json: run `make examples`."
    )
