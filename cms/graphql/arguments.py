"""Arguments grapple takes without checking, checked first so that bad input gets a clear error.

Grapple hands these to the ORM or to its resolvers as they come, and the exception that follows would
reach the client as an internal error (or, before ``errors.py``, as Python's own text):

- ``ID`` arguments (``id``, ``collection``): every model here has an integer primary key; ``"abc"`` makes
  Django raise "Field 'id' expected a number".
- site hostnames with a port (``site: "example.org:8000"``, ``site(hostname:)``): grapple filters on
  ``port=<the text after the colon>``.
- NUL characters in any string: PostgreSQL refuses them in a query ("A string literal cannot contain NUL").
- ``rendition(...)`` outside ``ALLOWED_IMAGE_FILTERS``: grapple raises a ``TypeError``; and ``srcSet``
  without ``sizes``, which its resolver requires although the schema does not.
- ``PositiveInt`` (``install_positive_int``): grapple's scalar compares graphene's ``Undefined`` (an Int
  literal past 32 bits) with 0, and graphql-core reports the ``TypeError``'s text; it also lets negative
  numbers through as ``null`` (literals) or as they are (variables), which reach ``queryset[-1:]``.

Like ``limits.LimitsMiddleware``, the middleware runs for every field, so fields without arguments pass
straight on.
"""

from django.conf import settings
from graphene.types.scalars import MAX_INT, Int
from graphql import GraphQLError, GraphQLNonNull, Undefined
from grapple.types.images import rendition_allowed
from grapple.types.structures import PositiveInt

from .scope import unknown_site

SITE_ARGUMENTS = frozenset({"site", "hostname"})
MAX_PORT = 65535
MAX_ID_DIGITS = 18  # within a 64-bit primary key


def bad_input(message: str) -> GraphQLError:
    return GraphQLError(message, extensions={"code": "BAD_USER_INPUT"})


def is_id_number(value) -> bool:
    """ASCII digits only: ``str.isdigit`` also accepts "²", which ``int()`` refuses."""
    text = str(value)
    return text.isascii() and text.isdigit() and len(text) <= MAX_ID_DIGITS


def check_id(value, argument: str) -> None:
    if value is not None and not is_id_number(value):
        raise bad_input(f"{argument} must be an id number.")


def check_hostname(value) -> None:
    """A ``host:port`` value must have a port number; grapple would pass any text to the database."""
    if isinstance(value, str) and ":" in value:
        port = value.split(":", 1)[1]
        if not (port.isascii() and port.isdigit() and int(port) <= MAX_PORT):
            raise unknown_site(value)


def check_no_nul(value, argument: str) -> None:
    values = value if isinstance(value, list) else [value]
    if any(isinstance(item, str) and "\x00" in item for item in values):
        raise bad_input(f"{argument} must not contain NUL characters.")


def allowed_filters_text() -> str:
    filters = settings.GRAPPLE["ALLOWED_IMAGE_FILTERS"]
    plain = [spec for spec in filters if "|" not in spec]
    suffixes = sorted({spec.split("|", 1)[1] for spec in filters if "|" in spec})
    return f"{', '.join(plain)}, each optionally with |{', |'.join(suffixes)}"


def check_image_arguments(info, kwargs: dict) -> None:
    """The rendition filters grapple would refuse with an exception, refused as a GraphQL error instead."""
    if info.field_name == "rendition":
        spec = "|".join(f"{key}-{value}" for key, value in kwargs.items() if key != "preserve_svg")
        if not rendition_allowed(spec):
            raise bad_input(f"The image filter '{spec}' is not allowed. Allowed: {allowed_filters_text()}.")
    elif info.field_name == "srcSet" and kwargs.get("sizes") is None:
        raise bad_input("srcSet needs sizes, e.g. srcSet(sizes: [320, 640]).")


class ArgumentsMiddleware:
    """Checks the arguments of every field, grapple's and ours (see the module docstring)."""

    def resolve(self, next, root, info, **kwargs):
        if info.field_name in ("rendition", "srcSet") and "srcSet" in info.parent_type.fields:
            check_image_arguments(info, kwargs)
        if kwargs:
            for name, argument in info.parent_type.fields[info.field_name].args.items():
                value = kwargs.get(argument.out_name or name)
                check_no_nul(value, name)
                argument_type = argument.type.of_type if isinstance(argument.type, GraphQLNonNull) else argument.type
                if getattr(argument_type, "name", None) == "ID":
                    check_id(value, name)
                elif name in SITE_ARGUMENTS:
                    check_hostname(value)
        return next(root, info, **kwargs)


def parse_positive_int_value(value):
    """A variable's value: a JSON number that is a whole number (graphene's ``int(value)`` would also take
    "12" and True, and raise a ``TypeError`` with Python's text for a list)."""
    if isinstance(value, float) and value.is_integer():
        value = int(value)
    if isinstance(value, bool) or not isinstance(value, int):
        return Undefined
    return value if 0 <= value <= MAX_INT else Undefined


def parse_positive_int_literal(ast, _variables=None):
    number = Int.parse_literal(ast, _variables)
    return number if number is not Undefined and number >= 0 else Undefined


def install_positive_int() -> None:
    """Make grapple's ``PositiveInt`` refuse anything but a non-negative 32-bit integer, as graphql-core
    expects a scalar to (by returning ``Undefined``): the client then gets "Expected value of type
    'PositiveInt', found -1." Runs before the schema is built (``CmsConfig.ready``)."""
    PositiveInt.parse_value = staticmethod(parse_positive_int_value)
    PositiveInt.parse_literal = staticmethod(parse_positive_int_literal)
