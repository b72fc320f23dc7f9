"""Alembic environment: runs on the connection `store.db.migrate` passes, or on `sqlalchemy.url`."""

from alembic import context
from sqlalchemy import create_engine, text

from jixiao.store.tables import Base

config = context.config


def _run(connection) -> None:
    if connection.dialect.name == "postgresql":
        # Several server processes may start at once: one migrates, the others wait for it.
        connection.execute(text("SELECT pg_advisory_xact_lock(80851)"))
    context.configure(connection=connection, target_metadata=Base.metadata, render_as_batch=connection.dialect.name == "sqlite")
    with context.begin_transaction():
        context.run_migrations()


connection = config.attributes.get("connection")
if connection is not None:
    _run(connection)
else:
    with create_engine(config.get_main_option("sqlalchemy.url")).begin() as conn:
        _run(conn)
