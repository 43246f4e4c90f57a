"""Limits on the shape of a GraphQL document, checked before anything is resolved.

``limits.py`` bounds what one field may return (page sizes, orderings, search terms); this module
bounds the document itself, so an expensive query is refused before it reaches the database:

- ``MAX_QUERY_BYTES``: the document's size in UTF-8 bytes, checked before parsing;
- ``MAX_TOKENS``: graphql-core's own ``parse(..., max_tokens=N)``, which aborts parsing early;
- ``MAX_DEPTH``: nesting of fields, measured as graphene's ``depth_limit_validator`` measures it;
- ``MAX_ALIASES`` and ``MAX_FIELDS``: alias usages and field selections per operation, each fragment
  counted once however often it is spread (the document's size, not its execution's);
- introspection, refused with graphene's ``DisableIntrospection`` when ``GRAPHQL_INTROSPECTION`` is off.

Every limit is read in ``current_limits()``, at request time, so tests and deployments can change them.
A refusal is a ``GraphQLError`` with ``extensions: {"code": "LIMIT_EXCEEDED", "limit": "MAX_…"}`` whose
message names the measured value and the maximum; the view answers it with HTTP 400.
"""

from dataclasses import dataclass

from django.conf import settings
from graphene.utils.is_introspection_key import is_introspection_key
from graphene.validation import DisableIntrospection
from graphql import GraphQLError
from graphql.language import (
    DocumentNode,
    FieldNode,
    FragmentDefinitionNode,
    FragmentSpreadNode,
    InlineFragmentNode,
    OperationDefinitionNode,
    SelectionSetNode,
)
from graphql.validation import ValidationRule, specified_rules

from .limits import limit_error


@dataclass(frozen=True)
class QueryLimits:
    max_depth: int
    max_tokens: int
    max_query_bytes: int
    max_aliases: int
    max_fields: int
    introspection: bool


def current_limits() -> QueryLimits:
    """The limits in force now, read from settings at request time so they can change per test."""
    return QueryLimits(
        max_depth=settings.GRAPHQL_MAX_DEPTH,
        max_tokens=settings.GRAPHQL_MAX_TOKENS,
        max_query_bytes=settings.GRAPHQL_MAX_QUERY_BYTES,
        max_aliases=settings.GRAPHQL_MAX_ALIASES,
        max_fields=settings.GRAPHQL_MAX_FIELDS,
        introspection=settings.GRAPHQL_INTROSPECTION,
    )


# --- Before parsing -------------------------------------------------------------------------------


def check_size(query: str, limits: QueryLimits) -> GraphQLError | None:
    size = len(query.encode("utf-8"))
    if size > limits.max_query_bytes:
        return limit_error(
            f"The query is {size} bytes; the maximum is {limits.max_query_bytes}.",
            "MAX_QUERY_BYTES",
        )
    return None


def is_token_limit_error(error: GraphQLError, limits: QueryLimits) -> bool:
    # graphql-core reports the token limit as a syntax error; this is its wording (graphql/language/parser.py).
    return error.message.endswith(f"Document contains more than {limits.max_tokens} tokens. Parsing aborted.")


def token_limit_error(limits: QueryLimits) -> GraphQLError:
    # The parser stops at the first token over the limit, so the true count is unknown (and not worth lexing for).
    return limit_error(
        f"The query has more than {limits.max_tokens} tokens; the maximum is {limits.max_tokens}.", "MAX_TOKENS"
    )


# --- Measuring a parsed document ------------------------------------------------------------------


@dataclass(frozen=True)
class Shape:
    """What the limits measure in one operation."""

    depth: int
    aliases: int
    fields: int


def _fragments(document: DocumentNode) -> dict[str, FragmentDefinitionNode]:
    return {d.name.value: d for d in document.definitions if isinstance(d, FragmentDefinitionNode)}


def _depth(
    selection_set: SelectionSetNode,
    fragments: dict[str, FragmentDefinitionNode],
    memo: dict[str, int],
    visiting: frozenset[str],
) -> int:
    """Graphene's measure: a field with a selection set adds one level; leaves and ``__…`` fields add none.

    Unlike graphene's validator it returns the whole depth (for the message), computes each fragment's
    depth once, and skips unknown and cyclic spreads, which the specified rules report.
    """
    deepest = 0
    for selection in selection_set.selections:
        if isinstance(selection, FieldNode):
            if selection.selection_set and not is_introspection_key(selection.name.value):
                deepest = max(deepest, 1 + _depth(selection.selection_set, fragments, memo, visiting))
        elif isinstance(selection, InlineFragmentNode):
            deepest = max(deepest, _depth(selection.selection_set, fragments, memo, visiting))
        elif isinstance(selection, FragmentSpreadNode):
            name = selection.name.value
            if name in visiting or name not in fragments:
                continue
            if name not in memo:
                memo[name] = _depth(fragments[name].selection_set, fragments, memo, visiting | {name})
            deepest = max(deepest, memo[name])
    return deepest


