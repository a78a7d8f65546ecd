"""Fixed lists offered in the registration and edit forms."""

YEAR_GROUPS = [
    ("nursery", "Nursery"),
    ("reception", "Reception"),
    *[(f"year_{number}", f"Year {number}") for number in range(1, 14)],
]

SUBJECTS = [
    ("art", "Art and design"),
    ("biology", "Biology"),
    ("business", "Business studies"),
    ("chemistry", "Chemistry"),
    ("citizenship", "Citizenship"),
    ("computing", "Computing"),
    ("design_technology", "Design and technology"),
    ("drama", "Drama"),
    ("early_years", "Early years"),
    ("economics", "Economics"),
    ("english", "English"),
    ("french", "French"),
    ("geography", "Geography"),
    ("german", "German"),
    ("history", "History"),
    ("mathematics", "Mathematics"),
    ("music", "Music"),
    ("physical_education", "Physical education"),
    ("physics", "Physics"),
    ("primary", "Primary (all subjects)"),
    ("psychology", "Psychology"),
    ("religious_education", "Religious education"),
    ("science", "Science"),
    ("spanish", "Spanish"),
    ("special_educational_needs", "Special educational needs"),
    ("other", "Other"),
]

QUALIFIED_AGE_RANGES = [
    ("3-7", "3 to 7"),
    ("3-11", "3 to 11"),
    ("5-11", "5 to 11"),
    ("7-11", "7 to 11"),
    ("7-14", "7 to 14"),
    ("11-16", "11 to 16"),
    ("11-18", "11 to 18"),
    ("14-19", "14 to 19"),
    ("other", "Another range"),
]

# The institution choice that needs the name typed in a text box.
OTHER_INSTITUTION = "other"

TRAINING_INSTITUTIONS = [
    ("bath_spa", "Bath Spa University"),
    ("birmingham", "University of Birmingham"),
    ("brighton", "University of Brighton"),
    ("canterbury", "Canterbury Christ Church University"),
    ("cumbria", "University of Cumbria"),
    ("edge_hill", "Edge Hill University"),
    ("leeds_beckett", "Leeds Beckett University"),
    ("manchester_met", "Manchester Metropolitan University"),
    ("nottingham", "University of Nottingham"),
    ("oxford_brookes", "Oxford Brookes University"),
    ("sheffield_hallam", "Sheffield Hallam University"),
    ("ucl_ioe", "UCL Institute of Education"),
    ("teach_first", "Teach First"),
    ("scitt", "A school-centred initial teacher training (SCITT) provider"),
    (OTHER_INSTITUTION, "Other"),
]

LEAD_PROVIDERS = [
    ("ambition", "Ambition Institute"),
    ("bpn", "Best Practice Network"),
    ("edt", "Education Development Trust"),
    ("niot", "National Institute of Teaching"),
    ("teach_first", "Teach First"),
    ("ucl", "UCL Institute of Education"),
]

DAYS_PER_WEEK = [(f"{tenths / 10:.1f}", f"{tenths / 10:g}") for tenths in range(5, 51, 5)]


def labels_for(values: list[str], choices: list[tuple[str, str]]) -> list[str]:
    """Return the display labels of `values`, keeping unknown values as they are."""
    names = dict(choices)
    return [names.get(value, value) for value in values]
