"""The demo site's content as data: its images, its pages in English, and their French and Dutch wording.

Every text is written from /work/shared/demo-facts.md. Facts marked unverified there are left out or
labelled as such. Ceremony times of day are not in the facts: 11:00 is a placeholder for each of them.

Pages and images refer to each other through ``PageRef`` and ``ImageRef``, resolved when the pages are built.
"""

import datetime
from dataclasses import dataclass, field
from html import escape
from typing import Any
from zoneinfo import ZoneInfo

BRUSSELS = ZoneInfo("Europe/Brussels")

SITE_NAME = "The Belgians Remember Them"
ASSOCIATION = "The Belgians Remember Them"


@dataclass(frozen=True)
class ImageRef:
    """Points at a demo image by its key in ``IMAGES``."""

    key: str


@dataclass(frozen=True)
class PageRef:
    """Points at an English demo page by its key in ``PAGES``."""

    key: str


@dataclass(frozen=True)
class NextAnnualDate:
    """The next time this day of the year comes round at this local Brussels time, never in the past."""

    month: int
    day: int
    hour: int
    minute: int = 0


@dataclass(frozen=True)
class ImageSpec:
    """A generated placeholder card and the text stored with it."""

    key: str
    title: str
    card_text: str
    caption: str
    colour: tuple[int, int, int]

    @property
    def alt_text(self) -> str:
        return f"Demo placeholder card reading '{self.card_text}'"


@dataclass(frozen=True)
class PageSpec:
    """One English page.

    ``parent`` is the key of its parent page, or None for the home page, which sits under the tree root.
    ``late_fields`` refer to pages built after this one; they are filled in, and the page published, once
    every page exists.
    """

    key: str
    model: str
    parent: str | None
    slug: str
    title: str
    fields: dict[str, Any] = field(default_factory=dict)
    late_fields: dict[str, Any] = field(default_factory=dict)


# --- Translations ------------------------------------------------------------------------------------
# Translation memory for wagtail-localize: language code -> English text of a segment -> its translation.
# Filled by ``tr`` as the pages below are defined. Text without a translation stays in English in the
# translated pages, as it does in wagtail-localize until translators have worked on it.

TRANSLATIONS: dict[str, dict[str, str]] = {}


def tr(english: str, **translations: str) -> str:
    """Return ``english`` unchanged, recording its translations (keyword = language code)."""
    for code, text in translations.items():
        TRANSLATIONS.setdefault(code, {})[english] = text
    return english


# --- StreamField and rich text helpers ------------------------------------------------------------
# They return the raw JSON form of each block, which is what a StreamField stores.


def rich(text: str) -> str:
    """One paragraph of rich text."""
    return f"<p>{escape(text, quote=False)}</p>"


def heading(text: str, level: str = "h2") -> dict:
    return {"type": "heading", "value": {"text": text, "level": level}}


def paragraph(text: str) -> dict:
    return {"type": "paragraph", "value": rich(text)}


def quote(text: str, attribution: str = "") -> dict:
    return {"type": "quote", "value": {"quote": text, "attribution": attribution}}


def image(ref: ImageRef, caption: str = "") -> dict:
    return {"type": "image", "value": {"image": ref, "caption": caption, "credit": ""}}


def partner(name: str, url: str = "") -> dict:
    return {"type": "partner", "value": {"name": name, "url": url}}


def source(title: str, author: str = "", publication: str = "", year: str = "", url: str = "") -> dict:
    return {
        "type": "source",
        "value": {"title": title, "author": author, "publication": publication, "year": year, "url": url},
    }


def programme_item(title: str, description: str = "", time: str | None = None) -> dict:
    return {"type": "item", "value": {"time": time, "title": title, "description": description}}


def featured(ref: PageRef) -> dict:
    return {"type": "page", "value": ref}


def brussels(year: int, month: int, day: int, hour: int = 11, minute: int = 0) -> datetime.datetime:
    """A Brussels local time, made timezone-aware."""
    return datetime.datetime(year, month, day, hour, minute, tzinfo=BRUSSELS)


