import logging
from datetime import timedelta

from django.conf import settings
from django.contrib import messages
from django.contrib.auth import update_session_auth_hash
from django.db.models.functions import Lower
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils import timezone
from django.utils.http import url_has_allowed_host_and_scheme
from django.views.decorators.http import require_POST

from accounts.access import AB_ONLY, SCHOOL_LEADERS, access_school, allow
from accounts.forms import SetPasswordForm
from accounts.models import User
from ectm.net import client_ip
from security import lockout, recovery, two_factor
from security.forms import (
    SECURITY_QUESTIONS,
    ChangePasswordForm,
    ChooseChannelForm,
    CodeForm,
    LoginDetailsForm,
    RecoverByEmailForm,
    RecoverByMobileForm,
    RecoverByUsernameForm,
    SecurityInformationForm,
    hash_answer,
)
from security.models import CodeDevice, SecurityAnswer, TextMessage
from security.people import access_resettable_member, people_in_scope, resettable_members

logger = logging.getLogger(__name__)

BANNER_HIDDEN_DAYS = 30
RECOVERY_FORMS = {"username": RecoverByUsernameForm, "email": RecoverByEmailForm, "mobile": RecoverByMobileForm}


# Account recovery.


@allow(public=True)
def recover(request: HttpRequest) -> HttpResponse:
    method = request.GET.get("by", "")
    forms = {name: form_class() for name, form_class in RECOVERY_FORMS.items()}

    if request.method == "POST" and method in RECOVERY_FORMS:
        form = RECOVERY_FORMS[method](data=request.POST)
        forms[method] = form
        if form.is_valid():
            value = next(iter(form.cleaned_data.values()))
            try:
                recovery.request_recovery(method, value, ip_address=client_ip(request))
            except recovery.TooManyRequests as error:
                logger.warning("Account recovery rejected for address %s: rate limit reached", client_ip(request))
                return render(
                    request,
                    "security/recover_too_many.html",
                    {"message": recovery.rate_limit_message(error)},
                    status=429,
                )
            return redirect("security:recover_sent")

    return render(request, "security/recover.html", {"forms": forms})


