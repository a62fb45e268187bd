"""jixiao (绩效): department-wide expenditure performance evaluation.

One pipeline: inputs → Dossier → computed figures → scored → checked → report.
``jixiao.core`` is the pure-Python heart; everything else sits on top of it.
"""

__version__ = "0.1.0"
