"""The assessment against a deliberately naive day-by-day simulation of the domain rules.

The oracle walks the calendar one day at a time, works in whole cents and twelfths, and knows the
rates of its test statutes by heart; it shares no code with the rules under test.
"""

from dataclasses import dataclass, replace
from datetime import date, timedelta
from fractions import Fraction

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from rathaus.dogtax.taxrules import Dog, Exemption, Keeper, assess

ONE_DAY = timedelta(days=1)
AGAINST_ORACLE = settings(max_examples=300, deadline=None)
INVARIANT = settings(max_examples=150, deadline=None)


@dataclass(frozen=True)
class City:
    changes_on: date
    before: tuple  # annual rates in cents: first, second, further, dangerous (None: no rate)
    after: tuple
    late_deregistration: bool
    dangerous_rank: bool

    def rates(self, day):
        return self.before if day < self.changes_on else self.after


KAISERSLAUTERN = City(
    date(2022, 1, 1), (10200, 15000, 19800, None), (12000, 16800, 22800, None), False, True
)
OTHER = City(
    date(2025, 7, 1), (10010, 15005, 19999, 60000), (11000, 16001, 21000, 61201), True, True
)


@pytest.fixture(scope="session")
def cities(kaiserslautern, other_city):
    return {
        "kaiserslautern": (kaiserslautern, KAISERSLAUTERN),
        "other": (other_city, OTHER),
        "other, dangerous dogs unranked": (
            replace(other_city, dangerous_dogs_rank=False),
            replace(OTHER, dangerous_rank=False),
        ),
    }


def end_of_month(day):
    while (day + ONE_DAY).day != 1:
        day += ONE_DAY
    return day


def liability_start(dog):
    day = dog.kept_since + ONE_DAY
    while day.day != 1:
        day += ONE_DAY
    if dog.born_on is not None:
        puppy, month_starts = dog.born_on, 0
        while month_starts < 3:
            puppy += ONE_DAY
            month_starts += puppy.day == 1
        day = max(day, puppy)
    return day


def liability_end(dog, city):
    if dog.given_up_on is None:
        return None
    day = end_of_month(dog.given_up_on)
    late = dog.deregistered_on is not None and (dog.deregistered_on - day).days > 14
    if city.late_deregistration and late:
        day = end_of_month(day + ONE_DAY)
    return day


def liability_month_numbers(start, year):
    """Liability month 1, 2, ... for each first of a month from the start to the end of year."""
    numbers, day, count = {}, start, 0
    while day.year <= year:
        if day.day == 1:
            count += 1
            numbers[day] = count
        day += ONE_DAY
    return numbers


