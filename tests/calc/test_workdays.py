"""Working days between two dates, against calendars worked out by hand.

Each expectation lists the days after Modtaget up to and including Afgjort, with the holidays
(H) that drop out. Easter moves every year, so the moving holidays are checked in several years.
"""

from __future__ import annotations

from datetime import date

import pytest

from calc.workdays import holidays_in, is_working_day, working_days_between

d = date


@pytest.mark.parametrize(
    ("received", "decided", "expected"),
    [
        # 2024, Easter Sunday 31 March: Thu 28 (H skærtorsdag), Fri 29 (H langfredag), Sat 30,
        # Sun 31, Mon 1 April (H 2. påskedag), Tue 2 → 1
        (d(2024, 3, 27), d(2024, 4, 2), 1),
        # 2025, Easter Sunday 20 April: Thu 17 (H), Fri 18 (H), weekend, Mon 21 (H), Tue 22,
        # Wed 23 → 2
        (d(2025, 4, 16), d(2025, 4, 23), 2),
        # 2026, Easter Sunday 5 April: Thu 2 (H), Fri 3 (H), weekend, Mon 6 (H), Tue 7 → 1
        (d(2026, 4, 1), d(2026, 4, 7), 1),
        # 2026, Kristi himmelfartsdag Thursday 14 May: Thu 14 (H), Fri 15, Mon 18, Tue 19,
        # Wed 20 → 4
        (d(2026, 5, 13), d(2026, 5, 20), 4),
        # 2026, 2. pinsedag Monday 25 May: Sat 23, Sun 24 (pinsedag), Mon 25 (H), Tue 26 → 1
        (d(2026, 5, 22), d(2026, 5, 26), 1),
        # 2025, Kristi himmelfart Thu 29 May (H), Fri 30, Mon 2, Tue 3, Wed 4, Thu 5
        # (grundlovsdag is not a helligdag), Fri 6, Mon 9 June (H 2. pinsedag) → 6
        (d(2025, 5, 28), d(2025, 6, 9), 6),
        # 2023: store bededag Friday 5 May (H), weekend, Mon 8 → 1
        (d(2023, 5, 4), d(2023, 5, 8), 1),
        # 2024: store bededag is abolished; Friday 26 April and Monday 29 count → 2
        (d(2024, 4, 25), d(2024, 4, 29), 2),
        # Across the new year: Mon 23, Tue 24 (juleaften is not a helligdag), Wed 25 (H),
        # Thu 26 (H), Fri 27, Mon 30, Tue 31, Wed 1 January 2025 (H), Thu 2, Fri 3 → 7
        (d(2024, 12, 20), d(2025, 1, 3), 7),
        # Same day → 0; decided the day after a Friday → 0 (Saturday)
        (d(2025, 3, 3), d(2025, 3, 3), 0),
        (d(2025, 3, 7), d(2025, 3, 8), 0),
        # Decided before received: negative, the same count
        (d(2025, 4, 23), d(2025, 4, 16), -2),
    ],
)
def test_danish_working_days(received, decided, expected):
    assert working_days_between(received, decided, "DK") == expected


@pytest.mark.parametrize(
    ("received", "decided", "expected"),
    [
        # 2008, Easter Sunday 23 March: Fri 21 (H långfredagen), weekend, Mon 24 (H annandag
        # påsk), Tue 25, Wed 26 → 2 (skärtorsdagen is a working day in Sweden)
        (d(2008, 3, 20), d(2008, 3, 26), 2),
        (d(2008, 3, 19), d(2008, 3, 20), 1),
        # 2008, Kristi himmelsfärds dag = 1 May (also första maj): Thu 1 (H), Fri 2, Mon 5 → 2
        (d(2008, 4, 30), d(2008, 5, 5), 2),
        # 2008, nationaldagen Friday 6 June (H), Mon 9 → 1
        (d(2008, 6, 5), d(2008, 6, 9), 1),
        # 2008, midsommarafton Friday 20 June (H by Lag 1930:173), Mon 23, Tue 24 → 2
        (d(2008, 6, 19), d(2008, 6, 24), 2),
        # 2025, midsommarafton Friday 20 June (H), Mon 23 → 1
        (d(2025, 6, 19), d(2025, 6, 23), 1),
        # 2025, julafton Wed 24 (H), juldagen 25 (H), annandag jul 26 (H), Mon 29, Tue 30,
        # nyårsafton Wed 31 (H), nyårsdagen Thu 1 (H), Fri 2 → 3
        (d(2025, 12, 23), d(2026, 1, 2), 3),
    ],
)
def test_swedish_working_days(received, decided, expected):
    assert working_days_between(received, decided, "SE") == expected


def test_the_countries_differ_where_their_calendars_do():
    # Friday 20 June 2025 is midsommarafton (a holiday in Sweden, a working day in Denmark).
    assert working_days_between(d(2025, 6, 19), d(2025, 6, 23), "DK") == 2
    assert not is_working_day(d(2025, 6, 20), "SE") and is_working_day(d(2025, 6, 20), "DK")
    # 24 and 31 December: working days in Denmark, holidays in Sweden.
    assert is_working_day(d(2025, 12, 24), "DK") and not is_working_day(d(2025, 12, 24), "SE")


def test_holidays_come_from_the_library_and_only_weekdays_are_kept():
    dk = holidays_in("DK", 2025)
    assert d(2025, 4, 17) in dk and d(2025, 6, 9) in dk  # skærtorsdag, 2. pinsedag
    assert d(2025, 4, 20) not in dk  # påskedag is a Sunday
    assert d(2025, 6, 5) not in dk  # grundlovsdag
    with pytest.raises(ValueError):
        holidays_in("NO", 2025)
