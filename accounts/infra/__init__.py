"""The one home of the infrastructure every app shares (the lowest layer: it imports no app above it).

- forms: form widgets and mixins, and service errors put back on a form (`apply_errors`);
- tokens: single-purpose links with a hashed token (invitations, consent links, answer links, feeds);
- mail: every letter goes through the outbox (django-post-office) inside the use case's transaction;
- background: work after the commit, on a Celery worker when a broker is configured, else in a thread.

The HTTP side of the same plumbing (decorators, POST actions, responses) is accounts.views.web.
"""
