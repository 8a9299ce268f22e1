"""Benchmarks: each module ``bench_*.py`` has ``run() -> list[Figure]``."""
