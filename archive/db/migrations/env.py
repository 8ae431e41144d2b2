"""Alembic's environment: migrations run on the connection `archive.db.Database.upgrade` passes in."""
from alembic import context

from archive.db.models import Base

connection = context.config.attributes.get("connection")
if connection is None:
    raise RuntimeError("run migrations through archive.db.Database.upgrade (or `archive db upgrade`)")
context.configure(connection=connection, target_metadata=Base.metadata,
                  render_as_batch=connection.dialect.name == "sqlite")
with context.begin_transaction():
    context.run_migrations()
