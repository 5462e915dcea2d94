"""The five worked examples as data, one module per seed plan, in file order.

Fixing an example (a goal, a point, a deadline, a rule) is editing its module's rows; then run
`workbooks/make_examples.py` and commit the data and the rebuilt workbook together.
"""

from __future__ import annotations

from workbooks.examples import (
    e000_hjemrejsestyrelsen,
    e001_udlaendingestyrelsen,
    e002_siri,
    e003_migrationsverket,
    e004_statsforvaltningen,
)
from workbooks.examples.spec import Example

EXAMPLES: tuple[Example, ...] = (
    e000_hjemrejsestyrelsen.EXAMPLE,
    e001_udlaendingestyrelsen.EXAMPLE,
    e002_siri.EXAMPLE,
    e003_migrationsverket.EXAMPLE,
    e004_statsforvaltningen.EXAMPLE,
)
