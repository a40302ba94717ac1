"""Reading a case's event log: what the destination said about one submission. Pure, no Django.

The log is a list of Security Event Tokens (already verified by the caller), each naming the
submission in `sub` ("submission:<id>") and one event URI in `events`. The destination ends the
story with accept-submission or reject-submission; a rejection lists problems, and only some of
them can go away by sending the same case again.
"""

from __future__ import annotations

from dataclasses import dataclass, field

EVENTS = "https://schema.fitko.de/fit-connect/events/"
SUBMITTED = EVENTS + "submit-submission"
ACCEPTED = EVENTS + "accept-submission"
REJECTED = EVENTS + "reject-submission"
DELETED = EVENTS + "delete-submission"

# Problems that another attempt can cure without anyone changing the case: a failure on the
# destination's side, or a key the destination has rotated since (a new attempt fetches the new
# key). Everything else (schema or syntax violations, hash mismatch, unsupported service or
# schema, missing data) would be rejected the same way again.
PROBLEMS_WORTH_RETRYING = frozenset({"technical-error", "encryption-issue"})


@dataclass(frozen=True)
class Outcome:
    submitted: bool = False
    accepted: bool = False
    rejected: bool = False
    problems: list[dict] = field(default_factory=list)

    @property
    def settled(self) -> bool:
        return self.accepted or self.rejected


def outcome_of(payloads: list[dict], *, submission_id: str) -> Outcome:
    subject = f"submission:{submission_id}"
    submitted = accepted = rejected = False
    problems: list[dict] = []
    for payload in payloads:
        if payload.get("sub") != subject:
            continue
        events = payload.get("events") or {}
        submitted = submitted or SUBMITTED in events
        if ACCEPTED in events:
            accepted = True
        if REJECTED in events or DELETED in events:
            rejected = True
            details = events.get(REJECTED) or events.get(DELETED) or {}
            problems.extend(details.get("problems") or [])
    return Outcome(
        submitted=submitted or accepted or rejected,
        accepted=accepted and not rejected,
        rejected=rejected,
        problems=problems,
    )


def problem_kind(problem: dict) -> str:
    return str(problem.get("type", "")).rstrip("/").rsplit("/", 1)[-1]


def retry_makes_sense(problems: list[dict]) -> bool:
    kinds = {problem_kind(problem) for problem in problems}
    return bool(kinds) and kinds <= PROBLEMS_WORTH_RETRYING
