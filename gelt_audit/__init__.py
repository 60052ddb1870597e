"""gelt-audit: watch a Colombian municipality's website as its GEL-T action plan asks."""

__version__ = "0.1.0"
