"""Text from a draft or a file name, made safe to print on a terminal.

A draft (or a file's name) can hold escape sequences that a terminal obeys: clear the screen, set the
window title, hide text, or reorder what is shown (bidirectional overrides, as in "Trojan Source").
Every human-readable report passes such text through ``visible``, which writes those characters as
escapes (``\\x1b``, ``\\u202e``) instead. Tabs and line breaks are layout and stay.
"""

from __future__ import annotations

CONTROLS = [*range(0x00, 0x09), *range(0x0B, 0x20), *range(0x7F, 0xA0)]  # C0 but tab and line feed, DEL, C1
BIDI = [0x061C, 0x200E, 0x200F, *range(0x202A, 0x202F), *range(0x2066, 0x206A)]
ESCAPES = {code: f"\\x{code:02x}" for code in CONTROLS} | {code: f"\\u{code:04x}" for code in BIDI}


def visible(text: str) -> str:
    """``text`` with terminal control and bidirectional-override characters written as escapes."""
    return text.translate(ESCAPES)
