"""Registering an ECT: the wizard, the head teacher's signature, and the AB's check and decision."""

import logging

from django.conf import settings
from django.contrib import messages
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils import timezone
from django.views.decorators.http import require_POST

from accounts.access import AB_ONLY, SCHOOL_STAFF, access_ect, allow
from accounts.models import Role
from accounts.services import add_person
from ectm.net import client_ip
from ects import services, wizard
from ects.forms import AuthoriseForm, InductionTypeForm, ReturnRegistrationForm
from ects.models import ECT
from ects.summary import registration_sections
from ects.trs import teacher_record_service
from signatures.forms import SignForm
from signatures.services import SignatureError, signatures_of

logger = logging.getLogger(__name__)

REGISTRATION_VIEWERS = SCHOOL_STAFF | AB_ONLY


@allow(SCHOOL_STAFF)
def register_start(request: HttpRequest) -> HttpResponse:
    school = request.membership.school
    form = InductionTypeForm(data=request.POST or None, instance=ECT(school=school), today=timezone.localdate())
    if request.method == "POST" and form.is_valid():
        ect = services.start_registration(
            school=school, by=request.user, induction_type=form.cleaned_data["induction_type"]
        )
        return redirect("ects:register_step", ect_id=ect.pk, step="teacher-record")

    return render(
        request,
        "ects/register_step.html",
        {
            "form": form,
            "step": wizard.STEPS[0],
            "step_number": 1,
            "steps": wizard.STEPS,
            "ect": None,
            "back_url": reverse("dashboard"),
        },
    )


@allow(SCHOOL_STAFF)
def register_step(request: HttpRequest, ect_id: int, step: str) -> HttpResponse:
    ect = access_ect(request, ect_id)
    if not ect.is_registration_open:
        return redirect("ects:overview", ect_id=ect.pk)
    current = wizard.step_for(step)
    if current is None:
        raise Http404("No such registration step.")
    returning_to_check = request.GET.get("change") == "1" or request.POST.get("change") == "1"

    form_kwargs = {"instance": ect, "today": timezone.localdate()}
    if current.needs_school:
        form_kwargs["school"] = ect.school
    form = current.form_class(data=request.POST or None, **form_kwargs)

    # Validating a model form writes its values onto the instance, so take the snapshot first.
    before = services.snapshot(ect)
    if request.method == "POST" and form.is_valid():
        ect = form.save(commit=False)
        if current.slug == "contract":
            assign_tutor(request, ect, form)
        trs_failed = False
        if current.slug == "teacher-record":
            # Save the answers first, so a TRS outage or mismatch never loses them.
            services.save_ect(ect, by=request.user, before=before)
            outcome = services.check_teacher_record(
                ect, teacher_record_service(), by=request.user, checker="school", today=timezone.localdate()
            )
            if outcome.record is not None and outcome.record.merged_from_trn:
                messages.info(
                    request,
                    f"TRN {outcome.record.merged_from_trn} has been merged into TRN {outcome.record.trn} on the "
                    "Teaching Record System. We have saved the new TRN.",
                )
            if not outcome.passed:
                trs_failed = True
                for error in outcome.errors:
                    form.add_error(outcome.error_field or None, error)
            before = services.snapshot(ect)
        if not trs_failed:
            services.mark_step_done(ect, current.slug)
            services.save_ect(ect, by=request.user, before=before)
            if "save_for_later" in request.POST:
                messages.success(request, "Your answers are saved. Continue the registration from your dashboard.")
                return redirect("dashboard")
            following = wizard.next_step(current.slug)
            if returning_to_check or following is None:
                return redirect("ects:register_check", ect_id=ect.pk)
            return redirect("ects:register_step", ect_id=ect.pk, step=following.slug)

    previous = wizard.previous_step(current.slug)
    if returning_to_check:
        back_url = reverse("ects:register_check", kwargs={"ect_id": ect.pk})
    elif previous:
        back_url = reverse("ects:register_step", kwargs={"ect_id": ect.pk, "step": previous.slug})
    else:
        back_url = reverse("dashboard")
    return render(
        request,
        "ects/register_step.html",
        {
            "form": form,
            "step": current,
            "step_number": wizard.STEP_SLUGS.index(current.slug) + 1,
            "steps": wizard.STEPS,
            "ect": ect,
            "back_url": back_url,
            "change": returning_to_check,
            "demo_teachers": demo_teacher_list() if current.slug == "teacher-record" else None,
        },
    )


def demo_teacher_list() -> list[tuple[str, str]] | None:
    """Return the offline directory's demo cases as (TRN, description), or None when the real TRS is configured."""
    if settings.TRS_API_URL and settings.TRS_API_KEY:
        return None
    from ects.trs_demo import DEMO_CASE_NOTES, DEMO_TEACHERS

    cases = [
        (
            teacher.trn,
            f"{teacher.first_name} {teacher.last_name}, born {teacher.date_of_birth:%-d %B %Y}: {teacher.case}",
        )
        for teacher in DEMO_TEACHERS
    ]
    return sorted(cases + DEMO_CASE_NOTES)


def assign_tutor(request: HttpRequest, ect: ECT, form) -> None:
    """Set the tutor chosen on the form, adding a new tutor to the school first if asked."""
    details = form.new_tutor_details
    if details is None:
        ect.tutor = form.chosen_tutor
        return
    membership = add_person(**details, role=Role.TUTOR, school=ect.school, added_by=request.user)
    ect.tutor = membership.user
    messages.success(
        request,
        f"{membership.user.get_full_name()} is added as a tutor. We have emailed them at {membership.user.email}.",
    )


