"""Locale lookups for the API: no query once a process has read them, and a clear error for unknown codes."""

from django.conf import settings
from graphql import GraphQLError
from wagtail.models import Locale

from .settled import settled


def locales_by_code(request) -> dict[str, Locale]:
    """All configured locales, keyed by language code, loaded once per process and content version."""
    configured = frozenset(code for code, _ in settings.WAGTAIL_CONTENT_LANGUAGES)

    def load():
        return {loc.language_code: loc for loc in Locale.objects.all() if loc.language_code in configured}

    return settled(request, ("locales", configured), load)


def language_code_for(request, locale_id: int) -> str:
    for code, locale in locales_by_code(request).items():
        if locale.pk == locale_id:
            return code
    return Locale.objects.get(pk=locale_id).language_code


def resolve_locale(request, code: str | None, *, default: bool = True) -> Locale | None:
    """The Locale for ``code``; the default locale when ``code`` is empty and ``default`` is set."""
    available = locales_by_code(request)
    if not code:
        return available.get(settings.LANGUAGE_CODE) if default else None
    locale = available.get(code.lower())
    if locale is None:
        raise GraphQLError(
            f"Unknown locale '{code}'. Available locales: {', '.join(sorted(available))}.",
            extensions={"code": "UNKNOWN_LOCALE"},
        )
    return locale
