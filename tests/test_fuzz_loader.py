"""Fuzzing the file loader and the ``check`` command (issue 7, « Proof the rules hold »).

Whatever a file holds, reading it has two allowed outcomes: a convention, or the
package's own :class:`~mgp_convention.errors.ConventionError` with a message. On the
command line, ``check`` exits 0 or 1 and never prints a traceback.

The inputs: random JSON values (``st.recursive``); the bundled example files and
generated valid conventions, mutated (keys removed or added, values retyped to every
JSON kind, dates out of range, huge numbers and strings, deep nesting, lone
surrogates, events of the wrong type); and the same files in wrong encodings (latin-1,
UTF-16, UTF-32, a BOM, invalid UTF-8, NUL bytes, truncation).

Each crash the fuzzing found is pinned by a regression test at the end of this file
(found on the loader of 2122e24/64f07b4, fixed in d494359).
"""

from __future__ import annotations

import contextlib
import copy
import io
import json
import string
import sys
import tempfile
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from mgp_convention.cli import main
from mgp_convention.errors import ConventionError, FileFormatError, LoadError
from mgp_convention.examples import example_convention
from mgp_convention.io import dumps, loads, structure, unstructure

from strategies import conventions


@pytest.fixture(autouse=True)
def _english(monkeypatch: pytest.MonkeyPatch) -> None:
    """The messages checked here are the English ones (``error: …``); the French ones are
    the same messages, said from the catalogue (``tests/test_cli_words.py``)."""
    monkeypatch.setenv("MGP_CONVENTION_LANG", "en")


EXAMPLE_FILES = sorted((Path(__file__).parent.parent / "examples").glob("*.json"))
EXAMPLE_TEXTS = [path.read_text(encoding="utf-8") for path in EXAMPLE_FILES] + [
    dumps(example_convention())
]
EXAMPLE_DATA: list[Any] = [json.loads(text) for text in EXAMPLE_TEXTS]

JSON = Any

# --- inputs that crashed the loader once (regression tests at the end) ----------------

#: An amount with more than 28 significant digits: Decimal.quantize overflowed the
#: context precision (``decimal.InvalidOperation``).
HUGE_AMOUNT = "1" + "0" * 30 + ".00"
#: A JSON integer with more than 4300 digits: ``json.loads`` raised a plain ValueError
#: (CPython's int/str conversion limit).
LONG_INTEGER = "1" + "0" * 5000
#: A lone surrogate (valid JSON ``"\ud800"``): loaded as text, then ``check`` could not
#: print it (UnicodeEncodeError on stdout).
LONE_SURROGATE = "\ud800"


def _with(data: JSON, *path_and_value: Any) -> str:
    """The JSON text of ``data`` with the value at ``path`` replaced."""
    *path, value = path_and_value
    data = copy.deepcopy(data)
    target = data
    for key in path[:-1]:
        target = target[key]
    target[path[-1]] = value
    return json.dumps(data)


def _raw(data: JSON, *path_and_literal: Any) -> str:
    """As :func:`_with`, but the new value is a raw JSON literal (``1e400``, ``10…0``)."""
    *path, literal = path_and_literal
    return _with(data, *path, "@@RAW@@").replace('"@@RAW@@"', literal)


def _nested(depth: int) -> str:
    return "[" * depth + "]" * depth


def _deep_leaf_texts() -> Iterator[str]:
    """A date replaced by ever deeper nested lists, up to past the JSON parser's limit."""
    for depth in range(700, 1001):
        yield _raw(EXAMPLE_DATA[0], "end_date", _nested(depth))


# --- the two allowed outcomes ---------------------------------------------------------


def _outcome(call: Callable[[], object]) -> BaseException | None:
    """What ``call`` raised, or ``None``."""
    try:
        call()
    except Exception as exc:
        return exc
    return None


def assert_refusal_is_clean(exc: BaseException | None) -> None:
    """``exc`` is ``None`` (a success) or a ConventionError with a message."""
    if exc is None:
        return
    if not isinstance(exc, ConventionError):
        raise exc
    assert exc.message.strip(), f"empty message from {type(exc).__name__}"
    assert str(exc).strip()
    if isinstance(exc, LoadError):
        assert exc.problems
        assert all(str(p.message).strip() and p.path.startswith("$") for p in exc.problems)


