"""Ingest pipeline: readers → analysis stages → engine writer. Imports no web code."""
