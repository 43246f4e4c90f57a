"""A site in which every page type of the ``pages`` app stands in every hidden state, for the leak matrix.

Each page type gets a visible *control* page (the one every road must return) and, per state, the
pages readers must never see, placed where the control stands (same parent), so that each road that
reaches the control would reach them too if the visibility rule failed. Page types are found by
enumeration and minimal instances are built from their model fields, so a new page type joins alone.
"""

import datetime
from dataclasses import dataclass, field

from django.contrib.auth.models import Group
from django.db import models
from django.utils import timezone
from wagtail.fields import StreamField
from wagtail.models import Locale, Page, PageViewRestriction, Site, get_page_models

from ..helpers import publish_child, translate

TITLE = "Leakcheck"  # in every title, so that one search term finds every page
FUTURE = datetime.timedelta(days=30)


def page_models() -> list:
    """Every concrete page type of the ``pages`` app, parents before children (by tree depth)."""
    found = [model for model in get_page_models() if model._meta.app_label == "pages" and not model._meta.abstract]
    return sorted(found, key=lambda model: (_level(model), model.__name__))


def _level(model, seen=()):
    parents = [parent for parent in model.allowed_parent_page_models() if parent is not model and parent not in seen]
    if not parents or all(parent is Page for parent in parents):
        return 0
    return 1 + min(_level(parent, (*seen, model)) for parent in parents if parent is not Page)


def parent_model(model):
    """The allowed parent type a page of ``model`` is put under; ``Page`` (the tree root) for home pages."""
    parents = [parent for parent in model.allowed_parent_page_models() if parent is not model]
    specific = [parent for parent in parents if parent is not Page]
    return min(specific, key=_level) if specific else Page


def child_model(model):
    """A page type allowed under ``model``, or None for a leaf type."""
    children = [child for child in model.allowed_subpage_models() if child is not model]
    return min(children, key=lambda child: (_level(child), child.__name__)) if children else None


def minimal_page(model, title, slug, **fields):
    """A valid unsaved page of ``model``: every required field of its own gets a plain value."""
    values = {"title": title, "slug": slug, "show_in_menus": True}
    for model_field in model._meta.concrete_fields:
        if model_field.model is Page or isinstance(model_field, models.OneToOneField):
            continue
        if model_field.has_default() or model_field.blank or model_field.null:
            continue
        values[model_field.name] = _plain_value(model, model_field)
    values.update(fields)
    return model(**values)


def _plain_value(model, model_field):
    if isinstance(model_field, StreamField):
        return []
    if isinstance(model_field, models.DateTimeField):
        return timezone.now()
    if isinstance(model_field, models.DateField):
        return timezone.localdate()
    if isinstance(model_field, models.CharField | models.TextField):
        return TITLE
    if isinstance(model_field, models.IntegerField | models.DecimalField | models.FloatField):
        return 1
    raise TypeError(f"leak_world cannot fill {model.__name__}.{model_field.name}: teach _plain_value its type.")


# --- hidden states --------------------------------------------------------------------------------
# Each returns the pages of one state for one page type, put under ``parent``. "served" states are
# visible pages whose unpublished draft must never be what readers get.


def _draft(parent, page):
    parent.add_child(instance=page)
    page.live = False
    page.save()
    page.save_revision()
    return [page]


def _unpublished(parent, page):
    publish_child(parent, page).unpublish()
    return [page]


def _scheduled(parent, page):
    page.go_live_at = timezone.now() + FUTURE
    parent.add_child(instance=page)
    page.save_revision().publish()  # Wagtail keeps it not live until go_live_at
    page.refresh_from_db()
    assert not page.live
    return [page]


def _expired(parent, page):
    publish_child(parent, page)
    # As the editor's expiry date passing looks before `publish_scheduled` has run: still marked live.
    type(page).objects.filter(pk=page.pk).update(expire_at=timezone.now() - datetime.timedelta(minutes=1))
    return [page]


def _restricted(restriction_type, **options):
    def build(parent, page):
        publish_child(parent, page)
        restriction = PageViewRestriction.objects.create(page=page, restriction_type=restriction_type, **options)
        if restriction_type == PageViewRestriction.GROUPS:
            restriction.groups.add(Group.objects.get_or_create(name="Leakcheck members")[0])
        return [page]

    return build


def _alias_of_hidden(parent, page):
    """An alias beside its source, made while the source was public; the source is restricted afterwards.

    Wagtail copies a source's restrictions to an alias only when the alias is made, so the alias
    itself stays public: only the rule "an alias is hidden when its source is" hides it.
    """
    source = publish_child(parent, page)
    alias = source.create_alias(parent=parent, update_slug=f"{source.slug}-alias")
    PageViewRestriction.objects.create(page=source, restriction_type=PageViewRestriction.LOGIN)
    return [source, alias]