# --- Images ------------------------------------------------------------------------------------------

SOVIET_MEMORIAL_TITLE = "National Memorial to the Soviet Armed Partisans in Belgium"
# The motto is quoted as the facts give it, in English, and never translated.
MOTTO = "75 years later, Belgium remembers them"

IMAGES = [
    ImageSpec(
        key="soviet-memorial",
        title="Demo image: National Memorial to the Soviet Armed Partisans",
        card_text="National Memorial to the Soviet Armed Partisans",
        caption="Placeholder for a photograph of the memorial in the communal cemetery of Rebecq.",
        colour=(116, 42, 42),
    ),
    ImageSpec(
        key="soviet-memorial-cemetery",
        title="Demo image: Communal cemetery of Rebecq",
        card_text="Communal cemetery, Rebecq",
        caption="Placeholder for a view of the communal cemetery of Rebecq.",
        colour=(62, 88, 72),
    ),
    ImageSpec(
        key="soviet-memorial-motto",
        title="Demo image: Motto of the Soviet partisans memorial",
        card_text=MOTTO,
        caption="Placeholder for a photograph of the memorial's motto.",
        colour=(84, 84, 96),
    ),
    ImageSpec(
        key="raf-memorial",
        title="Demo image: Memorial to the crew of Lancaster JA712",
        card_text="Memorial to the crew of Lancaster JA712",
        caption="Placeholder for a photograph of the Rebecq memorial to the crew of Lancaster JA712.",
        colour=(38, 62, 110),
    ),
    ImageSpec(
        key="history-partisans",
        title="Demo image: The Soviet partisans in Belgium",
        card_text="The Soviet partisans in Belgium",
        caption="Placeholder for an archive photograph.",
        colour=(96, 78, 52),
    ),
    ImageSpec(
        key="event-unveiling",
        title="Demo image: Unveiling of the Soviet partisans memorial",
        card_text="Unveiling of the memorial, 12 October 2019",
        caption="Placeholder for a photograph of the unveiling ceremony.",
        colour=(120, 60, 40),
    ),
    ImageSpec(
        key="event-distinction",
        title="Demo image: Award of an honorary distinction",
        card_text="Honorary distinction, 22 October 2020",
        caption="Placeholder for a photograph of the award.",
        colour=(110, 90, 30),
    ),
    ImageSpec(
        key="event-rebecq-tribute",
        title="Demo image: Ceremony of solemn tribute in Rebecq",
        card_text="Ceremony of solemn tribute, Rebecq, 18 May 2022",
        caption="Placeholder for a photograph of the ceremony in Rebecq.",
        colour=(50, 70, 120),
    ),
    ImageSpec(
        key="event-westerlo",
        title="Demo image: Westerlo, Lancaster DV309",
        card_text="Westerlo remembers Lancaster DV309",
        caption="Placeholder for a photograph of the ceremony in Westerlo.",
        colour=(40, 90, 100),
    ),
    ImageSpec(
        key="event-upcoming",
        title="Demo image: Remembrance ceremony at the Soviet partisans memorial",
        card_text="Remembrance ceremony (demo)",
        caption="Placeholder image for a demonstration ceremony.",
        colour=(90, 50, 90),
    ),
    ImageSpec(
        key="news-latvian-monument",
        title="Demo image: Latvian Waffen-SS monument removed",
        card_text="News: a monument removed",
        caption="Placeholder image for a news item.",
        colour=(70, 70, 70),
    ),
]


# --- Pages -------------------------------------------------------------------------------------------

