"""The catalog matches the FISC guide: counts, order, notes, references, clean text."""

from __future__ import annotations

import re
import tomllib
from pathlib import Path

import pytest

from interview.catalog import Party
from interview.datapaths import catalog_dir

ARTIFACTS = {
    "html tag": re.compile(r"</?(p|sup|br)>"),
    "escaped underscore": re.compile(r"\\_"),
    "space inside Japanese": re.compile(r"[ぁ-んァ-ヶー一-龠々][ \u3000][ぁ-んァ-ヶー一-龠々]"),
    "space between API and Japanese": re.compile(r"API [ぁ-んァ-ヶ一-龠]"),
    "markdown heading": re.compile(r"^#+ "),
    "simplified-Chinese OCR slip": re.compile(
        r"[设举计说证录关务络据库应处现发开门问题认识进产业传输单这们为会过还种从车长见觉观规让话语读请谢调论访评词试该详误课谈贵资质购转轻较输边达过运还这进远连选递逻释针钟钥钱铁银链锁错键镜闭闲间阅队阶际险随隐难页项顺须顾预领频题额风飞验]"
    ),
    "half-width paren around Japanese": re.compile(r"\([^()]*[ぁ-んァ-ヶ一-龠][^()]*\)"),
}
# Japanese characters that the simplified-Chinese pattern above would also catch.
ALLOWED_SHARED = set("会数随来系")


def all_strings(value: object) -> list[str]:
    if isinstance(value, str):
        return [value]
    if isinstance(value, dict):
        return [s for v in value.values() for s in all_strings(v)]
    if isinstance(value, list):
        return [s for v in value for s in all_strings(v)]
    return []


def test_nine_categories_and_44_items(catalog):
    assert [c.no for c in catalog.categories] == list(range(1, 10))
    assert [i.no for i in catalog.items] == list(range(1, 45))
    ranges = [(c.first, c.last) for c in catalog.categories]
    assert ranges == [
        (1, 9),
        (10, 11),
        (12, 16),
        (17, 17),
        (18, 20),
        (21, 28),
        (29, 35),
        (36, 42),
        (43, 44),
    ]
    for category in catalog.categories:
        assert all(catalog.item(n).category == category.no for n in category.item_numbers)
        assert category.purpose.endswith("確認する。")


def test_party_counts(catalog):
    parties = [i.party for i in catalog.items]
    assert parties.count(Party.API_CONNECTOR) == 30
    assert parties.count(Party.FINANCIAL_INSTITUTION) == 6
    assert parties.count(Party.COMMON) == 8
    assert len(catalog.items_for(Party.API_CONNECTOR)) == 38
    assert len(catalog.items_for(Party.FINANCIAL_INSTITUTION)) == 14


def test_groups_and_examples_in_guide_order(catalog):
    for item in catalog.items:
        assert [g.no for g in item.method_groups] == list(range(1, len(item.method_groups) + 1))
        for group in item.method_groups:
            assert [e.no for e in group.examples] == list(range(1, len(group.examples) + 1))
            for example in group.examples:
                assert example.id == f"{item.no}.{group.no}.{example.no}"
    # Spot checks against the guide's headings.
    assert [g.heading for g in catalog.item(30).method_groups] == [
        "安全管理措置の実施",
        "データの保護・管理",
        "暗号化処理",
        "不正アクセス検知",
        "テストデータの取扱い",
    ]
    assert catalog.item(1).method_groups[0].examples[0].text == (
        "セキュリティ管理に関する最高責任者を明確化し、セキュリティ管理の職務範囲を認識している。"
    )
    assert catalog.example("29.1.1").text.startswith(
        "自社サービスで取り扱われるデータのうち、公開されるべきではないデータを列挙可能で"
    )


def test_every_numbered_example_of_the_guide_is_in_the_catalog(catalog):
    # The guide's section 6 numbers 182 手法例 ("1. …" lines); the "173" is a miscount.
    assert len([e for i in catalog.items for e in i.examples]) == 182


def test_every_referenced_note_exists_and_notes_are_structured(catalog):
    for item in catalog.items:
        numbers = [n.no for n in item.notes]
        assert numbers == list(range(1, len(numbers) + 1)), item.no
        referenced = {n for e in item.examples for n in e.notes}
        assert referenced == set(numbers), item.no
        for note in item.notes:
            assert note.points or note.intro, (item.no, note.no)
            labels = [p.label for p in note.points]
            assert labels == list("①②③④⑤⑥⑦⑧⑨⑩")[: len(labels)], (item.no, note.no)
    note = catalog.item(2).note(1)
    assert [s.label for s in note.points[1].subpoints] == list("abcdef")
    assert catalog.item(35).note(1).points[2].subpoints[3].bullets[0] == "OSの起動及び終了"
    assert catalog.item(9).note(2).intro == "金融機関側の連絡先の例："
    assert catalog.item(27).note(5).outro[0].startswith("※CVSS深刻度レベル3とは")
    assert catalog.item(39).method_groups[0].examples[1].notes == (1, 2)


