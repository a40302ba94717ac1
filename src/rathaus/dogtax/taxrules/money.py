"""Exact amounts (``Fraction``) and their single rounding to the cent."""

from __future__ import annotations

import math
from decimal import Decimal
from fractions import Fraction

CENT = Decimal("0.01")


def round_to_cent(amount: Fraction) -> Decimal:
    """Round half up (away from zero for the non-negative amounts of this tax) to the cent."""
    cents = math.floor(amount * 100 + Fraction(1, 2))
    return Decimal(cents).scaleb(-2)
