from django.apps import AppConfig


class RegisterConfig(AppConfig):
    """The remembrance register: people, cemeteries and burials, aircraft losses (data, not pages)."""

    name = "register"
    verbose_name = "Remembrance register"
