"""Evidence ledgers: the bureau's work recorded as it happens, and figures computed from it.

- :mod:`~jixiao.core.ledgers.records`: one frozen record type per ledger (公务用车, 公共机构节能,
  物业, 资产, 会议与接待, 外包服务考核, 满意度调查) and :class:`LedgerSet`, all of a department's ledgers.
- :mod:`~jixiao.core.ledgers.aggregates`: the registry :data:`AGGREGATES` of figures with stable
  keys, and :class:`AggregateBook`, which computes them for one year with the records behind each.
- :mod:`~jixiao.core.ledgers.energy`: energy by type, converted to standard coal with factors
  passed in as data, per head and per m², year over year.
- :mod:`~jixiao.core.ledgers.backing`: indicators whose actual is named from an aggregate
  (``actual_from``), checked against what the dossier typed.

Pure Python: files are read in :mod:`jixiao.io.ledgers` and :mod:`jixiao.importers.ledgers`.
"""

from jixiao.core.ledgers.aggregates import AGGREGATES, Aggregate, AggregateBook, AggregateDef
from jixiao.core.ledgers.backing import Backing, BackingStatus, LedgerReport, back_indicators
from jixiao.core.ledgers.energy import ConversionFactors, EnergyYear, energy_year
from jixiao.core.ledgers.records import LEDGERS, LedgerKind, LedgerSet, LedgerSpec, Record

__all__ = [
    "AGGREGATES",
    "LEDGERS",
    "Aggregate",
    "AggregateBook",
    "AggregateDef",
    "Backing",
    "BackingStatus",
    "ConversionFactors",
    "EnergyYear",
    "LedgerKind",
    "LedgerReport",
    "LedgerSet",
    "LedgerSpec",
    "Record",
    "back_indicators",
    "energy_year",
]
