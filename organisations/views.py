from django.contrib import messages
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.views.decorators.http import require_POST

from accounts.access import AB_ONLY, SCHOOL_STAFF, access_school, access_staff_membership, allow, schools_for
from accounts.forms import StaffForm
from accounts.models import Membership, Role
from accounts.services import add_person, deactivate_membership
from organisations import services
from organisations.forms import RejectSchoolForm, SchoolRegistrationForm
from organisations.models import School
from organisations.rules import manageable_staff_roles

STAFF_VIEWERS = SCHOOL_STAFF | AB_ONLY


@allow(public=True)
def register_school(request: HttpRequest) -> HttpResponse:
    form = SchoolRegistrationForm(data=request.POST or None)
    if request.method == "POST" and form.is_valid():
        school = form.save(commit=False)
        services.register_school(
            school=school,
            contact_role=Role(form.cleaned_data["contact_role"]),
            first_name=form.cleaned_data["contact_first_name"],
            last_name=form.cleaned_data["contact_last_name"],
            email=form.cleaned_data["contact_email"],
        )
        return render(request, "organisations/register_done.html", {"school": school})

    return render(request, "organisations/register_school.html", {"form": form})


@allow(AB_ONLY)
def school_list(request: HttpRequest) -> HttpResponse:
    schools = schools_for(request.membership)
    return render(
        request,
        "organisations/school_list.html",
        {
            "waiting": schools.filter(status=School.Status.PENDING),
            "approved": schools.filter(status=School.Status.APPROVED),
            "rejected": schools.filter(status=School.Status.REJECTED),
        },
    )


@allow(AB_ONLY)
def school_detail(request: HttpRequest, school_id: int) -> HttpResponse:
    school = access_school(request, school_id)
    people = school.memberships.active().select_related("user").order_by("role", "user__last_name")
    return render(request, "organisations/school_detail.html", {"school": school, "people": people})


@require_POST
@allow(AB_ONLY)
def approve_school(request: HttpRequest, school_id: int) -> HttpResponse:
    school = access_school(request, school_id)

    if school.status == School.Status.APPROVED:
        messages.info(request, f"{school.name} was already approved.")
        return redirect("organisations:school_list")

    services.approve_school(school, by=request.user)
    messages.success(request, f"{school.name} is approved. Its staff have been emailed a link to set their password.")
    return redirect("organisations:school_list")


@allow(AB_ONLY)
def reject_school(request: HttpRequest, school_id: int) -> HttpResponse:
    school = access_school(request, school_id)
    if school.status != School.Status.PENDING:
        raise Http404("Only a school waiting for approval can be rejected.")

    form = RejectSchoolForm(data=request.POST or None)
    if request.method == "POST" and form.is_valid():
        services.reject_school(school, reason=form.cleaned_data["reason"], by=request.user)
        messages.success(request, f"{school.name} is rejected. The school has been emailed your reason.")
        return redirect("organisations:school_list")

    return render(request, "organisations/reject_school.html", {"form": form, "school": school})


@allow(STAFF_VIEWERS)
def staff_list(request: HttpRequest, school_id: int) -> HttpResponse:
    school = access_school(request, school_id)
    staff = (
        school.memberships.active()
        .filter(role__in=[Role.HEAD_TEACHER, Role.INDUCTION_LEAD, Role.TUTOR])
        .select_related("user")
        .order_by("user__last_name", "user__first_name", "role")
    )
    manageable = manageable_staff_roles(request.membership.role)
    return render(
        request,
        "organisations/staff_list.html",
        {"school": school, "staff": staff, "manageable": [role.value for role in manageable]},
    )


@allow(STAFF_VIEWERS)
def staff_add(request: HttpRequest, school_id: int) -> HttpResponse:
    school = access_school(request, school_id)
    allowed_roles = manageable_staff_roles(request.membership.role)

    form = StaffForm(data=request.POST or None, allowed_roles=allowed_roles)
    if request.method == "POST" and form.is_valid():
        role = Role(form.cleaned_data["role"])
        already = Membership.objects.active().filter(
            school=school, role=role, user__email__iexact=form.cleaned_data["email"]
        )
        if already.exists():
            form.add_error("email", f"Someone with this email address is already {role.label.lower()} at this school.")
        else:
            membership = add_person(
                first_name=form.cleaned_data["first_name"],
                last_name=form.cleaned_data["last_name"],
                email=form.cleaned_data["email"],
                role=role,
                school=school,
                added_by=request.user,
            )
            messages.success(
                request,
                f"{membership.user.get_full_name()} is added as {role.label.lower()}. "
                f"We have emailed them at {membership.user.email}.",
            )
            return redirect("organisations:staff_list", school_id=school.pk)

    return render(request, "organisations/staff_add.html", {"form": form, "school": school})


@allow(STAFF_VIEWERS)
def staff_deactivate(request: HttpRequest, school_id: int, membership_id: int) -> HttpResponse:
    membership = access_staff_membership(request, school_id, membership_id)
    school = membership.school
    can_manage = Role(membership.role) in manageable_staff_roles(request.membership.role)
    if not membership.is_active or not can_manage or membership.user_id == request.user.pk:
        raise Http404("You cannot deactivate this member of staff.")

    if request.method == "POST":
        deactivate_membership(membership, by=request.user)
        messages.success(
            request,
            f"{membership.user.get_full_name()} is no longer {membership.get_role_display().lower()} at {school.name}. "
            "Everything they signed is kept.",
        )
        return redirect("organisations:staff_list", school_id=school.pk)

    return render(request, "organisations/staff_deactivate.html", {"member": membership, "school": school})
