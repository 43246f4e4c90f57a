"""Where generated pages go: the home page and its four sections in every language, and the image set.

Existing pages (the demo site's, say) are reused as they are; missing ones are created and published the
way an editor would, so the generated pages sit in an ordinary site.
"""

from django.conf import settings
from wagtail.models import Locale, Page

from pages.demo.content import ImageSpec
from pages.demo.images import ensure_image
from pages.demo.report import Report
from pages.demo.site import configure_site, ensure_locales, remove_default_pages
from pages.models import EventIndexPage, HistoryIndexPage, HomePage, MemorialIndexPage, NewsIndexPage

from .plan import IMAGE_COUNT
from .wording import SECTIONS

SECTION_MODELS = {
    "memorial": MemorialIndexPage,
    "history": HistoryIndexPage,
    "event": EventIndexPage,
    "news": NewsIndexPage,
}
IMAGE_COLOURS = [(70, 90, 120), (120, 80, 60), (60, 110, 80), (110, 60, 110), (90, 90, 90), (130, 110, 50)]


def ensure_sections(report: Report) -> dict[str, dict[str, Page]]:
    """language code -> kind -> the live section page in that language, created where missing."""
    locales = ensure_locales(report)
    source = locales[settings.LANGUAGE_CODE]
    home = _ensure_home(source, report)
    sections = {source.language_code: {}}
    for kind, model in SECTION_MODELS.items():
        section = home.get_children().type(model).first()
        if section is None:
            section = model(title=SECTIONS[kind]["en"], slug=SECTIONS[kind]["en"].lower(), show_in_menus=True)
            home.add_child(instance=section)
            section.save_revision().publish()
            report.created(f"section '{section.title}'")
        sections[source.language_code][kind] = section.specific
    for locale in locales.values():
        if locale != source:
            sections[locale.language_code] = {
                kind: _translated(section, locale, SECTIONS[kind].get(locale.language_code), report)
                for kind, section in sections[source.language_code].items()
            }
    return sections


def ensure_images(report: Report) -> list:
    """The generated image set, shared by every generated page; made once, found again by title."""
    images = []
    for number in range(IMAGE_COUNT):
        spec = ImageSpec(
            key=f"generated-{number + 1}",
            title=f"Generated image {number + 1}",
            card_text=f"Generated image {number + 1}",
            caption="Generated image for testing the site at scale",
            colour=IMAGE_COLOURS[number % len(IMAGE_COLOURS)],
        )
        image, created = ensure_image(spec)
        (report.created if created else report.exists)(f"image '{image.title}'")
        images.append(image)
    return images


def _ensure_home(locale: Locale, report: Report) -> Page:
    home = HomePage.objects.filter(locale=locale, depth=2).order_by("path").first()
    if home is not None:
        return home
    root = Page.get_first_root_node()
    remove_default_pages(root, report)
    home = HomePage(title="Home", slug="home", locale=locale)
    root.add_child(instance=home)
    home.save_revision().publish()
    configure_site(home, report)
    report.created("home page")
    return home


def _translated(page: Page, locale: Locale, title: str | None, report: Report) -> Page:
    """The live ``locale`` version of ``page`` (and of its parents), copied and published where missing."""
    existing = page.get_translation_or_none(locale)
    if existing is None:
        existing = page.copy_for_translation(locale, copy_parents=True)
        if title:
            existing.title = title
        report.created(f"{locale.language_code} translation of '{page.title}'")
    parent = existing.get_parent().specific
    if parent.depth > 1 and not parent.live:  # a home page copied along with its first section
        parent.save_revision().publish()
    if not existing.live:
        existing.save_revision().publish()
    return existing.specific
