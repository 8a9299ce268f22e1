"""Build the text of chat bubbles (Rich Text, never markup: content is shown literally)."""

from __future__ import annotations

from functools import lru_cache

from rich.text import Text

from interview.catalog.models import Catalog, Note, Party
from interview.engine.answers import Answer
from interview.questions.bank import Question
from interview.questions.models import QuestionKind
from interview.services.live import LiveSession
from interview.textsafe import printable
from interview.tui.keys import QUIT_KEY, key_for


@lru_cache(maxsize=4)
def _terms(catalog: Catalog) -> tuple[str, ...]:
    # Longest first, so 「多要素認証」 wins over 「認証」-like shorter overlaps.
    return tuple(sorted((t.term for t in catalog.glossary), key=len, reverse=True))


def glossary_terms(question: Question, catalog: Catalog) -> list[str]:
    """Glossary terms that occur in the question or its 手法例, in order of appearance."""
    haystack = question.text + (question.example.text if question.example else "")
    found: list[tuple[int, str]] = []
    taken: list[range] = []
    for term in _terms(catalog):
        start = haystack.find(term)
        if start < 0 or any(start in r for r in taken):
            continue
        taken.append(range(start, start + len(term)))
        found.append((start, term))
    return [term for _start, term in sorted(found)]


def _highlight(text: Text, terms: list[str]) -> None:
    for term in terms:
        text.highlight_words([term], style="underline bold")


def welcome(live: LiveSession) -> Text:
    respondent = live.session.respondent
    count = len(live.interview.items)
    if live.session.suggestions:
        return Text(
            f"こんにちは。{printable(respondent.organisation)}さま（{respondent.party.label}）の"
            f"API接続チェックリストを、{count}項目、確認していきます。\n"
            f"{printable(live.session.suggestion_source)}の回答を項目ごとにお見せします。変わりなければ Enter で"
            "項目ごと確定、変わった点があれば 2 で一問ずつ確認します。回答は自動で保存されます。"
        )
    return Text(
        f"こんにちは。{printable(respondent.organisation)}さま（{respondent.party.label}）の"
        f"API接続チェックリストを、{count}項目、一緒に確認していきます。"
        "手法例はグループごとにまとめて伺います（1件だけ変えるときは F12）。\n"
        "回答は自動で保存されます。わからない言葉は F4（用語）、操作は F1（ヘルプ）でいつでも確認できます。"
    )


def item_intro(item_no: int, live: LiveSession) -> Text:
    catalog = live.catalog
    item = catalog.item(item_no)
    category = catalog.category(item.category)
    progress = live.interview.item_progress(item_no)
    text = Text()
    text.append(f"区分{category.no} {category.name}　通番{item.display_no}", style="bold")
    text.append(f"（対象者: {item.party.label}）\n", style="dim")
    text.append("目標: ", style="bold")
    text.append(item.goal + "\n")
    to = addressee(live.session.respondent.organisation, live.session.respondent.party)
    text.append(address(live.questions.intro(item_no), to))
    if progress.answered:
        text.append(f"\n（{progress.total}問中{progress.answered}問は回答済みです）", style="dim")
    request = live.session.review_requests.get(str(item_no))
    if request is not None:
        bank = f"（{printable(request.bank)}）" if request.bank else ""
        text.append(f"\n金融機関からの確認依頼{bank}: {printable(request.verdict)}", style="bold")
        if request.comment:
            text.append("\n" + printable(request.comment))
    return text


def addressee(organisation: str, party: Party) -> str:
    """How our sentences address the respondent: 貴社, or 貴行 / 貴庫 / 貴組合 for a bank."""
    if party is not Party.FINANCIAL_INSTITUTION:
        return "貴社"
    if "信用金庫" in organisation:
        return "貴庫"
    if "組合" in organisation:
        return "貴組合"
    return "貴行"


def address(text: str, to: str) -> str:
    """Our question texts say 貴社; say *to* instead (the guide's own wording is untouched)."""
    return text if to == "貴社" else text.replace("貴社", to)


def question_label(question: Question) -> str:
    """「1.1.1」 for a 手法例 (the guide's numbering), 「通番1 その他の対策」 otherwise.

    Closing questions have internal ids (1.other, 24.cert) that mean nothing to a
    respondent.
    """
    if question.example is not None:
        return question.id
    return f"通番{question.item} {question.short}"


def question_text(question: Question, catalog: Catalog, to: str = "貴社") -> Text:
    text = Text()
    text.append(f"［{question_label(question)}］", style="bold")
    text.append(address(question.text, to))
    if question.hint:
        text.append("\nヒント：" + address(question.hint, to), style="dim")
    if question.notes:
        labels = "・".join(n.label for n in question.notes)
        text.append(f"\n（{labels}あり: F3 で原文と注記を表示）", style="dim")
    terms = glossary_terms(question, catalog)
    _highlight(text, terms)
    if terms:
        text.append("\n用語：" + "、".join(terms) + "（F4 で解説）", style="dim")
    return text


def answer_text(question: Question, answer: Answer) -> str:
    parts: list[str] = []
    if answer.skipped:
        return "（スキップ）"
    if answer.status is not None:
        parts.append(f"【{answer.status.label}】")
    if answer.checks:
        if question.kind is QuestionKind.CERTIFICATION:
            names = [o.text for o in question.options if o.label in answer.checks]
            parts.append("［" + "、".join(names) + "］")
        else:
            parts.append("［" + "".join(answer.checks) + "］")
    if answer.detail:
        parts.append(answer.detail)
    if answer.due or answer.owner:
        parts.append(f"（期限: {answer.due or '未定'}／担当: {answer.owner or '未定'}）")
    return printable(" ".join(parts) or "（記入なし）")


