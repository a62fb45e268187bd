"""Oversight for finance bureaus: a round's dashboard and a unit's year-over-year view."""