def _live_with_draft(parent, page):
    publish_child(parent, page)
    page.title = f"DRAFT {page.title}"
    page.save_revision()  # a newer draft, never published
    return [page]


def _alias_of_live_with_draft(parent, page):
    source = _live_with_draft(parent, page)[0]
    alias = Page.objects.get(pk=source.pk).specific.create_alias(parent=parent, update_slug=f"{source.slug}-alias")
    return [alias]


@dataclass(frozen=True)
class State:
    name: str
    build: object = None
    served: bool = False  # visible pages whose newer draft must not show
    locale: str = "en"  # the language the roads ask for


STATES = [
    State("draft", _draft),
    State("live-with-draft", _live_with_draft, served=True),
    State("unpublished", _unpublished),
    State("scheduled", _scheduled),
    State("expired", _expired),
    State("login-restricted", _restricted(PageViewRestriction.LOGIN)),
    State("group-restricted", _restricted(PageViewRestriction.GROUPS)),
    State("password-protected", _restricted(PageViewRestriction.PASSWORD, password="secret")),
    State("other-site"),  # placed in a second site's tree: see build_world
    State("other-locale", locale="fr"),  # live English pages with no French version, asked for in French
    State("alias-of-hidden", _alias_of_hidden),
    State("alias-of-live-with-draft", _alias_of_live_with_draft, served=True),
]


@dataclass
class World:
    home: Page
    control: dict = field(default_factory=dict)  # locale -> model -> the visible page
    hidden: dict = field(default_factory=dict)  # state name -> model -> [pages]
    draft_titles: dict = field(default_factory=dict)  # state name -> model -> title of the unpublished draft
    hidden_child: dict = field(default_factory=dict)  # state name -> model -> a live child of the hidden page
    linkers: dict = field(default_factory=dict)  # road name -> page (en) that links to every candidate
    translated: dict = field(default_factory=dict)  # page pk -> its live Dutch translation
    register: dict = field(default_factory=dict)  # GraphQL type name -> the register record linked to every page

    def in_locale(self, page, code):
        """The version of ``page`` in ``code`` (itself for English)."""
        if code == "en":
            return page
        return Page.objects.get(translation_key=page.translation_key, locale__language_code=code).specific

    def candidates(self, model):
        """Every page of ``model`` a road could be asked to show: the control and every hidden one."""
        return [self.control["en"][model], *(page for state in self.hidden.values() for page in state[model])]


def _label(model):
    return model.__name__.lower()


def build_world() -> World:
    locales = {code: Locale.objects.get_or_create(language_code=code)[0] for code in ("en", "fr", "nl")}
    root = Page.get_first_root_node()
    for page in root.get_children():
        page.delete()
    Site.objects.all().delete()
    world = World(home=None)
    world.control["en"] = {}

    # Controls: one visible page per type, each under the control of its parent type.
    for model in page_models():
        parent = root if parent_model(model) is Page else world.control["en"][parent_model(model)]
        page = minimal_page(model, f"{TITLE} {model.__name__}", _label(model), locale=locales["en"])
        world.control["en"][model] = publish_child(parent, page)
        if parent is root:
            world.home = page
    Site.objects.create(hostname="testserver", port=80, root_page=world.home, is_default_site=True, site_name="Main")

    # Hidden pages, state by state, beside the controls (other site: in a second site's tree).
    for state in STATES:
        world.hidden[state.name] = {}
        world.draft_titles[state.name] = {}
        for model in page_models():
            title, slug = f"{TITLE} {model.__name__} {state.name}", f"{_label(model)}-{state.name}"
            page = minimal_page(model, title, slug, locale=locales["en"])
            parent = root if parent_model(model) is Page else world.control["en"][parent_model(model)]
            if state.name == "other-site":
                parent = root if parent is root else world.hidden["other-site"][parent_model(model)][0]
                pages = [publish_child(parent, page)]
                if parent is root:
                    Site.objects.create(hostname="other.example", port=80, root_page=page, site_name="Other")
            elif state.name == "other-locale":
                pages = [world.home] if parent is root else [publish_child(parent, page)]
            else:
                pages = state.build(parent, page)
            world.hidden[state.name][model] = pages
            if state.served:
                world.draft_titles[state.name][model] = f"DRAFT {title}"
    _link_everything(world)
    _translate(world, locales)
    _link_register(world)
    for state in STATES:
        world.hidden_child[state.name] = {}
        for model in page_models():
            child = child_model(model)
            if child is not None:
                under = world.hidden[state.name][model][-1]
                slug = f"{_label(child)}-under-{state.name}"
                page = minimal_page(child, f"{TITLE} child of {under.title}", slug, locale=under.locale)
                world.hidden_child[state.name][model] = publish_child(under, page)
    return world


