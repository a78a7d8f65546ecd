from django.urls import path

from schedule import views

app_name = "schedule"

urlpatterns = [
    path("term-dates/", views.term_dates, name="term_dates"),
    path("term-dates/add/", views.term_dates_add, name="term_dates_add"),
    path("term-dates/<int:year_id>/", views.term_dates_edit, name="term_dates_edit"),
    path("term-dates/<int:year_id>/closures/add/", views.closure_add, name="closure_add"),
    path("term-dates/<int:year_id>/closures/<int:closure_id>/remove/", views.closure_delete, name="closure_delete"),
    path("report-rules/", views.report_rules, name="report_rules"),
    path("reports/<int:report_id>/change/", views.report_edit, name="report_edit"),
    path("ects/<int:ect_id>/schedule/", views.ect_schedule, name="ect_schedule"),
    path("ects/<int:ect_id>/absences/add/", views.absence_add, name="absence_add"),
    path("ects/<int:ect_id>/absences/<int:absence_id>/remove/", views.absence_delete, name="absence_delete"),
    path("ects/<int:ect_id>/contract-changes/add/", views.contract_change_add, name="contract_change_add"),
    path(
        "ects/<int:ect_id>/contract-changes/<int:change_id>/remove/",
        views.contract_change_delete,
        name="contract_change_delete",
    ),
]
