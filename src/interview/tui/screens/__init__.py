"""Screens of the interview TUI."""
