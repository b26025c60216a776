"""``mgp-convention deadline``: the Art. 12 al. 2 remedy deadline from the command line."""

from __future__ import annotations

import json

import pytest

from mgp_convention.cli import main


def run(capsys: pytest.CaptureFixture[str], *args: str) -> tuple[int, str, str]:
    try:
        code = main(["deadline", *args])
    except SystemExit as exit_:
        code = int(exit_.code or 0)
    captured = capsys.readouterr()
    return code, captured.out, captured.err


def test_human_output_is_one_paragraph(capsys: pytest.CaptureFixture[str]) -> None:
    code, out, err = run(capsys, "2026-12-02")
    assert code == 0
    assert err == ""
    assert out.count("\n") == 1
    assert "mercredi 2 décembre 2026" in out
    assert "vendredi 1er janvier 2027 (jour férié : 1er janvier)" in out
    assert "expire le lundi 4 janvier 2027 à 24 h" in out
    assert "Art. 12 al. 2" in out


def test_english(capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = run(capsys, "2026-12-02", "--lang", "en")
    assert code == 0
    assert "The deadline to remedy the breach is Monday 4 January 2027 at midnight" in out


def test_json(capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = run(capsys, "2026-12-02", "--json")
    assert code == 0
    data = json.loads(out)
    assert data["sent_on"] == "2026-12-02"
    assert data["nominal_expiry"] == "2027-01-01"
    assert data["expires_on"] == "2027-01-04"
    assert [(s["date"], s["reason"]) for s in data["skipped"]] == [
        ("2027-01-01", "jour férié : 1er janvier"),
        ("2027-01-02", "samedi"),
        ("2027-01-03", "dimanche"),
    ]
    assert "CPC 642 al. 2" in data["rule"]
    assert data["article"] == "Art. 12 al. 2"


def test_datetime_with_offset_is_its_paris_date(capsys: pytest.CaptureFixture[str]) -> None:
    # 27 Mar 2026 23:30 UTC is 00:30 on 28 March in Paris
    code, out, _ = run(capsys, "2026-03-27T23:30:00Z", "--json")
    assert code == 0
    data = json.loads(out)
    assert data["sent_on"] == "2026-03-28"
    assert data["expires_on"] == "2026-04-27"
    code, out, _ = run(capsys, "2026-03-28T00:30:00+01:00", "--json")
    assert json.loads(out)["sent_on"] == "2026-03-28"


def test_options(capsys: pytest.CaptureFixture[str]) -> None:
    # no extension: day 30 (Fri 1 Jan 2027, a holiday) stays
    assert json.loads(run(capsys, "2026-12-02", "--no-extend", "--json")[1])["expires_on"] == (
        "2027-01-01"
    )
    # 10 days from Thu 1 Oct 2026: Sun 11 Oct → Mon 12 Oct
    data = json.loads(run(capsys, "2026-10-01", "--days", "10", "--json")[1])
    assert data["expires_on"] == "2026-10-12"
    assert data["days"] == 10
    # closed days, repeated and several at once: 4, 5 Jan 2027 closed → Wed 6 Jan
    data = json.loads(
        run(capsys, "2026-12-02", "--closed", "2027-01-04", "--closed", "2027-01-05", "--json")[1]
    )
    assert data["expires_on"] == "2027-01-06"
    assert data["extra_closed_days"] == ["2027-01-04", "2027-01-05"]
    data = json.loads(
        run(capsys, "2026-12-02", "--json", "--closed", "2027-01-04", "2027-01-05")[1]
    )
    assert data["expires_on"] == "2027-01-06"
    # receipt: received Wed 25 Nov 2026; day 30 = Fri 25 Dec → Mon 28 Dec
    data = json.loads(run(capsys, "2026-11-20", "--received", "2026-11-25", "--json")[1])
    assert data["count_from"] == "receipt"
    assert data["start_on"] == "2026-11-25"
    assert data["expires_on"] == "2026-12-28"
    # délai franc: Mon 2 Mar 2026 → day 31 = Thu 2 Apr 2026
    data = json.loads(run(capsys, "2026-03-02", "--franc", "--json")[1])
    assert data["nominal_expiry"] == data["expires_on"] == "2026-04-02"


@pytest.mark.parametrize(
    ("args", "message"),
    [
        pytest.param(["2026-03-28T00:30:00"], "sans décalage horaire", id="naive-datetime"),
        pytest.param(["2026-02-30"], "date non valable", id="no-such-day"),
        pytest.param(["28/03/2026"], "date non valable", id="french-format"),
        pytest.param(["2026-12-02", "--days", "0"], "--days", id="zero-days"),
        pytest.param(["2026-12-02", "--days", "x"], "--days", id="days-not-a-number"),
        pytest.param(["2026-12-02", "--closed", "soon"], "--closed", id="bad-closed-day"),
        pytest.param(
            ["2026-12-02", "--received", "2026-11-01"], "avant d'avoir été envoyée", id="early"
        ),
        pytest.param(["2100-12-20"], "ENVOI: aucun jour férié connu pour 2101", id="beyond-data"),
        pytest.param([], "ENVOI", id="missing-sent"),
    ],
)
def test_bad_input_is_a_usage_error(
    capsys: pytest.CaptureFixture[str], args: list[str], message: str
) -> None:
    code, out, err = run(capsys, *args)
    assert code == 2
    assert out == ""
    assert message in err
    assert "Traceback" not in err
    assert err.strip().splitlines()[-1].startswith("mgp-convention")


def test_help(capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = run(capsys, "--help")
    assert code == 0
    assert "Calculer le délai dont le bénéficiaire dispose" in out
    assert "Art. 12 al. 2" in out
    assert "--no-extend" in out
    assert "--received" in out
    with pytest.raises(SystemExit):
        main(["--help"])
    assert "deadline" in capsys.readouterr().out
