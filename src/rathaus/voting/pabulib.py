"""The pabulib file format (pabulib.org; Faliszewski et al., "Participatory Budgeting: Data,
Tools and Analysis", IJCAI 2023): read a .pb file into plain dataclasses and write one back.

A file has three sections, each a section name line followed by a header line and `;`-separated
rows (fields may be quoted): META (``key;value``), PROJECTS (``project_id;cost;...``) and VOTES
(``voter_id;vote;...``). ``vote`` lists project ids separated by commas: the approved projects,
or for ordinal ballots the ranking, best first. Cumulative and scoring ballots add a ``points``
column with one number per listed project. Columns beyond those are kept as text.
"""

from __future__ import annotations

import csv
import io
from dataclasses import dataclass, field
from decimal import Decimal, InvalidOperation
from pathlib import Path

VOTE_TYPES = ("approval", "choose-1", "cumulative", "ordinal", "scoring")
_SECTIONS = ("meta", "projects", "votes")


class PabulibError(ValueError):
    pass


@dataclass(frozen=True)
class PbProject:
    project_id: str
    cost: Decimal
    fields: dict[str, str] = field(default_factory=dict)
    """The other columns (name, votes, score, category, ...), as text."""


@dataclass(frozen=True)
class PbVote:
    voter_id: str
    vote: tuple[str, ...]
    points: tuple[Decimal, ...] | None = None
    fields: dict[str, str] = field(default_factory=dict)


@dataclass(frozen=True)
class PbElection:
    meta: dict[str, str]
    projects: tuple[PbProject, ...]
    votes: tuple[PbVote, ...]
    project_columns: tuple[str, ...] = ("project_id", "cost")
    vote_columns: tuple[str, ...] = ("voter_id", "vote")

    @property
    def vote_type(self) -> str:
        return self.meta.get("vote_type", "approval")

    @property
    def budget(self) -> Decimal:
        return _number(self.meta.get("budget", ""), "META budget")


def load(path: str | Path) -> PbElection:
    return loads(Path(path).read_text(encoding="utf-8-sig"))


def loads(text: str) -> PbElection:
    sections: dict[str, tuple[list[str], list[list[str]]]] = {}
    current: list[list[str]] | None = None
    rows = csv.reader(io.StringIO(text), delimiter=";")
    for row in rows:
        cells = [cell.strip() for cell in row]
        if not any(cells):
            continue
        if len(cells) == 1 and cells[0].lower() in _SECTIONS:
            header = [cell.strip() for cell in next(rows, [])]
            current = []
            sections[cells[0].lower()] = (header, current)
        elif current is None:
            raise PabulibError(f"line {rows.line_num}: data before the first section")
        else:
            current.append(cells)
    missing = [name.upper() for name in _SECTIONS if name not in sections]
    if missing:
        raise PabulibError(f"missing section(s): {', '.join(missing)}")
    meta = {row[0]: row[1] if len(row) > 1 else "" for row in sections["meta"][1]}
    project_columns, project_rows = sections["projects"]
    vote_columns, vote_rows = sections["votes"]
    projects = tuple(_project(_record(project_columns, row)) for row in project_rows)
    known = {project.project_id for project in projects}
    if len(known) != len(projects):
        raise PabulibError("duplicate project_id in PROJECTS")
    votes = tuple(_vote(_record(vote_columns, row), known) for row in vote_rows)
    return PbElection(meta, projects, votes, tuple(project_columns), tuple(vote_columns))


def dump(election: PbElection, path: str | Path) -> None:
    Path(path).write_text(dumps(election), encoding="utf-8")


def dumps(election: PbElection) -> str:
    out = io.StringIO()
    writer = csv.writer(out, delimiter=";", lineterminator="\n")
    writer.writerow(["META"])
    writer.writerow(["key", "value"])
    writer.writerows(election.meta.items())
    writer.writerow(["PROJECTS"])
    writer.writerow(election.project_columns)
    for project in election.projects:
        typed = {"project_id": project.project_id, "cost": str(project.cost)}
        writer.writerow(
            [_cell(column, typed, project.fields) for column in election.project_columns]
        )
    writer.writerow(["VOTES"])
    writer.writerow(election.vote_columns)
    for vote in election.votes:
        typed = {"voter_id": vote.voter_id, "vote": ",".join(vote.vote)}
        if vote.points is not None:
            typed["points"] = ",".join(str(points) for points in vote.points)
        writer.writerow([_cell(column, typed, vote.fields) for column in election.vote_columns])
    return out.getvalue()


def _cell(column: str, typed: dict[str, str], fields: dict[str, str]) -> str:
    return typed[column] if column in typed else fields.get(column, "")


def _record(columns: list[str], row: list[str]) -> dict[str, str]:
    if len(row) > len(columns):
        raise PabulibError(f"row has more fields than the header: {';'.join(row)}")
    return dict(zip(columns, row + [""] * (len(columns) - len(row)), strict=True))


def _project(record: dict[str, str]) -> PbProject:
    if not record.get("project_id"):
        raise PabulibError("a project without project_id")
    project_id = record.pop("project_id")
    cost = _number(record.pop("cost", "").replace(",", "."), f"cost of project {project_id}")
    return PbProject(project_id, cost, record)


def _vote(record: dict[str, str], known: set[str]) -> PbVote:
    voter_id = record.pop("voter_id", "")
    text = record.pop("vote", "")
    vote = tuple(key.strip() for key in text.split(",")) if text else ()
    unknown = [key for key in vote if key not in known]
    if unknown:
        raise PabulibError(f"voter {voter_id} votes for unknown project(s) {unknown}")
    if "points" not in record:
        return PbVote(voter_id, vote, None, record)
    text = record.pop("points")
    points = tuple(_number(p, f"points of voter {voter_id}") for p in text.split(",") if text)
    if len(points) != len(vote):
        raise PabulibError(f"voter {voter_id}: {len(vote)} projects but {len(points)} points")
    return PbVote(voter_id, vote, points, record)


def _number(text: str, what: str) -> Decimal:
    try:
        value = Decimal(text.strip())
    except InvalidOperation:
        value = None
    if value is None or not value.is_finite():
        raise PabulibError(f"{what} is not a number: {text!r}")
    return value
