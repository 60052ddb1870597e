"""Exit codes and the domain errors every layer raises; only ``cli.main`` maps them to exit codes.

A leaf module: it imports nothing from the package, so the crawler, the store and the audits can
raise a meaningful error without reaching up into the command line.
"""

from __future__ import annotations

# Exit codes (documented in the README's «Códigos de salida»).
EXIT_OK = 0
EXIT_ERROR = 1
EXIT_CONFIG = 2
EXIT_UNREACHABLE = 3
EXIT_CRAWL_FAILED = 4
EXIT_DELIVERY_FAILED = 5
EXIT_LOCKED = 6
EXIT_NO_DATA = 7


class ConfigError(Exception):
    """A config problem a person can fix; the message is in Spanish and names the key."""


class CommandError(Exception):
    """A failure to report to the user as one Spanish line, with an exit code."""

    def __init__(self, message: str, code: int = EXIT_ERROR):
        super().__init__(message)
        self.code = code


class NoCrawlError(Exception):
    """There is no finished crawl to audit yet."""


class NoPortfolioData(Exception):
    """No site of the portfolio has a finished crawl yet."""


class ReportError(Exception):
    """A report cannot be produced as asked; the message says why, in Spanish."""


class DeliveryError(Exception):
    """A report or alert could not be delivered; the message says why, in Spanish."""
