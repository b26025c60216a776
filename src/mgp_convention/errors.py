"""The package's errors: one root, and subclasses that say what is wrong and where.

Every error a user can trigger is a :class:`ConventionError`. Each carries, as
attributes a program can act on:

- ``field``: the path of the value at fault (``$.beneficiary.siren``) when there is one;
- ``article``: the article of the convention or the legal source whose rule is broken.

>>> err = InvalidValue("not a valid SIREN (check digit)", field="$.beneficiary.siren")
>>> str(err)
'$.beneficiary.siren: not a valid SIREN (check digit)'
>>> isinstance(err, ValueError)
True

Why over 400 lines: the package's error classes, one per kind of fault a caller may
catch, each saying itself in a language; and the helpers that show a user's value safely
in a message.
"""

from __future__ import annotations

import errno
from collections.abc import Iterable, Mapping
from typing import Final

import attrs

from mgp_convention.i18n import N_, NP_, Labelled, Lang, Message

__all__ = [
    "ConventionError",
    "DateError",
    "EventRefused",
    "FileBusyError",
    "FileFormatError",
    "FileWriteError",
    "InvalidValue",
    "LetterRefused",
    "LoadError",
    "MissingData",
    "MissingValue",
    "MoneyError",
    "Problem",
    "TemplateProblem",
    "shown",
    "system_reason",
]

_SHOWN_MAX = 40
_SHOWN_MAX_BITS = 64
_LOG10_2 = 0.30103


def shown(value: object) -> str | Message:
    """A short, single-line, printable rendering of a user's value for an error message.

    Long texts are cut, control characters and unpaired surrogates are escaped, huge
    numbers and nested values are described rather than printed (in words, said in the
    message's language: a :class:`~mgp_convention.i18n.Message`).

    >>> shown("200054782")
    "'200054782'"
    >>> print(shown("9" * 100))
    '999999999999999999999999999999999999999…' (100 characters)
    >>> shown(10**100).render("fr"), shown({"a": [1]}).render("en")
    ('un nombre d’environ 101 chiffres', 'an object')
    """
    if isinstance(value, str):
        if len(value) > _SHOWN_MAX:
            cut = f"{value[: _SHOWN_MAX - 1]!r}"[:-1] + "…'"
            return Message.counted(
                NP_("{text} ({count} character)", "{text} ({count} characters)"),
                "count",
                {"text": cut, "count": len(value)},
            )
        return repr(value)
    if isinstance(value, bool) or value is None:
        return "true" if value is True else "false" if value is False else "null"
    if isinstance(value, int):
        if value.bit_length() > _SHOWN_MAX_BITS:  # str() of a huge int is slow, or refused
            digits = int(value.bit_length() * _LOG10_2) + 1
            return Message(N_("a number of about {digits} digits"), {"digits": digits})
        return str(value)
    if isinstance(value, float):
        return repr(value)
    if isinstance(value, dict):
        return Message(N_("an object"))
    if isinstance(value, (list, tuple)):
        return Message(N_("a list"))
    return type(value).__name__


#: What an operating system's error means, in words, by its ``errno`` (its own text,
#: ``strerror``, is in the system's language, often English).
_SYSTEM_REASONS: Final[Mapping[int, str]] = {
    errno.ENOENT: N_("no such file or folder"),
    errno.EACCES: N_("permission denied"),
    errno.EPERM: N_("operation not permitted"),
    errno.EISDIR: N_("it is a folder"),
    errno.ENOTDIR: N_("a part of the path is not a folder"),
    errno.ENOSPC: N_("no space left on the device"),
    errno.EDQUOT: N_("disk quota exceeded"),
    errno.EROFS: N_("read-only file system"),
    errno.EEXIST: N_("it already exists"),
    errno.ENAMETOOLONG: N_("the name is too long"),
    errno.ELOOP: N_("too many levels of symbolic links"),
    errno.EIO: N_("input/output error"),
    errno.EFBIG: N_("the file is too large"),
    errno.EBADF: N_("the file is closed"),
    errno.EPIPE: N_("the reader has closed the pipe"),
    errno.EBUSY: N_("the device or the file is busy"),
    errno.EXDEV: N_("the link crosses file systems"),
    errno.EINVAL: N_("invalid argument"),
}


