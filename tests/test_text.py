import pytest

from ectm.text import in_sentence


@pytest.mark.parametrize(
    "label, expected",
    [
        ("Head teacher", "head teacher"),
        ("Waiting for the ECT's comments", "waiting for the ECT's comments"),
        ("ECT", "ECT"),
        ("AB administrator", "AB administrator"),
        ("QTS award date", "QTS award date"),
        ("Date of birth", "date of birth"),
    ],
)
def test_in_sentence_keeps_acronyms(label, expected):
    assert in_sentence(label) == expected
