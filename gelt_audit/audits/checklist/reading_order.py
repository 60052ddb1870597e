"""What a box holds before a mark inside it, in reading order (class 2700, H270).

A page written by hand often leaves a list open: «<p><b>Informe de empalme</b></p><ul><li>…2020…</li>
<li>…2022…</li><br><p><b>Información pública…</b></p>…» puts the next bold title, and everything after
it, inside the list that holds the first title's entries. A person reads the entries under the first
title up to the next one; the box that swallowed the next title still shows them first."""

from __future__ import annotations

from typing import Any


def before_mark(box: Any, mark: Any) -> list[Any]:
    """The children of ``box`` before the one that holds ``mark`` (an element inside ``box``), then
    those of that child before the one that holds it, and so on down to ``mark``'s own level."""
    path = [mark, *mark.iterancestors()]  # held, so that lxml hands back these same proxies below
    out: list[Any] = []
    for child in box:
        if any(child is a for a in path):
            return out if child is mark else out + before_mark(child, mark)
        if isinstance(child.tag, str):
            out.append(child)
    return out
