from django.contrib.auth import views as auth_views
from django.urls import path, reverse_lazy

from . import views

app_name = "accounts"

urlpatterns = [
    path("login/", auth_views.LoginView.as_view(redirect_authenticated_user=True), name="login"),
    path("logout/", auth_views.LogoutView.as_view(), name="logout"),
    path(
        "password/change/",
        auth_views.PasswordChangeView.as_view(success_url=reverse_lazy("accounts:password.change.done")),
        name="password.change",
    ),
    path("password/change/done/", auth_views.PasswordChangeDoneView.as_view(), name="password.change.done"),
    path(
        "password/reset/",
        auth_views.PasswordResetView.as_view(
            success_url=reverse_lazy("accounts:password.reset.done"),
            email_template_name="emails/password_reset.txt",
            html_email_template_name="emails/password_reset.html",
            subject_template_name="emails/password_reset_subject.txt",
        ),
        name="password.reset",
    ),
    path("password/reset/sent/", auth_views.PasswordResetDoneView.as_view(), name="password.reset.done"),
    path(
        "password/reset/<uidb64>/<token>/",
        auth_views.PasswordResetConfirmView.as_view(
            success_url=reverse_lazy("accounts:password.reset.complete")
        ),
        name="password.reset.confirm",
    ),
    path(
        "password/reset/complete/",
        auth_views.PasswordResetCompleteView.as_view(),
        name="password.reset.complete",
    ),
    path("invite/<str:token>/", views.invitation_accept, name="invitation.accept"),
    path("people/", views.person_list, name="person.list"),
    path("people/new/", views.person_edit, name="person.create"),
    path("people/<int:pk>/", views.person_detail, name="person.detail"),
    path("people/<int:pk>/edit/", views.person_edit, name="person.update"),
    path("people/<int:pk>/guardians/add/", views.guardianship_add, name="guardianship.add"),
    path("people/<int:pk>/invite/", views.invitation_create, name="invitation.create"),
    path("invitations/", views.invitation_list, name="invitation.list"),
    path("invitations/<int:pk>/revoke/", views.invitation_revoke, name="invitation.revoke"),
    path("organization/", views.organization_edit, name="organization.update"),
    path("organization/switch/", views.organization_switch, name="organization.switch"),
]