HOME = PageSpec(
    key="home",
    model="pages.HomePage",
    parent=None,
    slug="home",
    title=tr("Home", fr="Accueil", nl="Startpagina"),
    fields={
        "intro": rich(
            tr(
                "The Belgians Remember Them is a patriotic association that keeps alive the memory of the RAF "
                "airmen who fell over Belgium in the Second World War, and of the Soviet soldiers who escaped "
                "captivity here and fought in the Armed Partisans. These demo pages show its memorials, the "
                "history behind them and its ceremonies.",
                fr="The Belgians Remember Them est une association patriotique qui entretient la mémoire des "
                "aviateurs de la RAF tombés en Belgique pendant la Seconde Guerre mondiale, et des soldats "
                "soviétiques qui, évadés de leur captivité, ont combattu dans les rangs des Partisans Armés. Ces "
                "pages de démonstration présentent ses monuments, leur histoire et ses cérémonies.",
                nl="The Belgians Remember Them is een vaderlandslievende vereniging die de herinnering levend houdt "
                "aan de vliegeniers van de RAF die in de Tweede Wereldoorlog boven België omkwamen, en aan de "
                "Sovjetsoldaten die hier aan hun gevangenschap ontsnapten en bij de Gewapende Partizanen vochten. "
                "Deze demopagina's tonen haar gedenktekens, de geschiedenis erachter en haar plechtigheden.",
            )
        ),
    },
    late_fields={
        "featured": [
            featured(PageRef("soviet-memorial")),
            featured(PageRef("history-soviet-partisans")),
            featured(PageRef("event-upcoming")),
        ],
    },
)

INDEXES = [
    PageSpec(
        key="memorials",
        model="pages.MemorialIndexPage",
        parent="home",
        slug="memorials",
        title=tr("Memorials", fr="Monuments", nl="Gedenktekens"),
        fields={
            "show_in_menus": True,
            "intro": rich(
                tr(
                    "The memorials linked to the association's work: where they stand and whom they honour.",
                    fr="Les monuments liés au travail de l'association : où ils se trouvent et qui ils honorent.",
                    nl="De gedenktekens die met het werk van de vereniging verbonden zijn: waar ze staan en wie "
                    "ze eren.",
                )
            ),
        },
    ),
    PageSpec(
        key="history",
        model="pages.HistoryIndexPage",
        parent="home",
        slug="history",
        title=tr("History", fr="Histoire", nl="Geschiedenis"),
        fields={
            "show_in_menus": True,
            "intro": rich(
                tr(
                    "Articles about the people and the events that the memorials recall.",
                    fr="Des articles sur les personnes et les événements que rappellent les monuments.",
                    nl="Artikels over de mensen en de gebeurtenissen waaraan de gedenktekens herinneren.",
                )
            ),
        },
    ),
    PageSpec(
        key="ceremonies",
        model="pages.EventIndexPage",
        parent="home",
        slug="ceremonies",
        title=tr("Ceremonies", fr="Cérémonies", nl="Plechtigheden"),
        fields={
            "show_in_menus": True,
            "intro": rich(
                tr(
                    "Ceremonies still to come, and accounts of those already held.",
                    fr="Les cérémonies à venir, et le compte rendu de celles qui ont déjà eu lieu.",
                    nl="Plechtigheden die nog komen, en verslagen van de plechtigheden die al plaatsvonden.",
                )
            ),
        },
    ),
    PageSpec(
        key="news",
        model="pages.NewsIndexPage",
        parent="home",
        slug="news",
        title=tr("News", fr="Actualités", nl="Nieuws"),
        fields={
            "show_in_menus": True,
            "intro": rich(
                tr("News from the association.", fr="Les nouvelles de l'association.", nl="Nieuws van de vereniging.")
            ),
        },
    ),
]

