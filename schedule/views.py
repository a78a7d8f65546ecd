import logging

from django.contrib import messages
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render

from accounts.access import AB_ONLY, ALL_ROLES, SCHOOL_STAFF, access_appropriate_body, access_ect, allow, ects_for
from accounts.models import Role
from schedule import services
from schedule.forms import (
    AbsenceForm,
    AcademicYearForm,
    ClosureForm,
    ContractChangeForm,
    ReportChangeForm,
    ReportRuleForm,
)
from schedule.models import AcademicYear, Absence, Closure, ContractChange, Report

logger = logging.getLogger(__name__)

ABSENCE_EDITORS = SCHOOL_STAFF | AB_ONLY


# Access helpers: the object, or 404 outside the AB's or school's reach.


def access_academic_year(request: HttpRequest, year_id: int) -> AcademicYear:
    appropriate_body = access_appropriate_body(request)
    try:
        return AcademicYear.objects.select_related("school").get(pk=year_id, appropriate_body=appropriate_body)
    except AcademicYear.DoesNotExist:
        raise Http404("No such academic year.")


def access_closure(request: HttpRequest, year_id: int, closure_id: int) -> Closure:
    academic_year = access_academic_year(request, year_id)
    try:
        return academic_year.closures.get(pk=closure_id)
    except Closure.DoesNotExist:
        raise Http404("No such closure.")


def access_report(request: HttpRequest, report_id: int) -> Report:
    try:
        return Report.objects.select_related("ect__school").get(pk=report_id, ect__in=ects_for(request.membership))
    except Report.DoesNotExist:
        raise Http404("No such report.")


def access_absence(request: HttpRequest, ect_id: int, absence_id: int) -> Absence:
    ect = access_ect(request, ect_id)
    try:
        return ect.absences.get(pk=absence_id)
    except Absence.DoesNotExist:
        raise Http404("No such absence.")


def access_contract_change(request: HttpRequest, ect_id: int, change_id: int) -> ContractChange:
    ect = access_ect(request, ect_id)
    try:
        return ect.contract_changes.get(pk=change_id)
    except ContractChange.DoesNotExist:
        raise Http404("No such contract change.")


# Term dates.


@allow(AB_ONLY)
def term_dates(request: HttpRequest) -> HttpResponse:
    appropriate_body = access_appropriate_body(request)
    years = (
        AcademicYear.objects.filter(appropriate_body=appropriate_body)
        .select_related("school")
        .prefetch_related("terms", "closures")
        .order_by("-start_year", "school__name")
    )
    return render(request, "schedule/term_dates.html", {"years": years, "appropriate_body": appropriate_body})


@allow(AB_ONLY)
def term_dates_add(request: HttpRequest) -> HttpResponse:
    appropriate_body = access_appropriate_body(request)
    form = AcademicYearForm(data=request.POST or None, appropriate_body=appropriate_body)
    if request.method == "POST" and form.is_valid():
        academic_year = services.save_term_dates(
            appropriate_body=appropriate_body,
            school=form.cleaned_data["school"],
            start_year=form.cleaned_data["start_year"],
            terms=form.terms(),
        )
        messages.success(request, f"Term dates for {academic_year.label} are saved.")
        return redirect("schedule:term_dates_edit", year_id=academic_year.pk)

    return render(request, "schedule/term_dates_form.html", {"form": form, "academic_year": None})


@allow(AB_ONLY)
def term_dates_edit(request: HttpRequest, year_id: int) -> HttpResponse:
    academic_year = access_academic_year(request, year_id)
    appropriate_body = academic_year.appropriate_body
    form = AcademicYearForm(data=request.POST or None, appropriate_body=appropriate_body, instance=academic_year)
    if request.method == "POST" and form.is_valid():
        services.save_term_dates(
            appropriate_body=appropriate_body,
            school=form.cleaned_data["school"],
            start_year=form.cleaned_data["start_year"],
            terms=form.terms(),
            academic_year=academic_year,
        )
        messages.success(
            request, f"Term dates for {academic_year.label} are saved. Days served and FTE terms now use them."
        )
        return redirect("schedule:term_dates_edit", year_id=academic_year.pk)

    return render(
        request,
        "schedule/term_dates_form.html",
        {"form": form, "academic_year": academic_year, "closures": academic_year.closures.all()},
    )


@allow(AB_ONLY)
def closure_add(request: HttpRequest, year_id: int) -> HttpResponse:
    academic_year = access_academic_year(request, year_id)
    form = ClosureForm(data=request.POST or None, academic_year=academic_year)
    if request.method == "POST" and form.is_valid():
        closure = form.save(commit=False)
        closure.academic_year = academic_year
        closure.save()
        logger.info("Closure %s added to academic year %s", closure.pk, academic_year.pk)
        messages.success(request, f"The closure on {closure.start_date:%-d %B %Y} is added.")
        return redirect("schedule:term_dates_edit", year_id=academic_year.pk)

    return render(request, "schedule/closure_form.html", {"form": form, "academic_year": academic_year})


