"""Benchmarks and evaluations (``python -m benchmarks.<name>``); results go to BENCHMARKS.md."""
