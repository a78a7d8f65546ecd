from django.db.models import Q

from accounts.models import Membership
from organisations.models import School

ACTIVE_MEMBERSHIP_SESSION_KEY = "active_membership_id"


def active_membership(request) -> Membership | None:
    """Return the membership the person is acting under: the one chosen in the
    header switcher, or else their first active one.

    A role at a school counts only once the school's AB has approved it.
    """
    if not request.user.is_authenticated:
        return None
    memberships = list(
        Membership.objects.active()
        .filter(user=request.user)
        .filter(Q(school__isnull=True) | Q(school__status=School.Status.APPROVED))
        .select_related("school", "appropriate_body")
        .order_by("pk")
    )
    chosen_id = request.session.get(ACTIVE_MEMBERSHIP_SESSION_KEY)
    chosen = next((m for m in memberships if m.pk == chosen_id), None)
    request.all_memberships = memberships
    return chosen or next(iter(memberships), None)


class ActiveMembershipMiddleware:
    """Set `request.membership` (or None) and `request.all_memberships`."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        request.all_memberships = []
        request.membership = active_membership(request)
        return self.get_response(request)