def suggestion_text(question: Question, suggestion: Answer, live: LiveSession) -> Text:
    source = live.session.suggestion_source
    head = "前回" if source.startswith("前回") else "流用元"
    text = Text()
    text.append(f"{head}の回答: ", style="bold")
    text.append(answer_text(question, suggestion))
    text.append(
        "\n変わりありませんか？ そのままなら Enter、変わっていれば書き換えて送信してください。",
        style="italic",
    )
    if source:
        text.append("\n" + printable(_source_note(source)), style="dim")
    return text


def _source_note(source: str) -> str:
    """「前回（さくら銀行-2026-11-29、2026-11-29）」 → 「前回: さくら銀行-2026-11-29」.

    No parentheses inside parentheses, and the date only once.
    """
    head, _, rest = source.partition("（")
    inner = rest.removesuffix("）")
    if not inner:
        return f"（{source}）"
    name, _, date = inner.partition("、")
    if date and date in name:
        return f"（{head}: {name}）"
    return f"（{head}: {name}、{date}）" if date else f"（{head}: {name}）"


def _note_lines(note: Note) -> list[str]:
    lines = [f"（{note.label}）" + (f" {note.intro}" if note.intro else "")]
    for point in note.points:
        lines.append(f"  {point.label} {point.text}")
        for sub in point.subpoints:
            lines.append(f"     {sub.label}. {sub.text}")
            lines.extend(f"        - {b}" for b in sub.bullets)
    lines.extend(f"  {line}" for line in note.outro)
    return lines


def original(question: Question, catalog: Catalog) -> Text:
    """The guide's own wording: the 手法例 and its 注記."""
    item = catalog.item(question.item)
    text = Text()
    if question.example is None:
        text.append(f"通番{item.display_no} の目標: ", style="bold")
        text.append(item.goal + "\n" + item.description)
        return text
    heading = next(g.heading for g in item.method_groups if question.example in g.examples)
    text.append(f"原文（手法例 {question.example.id}）＜{heading}＞\n", style="bold")
    text.append(question.example.text)
    for note in question.notes:
        text.append("\n" + "\n".join(_note_lines(note)))
    text.append("\n※手法例はあくまで例示です。", style="dim")
    return text


def finished(live: LiveSession) -> Text:
    open_questions = live.interview.open_questions()
    if open_questions:
        return Text(
            f"ひととおり終わりました。後回しにした質問が{len(open_questions)}問あります。"
            "一覧（F2）から項目を選ぶか、/移動 で戻れます。出力は F10 です。"
        )
    return Text(
        "すべての質問に回答しました。おつかれさまでした。F10 で Excel ブックに出力できます。"
    )


def asked_back(question: Question, catalog: Catalog, to: str = "貴社") -> Text:
    """The reply was a question back: the hint, the glossary terms and the original."""
    text = Text()
    text.append("ご質問ですね。この質問の手がかりです。\n", style="bold")
    if question.hint:
        text.append("ヒント：" + address(question.hint, to) + "\n")
    terms = glossary_terms(question, catalog)
    if terms:
        text.append("用語：" + "、".join(terms) + "（F4 で解説）\n")
    if question.example is not None:
        text.append("原文（手法例と注記）は F3 で表示できます。\n")
    text.append("わかったら、そのまま回答を入力して送信してください。", style="dim")
    return text


_NOT_RECORDED = "この返事は回答として記録していません。"


def requested(name: str, question: Question, catalog: Catalog, to: str = "貴社") -> Text:
    """The reply asked the chat to do something: which key does it (nothing is run)."""
    text = Text()
    if name == "skip":
        text.append(f"後回しにするには {key_for('skip')} を押してください", style="bold")
        text.append("（/スキップ でも）。あとで戻って答えられます。")
    elif name == "back":
        text.append(f"前の質問に戻るには {key_for('back')} を押してください", style="bold")
        text.append("（/戻る でも）。")
    elif name == "glossary":
        text.append(f"用語集は {key_for('glossary')} で開きます", style="bold")
        text.append("（/用語 語句 で直接引けます）。")
        terms = glossary_terms(question, catalog)
        if terms:
            text.append("\nこの質問の用語：" + "、".join(terms))
    elif name == "hint":
        if question.hint:
            text.append("ヒント：" + address(question.hint, to) + "\n")
        text.append(f"原文（手法例と注記）は {key_for('original')} で表示できます。", style="bold")
    elif name == "wait":
        text.append("どうぞごゆっくり。", style="bold")
        text.append("回答は保存済みです。続けるときはそのまま入力してください。")
        return text
    elif name == "quit":
        text.append(f"終了するには {QUIT_KEY} を押してください。", style="bold")
        text.append("ここまでの回答はすべて保存済みで、次に開くとこの続きから再開できます。")
    text.append("\n" + _NOT_RECORDED + "質問はそのままです。", style="dim")
    return text


def progress_line(live: LiveSession, question: Question | None, wide: bool = True) -> str:
    """「通番 7/38・質問 61/330・区分2 外部委託管理」: items and questions, both always.

    Narrow screens (80 columns) get the 区分 number only, so the line is never cut.
    """
    interview = live.interview
    items = interview.items
    overall = interview.overall_progress()
    numbers = [i.no for i in items]
    if question is None:
        done = sum(1 for i in items if interview.item_complete(i.no))
        return f"通番 {done}/{len(items)} 完了・質問 {overall.answered}/{overall.total}"
    position = numbers.index(question.item) + 1 if question.item in numbers else 0
    category = live.catalog.category(live.catalog.item(question.item).category)
    name = f" {category.name}" if wide else ""
    return (
        f"通番 {position}/{len(items)}・質問 {overall.answered}/{overall.total}"
        f"・区分{category.no}{name}"
    )
