from django.contrib import admin, messages
from django.contrib.auth.admin import UserAdmin as BaseUserAdmin
from django.core.exceptions import ValidationError
from import_export import fields, resources
from import_export.admin import ImportExportModelAdmin
from import_export.widgets import ForeignKeyWidget

from .infra.spreadsheets import escape_formula, unescape_formula
from .models import (
    AuditEntry,
    Consent,
    ConsentRequest,
    Guardianship,
    Invitation,
    Membership,
    Organization,
    Person,
    User,
)
from .services.invitations import invitation_confirm, membership_grant


class BlankAwareValuesFilter(admin.AllValuesFieldListFilter):
    """Django's values filter lists a blank value as a link without text; a screen reader announces nothing."""

    def choices(self, changelist):
        for choice in super().choices(changelist):
            yield {**choice, "display": "(не указано)"} if choice["display"] == "" else choice


@admin.register(Organization)
class OrganizationAdmin(admin.ModelAdmin):
    list_display = ["short_name", "kind", "city", "parent", "director_name"]
    list_filter = ["kind", ("city", BlankAwareValuesFilter)]
    search_fields = ["full_name", "short_name", "inn", "ogrn", "city"]
    autocomplete_fields = ["parent"]


class MembershipInline(admin.TabularInline):
    model = Membership
    extra = 0
    autocomplete_fields = ["organization"]


@admin.register(User)
class UserAdmin(BaseUserAdmin):
    inlines = [MembershipInline]
    list_display = ["username", "last_name", "first_name", "email", "is_staff", "is_active", "last_login"]
    list_filter = ["is_staff", "is_active", "memberships__role", "memberships__organization"]

    def save_formset(self, request, form, formset, change):
        """A role added here by the operator is granted through the service: audited, the director told."""
        if formset.model is not Membership:
            return super().save_formset(request, form, formset, change)
        for membership in formset.save(commit=False):
            if membership.pk is None:
                membership_grant(
                    user=form.instance,
                    organization=membership.organization,
                    role=membership.role,
                    by=request.user,
                    source="admin",
                )
            else:
                membership.save()
        for membership in formset.deleted_objects:
            membership.delete()


@admin.register(Membership)
class MembershipAdmin(admin.ModelAdmin):
    list_display = ["user", "organization", "role", "created_at"]
    list_filter = ["role", "organization"]
    search_fields = ["user__username", "user__last_name", "organization__short_name"]
    autocomplete_fields = ["user", "organization"]

    def save_model(self, request, obj, form, change):
        if change:
            return super().save_model(request, obj, form, change)
        obj.pk = membership_grant(
            user=obj.user, organization=obj.organization, role=obj.role, by=request.user, source="admin"
        ).pk


class GuardianInline(admin.TabularInline):
    model = Guardianship
    fk_name = "child"
    extra = 0
    autocomplete_fields = ["guardian"]


class PersonResource(resources.ModelResource):
    """People of a school to and from .xlsx/.csv: the organisation by its short name, the rest as in the model."""

    organization = fields.Field(
        attribute="organization",
        column_name="organization",
        widget=ForeignKeyWidget(Organization, field="short_name"),
    )

    class Meta:
        model = Person
        fields = [
            "id",
            "organization",
            "last_name",
            "first_name",
            "middle_name",
            "sex",
            "birth_date",
            "kind",
            "position",
            "group",
            "email",
            "phone",
        ]
        clean_model_instances = True  # full_clean(): a bad row is reported, not saved

    def export_field(self, field, instance, **kwargs):
        return escape_formula(super().export_field(field, instance, **kwargs))

    def before_import_row(self, row, **kwargs):
        for key, value in row.items():
            row[key] = unescape_formula(value)  # a file exported here comes back as it was typed


@admin.register(Person)
class PersonAdmin(ImportExportModelAdmin):
    resource_classes = [PersonResource]
    list_display = ["full_name", "kind", "position", "group", "birth_date", "organization", "user"]
    list_filter = ["kind", "sex", "organization", ("group", BlankAwareValuesFilter)]
    search_fields = ["last_name", "first_name", "middle_name", "email", "phone", "group"]
    autocomplete_fields = ["organization", "user"]
    inlines = [GuardianInline]


@admin.register(Guardianship)
class GuardianshipAdmin(admin.ModelAdmin):
    list_display = ["guardian", "relation", "child"]
    list_filter = ["relation", "child__organization"]
    search_fields = ["guardian__last_name", "child__last_name"]
    autocomplete_fields = ["guardian", "child"]


@admin.register(Invitation)
class InvitationAdmin(admin.ModelAdmin):
    list_display = [
        "person",
        "role",
        "email",
        "organization",
        "created_at",
        "expires_at",
        "used_at",
        "revoked_at",
    ]
    list_filter = ["role", "organization", "requires_confirmation"]
    search_fields = ["person__last_name", "email"]
    readonly_fields = [
        "token_hash",
        "used_at",
        "user",
        "created_at",
        "requires_confirmation",
        "confirmed_at",
        "confirmed_by",
    ]
    autocomplete_fields = ["person", "organization", "created_by"]
    actions = ["confirm"]

    def has_add_permission(self, request):
        return False  # an invitation is made on the person's card: its link exists only then

    @admin.action(description="Подтвердить приглашение в роль директора")
    def confirm(self, request, queryset):
        for invitation in queryset:
            try:
                invitation_confirm(invitation=invitation, by=request.user)
            except ValidationError as error:
                self.message_user(request, f"{invitation}: {' '.join(error.messages)}", messages.ERROR)
            else:
                self.message_user(request, f"{invitation}: подтверждено.", messages.SUCCESS)


@admin.register(AuditEntry)
class AuditEntryAdmin(admin.ModelAdmin):
    list_display = ["created_at", "organization", "actor", "action", "object_type", "object_id"]
    list_filter = ["action", "organization"]
    search_fields = ["action", "object_id", "actor__username"]
    date_hierarchy = "created_at"

    # The journal is append-only: read here, written only by the services and the web layer.
    def has_add_permission(self, request):
        return False

    def has_change_permission(self, request, obj=None):
        return False

    def has_delete_permission(self, request, obj=None):
        return False  # also removes the bulk «delete selected» action


@admin.register(Consent)
class ConsentAdmin(admin.ModelAdmin):
    list_display = [
        "subject",
        "kind",
        "status",
        "method",
        "proof",
        "signer",
        "given_at",
        "expires_on",
        "withdrawn_at",
    ]
    list_filter = ["kind", "status", "method", "proof", "link__channel", "organization"]
    search_fields = ["subject__last_name", "signer__last_name", "signed_name"]
    readonly_fields = [
        "text",
        "text_version",
        "signed_name",
        "ip_address",
        "user_agent",
        "given_at",
        "withdrawn_at",
        "link",
        "proof",
    ]
    autocomplete_fields = ["subject", "signer", "organization"]


@admin.register(ConsentRequest)
class ConsentRequestAdmin(admin.ModelAdmin):
    list_display = [
        "subject",
        "signer",
        "channel",
        "created_by",
        "created_at",
        "expires_at",
        "used_at",
        "reminders_sent",
    ]
    list_filter = ["organization", "channel"]
    search_fields = ["subject__last_name", "signer__last_name"]
    readonly_fields = ["token_hash", "used_at", "created_by", "channel", "code_verified_at", "codes_sent"]
    exclude = ["code_hash", "code_expires_at", "code_attempts"]
    autocomplete_fields = ["subject", "signer", "organization"]
