"""The demo world that `manage.py seed_demo` builds: one appropriate body, its
schools, staff in every role and ECTs in varied states.

Dates are fixed, not relative to today, so the demo tells the same story on
every machine. The ECTs' start dates fall in the academic years 2024-25 to
2026-27, so that between them they sit at every term of induction.
"""

from dataclasses import dataclass
from datetime import date
from decimal import Decimal

DEMO_PASSWORD = "demo-induction-2026"

APPROPRIATE_BODY = {"name": "Northshire Teaching School Hub", "email": "induction@northshire-tsh.example"}

SCHOOLS = [
    {
        "key": "oak",
        "urn": "100001",
        "name": "Oakfield Primary School",
        "address_line_1": "1 Acorn Lane",
        "town": "Northby",
        "postcode": "NB1 1AA",
        "local_authority": "Northshire",
        "phase": "primary",
        "status": "approved",
    },
    {
        "key": "elm",
        "urn": "100002",
        "name": "Elm Park Academy",
        "address_line_1": "20 Park Road",
        "town": "Northby",
        "postcode": "NB2 2BB",
        "local_authority": "Northshire",
        "phase": "secondary",
        "status": "approved",
    },
    {
        "key": "willow",
        "urn": "100003",
        "name": "Willow Brook School",
        "address_line_1": "3 River Walk",
        "town": "Easton",
        "postcode": "EA3 3CC",
        "local_authority": "Northshire",
        "phase": "special",
        "status": "approved",
    },
    {
        "key": "birch",
        "urn": "100004",
        "name": "Birch Lane Primary School",
        "address_line_1": "4 Birch Lane",
        "town": "Easton",
        "postcode": "EA4 4DD",
        "local_authority": "Northshire",
        "phase": "primary",
        "status": "pending",
    },
]


@dataclass(frozen=True)
class DemoPerson:
    username: str
    first_name: str
    last_name: str
    role: str
    school: str | None  # None for the AB administrator.


STAFF = [
    DemoPerson("ab-admin", "Priya", "Shah", "ab_admin", None),
    DemoPerson("oak-head", "Helen", "Carter", "head_teacher", "oak"),
    DemoPerson("oak-lead", "Marcus", "Bell", "induction_lead", "oak"),
    DemoPerson("oak-tutor", "Aisha", "Khan", "tutor", "oak"),
    DemoPerson("oak-tutor2", "Tom", "Reid", "tutor", "oak"),
    DemoPerson("elm-head", "David", "Okafor", "head_teacher", "elm"),
    DemoPerson("elm-lead", "Sarah", "Lewis", "induction_lead", "elm"),
    DemoPerson("elm-tutor", "James", "Wright", "tutor", "elm"),
    DemoPerson("willow-head", "Grace", "Evans", "head_teacher", "willow"),
    DemoPerson("willow-tutor", "Owen", "Price", "tutor", "willow"),
    DemoPerson("birch-head", "Nadia", "Hussain", "head_teacher", "birch"),
]


@dataclass(frozen=True)
class DemoECT:
    username: str  # Empty for an ECT whose registration is not yet authorised.
    first_name: str
    last_name: str
    trn: str
    date_of_birth: date
    school: str
    tutor: str
    status: str
    start: date | None
    days_per_week: Decimal = Decimal("5")
    leaving_date: date | None = None
    note: str = ""


ECTS = [
    # Registrations on their way to the AB.
    DemoECT("", "Leo", "Marsh", "3000101", date(1999, 3, 14), "oak", "oak-tutor", "draft", date(2027, 1, 4),
            note="registration started, not finished"),
    DemoECT("", "Ruby", "Fox", "3000102", date(2000, 7, 2), "oak", "oak-tutor", "awaiting_signature", date(2027, 1, 4),
            note="waiting for the head teacher to sign the registration"),
    DemoECT("", "Ethan", "Cole", "3000103", date(1998, 11, 23), "elm", "elm-tutor", "awaiting_ab", date(2027, 1, 4),
            note="waiting for the AB to check QTS"),
    DemoECT("", "Mia", "Patel", "3000104", date(2001, 1, 9), "elm", "elm-tutor", "returned", date(2027, 1, 4),
            note="returned by the AB: wrong date of birth"),
    # In induction, one at each term.
    DemoECT("oak-ect", "Chloe", "Adams", "3000105", date(1999, 5, 30), "oak", "oak-tutor", "in_progress",
            date(2026, 9, 1), note="term 1, full time"),
    DemoECT("oak-ect2", "Noah", "Baker", "3000106", date(1998, 8, 17), "oak", "oak-tutor2", "in_progress",
            date(2026, 4, 20), note="term 2, full time"),
    DemoECT("elm-ect", "Isla", "Turner", "3000107", date(2000, 2, 11), "elm", "elm-tutor", "in_progress",
            date(2026, 1, 5), note="term 3, full time: first formal assessment this term"),
    DemoECT("elm-ect2", "Oscar", "Hughes", "3000108", date(1997, 12, 1), "elm", "elm-tutor", "in_progress",
            date(2025, 9, 1), note="term 4, full time"),
    DemoECT("willow-ect", "Amelia", "Ward", "3000109", date(1996, 6, 6), "willow", "willow-tutor", "in_progress",
            date(2025, 4, 22), note="term 5, full time"),
    DemoECT("oak-ect3", "Jack", "Morgan", "3000110", date(1999, 9, 9), "oak", "oak-tutor", "in_progress",
            date(2025, 1, 6), note="term 6, full time: final assessment this term"),
    # Part-time ECTs.
    DemoECT("elm-ect3", "Freya", "Clarke", "3000111", date(1995, 4, 4), "elm", "elm-tutor", "in_progress",
            date(2025, 9, 1), Decimal("3"), note="0.6 FTE since September 2025"),
    DemoECT("willow-ect2", "Harry", "Young", "3000112", date(1994, 10, 10), "willow", "willow-tutor", "in_progress",
            date(2026, 1, 5), Decimal("2.5"), note="0.5 FTE since January 2026"),
    # Finished or left.
    DemoECT("oak-ect4", "Poppy", "Hall", "3000113", date(1998, 1, 20), "oak", "oak-tutor2", "left",
            date(2025, 9, 1), leaving_date=date(2026, 3, 27), note="left after two terms and a half"),
    DemoECT("elm-ect4", "George", "King", "3000114", date(1997, 7, 7), "elm", "elm-tutor", "passed",
            date(2024, 9, 2), note="passed induction in July 2026"),
    DemoECT("willow-ect3", "Lily", "Scott", "3000115", date(1996, 3, 3), "willow", "willow-tutor", "failed",
            date(2024, 9, 2), note="failed induction in July 2026"),
    DemoECT("oak-ect5", "Zara", "Ali", "3000116", date(2000, 12, 12), "oak", "oak-tutor", "in_progress",
            date(2025, 9, 1), note="term 4, with 32 days of sickness absence"),
]
