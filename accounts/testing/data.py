"""Data built once for a whole test module (the grid's world, the demo) and thrown away after it."""

from contextlib import contextmanager

from django.db import transaction


@contextmanager
def built_once(django_db_blocker):
    """Inside a module-scoped fixture: what is created in the block is seen by every test of the module
    (each runs in its own savepoint, so a test's changes vanish with it) and rolled back at the end."""
    with django_db_blocker.unblock(), transaction.atomic():
        yield
        transaction.set_rollback(True)
