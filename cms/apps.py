from django.apps import AppConfig


class CmsConfig(AppConfig):
    name = "cms"
    verbose_name = "CMS wiring"

    def ready(self):
        # Runs after grapple has registered its types (cms is listed after grapple).
        from .graphql.arguments import install_positive_int
        from .graphql.blocks import install_safe_block_types
        from .graphql.page_types import keep_related_pages_in_own_tree, restrict_page_fields
        from .graphql.root_fields import register_root_field_policy
        from .publishing import events as publishing_events
        from .publishing import invalidation, renditions
        from .translation import signals

        install_positive_int()
        install_safe_block_types()
        restrict_page_fields()
        keep_related_pages_in_own_tree()
        register_root_field_policy()
        signals.connect()
        publishing_events.connect()  # publish notifications to frontends
        invalidation.connect()  # the API's response cache
        renditions.connect()  # allowlisted renditions made on image save and page publish
