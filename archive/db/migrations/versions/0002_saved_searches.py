"""Saved searches (private or shared), when each user last opened them, and search history.

Revision ID: 0002_saved_searches
Revises: 0001_users
Create Date: 2026-12-02
"""
import sqlalchemy as sa
from alembic import op

revision = "0002_saved_searches"
down_revision = "0001_users"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "saved_searches",
        sa.Column("id", sa.Integer, primary_key=True),
        sa.Column("owner_id", sa.Integer, sa.ForeignKey("users.id", ondelete="CASCADE"), nullable=False),
        sa.Column("name", sa.String(200), nullable=False),
        sa.Column("query", sa.Text, nullable=False),
        sa.Column("query_hash", sa.String(64), nullable=False),
        sa.Column("shared", sa.Boolean, nullable=False, server_default=sa.false()),
        sa.Column("created_at", sa.DateTime, nullable=False),
        sa.Column("updated_at", sa.DateTime, nullable=False),
    )
    op.create_index("ix_saved_searches_owner", "saved_searches", ["owner_id"])
    op.create_index("ix_saved_searches_query_hash", "saved_searches", ["query_hash"])
    op.create_table(
        "saved_search_views",
        sa.Column("user_id", sa.Integer, sa.ForeignKey("users.id", ondelete="CASCADE"), primary_key=True),
        sa.Column("saved_search_id", sa.Integer, sa.ForeignKey("saved_searches.id", ondelete="CASCADE"),
                  primary_key=True),
        sa.Column("seen_at", sa.DateTime, nullable=False),
        sa.Column("last_open_at", sa.DateTime, nullable=False),
        sa.Column("marked_before", sa.DateTime, nullable=True),
    )
    op.create_table(
        "search_history",
        sa.Column("id", sa.Integer, primary_key=True),
        sa.Column("user_id", sa.Integer, sa.ForeignKey("users.id", ondelete="CASCADE"), nullable=False),
        sa.Column("query", sa.Text, nullable=False),
        sa.Column("total", sa.Integer, nullable=True),
        sa.Column("at", sa.DateTime, nullable=False),
    )
    op.create_index("ix_search_history_user_at", "search_history", ["user_id", "at"])


def downgrade() -> None:
    op.drop_table("search_history")
    op.drop_table("saved_search_views")
    op.drop_table("saved_searches")
