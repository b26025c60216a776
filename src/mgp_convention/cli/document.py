"""``mgp-convention document FILE KIND [-o OUT.docx]``: a document of the contract, as .docx.

The kinds: the filled convention, and the three letters of Art. 9 and 12 (the formal
notice, the Art. 9 convocation, the termination decision), whose options are in
:mod:`._document_letters`. A letter the contract does not allow on its date is refused
with the rule's reason and article (exit 1).
"""

from __future__ import annotations

import argparse
import sys
from collections.abc import Mapping
from pathlib import Path
from typing import Any, Final

from mgp_convention.cli._common import (
    EXIT_INVALID,
    EXIT_OK,
    EXIT_USAGE,
    UsageError,
    add_lang,
    add_on,
    error_line,
    error_text,
    lang_of,
    read_convention,
)
from mgp_convention.cli._document_letters import add_letter_options, letter_request, usage_error
from mgp_convention.cli._options import wrap
from mgp_convention.cli._parser import speaking_lang, translate
from mgp_convention.documents.kinds import KINDS
from mgp_convention.errors import (
    InvalidValue,
    LetterRefused,
    MissingData,
    TemplateProblem,
    system_reason,
)
from mgp_convention.i18n import N_, Lang, Message, gettext_in
from mgp_convention.printable import printable_path

#: Every name of every kind (English and French), for argparse's check.
KIND_NAMES = tuple(name for kind in KINDS.values() for name in kind.names)
#: The option that gives each field of the signatory.
_SIGNATORY_OPTIONS = {
    "name": "--signatory",
    "title": "--signatory-title",
    "civility": "--signatory-civility",
}

_DESCRIPTION: Final = N_(
    "Write a document the contract calls for, as a Word file (.docx), filled from a "
    "convention file."
)
#: What each kind of document is (under its name, wrapped to 80 columns).
_KIND_HELP: Final[Mapping[str, str]] = {
    "convention": N_(
        "the convention d'engagement, its text word for word with every placeholder "
        "filled from the file (parties, SIREN, representative, theme, objectives, "
        "durations, the Art. 5 dates, the end date, the signatures)"
    ),
    "mise-en-demeure": N_(
        "the registered letter of Art. 12 for an open breach without a notice (--breach "
        "B1), sent on --on: the obligation and its article, Art. 12 quoted, the deadline "
        "of the thirty days written out and how it is counted, what follows"
    ),
    "convocation-art9": N_(
        "the invitation to present justifications and be heard (Art. 9) for a breach "
        "still a ground: --place, --hearing-date [--hearing-time] [--justifications-by]"
    ),
    "decision-resiliation": N_(
        "the termination recorded in the file, or the one --ground asks for on --on: the "
        "facts and their dates, the articles, the effective date, the indemnity of "
        "Art. 12 when due (--item LABEL=AMOUNT, --portfolio DIR, --no-indemnity), the "
        "means and time limit of appeal"
    ),
}
_KINDS_TITLE: Final = N_("kinds of document:")
_EPILOG: Final = (
    N_(
        "A letter is dated --on (default: today in Europe/Paris; a decision recorded in "
        "the file: its own date). It is refused, naming the reason and the article, when "
        "the lifecycle does not allow the event it stands for on that date: a formal "
        "notice for a breach already notified, closed or unknown; a convocation when the "
        "breach is no longer a ground; a termination before the thirty days ran out. A "
        "letter that names a breach may leave --breach out only when exactly one breach "
        "is open."
    ),
    N_(
        "The file is written atomically: a temporary file in the same folder, synced to "
        "the disk, then renamed; on any failure an existing file is left as it was. An "
        "existing file is replaced only with --force. With -o -, the .docx is written to "
        "standard output (not to a terminal)."
    ),
    N_(
        "A file lacking a value the document needs (e.g. no "
        "experiment.reduced_usage_after for « au-delà de [Date] ») is refused, with every "
        "missing field and its placeholder: no « [placeholder] » is ever left in a "
        "document."
    ),
    N_(
        "The Métropole signs through its President, Patrick Ollier, unless --signatory "
        "says otherwise; the words around the name agree with --signatory-civility "
        "(« son Président », « sa Présidente », « dûment mandatée »)."
    ),
    N_(
        "--template takes the Métropole's own letterhead version of the kind's template "
        "(a .docx with the same Jinja tags, e.g. {{ beneficiary_name }}); a template "
        "lacking a tag the kind needs, or using one it does not provide, is refused with "
        "the tags' names."
    ),
    N_(
        "exit status:\n"
        "  0  written\n"
        "  1  invalid file, a value missing, or a letter the contract does not allow on\n"
        "     its date\n"
        "  2  usage error (unknown kind, bad option or template, an option of another\n"
        "     kind, existing output without --force, cannot write)"
    ),
    N_(
        "examples:\n"
        "  mgp-convention document examples/01-valmont-signee.json convention\n"
        "  mgp-convention document conv.json convention -o convention.docx --force\n"
        "  mgp-convention document conv.json convention --template letterhead.docx\n"
        "  mgp-convention document conv.json formal-notice --breach B1 --on 2026-12-02\n"
        "  mgp-convention document conv.json art9-hearing --on 2026-12-23 \\\n"
        '      --place "Salle 3, 15-19 avenue Pierre Mendès-France, 75013 Paris" \\\n'
        "      --hearing-date 2027-01-12 --hearing-time 10:30 \\\n"
        "      --justifications-by 2027-01-08\n"
        "  mgp-convention document conv.json termination-decision --on 2027-01-20 \\\n"
        '      --ground breach --item "frais de relance=1500.00" --portfolio conventions/'
    ),
)


