"""``mgp-convention document FILE KIND [-o OUT.docx]``: a document of the contract, as .docx.

The kinds: the filled convention, and the three letters of Art. 9 and 12 (the formal
notice, the Art. 9 convocation, the termination decision), whose options are in
:mod:`._document_letters`. A letter the contract does not allow on its date is refused
with the rule's reason and article (exit 1).
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path
from typing import Any

from mgp_convention.cli._common import (
    EXIT_INVALID,
    EXIT_OK,
    EXIT_USAGE,
    UsageError,
    date_argument,
    error_line,
    lang_of,
    read_convention,
)
from mgp_convention.cli._document_letters import add_letter_options, letter_request, usage_error
from mgp_convention.documents.kinds import KINDS
from mgp_convention.errors import InvalidValue, LetterRefused, MissingData, TemplateProblem

#: Every name of every kind (English and French), for argparse's check.
KIND_NAMES = tuple(name for kind in KINDS.values() for name in kind.names)
#: The option that gives each field of the signatory.
_SIGNATORY_OPTIONS = {
    "name": "--signatory",
    "title": "--signatory-title",
    "civility": "--signatory-civility",
}

_EPILOG = """\
kinds:
  convention            the convention d'engagement, its text word for word with
                        every placeholder filled from the file (parties, SIREN,
                        representative, theme, objectives, durations, the Art. 5
                        dates, the end date, the signatures)
  mise-en-demeure       (formal-notice) the registered letter of Art. 12 for an open
                        breach without a notice (--manquement B1), sent on --on: the
                        obligation and its article, Art. 12 quoted, the deadline of the
                        thirty days written out and how it is counted, what follows
  convocation-art9      (art9-hearing) the invitation to present justifications and be
                        heard (Art. 9) for a breach still a ground: --lieu, --date-audition
                        [--heure-audition] [--justificatifs-avant]
  decision-resiliation  (termination-decision) the termination recorded in the file, or
                        the one --motif asks for on --on: the facts and their dates, the
                        articles, the effective date, the indemnity of Art. 12 when due
                        (--poste LABEL=AMOUNT, --dossier DIR, --sans-indemnite), the
                        means and time limit of appeal

A letter is dated --on (default: today in Europe/Paris; a decision recorded in the file:
its own date). It is refused, naming the reason and the article, when the lifecycle
does not allow the event it stands for on that date: a formal notice for a breach
already notified, closed or unknown; a convocation when the breach is no longer a
ground; a termination before the thirty days ran out. A letter that names a breach may
leave --manquement out only when exactly one breach is open.

The file is written atomically: a temporary file in the same folder, synced to the
disk, then renamed; on any failure an existing file is left as it was. An existing
file is replaced only with --force. With -o -, the .docx is written to standard
output (not to a terminal).

A file lacking a value the document needs (e.g. no experiment.reduced_usage_after for
« au-delà de [Date] ») is refused, with every missing field and its placeholder: no
« [placeholder] » is ever left in a document.

The Métropole signs through its President, Patrick Ollier, unless --signatory says
otherwise; the words around the name agree with --signatory-civility (« son
Président », « sa Présidente », « dûment mandatée »).

--template takes the Métropole's own letterhead version of the kind's template (a
.docx with the same Jinja tags, e.g. {{ beneficiary_name }}); a template lacking a tag
the kind needs, or using one it does not provide, is refused with the tags' names.

exit status: 0 written; 1 invalid file, a value missing, or a letter the contract does
not allow on its date; 2 usage error (unknown kind, bad option or template, an option
of another kind, existing output without --force, cannot write).

examples:
  mgp-convention document examples/01-valmont-signee.json convention
  mgp-convention document ma-convention.json convention -o convention.docx --force
  mgp-convention document ma-convention.json convention --template entete-mgp.docx
  mgp-convention document ma-convention.json mise-en-demeure --manquement B1 --on 2026-12-02
  mgp-convention document ma-convention.json convocation-art9 --on 2026-12-23 \\
      --lieu "Salle 3, 15-19 avenue Pierre Mendès-France, 75013 Paris" \\
      --date-audition 2027-01-12 --heure-audition 10:30 --justificatifs-avant 2027-01-08
  mgp-convention document ma-convention.json decision-resiliation --on 2027-01-20 \\
      --motif manquement --poste "frais de relance=1500.00" --dossier conventions/