def test_references_are_parsed(catalog):
    empty = [i.no for i in catalog.items if i.references.is_empty]
    assert empty == [8, 24, 25, 37]
    for item in catalog.items:
        refs = item.references
        if refs.is_empty:
            continue
        assert refs.zenginkyo or refs.fisc
        for code in refs.zenginkyo:
            assert re.fullmatch(r"3\.[34]\.\d [a-z]", code), code
        for code in refs.fisc:
            assert re.fullmatch(r"[統実監]\d+", code), code
        sources = {s.source for s in refs.sections}
        expected = {
            name for name, codes in (("zenginkyo", refs.zenginkyo), ("fisc", refs.fisc)) if codes
        }
        assert sources == expected
        # every normalised code appears in the display text
        text = refs.text
        for code in refs.fisc:
            assert code in text
        for code in refs.zenginkyo:
            section, letter = code.split()
            assert re.search(rf"{re.escape(section)} .*\b{letter}\b", text), code
    assert catalog.item(1).references.fisc == ("統4", "統6", "統7", "統8")
    assert catalog.item(3).references.zenginkyo == ("3.3.1 d", "3.3.3 e")
    assert catalog.item(3).references.fisc == ("統13", "統14", "監1")
    assert catalog.item(13).references.zenginkyo == ("3.4.2 i", "3.4.2 j")
    assert catalog.item(33).references.fisc == ("実142", "実143", "実144")
    assert catalog.item(41).references.zenginkyo == ("3.3.2 g", "3.3.2 m")


def test_glossary(catalog):
    terms = [t.term for t in catalog.glossary]
    assert len(terms) == 64
    assert len(set(terms)) == 64
    for required in (
        "API接続先",
        "情報セキュリティ監査報告書",
        "合意された手続報告書",
        "IT委員会実務指針7号",
        "多要素認証",
    ):
        assert required in terms
    for term in catalog.glossary:
        assert term.pages and all(1 <= p <= 90 for p in term.pages)
        assert term.description.endswith(("。", "）"))
        assert re.fullmatch(r"[ァ-ヶー]+", term.yomi), term.term
    mfa = next(t for t in catalog.glossary if t.term == "多要素認証")
    assert "ワンタイムパスワード" in mfa.description


def test_usage_notes_and_edition(catalog):
    assert catalog.usage.certification_items == (3, 8, 9, 13, 14, 21, 24, 27, 33)
    assert any("リスクベースアプローチ" in p for p in catalog.usage.risk_based_approach.paragraphs)
    assert any("モニタリング" in p for p in catalog.usage.monitoring.paragraphs)
    assert catalog.edition.edition == "2018年10月版"
    assert catalog.edition.revised == "2019年9月27日一部改訂"


def test_no_artifacts_in_any_string():
    for path in sorted(catalog_dir().rglob("*.toml")):
        data = tomllib.loads(path.read_text(encoding="utf-8"))
        for text in all_strings(data):
            for name, pattern in ARTIFACTS.items():
                hits = [m.group(0) for m in pattern.finditer(text)]
                if name == "simplified-Chinese OCR slip":
                    hits = [h for h in hits if h not in ALLOWED_SHARED]
                assert not hits, f"{path.name}: {name}: {hits} in {text[:60]!r}"


def test_no_person_names_or_member_lists():
    blob = "\n".join(p.read_text(encoding="utf-8") for p in catalog_dir().rglob("*.toml"))
    for marker in ("委員名簿", "敬称略", "座長", "事務局スタッフ", "オブザーバー"):
        assert marker not in blob


def test_loader_reports_file_line_and_field(tmp_path: Path):
    import shutil

    from interview.catalog import CatalogError, load_catalog

    broken = tmp_path / "catalog"
    shutil.copytree(catalog_dir(), broken)
    path = broken / "items" / "05.toml"
    text = path.read_text(encoding="utf-8").replace('party = "api_connector"', 'party = "bank"')
    path.write_text(text, encoding="utf-8")
    with pytest.raises(CatalogError) as info:
        load_catalog(broken)
    message = str(info.value)
    assert "05.toml" in message and "party" in message
    assert info.value.line == text.splitlines().index('party = "bank"') + 1

    path.write_text('no = 5\ngoal = "unterminated\n', encoding="utf-8")
    with pytest.raises(CatalogError, match=r"05\.toml 2行目"):
        load_catalog(broken)


def test_catalog_is_loaded_once():
    from interview.catalog import load_catalog

    assert load_catalog() is load_catalog()
