from django.contrib import admin
from django.core.exceptions import PermissionDenied
from django.http import Http404
from django.urls import path, reverse
from django.utils.html import format_html

from accounts.actor import Actor
from accounts.rules import can_use_admin
from accounts.views.web import file_response
from mentoring.documents.plan import plans_for_documents
from mentoring.documents.review import reviews_for_documents
from mentoring.services.downloads import documents_download

from .models import (
    Direction,
    DocumentPack,
    IndividualPlan,
    Meeting,
    MeetingComment,
    MenteeCategory,
    MenteeProfile,
    MentorCategory,
    MentoringForm,
    MentorProfile,
    MentorSchoolSession,
    MentorTerm,
    Order,
    OrderAcknowledgement,
    OrderPair,
    Pair,
    PairMentee,
    PeopleImport,
    PlanItem,
    Programme,
    ProgrammeCurator,
    RegulationVersion,
    Review,
    RoleModel,
    SafeguardingReport,
)


class DocumentAdminMixin:
    """«Скачать PDF» for the operators: an action on the change list (one PDF, or a zip for several) and a link
    on the change page — rendered by the school pages' own document functions, each download in the audit
    journal (mentoring.services.downloads)."""

    actions = ["download_pdf"]

    def for_documents(self, queryset):
        return queryset

    def _download(self, request, objects):
        if not can_use_admin(Actor.of(request.user, None)):
            raise PermissionDenied
        name, data, content_type = documents_download(objects=objects, by=request.user)
        return file_response(data, name, content_type=content_type, inline=False)

    @admin.action(description="Скачать PDF", permissions=["view"])
    def download_pdf(self, request, queryset):
        return self._download(request, self.for_documents(queryset))

    def pdf_view(self, request, object_id):
        obj = self.for_documents(self.get_queryset(request)).filter(pk=object_id).first()
        if obj is None:
            raise Http404
        if not self.has_view_permission(request, obj):
            raise PermissionDenied
        return self._download(request, [obj])

    def get_urls(self):
        opts = self.model._meta
        view = self.admin_site.admin_view(self.pdf_view)
        own = [path("<int:object_id>/pdf/", view, name=f"{opts.app_label}_{opts.model_name}_pdf")]
        return own + super().get_urls()

    @admin.display(description="Документ")
    def document(self, obj):
        if obj is None or obj.pk is None:
            return "—"
        opts = self.model._meta
        url = reverse(f"admin:{opts.app_label}_{opts.model_name}_pdf", args=[obj.pk])
        return format_html('<a href="{}">Скачать PDF</a>', url)


class RoleModelInline(admin.TabularInline):
    model = RoleModel
    extra = 0


@admin.register(MentoringForm)
class MentoringFormAdmin(admin.ModelAdmin):
    list_display = ["name", "audience", "participants_rule", "is_active", "position"]
    list_filter = ["audience", "is_active"]
    search_fields = ["name", "goal"]
    inlines = [RoleModelInline]


@admin.register(Direction)
class DirectionAdmin(admin.ModelAdmin):
    list_display = ["name", "code"]
    search_fields = ["name", "description"]


@admin.register(MenteeCategory, MentorCategory)
class CategoryAdmin(admin.ModelAdmin):
    list_display = ["name", "audience"]
    list_filter = ["audience"]
    search_fields = ["name"]


class CuratorInline(admin.TabularInline):
    model = ProgrammeCurator
    extra = 0
    autocomplete_fields = ["curator"]


@admin.register(Programme)
class ProgrammeAdmin(admin.ModelAdmin):
    list_display = ["title", "organization", "year", "start_date", "end_date"]
    list_filter = ["year", "organization"]
    search_fields = ["title", "organization__short_name"]
    filter_horizontal = ["forms", "directions"]
    inlines = [CuratorInline]


@admin.register(MentorProfile)
class MentorProfileAdmin(admin.ModelAdmin):
    list_display = ["person", "organization", "category", "training_status", "entered_on", "left_on"]
    list_filter = ["organization", "training_status", "category"]
    search_fields = ["person__last_name", "person__first_name", "competencies"]
    autocomplete_fields = ["person", "organization"]


@admin.register(MenteeProfile)
class MenteeProfileAdmin(admin.ModelAdmin):
    list_display = ["person", "organization", "category", "entered_on", "left_on"]
    list_filter = ["organization", "category"]
    search_fields = ["person__last_name", "person__first_name", "main_request"]
    autocomplete_fields = ["person", "organization"]


class PairMenteeInline(admin.TabularInline):
    model = PairMentee
    extra = 0
    autocomplete_fields = ["mentee"]


class MentorTermInline(admin.TabularInline):
    model = MentorTerm
    extra = 0
    autocomplete_fields = ["mentor"]