MEMORIALS = [
    PageSpec(
        key="soviet-memorial",
        model="pages.MemorialPage",
        parent="memorials",
        slug="national-memorial-soviet-armed-partisans",
        title=tr(
            SOVIET_MEMORIAL_TITLE,
            fr="Mémorial national aux Partisans Armés soviétiques en Belgique",
            nl="Nationaal gedenkteken voor de Sovjet-Gewapende Partizanen in België",
        ),
        fields={
            "kind": "monument",
            "place": tr("Communal cemetery", fr="Cimetière communal", nl="Gemeentelijke begraafplaats"),
            "municipality": "Rebecq",
            "province": tr("Walloon Brabant", fr="Brabant wallon", nl="Waals-Brabant"),
            "country": tr("Belgium", fr="Belgique", nl="België"),
            # Approximate position of Rebecq; the text says nothing about it.
            "latitude": "50.664700",
            "longitude": "4.131800",
            "unveiling_date": datetime.date(2019, 10, 12),
            "unveiled_by": tr(
                "the Ambassador of the Russian Federation to Belgium",
                fr="l'ambassadeur de la Fédération de Russie en Belgique",
                nl="de ambassadeur van de Russische Federatie in België",
            ),
            "dedication": rich(
                tr(
                    "To the Soviet soldiers who escaped captivity in Belgium and fought in the ranks of the Armed "
                    "Partisans: to those who survived the war, and to those who were killed and rest in Belgian "
                    "soil.",
                    fr="Aux soldats soviétiques évadés de captivité en Belgique qui ont combattu dans les rangs des "
                    "Partisans Armés : à ceux qui ont survécu à la guerre, et à ceux qui ont été tués et reposent "
                    "en terre belge.",
                    nl="Aan de Sovjetsoldaten die in België aan hun gevangenschap ontsnapten en in de rangen van de "
                    "Gewapende Partizanen vochten: aan hen die de oorlog overleefden, en aan hen die gedood werden "
                    "en in Belgische bodem rusten.",
                )
            ),
            # The facts give this as the memorial's motto.
            "inscription": MOTTO,
            # The association's name is a proper name: its "translation" is the name itself, so the
            # string counts as done in every language. (The history page's source author is the same string.)
            "partners": [
                partner(tr(ASSOCIATION, fr=ASSOCIATION, nl=ASSOCIATION)),
                partner(tr("Commune of Rebecq", fr="Commune de Rebecq", nl="Gemeente Rebecq")),
            ],
            "hero_image": ImageRef("soviet-memorial"),
            "gallery": [
                image(ImageRef("soviet-memorial-cemetery")),
                image(ImageRef("soviet-memorial-motto")),
            ],
            "body": [
                heading(
                    tr(
                        "A national memorial in Rebecq",
                        fr="Un mémorial national à Rebecq",
                        nl="Een nationaal gedenkteken in Rebecq",
                    )
                ),
                paragraph(
                    tr(
                        "The memorial stands in the communal cemetery of Rebecq, in Walloon Brabant. The association "
                        "built it together with the commune of Rebecq, and the Ambassador of the Russian Federation "
                        "unveiled it on 12 October 2019.",
                        fr="Le mémorial se dresse dans le cimetière communal de Rebecq, dans le Brabant wallon. "
                        "L'association l'a construit avec la commune de Rebecq, et l'ambassadeur de la Fédération de "
                        "Russie l'a inauguré le 12 octobre 2019.",
                        nl="Het gedenkteken staat op de gemeentelijke begraafplaats van Rebecq, in Waals-Brabant. "
                        "De vereniging bouwde het samen met de gemeente Rebecq, en de ambassadeur van de Russische "
                        "Federatie onthulde het op 12 oktober 2019.",
                    )
                ),
                paragraph(
                    tr(
                        "It honours the Soviet soldiers who got away from their captors in Belgium and took up arms "
                        "with the Armed Partisans until the country was liberated. It remembers the men who "
                        "survived as well as those who fell in the fighting and were buried in Belgium.",
                        fr="Il rend hommage aux soldats soviétiques qui ont échappé à leurs geôliers en Belgique et "
                        "ont pris les armes avec les Partisans Armés jusqu'à la libération du pays. Il garde le "
                        "souvenir des hommes qui ont survécu comme de ceux qui sont tombés au combat et ont été "
                        "inhumés en Belgique.",
                        nl="Het eert de Sovjetsoldaten die in België aan hun bewakers ontsnapten en samen met de "
                        "Gewapende Partizanen de wapens opnamen tot het land bevrijd was. Het herdenkt de mannen die "
                        "de oorlog overleefden, en evengoed hen die in de strijd sneuvelden en in België begraven "
                        "werden.",
                    )
                ),
                # The motto stays as written (see MOTTO): it is recorded as its own translation.
                quote(
                    tr(MOTTO, fr=MOTTO, nl=MOTTO),
                    tr("Motto of the memorial", fr="Devise du mémorial", nl="Motto van het gedenkteken"),
                ),
                heading(tr("After the unveiling", fr="Après l'inauguration", nl="Na de onthulling")),
                paragraph(
                    tr(
                        "An honorary distinction was awarded on 22 October 2020. The association also keeps a "
                        "register of the graves of Soviet Armed Partisans in Belgium.",
                        fr="Une distinction honorifique a été remise le 22 octobre 2020. L'association tient aussi "
                        "un registre des tombes des Partisans Armés soviétiques en Belgique.",
                        nl="Op 22 oktober 2020 werd een ereonderscheiding uitgereikt. De vereniging houdt ook een "
                        "register bij van de graven van Sovjet-Gewapende Partizanen in België.",
                    )
                ),
            ],
        },
    ),
    PageSpec(
        key="raf-memorial",
        model="pages.MemorialPage",
        parent="memorials",
        slug="lancaster-ja712-memorial",
        title="Memorial to the crew of Lancaster JA712",
        fields={
            "kind": "monument",
            "place": "Rebecq",
            "municipality": "Rebecq",
            "province": "Walloon Brabant",
            "country": "Belgium",
            "unveiling_date": datetime.date(2011, 5, 7),
            "dedication": rich(
                "To the crew of Avro Lancaster JA712, code BQ-H, of No. 550 Squadron RAF, lost near Rebecq on the "
                "night of 27 to 28 May 1944."
            ),
            "hero_image": ImageRef("raf-memorial"),
            "body": [
                heading("A bomber lost near Rebecq"),
                paragraph(
                    "On the night of 27 to 28 May 1944, Lancaster JA712 of No. 550 Squadron RAF, which flew with "
                    "the code letters BQ-H, was lost near Rebecq. The memorial to its crew was unveiled on "
                    "7 May 2011."
                ),
                paragraph(
                    "The association was founded around this memorial and took the name The Belgians Remember Them "
                    "in 2017. Its research now covers the RAF aircraft lost over Belgium and the airmen who died "
                    "there."
                ),
                paragraph("This demo page does not list the names of the crew."),
            ],
        },
    ),
]

