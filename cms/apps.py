from django.apps import AppConfig


class CmsConfig(AppConfig):
    name = "cms"
    verbose_name = "CMS wiring"

    def ready(self):
        # Runs after grapple has registered its types (cms is listed after grapple).
        from .graphql.arguments import install_positive_int
        from .graphql.blocks import install_safe_block_types
        from .graphql.page_types import restrict_page_fields
        from .publishing import events as publishing_events
        from .translation import signals

        install_positive_int()
        install_safe_block_types()
        restrict_page_fields()
        signals.connect()
        publishing_events.connect()  # publish notifications to frontends
