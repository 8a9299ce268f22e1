"""Guided questions: the question banks made from the 手法例 and 注記."""