def _kinds_block(lang: Lang) -> str:
    """The kinds of document in ``lang``: each name to type (the other one after it),
    then what it is, kept as written in 80 columns."""
    lines = [gettext_in(lang, _KINDS_TITLE)]
    for kind in KINDS.values():
        names = kind.names if lang == "fr" else tuple(reversed(kind.names))
        lines.append("  " + names[0] + (f" ({names[1]})" if names[1:] else ""))
        lines.extend(wrap(gettext_in(lang, _KIND_HELP[kind.name]), indent="      ", hang="      "))
    return "\n".join(lines)


def register(subparsers: argparse._SubParsersAction[Any]) -> None:
    """Add ``document`` to the command line."""
    lang: Lang = speaking_lang() or "en"
    parser = subparsers.add_parser(
        "document",
        help=N_("write a document of the contract (.docx): the filled convention"),
        description=_DESCRIPTION,
        epilog="\n\n".join([_kinds_block(lang), *(translate(text) for text in _EPILOG)]),
    )
    parser.add_argument(
        "file", metavar=translate(N_("FILE")), help=N_("a convention file ('-' reads stdin)")
    )
    shown = [kind.names[0 if lang == "fr" else -1] for kind in KINDS.values()]
    parser.add_argument(
        "kind",
        metavar=translate(N_("KIND")),
        choices=KIND_NAMES,
        help=translate(N_("the kind of document: {kinds} (see below)"), kinds=", ".join(shown)),
    )
    out = translate(N_("OUT")) + ".docx"
    parser.add_argument(
        "-o",
        "--output",
        metavar=out,
        default=None,
        help=N_(
            "the file to write, - for standard output (default: REFERENCE-KIND.docx in the "
            "current folder)"
        ),
    )
    parser.add_argument(
        "--force",
        action="store_true",
        help=translate(N_("replace {file} if it exists"), file=out),
    )
    add_on(
        parser,
        N_(
            "the date of a letter, YYYY-MM-DD (default: today in Europe/Paris); not for the "
            "convention, whose terms are those of the file"
        ),
    )
    parser.add_argument(
        "--template",
        metavar=translate(N_("TEMPLATE")) + ".docx",
        default=None,
        help=N_("a letterhead version of the template"),
    )
    parser.add_argument(
        "--signatory",
        metavar=translate(N_("NAME")),
        default="Patrick Ollier",
        help=N_(
            "who signs for the Métropole (default: Patrick Ollier); a surname written in "
            "capitals is kept so under the signature"
        ),
    )
    parser.add_argument(
        "--signatory-title",
        metavar=translate(N_("TITLE")),
        default="Président",
        help=N_("their title, without article (default: Président)"),
    )
    parser.add_argument(
        "--signatory-civility",
        choices=("Monsieur", "Madame"),
        default="Monsieur",
        help=N_("their civility (default: Monsieur)"),
    )
    add_letter_options(parser, lang)
    add_lang(parser)
    parser.set_defaults(run=_run)


def _error(source: str, text: str, lang: Lang) -> None:
    for line in text.splitlines():
        error_line(error_text(f"{printable_path(source)}: {line}", lang))


def _exists(path: Path) -> UsageError:
    return UsageError(
        Message(
            N_("{file} already exists: add --force to replace it"), {"file": printable_path(path)}
        )
    )


def _run(args: argparse.Namespace) -> int:
    from mgp_convention import documents  # noqa: PLC0415 - imported when the command runs
    from mgp_convention.documents.files import write_atomically  # noqa: PLC0415

    lang = lang_of(args)
    kind = documents.kind_named(args.kind)
    if args.on is not None and not kind.dated:
        raise UsageError(
            Message(
                N_(
                    "--on dates a letter; the {kind} shows the terms written in the file (an "
                    "amendment is a separate avenant, Art. 11)"
                ),
                {"kind": kind.name},
            )
        )
    try:
        signatory = documents.Signatory(
            args.signatory, title=args.signatory_title, civility=args.signatory_civility
        )
    except InvalidValue as err:
        option = _SIGNATORY_OPTIONS.get(err.field or "", "--signatory")
        raise UsageError(
            Message(N_("{option}: {detail}"), {"option": option, "detail": err.text})
        ) from None
    to_stdout = args.output == "-"
    if to_stdout and sys.stdout.isatty():
        raise UsageError(
            Message(N_("-o -: standard output is a terminal; redirect it, or give a file"))
        )
    convention = read_convention(args.file, lang)
    request = letter_request(args, kind, convention, signatory)
    path = Path(args.output or documents.default_file_name(kind, convention))
    if not to_stdout and not args.force and path.exists():
        raise _exists(path)
    try:
        data = documents.render(kind, convention, request, template=args.template)
    except MissingData as err:
        _error(args.file, err.render(lang), lang)
        return EXIT_INVALID
    except LetterRefused as err:
        _error(args.file, f"{kind.name}: {err.render(lang)}", lang)
        return EXIT_INVALID
    except TemplateProblem as err:
        _error(err.template, err.explanation(lang), lang)
        return EXIT_USAGE
    except InvalidValue as err:
        raise usage_error(err) from None
    for advisory in documents.advisories(kind, convention, request):
        warning = Message(
            N_("warning: {file}: {problem}"),
            {"file": printable_path(args.file), "problem": advisory.render(lang)},
        )
        error_line(warning.render(lang))
    if to_stdout:
        sys.stdout.buffer.write(data)
        sys.stdout.buffer.flush()
        return EXIT_OK
    try:
        write_atomically(data, path, overwrite=args.force)
    except FileExistsError:
        raise _exists(path) from None
    except OSError as err:
        raise UsageError(
            Message(
                N_("cannot write {file}: {reason}"),
                {"file": repr(printable_path(path)), "reason": system_reason(err)},
            )
        ) from None
    print(path)
    return EXIT_OK