def _link_everything(world):
    """Visible pages that link to every candidate page, one per related-page road."""
    from pages.models import EventPage, HistoryPage, HistoryRelatedMemorial, MemorialPage, MemorialRelatedHistory

    control = world.control["en"]
    memorials, histories, events = (world.candidates(model) for model in (MemorialPage, HistoryPage, EventPage))
    world.linkers["relatedMemorials"] = publish_child(
        control[HistoryPage].get_parent(),
        minimal_page(
            HistoryPage,
            f"{TITLE} history linker",
            "history-linker",
            related_memorials=[HistoryRelatedMemorial(memorial=page) for page in memorials],
        ),
    )
    memorial_linker = publish_child(
        control[MemorialPage].get_parent(),
        minimal_page(
            MemorialPage,
            f"{TITLE} memorial linker",
            "memorial-linker",
            related_history=[MemorialRelatedHistory(history_page=page) for page in histories],
        ),
    )
    world.linkers["relatedHistory"] = world.linkers["events"] = memorial_linker
    # Every candidate event is held at the linker memorial (rows updated: drafts have no other copy).
    EventPage.objects.filter(pk__in=[page.pk for page in events]).update(related_memorial=memorial_linker)
    # One event per candidate memorial, for EventPage.relatedMemorial.
    world.linkers["relatedMemorial"] = {
        page.pk: publish_child(
            control[EventPage].get_parent(),
            minimal_page(EventPage, f"{TITLE} event at {page.pk}", f"event-at-{page.pk}", related_memorial=page),
        )
        for page in memorials
    }
    home = world.home
    featured_types = home.featured.stream_block.child_blocks["page"].target_models
    home.featured = [
        ("page", page) for model in page_models() if model in featured_types for page in world.candidates(model)
    ]
    home.save_revision().publish()
    world.linkers["featured"] = home


def _link_register(world):
    """One person, cemetery and aircraft loss that every memorial (and every ceremony) page links to, in
    every language and state, so each register field that lists pages meets every hidden page."""
    from pages.models import EventPage, MemorialPage
    from register.models import AircraftLoss, Cemetery, Person

    person = Person.objects.create(family_name="Leak", given_names="Matrix")
    cemetery = Cemetery.objects.create(name="Leak matrix cemetery", municipality="Rebecq")
    loss = AircraftLoss.objects.create(
        aircraft_type="Avro Lancaster", serial="LM001", loss_date=datetime.date(1944, 5, 1), loss_date_precision="month"
    )
    memorials = MemorialPage.objects.all()
    memorials.update(cemetery=cemetery)
    for relation, record in (("commemorated_people", person), ("commemorated_losses", loss)):
        through = MemorialPage._meta.get_field(relation).remote_field.through
        source, target = (f.attname for f in through._meta.get_fields() if getattr(f, "many_to_one", False))
        through.objects.bulk_create([through(**{source: page.pk, target: record.pk}) for page in memorials])
    EventPage.objects.all().update(aircraft_loss=loss)
    world.register.update(Person=person, Cemetery=cemetery, AircraftLoss=loss)


def _translate(world, locales):
    """French versions of the controls and linkers (the other-locale state asks in French), and Dutch
    versions of the controls and hidden pages, whose ``translations`` must not name hidden pages."""
    world.control["fr"] = {}
    for model, page in world.control["en"].items():
        world.control["fr"][model] = translate(page, locales["fr"], title=f"{page.title} (fr)")
    for page in [world.linkers["relatedMemorials"], world.linkers["events"]]:
        translate(page, locales["fr"], title=f"{page.title} (fr)")
    # French events held at the control memorial and at the untranslated (other-locale) memorials.
    memorial = _model("MemorialPage")
    for page in [world.control["en"][memorial], *world.hidden["other-locale"][memorial]]:
        translate(world.linkers["relatedMemorial"][page.pk], locales["fr"])
    for page in world.control["en"].values():
        translate(page, locales["nl"], title=f"{page.title} (nl)")
    for state in STATES:
        if state.name in ("other-locale", "other-site"):
            continue  # untranslated by definition; the other site has no Dutch tree
        for pages in world.hidden[state.name].values():
            for page in pages:
                if page.alias_of_id is None and page.get_parent().specific_class is not Page:
                    copy = page.copy_for_translation(locales["nl"], copy_parents=True)
                    copy.save_revision().publish()
                    world.translated[page.pk] = copy


def _model(name):
    from django.apps import apps

    return apps.get_model("pages", name)
