import pytest

from mentordesk.formats.text import whole_number


@pytest.mark.parametrize(
    ("answer", "number"),
    [
        ("4", 4),
        ("4.0", 4),
        ("0", 0),
        ("four", 4),
        ("Quatre", 4),
        ("vier", 4),
        (" One. ", 1),
        ("une", 1),
        ("fünf", 5),
        ("dix", 10),
        ("zehn", 10),
    ],
)
def test_numbers_and_number_words_are_read(answer, number):
    assert whole_number(answer) == number


@pytest.mark.parametrize("answer", ["a few", "2.5", "-1", "one or two", "eleven", "nan", "inf", ""])
def test_other_answers_are_not_numbers(answer):
    assert whole_number(answer) is None