def assert_loads_or_refuses(text: str | bytes) -> None:
    """``loads(text)`` returns a convention or raises ConventionError with a message."""
    assert_refusal_is_clean(_outcome(lambda: loads(text)))


@contextlib.contextmanager
def real_streams(stdin: bytes = b"") -> Iterator[tuple[io.BytesIO, io.BytesIO]]:
    """stdin, stdout and stderr as a terminal with a UTF-8 locale has them.

    Python's stdout is strict (a character it cannot encode raises); its stderr uses
    ``backslashreplace``. pytest's ``capsys`` is strict on both, so it is not used.
    """
    out, err = io.BytesIO(), io.BytesIO()
    streams = (sys.stdin, sys.stdout, sys.stderr)
    replacements = (
        io.TextIOWrapper(io.BytesIO(stdin), encoding="utf-8"),
        io.TextIOWrapper(out, encoding="utf-8", errors="strict", write_through=True),
        io.TextIOWrapper(err, encoding="utf-8", errors="backslashreplace", write_through=True),
    )
    sys.stdin, sys.stdout, sys.stderr = replacements
    try:
        yield out, err
    finally:
        sys.stdin, sys.stdout, sys.stderr = streams
        for stream in replacements:
            stream.detach()


def run_check(content: bytes, *, via_stdin: bool = False) -> tuple[int, str, str]:
    """``mgp-convention check FILE`` (or ``check -``) on ``content``: (code, stdout, stderr)."""
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "convention.json"
        path.write_bytes(content)
        with real_streams(content if via_stdin else b"") as (out, err):
            code = main(["check", "-" if via_stdin else str(path)])
    return code, out.getvalue().decode("utf-8"), err.getvalue().decode("utf-8")


def assert_check_exits_cleanly(content: bytes, *, via_stdin: bool = False) -> None:
    code, out, err = run_check(content, via_stdin=via_stdin)
    assert code in (0, 1)
    assert "Traceback" not in out
    assert "Traceback" not in err
    if code == 0:
        assert ": valid (" in out
        # A valid file may still get warnings: an advisory, an event dated after today.
        assert all(line.startswith("warning: ") for line in err.splitlines()), err
    else:
        lines = err.splitlines()
        assert lines
        assert all(line.startswith("error: ") and line[7:].strip() for line in lines), err


# --- strategies -------------------------------------------------------------------------

json_leaves = (
    st.none()
    | st.booleans()
    | st.integers()
    | st.floats(allow_nan=False, allow_infinity=False)
    | st.text(max_size=30)
)
json_values = st.recursive(
    json_leaves,
    lambda children: (
        st.lists(children, max_size=5) | st.dictionaries(st.text(max_size=10), children, max_size=5)
    ),
    max_leaves=30,
)

DATES = [
    "0000-01-01",
    "0001-01-01",
    "9999-12-31",
    "2026-13-01",
    "2026-02-29",
    "2028-02-29",
    "2026-04-31",
    "2026-00-10",
    "2026-1-1",
    "26-01-01",
    "2026-01-01T00:00:00",
    "2026-01-01T00:00:00+01:00",
    "2026-01-01 ",
    "2026/01/01",
    "２０２６-01-01",  # full-width digits
    "20260101",
]
AMOUNTS = [
    "-1.00",
    "0.00",
    "0.001",
    "1.005",
    "1e5",
    "1E+5",
    "12 500,00",
    "12500,50",
    "NaN",
    "Infinity",
    "-0",
    "٣",  # (an Arabic-Indic digit: Decimal reads it, the file must not)
    "9" * 26 + ".99",
]
TEXTS = [
    "",
    " ",
    "\t\n",
    "\x00",
    "a\x00b",
    "x" * 200_000,
    "é" * 1000,
    "\U0001f600",
    "metropole ",
    "METROPOLE",
    "Metropole",
]
RAW_LITERALS = [
    "1e400",
    "-1e400",
    "1e-400",
    "-0.0",
    "1.0",
    "100000000000000000000.0",
    *("1" + "0" * size for size in (26, 28, 30, 400, 4299, 4300, 5000)),
]
NUMBERS: list[JSON] = [0, -1, 1, 2, 2**31, 2**63, 2**64 + 1, 10**400, -(10**400), 0.5, -0.0]
OTHER_VALUES: list[JSON] = [
    None,
    True,
    False,
    *NUMBERS,
    [],
    {},
    [None],
    {"": None},
    {"type": "signature"},
    ["2026-01-01"],
]
# Every event type, so that the type of an event can be swapped for another.
EVENT_TYPE_NAMES = [
    "signature",
    "delay_reported",
    "experiment_started",
    "breach_recorded",
    "formal_notice_sent",
    "breach_remedied",
    "justifications_examined",
    "representatives_heard",
    "amendment_signed",
    "termination",
    "Signature",
    "signature ",
    "",
]
NEW_KEYS = ["typ", "on ", "ONE", "", "type", "a\u00e9", LONE_SURROGATE, "x" * 500]

