"""``mgp-convention document FILE KIND`` for the letters: options in French and English,
exit codes (0 written, 1 refused by the contract or an invalid file, 2 usage), never a
traceback.

The files are the example convention (signed on 12 and 19 November 2026) with a breach
recorded on 30 November 2026, and, for some, its formal notice sent on 2 December 2026
(thirty days to Monday 4 January 2027: day 30 is 1 January, a public holiday, then a
week-end).
"""

from __future__ import annotations

import io
from pathlib import Path

import attrs
import docx
import pytest

from mgp_convention.cli import main
from mgp_convention.events import Ground, Termination
from mgp_convention.io import dumps

from _builders import EXAMPLE, D, breach, convention, notice


def text_of(path: Path) -> str:
    document = docx.Document(io.BytesIO(path.read_bytes()))
    text = "\n".join(p.text for p in document.paragraphs)
    return text.replace("\u00a0", " ").replace("\u202f", " ")


def run(args: list[str], capsys: pytest.CaptureFixture[str]) -> tuple[int, str, str]:
    try:
        code = main(args)
    except SystemExit as exit_:  # argparse's usage errors
        code = int(exit_.code or 0)
    captured = capsys.readouterr()
    return code, captured.out, captured.err


@pytest.fixture
def workdir(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    monkeypatch.chdir(tmp_path)
    monkeypatch.setenv("MGP_CONVENTION_LANG", "fr")
    (tmp_path / "ouvert.json").write_text(dumps(convention(breach(D(2026, 11, 30), "B1"))))
    notified = convention(breach(D(2026, 11, 30), "B1"), notice(D(2026, 12, 2), "B1"))
    (tmp_path / "notifie.json").write_text(dumps(notified))
    return tmp_path


def test_the_notice_is_written_under_its_kind(
    workdir: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    code, out, err = run(
        ["document", "ouvert.json", "mise-en-demeure", "--on", "2026-12-02"], capsys
    )
    assert (code, out.strip(), err) == (0, "MGP-AM-2026-EX-001-mise-en-demeure.docx", "")
    assert "ce délai expire le lundi 4 janvier 2027" in text_of(workdir / out.strip())


def test_english_names_of_the_kind_and_the_options(
    workdir: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    code, _out, _err = run(
        ["document", "ouvert.json", "formal-notice", "--breach", "B1", "--on", "2026-12-02"],
        capsys,
    )
    assert code == 0
    assert (workdir / "MGP-AM-2026-EX-001-mise-en-demeure.docx").exists()


def test_a_letter_is_dated_today_in_paris_by_default(
    workdir: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(
        "mgp_convention.cli._document_letters.today_in_paris", lambda: D(2026, 12, 2)
    )
    code, out, _err = run(["document", "ouvert.json", "mise-en-demeure"], capsys)
    assert code == 0
    assert "Paris, le 2 décembre 2026" in text_of(workdir / out.strip())


def test_a_notice_already_sent_is_refused_with_its_article(
    workdir: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    code, out, err = run(
        ["document", "notifie.json", "mise-en-demeure", "--manquement", "B1", "--on", "2026-12-09"],
        capsys,
    )
    assert (code, out) == (1, "")
    assert err.startswith("error: notifie.json: mise-en-demeure: le manquement B1 a déjà fait")
    assert "(Art. 12 al. 2)" in err
    assert sorted(p.name for p in workdir.iterdir()) == ["notifie.json", "ouvert.json"]


def test_the_convocation_takes_the_hearing_in_french_or_english(
    workdir: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    french = [
        "--lieu",
        "Salle 3",
        "--date-audition",
        "2027-01-15",
        "--heure-audition",
        "10:30",
        "--justificatifs-avant",
        "2027-01-12",
    ]
    english = [
        "--place",
        "Salle 3",
        "--hearing-date",
        "2027-01-15",
        "--hearing-time",
        "10h30",
        "--justifications-by",
        "2027-01-12",
    ]
    texts = []
    for options in (french, english):
        code, out, err = run(
            [
                "document",
                "notifie.json",
                "convocation-art9",
                "--on",
                "2027-01-06",
                "--force",
                *options,
            ],
            capsys,
        )
        assert (code, err) == (0, "")
        texts.append(text_of(workdir / out.strip()))
    assert texts[0] == texts[1]
    assert "entendus le vendredi 15 janvier 2027 à 10 h 30, au lieu suivant : Salle 3." in texts[0]


@pytest.mark.parametrize(
    ("args", "words"),
    [
        (["convocation-art9", "--on", "2027-01-06"], "a convocation names the place"),
        (
            ["convocation-art9", "--on", "2027-01-06", "--lieu", "Salle 3"],
            "names both the place (--lieu/--place) and the date",
        ),
        (
            [
                "convocation-art9",
                "--on",
                "2027-01-06",
                "--lieu",
                "S",
                "--date-audition",
                "2027-01-06",
            ],
            "--date-audition/--hearing-date: the hearing (2027-01-06) must come after",
        ),
        (
            [
                "convocation-art9",
                "--lieu",
                "S",
                "--date-audition",
                "2027-01-15",
                "--heure-audition",
                "midi",
            ],
            "invalid time 'midi'",
        ),
        (
            [
                "convocation-art9",
                "--lieu",
                "S",
                "--date-audition",
                "2027-01-15",
                "--justificatifs-avant",
                "2027-01-16",
            ],
            "--justificatifs-avant/--justifications-by: the written justifications are "
            "expected by 2027-01-16, after the hearing",
        ),
        (["mise-en-demeure", "--lieu", "Salle 3"], "--lieu/--place is not an option of the"),
        (["mise-en-demeure", "--motif", "manquement"], "--motif/--ground is not an option"),
        (["convention", "--manquement", "B1"], "--manquement/--breach is not an option"),
        (["decision-resiliation", "--motif", "faute"], "unknown ground 'faute'"),
        (
            ["decision-resiliation", "--on", "2027-01-05"],
            "--motif/--ground: no termination is recorded in the file",
        ),
        (
            ["decision-resiliation", "--motif", "manquement", "--poste", "frais"],
            # French by default (MGP_CONVENTION_LANG=fr), naming the option as the
            # document's other errors do (--poste/--item), not --item alone.
            "--poste/--item 'frais': aucun montant : écrivez LIBELLÉ=MONTANT",
        ),
        (
            ["decision-resiliation", "--motif", "manquement", "--decompte-jusqu-au", "claim"],
            "applies only with --dossier DIR",
        ),
    ],
    ids=[
        "no hearing",
        "no hearing date",
        "hearing on the letter's day",
        "bad time",
        "justifications after the hearing",
        "hearing option to a notice",
        "ground to a notice",
        "breach to the convention",
        "unknown ground",
        "no ground",
        "item without amount",
        "count without folder",
    ],
)
def test_usage_errors_exit_2_naming_the_option(
    workdir: Path, capsys: pytest.CaptureFixture[str], args: list[str], words: str
) -> None:
    code, out, err = run(["document", "notifie.json", *args], capsys)
    assert (code, out) == (2, "")
    assert words in err
    assert "Traceback" not in err


def test_a_termination_before_the_thirty_days_ran_out_exits_1(
    workdir: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    code, _out, err = run(
        [
            "document",
            "notifie.json",
            "decision-resiliation",
            "--motif",
            "manquement",
            "--on",
            "2027-01-04",
        ],
        capsys,
    )
    assert code == 1
    assert "jusqu'au lundi 4 janvier 2027 inclus" in err
    assert "(Art. 12 al. 2)" in err


def test_the_decision_with_its_items_and_a_folder(
    workdir: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    folder = workdir / "dossier"
    folder.mkdir()
    other = attrs.evolve(
        EXAMPLE,
        reference="MGP-AM-2026-EX-002",
        beneficiary=attrs.evolve(EXAMPLE.beneficiary, siren="999000029"),
    )
    (folder / "autre.json").write_text(dumps(other))
    (folder / "casse.json").write_text("{")
    code, out, err = run(
        [
            "document",
            "notifie.json",
            "decision-resiliation",
            "--motif",
            "manquement",
            "--on",
            "2027-01-05",
            "--poste",
            "frais de relance=1500.00",
            "--dossier",
            "dossier",
        ],
        capsys,
    )
    assert code == 0
    assert err.startswith("warning: ")
    assert "casse.json" in err
    text = text_of(workdir / out.strip())
    assert "180 000,00 € TTC ÷ 2 bénéficiaires" in text
    assert "Montant total de l'indemnité réclamée\t91 500,00 €" in text


def test_the_decision_without_the_indemnity(
    workdir: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    code, out, _err = run(
        [
            "document",
            "notifie.json",
            "decision-resiliation",
            "--motif",
            "breach",
            "--on",
            "2027-01-05",
            "--sans-indemnite",
        ],
        capsys,
    )
    assert code == 0
    assert "€" not in text_of(workdir / out.strip())


def test_the_decision_recorded_in_the_file_takes_its_date(
    workdir: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    recorded = convention(
        breach(D(2026, 11, 30), "B1"),
        notice(D(2026, 12, 2), "B1"),
        Termination(D(2027, 1, 5), ground=Ground.BREACH, breach="B1", notified_on=D(2027, 1, 7)),
    )
    (workdir / "resiliee.json").write_text(dumps(recorded))
    code, out, err = run(["document", "resiliee.json", "decision-resiliation"], capsys)
    assert code == 0
    assert err.startswith("warning: resiliee.json: ")  # no Art. 9 step was recorded
    text = text_of(workdir / out.strip())
    assert "Paris, le 5 janvier 2027" in text
    assert "prend effet à la date de sa notification, le 7 janvier 2027" in text
    code, _out, err = run(
        ["document", "resiliee.json", "decision-resiliation", "--motif", "sanction", "--force"],
        capsys,
    )
    assert code == 1
    assert "une résiliation est déjà enregistrée dans le fichier" in err


def test_the_lifecycle_s_advisories_are_warnings(
    workdir: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    code, _out, err = run(
        [
            "document",
            "notifie.json",
            "decision-resiliation",
            "--motif",
            "manquement",
            "--on",
            "2027-01-05",
        ],
        capsys,
    )
    assert code == 0
    assert err.startswith("warning: notifie.json: pour le manquement B1, les justificatifs")
    assert err.rstrip().endswith("(Art. 9)")
