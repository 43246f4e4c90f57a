"""Production: everything comes from the environment; nothing here needs editing."""

from django.core.exceptions import ImproperlyConfigured

from .base import *  # noqa: F403
from .base import ALLOWED_HOSTS, GRAPPLE, SECRET_KEY

if not SECRET_KEY:
    raise ImproperlyConfigured("SECRET_KEY must be set in the environment for production.")
if not ALLOWED_HOSTS:
    raise ImproperlyConfigured("ALLOWED_HOSTS must list the site's host names for production.")

# Frontends use frontend-contract/schema.graphql; the in-browser IDE stays off whatever the env says.
GRAPPLE["EXPOSE_GRAPHIQL"] = False
GRAPHQL_INTROSPECTION = False
