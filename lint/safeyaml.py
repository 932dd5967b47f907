"""The one YAML loader of gwlint (packs, configuration): data only, of bounded size and shape.

On top of PyYAML's safe loader (no ``!!python/...`` tags), a document is refused when it uses

- an alias (``*name``) or a merge key (``<<:``): a few lines of aliases can stand for billions of
  nodes ("billion laughs") once anything walks the data, and nothing in a pack or a configuration
  needs them;
- nesting deeper than MAX_DEPTH levels (a pack is about six deep);
- a key given twice in one mapping (PyYAML silently keeps the last one);
- a value that cannot be built, such as the date ``2024-02-30``.

One reading differs from plain YAML, for Chinese prose: a folded block scalar (``>`` or ``>-``) joins
two lines without the space YAML puts in their place when the break falls between two Han characters
or beside a full-width punctuation mark, so a rationale wrapped in the middle of a Chinese sentence
reads as written (YAML would show 带着 同一个). Where the folded value is not simply its lines joined
by spaces (blank lines, more-indented lines), it is left as YAML reads it.

Each refusal is a YamlError whose message says what and, where known, at which line.
"""

from __future__ import annotations

import functools
from typing import TYPE_CHECKING

from lint.chars import CJK_PUNCT, is_han

if TYPE_CHECKING:
    import yaml

MAX_DEPTH = 40


class YamlError(Exception):
    """A YAML document gwlint does not accept; the message is the reason (without the file name)."""


def load_yaml(text: str, aliases: bool = False) -> object:
    """The data of the single YAML document in ``text`` (None for an empty one).

    ``aliases=True`` accepts aliases: for the packs that ship with gwlint, as trusted as its code
    (rules/numbering.yaml shares its series between rules that way).
    """
    import yaml  # only when a pack or a configuration is parsed: the import alone is ~20 ms

    loader = _loader()(text)
    loader.source_lines = text.splitlines()
    try:
        node = loader.get_single_node()
        if node is None:
            return None
        _inspect(node, aliases)
        return loader.construct_document(node)
    except yaml.YAMLError as error:
        raise YamlError(_describe(error)) from None
    except RecursionError:
        raise YamlError(f"nested too deeply (more than {MAX_DEPTH} levels)") from None
    except (ValueError, TypeError, AttributeError, OverflowError) as error:  # a value that cannot be built
        raise YamlError(f"invalid value: {error}") from None
    finally:
        loader.dispose()


def _describe(error: Exception) -> str:
    mark = getattr(error, "problem_mark", None)
    where = f" at line {mark.line + 1}, column {mark.column + 1}" if mark else ""
    problem = getattr(error, "problem", None) or str(error)
    if getattr(error, "gwlint_refusal", False):
        return f"{problem}{where}"
    return f"YAML syntax error{where}: {problem}"


def _inspect(root: yaml.Node, aliases: bool) -> None:
    """Refuse aliases (a node reached twice), merge keys and deep nesting, without recursion."""
    import yaml

    seen: set[int] = set()
    stack: list[tuple[yaml.Node, int]] = [(root, 1)]
    while stack:
        node, depth = stack.pop()
        if id(node) in seen:
            if aliases:
                continue
            raise _refusal(
                "YAML aliases (*name) are not accepted, write the value out instead: anchored value", node.start_mark
            )
        seen.add(id(node))
        if depth > MAX_DEPTH:
            raise _refusal(f"nested more than {MAX_DEPTH} levels deep", node.start_mark)
        if isinstance(node, yaml.MappingNode):
            for key, value in node.value:
                if key.tag == "tag:yaml.org,2002:merge":
                    raise _refusal("YAML merge keys (<<) are not accepted: write the keys out", key.start_mark)
                stack.append((key, depth + 1))
                stack.append((value, depth + 1))
        elif isinstance(node, yaml.SequenceNode):
            stack.extend((item, depth + 1) for item in node.value)


def _refusal(problem: str, mark: yaml.Mark | None) -> Exception:
    """A yaml.YAMLError that says what gwlint refuses (not a syntax error), with its position."""
    import yaml

    error = yaml.MarkedYAMLError(problem=problem, problem_mark=mark)
    error.gwlint_refusal = True  # type: ignore[attr-defined]  # a mark of our own on PyYAML's error, read by _describe
    return error


@functools.cache
def _loader() -> type:
    import yaml

    base = getattr(yaml, "CSafeLoader", yaml.SafeLoader)  # libyaml's parser when present: packs are large

    class Loader(base):  # type: ignore[misc, valid-type]  # a base chosen at run time: libyaml's loader when built
        """A safe loader that refuses duplicate keys and reports unbuildable dates with their line."""

        def construct_mapping(self, node: yaml.MappingNode, deep: bool = False) -> dict[object, object]:
            seen = set()
            for key_node, _ in node.value:
                key = self.construct_object(key_node, deep=deep)
                try:
                    duplicate = key in seen
                except TypeError:  # an unhashable key: the base class reports it
                    break
                if duplicate:
                    raise _refusal(f"key '{key}': given twice", key_node.start_mark)
                seen.add(key)
            return super().construct_mapping(node, deep=deep)

        def construct_scalar(self, node: yaml.ScalarNode) -> object:
            value = super().construct_scalar(node)
            if node.style != ">" or not isinstance(value, str):
                return value
            lines = getattr(self, "source_lines", [])[node.start_mark.line + 1 : node.end_mark.line + 1]
            return _fold_chinese(value, [line.strip() for line in lines if line.strip()])

        def construct_yaml_timestamp(self, node: yaml.ScalarNode) -> object:
            try:
                return super().construct_yaml_timestamp(node)
            except (ValueError, TypeError, AttributeError, OverflowError) as error:
                reason = "not a date" if isinstance(error, AttributeError) else str(error)
                raise _refusal(f"invalid date {node.value!r} ({reason})", node.start_mark) from None

    Loader.add_constructor("tag:yaml.org,2002:timestamp", Loader.construct_yaml_timestamp)
    return Loader


def _fold_chinese(value: str, lines: list[str]) -> str:
    """``value`` (a folded scalar) with the spaces YAML put between ``lines`` dropped where a Chinese
    sentence was wrapped; unchanged unless ``value`` is exactly those lines joined by spaces."""
    body = value.rstrip("\n")
    for end in range(len(lines), max(len(lines) - 3, 0), -1):  # it may end a line or two on (a key, a comment)
        if " ".join(lines[:end]) == body:
            break
    else:
        return value
    joined = lines[0]
    for line in lines[1:end]:
        joined += ("" if _unspaced(joined[-1], line[0]) else " ") + line
    return joined + value[len(body) :]


def _unspaced(left: str, right: str) -> bool:
    """Whether a line break between ``left`` and ``right`` is no space in the text: between two Han
    characters, or beside a full-width punctuation mark (a Han character beside Latin keeps it)."""
    return (is_han(left) and is_han(right)) or left in CJK_PUNCT or right in CJK_PUNCT
