"""Compile answers into the workbook's answer columns (deterministic, no UI)."""