def system_reason(err: OSError) -> Message:
    """Why an operation on a file failed, in words: from the error's ``errno``; for an
    unusual one, its symbolic name (``ENOTRECOVERABLE``).

    >>> system_reason(FileNotFoundError(errno.ENOENT, "No such file")).render("fr")
    'fichier ou dossier introuvable'
    >>> system_reason(OSError(errno.ENOTRECOVERABLE, "State not recoverable")).render("en")
    'system error ENOTRECOVERABLE'
    """
    known = _SYSTEM_REASONS.get(err.errno or 0)
    if known is not None:
        return Message(known)
    name = errno.errorcode.get(err.errno or 0, str(err.errno or type(err).__name__))
    return Message(N_("system error {name}"), {"name": name})


class ConventionError(Exception):
    """Root of every error raised by ``mgp_convention``.

    ``message`` is the plain-words explanation (a :class:`~mgp_convention.i18n.Message`
    to say it in the user's language, or a plain text); ``field`` the path of the value
    at fault, if any; ``article`` the rule's reference (``"Art. 12 al. 2"``), if any.
    ``str(err)`` is in English; :meth:`render` says it in a language.
    """

    def __init__(
        self,
        message: str | Message,
        *,
        field: str | None = None,
        article: str | None = None,
    ) -> None:
        super().__init__(message)
        self.text = message
        self.field = field
        self.article = article

    @property
    def message(self) -> str:
        """The explanation, in English."""
        return self.text if isinstance(self.text, str) else self.text.render("en")

    def explanation(self, lang: Lang) -> str:
        """The explanation alone, in ``lang``."""
        return self.text if isinstance(self.text, str) else self.text.render(lang)

    def render(self, lang: Lang) -> str:
        """The whole error in ``lang``: the field, the explanation, the article."""
        explanation = self.explanation(lang)
        text = f"{self.field}: {explanation}" if self.field else explanation
        if self.article:
            text += f" ({self.article})"
        return text

    def __str__(self) -> str:
        return self.render("en")


class InvalidValue(ConventionError, ValueError):
    """A value that breaks a rule of the data model (a bad SIREN, an empty name…)."""


class DateError(InvalidValue):
    """A date that cannot be used: malformed, naive datetime, out of order."""


class MoneyError(InvalidValue):
    """An amount that cannot be used: a float, negative, more than two decimals…"""


class FileFormatError(ConventionError):
    """A convention file that is not JSON, or not a JSON object, or of an unknown version;
    or that cannot be read (missing, too large, not a regular file)."""


class FileWriteError(ConventionError):
    """A file that could not be written (a full disk, no permission, changed meanwhile…);
    the file that was there, if any, is left byte for byte as it was."""


class FileBusyError(FileWriteError):
    """A file that another program is writing: its lock was held past the timeout."""


@attrs.frozen
class Problem:
    """One problem found while loading a file: where (JSON path), what, and which rule."""

    path: str
    message: str | Message
    article: str | None = None

    def render(self, lang: Lang) -> str:
        """The problem in ``lang``: ``path: message (article)``."""
        message = self.message if isinstance(self.message, str) else self.message.render(lang)
        text = f"{self.path}: {message}"
        return f"{text} ({self.article})" if self.article else text

    def __str__(self) -> str:
        return self.render("en")


class LoadError(ConventionError, ValueError):
    """A convention file with one or more problems; ``problems`` lists **every** one, up to
    a limit (the loader's is 100): ``more`` counts those left out.

    >>> print(LoadError([Problem("$.end_date", "required key is missing")], more=1_200))
    $.end_date: required key is missing
    … and 1,200 more problems
    """

    def __init__(self, problems: Iterable[Problem], *, more: int = 0) -> None:
        self.problems: tuple[Problem, ...] = tuple(problems)
        self.more = more
        first = self.problems[0] if self.problems else None
        super().__init__(
            "\n".join(self._lines("en")) or Message(N_("invalid convention")),
            field=first.path if first else None,
            article=first.article if first else None,
        )

    def more_line(self, lang: Lang = "en") -> str | None:
        """``… and N more problems`` in ``lang`` when problems were left out, else ``None``."""
        if not self.more:
            return None
        return Message.counted(
            NP_("… and {count} more problem", "… and {count} more problems"),
            "count",
            {"count": self.more},
        ).render(lang)

    def _lines(self, lang: Lang) -> list[str]:
        more = self.more_line(lang)
        return [p.render(lang) for p in self.problems] + ([more] if more else [])

    def render(self, lang: Lang) -> str:
        """Every problem in ``lang``, one per line."""
        return "\n".join(self._lines(lang)) or self.explanation(lang)

    def __str__(self) -> str:
        return self.render("en")


