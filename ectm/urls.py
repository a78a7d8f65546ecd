from django.urls import include, path

from ectm import views

urlpatterns = [
    path("", views.dashboard, name="dashboard"),
    path("accessibility/", views.accessibility, name="accessibility"),
    path("account/", include("accounts.urls")),
    path("account/", include("security.urls")),
    path("ects/", include("ects.urls")),
    path("", include("organisations.urls")),
    path("schedule/", include("schedule.urls")),
    path("forms/", include("reviews.urls")),
]
