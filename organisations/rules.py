"""The staff roles that each role may add or deactivate at a school."""

from accounts.models import Role

_MANAGEABLE = {
    Role.AB_ADMIN: [Role.HEAD_TEACHER, Role.INDUCTION_LEAD, Role.TUTOR],
    Role.HEAD_TEACHER: [Role.INDUCTION_LEAD, Role.TUTOR],
    Role.INDUCTION_LEAD: [Role.TUTOR],
    Role.TUTOR: [Role.TUTOR],
}


def manageable_staff_roles(actor_role: str) -> list[Role]:
    """Return the roles a person acting as `actor_role` may add and deactivate, in display order."""
    return list(_MANAGEABLE.get(Role(actor_role), []))