RAW = "@@RAW@@"  # a value that becomes a raw JSON literal after dumping
Replacement = tuple[JSON, str | None]  # a value, and the raw literal to put in its place


def _plain(values: st.SearchStrategy[JSON]) -> st.SearchStrategy[Replacement]:
    return values.map(lambda value: (copy.deepcopy(value), None))


def _literal(literals: st.SearchStrategy[str]) -> st.SearchStrategy[Replacement]:
    return literals.map(lambda literal: (RAW, literal))


#: Values of every JSON kind, whatever the field.
any_replacement: st.SearchStrategy[Replacement] = st.one_of(
    _plain(st.sampled_from(DATES)),
    _plain(st.sampled_from(AMOUNTS) | st.integers(1, 60).map(lambda n: "9" * n + ".99")),
    _plain(st.sampled_from(TEXTS)),
    _plain(st.sampled_from(EVENT_TYPE_NAMES)),
    _literal(st.sampled_from(RAW_LITERALS)),
    _literal((st.sampled_from([2, 50]) | st.integers(850, 1000)).map(_nested)),
    _plain(json_values),
    _plain(st.sampled_from(["", "x", "\udc00"]).map(lambda tail: LONE_SURROGATE + tail)),
    _plain(st.sampled_from(OTHER_VALUES)),
)


def _similar_replacement(current: JSON) -> st.SearchStrategy[Replacement]:
    """Values close to ``current``'s own kind: where a bug in reading it would hide."""
    if isinstance(current, bool):
        return _plain(st.sampled_from([0, 1, "true", None, [True]]))
    if isinstance(current, int):
        return _plain(st.sampled_from(NUMBERS)) | _literal(st.sampled_from(RAW_LITERALS))
    if isinstance(current, str) and current[:1].isdigit() and "-" in current:  # a date
        return _plain(st.sampled_from(DATES) | st.dates().map(str)) | _literal(
            st.integers(850, 1000).map(_nested)
        )
    if isinstance(current, str) and current[:1].isdigit():  # an amount, a SIREN
        return _plain(
            st.sampled_from(AMOUNTS)
            | st.integers(1, 60).map(lambda n: "1" + "0" * n + ".00")
            | st.from_regex(r"-?[0-9]{1,40}(\.[0-9]{0,4})?", fullmatch=True)
        ) | _literal(st.sampled_from(RAW_LITERALS))
    if isinstance(current, str):
        return _plain(
            st.sampled_from([*TEXTS, *EVENT_TYPE_NAMES])
            | st.just(current + LONE_SURROGATE)
            | st.just(current.upper())
        )
    return any_replacement


def _paths(data: JSON, prefix: tuple[Any, ...] = ()) -> Iterator[tuple[Any, ...]]:
    """Every path to a value inside ``data`` (the root excluded)."""
    if isinstance(data, dict):
        children: Any = data.items()
    elif isinstance(data, list):
        children = enumerate(data)
    else:
        return
    for key, value in children:
        yield (*prefix, key)
        yield from _paths(value, (*prefix, key))


