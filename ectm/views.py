from django.http import HttpRequest, HttpResponse
from django.shortcuts import render

from accounts.access import allow, schools_for
from accounts.models import Role
from ects.dashboard import registration_tasks
from organisations.models import School
from reviews.dashboard import dashboard_context as forms_dashboard_context

DASHBOARD_TEMPLATES = {
    Role.AB_ADMIN: "dashboard/ab_admin.html",
    Role.HEAD_TEACHER: "dashboard/school_staff.html",
    Role.INDUCTION_LEAD: "dashboard/school_staff.html",
    Role.TUTOR: "dashboard/school_staff.html",
    Role.ECT: "dashboard/ect.html",
}


@allow(signed_in=True)
def dashboard(request: HttpRequest) -> HttpResponse:
    membership = request.membership
    if membership is None:
        waiting = School.objects.filter(
            memberships__user=request.user,
            memberships__is_active=True,
            status__in=[School.Status.PENDING, School.Status.REJECTED],
        ).distinct()
        return render(request, "dashboard/no_role.html", {"waiting_schools": waiting})

    context = {}
    if membership.role == Role.AB_ADMIN:
        schools = schools_for(membership)
        context["waiting_schools"] = schools.filter(status=School.Status.PENDING)
        context["approved_school_count"] = schools.filter(status=School.Status.APPROVED).count()
    else:
        context["school"] = membership.school
    context["registration_tasks"] = registration_tasks(membership)
    context.update(forms_dashboard_context(request))
    return render(request, DASHBOARD_TEMPLATES[Role(membership.role)], context)


@allow(public=True)
def accessibility(request: HttpRequest) -> HttpResponse:
    return render(request, "pages/accessibility.html")
