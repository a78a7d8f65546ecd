from django.urls import path

from ects import registration_views, views

app_name = "ects"

urlpatterns = [
    path("", views.ect_list, name="list"),
    path("register/", registration_views.register_start, name="register_start"),
    path("register/<int:ect_id>/check/", registration_views.register_check, name="register_check"),
    path("register/<int:ect_id>/<slug:step>/", registration_views.register_step, name="register_step"),
    path("<int:ect_id>/", views.overview, name="overview"),
    path("<int:ect_id>/registration/", registration_views.registration, name="registration"),
    path("<int:ect_id>/registration/sign/", registration_views.sign_registration, name="sign_registration"),
    path("<int:ect_id>/registration/trs-check/", registration_views.trs_check, name="trs_check"),
    path("<int:ect_id>/registration/authorise/", registration_views.authorise, name="authorise"),
    path("<int:ect_id>/registration/return/", registration_views.return_registration, name="return_registration"),
    path("<int:ect_id>/print/", views.print_details, name="print_details"),
    path("<int:ect_id>/resend-login/", views.resend_login, name="resend_login"),
    path("<int:ect_id>/reset-password/", views.reset_password, name="reset_password"),
    path("<int:ect_id>/personal-details/", views.edit_personal, name="edit_personal"),
    path("<int:ect_id>/training/", views.edit_training, name="edit_training"),
    path("<int:ect_id>/tutor-and-mentor/", views.edit_tutor, name="edit_tutor"),
    path("<int:ect_id>/contract/", views.edit_contract, name="edit_contract"),
    path("<int:ect_id>/associated-schools/", views.associated_schools, name="associated_schools"),
    path("<int:ect_id>/previous-schools/", views.previous_schools, name="previous_schools"),
    path(
        "<int:ect_id>/previous-schools/<int:previous_school_id>/remove/",
        views.previous_school_remove,
        name="previous_school_remove",
    ),
    path("<int:ect_id>/remove/", views.remove, name="remove"),
    path("<int:ect_id>/history/", views.history, name="history"),
]
