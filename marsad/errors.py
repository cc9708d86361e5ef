"""marsad's exceptions: one base class, a few subclasses, each with a code."""
from __future__ import annotations


class MarsadError(Exception):
    """Base of every error marsad raises on purpose."""

    code = "E000"

    def __init__(self, message: str, *, where: str | None = None):
        super().__init__(message)
        self.message = message
        self.where = where  # "path:line" when the error belongs to an input

    def __str__(self) -> str:
        prefix = f"{self.where}: " if self.where else ""
        return f"{prefix}[{self.code}] {self.message}"


class InputError(MarsadError):
    """An input document could not be read (encoding, format, size)."""

    code = "E100"


class KnowledgeBaseError(MarsadError):
    """A knowledge-base data file is malformed."""

    code = "E200"


class GoldFileError(MarsadError):
    """A gold file for evaluation is malformed."""

    code = "E300"


class UsageError(MarsadError):
    """The command line or API was called wrongly."""

    code = "E400"


class StorageError(MarsadError):
    """The database failed (disk full, server gone); what was committed is consistent."""

    code = "E500"
    # the server aborted the transaction for a conflict with another writer (a deadlock): the
    # same write, tried again, may succeed
    retryable = False


class NotFoundError(UsageError):
    """A named thing (event, article, source) is not in the dataset."""

    code = "E404"
