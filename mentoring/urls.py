from django.contrib import admin
from django.urls import include, path

from . import views

admin.site.site_header = "Наставничество — администрирование"
admin.site.site_title = "Наставничество"

urlpatterns = [
    path("", views.home, name="home"),
    path("accounts/", include("accounts.urls")),
    path("m/", include("mentoring.urls_mentoring")),
    path("admin/", admin.site.urls),
]

handler403 = "mentoring.views.error_403"
handler404 = "mentoring.views.error_404"
handler500 = "mentoring.views.error_500"
