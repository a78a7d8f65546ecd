"""The steps of registering an ECT, in order. Each step is one page with one form."""

from dataclasses import dataclass

from ects import forms


@dataclass(frozen=True)
class Step:
    slug: str
    title: str
    form_class: type
    # Whether the form needs the school (to list its tutors).
    needs_school: bool = False


STEPS = [
    Step("induction-type", "Induction type", forms.InductionTypeForm),
    Step("teacher-record", "Teacher record", forms.TeacherRecordForm),
    Step("contract", "Contract", forms.ContractStepForm, needs_school=True),
    Step("training", "Training and qualifications", forms.TrainingStepForm),
    Step("address", "Home address", forms.AddressStepForm),
    Step("programme", "Training programme", forms.ProgrammeStepForm),
]
STEP_SLUGS = [step.slug for step in STEPS]


def step_for(slug: str) -> Step | None:
    return next((step for step in STEPS if step.slug == slug), None)


def next_step(slug: str) -> Step | None:
    index = STEP_SLUGS.index(slug)
    return STEPS[index + 1] if index + 1 < len(STEPS) else None


def previous_step(slug: str) -> Step | None:
    index = STEP_SLUGS.index(slug)
    return STEPS[index - 1] if index > 0 else None


def first_unfinished_step(completed: list[str]) -> Step | None:
    return next((step for step in STEPS if step.slug not in completed), None)
