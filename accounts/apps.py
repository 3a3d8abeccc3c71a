from django.apps import AppConfig


class AccountsConfig(AppConfig):
    default_auto_field = "django.db.models.BigAutoField"
    name = "accounts"
    verbose_name = "Организации и участники"

    def ready(self):
        from accounts.infra import integrity

        integrity.install()  # a violated constraint is told in Russian, never by its name

        from post_office.signals import email_queued

        from accounts.infra.mail import on_email_queued

        # Every queued letter (ours and Django's own) is delivered in the background after the commit.
        email_queued.connect(on_email_queued, dispatch_uid="accounts.deliver_mail")

        from django.contrib.auth.signals import user_logged_in, user_login_failed

        from accounts.views.auth import on_logged_in, on_login_failed

        # Sign-ins and failed sign-ins go to the audit journal.
        user_logged_in.connect(on_logged_in, dispatch_uid="accounts.audit_login")
        user_login_failed.connect(on_login_failed, dispatch_uid="accounts.audit_login_failed")
