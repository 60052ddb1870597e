"""What counts as a document (a file, not a page) and how its format is named to a reader.

One home for the list the crawler, the document inventory, the checklist and the reports share.
"""

from __future__ import annotations

from urllib.parse import urlsplit

# suffix -> the format as the inventory names it
DOCUMENT_FORMATS: dict[str, str] = {
    ".pdf": "PDF", ".doc": "DOC", ".docx": "DOCX", ".xls": "XLS", ".xlsx": "XLSX", ".ppt": "PPT",
    ".pptx": "PPTX", ".odt": "ODT", ".ods": "ODS", ".odp": "ODP", ".csv": "CSV", ".zip": "ZIP",
    ".rar": "RAR", ".7z": "7Z", ".rtf": "RTF", ".txt": "TXT",
}  # fmt: skip
DOCUMENT_EXTENSIONS: tuple[str, ...] = tuple(DOCUMENT_FORMATS)

# The family a reader groups formats by (a .docx and an .odt are both «DOC» in a table).
FAMILY: dict[str, str] = {
    "PDF": "PDF", "DOC": "DOC", "DOCX": "DOC", "ODT": "DOC", "RTF": "DOC", "TXT": "DOC",
    "XLS": "XLS", "XLSX": "XLS", "ODS": "XLS", "CSV": "CSV",
    "PPT": "PPT", "PPTX": "PPT", "ODP": "PPT", "ZIP": "ZIP", "RAR": "ZIP", "7Z": "ZIP",
}  # fmt: skip


def document_suffix(url: str) -> str | None:
    """The document suffix (``.pdf``) of a URL's path, or None when it names no document."""
    path = urlsplit(url).path.lower()
    dot = path.rfind(".")
    if dot < 0 or "/" in path[dot:]:
        return None
    suffix = path[dot:]
    return suffix if suffix in DOCUMENT_FORMATS else None
