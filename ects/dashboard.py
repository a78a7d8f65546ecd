"""Registration tasks shown on the dashboards."""

from accounts.access import ects_for
from accounts.models import Membership, Role
from ects import wizard
from ects.models import ECT


def registration_tasks(membership: Membership) -> dict:
    """Return the registrations the person should act on: by role, unfinished drafts,
    returned ones, ones to sign, or ones waiting for the AB's QTS check."""
    ects = ects_for(membership).select_related("school").order_by("updated_at")
    if membership.role == Role.AB_ADMIN:
        return {"awaiting_ab": list(ects.filter(status=ECT.Status.AWAITING_AB))}
    if membership.role == Role.ECT:
        return {}
    drafts = list(ects.filter(status=ECT.Status.DRAFT))
    for draft in drafts:
        step = wizard.first_unfinished_step(draft.completed_steps)
        draft.continue_step = step.slug if step else None
    tasks = {"drafts": drafts, "returned": list(ects.filter(status=ECT.Status.RETURNED))}
    if membership.role == Role.HEAD_TEACHER:
        tasks["to_sign"] = list(ects.filter(status=ECT.Status.AWAITING_SIGNATURE))
    return tasks
