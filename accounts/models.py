from django.contrib.auth.models import AbstractUser, UserManager
from django.db import models
from django.db.models import Q

from ectm.text import in_sentence
from organisations.models import AppropriateBody, School


class CaseInsensitiveUserManager(UserManager):
    def get_by_natural_key(self, username):
        return self.get(username__iexact=(username or "").strip())


class User(AbstractUser):
    """A person who can sign in. What they may do comes from their memberships."""

    email = models.EmailField("email address", blank=True)
    mobile = models.CharField("mobile number", max_length=20, blank=True)

    objects = CaseInsensitiveUserManager()

    class Meta:
        ordering = ["last_name", "first_name", "username"]
        constraints = [
            models.UniqueConstraint(models.functions.Lower("username"), name="username_unique_ignoring_case"),
        ]

    def __str__(self) -> str:
        return self.get_full_name() or self.username


class Role(models.TextChoices):
    AB_ADMIN = "ab_admin", "AB administrator"
    HEAD_TEACHER = "head_teacher", "Head teacher"
    INDUCTION_LEAD = "induction_lead", "Induction lead"
    TUTOR = "tutor", "Induction tutor"
    ECT = "ect", "ECT"


def role_in_sentence(role: str) -> str:
    """Return a role's label for use inside a sentence: "head teacher", but "ECT" and "AB administrator"."""
    return in_sentence(Role(role).label)


SCHOOL_ROLES = frozenset({Role.HEAD_TEACHER, Role.INDUCTION_LEAD, Role.TUTOR, Role.ECT})
SCHOOL_STAFF_ROLES = frozenset({Role.HEAD_TEACHER, Role.INDUCTION_LEAD, Role.TUTOR})


class MembershipQuerySet(models.QuerySet):
    def active(self):
        return self.filter(is_active=True)


class Membership(models.Model):
    """A role that a person has in one organisation: an appropriate body or a school."""

    user = models.ForeignKey(User, on_delete=models.CASCADE, related_name="memberships")
    role = models.CharField(max_length=20, choices=Role.choices)
    appropriate_body = models.ForeignKey(
        AppropriateBody, null=True, blank=True, on_delete=models.CASCADE, related_name="memberships"
    )
    school = models.ForeignKey(School, null=True, blank=True, on_delete=models.CASCADE, related_name="memberships")
    # Deactivating a membership keeps the person and everything they signed.
    is_active = models.BooleanField(default=True)
    created_at = models.DateTimeField(auto_now_add=True)
    deactivated_at = models.DateTimeField(null=True, blank=True)

    objects = MembershipQuerySet.as_manager()

    class Meta:
        ordering = ["user__last_name", "user__first_name"]
        constraints = [
            models.CheckConstraint(
                condition=(
                    Q(role=Role.AB_ADMIN, appropriate_body__isnull=False, school__isnull=True)
                    | (~Q(role=Role.AB_ADMIN) & Q(appropriate_body__isnull=True, school__isnull=False))
                ),
                name="membership_role_matches_organisation",
            ),
            models.UniqueConstraint(
                fields=["user", "role", "school"], condition=Q(school__isnull=False), name="one_school_role_each"
            ),
            models.UniqueConstraint(
                fields=["user", "appropriate_body"], condition=Q(appropriate_body__isnull=False), name="one_ab_role_each"
            ),
        ]

    def __str__(self) -> str:
        return f"{self.get_role_display()}, {self.organisation_name}"

    @property
    def organisation(self):
        return self.school or self.appropriate_body

    @property
    def organisation_name(self) -> str:
        return self.organisation.name

    @property
    def role_enum(self) -> Role:
        return Role(self.role)
