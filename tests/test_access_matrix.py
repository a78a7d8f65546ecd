"""Every URL, requested as every role of the owning organisation, of a foreign
organisation, and anonymously, gets the status that its view's access rule expects.

To cover a new URL, make sure its parameters have a sample below. A URL whose
view declares no rule fails `test_every_view_declares_a_rule`.
"""

from typing import Callable

import pytest
from django.db import transaction
from django.http import HttpResponse
from django.test import Client
from django.urls import path, reverse

from accounts.access import allow
from accounts.models import Role
from ects.models import PreviousSchool
from organisations.models import School
from tests.schedule import samples as schedule_samples
from tests.access_matrix import Route, routes_without_names, routes_without_rules, walk_routes
from tests.conftest import Organisation
from tests.factories import SchoolFactory
from tests.reviews.helpers import sample_question, sample_report

# How to fill each URL parameter from the owning organisation.
PARAMETER_SAMPLES: dict[str, Callable[[Organisation], object]] = {
    "school_id": lambda home: home.school.pk,
    "membership_id": lambda home: home.second_tutor.pk,
    "ect_id": lambda home: home.ect.pk,
    "token": lambda home: "not-a-real-token",
    "previous_school_id": lambda home: PreviousSchool.objects.get_or_create(
        ect=home.ect,
        name="Hillside School",
        defaults={"address": "1 Hill Road", "appropriate_body_name": "Hill AB", "start_date": "2024-09-02",
                  "terms_completed": "1.0"},
    )[0].pk,
    "year_id": lambda home: schedule_samples.academic_year(home).pk,
    "report_id": lambda home: schedule_samples.report(home).pk,
    "user_id": lambda home: home.user(Role.TUTOR).pk,
    "question_id": lambda home: sample_question(home).pk,
    "report_type": lambda home: "P",
}

# Samples that differ by URL namespace, because two apps use one parameter
# name for different things: a wizard step, or a report with its form.
NAMESPACE_SAMPLES: dict[str, dict[str, Callable[[Organisation], object]]] = {
    "ects": {"step": lambda home: "teacher-record"},
    "reviews": {"step": lambda home: "contract", "report_id": lambda home: sample_report(home).pk},
}

# Parameters that carry no organisation's object, so a foreign person asking
# for them is judged by role alone.
NOT_OBJECTS = {"token", "report_type", "step"}

# Routes that need a particular object to do their work, by route name.
ROUTE_SAMPLES: dict[str, Callable[[Organisation], dict]] = {
    "organisations:reject_school": lambda home: {
        "school_id": SchoolFactory(appropriate_body=home.appropriate_body, status=School.Status.PENDING).pk
    },
    "schedule:closure_delete": lambda home: schedule_samples.closure_kwargs(home),
    "schedule:absence_delete": lambda home: schedule_samples.absence_kwargs(home),
    "schedule:contract_change_delete": lambda home: schedule_samples.contract_change_kwargs(home),
}

ALLOWED_STATUSES = {200, 302, 405}
DENIED_STATUSES = {403, 404}


def url_for(route: Route, home: Organisation) -> str:
    if route.name in ROUTE_SAMPLES:
        kwargs = ROUTE_SAMPLES[route.name](home)
    else:
        samples = {**PARAMETER_SAMPLES, **NAMESPACE_SAMPLES.get(route.name.split(":")[0], {})}
        missing = [name for name in route.parameters if name not in samples]
        assert not missing, f"Add a sample for URL parameter(s) {missing} of {route.pattern}"
        kwargs = {name: samples[name](home) for name in route.parameters}
    return reverse(route.name, kwargs=kwargs)


def request_in_rollback(client: Client, method: str, url: str) -> HttpResponse:
    """Make one request and undo whatever it changed, so every role meets the same data."""
    with transaction.atomic():
        response = getattr(client, method)(url)
        transaction.set_rollback(True)
    return response


def is_sign_in_redirect(response: HttpResponse) -> bool:
    return response.status_code == 302 and response["Location"].startswith(reverse("accounts:sign_in"))


def test_every_view_declares_a_rule():
    routes = walk_routes()

    assert routes_without_rules(routes) == []
    assert routes_without_names(routes) == []


def test_matrix_reports_view_without_rule():
    def unguarded(request):
        return HttpResponse("open")

    guarded = allow(Role.TUTOR)(lambda request: HttpResponse("tutors only"))
    patterns = [path("open/", unguarded, name="open"), path("guarded/", guarded, name="guarded")]

    assert routes_without_rules(walk_routes(patterns)) == ["open/"]


@pytest.mark.django_db(transaction=False)
@pytest.mark.parametrize("method", ["get", "post"])
def test_access_matrix(home: Organisation, foreign: Organisation, method: str):
    failures = []
    for route in walk_routes():
        url = url_for(route, home)
        rule = route.rule
        touches_object = any(name not in NOT_OBJECTS for name in route.parameters)

        anonymous = request_in_rollback(Client(), method, url)
        if rule.public:
            if anonymous.status_code not in ALLOWED_STATUSES | {400}:
                failures.append(f"{method.upper()} {url} anonymous: {anonymous.status_code}, expected it open")
        elif not is_sign_in_redirect(anonymous) and anonymous.status_code != 405:
            failures.append(f"{method.upper()} {url} anonymous: {anonymous.status_code}, expected sign-in redirect")

        for organisation, owning in [(home, True), (foreign, False)]:
            for role, membership in organisation.members.items():
                client = Client()
                client.force_login(membership.user)
                response = request_in_rollback(client, method, url)
                status = response.status_code
                permitted = rule.permits(membership)
                who = f"{role.label} of {'owning' if owning else 'foreign'} organisation"
                if rule.public:
                    continue
                if not permitted:
                    if status not in DENIED_STATUSES | {405}:
                        failures.append(f"{method.upper()} {url} as {who}: {status}, expected 403 or 404")
                elif not owning and touches_object:
                    if status not in {404, 405}:
                        failures.append(f"{method.upper()} {url} as {who}: {status}, expected 404")
                elif status not in ALLOWED_STATUSES or is_sign_in_redirect(response):
                    failures.append(f"{method.upper()} {url} as {who}: {status}, expected it allowed")

    assert failures == []
