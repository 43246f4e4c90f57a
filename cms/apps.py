from django.apps import AppConfig


class CmsConfig(AppConfig):
    name = "cms"
    verbose_name = "CMS wiring"

    def ready(self):
        # Runs after grapple has registered its types (cms is listed after grapple).
        from .graphql.blocks import install_safe_block_types
        from .translation import signals

        install_safe_block_types()
        signals.connect()
