"""Nothing without a source: every criterion and parameter cites the law and carries a date."""

from __future__ import annotations

from datetime import date

import pytest

from visarules.catalogue import catalogue
from visarules.engine.citations import instruments
from visarules.engine.nodes import Criterion
from visarules.facts import ITEM_SCHEMAS, PERSON_SCHEMA
from visarules.jurisdictions.cn import points

CAT = catalogue()
CRITERIA = {n.id: n for v in CAT.visas for n in v.root.walk() if isinstance(n, Criterion)}


@pytest.mark.parametrize("criterion", CRITERIA.values(), ids=list(CRITERIA))
def test_every_criterion_cites_and_is_dated(criterion: Criterion) -> None:
    assert criterion.citations, f"{criterion.id} has no citation"
    assert isinstance(criterion.since, date)
    assert criterion.text.strip()
    for fact in criterion.reads:
        for column in fact.columns:
            known = PERSON_SCHEMA if fact.collection is None else ITEM_SCHEMAS[fact.collection.name]
            assert column in known, f"{criterion.id} reads unknown column {column}"
    for name in criterion.assumptions:
        CAT.assumptions[name]


@pytest.mark.parametrize("parameter", list(CAT.parameters), ids=lambda p: p.name)
def test_every_parameter_value_cites_and_is_dated(parameter) -> None:  # type: ignore[no-untyped-def]
    assert parameter.description
    assert parameter.values
    for value in parameter.values:
        assert isinstance(value.since, date)
        assert value.citations, f"{parameter.name} from {value.since} has no reference"
        assert value.until is None or value.until >= value.since


def test_every_visa_is_established_by_an_instrument_and_dated() -> None:
    for visa in CAT.visas:
        assert visa.established_by.instrument in instruments()
        assert isinstance(visa.since, date)
        for benefit in visa.benefits:
            CAT.parameters[benefit.parameter]  # raises if the parameter does not exist
        for document in visa.documents:
            assert document.citation.instrument in instruments()


def test_every_points_item_is_cited() -> None:
    for item in points.ITEMS:
        if item.parameter:
            assert CAT.parameters[item.parameter].values[0].citations


def test_instruments_have_titles_and_kinds() -> None:
    for inst in instruments().values():
        assert inst.title_en and inst.kind
        assert inst.url is None or inst.url.startswith(("http://", "https://"))


def test_every_direct_fact_is_a_column_of_the_tables() -> None:
    """A fact declared ``direct`` is copied from the tables' column of its path."""
    from visarules.facts import PERSON_FACTS
    from visarules.tables import PERSON_COLUMNS

    for fact in PERSON_FACTS:
        if fact.direct:
            assert fact.path in PERSON_COLUMNS, fact.name
            assert fact.columns == (fact.name,), fact.name
