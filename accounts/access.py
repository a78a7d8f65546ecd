"""The permission layer: every view declares who may use it, and every read of
an organisation's data goes through the access helpers here.

A view is wrapped with `@allow(...)`, which records an `AccessRule` on the view
for the access matrix test and enforces it. Object lookups use `access_*`
helpers, which raise Http404 for anything outside the active membership's reach,
so another organisation's record is never revealed.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import wraps
from typing import Callable, Iterable

from django.contrib.auth.views import redirect_to_login
from django.core.exceptions import PermissionDenied
from django.db.models import QuerySet
from django.http import Http404, HttpRequest

from accounts.models import SCHOOL_STAFF_ROLES, Membership, Role
from organisations.models import AppropriateBody, School

ALL_ROLES = frozenset(Role)
SCHOOL_STAFF = SCHOOL_STAFF_ROLES
SCHOOL_LEADERS = frozenset({Role.HEAD_TEACHER, Role.INDUCTION_LEAD})
AB_ONLY = frozenset({Role.AB_ADMIN})


@dataclass(frozen=True)
class AccessRule:
    """The rule that decides who may open a view.

    `public` views need no sign-in. Otherwise the person must be signed in and,
    when `roles` is set, their active membership must hold one of those roles.
    """

    public: bool = False
    roles: frozenset[Role] | None = None

    def permits(self, membership: Membership | None) -> bool:
        if self.public or self.roles is None:
            return True
        return membership is not None and membership.role in self.roles


def allow(*roles: Role | Iterable[Role], public: bool = False, signed_in: bool = False) -> Callable:
    """Declare and enforce who may use a view.

    `@allow(public=True)` for pages anyone may open, `@allow(signed_in=True)`
    for any signed-in person, or `@allow(Role.TUTOR, ...)` (or sets of roles)
    to limit a view to active memberships with those roles.
    """
    flattened: set[Role] = set()
    for item in roles:
        if isinstance(item, Role):
            flattened.add(item)
        else:
            flattened.update(item)
    if sum([public, signed_in, bool(flattened)]) != 1:
        raise ValueError("Give exactly one of: roles, public=True or signed_in=True.")
    rule = AccessRule(public=public, roles=frozenset(flattened) if flattened else None)

    def decorate(view: Callable) -> Callable:
        @wraps(view)
        def guarded(request: HttpRequest, *args, **kwargs):
            if not rule.public:
                if not request.user.is_authenticated:
                    return redirect_to_login(request.get_full_path())
                if not rule.permits(getattr(request, "membership", None)):
                    raise PermissionDenied
            return view(request, *args, **kwargs)

        guarded.access_rule = rule
        return guarded

    return decorate


def rule_of(view: Callable) -> AccessRule | None:
    """Return the rule declared on a view function or class-based view, if any."""
    rule = getattr(view, "access_rule", None)
    if rule is None and hasattr(view, "view_class"):
        rule = getattr(view.view_class, "access_rule", None)
    return rule


# Scoped querysets: what the active membership may see.


def schools_for(membership: Membership | None) -> QuerySet[School]:
    if membership is None:
        return School.objects.none()
    if membership.role == Role.AB_ADMIN:
        return School.objects.filter(appropriate_body_id=membership.appropriate_body_id)
    return School.objects.filter(pk=membership.school_id)


def ects_for(membership: Membership | None):
    from ects.models import ECT

    if membership is None:
        return ECT.objects.none()
    if membership.role == Role.AB_ADMIN:
        return ECT.objects.filter(school__appropriate_body_id=membership.appropriate_body_id)
    if membership.role == Role.ECT:
        return ECT.objects.filter(school_id=membership.school_id, user_id=membership.user_id)
    return ECT.objects.filter(school_id=membership.school_id)


# Access helpers: fetch one object the membership may see, or raise Http404.


def access_school(request: HttpRequest, school_id: int) -> School:
    try:
        return schools_for(request.membership).get(pk=school_id)
    except School.DoesNotExist:
        raise Http404("No such school.")


def access_appropriate_body(request: HttpRequest) -> AppropriateBody:
    membership = request.membership
    if membership is None or membership.role != Role.AB_ADMIN:
        raise Http404("No such appropriate body.")
    return membership.appropriate_body


def access_ect(request: HttpRequest, ect_id: int):
    from ects.models import ECT

    try:
        return ects_for(request.membership).select_related("school").get(pk=ect_id)
    except ECT.DoesNotExist:
        raise Http404("No such ECT.")


def access_staff_membership(request: HttpRequest, school_id: int, membership_id: int) -> Membership:
    school = access_school(request, school_id)
    try:
        return Membership.objects.select_related("user").get(
            pk=membership_id, school=school, role__in=SCHOOL_STAFF_ROLES
        )
    except Membership.DoesNotExist:
        raise Http404("No such member of staff.")
