"""ECT records: the list, the overview, edit pages, history and the printed registration."""

import logging

from django.contrib import messages
from django.core.paginator import Paginator
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils import timezone
from django.views.decorators.http import require_POST

from accounts.access import AB_ONLY, ALL_ROLES, SCHOOL_LEADERS, SCHOOL_STAFF, access_ect, allow, ects_for
from accounts.models import Role, User
from ects import services
from ects.forms import (
    ContractEditForm,
    ECTListFilterForm,
    PersonalDetailsForm,
    PreviousSchoolForm,
    RemoveECTForm,
    TrainingEditForm,
    TutorMentorForm,
)
from ects.models import ECT, PreviousSchool
from ects.pdf import registration_pdf
from ects.registration_views import assign_tutor
from schedule.services import schedule_summary

logger = logging.getLogger(__name__)

ECT_VIEWERS = SCHOOL_STAFF | AB_ONLY
PAGE_SIZE = 25


@allow(ECT_VIEWERS)
def ect_list(request: HttpRequest) -> HttpResponse:
    ects = ects_for(request.membership).select_related("school", "tutor")
    tutor_ids = ects.exclude(tutor=None).values_list("tutor_id", flat=True).distinct()
    tutors = User.objects.filter(pk__in=tutor_ids).order_by("last_name", "first_name")
    form = ECTListFilterForm(data=request.GET, tutors=tutors)
    form.is_valid()
    filters = form.cleaned_data if form.is_valid() else {}
    status = filters.get("status", "")
    if not status:
        ects = ects.exclude(status=ECT.Status.REMOVED)
    ects = services.visible_ects(
        ects,
        query=filters.get("q", ""),
        status=status,
        tutor_id=filters.get("tutor", ""),
        sort=filters.get("sort") or "name",
    )
    page = Paginator(ects, PAGE_SIZE).get_page(request.GET.get("page"))
    query_without_page = request.GET.copy()
    query_without_page.pop("page", None)
    return render(
        request,
        "ects/list.html",
        {
            "form": form,
            "page": page,
            "query_string": query_without_page.urlencode(),
            "show_school": request.membership.role == Role.AB_ADMIN,
        },
    )


def induction_progress(ect: ECT):
    """Return the schedule engine's summary (FTE completed and remaining), or None before authorisation."""
    if ect.induction_start_date is None or ect.is_registration_open:
        return None
    return schedule_summary(ect)


@allow(ALL_ROLES)
def overview(request: HttpRequest, ect_id: int) -> HttpResponse:
    ect = access_ect(request, ect_id)
    role = request.membership.role
    return render(
        request,
        "ects/overview.html",
        {
            "ect": ect,
            "reports": ect.reports.order_by("period_start"),
            "progress": induction_progress(ect),
            "is_staff": role in SCHOOL_STAFF,
            "can_reset_password": role in SCHOOL_LEADERS,
            "is_own_record": role == Role.ECT,
            "active": "overview",
        },
    )


@allow(ALL_ROLES)
def print_details(request: HttpRequest, ect_id: int) -> HttpResponse:
    ect = access_ect(request, ect_id)
    pdf = registration_pdf(ect)
    response = HttpResponse(pdf, content_type="application/pdf")
    filename = f"registration-{ect.trn or ect.pk}.pdf"
    response["Content-Disposition"] = f'attachment; filename="{filename}"'
    logger.info("Registration PDF of ECT %s printed by user %s", ect.pk, request.user.pk)
    return response


def access_ect_with_account(request: HttpRequest, ect_id: int) -> ECT:
    ect = access_ect(request, ect_id)
    if ect.user_id is None:
        raise Http404("This ECT has no account yet.")
    return ect


@require_POST
@allow(SCHOOL_STAFF)
def resend_login(request: HttpRequest, ect_id: int) -> HttpResponse:
    ect = access_ect_with_account(request, ect_id)
    services.resend_login_details(ect, by=request.user)
    messages.success(request, f"We have emailed {ect.full_name} their username and a link to set a password.")
    return redirect("ects:overview", ect_id=ect.pk)


@require_POST
@allow(SCHOOL_LEADERS)
def reset_password(request: HttpRequest, ect_id: int) -> HttpResponse:
    ect = access_ect_with_account(request, ect_id)
    services.send_password_reset(ect, by=request.user)
    messages.success(request, f"We have emailed {ect.full_name} a link to choose a new password.")
    return redirect("ects:overview", ect_id=ect.pk)


