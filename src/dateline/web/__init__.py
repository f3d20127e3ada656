"""Dateline's web UI and single-file report."""
