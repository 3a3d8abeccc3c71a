"""The platform operators' view of the monitoring data (not scoped to a school). Anonymous responses show no
person: there is none to show."""

from django.contrib import admin

from .models import (
    Answer,
    Campaign,
    IntakeProposal,
    Question,
    Questionnaire,
    Response,
    Section,
    SurveyInvitation,
    Swot,
)


class SectionInline(admin.TabularInline):
    model = Section
    extra = 0


@admin.register(Questionnaire)
class QuestionnaireAdmin(admin.ModelAdmin):
    list_display = ["title", "organization", "kind", "respondent", "form", "version", "is_current"]
    list_filter = ["kind", "respondent", "is_current", "organization"]
    search_fields = ["title", "intro", "organization__short_name"]
    inlines = [SectionInline]


@admin.register(Question)
class QuestionAdmin(admin.ModelAdmin):
    list_display = ["text", "questionnaire", "type", "required", "code", "base_field"]
    list_filter = ["type", "required", "base_field"]
    search_fields = ["text", "code", "questionnaire__title"]
    raw_id_fields = ["questionnaire", "section"]


@admin.register(Campaign)
class CampaignAdmin(admin.ModelAdmin):
    list_display = [
        "title",
        "organization",
        "programme",
        "audience",
        "anonymous",
        "opens_on",
        "closes_on",
        "status",
    ]
    list_filter = ["status", "audience", "anonymous", "organization"]
    search_fields = ["title", "questionnaire__title", "organization__short_name"]
    raw_id_fields = ["questionnaire", "programme", "baseline"]
    filter_horizontal = ["pairs", "people"]
    readonly_fields = ["launched_at", "closed_at"]


@admin.register(SurveyInvitation)
class SurveyInvitationAdmin(admin.ModelAdmin):
    list_display = ["person", "campaign", "role", "emailed_at", "reminders_sent", "used_at", "expires_at"]
    list_filter = ["role", "campaign__status"]
    search_fields = ["person__last_name", "person__first_name", "campaign__title"]
    raw_id_fields = ["campaign", "person", "pair"]
    readonly_fields = ["token_hash", "salt"]


class AnswerInline(admin.TabularInline):
    model = Answer
    extra = 0
    raw_id_fields = ["question"]


@admin.register(Response)
class ResponseAdmin(admin.ModelAdmin):
    list_display = ["campaign", "person", "role", "form", "submitted_at"]
    list_filter = ["role", "campaign__anonymous"]
    search_fields = ["campaign__title", "person__last_name"]
    raw_id_fields = ["campaign", "person", "pair"]
    inlines = [AnswerInline]


@admin.register(IntakeProposal)
class IntakeProposalAdmin(admin.ModelAdmin):
    list_display = ["person", "base", "status", "organization", "created_at", "decided_at"]
    list_filter = ["base", "status", "organization"]
    search_fields = ["person__last_name", "person__first_name"]
    raw_id_fields = ["response", "person"]


@admin.register(Swot)
class SwotAdmin(admin.ModelAdmin):
    list_display = ["programme", "updated_by", "updated_at", "prefilled_at"]
    list_filter = ["programme__organization"]
    search_fields = ["programme__organization__short_name", "programme__title"]
    raw_id_fields = ["programme", "updated_by"]
