"""Every example query of the frontend contract, run on the demo content: it must run as expected, and
its response must be what ``frontend-contract/examples/`` shows (volatile values aside; see
``export_examples.comparable``), so examples that no longer match the API fail with the command that
regenerates them.

The demo takes about 15 seconds to load, so it is loaded once for the module, inside a transaction that
is rolled back afterwards, and every example is run once then; the tests only read the responses.
"""

import io
import json
import os
from unittest import mock

import pytest
from django.core.cache import cache
from django.core.management import call_command
from django.db import transaction
from django.test import TestCase, override_settings

from cms.management.commands.export_examples import (
    REGENERATE,
    comparable,
    load_cases,
    load_fragments,
    problems_with,
    run_case,
)

# The function-level database fixture nests each test in a savepoint inside the module's transaction;
# it also keeps these tests with the other non-transactional ones, before any test flushes the database.
pytestmark = pytest.mark.django_db

CASES = load_cases()


@pytest.fixture(scope="module")
def responses(django_db_setup, django_db_blocker, tmp_path_factory):
    """Each example's (status, body), on the demo loaded once into a fresh media directory."""
    media = tmp_path_factory.mktemp("contract-media")
    with (
        django_db_blocker.unblock(),
        override_settings(MEDIA_ROOT=media),
        mock.patch.dict(os.environ, {"DEMO_ADMIN_PASSWORD": "contract-tests"}),
        transaction.atomic(),
    ):
        try:
            # wagtail-localize publishes the translations once the transaction commits, which this
            # one never does: run the on-commit callbacks as they are registered, as a real run would.
            with TestCase.captureOnCommitCallbacks(execute=True):
                call_command("load_demo", stdout=io.StringIO())
            cache.clear()  # no GraphQL response cached by an earlier test
            fragments = load_fragments()
            yield {name: run_case(case, fragments) for name, case in CASES.items()}
        finally:
            cache.clear()
            transaction.set_rollback(True)


def differences(expected, actual, path="") -> list[str]:
    """Where two JSON values differ, one '.data.page.title: example …, response …' line each."""
    if isinstance(expected, dict) and isinstance(actual, dict):
        found = []
        for key in [*expected, *(key for key in actual if key not in expected)]:
            if key not in actual:
                found.append(f"{path}.{key}: missing from the response")
            elif key not in expected:
                found.append(f"{path}.{key}: not in the example")
            else:
                found += differences(expected[key], actual[key], f"{path}.{key}")
        return found
    if isinstance(expected, list) and isinstance(actual, list):
        found = []
        if len(expected) != len(actual):
            found.append(f"{path}: {len(expected)} items in the example, {len(actual)} in the response")
        for index, (left, right) in enumerate(zip(expected, actual, strict=False)):
            found += differences(left, right, f"{path}[{index}]")
        return found
    if expected != actual:
        return [
            f"{path}: example {json.dumps(expected, ensure_ascii=False)[:120]}, "
            f"response {json.dumps(actual, ensure_ascii=False)[:120]}"
        ]
    return []


@pytest.mark.parametrize("name", list(CASES))
def test_example_runs_as_expected(responses, name):
    status, body = responses[name]
    problems = problems_with(CASES[name], status, body)
    assert not problems, "\n".join(problems)


@pytest.mark.parametrize("name", list(CASES))
def test_example_file_is_what_the_query_returns(responses, name):
    case = CASES[name]
    assert case.path.exists(), f"frontend-contract/examples/{case.path.name} is missing: run `{REGENERATE}`."
    expected = comparable(json.loads(case.path.read_text()), case.unordered)
    actual = comparable(responses[name][1], case.unordered)
    if expected != actual:
        found = differences(expected, actual)
        shown = "\n  ".join(found[:15]) + (f"\n  … and {len(found) - 15} more" if len(found) > 15 else "")
        pytest.fail(
            f"frontend-contract/examples/{case.path.name} is not what the query returns on the demo:\n  {shown}\n"
            f"If the API changed on purpose, regenerate the examples with `{REGENERATE}`.",
            pytrace=False,
        )