@allow(SCHOOL_STAFF)
def register_check(request: HttpRequest, ect_id: int) -> HttpResponse:
    ect = access_ect(request, ect_id)
    if not ect.is_registration_open:
        return redirect("ects:overview", ect_id=ect.pk)
    missing = [step for step in wizard.STEPS if step.slug not in ect.completed_steps]
    can_confirm = ect.status in {ECT.Status.DRAFT, ECT.Status.RETURNED}

    if request.method == "POST":
        if not can_confirm:
            messages.info(request, "This registration has already been sent.")
            return redirect("ects:registration", ect_id=ect.pk)
        if not missing:
            services.submit_registration(ect, by=request.user)
            messages.success(request, f"The registration of {ect.full_name} is sent to the head teacher to sign.")
            return redirect("ects:registration", ect_id=ect.pk)

    return render(
        request,
        "ects/register_check.html",
        {
            "ect": ect,
            "sections": registration_sections(ect),
            "missing": missing,
            "can_confirm": can_confirm,
            "posted": request.method == "POST",
        },
    )


@allow(REGISTRATION_VIEWERS)
def registration(request: HttpRequest, ect_id: int) -> HttpResponse:
    ect = access_ect(request, ect_id)
    role = request.membership.role
    signature = services.registration_signature(ect)
    sign_form = None
    if role == Role.HEAD_TEACHER and ect.status == ECT.Status.AWAITING_SIGNATURE and signature is None:
        sign_form = registration_sign_form(request)
    return render(
        request,
        "ects/registration.html",
        {
            "ect": ect,
            "sections": registration_sections(ect),
            "signatures": signatures_of(ect, include_withdrawn=True),
            "sign_form": sign_form,
            "is_ab": role == Role.AB_ADMIN,
            "trs": ect.trs_result,
        },
    )


def registration_sign_form(request: HttpRequest, data=None) -> SignForm:
    return SignForm(
        data=data,
        signer_name=request.user.get_full_name(),
        role_label=Role.HEAD_TEACHER.label,
        what="this registration",
    )


@require_POST
@allow(Role.HEAD_TEACHER)
def sign_registration(request: HttpRequest, ect_id: int) -> HttpResponse:
    ect = access_ect(request, ect_id)
    if ect.status != ECT.Status.AWAITING_SIGNATURE:
        messages.info(request, "This registration is not waiting for your signature.")
        return redirect("ects:registration", ect_id=ect.pk)

    form = registration_sign_form(request, data=request.POST)
    if form.is_valid():
        try:
            services.sign_registration(ect, signer=request.user, ip_address=client_ip(request))
        except SignatureError as error:
            messages.info(request, str(error))
        else:
            messages.success(
                request, f"You have signed the registration of {ect.full_name}. It is sent to the appropriate body."
            )
        return redirect("ects:registration", ect_id=ect.pk)

    return render(
        request,
        "ects/registration.html",
        {
            "ect": ect,
            "sections": registration_sections(ect),
            "signatures": signatures_of(ect, include_withdrawn=True),
            "sign_form": form,
            "is_ab": False,
            "trs": ect.trs_result,
        },
    )


@require_POST
@allow(AB_ONLY)
def trs_check(request: HttpRequest, ect_id: int) -> HttpResponse:
    ect = access_ect(request, ect_id)
    if ect.status != ECT.Status.AWAITING_AB:
        messages.info(request, "Only a signed registration waiting for the appropriate body can be checked here.")
        return redirect("ects:registration", ect_id=ect.pk)
    outcome = services.check_teacher_record(
        ect, teacher_record_service(), by=request.user, checker="appropriate body", today=timezone.localdate()
    )
    if outcome.service_unavailable:
        messages.info(request, "The Teaching Record System is not answering at the moment. Try again later.")
    elif outcome.qts_passed:
        messages.success(request, "The Teaching Record System check passed: the record matches and QTS is held.")
    else:
        messages.info(request, "The Teaching Record System check did not pass. See the results below.")
    return redirect("ects:registration", ect_id=ect.pk)


@allow(AB_ONLY)
def authorise(request: HttpRequest, ect_id: int) -> HttpResponse:
    ect = access_ect(request, ect_id)
    if ect.status != ECT.Status.AWAITING_AB:
        messages.info(request, "Only a signed registration can be authorised.")
        return redirect("ects:registration", ect_id=ect.pk)
    # The rule compares the start date with the QTS date on the teacher record, when the check found one.
    qts_date = ect.trs_qts_date or ect.qts_date
    form = AuthoriseForm(
        data=request.POST or None, initial_start=ect.induction_start_date, qts_date=qts_date, today=timezone.localdate()
    )
    if request.method == "POST" and form.is_valid():
        try:
            services.authorise_registration(
                ect, by=request.user, induction_start_date=form.cleaned_data["induction_start_date"]
            )
        except services.AuthorisationError as error:
            form.add_error(None, str(error))
        else:
            messages.success(
                request,
                f"The induction of {ect.full_name} is authorised. We have emailed them a link to set their password.",
            )
            return redirect("ects:overview", ect_id=ect.pk)

    return render(request, "ects/authorise.html", {"ect": ect, "form": form, "trs": ect.trs_result})


@allow(AB_ONLY)
def return_registration(request: HttpRequest, ect_id: int) -> HttpResponse:
    ect = access_ect(request, ect_id)
    if ect.status != ECT.Status.AWAITING_AB:
        messages.info(request, "Only a registration waiting for the appropriate body can be returned.")
        return redirect("ects:registration", ect_id=ect.pk)
    form = ReturnRegistrationForm(data=request.POST or None)
    if request.method == "POST" and form.is_valid():
        services.return_registration(ect, by=request.user, reason=form.cleaned_data["reason"])
        messages.success(request, f"The registration of {ect.full_name} is returned to the school with your reason.")
        return redirect("dashboard")

    return render(request, "ects/return_registration.html", {"ect": ect, "form": form})