@st.composite
def mutated_documents(draw: st.DrawFn) -> str:
    """A valid convention file with one to three mutations, as JSON text.

    A mutation picks a key *name* first (so that the few amount and date fields are
    picked as often as the many texts), then one place where it occurs, and removes
    the value, replaces it by one of its own kind, or by one of any kind; or it adds
    a key, or replaces the whole document.
    """
    if draw(st.integers(0, 9)) == 0:
        data = unstructure(draw(conventions()))
    else:
        data = copy.deepcopy(draw(st.sampled_from(EXAMPLE_DATA)))
    literals: list[str] = []
    for _ in range(draw(st.sampled_from([1, 1, 1, 2, 3]))):
        paths = list(_paths(data))
        action = draw(st.sampled_from(["remove", "similar", "similar", "retype", "add", "root"]))
        if action == "root" or not paths:
            data, literal = draw(any_replacement)
            literals.append(literal or "")
            continue
        name = draw(st.sampled_from(sorted({str(path[-1]) for path in paths})))
        path = draw(st.sampled_from([path for path in paths if str(path[-1]) == name]))
        parent = data
        for key in path[:-1]:
            parent = parent[key]
        if action == "remove":
            del parent[path[-1]]
            continue
        if action == "add" and isinstance(parent, dict):
            target = parent
            key = draw(st.sampled_from(NEW_KEYS))
        else:
            target, key = parent, path[-1]
        similar = action == "similar"
        value, literal = draw(_similar_replacement(target[key]) if similar else any_replacement)
        target[key] = value
        literals.append(literal or "")
    text = json.dumps(data, ensure_ascii=draw(st.booleans()))
    for literal in literals:  # the placeholders, in the order they were put
        if literal:
            text = text.replace(f'"{RAW}"', literal, 1)
    return text


ENCODINGS = ["latin-1", "utf-16", "utf-16-le", "utf-16-be", "utf-32", "utf-8-sig", "cp1252"]


@st.composite
def mangled_bytes(draw: st.DrawFn) -> bytes:
    """A convention file's bytes in a wrong encoding, or with bytes broken."""
    text = draw(st.sampled_from(EXAMPLE_TEXTS) | mutated_documents())
    how = draw(st.sampled_from(["encoding", "insert", "truncate", "flip", "bom"]))
    if how == "encoding":
        return text.encode(draw(st.sampled_from(ENCODINGS)), errors="replace")
    content = text.encode("utf-8", errors="surrogatepass")
    position = draw(st.integers(0, len(content)))
    if how == "insert":
        junk = draw(
            st.sampled_from(
                [b"\x00", b"\xff", b"\xc3", b"\xe9", b"\xed\xa0\x80", b"\xef\xbb\xbf", b"\xc0\xaf"]
            )
            | st.binary(min_size=1, max_size=8)
        )
        return content[:position] + junk + content[position:]
    if how == "truncate":
        return content[:position]
    if how == "flip" and content:
        index = min(position, len(content) - 1)
        bit = 1 << draw(st.integers(0, 7))
        return content[:index] + bytes([content[index] ^ bit]) + content[index + 1 :]
    return b"\xef\xbb\xbf" * draw(st.integers(1, 2)) + content


# --- the properties ---------------------------------------------------------------------

FUZZ = settings(
    max_examples=1000,
    deadline=None,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large],
)
CLI_FUZZ = settings(
    max_examples=300,
    deadline=None,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large],
)


@FUZZ
@given(json_values)
def test_random_json_text_and_bytes(value: JSON) -> None:
    text = json.dumps(value)
    assert_loads_or_refuses(text)
    assert_loads_or_refuses(text.encode("utf-8"))


@FUZZ
@given(json_values)
def test_random_json_value_structured(value: JSON) -> None:
    assert_refusal_is_clean(_outcome(lambda: structure(value)))


@FUZZ
@given(st.text(alphabet=string.printable + '{}[]":,-0123456789eE.tfnrul\\\x00é\ufeff'))
def test_random_text(text: str) -> None:
    assert_loads_or_refuses(text)


@FUZZ
@given(st.binary(max_size=200))
def test_random_bytes(content: bytes) -> None:
    assert_loads_or_refuses(content)


@FUZZ
@given(mutated_documents())
def test_mutated_examples(text: str) -> None:
    assert_loads_or_refuses(text)
    assert_loads_or_refuses(text.encode("utf-8", errors="surrogatepass"))


@FUZZ
@given(mangled_bytes())
def test_mangled_encodings(content: bytes) -> None:
    assert_loads_or_refuses(content)


