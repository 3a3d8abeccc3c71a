from django.contrib import admin

from .models import CalendarFeed, Event, Roadmap, Stage


class StageInline(admin.TabularInline):
    model = Stage
    extra = 0


@admin.register(Roadmap)
class RoadmapAdmin(admin.ModelAdmin):
    list_display = ["title", "organization", "programme", "created_at"]
    list_filter = ["organization"]
    search_fields = ["title", "organization__short_name"]
    inlines = [StageInline]


@admin.register(Event)
class EventAdmin(admin.ModelAdmin):
    list_display = ["title", "roadmap", "stage", "start_date", "end_date", "status", "fact"]
    list_filter = ["status", "roadmap__organization"]
    search_fields = ["title", "content"]
    autocomplete_fields = ["responsible_people"]


@admin.register(CalendarFeed)
class CalendarFeedAdmin(admin.ModelAdmin):
    list_display = ["user", "organization", "created_at", "expires_at", "revoked_at"]
    readonly_fields = ["token_hash"]