HISTORY = [
    PageSpec(
        key="history-soviet-partisans",
        model="pages.HistoryPage",
        parent="history",
        slug="soviet-partisans-in-belgium",
        title="The Soviet partisans in Belgium",
        fields={
            "summary": (
                "Soviet prisoners of war were put to work in Belgian coal mines in 1944. Several hundred escaped "
                "and fought the occupier with the Armed Partisans; more than three hundred of them rest in Belgium."
            ),
            "period_start": 1942,
            "period_end": 1945,
            "hero_image": ImageRef("history-partisans"),
            "body": [
                heading("Prisoners from the Eastern Front"),
                paragraph(
                    "In the battles of the Eastern Front, Stalingrad among them, a great many Soviet soldiers were "
                    "taken prisoner. Many of them were executed. Others were sent into captivity in Germany and in "
                    "the occupied countries, to work in industries that were short of labour."
                ),
                heading("Forced labour in the collieries"),
                paragraph(
                    "Soviet soldiers and officers reached Belgium at the beginning of 1944. They were made to work "
                    "in the collieries of the Centre region and of the Liège and Limburg regions, where their "
                    "captors treated them inhumanely."
                ),
                heading("Escape and the Armed Partisans"),
                paragraph(
                    "Several hundred of them managed to escape. They joined the resistance groups active near the "
                    "place of their escape, most of them the Armed Partisans, and fought the occupier until Belgium "
                    "was liberated."
                ),
                heading("After the war"),
                paragraph(
                    "Most of the survivors went back to the Soviet Union. More than three hundred had been killed in "
                    "the fighting; they were buried in Belgium, and they still rest there."
                ),
                paragraph(
                    "In 2019 the National Memorial to the Soviet Armed Partisans in Belgium was unveiled in Rebecq "
                    "in their honour. The association has extended its research on the airmen who fell over "
                    "Belgium to these partisans, and keeps a register of their graves."
                ),
            ],
            "sources": [
                source(
                    "Research on the Soviet partisans buried in Belgium",
                    author=ASSOCIATION,
                    publication="The association's own research, in progress",
                ),
            ],
            "related_memorials": [{"model": "pages.HistoryRelatedMemorial", "memorial": PageRef("soviet-memorial")}],
        },
    ),
]

