"""Yen to dollars at a dated, sourced rate, and how much a conclusion leans on the rate chosen."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable
from dataclasses import dataclass

from .records import FxRate


class MissingRate(LookupError):
    """A conversion needs a rate for a date that data/fx_rates.csv does not have."""


def rate_on(rates: Iterable[FxRate], date: dt.date) -> FxRate:
    """The sourced rate for exactly ``date``: no interpolation, no nearest-day guess."""
    for rate in rates:
        if rate.date == date:
            return rate
    raise MissingRate(f"no yen-dollar rate dated {date.isoformat()} in fx_rates.csv; add one with its source")


def jpy_to_usd(jpy: float, jpy_per_usd: float) -> float:
    return jpy / jpy_per_usd


def implied_rate(jpy: float, usd: float) -> float:
    """The yen-per-dollar rate at which ``jpy`` yen would be worth exactly ``usd`` dollars."""
    return jpy / usd


@dataclass(frozen=True)
class Conversion:
    jpy: float
    usd: float
    rate: FxRate


def convert(jpy: float, rates: Iterable[FxRate], date: dt.date) -> Conversion:
    rate = rate_on(rates, date)
    return Conversion(jpy, jpy_to_usd(jpy, rate.jpy_per_usd), rate)
