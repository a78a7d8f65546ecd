from django.urls import path

from accounts import views

app_name = "accounts"

urlpatterns = [
    path("sign-in/", views.sign_in, name="sign_in"),
    path("sign-out/", views.sign_out, name="sign_out"),
    path("switch-role/", views.switch_role, name="switch_role"),
    path("set-password/<str:token>/", views.set_password, name="set_password"),
]
