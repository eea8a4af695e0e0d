"""Column letters, the one count that names spreadsheet columns and circles alike."""

from openpyxl.utils import get_column_letter

from mentordesk.formats.tables import column_letters


def test_letters_run_from_a_to_z_then_aa_as_spreadsheets_name_columns():
    assert [column_letters(i) for i in (0, 1, 25, 26, 27, 51, 52, 701, 702)] == [
        "A", "B", "Z", "AA", "AB", "AZ", "BA", "ZZ", "AAA"
    ]  # fmt: skip
    assert all(column_letters(i) == get_column_letter(i + 1) for i in range(16384))


def test_a_circle_past_the_alphabet_gets_two_letters_not_a_symbol():
    assert column_letters(18277) == "ZZZ"
    assert column_letters(18278) == "AAAA"
