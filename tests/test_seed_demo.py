import pytest
from django.core.management import CommandError, call_command

from accounts.models import Membership, Role, User
from ectm import demo_data
from ects.models import ECT
from organisations.models import School

pytestmark = pytest.mark.django_db


def test_seed_refuses_without_debug(settings):
    settings.DEBUG = False

    with pytest.raises(CommandError, match="--force"):
        call_command("seed_demo")

    assert not User.objects.exists()


def test_seed_is_idempotent(settings, capsys):
    settings.DEBUG = True

    call_command("seed_demo")
    counts = (User.objects.count(), Membership.objects.count(), School.objects.count(), ECT.objects.count())
    call_command("seed_demo")

    assert (User.objects.count(), Membership.objects.count(), School.objects.count(), ECT.objects.count()) == counts
    output = capsys.readouterr().out
    assert demo_data.DEMO_PASSWORD in output
    assert "oak-head" in output


def test_seed_covers_every_role_and_state(settings):
    call_command("seed_demo", "--force")

    roles = set(Membership.objects.values_list("role", flat=True))
    assert roles == set(Role)
    assert ECT.objects.count() >= 15
    statuses = set(ECT.objects.values_list("status", flat=True))
    for status in ["awaiting_signature", "in_progress", "left", "passed"]:
        assert status in statuses
    assert ECT.objects.filter(days_per_week__lt=5).exists()
    assert School.objects.filter(status=School.Status.PENDING).exists()
    assert User.objects.get(username="oak-head").check_password(demo_data.DEMO_PASSWORD)