def measure(operation: OperationDefinitionNode, fragments: dict[str, FragmentDefinitionNode]) -> Shape:
    depth = _depth(operation.selection_set, fragments, {}, frozenset())
    aliases = fields = 0
    seen: set[str] = set()
    pending = [operation.selection_set]
    while pending:  # iterative: no recursion limit to reach, whatever the document
        for selection in pending.pop().selections:
            if isinstance(selection, FieldNode):
                fields += 1
                aliases += selection.alias is not None
                if selection.selection_set:
                    pending.append(selection.selection_set)
            elif isinstance(selection, InlineFragmentNode):
                pending.append(selection.selection_set)
            elif isinstance(selection, FragmentSpreadNode):
                name = selection.name.value
                if name in fragments and name not in seen:
                    seen.add(name)
                    pending.append(fragments[name].selection_set)
    return Shape(depth=depth, aliases=aliases, fields=fields)


def document_shape(document: DocumentNode) -> Shape:
    """The largest depth, alias and field counts over the document's operations."""
    fragments = _fragments(document)
    shapes = [measure(d, fragments) for d in document.definitions if isinstance(d, OperationDefinitionNode)]
    return Shape(
        depth=max((s.depth for s in shapes), default=0),
        aliases=max((s.aliases for s in shapes), default=0),
        fields=max((s.fields for s in shapes), default=0),
    )


# --- Validation rules -----------------------------------------------------------------------------


def shape_rule(limits: QueryLimits) -> type[ValidationRule]:
    """One rule for depth, aliases and fields: each operation is measured once and refused per limit."""

    class ShapeLimits(ValidationRule):
        def __init__(self, context):
            super().__init__(context)
            self.fragments = _fragments(context.document)

        def enter_operation_definition(self, node: OperationDefinitionNode, *_args):
            shape = measure(node, self.fragments)
            if shape.depth > limits.max_depth:
                self.report_error(
                    _at(
                        limit_error(
                            f"The query is {shape.depth} levels deep; the maximum is {limits.max_depth}.", "MAX_DEPTH"
                        ),
                        node,
                    )
                )
            if shape.aliases > limits.max_aliases:
                self.report_error(
                    _at(
                        limit_error(
                            f"The query uses {shape.aliases} aliases; the maximum is {limits.max_aliases}.",
                            "MAX_ALIASES",
                        ),
                        node,
                    )
                )
            if shape.fields > limits.max_fields:
                self.report_error(
                    _at(
                        limit_error(
                            f"The query selects {shape.fields} fields; the maximum is {limits.max_fields}.",
                            "MAX_FIELDS",
                        ),
                        node,
                    )
                )

    return ShapeLimits


def _at(error: GraphQLError, node) -> GraphQLError:
    """``error`` located at ``node``, so clients see where the operation starts."""
    return GraphQLError(error.message, node, extensions=error.extensions)


class NoIntrospection(DisableIntrospection):
    """Graphene's rule, but ``__typename`` stays allowed.

    ``__typename`` reveals nothing beyond the response it is part of; frontends need it to tell union and
    interface members apart (Apollo adds it to every selection), and our contract queries use it.
    """

    def enter_field(self, node: FieldNode, *args):
        if node.name.value == "__typename":
            return
        name = node.name.value
        if is_introspection_key(name):
            self.report_error(
                GraphQLError(
                    f"Cannot query '{name}': introspection is disabled.",
                    node,
                    extensions={"code": "INTROSPECTION_DISABLED"},
                )
            )


def validation_rules(limits: QueryLimits) -> list[type[ValidationRule]]:
    """graphql-core's specified rules plus ours; ours first, so a limit is reported even when the
    number of other errors reaches the validation error cap."""
    rules: list[type[ValidationRule]] = [shape_rule(limits)]
    if not limits.introspection:
        rules.append(NoIntrospection)
    return [*rules, *specified_rules]
