"""The one normaliser for searching names: what is stored on a person and what a search term becomes."""

import re
import unicodedata

from anyascii import anyascii

# Apostrophes vanish ("O'Brien" -> "obrien"); every other run of non-alphanumerics becomes one space.
_APOSTROPHES = re.compile(r"['’`ʼ]")
_SEPARATORS = re.compile(r"[^a-z0-9]+")


def search_key(*parts: str | None) -> str:
    """Lower-case ASCII words for ``parts``: transliterated, accents stripped, casefolded, space-separated.

    ``search_key("Иванов")`` is ``"ivanov"``, ``search_key("Ghislain", "Dupré")`` is ``"ghislain dupre"``.
    """
    text = " ".join(part for part in parts if part)
    # Strip accents first so letters anyascii keeps as-is compose cleanly, then transliterate the rest.
    decomposed = unicodedata.normalize("NFKD", text)
    without_marks = "".join(char for char in decomposed if not unicodedata.combining(char))
    ascii_text = anyascii(without_marks).casefold()
    return _SEPARATORS.sub(" ", _APOSTROPHES.sub("", ascii_text)).strip()
