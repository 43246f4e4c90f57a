"""Organisation details shown in every frontend's header and footer."""

from django.db import models
from grapple.models import GraphQLStreamfield, GraphQLString
from localflavor.generic.models import BICField, IBANField
from wagtail.admin.panels import FieldPanel, MultiFieldPanel
from wagtail.contrib.settings.models import BaseSiteSetting, register_setting
from wagtail.fields import StreamField

from ..blocks import SocialLinksBlock


@register_setting(icon="group")
class OrganisationSettings(BaseSiteSetting):
    """Who publishes the site and how to reach them."""

    name = models.CharField(max_length=255, help_text="The association's name as it should appear everywhere.")
    postal_address = models.TextField(blank=True, help_text="One line per line of the envelope.")
    telephone = models.CharField(max_length=40, blank=True, help_text="International form, e.g. +32 (0)68 28 64 66.")
    email = models.EmailField(blank=True, help_text="Shown to the public as the contact address.")
    iban = IBANField("IBAN", blank=True, help_text="Bank account for donations, e.g. BE97 0018 3886 3049.")
    bic = BICField("BIC", blank=True, help_text="The bank's code for the IBAN, e.g. GEBABEBB.")
    copyright_line = models.CharField(
        max_length=255, blank=True, help_text="Shown in the site footer, e.g. '© The Belgians Remember Them'."
    )
    credits = models.TextField(blank=True, help_text="Credits for the logo, photographs and other work.")
    social_links = StreamField(SocialLinksBlock(), blank=True, help_text="Links to the association's pages elsewhere.")

    panels = [
        FieldPanel("name"),
        MultiFieldPanel(
            [FieldPanel("postal_address"), FieldPanel("telephone"), FieldPanel("email")], heading="Contact"
        ),
        MultiFieldPanel([FieldPanel("iban"), FieldPanel("bic")], heading="Bank account"),
        FieldPanel("copyright_line"),
        FieldPanel("credits"),
        FieldPanel("social_links"),
    ]

    graphql_fields = [
        GraphQLString("name", required=True),
        GraphQLString("postal_address", required=True),
        GraphQLString("telephone", required=True),
        GraphQLString("email", required=True),
        GraphQLString("iban", required=True),
        GraphQLString("bic", required=True),
        GraphQLString("copyright_line", required=True),
        GraphQLString("credits", required=True),
        GraphQLStreamfield("social_links", required=True),
    ]

    class Meta:
        verbose_name = "organisation settings"