def edit_page(request: HttpRequest, ect: ECT, form, *, title: str, active: str, after_save=None) -> HttpResponse:
    """Show an edit form for the ECT. A valid POST saves it with its history and returns to the overview."""
    # Validating a model form writes its values onto the instance, so take the snapshot first.
    before = services.snapshot(ect)
    if request.method == "POST" and form.is_valid():
        ect = form.save(commit=False)
        if after_save:
            after_save(ect)
        changes = services.save_ect(ect, by=request.user, before=before)
        if changes:
            messages.success(request, f"{title} of {ect.full_name} saved.")
        else:
            messages.info(request, "Nothing was changed.")
        return redirect("ects:overview", ect_id=ect.pk)
    return render(request, "ects/edit.html", {"ect": ect, "form": form, "title": title, "active": active})


@allow(SCHOOL_STAFF)
def edit_personal(request: HttpRequest, ect_id: int) -> HttpResponse:
    ect = access_ect(request, ect_id)
    form = PersonalDetailsForm(data=request.POST or None, instance=ect, today=timezone.localdate())
    return edit_page(request, ect, form, title="Personal details", active="personal")


@allow(SCHOOL_STAFF)
def edit_training(request: HttpRequest, ect_id: int) -> HttpResponse:
    ect = access_ect(request, ect_id)
    form = TrainingEditForm(data=request.POST or None, instance=ect, today=timezone.localdate())
    return edit_page(request, ect, form, title="Training and qualifications", active="training")


@allow(SCHOOL_STAFF)
def edit_tutor(request: HttpRequest, ect_id: int) -> HttpResponse:
    ect = access_ect(request, ect_id)
    form = TutorMentorForm(data=request.POST or None, instance=ect, today=timezone.localdate(), school=ect.school)
    return edit_page(
        request,
        ect,
        form,
        title="Tutor and mentor",
        active="tutor",
        after_save=lambda changed: assign_tutor(request, changed, form),
    )


@allow(SCHOOL_STAFF)
def edit_contract(request: HttpRequest, ect_id: int) -> HttpResponse:
    ect = access_ect(request, ect_id)
    form = ContractEditForm(data=request.POST or None, instance=ect, today=timezone.localdate())
    return edit_page(request, ect, form, title="Contract", active="contract")


@allow(ECT_VIEWERS)
def associated_schools(request: HttpRequest, ect_id: int) -> HttpResponse:
    ect = access_ect(request, ect_id)
    records = list(services.associated_schools(ect))
    for record in records:
        record.progress = induction_progress(record)
    return render(
        request,
        "ects/associated_schools.html",
        {"ect": ect, "records": records, "active": "associated"},
    )


@allow(ECT_VIEWERS)
def previous_schools(request: HttpRequest, ect_id: int) -> HttpResponse:
    ect = access_ect(request, ect_id)
    can_edit = request.membership.role in SCHOOL_STAFF
    form = None
    if can_edit:
        form = PreviousSchoolForm(data=request.POST or None, instance=PreviousSchool(ect=ect))
        if request.method == "POST" and form.is_valid():
            services.add_previous_school(form.instance, by=request.user)
            messages.success(request, f"{form.instance.name} is added to the previous schools.")
            return redirect("ects:previous_schools", ect_id=ect.pk)
    return render(
        request,
        "ects/previous_schools.html",
        {"ect": ect, "schools": ect.previous_schools.all(), "form": form, "can_edit": can_edit, "active": "previous"},
    )


@allow(SCHOOL_STAFF)
def previous_school_remove(request: HttpRequest, ect_id: int, previous_school_id: int) -> HttpResponse:
    ect = access_ect(request, ect_id)
    previous = get_object_or_404(PreviousSchool, pk=previous_school_id, ect=ect)
    if request.method == "POST":
        services.remove_previous_school(previous, by=request.user)
        messages.success(request, f"{previous.name} is removed from the previous schools.")
        return redirect("ects:previous_schools", ect_id=ect.pk)
    return render(request, "ects/previous_school_remove.html", {"ect": ect, "previous": previous, "active": "previous"})


@allow(SCHOOL_STAFF)
def remove(request: HttpRequest, ect_id: int) -> HttpResponse:
    ect = access_ect(request, ect_id)
    if ect.removed_at is not None:
        messages.info(request, f"{ect.full_name} was already removed.")
        return redirect("ects:overview", ect_id=ect.pk)
    form = RemoveECTForm(data=request.POST or None)
    if request.method == "POST" and form.is_valid():
        services.remove_ect(
            ect, by=request.user, reason=form.cleaned_data["reason"], leaving_date=form.cleaned_data["leaving_date"]
        )
        messages.success(request, f"{ect.full_name} is removed. Their record and signed documents are kept.")
        return redirect("ects:list")
    return render(request, "ects/remove.html", {"ect": ect, "form": form, "active": "remove"})


@allow(ECT_VIEWERS)
def history(request: HttpRequest, ect_id: int) -> HttpResponse:
    ect = access_ect(request, ect_id)
    changes = ect.changes.select_related("changed_by")
    page = Paginator(changes, 50).get_page(request.GET.get("page"))
    return render(request, "ects/history.html", {"ect": ect, "page": page, "active": "history"})
