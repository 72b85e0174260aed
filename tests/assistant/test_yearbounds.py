from __future__ import annotations

import pytest

from assistant.yearbounds import YearBound, within, year_bounds


@pytest.mark.parametrize(
    ("text", "bounds"),
    [
        ("Jatkuuko sopimus vuoden 2027 jälkeen?", (YearBound("2027", after=True),)),
        ("Mitä tapahtuu vuoden 2027 jälkeisenä aikana?", (YearBound("2027", after=True),)),
        ("Does the agreement go on after 2027?", (YearBound("2027", after=True),)),
        ("Fortsätter avtalet efter 2027?", (YearBound("2027", after=True),)),
        ("Mitä halutaan ennen vuotta 2031?", (YearBound("2031", after=False),)),
        ("Mitä tapahtui vuonna 2027?", ()),
        ("Mitä tavoitellaan vuoteen 2030 mennessä?", ()),
    ],
)
def test_years_given_as_bounds_are_found(text: str, bounds: tuple[YearBound, ...]) -> None:
    assert year_bounds(text) == bounds


def test_a_bound_is_met_by_a_time_on_its_asked_side_only() -> None:
    after = YearBound("2027", after=True)
    assert not within("Porin ekosysteemisopimus koskee vuosia 2021–2027.", after)
    assert not within("Sopimus on voimassa 31. joulukuuta 2027 saakka.", after)
    assert within("Suomen tavoitteena on olla hiilineutraali vuoteen 2035 mennessä.", after)
    before = YearBound("2031", after=False)
    assert within("Suomessa on vuoteen 2030 mennessä houkuttelevia ympäristöjä.", before)
    assert not within("Tavoite on vuosi 2035.", before)
    assert after.label == "after:2027" and before.label == "before:2031"
