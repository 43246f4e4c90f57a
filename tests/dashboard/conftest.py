from tests.translation.conftest import editor, make_user, translators  # noqa: F401  (the same editor and translators)
