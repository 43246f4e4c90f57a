"""The organisation settings reach frontends through the settings query."""

import pytest

from pages.models import OrganisationSettings

from ..helpers import data_of

pytestmark = pytest.mark.django_db

QUERY = """{ organisation { name postalAddress telephone email iban bic copyrightLine credits
              socialLinks { ... on SocialLinkBlock { platform url } } } }"""


def test_organisation_settings_query(client, tree):
    OrganisationSettings.objects.create(
        site=tree.site,
        name="The Belgians Remember Them",
        postal_address="Rue Saint-Marcoult 14\nB-7830 Silly\nBelgium",
        telephone="+32 (0)68 28 64 66",
        iban="BE97001838863049",
        bic="GEBABEBB",
        copyright_line="© The Belgians Remember Them 2017",
        credits="Logo by Wilfred Burie.",
        social_links=[("link", {"platform": "facebook", "url": "https://www.facebook.com/example"})],
    )
    data = data_of(client, QUERY)["organisation"]
    assert data == {
        "name": "The Belgians Remember Them",
        "postalAddress": "Rue Saint-Marcoult 14\nB-7830 Silly\nBelgium",
        "telephone": "+32 (0)68 28 64 66",
        "email": "",
        "iban": "BE97001838863049",
        "bic": "GEBABEBB",
        "copyrightLine": "© The Belgians Remember Them 2017",
        "credits": "Logo by Wilfred Burie.",
        "socialLinks": [{"platform": "facebook", "url": "https://www.facebook.com/example"}],
    }


def test_organisation_is_null_before_it_is_filled_in(client, tree):
    assert data_of(client, QUERY)["organisation"] is None
    assert not OrganisationSettings.objects.exists()  # a read never creates the row
