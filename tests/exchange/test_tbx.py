from __future__ import annotations

import os
from pathlib import Path

import pytest
from lxml import etree

from glossary.exchange import ExchangeError
from glossary.exchange.tbx import NS_2019, export_tbx, import_tbx
from glossary.model import Status
from tests.exchange.concepts import sample

DATA = Path(__file__).parent.parent / "data" / "exchange"
NS = {"t": NS_2019}
# A git clone of the TBX core structure schema (LTAC-Global/TBX_Core_RNG), named by TBX_CORE_RNG when present.
CORE_RNG = Path(os.environ["TBX_CORE_RNG"]) if os.environ.get("TBX_CORE_RNG") else None


def test_round_trip_keeps_every_field():
    assert import_tbx(export_tbx(sample())) == sample()


def test_export_of_import_is_byte_identical():
    first = export_tbx(sample())
    assert export_tbx(import_tbx(first)) == first


def test_tbx_basic_structure_and_status_values():
    root = etree.fromstring(export_tbx(sample()).encode())
    assert root.tag == f"{{{NS_2019}}}tbx"
    assert (root.get("type"), root.get("style")) == ("TBX-Basic", "dca")
    entries = root.findall("t:text/t:body/t:conceptEntry", NS)
    assert [e.get("id") for e in entries] == ["belt-and-road", "_14th-five-year-plan", "community-shared-future"]
    statuses = [n.text for n in root.iterfind(".//t:termSec/t:termNote[@type='administrativeStatus']", NS)]
    assert set(statuses) == {"preferredTerm-admn-sts", "admittedTerm-admn-sts", "deprecatedTerm-admn-sts", "supersededTerm-admn-sts"}
    langs = [s.get("{http://www.w3.org/XML/1998/namespace}lang") for s in entries[0].findall("t:langSec", NS)]
    assert langs == ["zh", "zh-Hant", "en", "ru"]


def test_only_tbx_basic_data_categories_at_their_levels():
    """The dialect rules of LTAC's TBX-Basic DCA schematron, restated as XPath 1.0."""
    root = etree.fromstring(export_tbx(sample()).encode())
    allowed = {
        "admin": {"source", "customerSubset", "projectSubset"},
        "descrip": {"subjectField", "context", "definition"},
        "termNote": {"administrativeStatus", "partOfSpeech", "geographicalUsage", "grammaticalGender", "termLocation", "termType"},
        "xref": {"externalCrossReference", "xGraphic"},
        "ref": {"crossReference"},
    }
    for el in root.iter():
        name = etree.QName(el).localname
        assert etree.QName(el).namespace == NS_2019
        if name in allowed:
            assert el.get("type") in allowed[name], etree.tostring(el)
        if name == "termNote":
            assert etree.QName(el.getparent()).localname == "termSec"
        if name == "admin" and el.get("type") == "source":
            parent = el.getparent()
            level = parent.getparent() if etree.QName(parent).localname.endswith("Grp") else parent
            assert etree.QName(level).localname in {"conceptEntry", "langSec", "termSec"}
        if name == "termNote" and el.get("type") == "termType":
            assert el.text in {"fullForm", "acronym", "abbreviation", "shortForm", "variant", "phrase"}


@pytest.mark.skipif(CORE_RNG is None or not CORE_RNG.exists(), reason="TBX_CORE_RNG names no clone of the TBX core RNG")
def test_export_validates_against_the_tbx_core_rng():
    import subprocess

    rng = subprocess.run(["git", "-C", str(CORE_RNG), "show", "HEAD:TBXcoreStructV03.rng"], capture_output=True, check=True).stdout
    schema = etree.RelaxNG(etree.fromstring(rng))
    doc = etree.fromstring(export_tbx(sample()).encode())
    assert schema.validate(doc), schema.error_log


def test_tbx_2008_martif_import():
    concepts = import_tbx((DATA / "martif-2008.tbx").read_bytes(), "martif-2008.tbx")
    assert [c.id for c in concepts] == ["c-001", "c-002"]
    sco = concepts[0]
    assert sco.note == "The organisation founded in 2001 in Shanghai."
    assert [(t.lang, t.text, t.status) for t in sco.terms] == [
        ("en", "Shanghai Cooperation Organisation", Status.PREFERRED),
        ("en", "SCO", Status.ADMITTED),
        ("en", "Shanghai Co-operation Pact", Status.DEPRECATED),
        ("ru", "Шанхайская организация сотрудничества", Status.PREFERRED),
    ]
    assert sco.terms[2].note == "Never the official name."
    # A bare free-text source has no date, so it is kept as a note.
    assert sco.terms[3].sources == ()
    assert sco.terms[3].note == "Source: Charter of the organisation"
    assert concepts[1].terms[0].status is Status.ADMITTED  # no status given


@pytest.mark.parametrize("ns", ["urn:iso:std:iso:30042:ed:3.0", None], ids=["ed-3.0", "no-namespace"])
def test_other_2019_namespaces_are_read(ns):
    text = export_tbx(sample()).replace(f' xmlns="{NS_2019}"', "" if ns is None else f' xmlns="{ns}"')
    assert import_tbx(text) == sample()


@pytest.mark.parametrize(
    ("name", "message", "line"),
    [
        ("entity.tbx", "entity declarations are not allowed", 2),
        ("external-entity.tbx", "entity declarations are not allowed", 2),
        ("unclosed.tbx", "not well-formed XML", 4),
        ("unknown-status.tbx", 'unknown administrative status "forbiddenTerm-admn-sts"', 6),
        ("not-tbx.tbx", "not a TBX document (root element <xliff>)", 2),
        ("no-lang.tbx", "<langSec> without xml:lang", 6),
    ],
)
def test_bad_input_names_file_and_line(name, message, line):
    path = DATA / "bad" / name
    with pytest.raises(ExchangeError) as info:
        import_tbx(path.read_bytes(), str(path))
    assert info.value.message.startswith(message)
    assert info.value.line == line
    assert str(info.value).startswith(f"{path}:{line}")


def test_billion_laughs_is_stopped_by_the_projects_check_not_by_libxml2() -> None:
    levels = "".join(f'<!ENTITY l{i} "{("&l%d;" % (i - 1)) * 10}">' for i in range(1, 10))
    bomb = (f'<?xml version="1.0"?>\n<!DOCTYPE tbx [<!ENTITY l0 "lol">{levels}]>\n'
            '<tbx xmlns="urn:iso:std:iso:30042:ed-2" type="TBX-Basic" style="dca" xml:lang="en">'
            '<text><body><conceptEntry id="a"><langSec xml:lang="en"><termSec><term>&l9;</term>'
            '</termSec></langSec></conceptEntry></body></text></tbx>')
    with pytest.raises(ExchangeError) as info:
        import_tbx(bomb.encode(), "bomb.tbx")
    assert str(info.value).startswith("bomb.tbx:2:")
    assert "refused by glossary's own XML check" in info.value.message
    assert "amplification" not in info.value.message