@admin.register(Pair)
class PairAdmin(admin.ModelAdmin):
    """Read here, change through the site: the lifecycle rules live in mentoring.services."""

    list_display = ["__str__", "organization", "programme", "status", "start_date", "end_date"]
    list_filter = ["status", "form", "organization"]
    search_fields = ["mentor__last_name", "memberships__mentee__last_name"]
    autocomplete_fields = ["mentor", "organization", "programme"]
    inlines = [PairMenteeInline, MentorTermInline]


class PlanItemInline(admin.TabularInline):
    model = PlanItem
    extra = 0


@admin.register(IndividualPlan)
class IndividualPlanAdmin(DocumentAdminMixin, admin.ModelAdmin):
    list_display = ["mentee", "pair", "status", "mark", "start_date", "end_date"]
    list_filter = ["status", "mark", "pair__organization"]
    search_fields = ["mentee__last_name", "pair__mentor__last_name"]
    readonly_fields = ["document"]
    inlines = [PlanItemInline]

    def for_documents(self, queryset):
        return plans_for_documents(queryset)


class MeetingCommentInline(admin.TabularInline):
    model = MeetingComment
    extra = 0
    raw_id_fields = ["author"]


@admin.register(Meeting)
class MeetingAdmin(admin.ModelAdmin):
    inlines = [MeetingCommentInline]
    list_display = ["pair", "kind", "date", "topic"]
    list_filter = ["kind", "pair__organization"]
    search_fields = ["topic", "pair__mentor__last_name"]
    date_hierarchy = "date"


@admin.register(Review)
class ReviewAdmin(DocumentAdminMixin, admin.ModelAdmin):
    list_display = ["mentee", "pair", "status", "submitted_at", "acknowledged_at"]
    list_filter = ["status", "pair__organization"]
    search_fields = ["mentee__last_name", "pair__mentor__last_name"]
    readonly_fields = ["document"]

    def for_documents(self, queryset):
        return reviews_for_documents(queryset)


@admin.register(SafeguardingReport)
class SafeguardingReportAdmin(admin.ModelAdmin):
    list_display = ["created_at", "organization", "kind", "status"]
    list_filter = ["kind", "status", "organization"]
    search_fields = ["mentee__last_name"]


class OrderPairInline(admin.TabularInline):
    model = OrderPair
    extra = 0
    autocomplete_fields = ["pair"]
    verbose_name_plural = "пары, утверждаемые приказом"


class AcknowledgementInline(admin.TabularInline):
    model = OrderAcknowledgement
    extra = 0
    autocomplete_fields = ["person"]


@admin.register(Order)
class OrderAdmin(DocumentAdminMixin, admin.ModelAdmin):
    """A signed order cannot be changed here either: Order.save refuses it."""

    list_display = ["__str__", "organization", "kind", "status", "approved_on"]
    list_filter = ["kind", "status", "year", "organization"]
    search_fields = ["title", "number"]
    readonly_fields = [
        "document",
        "number",
        "seq",
        "year",
        "approved_on",
        "approved_by",
        "approved_at",
        "frozen",
        "pdf_sha256",
    ]
    exclude = ["pdf_file"]
    inlines = [OrderPairInline, AcknowledgementInline]

    def has_change_permission(self, request, obj=None):
        return super().has_change_permission(request, obj) and (
            obj is None or obj.status != Order.Status.APPROVED
        )

    def has_delete_permission(self, request, obj=None):
        return super().has_delete_permission(request, obj) and (
            obj is None or obj.status != Order.Status.APPROVED
        )


@admin.register(DocumentPack)
class DocumentPackAdmin(admin.ModelAdmin):
    list_display = ["programme", "kind", "format", "status", "done", "total", "created_at"]
    list_filter = ["status", "kind"]
    search_fields = ["programme__title"]


@admin.register(RegulationVersion)
class RegulationVersionAdmin(admin.ModelAdmin):
    """Versions are written by the school on its page (every save is a new version); shown here read-only."""

    list_display = ["organization", "number", "title", "created_at", "created_by"]
    search_fields = ["organization__short_name", "title", "comment"]
    list_filter = ["organization"]
    readonly_fields = ["organization", "number", "title", "text", "comment", "created_by", "created_at"]

    def has_add_permission(self, request):
        return False


@admin.register(PeopleImport)
class PeopleImportAdmin(admin.ModelAdmin):
    """Lists uploaded for import: who, when, into which base, with what result (read-only; the school imports
    through «Импорт из Excel»)."""

    list_display = ["original_name", "organization", "base", "created_by", "created_at", "committed_at"]
    list_filter = ["base", "organization"]
    search_fields = ["original_name", "organization__short_name"]
    readonly_fields = [f.name for f in PeopleImport._meta.fields]

    def has_add_permission(self, request):
        return False

    def has_change_permission(self, request, obj=None):
        return False


@admin.register(MentorSchoolSession)
class MentorSchoolSessionAdmin(admin.ModelAdmin):
    list_display = ["date", "topic", "programme", "trainer", "trainer_name", "hours"]
    list_filter = ["programme__organization"]
    search_fields = ["topic", "trainer_name", "trainer__last_name"]
    autocomplete_fields = ["trainer"]
