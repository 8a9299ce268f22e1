"""Command-line interface: ``interview <command>``."""
