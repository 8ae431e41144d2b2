"""The web front end: blueprints (search, documents), their view-models, and the engine per app.

Views parse the URL once into a `SearchRequest`, ask the engine, and hand
templates view-models whose links are ready-made (see `search_page.py`).
"""