@CLI_FUZZ
@given(mutated_documents() | json_values.map(json.dumps))
def test_check_command_on_mutated_files(text: str) -> None:
    assert_check_exits_cleanly(text.encode("utf-8", errors="surrogatepass"))


@CLI_FUZZ
@given(mangled_bytes())
def test_check_command_on_mangled_bytes(content: bytes) -> None:
    assert_check_exits_cleanly(content)


@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(mutated_documents() | mangled_bytes().map(lambda b: b.decode("latin-1")))
def test_check_command_on_stdin(text: str) -> None:
    assert_check_exits_cleanly(text.encode("utf-8", errors="surrogatepass"), via_stdin=True)


# --- fixed cases: each family once, deterministically ------------------------------------


@pytest.mark.parametrize("value", DATES)
@pytest.mark.parametrize("field", ["end_date", "indicative_start", "event"])
def test_dates_out_of_range(field: str, value: str) -> None:
    base = EXAMPLE_DATA[0]
    if field == "end_date":
        text = _with(base, "end_date", value)
    elif field == "indicative_start":
        text = _with(base, "experiment", "indicative_start", value)
    else:
        text = _with(base, "events", 0, "on", value)
    assert_loads_or_refuses(text)
    assert_check_exits_cleanly(text.encode())


@pytest.mark.parametrize("literal", [*RAW_LITERALS, str(10**400), str(-(10**400))])
@pytest.mark.parametrize(
    "path",
    [
        ("schema_version",),
        ("experiment", "duration_months"),
        ("market", "beneficiaries"),
        ("market", "total_ttc"),
        ("experiment", "calendar", 0, "duration", "days"),
        ("events", 0, "on"),
    ],
)
def test_huge_numbers(path: tuple[Any, ...], literal: str) -> None:
    text = _raw(EXAMPLE_DATA[0], *path, literal)
    assert_loads_or_refuses(text)
    assert_check_exits_cleanly(text.encode())


@pytest.mark.parametrize("depth", [10, 100, 500, 2_000, 100_000])
def test_deep_nesting_at_the_root(depth: int) -> None:
    for text in (_nested(depth), "{" + '"a":{' * depth + "}" * (depth + 1)):
        with pytest.raises(ConventionError):
            loads(text)


@pytest.mark.parametrize(
    "encoding", ["utf-16", "utf-16-le", "utf-16-be", "utf-32", "latin-1", "cp1252"]
)
def test_wrong_encodings_are_refused(encoding: str) -> None:
    content = EXAMPLE_TEXTS[0].encode(encoding)  # the examples have accented letters
    with pytest.raises(FileFormatError):
        loads(content)
    code, _, err = run_check(content)
    assert code == 1
    assert err.startswith("error: ")


def test_a_utf8_bom_is_accepted() -> None:
    content = EXAMPLE_TEXTS[0].encode("utf-8-sig")
    assert loads(content) == loads(EXAMPLE_TEXTS[0])
    assert run_check(content)[0] == 0


@pytest.mark.parametrize(
    "content",
    [b"", b"\x00", b"{\x00}", b"\xff\xfe", b"\xed\xa0\x80", b'{"a": "\x00"}', b"\xef\xbb\xbf"],
)
def test_broken_bytes_are_refused(content: bytes) -> None:
    with pytest.raises(ConventionError):
        loads(content)
    assert run_check(content)[0] == 1


def test_huge_string_is_refused_quickly() -> None:
    text = _with(EXAMPLE_DATA[0], "beneficiary", "siren", "9" * 5_000_000)
    with pytest.raises(LoadError):
        loads(text)
    text = _with(EXAMPLE_DATA[0], "referent", "email", "a@" + ".a" * 1_000_000)
    with pytest.raises(LoadError):
        loads(text)


@pytest.mark.parametrize("key", ["a\nb", "\r", "x\u2028y"])
def test_key_with_a_line_break_stays_on_one_line(key: str) -> None:
    """Found by fuzzing: the key was put raw in the path ('$.' + key), so a key holding a
    line break split the problem over two lines of 'check' output."""
    code, _, err = run_check(_with(EXAMPLE_DATA[0], key, 1).encode())
    assert code == 1
    lines = err.splitlines()
    assert len(lines) == 1, err
    assert lines[0].startswith("error: ")


