"""Oversight analytics: what a finance bureau looks at across many reports.

- :mod:`~jixiao.core.analytics.similarity`: paragraphs reused between reports (MinHash + LSH,
  verified by exact Jaccard), and each report's share of reused narrative.
- :mod:`~jixiao.core.analytics.targets`: the quality of a dossier's targets (vague, without a unit
  or comparator, in the wrong category, dummy, weights off, set below last year or the peers).
- :mod:`~jixiao.core.analytics.inflation`: self-scores above what the evidence supports.

Pure Python (numpy and datasketch for the MinHash arithmetic): no files, no formats, so the CLI
(``jixiao analyze``) and the web dashboard call the same functions. docs/analytics.md explains
every flag and its thresholds.
"""
