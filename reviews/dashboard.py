"""Dashboard data about forms: pending tasks, upcoming reports, and the AB's work."""

from django.http import HttpRequest
from django.utils import timezone

from accounts.access import ects_for
from accounts.models import Membership, Role, User
from ects.models import ECT
from reviews import outcomes
from reviews.models import ReportForm
from schedule.models import Report

STAFF_ROLES = {Role.HEAD_TEACHER, Role.INDUCTION_LEAD, Role.TUTOR}


def forms_to_sign(user: User, membership: Membership | None) -> list[ReportForm]:
    """Return the forms waiting for `user`'s signature in the active role."""
    if membership is None or membership.role == Role.AB_ADMIN:
        return []
    forms = ReportForm.objects.filter(report__ect__in=ects_for(membership)).select_related("report__ect")
    if membership.role == Role.ECT:
        waiting = forms.filter(stage=ReportForm.Stage.ECT, report__ect__user=user)
    else:
        waiting = forms.filter(stage=ReportForm.Stage.TUTOR, report__ect__tutor=user)
        if membership.role == Role.HEAD_TEACHER:
            waiting = waiting | forms.filter(stage=ReportForm.Stage.HEAD_TEACHER)
    return list(waiting.order_by("report__due_date", "pk"))


def reports_to_fill_in(user: User, membership: Membership | None) -> list[Report]:
    """Return the current reports of `user`'s ECTs whose form is not yet finished by the tutor."""
    if membership is None or membership.role not in STAFF_ROLES:
        return []
    reports = (
        Report.objects.filter(
            ect__in=ects_for(membership),
            ect__tutor=user,
            ect__status=ECT.Status.IN_PROGRESS,
            period_start__lte=timezone.localdate(),
        )
        .exclude(status=Report.Status.COMPLETED)
        .exclude(form__stage__in=[stage for stage in ReportForm.Stage.values if stage != ReportForm.Stage.DRAFT])
        .select_related("ect")
    )
    return list(reports.order_by("due_date", "pk"))


def upcoming_reports(membership: Membership | None) -> list[Report]:
    """Return every report not yet completed for the ECTs the membership can see, soonest due first."""
    if membership is None:
        return []
    reports = (
        Report.objects.filter(ect__in=ects_for(membership), ect__status=ECT.Status.IN_PROGRESS)
        .exclude(status=Report.Status.COMPLETED)
        .select_related("ect", "form")
    )
    return list(reports.order_by("due_date", "period_start"))


def dashboard_context(request: HttpRequest) -> dict:
    """Return the dashboard's form-related context for the active membership."""
    membership = request.membership
    if membership is None:
        return {}
    if membership.role == Role.AB_ADMIN:
        submitted = ReportForm.objects.filter(
            stage=ReportForm.Stage.SUBMITTED, report__ect__school__appropriate_body_id=membership.appropriate_body_id
        )
        return {
            "forms_with_ab": submitted.count(),
            "outcomes_due": outcomes.outcomes_due(membership.appropriate_body_id),
        }
    context = {
        "forms_to_sign": forms_to_sign(request.user, membership),
        "reports_to_fill_in": reports_to_fill_in(request.user, membership),
        "upcoming_reports": upcoming_reports(membership)[:10],
    }
    if membership.role == Role.ECT:
        context["my_ect"] = ects_for(membership).first()
    return context
