from accounts.models import Membership

ACTIVE_MEMBERSHIP_SESSION_KEY = "active_membership_id"


def active_membership(request) -> Membership | None:
    """Return the membership the person is acting under: the one chosen in the
    header switcher, or else their first active one."""
    if not request.user.is_authenticated:
        return None
    memberships = list(
        Membership.objects.active()
        .filter(user=request.user)
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
