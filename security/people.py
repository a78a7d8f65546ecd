"""Whose accounts a school or AB leader may see, unlock and reset."""

from django.db.models import Q, QuerySet
from django.http import Http404, HttpRequest

from accounts.access import access_school, schools_for
from accounts.models import Membership, Role, User

# Roles whose holders a head teacher or induction lead may reset.
RESETTABLE_ROLES = (Role.TUTOR, Role.ECT)
# Roles whose passwords only their holder may change, wherever they hold them.
PROTECTED_ROLES = (Role.AB_ADMIN, Role.HEAD_TEACHER, Role.INDUCTION_LEAD)


def people_in_scope(membership: Membership | None) -> QuerySet[User]:
    """Return everyone with an active role in the organisations this membership oversees."""
    if membership is None:
        return User.objects.none()
    in_schools = Q(memberships__school__in=schools_for(membership))
    if membership.role == Role.AB_ADMIN:
        in_schools |= Q(memberships__appropriate_body_id=membership.appropriate_body_id)
    return User.objects.filter(in_schools, memberships__is_active=True).distinct()


def resettable_members(school) -> QuerySet[Membership]:
    return (
        Membership.objects.active()
        .filter(school=school, role__in=RESETTABLE_ROLES)
        .exclude(user__in=Membership.objects.active().filter(role__in=PROTECTED_ROLES).values("user"))
        .select_related("user")
        .order_by("user__last_name", "user__first_name", "role")
    )


def access_resettable_member(request: HttpRequest, school_id: int, membership_id: int) -> Membership:
    """Return a tutor's or ECT's membership at a school the requester oversees, or raise Http404.

    A person who is also a head teacher, induction lead or AB administrator
    anywhere is left out, so no one can take over an account with more reach.
    """
    school = access_school(request, school_id)
    membership = resettable_members(school).filter(pk=membership_id).first()
    if membership is None or membership.user_id == request.user.pk:
        raise Http404("No such tutor or ECT.")
    return membership