"""


def register(subparsers: argparse._SubParsersAction[Any]) -> None:
    """Add ``document`` to the command line."""
    parser = subparsers.add_parser(
        "document",
        help="write a document of the contract (.docx): the filled convention, the letters "
        "of Art. 9 and 12",
        description=(
            "Write a document the contract calls for, as a Word file (.docx), filled "
            "from a convention file."
        ),
        epilog=_EPILOG,
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    parser.add_argument("file", metavar="FILE", help="a convention file (- for stdin)")
    parser.add_argument(
        "kind", metavar="KIND", choices=KIND_NAMES, help=f"one of: {', '.join(KIND_NAMES)}"
    )
    parser.add_argument(
        "-o",
        "--output",
        metavar="OUT.docx",
        default=None,
        help="the file to write, - for standard output "
        "(default: REFERENCE-KIND.docx in the current folder)",
    )
    parser.add_argument("--force", action="store_true", help="replace OUT.docx if it exists")
    parser.add_argument(
        "--on",
        type=date_argument,
        default=None,
        metavar="DATE",
        help="the date of a letter, YYYY-MM-DD (default: today in Europe/Paris); not for "
        "the convention, whose terms are those of the file",
    )
    parser.add_argument(
        "--template", metavar="T.docx", default=None, help="a letterhead version of the template"
    )
    parser.add_argument(
        "--signatory",
        metavar="NAME",
        default="Patrick Ollier",
        help="who signs for the Métropole (default: Patrick Ollier); a surname written "
        "in capitals is kept so under the signature",
    )
    parser.add_argument(
        "--signatory-title",
        metavar="TITLE",
        default="Président",
        help="their title, without article (default: Président)",
    )
    parser.add_argument(
        "--signatory-civility",
        choices=("Monsieur", "Madame"),
        default="Monsieur",
        help="their civility (default: Monsieur)",
    )
    add_letter_options(parser)
    parser.set_defaults(run=_run)


def _error(source: str, text: str) -> None:
    for line in text.splitlines():
        print(f"error: {source}: {line}", file=sys.stderr)


def _run(args: argparse.Namespace) -> int:
    from mgp_convention import documents  # noqa: PLC0415 - imported when the command runs
    from mgp_convention.documents.files import write_atomically  # noqa: PLC0415

    kind = documents.kind_named(args.kind)
    if args.on is not None and not kind.dated:
        raise UsageError(
            f"--on dates a letter; the {kind.name} shows the terms written in the file "
            "(an amendment is a separate avenant, Art. 11)"
        )
    try:
        signatory = documents.Signatory(
            args.signatory, title=args.signatory_title, civility=args.signatory_civility
        )
    except InvalidValue as err:
        option = _SIGNATORY_OPTIONS.get(err.field or "", "--signatory")
        raise UsageError(f"{option}: {err.message}") from None
    to_stdout = args.output == "-"
    if to_stdout and sys.stdout.isatty():
        raise UsageError("-o -: standard output is a terminal; redirect it, or give a file")
    convention = read_convention(args.file)
    request = letter_request(args, kind, convention, signatory)
    path = Path(args.output or documents.default_file_name(kind, convention))
    if not to_stdout and not args.force and path.exists():
        raise UsageError(f"{path} already exists: add --force to replace it")
    try:
        data = documents.render(kind, convention, request, template=args.template)
    except MissingData as err:
        _error(args.file, str(err))
        return EXIT_INVALID
    except LetterRefused as err:
        _error(args.file, f"{kind.name}: {err.render(lang_of(args))}")
        return EXIT_INVALID
    except TemplateProblem as err:
        _error(err.template, err.message)
        return EXIT_USAGE
    except InvalidValue as err:
        raise usage_error(err) from None
    for advisory in documents.advisories(kind, convention, request):
        error_line(f"warning: {args.file}: {advisory.render(lang_of(args))}")
    if to_stdout:
        sys.stdout.buffer.write(data)
        sys.stdout.buffer.flush()
        return EXIT_OK
    try:
        write_atomically(data, path, overwrite=args.force)
    except FileExistsError:
        raise UsageError(f"{path} already exists: add --force to replace it") from None
    except OSError as err:
        raise UsageError(f"cannot write {str(path)!r}: {err.strerror}") from None
    print(path)
    return EXIT_OK
