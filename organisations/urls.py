from django.urls import path

from organisations import views

app_name = "organisations"

urlpatterns = [
    path("register-school/", views.register_school, name="register_school"),
    path("schools/", views.school_list, name="school_list"),
    path("schools/<int:school_id>/", views.school_detail, name="school_detail"),
    path("schools/<int:school_id>/approve/", views.approve_school, name="approve_school"),
    path("schools/<int:school_id>/reject/", views.reject_school, name="reject_school"),
    path("schools/<int:school_id>/staff/", views.staff_list, name="staff_list"),
    path("schools/<int:school_id>/staff/add/", views.staff_add, name="staff_add"),
    path(
        "schools/<int:school_id>/staff/<int:membership_id>/deactivate/",
        views.staff_deactivate,
        name="staff_deactivate",
    ),
]
