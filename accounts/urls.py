from django.contrib.auth import views as auth_views
from django.urls import path, reverse_lazy

from .views import auth, invitations, organization, people, personal_data

app_name = "accounts"

urlpatterns = [
    path("login/", auth_views.LoginView.as_view(redirect_authenticated_user=True), name="login"),
    path("logout/", auth_views.LogoutView.as_view(), name="logout"),
    path(
        "password/change/",
        auth.AuditedPasswordChangeView.as_view(success_url=reverse_lazy("accounts:password.change.done")),
        name="password.change",
    ),
    path("password/change/done/", auth_views.PasswordChangeDoneView.as_view(), name="password.change.done"),
    path(
        "password/reset/",
        auth.ThrottledPasswordResetView.as_view(
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
        auth.AuditedPasswordResetConfirmView.as_view(
            success_url=reverse_lazy("accounts:password.reset.complete")
        ),
        name="password.reset.confirm",
    ),
    path(
        "password/reset/complete/",
        auth_views.PasswordResetCompleteView.as_view(),
        name="password.reset.complete",
    ),
    path("invite/<str:token>/", invitations.invitation_accept, name="invitation.accept"),
    path("people/", people.person_list, name="person.list"),
    path("people/new/", people.person_edit, name="person.create"),
    path("people/<int:pk>/", people.person_detail, name="person.detail"),
    path("people/<int:pk>/edit/", people.person_edit, name="person.update"),
    path("people/<int:pk>/guardians/add/", people.guardianship_add, name="guardianship.add"),
    path("people/<int:pk>/invite/", invitations.invitation_create, name="invitation.create"),
    path("invitations/", invitations.invitation_list, name="invitation.list"),
    path("invitations/<int:pk>/revoke/", invitations.invitation_revoke, name="invitation.revoke"),
    path("invitations/<int:pk>/confirm/", invitations.invitation_confirm, name="invitation.confirm"),
    # 152-ФЗ: a person's data export and erasure (issue 9)
    path("people/<int:pk>/data-export/", personal_data.person_data_export, name="person.data_export"),
    path("people/<int:pk>/anonymise/", personal_data.person_anonymise, name="person.anonymise"),
    path("organization/", organization.organization_edit, name="organization.update"),
    path("organization/switch/", organization.organization_switch, name="organization.switch"),
]
