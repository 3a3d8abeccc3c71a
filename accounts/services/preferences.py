"""A user's screen preferences (which columns of a table, compact or not): remembered on the server, so they
follow the user to another browser. Not personal data and not audited: they change nothing anyone else sees."""

from django.db import transaction

from accounts.models import User


def preference_get(user, key: str, default=None):
    return (getattr(user, "preferences", None) or {}).get(key, default)


def preference_save(*, user: User, key: str, value) -> None:
    """Store one preference; the row is locked so two tabs saving two keys keep both."""
    with transaction.atomic():
        locked = User.objects.select_for_update().only("pk", "preferences").get(pk=user.pk)
        preferences = dict(locked.preferences or {})
        preferences[key] = value
        User.objects.filter(pk=user.pk).update(preferences=preferences)
    user.preferences = preferences
