"""The keys and slash commands of the interview screen, in one place (help and bindings)."""

from __future__ import annotations

from textual.binding import Binding, BindingType

# (key, action, label, binding id)
INTERVIEW_BINDINGS: tuple[tuple[str, str, str, str], ...] = (
    ("f1", "help", "ヘルプ", "interview.help"),
    ("f2", "toggle_panel", "進捗", "interview.panel"),
    ("f3", "original", "原文", "interview.original"),
    ("f4", "glossary", "用語", "interview.glossary"),
    ("f5", "search", "検索", "interview.search"),
    ("f6", "follow_up", "フォロー", "interview.follow"),
    ("f7", "back", "戻る", "interview.back"),
    ("f8", "skip", "後回し", "interview.skip"),
    ("f9", "review", "文案", "interview.review"),
    ("f10", "export", "出力", "interview.export"),
    ("f11", "compare", "前回比較", "interview.compare"),
    ("f12", "change_example", "個別に変更", "interview.change"),
)
# Shown in the footer at 80 columns; the rest are in F1 help and the command palette.
FOOTER_KEYS = {"f1", "f2", "f4", "f7", "f8", "f10"}
QUIT_KEY = "ctrl+q"  # bound by the app (InterviewApp.BINDINGS): quit, answers already saved


def key_for(action: str) -> str:
    """The key name shown for an interview *action*: ``key_for("skip")`` → 「F8」."""
    return next(key.upper() for key, name, _label, _id in INTERVIEW_BINDINGS if name == action)


def interview_bindings() -> list[BindingType]:
    return [
        Binding(key, action, label, id=binding_id, priority=True, show=key in FOOTER_KEYS)
        for key, action, label, binding_id in INTERVIEW_BINDINGS
    ]


KEYS: tuple[tuple[str, str], ...] = (
    *((key.upper(), label) for key, _action, label, _id in INTERVIEW_BINDINGS),
    (
        "1〜6",
        "状態を選ぶ・直前の読み取りを直す（入力欄が空のとき）。グループでは続けて押すと手法例ごと",
    ),
    ("ctrl+u", "入力欄を空にする"),
    ("Enter", "送信"),
    ("ctrl+j", "改行"),
    ("shift+tab", "チェックリスト・計画欄と入力欄の移動"),
    ("ctrl+p", "コマンドパレット"),
    (QUIT_KEY, "終了（回答は保存済み）"),
)

SLASH_COMMANDS: tuple[tuple[str, str], ...] = (
    ("/用語 語句", "用語集を引く"),
    ("/戻る", "前の質問へ"),
    ("/スキップ", "この質問を後回しにする"),
    ("/移動 23", "通番23へ移動"),
    ("/フォロー", "この質問にフォローの印を付ける・外す（/要確認 も可）"),
    ("/検索 ログ", "確認項目を検索"),
    ("/確認", "この項目の文案を確認"),
    ("/出力", "Excelブックに出力"),
    ("/比較", "前回のセッションとの変更点（年次確認）"),
    ("/個別", "まとめて回答したグループの手法例を1件だけ変える"),
    ("/課題", "手法例がそろっていても、この項目の課題認識・対応計画を書く"),
    ("/ヘルプ", "この画面"),
)
