"""``manage.py setup_translator_groups``: a "Translators (<language>)" group per translation language."""

from django.conf import settings
from django.core.management.base import BaseCommand, CommandError

from cms.translation.groups import ensure_translator_group


class Command(BaseCommand):
    help = "Create or update one translators' group per non-source language. Safe to run again."

    def add_arguments(self, parser):
        parser.add_argument("languages", nargs="*", help="Language codes (default: every translation language).")

    def handle(self, *args, languages, **options):
        configured = [code for code, _ in settings.WAGTAIL_CONTENT_LANGUAGES]
        unknown = [code for code in languages if code not in configured]
        if unknown:
            raise CommandError(f"Unknown language {', '.join(unknown)}. Configured: {', '.join(configured)}.")
        for code in languages or [code for code in configured if code != settings.LANGUAGE_CODE]:
            report = ensure_translator_group(code)
            verb = "Created" if report.created else "Updated"
            where = ", ".join(root.url_path for root in report.roots) or "no tree yet: run again once it exists"
            self.stdout.write(f"{verb} '{report.group.name}': edit in {where}")
