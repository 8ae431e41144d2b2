"""The communiqué archive: web front end, command line, search request and engines.

`create_app` lives in `archive.app`; importing this package does not import Flask,
so the indexer can use the engines without the web stack.
"""