EVENTS = [
    PageSpec(
        key="event-unveiling",
        model="pages.EventPage",
        parent="ceremonies",
        slug="unveiling-soviet-partisans-memorial",
        title="Unveiling of the National Memorial to the Soviet Armed Partisans",
        fields={
            "start": brussels(2019, 10, 12),
            "status": "held",
            "place": "Communal cemetery, Rebecq",
            "related_memorial": PageRef("soviet-memorial"),
            "summary": "The Ambassador of the Russian Federation unveiled the memorial in the communal cemetery of "
            "Rebecq.",
            "hero_image": ImageRef("event-unveiling"),
            "report": [
                paragraph(
                    "On 12 October 2019 the Ambassador of the Russian Federation unveiled the National Memorial to "
                    "the Soviet Armed Partisans in Belgium, in the communal cemetery of Rebecq. The association and "
                    "the commune of Rebecq built the memorial together."
                ),
                paragraph(f"The motto chosen for the memorial is '{MOTTO}'."),
            ],
        },
    ),
    PageSpec(
        key="event-distinction",
        model="pages.EventPage",
        parent="ceremonies",
        slug="honorary-distinction-2020",
        title="Award of an honorary distinction",
        fields={
            "start": brussels(2020, 10, 22),
            "status": "held",
            "place": "Rebecq",
            "related_memorial": PageRef("soviet-memorial"),
            "summary": "An honorary distinction was awarded on 22 October 2020, a year after the memorial was "
            "unveiled.",
            "hero_image": ImageRef("event-distinction"),
            "report": [
                paragraph(
                    "On 22 October 2020 an honorary distinction was awarded in connection with the National "
                    "Memorial to the Soviet Armed Partisans in Belgium."
                ),
                paragraph("The details of the award are not given in this demo."),
            ],
        },
    ),
    PageSpec(
        key="event-rebecq-tribute",
        model="pages.EventPage",
        parent="ceremonies",
        slug="rebecq-solemn-tribute-2022",
        title="Ceremony of solemn tribute in Rebecq",
        fields={
            "start": brussels(2022, 5, 18),
            "status": "held",
            "place": "Rebecq",
            "related_memorial": PageRef("raf-memorial"),
            "summary": "A ceremony of solemn tribute took place in Rebecq on 18 May 2022.",
            "hero_image": ImageRef("event-rebecq-tribute"),
            "programme": [
                programme_item("Words of welcome"),
                programme_item("Laying of flowers"),
                programme_item("A minute of silence"),
            ],
            "body": [
                paragraph(
                    "The programme above illustrates the usual form of such a ceremony for this demo; it is not a "
                    "record of the day."
                ),
            ],
            "report": [paragraph("On 18 May 2022 a ceremony of solemn tribute was held in Rebecq.")],
        },
    ),
    PageSpec(
        key="event-westerlo",
        model="pages.EventPage",
        parent="ceremonies",
        slug="westerlo-lancaster-dv309-2022",
        title=tr(
            "Westerlo remembers the crash of Lancaster DV309",
            fr="Westerlo se souvient de la chute du Lancaster DV309",
            nl="Westerlo herdenkt de crash van Lancaster DV309",
        ),
        fields={
            "start": brussels(2022, 5, 22),
            "status": "held",
            "place": tr("Westerlo", nl="Westerlo"),
            "commemorated_event": tr(
                "the crash of Lancaster DV309", fr="la chute du Lancaster DV309", nl="de crash van Lancaster DV309"
            ),
            # Only the month is known; the first day stands for it, as the model asks.
            "commemorated_date": datetime.date(1944, 5, 1),
            "commemorated_date_precision": "month",
            "summary": tr(
                "A ceremony in Westerlo marked the anniversary of the crash of Lancaster DV309 in May 1944.",
                fr="Une cérémonie à Westerlo a marqué l'anniversaire de la chute du Lancaster DV309 en mai 1944.",
                nl="Een plechtigheid in Westerlo herdacht de crash van Lancaster DV309 in mei 1944.",
            ),
            "hero_image": ImageRef("event-westerlo"),
            "report": [
                paragraph(
                    tr(
                        "On 22 May 2022 a ceremony in Westerlo remembered the crash of Avro Lancaster DV309 in "
                        "May 1944.",
                        fr="Le 22 mai 2022, une cérémonie à Westerlo a rappelé la chute de l'Avro Lancaster DV309 "
                        "en mai 1944.",
                        nl="Op 22 mei 2022 herdacht een plechtigheid in Westerlo de crash van de Avro Lancaster "
                        "DV309 in mei 1944.",
                    )
                ),
                paragraph(
                    tr(
                        "The exact day of the crash has not been verified, so only the month is given.",
                        fr="Le jour exact de la chute n'a pas été vérifié ; seul le mois est donc indiqué.",
                        nl="De precieze dag van de crash is niet geverifieerd; daarom wordt alleen de maand vermeld.",
                    )
                ),
            ],
        },
    ),
    PageSpec(
        key="event-upcoming",
        model="pages.EventPage",
        parent="ceremonies",
        slug="remembrance-ceremony-soviet-memorial-demo",
        title="Remembrance ceremony at the Soviet partisans memorial",
        fields={
            "start": NextAnnualDate(month=10, day=12, hour=11),
            "status": "scheduled",
            "place": "Communal cemetery, Rebecq",
            "related_memorial": PageRef("soviet-memorial"),
            "commemorated_event": "the unveiling of the memorial",
            "commemorated_date": datetime.date(2019, 10, 12),
            "summary": "Demo of a future ceremony: this entry is invented to show how upcoming ceremonies are "
            "listed. No such ceremony has been announced.",
            "hero_image": ImageRef("event-upcoming"),
            "programme": [
                programme_item("Gathering at the memorial", "Demo programme item.", "11:00:00"),
                programme_item("Laying of flowers and a minute of silence", "Demo programme item.", "11:15:00"),
            ],
            "body": [
                paragraph(
                    "This entry demonstrates an upcoming ceremony. Its date is set to the next 12 October, the "
                    "anniversary of the memorial's unveiling, each time the demo is loaded."
                ),
            ],
        },
    ),
]

