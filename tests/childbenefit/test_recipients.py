from rathaus.childbenefit.benefitrules import Grant, Month, recipient_conflicts

CHILD = "36574261809"


def grant(recipient: str, from_month: str, until_month: str | None, tax_id: str = CHILD) -> Grant:
    return Grant(
        child_tax_id=tax_id,
        recipient=recipient,
        from_month=Month.parse(from_month),
        until_month=Month.parse(until_month) if until_month else None,
    )


def spans(conflicts) -> list[tuple[str, str, str | None]]:
    return [
        (c.existing.recipient, str(c.from_month), c.until_month and str(c.until_month))
        for c in conflicts
    ]


def test_a_child_already_paid_to_someone_else_conflicts_for_the_overlapping_months():
    existing = [grant("mother", "2025-01", "2026-06"), grant("grandmother", "2026-10", None)]

    conflicts = recipient_conflicts(proposed=grant("father", "2026-05", None), existing=existing)

    assert spans(conflicts) == [("mother", "2026-05", "2026-06"), ("grandmother", "2026-10", None)]


def test_grants_that_end_before_the_new_one_starts_do_not_conflict():
    existing = [grant("mother", "2025-01", "2026-04")]

    assert recipient_conflicts(proposed=grant("father", "2026-05", None), existing=existing) == []


def test_an_open_proposal_meets_a_bounded_grant_in_its_months():
    existing = [grant("mother", "2027-01", "2027-03")]

    conflicts = recipient_conflicts(proposed=grant("father", "2026-05", None), existing=existing)

    assert spans(conflicts) == [("mother", "2027-01", "2027-03")]


def test_the_same_recipient_and_other_children_are_no_conflict():
    existing = [grant("father", "2025-01", None), grant("mother", "2025-01", None, "47036892816")]

    assert recipient_conflicts(proposed=grant("father", "2026-05", None), existing=existing) == []


def test_a_steuer_id_written_with_spaces_is_the_same_child():
    existing = [grant("mother", "2026-01", "2026-12", tax_id="365 742 618 09")]

    conflicts = recipient_conflicts(proposed=grant("father", "2026-12", None), existing=existing)

    assert spans(conflicts) == [("mother", "2026-12", "2026-12")]
