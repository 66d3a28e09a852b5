"""Finding and replacing data markers in Markdown."""

from peerguide.markers import Marker, find_markers, replace_markers

PAGE = """# Title

<!-- models:comparison -->
Text with <!-- models:comparison --> inside a line stays.

```markdown
<!-- countries:profile norway -->
```

<!-- countries:profile norway -->
<!-- TODO: not a marker -->
"""


def test_finds_markers_on_their_own_lines_with_line_numbers():
    assert find_markers(PAGE) == [
        Marker("models:comparison", (), 3),
        Marker("countries:profile", ("norway",), 10),
    ]


def test_replaces_each_marker_with_a_block():
    out = replace_markers(PAGE, lambda m: f"<div>{m.name} {' '.join(m.args)}</div>")
    assert "\n<div>models:comparison </div>\n" in out
    assert "\n<div>countries:profile norway</div>\n" in out
    # The fenced example and the inline mention are left alone.
    assert "```markdown\n<!-- countries:profile norway -->\n```" in out
    assert "Text with <!-- models:comparison --> inside" in out


def test_page_without_markers_is_unchanged():
    text = "# Plain\n\nNothing here.\n"
    assert replace_markers(text, lambda m: "x") == text