NEWS = [
    PageSpec(
        key="news-latvian-monument",
        model="pages.NewsPage",
        parent="news",
        slug="latvian-waffen-ss-monument-removed",
        title="Monument to Latvian Waffen-SS soldiers removed",
        fields={
            "date": datetime.date(2024, 1, 15),
            "summary": "A monument in Belgium dedicated to 12,000 Latvian Waffen-SS soldiers has been taken down "
            "after a campaign by the association.",
            "hero_image": ImageRef("news-latvian-monument"),
            "body": [
                paragraph(
                    "A monument in Belgium dedicated to 12,000 Latvian soldiers of the Waffen-SS has been removed. "
                    "The association had campaigned against it."
                ),
                paragraph(
                    "Where the monument stood and when it was removed have not been verified for this demo, so "
                    "this item leaves them out."
                ),
            ],
        },
    ),
]

# Parents come before their children.
PAGES = [HOME, *INDEXES, *MEMORIALS, *HISTORY, *EVENTS, *NEWS]


# --- Organisation settings ---------------------------------------------------------------------------

ORGANISATION = {
    "name": ASSOCIATION,
    "postal_address": "Rue Saint-Marcoult 14\nB-7830 Silly\nBelgium",
    "telephone": "+32 (0)68 28 64 66",
    "email": "",  # the published address is obfuscated and its domain unknown
    "iban": "BE97001838863049",
    "bic": "GEBABEBB",
    "copyright_line": "© The Belgians Remember Them 2017. All rights reserved. Reproducing texts requires the "
    "author's authorisation.",
    "credits": "Logo by Wilfred Burie. Demo images are generated placeholders.",
}