class EventRefused(ConventionError):
    """A dated event the lifecycle refuses; nothing was changed.

    ``event`` is the event's trigger (``formal_notice_sent``, ``termination:breach``),
    ``state`` the code of the state it was refused in, ``reason`` the unmet condition,
    ``article`` the rule. ``index`` is the event's position in a file's ``events`` list,
    when replaying one. ``state_label`` and ``event_label`` say the state and the event
    in words, for :meth:`render`.
    """

    def __init__(
        self,
        event: str,
        state: str,
        reason: str | Message,
        *,
        article: str | None = None,
        index: int | None = None,
        state_label: Labelled | None = None,
        event_label: Labelled | None = None,
    ) -> None:
        self.event = event
        self.state = state
        self.reason = reason
        self.index = index
        self.state_label = state_label
        self.event_label = event_label
        super().__init__(
            Message(
                N_("cannot record {event} (state: {state}): {reason}"),
                {
                    "event": event_label if event_label is not None else repr(event),
                    "state": state_label if state_label is not None else repr(state),
                    "reason": reason,
                },
            ),
            field=f"$.events[{index}]" if index is not None else None,
            article=article,
        )

    def explain_reason(self, lang: Lang) -> str:
        """The unmet condition alone, in ``lang``."""
        return self.reason if isinstance(self.reason, str) else self.reason.render(lang)


@attrs.frozen
class MissingValue:
    """A value a document needs and the file lacks: where it goes, and where it comes from.

    ``field`` is the JSON path of the value in the convention file
    (``$.experiment.reduced_usage_after``), ``placeholder`` the contract's placeholder it
    fills (``[Date]``), ``article`` where that placeholder stands (``Art. 5 al. 5``),
    ``words`` the contract's words around it, so that a reader knows which ``[Date]``
    it is, and ``reason`` what is wrong when the value is there but cannot be used.
    """

    field: str
    placeholder: str
    article: str
    words: str
    reason: str | Message | None = None

    def render(self, lang: Lang) -> str:
        """The missing value in ``lang``: where, why, and the contract's words."""
        why = self.reason if self.reason is not None else Message(N_("no value in the file"))
        return Message(
            N_("{field}: {why}, needed for {placeholder} ({article}: « {words} »)"),
            {
                "field": self.field,
                "why": why,
                "placeholder": self.placeholder,
                "article": self.article,
                "words": self.words,
            },
        ).render(lang)

    def __str__(self) -> str:
        return self.render("en")


class MissingData(ConventionError, ValueError):
    """A document that cannot be filled: ``missing`` lists **every** value it lacks.

    ``kind`` is the document's kind (``convention``); nothing is written.
    """

    def __init__(self, kind: str, missing: Iterable[MissingValue]) -> None:
        self.kind = kind
        self.missing: tuple[MissingValue, ...] = tuple(missing)
        first = self.missing[0] if self.missing else None
        super().__init__(
            "\n".join(str(m) for m in self.missing) or f"the {kind} lacks data",
            field=first.field if first else None,
            article=first.article if first else None,
        )

    def render(self, lang: Lang) -> str:
        """Every missing value, one per line, in ``lang``."""
        return "\n".join(missing.render(lang) for missing in self.missing) or self.message

    def __str__(self) -> str:
        return self.message


class TemplateProblem(ConventionError):
    """A .docx template that cannot be used for a kind of document.

    ``missing_tags`` are the tags the kind needs and the template lacks (the document
    would leave out a value of the contract); ``unknown_tags`` the tags the template
    uses and the kind does not provide; both empty when the template is not a .docx
    file or its tags are malformed (the message says which).
    """

    def __init__(
        self,
        message: str | Message,
        *,
        template: str,
        missing_tags: Iterable[str] = (),
        unknown_tags: Iterable[str] = (),
    ) -> None:
        self.template = template
        self.missing_tags: tuple[str, ...] = tuple(sorted(missing_tags))
        self.unknown_tags: tuple[str, ...] = tuple(sorted(unknown_tags))
        super().__init__(message, field=template)


class LetterRefused(ConventionError):
    """A letter the contract does not allow on its date (Art. 9, 12): nothing is written.

    ``kind`` is the letter's kind (``mise-en-demeure``…), ``reason`` why it is refused
    (the lifecycle's own reason when it refuses the event the letter stands for: a
    formal notice already sent, thirty days not yet run out…), ``article`` the rule.
    """

    def __init__(
        self,
        kind: str,
        reason: str | Message,
        *,
        article: str | None = None,
        field: str | None = None,
    ) -> None:
        self.kind = kind
        self.reason = reason
        super().__init__(reason, field=field, article=article)