def simulate(city, year, nato, dogs):
    """Per dog: its (month, rank, exempt) list and amount in cents; and per month the exact
    tax of the household in twelfths of a cent."""
    starts = [liability_start(d) for d in dogs]
    ends = [liability_end(d, city) for d in dogs]
    numbers = [liability_month_numbers(s, year) for s in starts]
    months = [[] for _ in dogs]
    twelfths = [0] * len(dogs)
    household = {}
    day = date(year, 1, 1)
    while day.year == year:
        if day.day == 1:
            liable = [
                i
                for i in range(len(dogs))
                if starts[i] <= day and (ends[i] is None or day <= ends[i])
            ]

            def exempt(i, day=day):
                grant = dogs[i].exemption
                if nato:
                    return True
                if grant is None:
                    return False
                if grant.kind == "shelter":
                    return numbers[i][day] <= 24
                return (grant.granted_from is None or grant.granted_from <= day) and (
                    grant.granted_until is None or day <= grant.granted_until
                )

            first, second, further, dangerous = city.rates(day)
            taxable = [i for i in liable if not exempt(i)]
            ranked = sorted(
                (
                    i
                    for i in taxable
                    if not (dogs[i].dangerous and dangerous is not None and not city.dangerous_rank)
                ),
                key=lambda i: (starts[i], i),
            )
            household[day.month] = 0
            for i in liable:
                if i not in taxable:
                    months[i].append((day.month, None, True))
                    continue
                rank = ranked.index(i) + 1 if i in ranked else None
                if dogs[i].dangerous and dangerous is not None:
                    rate = dangerous
                else:
                    rate = (first, second, further)[min(rank, 3) - 1]
                months[i].append((day.month, rank, False))
                twelfths[i] += rate
                household[day.month] += rate
        day += ONE_DAY
    cents = [(t + 6) // 12 for t in twelfths]
    return months, cents, household


def days(lo, hi):
    """Any day, with the first and last days of months (where rules turn) drawn more often."""
    return st.one_of(
        st.dates(lo, hi),
        st.dates(lo, hi).map(lambda d: d.replace(day=1)),
        st.dates(lo, hi).map(end_of_month),
    )


def month_later(day):
    """The same day of the next month, or that month's last day when it is shorter."""
    later = end_of_month(day) + ONE_DAY
    while later.day < day.day and (later + ONE_DAY).day != 1:
        later += ONE_DAY
    return later


@st.composite
def households(draw):
    year = draw(st.integers(2019, 2028))
    dogs, shelter_taken = [], False
    for n in range(draw(st.integers(0, 5))):
        kept = draw(days(date(year - 3, 1, 1), date(year, 12, 31)))
        given_up = draw(
            st.none() | st.integers(0, 1500).map(lambda d, kept=kept: kept + timedelta(d))
        )
        kind = draw(st.sampled_from([None, None, None, "shelter", "assistance", "rescue"]))
        if kind == "shelter":
            kind, shelter_taken = (None if shelter_taken else "shelter"), True
        grant = None
        if kind == "shelter":
            grant = Exemption(kind=kind)
        elif kind is not None:
            bounds = [
                draw(st.none() | days(date(year - 1, 1, 1), date(year + 1, 12, 31))) for _ in "ft"
            ]
            if None not in bounds:
                bounds.sort()
            grant = Exemption(kind=kind, granted_from=bounds[0], granted_until=bounds[1])
        dogs.append(
            Dog(
                ref=f"dog{n}",
                kept_since=kept,
                born_on=draw(
                    st.none() | st.integers(0, 400).map(lambda d, kept=kept: kept - timedelta(d))
                ),
                given_up_on=given_up,
                deregistered_on=None
                if given_up is None
                else draw(
                    st.none() | st.integers(0, 75).map(lambda d, g=given_up: g + timedelta(d))
                ),
                exemption=grant,
                dangerous=draw(st.booleans()),
            )
        )
    nato = draw(st.sampled_from([False, False, False, False, True]))
    return year, nato, dogs


cities_names = st.sampled_from(["kaiserslautern", "other", "other, dangerous dogs unranked"])


def run(statute, year, nato, dogs, **options):
    keeper = Keeper(exemption=Exemption(kind="nato_forces") if nato else None)
    return assess(statute=statute, year=year, keeper=keeper, dogs=dogs, **options)


@AGAINST_ORACLE
@given(city=cities_names, household=households())
def test_assessment_matches_a_day_by_day_simulation(cities, city, household):
    statute, model = cities[city]
    year, nato, dogs = household

    result = run(statute, year, nato, dogs)
    months, cents, _ = simulate(model, year, nato, dogs)

    assert [d.ref for d in result.dogs] == [d.ref for d in dogs]
    assert [[(m.month, m.rank, m.exempt) for m in d.months] for d in result.dogs] == months
    assert [int(d.amount * 100) for d in result.dogs] == cents
    assert int(result.total * 100) == sum(cents)


@AGAINST_ORACLE
@given(city=cities_names, household=households())
def test_each_instalment_is_its_quarters_tax_within_a_cent_per_dog(cities, city, household):
    statute, model = cities[city]
    year, nato, dogs = household

    result = run(statute, year, nato, dogs)
    _, _, household_twelfths = simulate(model, year, nato, dogs)

    assert sum(i.amount for i in result.installments) == result.total
    assert all(i.amount > 0 for i in result.installments)
    for installment in result.installments:
        exact = Fraction(sum(household_twelfths.get(m, 0) for m in installment.covers), 1200)
        assert abs(Fraction(installment.amount) - exact) < Fraction(len(dogs), 100)
    months_with_tax = {m for m, twelfths in household_twelfths.items() if twelfths}
    assert months_with_tax <= {m for i in result.installments for m in i.covers}


@INVARIANT
@given(
    city=cities_names,
    household=households(),
    notice_on=days(date(2018, 1, 1), date(2029, 12, 31)),
    whole_year=st.booleans(),
)
def test_amounts_due_before_the_notice_fall_due_a_month_after_it(
    cities, city, household, notice_on, whole_year
):
    statute, _ = cities[city]
    year, nato, dogs = household

    result = run(statute, year, nato, dogs, notice_on=notice_on, whole_year=whole_year)
    regular = {
        i.due_on: i.amount
        for i in run(statute, year, nato, dogs, whole_year=whole_year).installments
    }

    assert sum(i.amount for i in result.installments) == result.total
    assert [i.due_on for i in result.installments] == sorted(
        {i.due_on for i in result.installments}
    )
    for installment in result.installments:
        if installment.due_on in regular and installment.due_on >= notice_on:
            continue
        assert installment.due_on == month_later(notice_on)
    assert all(i.due_on >= notice_on for i in result.installments)


@INVARIANT
@given(city=cities_names, household=households(), which=st.integers(0, 4))
def test_keeping_a_dog_longer_never_lowers_its_tax_or_the_total(cities, city, household, which):
    statute, _ = cities[city]
    year, nato, dogs = household
    if not dogs:
        return
    which %= len(dogs)
    kept_on = [*dogs]
    kept_on[which] = replace(dogs[which], given_up_on=None, deregistered_on=None)

    shorter = run(statute, year, nato, dogs)
    longer = run(statute, year, nato, kept_on)

    assert longer.dogs[which].amount >= shorter.dogs[which].amount
    assert longer.total >= shorter.total


@INVARIANT
@given(
    city=cities_names,
    household=households(),
    kept_since=st.dates(date(2015, 1, 1), date(2028, 12, 31)),
)
def test_an_exempt_dog_changes_no_other_dogs_tax(cities, city, household, kept_since):
    statute, _ = cities[city]
    year, nato, dogs = household
    assistance = Dog(
        ref="assistance", kept_since=kept_since, exemption=Exemption(kind="assistance")
    )

    without = run(statute, year, nato, dogs)
    with_it = run(statute, year, nato, [assistance, *dogs])

    assert [d.amount for d in with_it.dogs] == [0, *(d.amount for d in without.dogs)]
    assert with_it.installments == without.installments
