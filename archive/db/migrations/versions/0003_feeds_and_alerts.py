"""Feed tokens, alert subscriptions (e-mail, webhook) and what each has been sent.

Revision ID: 0003_feeds_and_alerts
Revises: 0002_saved_searches
Create Date: 2026-12-02
"""
import sqlalchemy as sa
from alembic import op

revision = "0003_feeds_and_alerts"
down_revision = "0002_saved_searches"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "feed_tokens",
        sa.Column("id", sa.Integer, primary_key=True),
        sa.Column("token_hash", sa.String(64), nullable=False, unique=True),
        sa.Column("user_id", sa.Integer, sa.ForeignKey("users.id", ondelete="CASCADE"), nullable=False),
        sa.Column("saved_search_id", sa.Integer, sa.ForeignKey("saved_searches.id", ondelete="CASCADE"),
                  nullable=False),
        sa.Column("created_at", sa.DateTime, nullable=False),
        sa.Column("revoked_at", sa.DateTime, nullable=True),
    )
    op.create_index("ix_feed_tokens_user_search", "feed_tokens", ["user_id", "saved_search_id"])
    op.create_table(
        "subscriptions",
        sa.Column("id", sa.Integer, primary_key=True),
        sa.Column("user_id", sa.Integer, sa.ForeignKey("users.id", ondelete="CASCADE"), nullable=False),
        sa.Column("saved_search_id", sa.Integer, sa.ForeignKey("saved_searches.id", ondelete="CASCADE"),
                  nullable=False),
        sa.Column("channel", sa.String(16), nullable=False),
        sa.Column("target", sa.Text, nullable=False),
        sa.Column("secret", sa.String(128), nullable=True),
        sa.Column("cursor", sa.String(32), nullable=True),
        sa.Column("lease_until", sa.DateTime, nullable=True),
        sa.Column("last_error", sa.Text, nullable=True),
        sa.Column("created_at", sa.DateTime, nullable=False),
        sa.CheckConstraint("channel IN ('email', 'webhook')", name="ck_subscriptions_channel"),
    )
    op.create_index("ix_subscriptions_search", "subscriptions", ["saved_search_id"])
    op.create_table(
        "deliveries",
        sa.Column("subscription_id", sa.Integer, sa.ForeignKey("subscriptions.id", ondelete="CASCADE"),
                  primary_key=True),
        sa.Column("doc_id", sa.String(128), primary_key=True),
        sa.Column("delivered_at", sa.DateTime, nullable=False),
    )


def downgrade() -> None:
    op.drop_table("deliveries")
    op.drop_table("subscriptions")
    op.drop_table("feed_tokens")
