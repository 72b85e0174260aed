"""Questions about the next or an upcoming thing need a date after today."""

from __future__ import annotations

from datetime import date

import pytest

from assistant.upcoming import asks_upcoming, gives_future_date, latest_date

TODAY = date(2026, 11, 28)


@pytest.mark.parametrize(
    ("question", "upcoming"),
    [
        ("Milloin seuraava rahoitushaku avautuu?", True),
        ("Onko tulevia hakuja tiedossa?", True),
        ("When does the next call open?", True),
        ("När öppnar nästa ansökningsomgång?", True),
        ("Milloin toinen rahoitushaku avautui?", False),
        ("Milloin ensimmäinen haku oli auki?", False),
        ("Milloin sopimukset tulevat voimaan?", False),
        ("Mikä on seuraava vaihe?", False),
        # "ensi vuonna" asks about a coming call, but of a project whether its dates reach that
        # far (the answer is its period)
        ("Onko ensi vuonna hakuja?", True),
        ("Onko hanke vielä käynnissä ensi vuonna?", False),
    ],
)
def test_asks_upcoming(question: str, upcoming: bool) -> None:
    assert asks_upcoming(question, ()) is upcoming


@pytest.mark.parametrize(
    ("sentence", "latest"),
    [
        ("Haku oli auki 18.10.2023–31.12.2023.", date(2023, 12, 31)),
        ("Haku avautui 18. lokakuuta 2023 ja päättyi 31. joulukuuta 2023.", date(2023, 12, 31)),
        ("Ensimmäinen haku oli auki kesällä 2022.", date(2022, 12, 31)),
        ("Sopimus on voimassa 31.12.2027 asti.", date(2027, 12, 31)),
        ("EU-rahoitus on noin 1,9 miljardia euroa.", None),
        ("Uudistuva ja osaava Suomi 2021–2027 -ohjelma.", None),
        ("Päiväys 31.2.2024 ei ole päivä.", None),
    ],
)
def test_latest_date(sentence: str, latest: date | None) -> None:
    assert latest_date(sentence) == latest


def test_only_a_date_after_today_answers_an_upcoming_question() -> None:
    assert not gives_future_date("Toinen haku päättyi 31.12.2023.", TODAY)
    assert gives_future_date("Sopimuskausi päättyy 31.12.2027.", TODAY)
    assert not gives_future_date("Haku on auki pian.", TODAY)


def test_next_year_asks_about_a_coming_call_not_about_a_projects_dates() -> None:
    assert asks_upcoming("Onko ensi vuonna uusi rahoitushaku?", ())
    # "Mihin asti ...?" asks a date; the project's own period answers whether it runs next year
    assert not asks_upcoming("Mihin asti hanke jatkuu, onko se käynnissä ensi vuonna?", ("date",))
