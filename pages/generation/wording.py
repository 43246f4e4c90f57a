"""The words of generated pages, in English, French and Dutch: plainly synthetic, naming no real person.

Titles say "synthetic" in every language, so nobody mistakes a generated page for a real memorial.
"""

TITLES = {
    "memorial": {
        "en": "Synthetic memorial {number}: {name}",
        "fr": "Mémorial synthétique {number} : {name}",
        "nl": "Synthetisch gedenkteken {number}: {name}",
    },
    "history": {
        "en": "Synthetic history {number}: the {name} story",
        "fr": "Histoire synthétique {number} : le récit de {name}",
        "nl": "Synthetische geschiedenis {number}: het verhaal van {name}",
    },
    "event": {
        "en": "Synthetic ceremony {number} at {name}",
        "fr": "Cérémonie synthétique {number} à {name}",
        "nl": "Synthetische plechtigheid {number} in {name}",
    },
    "news": {
        "en": "Synthetic news {number} from {name}",
        "fr": "Nouvelle synthétique {number} de {name}",
        "nl": "Synthetisch nieuws {number} uit {name}",
    },
}

SECTIONS = {
    "memorial": {"en": "Memorials", "fr": "Mémoriaux", "nl": "Gedenktekens"},
    "history": {"en": "History", "fr": "Histoire", "nl": "Geschiedenis"},
    "event": {"en": "Ceremonies", "fr": "Cérémonies", "nl": "Plechtigheden"},
    "news": {"en": "News", "fr": "Actualités", "nl": "Nieuws"},
}

SUMMARY = {
    "en": "Generated text about {name}, for testing the site at scale.",
    "fr": "Texte généré sur {name}, pour tester le site à grande échelle.",
    "nl": "Gegenereerde tekst over {name}, om de site op schaal te testen.",
}

PARAGRAPH = {
    "en": "This paragraph about {name} was generated. It stands in for the text an editor would write.",
    "fr": "Ce paragraphe sur {name} a été généré. Il remplace le texte qu'écrirait un rédacteur.",
    "nl": "Deze alinea over {name} is gegenereerd. Ze staat in voor de tekst die een redacteur zou schrijven.",
}

LINK = {"en": "See also", "fr": "Voir aussi", "nl": "Zie ook"}
HEADING = {"en": "About {name}", "fr": "À propos de {name}", "nl": "Over {name}"}
QUOTE = {
    "en": "A generated quotation, attributed to nobody.",
    "fr": "Une citation générée, attribuée à personne.",
    "nl": "Een gegenereerd citaat, aan niemand toegeschreven.",
}
CAPTION = {"en": "Generated image", "fr": "Image générée", "nl": "Gegenereerde afbeelding"}
PLACE = {
    "en": "Communal cemetery of {name}",
    "fr": "Cimetière communal de {name}",
    "nl": "Gemeentelijke begraafplaats van {name}",
}
PROVINCE = {"en": "Synthetic province", "fr": "Province synthétique", "nl": "Synthetische provincie"}
COUNTRY = {"en": "Belgium", "fr": "Belgique", "nl": "België"}
PROGRAMME = {
    "en": ("Gathering", "Wreath laying", "Minute of silence"),
    "fr": ("Rassemblement", "Dépôt de gerbes", "Minute de silence"),
    "nl": ("Verzameling", "Kranslegging", "Minuut stilte"),
}
COMMEMORATED = {
    "en": "the synthetic events at {name}",
    "fr": "les événements synthétiques de {name}",
    "nl": "de synthetische gebeurtenissen in {name}",
}
PARTNER = "{name} Remembrance Committee (synthetic)"
SOURCE = "Generated source {number} on {name}"
AUTHOR = "Generated author (synthetic)"
PUBLICATION = "Generated archive (synthetic)"
