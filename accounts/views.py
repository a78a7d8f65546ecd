import logging

from django.conf import settings
from django.contrib import messages
from django.contrib.auth import login, logout, update_session_auth_hash
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils.http import url_has_allowed_host_and_scheme
from django.views.decorators.http import require_POST

from accounts.access import allow
from accounts.forms import SetPasswordForm, SignInForm
from accounts.middleware import ACTIVE_MEMBERSHIP_SESSION_KEY
from accounts.tokens import read_password_token
from security import lockout, two_factor

logger = logging.getLogger(__name__)


@allow(public=True)
def sign_in(request: HttpRequest) -> HttpResponse:
    if request.user.is_authenticated:
        return redirect("dashboard")

    form = SignInForm(request, data=request.POST or None)
    if request.method == "POST" and form.is_valid():
        next_url = request.POST.get("next") or request.GET.get("next")
        if two_factor.two_factor_required(form.user):
            two_factor.start_pending_sign_in(request, form.user, next_url or "")
            logger.info("User %s passed the password step; a sign-in code is next", form.user.pk)
            return redirect("security:choose_code_channel")
        login(request, form.user)
        logger.info("User %s signed in", form.user.pk)
        if next_url and url_has_allowed_host_and_scheme(next_url, {request.get_host()}, request.is_secure()):
            return redirect(next_url)
        return redirect("dashboard")

    return render(request, "accounts/sign_in.html", {"form": form, "next": request.GET.get("next", "")})


@require_POST
@allow(public=True)
def sign_out(request: HttpRequest) -> HttpResponse:
    if request.user.is_authenticated:
        logger.info("User %s signed out", request.user.pk)
    logout(request)
    messages.success(request, "You have signed out.")
    return redirect("accounts:sign_in")


@require_POST
@allow(signed_in=True)
def switch_role(request: HttpRequest) -> HttpResponse:
    chosen = request.POST.get("membership", "")
    if chosen.isdigit() and any(m.pk == int(chosen) for m in request.all_memberships):
        request.session[ACTIVE_MEMBERSHIP_SESSION_KEY] = int(chosen)
    return redirect("dashboard")


@allow(public=True)
def set_password(request: HttpRequest, token: str) -> HttpResponse:
    user = read_password_token(token, "invitation", settings.ACCOUNT_INVITATION_TIMEOUT)
    if user is None:
        user = read_password_token(token, "reset", settings.PASSWORD_RESET_TIMEOUT)
    if user is None:
        return render(request, "accounts/set_password_invalid.html", status=400)

    form = SetPasswordForm(user, data=request.POST or None)
    if request.method == "POST" and form.is_valid():
        user.set_password(form.cleaned_data["new_password"])
        user.save(update_fields=["password"])
        # A working emailed link proves the person owns the account, so its lock ends too.
        lockout.unlock_account(user.username)
        if request.user.is_authenticated and request.user.pk == user.pk:
            update_session_auth_hash(request, user)
        logger.info("User %s set a new password through an emailed link", user.pk)
        messages.success(request, f"Your password is set. Sign in with your username, {user.username}.")
        return redirect("accounts:sign_in")

    return render(request, "accounts/set_password.html", {"form": form, "person": user})