@allow(public=True)
def recover_sent(request: HttpRequest) -> HttpResponse:
    return render(
        request, "security/recover_sent.html", {"valid_minutes": settings.PASSWORD_RESET_TIMEOUT // 60}
    )


# Two-factor sign-in.


def _channel_choices(user: User) -> list[tuple[str, str]]:
    labels = {
        CodeDevice.Channel.EMAIL: f"By email to {mask_email(user.email)}",
        CodeDevice.Channel.TEXT: f"By text message to {mask_mobile(user.mobile)}",
    }
    return [(channel.value, labels[channel]) for channel in two_factor.available_channels(user)]


def mask_email(email: str) -> str:
    local, _, domain = email.partition("@")
    return f"{local[:2]}{'•' * max(len(local) - 2, 1)}@{domain}"


def mask_mobile(mobile: str) -> str:
    return f"a number ending {mobile[-3:]}"


@allow(public=True)
def choose_code_channel(request: HttpRequest) -> HttpResponse:
    user = two_factor.pending_user(request)
    if user is None:
        return redirect("accounts:sign_in")

    profile = two_factor.profile_for(user)
    form = ChooseChannelForm(
        data=request.POST or None, choices=_channel_choices(user), initial={"channel": profile.two_factor}
    )
    if request.method == "POST" and form.is_valid():
        channel = form.cleaned_data["channel"]
        two_factor.set_pending_channel(request, channel)
        try:
            two_factor.send_code(user, channel)
        except two_factor.ResendTooSoon:
            messages.info(request, "We sent you a code less than a minute ago. Enter that code.")
        return redirect("security:enter_code")

    return render(request, "security/choose_code_channel.html", {"form": form})


@allow(public=True)
def enter_code(request: HttpRequest) -> HttpResponse:
    user = two_factor.pending_user(request)
    pending = two_factor.pending_sign_in(request)
    if user is None or not pending.get("channel"):
        return redirect("accounts:sign_in")

    device = CodeDevice.objects.filter(user=user, channel=pending["channel"]).first()
    if device is None:
        return redirect("security:choose_code_channel")

    locked_until = lockout.sign_in_locked_until(request, user.username)
    if locked_until:
        two_factor.cancel_pending_sign_in(request)
        messages.error(request, lockout.lock_message(locked_until))
        return redirect("accounts:sign_in")

    form = CodeForm(data=request.POST if request.method == "POST" and "resend" not in request.POST else None)
    expired = False

    if request.method == "POST" and "resend" in request.POST:
        try:
            two_factor.send_code(user, device.channel)
            messages.success(request, "We have sent you a new code. The earlier code no longer works.")
        except two_factor.ResendTooSoon as error:
            seconds = max(1, int((error.allowed_at - timezone.now()).total_seconds()))
            messages.error(request, f"You can ask for another code in {seconds} seconds.")
        return redirect("security:enter_code")

    if request.method == "POST" and form.is_valid():
        result = two_factor.check_code(device, form.cleaned_data["code"])
        if result.accepted:
            next_url = two_factor.finish_sign_in(request, user, device)
            if next_url and url_has_allowed_host_and_scheme(next_url, {request.get_host()}, request.is_secure()):
                return redirect(next_url)
            return redirect("dashboard")
        if result.expired:
            expired = True
            form.add_error("code", "This code has expired. Send a new code and enter that one.")
        else:
            two_factor.record_wrong_code(request, user)
            locked_until = lockout.sign_in_locked_until(request, user.username)
            if locked_until:
                two_factor.cancel_pending_sign_in(request)
                messages.error(request, lockout.lock_message(locked_until))
                return redirect("accounts:sign_in")
            form.add_error("code", "The code is not right. Check it and enter it again, or send a new code.")

    return render(
        request,
        "security/enter_code.html",
        {"form": form, "device": device, "expired": expired, "minutes": settings.SIGN_IN_CODE_VALID_SECONDS // 60},
    )


# Login details and security information.


@allow(signed_in=True)
def login_details(request: HttpRequest) -> HttpResponse:
    user = request.user
    profile = two_factor.profile_for(user)
    form = LoginDetailsForm(
        user,
        data=request.POST or None,
        two_factor_on=profile.two_factor_on,
        initial={"email": user.email, "mobile": user.mobile, "two_factor": profile.two_factor},
    )
    if request.method == "POST" and form.is_valid():
        was_on = profile.two_factor_on
        user.email = form.cleaned_data["email"]
        user.mobile = form.cleaned_data["mobile"]
        user.save(update_fields=["email", "mobile"])
        profile.two_factor = form.cleaned_data["two_factor"]
        profile.save(update_fields=["two_factor"])
        logger.info("User %s changed login details; two-factor %s", user.pk, profile.two_factor or "off")
        if profile.two_factor_on and not was_on:
            messages.success(request, "Two-factor sign-in is on. Next time you sign in, we will send you a code.")
        elif was_on and not profile.two_factor_on:
            messages.success(request, "Two-factor sign-in is off. You sign in with your password alone.")
        else:
            messages.success(request, "Your login details are saved.")
        return redirect("security:login_details")

    return render(request, "security/login_details.html", {"form": form, "profile": profile})


@allow(signed_in=True)
def change_password(request: HttpRequest) -> HttpResponse:
    form = ChangePasswordForm(request.user, data=request.POST or None)
    if request.method == "POST" and form.is_valid():
        request.user.set_password(form.cleaned_data["new_password"])
        request.user.save(update_fields=["password"])
        # The new password hash signs out every other session; this one stays.
        update_session_auth_hash(request, request.user)
        logger.info("User %s changed their password", request.user.pk)
        messages.success(request, "Your password is changed. You are signed out everywhere else.")
        return redirect("security:login_details")

    return render(request, "security/change_password.html", {"form": form})


@allow(signed_in=True)
def security_information(request: HttpRequest) -> HttpResponse:
    user = request.user
    profile = two_factor.profile_for(user)
    questions = list(user.security_answers.order_by("pk").values_list("question", flat=True))
    initial = {"recovery_mobile": profile.recovery_mobile}
    if len(questions) == 2:
        initial.update(first_question=questions[0], second_question=questions[1])

    form = SecurityInformationForm(data=request.POST or None, initial=initial)
    if request.method == "POST" and form.is_valid():
        user.security_answers.all().delete()
        for prefix in ("first", "second"):
            SecurityAnswer.objects.create(
                user=user,
                question=form.cleaned_data[f"{prefix}_question"],
                answer_hash=hash_answer(form.cleaned_data[f"{prefix}_answer"]),
            )
        profile.recovery_mobile = form.cleaned_data["recovery_mobile"]
        profile.save(update_fields=["recovery_mobile"])
        logger.info("User %s saved security information", user.pk)
        messages.success(request, "Your security information is saved.")
        return redirect("security:security_information")

    chosen = dict(SECURITY_QUESTIONS)
    return render(
        request,
        "security/security_information.html",
        {"form": form, "saved_questions": [chosen.get(key, key) for key in questions]},
    )


@require_POST
@allow(signed_in=True)
def hide_two_factor_banner(request: HttpRequest) -> HttpResponse:
    profile = two_factor.profile_for(request.user)
    profile.two_factor_banner_hidden_until = timezone.now() + timedelta(days=BANNER_HIDDEN_DAYS)
    profile.save(update_fields=["two_factor_banner_hidden_until"])
    return redirect("dashboard")


# Locked accounts and resets by school leaders.


@allow(SCHOOL_LEADERS | AB_ONLY)
def locked_accounts(request: HttpRequest) -> HttpResponse:
    locked = lockout.locked_usernames()
    people = people_in_scope(request.membership).annotate(username_key=Lower("username")).filter(
        username_key__in=list(locked)
    )
    rows = [
        {"person": person, "until": lockout.format_time(locked[person.username.lower()])}
        for person in people.order_by("last_name", "first_name")
    ]
    return render(request, "security/locked_accounts.html", {"rows": rows})


@require_POST
@allow(SCHOOL_LEADERS | AB_ONLY)
def unlock(request: HttpRequest, user_id: int) -> HttpResponse:
    person = people_in_scope(request.membership).filter(pk=user_id).first()
    if person is None:
        raise Http404("No such person.")
    lockout.unlock_account(person.username)
    logger.info("User %s unlocked by user %s", person.pk, request.user.pk)
    messages.success(request, f"{person.get_full_name() or person.username} ({person.username}) can sign in again.")
    return redirect("security:locked_accounts")


@allow(SCHOOL_LEADERS)
def school_people(request: HttpRequest, school_id: int) -> HttpResponse:
    school = access_school(request, school_id)
    locked = lockout.locked_usernames()
    members = [
        {"membership": member, "locked": member.user.username.lower() in locked}
        for member in resettable_members(school).exclude(user=request.user)
    ]
    return render(request, "security/school_people.html", {"school": school, "members": members})


@require_POST
@allow(SCHOOL_LEADERS)
def send_reset_link(request: HttpRequest, school_id: int, membership_id: int) -> HttpResponse:
    member = access_resettable_member(request, school_id, membership_id)
    person = member.user
    if not person.email:
        messages.error(request, f"{person.get_full_name()} has no email address. Set a new password for them instead.")
    else:
        recovery.send_reset_email(person.email)
        logger.info("Reset link for user %s sent by user %s", person.pk, request.user.pk)
        messages.success(request, f"We have emailed a reset link to {person.get_full_name()} at {person.email}.")
    return redirect("security:school_people", school_id=school_id)


@allow(SCHOOL_LEADERS)
def set_member_password(request: HttpRequest, school_id: int, membership_id: int) -> HttpResponse:
    member = access_resettable_member(request, school_id, membership_id)
    person = member.user
    form = SetPasswordForm(person, data=request.POST or None)
    if request.method == "POST" and form.is_valid():
        person.set_password(form.cleaned_data["new_password"])
        person.save(update_fields=["password"])
        lockout.unlock_account(person.username)
        logger.info("Password of user %s set by user %s", person.pk, request.user.pk)
        messages.success(
            request,
            f"The new password for {person.get_full_name()} ({person.username}) is set. "
            "Give it to them in person, not by email.",
        )
        return redirect("security:school_people", school_id=school_id)

    return render(
        request, "security/set_member_password.html", {"form": form, "person": person, "school": member.school}
    )


# Local development.


@allow(public=True)
def text_outbox(request: HttpRequest) -> HttpResponse:
    """List sent texts; the URL exists only when DEBUG is on."""
    if not settings.DEBUG:
        raise Http404("The text outbox is shown only when DEBUG is on.")
    return render(request, "security/text_outbox.html", {"texts": TextMessage.objects.all()[:100]})
