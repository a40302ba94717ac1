"""Where the tests find the shared real-world data (never copied into the repository).

The data lives in `../shared/data/` next to the repository root; a git worktree one level
deeper finds it one level further up. RATHAUS_SHARED_DATA names it explicitly.
"""

import os
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]


def shared_data_dir() -> Path:
    explicit = os.environ.get("RATHAUS_SHARED_DATA")
    candidates = [Path(explicit)] if explicit else []
    candidates += [parent / "shared" / "data" for parent in ROOT.parents[:2]]
    for candidate in candidates:
        if candidate.is_dir():
            return candidate
    raise FileNotFoundError(
        "The shared data folder (../shared/data next to the repository) is missing; "
        "set RATHAUS_SHARED_DATA to its path."
    )


def districts_file() -> Path:
    return shared_data_dir() / "kaiserslautern" / "ortsbezirke.geojson"


def dcat_shapes_dir() -> Path:
    return shared_data_dir() / "dcat-ap-de"
