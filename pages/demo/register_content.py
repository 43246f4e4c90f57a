"""The demo register as data: only what /work/shared/demo-facts.md states, and no people.

The facts name no person, so the demo register holds none: names of real people are never invented.
Unknown details (crash coordinates, missions, causes, the DV309 squadron) stay blank.
"""

import datetime
from dataclasses import dataclass, field
from typing import Any

from .content import rich, tr


@dataclass(frozen=True)
class RecordSpec:
    """One source-language register record, found again by its ``external_id``."""

    model: str
    external_id: str
    fields: dict[str, Any] = field(default_factory=dict)


@dataclass(frozen=True)
class RegisterLink:
    """A demo page's field that points at register records (one external id, or a list of them)."""

    page: str
    field: str
    model: str
    external_ids: str | list[str]


RECORDS = [
    RecordSpec(
        model="register.Cemetery",
        external_id="rebecq-communal-cemetery",
        fields={
            "name": tr(
                "Communal cemetery of Rebecq",
                fr="Cimetière communal de Rebecq",
                nl="Gemeentelijke begraafplaats van Rebecq",
            ),
            "municipality": "Rebecq",
            # Approximate position of Rebecq, as on the memorial page; the facts give none.
            "latitude": "50.664700",
            "longitude": "4.131800",
            "notes": rich(
                tr(
                    "The National Memorial to the Soviet Armed Partisans in Belgium stands in this cemetery.",
                    fr="Le Mémorial national aux Partisans Armés soviétiques en Belgique se dresse dans ce cimetière.",
                    nl="Het Nationaal gedenkteken voor de Sovjet-Gewapende Partizanen in België staat op deze "
                    "begraafplaats.",
                )
            ),
        },
    ),
    RecordSpec(
        model="register.AircraftLoss",
        external_id="ja712",
        fields={
            "aircraft_type": "Avro Lancaster",
            "serial": "JA712",
            "squadron_code": "BQ-H",
            "squadron": "No. 550 Squadron RAF",
            # Lost on the night of 27 to 28 May 1944: the night began on the 27th.
            "loss_date": datetime.date(1944, 5, 27),
            "loss_date_precision": "day",
            "crash_place": tr("near Rebecq", fr="près de Rebecq", nl="bij Rebecq"),
        },
    ),
    RecordSpec(
        model="register.AircraftLoss",
        external_id="dv309",
        fields={
            "aircraft_type": "Avro Lancaster",
            "serial": "DV309",
            # Only the month is verified.
            "loss_date": datetime.date(1944, 5, 1),
            "loss_date_precision": "month",
            "crash_place": "Westerlo",
        },
    ),
]

LINKS = [
    RegisterLink("raf-memorial", "commemorated_losses", "register.AircraftLoss", ["ja712"]),
    RegisterLink("soviet-memorial", "cemetery", "register.Cemetery", "rebecq-communal-cemetery"),
    RegisterLink("event-westerlo", "aircraft_loss", "register.AircraftLoss", "dv309"),
]
