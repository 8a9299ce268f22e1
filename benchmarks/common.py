"""Shared helpers for benchmarks: every figure is printed beside a baseline from the same run."""

from __future__ import annotations

import statistics
import time
from collections.abc import Callable
from dataclasses import dataclass


@dataclass(frozen=True)
class Figure:
    name: str
    value: float
    unit: str
    baseline_name: str
    baseline: float
    budget: str = ""

    @property
    def ratio(self) -> float:
        return self.value / self.baseline if self.baseline else float("inf")

    def line(self) -> str:
        return (
            f"{self.name:<44} {self.value:>10.3f} {self.unit:<3} | "
            f"{self.baseline_name:<34} {self.baseline:>10.3f} {self.unit:<3} | "
            f"ratio {self.ratio:>6.2f}  {self.budget}"
        )


def median_time(fn: Callable[[], object], repeat: int = 50, warmup: int = 3) -> float:
    """Median wall time of *fn* in milliseconds."""
    for _ in range(warmup):
        fn()
    samples = []
    for _ in range(repeat):
        start = time.perf_counter()
        fn()
        samples.append((time.perf_counter() - start) * 1000)
    return statistics.median(samples)
