"""The spool: scans a process could not write to the database before it exited, kept as files until a later
flush (in any process) writes them.

A spool file is JSON lines, `{"short_code_id": 12, "date": "2027-01-02", "count": 3}`, one per code and day,
named `scans-<pid>-<random>.jsonl`; it appears whole (written under a temporary name, then renamed). A flush
claims a file by renaming it to a name of its own before reading it: a rename is atomic, so of two processes
claiming the same file one gets it and the other finds it gone. Once the claimer's batch is in the database
the claimed file is deleted; if the database refuses the batch the file is renamed back for the next flush.
A claimed file left behind by a process that died mid-flush is claimed again after `STALE_CLAIM_SECONDS`.
"""

import datetime as dt
import json
import logging
import os
import time
import uuid
from collections import Counter
from pathlib import Path

from .scan_store import ScanKey

log = logging.getLogger(__name__)

SUFFIX = ".jsonl"
CLAIMED = ".claimed-"
UNREADABLE = ".unreadable"
# A flush takes at most the database's busy timeout (seconds); a claim this old belongs to a dead process.
STALE_CLAIM_SECONDS = 600


def _unique_name(prefix: str = "scans") -> str:
    return f"{prefix}-{os.getpid()}-{uuid.uuid4().hex[:12]}"


def write_spool(folder: Path, counts: Counter[ScanKey]) -> Path | None:
    """Keep `counts` in a new spool file in `folder`; its path (None when there was nothing to keep)."""
    counts = {key: scans for key, scans in counts.items() if scans > 0}
    if not counts:
        return None
    folder.mkdir(parents=True, exist_ok=True)
    name = _unique_name()
    partial, final = folder / f"{name}.tmp", folder / f"{name}{SUFFIX}"
    lines = [
        json.dumps({"short_code_id": code_id, "date": day.isoformat(), "count": scans})
        for (code_id, day), scans in sorted(counts.items())
    ]
    with open(partial, "w", encoding="utf-8") as file:
        file.write("\n".join(lines) + "\n")
        file.flush()
        os.fsync(file.fileno())
    os.replace(partial, final)
    return final


def _read(path: Path) -> Counter[ScanKey]:
    counts: Counter[ScanKey] = Counter()
    for line in path.read_text(encoding="utf-8").splitlines():
        if line.strip():
            row = json.loads(line)
            counts[(int(row["short_code_id"]), dt.date.fromisoformat(row["date"]))] += int(row["count"])
    return counts


class SpoolClaim:
    """The spool files one flush took, and the scans they hold."""

    def __init__(self, folder: Path):
        self.folder = folder
        self.counts: Counter[ScanKey] = Counter()
        self.paths: list[Path] = []

    def done(self) -> None:
        """The scans are in the database: the files go."""
        for path in self.paths:
            path.unlink(missing_ok=True)
        self.paths = []

    def undo(self) -> None:
        """The database refused the batch: the files go back to the spool, for the next flush."""
        for path in self.paths:
            try:
                os.rename(path, self.folder / f"{_unique_name()}{SUFFIX}")
            except OSError:
                log.exception("Could not give spool file %s back; rename it to *%s to count it", path, SUFFIX)
        self.paths = []


def _claimable(folder: Path) -> list[Path]:
    now = time.time()
    stale = []
    for path in folder.glob(f"*{CLAIMED}*"):
        if path.name.endswith(UNREADABLE):
            continue
        try:
            if now - path.stat().st_ctime > STALE_CLAIM_SECONDS:  # renaming sets ctime: the claim's age
                stale.append(path)
        except FileNotFoundError:
            continue  # its claimer finished with it
    return sorted(folder.glob(f"*{SUFFIX}")) + sorted(stale)


def claim_spool(folder: Path) -> SpoolClaim:
    """Claim every spool file in `folder` (none when it does not exist)."""
    claim = SpoolClaim(folder)
    if not folder.is_dir():
        return claim
    for path in _claimable(folder):
        claimed = folder / f"{path.name.split(CLAIMED)[0].removesuffix(SUFFIX)}{CLAIMED}{_unique_name('by')}"
        try:
            os.rename(path, claimed)
        except FileNotFoundError:
            continue  # another process claimed it first
        try:
            counts = _read(claimed)
        except (OSError, ValueError, KeyError, TypeError) as error:
            # Not ours to guess at: set aside whole, for an operator to read, and never counted twice.
            broken = claimed.with_name(f"{claimed.name}{UNREADABLE}")
            os.rename(claimed, broken)
            log.error("Spool file %s is unreadable (%s); set aside as %s", path.name, error, broken)
            continue
        claim.counts.update(counts)
        claim.paths.append(claimed)
    return claim