@pytest.mark.parametrize(
    ("end", "days"),
    [
        ("9999-12-31", ["9999-12-01", "9999-12-02", "9999-12-03", "9999-12-04", "9999-12-20"]),
        ("9999-12-31", ["0001-01-01", "0001-01-02", "0001-01-03", "0001-01-04", "0001-01-05"]),
        ("2100-12-31", ["2100-11-01", "2100-11-02", "2100-11-03", "2100-12-10", "2100-12-20"]),
    ],
    ids=["year-9999", "year-1", "after-2100"],
)
def test_dates_at_the_edges_of_the_calendar_are_refused_where_written(
    end: str, days: list[str]
) -> None:
    """Was: ``check`` replayed the events and refused the remedy deadline computed past
    year 9999 (or in a year without known public holidays). Since version 2 every date
    of a file lies in 2000–2099 (``_validators.FIRST_DATE``/``LAST_DATE``): each date
    out of range is reported at its own path, one line each, before anything is
    computed from it."""
    data = copy.deepcopy(EXAMPLE_DATA[2])  # 03: signed, started, breach, formal notice
    assert [event["type"] for event in data["events"]][-1] == "formal_notice_sent"
    data["end_date"] = end
    data["experiment"].update(
        indicative_start=days[0],
        reduced_usage_after=None,
        evaluation_deadline=None,
        evaluation_period=None,
    )
    for event, day in zip(data["events"], days, strict=True):
        event["on"] = day
    code, out, err = run_check(json.dumps(data).encode())
    assert (code, out) == (1, "")
    lines = err.splitlines()
    assert all(line.startswith("error: ") for line in lines)
    out_of_range = [line for line in lines if "outside the dates a convention can hold" in line]
    paths = {"$.end_date", "$.experiment.indicative_start"} | {
        f"$.events[{index}].on" for index in range(5)
    }
    named = {path for path in paths if any(f": {path}: " in line for line in out_of_range)}
    assert named == paths


def test_lone_surrogate_in_an_unknown_key_is_reported() -> None:
    code, _, err = run_check(_with(EXAMPLE_DATA[0], LONE_SURROGATE, 1).encode())
    assert code == 1
    assert "\\ud800" in err


# --- regression tests of the crashes the fuzzing found ----------------------------------


@pytest.mark.parametrize(
    "text",
    [
        _with(EXAMPLE_DATA[0], "market", "total_ttc", HUGE_AMOUNT),
        _raw(EXAMPLE_DATA[0], "market", "total_ttc", str(10**400)),
        _with(
            EXAMPLE_DATA[0],
            "events",
            0,
            {
                "type": "amendment_signed",
                "on": "2026-12-01",
                "changes": {"market_total_ttc": "1" + "0" * 27},
            },
        ),
    ],
    ids=["string", "integer", "amendment"],
)
def test_huge_amount_is_refused(text: str) -> None:
    """Was: decimal.InvalidOperation from Decimal.quantize (_checks.non_negative_money)."""
    with pytest.raises(LoadError):
        loads(text)


def test_integer_beyond_the_digit_limit_is_refused() -> None:
    """Was: ValueError from json.loads (CPython's int max str digits), not caught."""
    with pytest.raises(FileFormatError):
        loads(_raw(EXAMPLE_DATA[0], "market", "beneficiaries", LONG_INTEGER))


def test_deeply_nested_leaf_is_refused() -> None:
    """Was: RecursionError from repr() of a value nested just below the JSON parser's
    depth limit, quoted in the message ({value!r} in io._structure_date)."""
    for text in _deep_leaf_texts():
        with pytest.raises(ConventionError):
            loads(text)


def test_lone_surrogate_in_text_is_refused() -> None:
    """Was: the text loaded, then 'check' printed it on stdout: UnicodeEncodeError."""
    text = _with(EXAMPLE_DATA[0], "reference", LONE_SURROGATE)
    with pytest.raises(LoadError, match="surrogate"):
        loads(text)
    code, out, err = run_check(text.encode())
    assert code == 1
    assert not out
    assert err.startswith("error: ")
