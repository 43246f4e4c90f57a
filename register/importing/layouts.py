"""The columns of each register's CSV file, in file order: the one specification import and export share.

docs/register-csv.md documents these columns; keep the two in step.
"""

from dataclasses import dataclass

from ..models import AircraftLoss, Burial, Cemetery, CrewMember, CrewRole, Fate, NameVariant, Person
from .columns import (
    CellError,
    ChoiceColumn,
    Column,
    DecimalColumn,
    IdColumn,
    ListColumn,
    PartialDateColumn,
    ReferenceColumn,
)


@dataclass(frozen=True)
class Layout:
    """One register's CSV file: its model, its columns and its inline rows."""

    key: str
    model: type
    columns: tuple[Column, ...]
    # Inline (clustered) relations a row replaces as a whole, e.g. a person's name variants.
    inline: tuple[str, ...] = ()
    related: tuple[str, ...] = ()

    @property
    def relations(self) -> list[str]:
        """The inline relations' names: ``crew`` for ``crew__person``."""
        return [name.split("__")[0] for name in self.inline]

    @property
    def header(self) -> list[str]:
        return [column.name for column in self.columns]

    def records(self):
        """The rows this register's file holds: source rows (translations carry only translated text)."""
        manager = self.model._default_manager
        rows = self.model.source_rows() if hasattr(self.model, "source_rows") else manager.all()
        return rows.select_related(*self.related).prefetch_related(*self.inline)

    def write(self, record) -> list[str]:
        return [column.write(record) for column in self.columns]


def _variant(parts, context) -> NameVariant:
    name, note = parts
    return NameVariant(name=name, note=note)


def _crew_member(parts, context) -> CrewMember:
    person_id, role, fate = parts
    person = context.find(Person, person_id)
    if person is None:
        raise CellError(f"no person has the id '{person_id}'")
    if role and role not in CrewRole.values:
        raise CellError(f"role '{role}' is not one of: {', '.join(CrewRole.values)}")
    if fate and fate not in Fate.values:
        raise CellError(f"fate '{fate}' is not one of: {', '.join(Fate.values)}")
    return CrewMember(person=person, role=role, fate=fate)


PEOPLE = Layout(
    key="people",
    model=Person,
    columns=(
        IdColumn(),
        Column("family_name", required=True),
        Column("given_names"),
        ListColumn("name_variants", 2, _variant, lambda variant: (variant.name, variant.note)),
        Column("rank"),
        Column("role"),
        Column("service_number"),
        Column("unit"),
        Column("nationality"),
        PartialDateColumn("birth_date", "birth_date", "birth_date_precision"),
        Column("birth_place"),
        PartialDateColumn("death_date", "death_date", "death_date_precision"),
        Column("death_place"),
        ChoiceColumn("fate", Fate),
        Column("sources"),
        Column("biography"),
    ),
    inline=("name_variants",),
)

CEMETERIES = Layout(
    key="cemeteries",
    model=Cemetery,
    columns=(
        IdColumn(),
        Column("name", required=True),
        Column("municipality", required=True),
        DecimalColumn("latitude"),
        DecimalColumn("longitude"),
        Column("notes"),
    ),
)

BURIALS = Layout(
    key="burials",
    model=Burial,
    columns=(
        IdColumn(),
        ReferenceColumn("person", Person, required=True),
        ReferenceColumn("cemetery", Cemetery, required=True),
        Column("grave_reference"),
        Column("inscription"),
        Column("inscription_language"),
    ),
    related=("person", "cemetery"),
)

LOSSES = Layout(
    key="losses",
    model=AircraftLoss,
    columns=(
        IdColumn(),
        Column("aircraft_type", required=True),
        Column("serial"),
        Column("squadron_code"),
        Column("squadron"),
        Column("base"),
        PartialDateColumn("loss_date", "loss_date", "loss_date_precision", required=True),
        Column("mission"),
        Column("cause"),
        Column("crash_place"),
        DecimalColumn("latitude"),
        DecimalColumn("longitude"),
        ListColumn(
            "crew",
            3,
            _crew_member,
            lambda member: (member.person.external_id, member.role, member.fate),
        ),
        Column("reprisal_notes"),
    ),
    inline=("crew__person",),
)

LAYOUTS = {layout.key: layout for layout in (PEOPLE, CEMETERIES, BURIALS, LOSSES)}
