from django.urls import path

from reviews import question_views, views

app_name = "reviews"

urlpatterns = [
    path("reports/<int:report_id>/", views.form_detail, name="form"),
    path("reports/<int:report_id>/pages/<slug:step>/", views.form_step, name="step"),
    path("reports/<int:report_id>/autosave/<slug:step>/", views.form_autosave, name="autosave"),
    path("reports/<int:report_id>/check/", views.form_finish, name="finish"),
    path("reports/<int:report_id>/comments/", views.form_comments, name="comments"),
    path("reports/<int:report_id>/comments/autosave/", views.comments_autosave, name="comments_autosave"),
    path("reports/<int:report_id>/sign/", views.form_sign, name="sign"),
    path("reports/<int:report_id>/pdf/", views.form_pdf, name="pdf"),
    path("reports/<int:report_id>/note/", views.form_note, name="note"),
    path("reports/<int:report_id>/support-plan/", views.support_plan_document, name="support_plan"),
    path("sign/", views.sign_many, name="sign_many"),
    path("upcoming/", views.upcoming, name="upcoming"),
    path("verify/", views.verify, name="verify"),
    path("received/", views.ab_forms, name="ab_forms"),
    path("ects/<int:ect_id>/", views.ect_forms, name="ect_forms"),
    path("ects/<int:ect_id>/outcome/", views.record_outcome, name="outcome"),
    path("questions/", question_views.question_set_list, name="question_sets"),
    path("questions/<str:report_type>/", question_views.question_set_detail, name="question_set"),
    path("questions/<str:report_type>/add/", question_views.question_add, name="question_add"),
    path("questions/<str:report_type>/support-plan/", question_views.support_plan_mode, name="support_plan_mode"),
    path("question/<int:question_id>/edit/", question_views.question_edit, name="question_edit"),
    path("question/<int:question_id>/delete/", question_views.question_delete, name="question_delete"),
    path("question/<int:question_id>/move/", question_views.question_move, name="question_move"),
]