@allow(AB_ONLY)
def closure_delete(request: HttpRequest, year_id: int, closure_id: int) -> HttpResponse:
    closure = access_closure(request, year_id, closure_id)
    if request.method == "POST":
        closure.delete()
        logger.info("Closure %s removed from academic year %s", closure_id, year_id)
        messages.success(request, f"The closure on {closure.start_date:%-d %B %Y} is removed.")
        return redirect("schedule:term_dates_edit", year_id=year_id)

    return render(request, "schedule/closure_delete.html", {"closure": closure, "academic_year": closure.academic_year})


# Report rules and reports.


@allow(AB_ONLY)
def report_rules(request: HttpRequest) -> HttpResponse:
    appropriate_body = access_appropriate_body(request)
    rules = services.report_rules_for(appropriate_body)
    form = ReportRuleForm(data=request.POST or None, rules=rules)
    if request.method == "POST" and form.is_valid():
        services.save_report_rules(
            appropriate_body,
            {
                report_type: (
                    form.cleaned_data[f"{report_type}_earliest"],
                    form.cleaned_data[f"{report_type}_due"],
                    form.cleaned_data[f"{report_type}_working_days"],
                )
                for report_type in rules
            },
        )
        messages.success(request, "Report rules are saved. They apply to reports created from now on.")
        return redirect("schedule:report_rules")

    return render(request, "schedule/report_rules.html", {"form": form})


@allow(AB_ONLY)
def report_edit(request: HttpRequest, report_id: int) -> HttpResponse:
    report = access_report(request, report_id)
    form = ReportChangeForm(data=request.POST or None, instance=report)
    if request.method == "POST" and form.is_valid():
        report = form.save()
        logger.info("Report %s changed by user %s", report.pk, request.user.pk)
        messages.success(request, f"The {report.get_type_display().lower()} is changed.")
        return redirect("schedule:ect_schedule", ect_id=report.ect_id)

    return render(request, "schedule/report_edit.html", {"form": form, "report": report, "ect": report.ect})


# An ECT's schedule.


@allow(ALL_ROLES)
def ect_schedule(request: HttpRequest, ect_id: int) -> HttpResponse:
    ect = access_ect(request, ect_id)
    summary = services.schedule_summary(ect)
    role = request.membership.role
    return render(
        request,
        "schedule/ect_schedule.html",
        {
            "ect": ect,
            "active": "schedule",
            "summary": summary,
            "absences": ect.absences.all(),
            "contract_changes": ect.contract_changes.all(),
            "can_edit_absence": role in ABSENCE_EDITORS,
            "can_edit_reports": role == Role.AB_ADMIN,
        },
    )


@allow(ABSENCE_EDITORS)
def absence_add(request: HttpRequest, ect_id: int) -> HttpResponse:
    ect = access_ect(request, ect_id)
    form = AbsenceForm(data=request.POST or None, ect=ect)
    if request.method == "POST" and form.is_valid():
        absence = form.save(commit=False)
        absence.ect = ect
        absence.save()
        logger.info("Absence %s recorded for ECT %s by user %s", absence.pk, ect.pk, request.user.pk)
        messages.success(request, f"The absence from {absence.start_date:%-d %B %Y} is recorded.")
        return redirect("schedule:ect_schedule", ect_id=ect.pk)

    return render(request, "schedule/absence_form.html", {"form": form, "ect": ect})


@allow(ABSENCE_EDITORS)
def absence_delete(request: HttpRequest, ect_id: int, absence_id: int) -> HttpResponse:
    absence = access_absence(request, ect_id, absence_id)
    if request.method == "POST":
        absence.delete()
        logger.info("Absence %s removed for ECT %s by user %s", absence_id, ect_id, request.user.pk)
        messages.success(request, f"The absence from {absence.start_date:%-d %B %Y} is removed.")
        return redirect("schedule:ect_schedule", ect_id=ect_id)

    return render(request, "schedule/absence_delete.html", {"absence": absence, "ect": absence.ect})




@allow(ABSENCE_EDITORS)
def contract_change_add(request: HttpRequest, ect_id: int) -> HttpResponse:
    ect = access_ect(request, ect_id)
    form = ContractChangeForm(data=request.POST or None, ect=ect)
    if request.method == "POST" and form.is_valid():
        change = form.save(commit=False)
        change.ect = ect
        change.save()
        logger.info("Contract change %s recorded for ECT %s by user %s", change.pk, ect.pk, request.user.pk)
        messages.success(
            request, f"From {change.starts_on:%-d %B %Y}, {ect.full_name} works {change.days_per_week:g} days a week."
        )
        return redirect("schedule:ect_schedule", ect_id=ect.pk)

    return render(request, "schedule/contract_change_form.html", {"form": form, "ect": ect})


@allow(ABSENCE_EDITORS)
def contract_change_delete(request: HttpRequest, ect_id: int, change_id: int) -> HttpResponse:
    change = access_contract_change(request, ect_id, change_id)
    if request.method == "POST":
        change.delete()
        logger.info("Contract change %s removed for ECT %s by user %s", change_id, ect_id, request.user.pk)
        messages.success(request, f"The change of days per week from {change.starts_on:%-d %B %Y} is removed.")
        return redirect("schedule:ect_schedule", ect_id=ect_id)

    return render(request, "schedule/contract_change_delete.html", {"change": change, "ect": change.ect})
