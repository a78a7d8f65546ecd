from django.conf import settings
from django.urls import path

from security import views

app_name = "security"

urlpatterns = [
    path("recover/", views.recover, name="recover"),
    path("recover/sent/", views.recover_sent, name="recover_sent"),
    path("sign-in/code/", views.enter_code, name="enter_code"),
    path("sign-in/code/choose/", views.choose_code_channel, name="choose_code_channel"),
    path("login-details/", views.login_details, name="login_details"),
    path("login-details/password/", views.change_password, name="change_password"),
    path("security-information/", views.security_information, name="security_information"),
    path("two-factor-banner/hide/", views.hide_two_factor_banner, name="hide_two_factor_banner"),
    path("locked-accounts/", views.locked_accounts, name="locked_accounts"),
    path("locked-accounts/<int:user_id>/unlock/", views.unlock, name="unlock"),
    path("schools/<int:school_id>/people/", views.school_people, name="school_people"),
    path(
        "schools/<int:school_id>/people/<int:membership_id>/send-reset-link/",
        views.send_reset_link,
        name="send_reset_link",
    ),
    path(
        "schools/<int:school_id>/people/<int:membership_id>/set-password/",
        views.set_member_password,
        name="set_member_password",
    ),
]

if settings.DEBUG:
    urlpatterns.append(path("texts/", views.text_outbox, name="text_outbox"))
