"""The evaluation core: pure Python, no Django, no file formats.

Modules, in the order data flows through them:

- ``money``      Decimal amounts with an explicit unit (元 / 万元).
- ``dossier``    one department × one year of raw facts, validated on construction.
- ``figures``    the standard figures (totals, rates) computed from a dossier.
- ``formula``    the safe expression language frameworks use for computed indicators.
- ``framework``  the indicator tree (weights, formulas, scoring methods) as data.
- ``scoring``    points per indicator, subtotals, total, grade; self / computed / re-score.
- ``findings``   the Finding record and waivers.
- ``checks``     the registry of rules that return findings.
- ``report``     the neutral document tree renderers translate.
- ``pipeline``   evaluate(): dossier → figures → score → findings → report, in one call.
"""
