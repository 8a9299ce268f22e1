"""English replies and English status words, folded to the Japanese words the rules read.

Startup staff and consultants often answer in English (「MFA is enforced for all users」,
「Not done. Planned for Q3.」, 「We use IP allowlisting instead.」) or drop an English
predicate into a Japanese reply (「WAFはenabledです」「vendor側はunknownです」「要check」).
The rules read Japanese, so a reply written in English has its verdict phrases rewritten
(negation, plans, scope, other means, not knowing, n/a, done) to the canonical Japanese words,
clause by clause; the English nouns stay as they are. Only for matching (see ``fold``).
"""

from __future__ import annotations

import re
from collections.abc import Callable
from functools import cache

from interview.engine.reply_regex import fast, fast_module
from interview.engine.reply_steps import Rewrites

_LETTERS = re.compile(r"[a-z]")
_JAPANESE = re.compile(r"[ぁ-ゖァ-ヶ一-龥]")
_WORDS = re.compile(r"[a-z']+")

# Negated auxiliaries: don't, doesn't, haven't, isn't, can't, … (apostrophe optional).
_NOT = (
    r"(?:(?:do|does|did|have|has|had|is|are|was|were|can|could|would|wo|should)n'?t"
    r"|(?:do|does|did|have|has|had|is|are|was|were|can|could|would|will|should) not|cannot)"
)
_PASSIVE = r"(?:in place|set up|rolled out|kept|held|run|built|sent|done|made|[a-z]+ed|[a-z]+en)"

# (pattern, Japanese) in order: the first rewrites must not be read by the later ones.
_ENGLISH: list[tuple[re.Pattern[str], str | Callable[[re.Match[str]], str]]] = [
    (re.compile(r"[’‘`]"), "'"),
    # 「We looked at it but decided not to do it for now.」: held off, nothing done
    (
        re.compile(
            r"\b(?:decided|chose|opted|agreed)\s+(?:not\s+to|against)(?:\s+[a-z]+){0,4}?"
            r"(?:\s+for\s+now|\s+this\s+year|\s+yet)?(?=[.,;]|$)"
            r"|\b(?:put|kept|left)\s+(?:it\s+|this\s+|that\s+)?on\s+hold\b|\bdeprioriti[sz]ed\b"
        ),
        "見送、",
    ),
    # not applicable, with or without a reason
    (
        re.compile(
            rf"\b(?:{_NOT}\s+(?:really\s+)?(?:apply|concern|affect)(?:\s+to)?"
            r"|not\s+(?:applicable|relevant|in scope)|n/a|out of scope|irrelevant|no relevance"
            r"|not\s+(?:for|about|relevant to|meant for|aimed at)\s+(?:us|our company|our business|fintechs?|startups?))\b"
        ),
        "該当しない、",
    ),
    # 「done for the API servers, not for the back office」: two parts
    (
        re.compile(
            r"\b(?:done|implemented|in place|enabled|enforced|covered|deployed|rolled out|applied"
            r"|required|mandatory|(?:is|are|'s)\s+(?:turned\s+|switched\s+)?on)"
            r"\s+(?:for|on|in|at)\s+([^,;.]+?)(?:\s*,|\s+but)?\s+(?:but\s+)?not\s+(?:for|on|in|at)\s+"
            r"([^,;.]+)"
        ),
        r"\1は実施済み、\2は未実施",
    ),
    # a reason: 「since we have no branches」「because there is no app」
    (re.compile(r"\b(?:since|because|as)\s+(?=we|our|there|it|the|they)"), "ので、"),
    (
        re.compile(r"\b(?:we\s+have|we've\s+got|there\s+(?:is|are)|there's|there're)\s+no\b"),
        "ない、",
    ),
    # 「I'm not the right person to answer, I'll forward it to IT」: not known here
    (
        re.compile(
            r"\b(?:i'm|i am|we're|we are)\s+not\s+(?:the right (?:person|team|people)|aware|in charge)\b"
            r"|\b(?:forward(?:ing)?|pass(?:ing)?|escalat(?:e|ing))\s+(?:it|this)\s+(?:on\s+)?to\b"
        ),
        "不明、確認します、",
    ),
    # 「enforcement is patchy」: a weakness
    (
        re.compile(
            r"\b(?:is|are)\s+(?:a bit\s+|rather\s+|quite\s+|still\s+)?(?:patchy|inconsistent|spotty|incomplete"
            r"|uneven|weak|insufficient|not consistent|hit and miss)\b"
        ),
        "は不十分、",
    ),
    # 「…, but the login endpoint is open」: left exposed (not a participle ending in -en)
    (
        re.compile(
            r"\b(?:is|are|remains?|stays?)\s+(?:still\s+|wide\s+|completely\s+|fully\s+)?"
            r"(?:open|exposed|unprotected)\b(?!\s+(?:to|for|only|in)\b)"
        ),
        "は未対策、",
    ),
    (re.compile(r"\b(?:exists?|is there|are there)\b"), "あります、"),
    # 「no third parties are involved」: nothing there (before the done rules read 「are involved」)
    (re.compile(r"\bno\s+([a-z][a-z -]{0,30}?)\s+(?:is|are|was|were)\s+[a-z]+\b"), r"\1はない、"),
    (
        re.compile(r"\bno\s+(?:problems?|issues?|findings?|incidents?|concerns?|exceptions?)\b"),
        "問題なし",
    ),
    # 「prod and staging yes, the internal tools no」: a state after each part
    (
        re.compile(
            r"(?:^|(?<=[,;]))\s*([a-z][a-z0-9 &/-]{0,30}?)\s+(yes|no)\b(?=\s*[,;.。、!?]|\s*$)"
        ),
        lambda m: m.group(1) + ("は実施済み、" if m.group(2) == "yes" else "は未実施、"),
    ),
    # 「I heard the parent company covers it, but I've never seen the document」: hearsay, then
    # nothing seen — not known (nineteenth round (b))
    (
        re.compile(
            r"\bi\s+(?:heard|was told|have heard|'ve heard)\b[^.;。]{0,60}?\bbut\b[^.;。]{0,30}?"
            r"(?:never\s+seen|not\s+seen|n't\s+seen|can't\s+find|cannot\s+find|couldn't\s+find"
            r"|can\s+not\s+find|no\s+idea)\b[^.;。]{0,40}"
        ),
        "不明です",
    ),
    # 「nobody can push to main without two approvals」: a requirement in force, not 「nobody owns
    # it」 (nineteenth round (b))
    (
        re.compile(
            r"\b(?:nobody|no one|noone)\s+(?:can|could|may|is allowed to|gets? to)\s+[a-z]+"
            r"(?:\s+[a-z]+){0,4}?\s+without\b"
        ),
        "必須としています、",
    ),
    # 「it's on our to-do list」「nobody owns it」: not started
    (
        re.compile(
            r"\b(?:on|in)\s+(?:our|the|my)\s+(?:to-?do|todo|backlog|wish)(?:\s+list)?\b"
            r"|\b(?:nobody|no one|noone)\b(?:\s+[a-z]+){0,2}"
        ),
        "未着手のまま、",
    ),
    # 「not the way the checklist suggests, but the same result」: other means
    (
        re.compile(
            r"\bnot\s+(?:the way|as|exactly as|how)\s+(?:the\s+)?(?:checklist|item|example|guide)?\s*"
            r"(?:suggests?|describes?|described|suggested|specified|written|says?)\b"
            r"|\b(?:the\s+)?same\s+(?:result|effect|outcome|goal|protection|level|thing|purpose|function|job|role)\b"
        ),
        "代替策で、",
    ),
    # 「staging is still on the old setup」: not moved yet
    (
        re.compile(
            r"\b(?:is|are)\s+still\s+(?:on|using|running|with)\s+(?:the\s+|an?\s+)?(?:old|legacy|previous|manual)\b"
        ),
        "は未実施、",
    ),
    # 「covered for prod; staging …」: a part named as done
    (
        re.compile(
            r"\b(?:done|implemented|in place|enabled|enforced|covered|deployed|rolled out|applied)"
            r"\s+(?:for|on|in|at)\s+([^,;.]+?)\s*[;,]"
        ),
        r"\1は実施済み、",
    ),
    (
        re.compile(
            r"\b(?:the|an)\s+equivalent\b|\bequivalently\b|\bjust as (?:good|strong|safe)\b"
        ),
        "同等の対策、",
    ),
    # 「Handled by our SOC」: a participle opening the reply says what is done
    (
        re.compile(
            r"^(?:handled|covered|managed|enforced|implemented|monitored|configured|encrypted|logged"
            r"|restricted|required|automated|done|completed)\b(?!\s+(?:for|on|in|at)\b)"
        ),
        "実施しています、",
    ),
    # 「mostly done, a couple of legacy servers left」: most, the rest left
    (re.compile(r"\b(?:mostly|largely|almost|nearly|most of(?:\s+it)?)\b"), "大部分は"),
    (re.compile(r"\b(?:left|remaining|remain|to go)\b(?=\s*[.,;]|$)"), "が残っている"),
    # not knowing, and checking
    (
        re.compile(
            r"\b(?:not sure|unsure|unknown|no idea|not certain|no clue|tb[dc]"
            rf"|to be (?:confirmed|determined|checked)|{_NOT}\s+know)\b"
        ),
        "不明、",
    ),
    (
        re.compile(
            r"\b(?:(?:need|needs|have|has|going)\s+to|will|i'll|we'll|let me|to)\s+"
            r"(?:double[- ]?)?(?:check|confirm|verify|ask|find out)\b"
            r"|\b(?:checking|confirming|verifying|asking)\b(?!\s+(?:that|whether|for|if)\b)"
        ),
        "確認します、",
    ),
    # other means
    (
        re.compile(
            r"\binstead(?:\s+of)?\b|\bdifferently\b|\bworkaround\b|\brather\s+than\b|\bsomething\s+(?:different|else)\b"
            r"|\b(?:compensating|alternative|alternate|different|other|equivalent|another)"
            r"\s+(?:control|measure|method|approach|way|means|mechanism|solution|tool)s?\b"
            # 「We don't use hardware tokens; passkeys cover it.」: something else does the job
            r"|(?<=[;,])\s*(?:but\s+)?[a-z0-9-]+(?:\s+[a-z0-9-]+){0,5}\s+(?:covers?|handles?|takes care of)"
            r"\s+(?:it|this|that|them|everything|the\s+(?:steps|process|risk|same))\b"
            r"(?!\s+(?:partly|partially|only|for\s+some))"
            # 「No IPS. Cloud Armor rules do that job for us.」
            r"|\b(?:do|does)\s+(?:that|this|the\s+same|its|their)\s+job\b"
        ),
        "代替策で、",
    ),
    # 「No hardware tokens, but admin login is only possible from the office network.」: the
    # measure said absent first, then a way in that is the only one
    (
        re.compile(
            r"^((?:no(?!\s*[,.;!])|not|we\s+(?:don't|do\s+not|have\s+no)|there\s+(?:is|are)\s+no"
            r"|[a-z0-9-]+(?:\s+[a-z0-9-]+){0,3}\s+(?:isn't|is\s+not|aren't|are\s+not)\s+(?:in\s+place|used|deployed|set\s+up))"
            r"\b[^.;]{0,60}?[,;]\s*)"
            r"(?:but\s+)?(?=[a-z0-9 '-]{0,40}?(?:(?:\bonly|のみ)\s*(?:possible|allowed|reachable|accessible|permitted)"
            r"\s+(?:from|via|through|over)\b|\bprivate\s+(?:subnet|network|link)\b"
            # 「…; transfers can only go to pre-registered accounts」
            r"|\bcan\s+(?:only|のみ)\s*(?:go|be\s+sent|be\s+reached|connect|log\s+in|come)\s+(?:to|from|via)\b"
            # 「no WAF, only the bank's IP range can reach us」: only one party gets in at all
            r"|(?:\bonly|のみ)\s*[a-z0-9' -]{0,20}?\b(?:ip|ips|ip\s+range|network|office|vpn|subnet|hosts?|servers?"
            r"|allowlisted|whitelisted|registered|pre-registered)\b[a-z0-9' -]{0,12}?"
            r"\bcan\s+(?:reach|access|connect\s+to|log\s+in\s+to|call|get\s+(?:in|to))\b"
            # 「…, but every call needs a signed JWT」「…; every release gets a manual QA pass by
            # someone who didn't write the change」
            r"|\b(?:every|each|all)\s+[a-z]+(?:\s+[a-z]+)?\s+(?:needs?|requires?|(?:must|has\s+to|have\s+to)\s+(?:have|carry|present|use|show)"
            r"|gets?\s+(?:a\s+)?(?:manual\s+)?(?:review|qa|check|approval|sign-off))\b))"
        ),
        r"\1代替策で、",
    ),
    # 「The admin console is only reachable from the office VPN, so we don't use MFA there.」: a way
    # in that is the only one, given as the reason the measure is left out
    (
        re.compile(
            r"^(?=[a-z0-9 '-]{0,60}?\b(?:only|のみ)\s*(?:reachable|accessible|possible|allowed|exposed)"
            r"\s+(?:from|via|through|over|on|to)\b[a-z0-9 '-]{0,40}?,?\s+so\s+(?:we|i|they)\s+"
            r"(?:don't|do\s+not|never|haven't|have\s+not)\b)"
        ),
        "代替策で、",
    ),
    # 「We don't have an IDS, but GuardDuty alerts us on anything odd.」: a tool does the job
    (
        re.compile(
            r"\bbut\s+([a-z][a-z0-9-]+)\s+(?:alerts?|monitors?|watches|detects?|flags?|blocks?|catches"
            r"|scans?|protects?|checks?|logs?|records?|tracks?)\b"
        ),
        r"が、\1で実施しています、",
    ),
    (
        re.compile(r"\bcover(?:ed|s)?\s+(?:it\s+|this\s+|that\s+)?(?:by|with|through)\b"),
        "でカバー、",
    ),
    # plans
    (
        re.compile(
            r"\b(?:planned|scheduled|on (?:the|our) roadmap|in (?:the|our) backlog"
            r"|plan(?:ning)?\s+to|will\s+(?:implement|introduce|add|roll out|start|set up|deploy"
            r"|be\s+(?:implemented|introduced|added|rolled out|deployed)))\b"
        ),
        "予定、",
    ),
    # not done: 「we've never done a pen test」
    (re.compile(r"\bnever\b(?:\s+(?:been|had|got|really))?(?:\s+[a-z]+)?"), "していません、"),
    # 「some teams do it, others don't」: a part, the rest not
    (
        re.compile(
            r"\bsome\s+(?:of\s+(?:the|our)\s+)?(?=(?:teams?|people|systems?|servers?|users?|staff|branches|departments?"
            r"|apps?|services?|vendors?|partners?|accounts?|environments?|offices?|sites?)\b)"
        ),
        "一部の",
    ),
    (re.compile(r"\b(?:others|the\s+rest|the\s+others)\b"), "残りは"),
    # 「…, but the internal service accounts still use long-lived keys」: that part is left
    (
        re.compile(
            r"\bbut\s+([^,;.]*?)\s+still\s+(?:use|uses|using|rely on|relies on|run|runs|have|has)\b"
        ),
        r"が、\1はまだ未実施、",
    ),
    # 「we cover the main API, but not the legacy batch interface」
    (
        re.compile(r"\bbut\s+not\s+(?:for\s+|on\s+|in\s+)?(?:the\s+|our\s+)?([a-z][^,;.]*)"),
        r"が、\1は未実施",
    ),
    # not done
    (
        re.compile(
            rf"\b(?:not|{_NOT})\s+(?:yet\s+|currently\s+|really\s+|fully\s+)?(?:been\s+)?"
            r"(?:in place|implemented|done|started|enabled|enforced|set up|configured|deployed"
            r"|covered|tested|introduced|available|there|rolled out|defined|documented)\b"
        ),
        "未実施、",
    ),
    (re.compile(r"\bno\s+([a-z][a-z ]{0,30}?)\s+yet\b"), r"\1はまだ、"),
    (
        re.compile(r"\bnot\s+yet\b|\bnothing\s+(?:yet|in place|so far|at all)\b|\bnothing\b"),
        "まだ、",
    ),
    (re.compile(r"\bnot\s+for\b"), "未実施、"),
    (
        re.compile(
            rf"\b{_NOT}(?:\s+(?:yet|really|currently|actually|even|any))*(?:\s+(?:been\s+)?[a-z]+)?\b"
        ),
        "していません、",
    ),
    (re.compile(r"\b(?:nope|nah)\b|^no\b"), "いいえ、"),
    # a part
    (
        re.compile(
            r"\b(?:partial(?:ly)?|partly|in part|some of|half of|halfway(?:\s+there)?|half[ -]done)\b"
        ),
        "一部、",
    ),
    # 「blocked except via the bastion」: the one way through a block is the control, not a scope
    (
        re.compile(
            r"\b(blocked|denied|rejected|disallowed|forbidden|prohibited|closed|locked down)\s+"
            r"except(?:\s+(?:via|through|from|over|using|by|for))?\b"
        ),
        r"\1、",
    ),
    (re.compile(r"\bexcept(?:\s+for)?\b"), "以外は、"),
    (re.compile(r"\b(?:in progress|ongoing|wip|work in progress)\b"), "対応中、"),
    # done
    (
        re.compile(
            r"\b(?:is|are|was|were|has been|have been|gets|get|got)\s+"
            r"(?:(?:fully|already|strictly|always|properly|all|now|also)\s+)?" + _PASSIVE + r"\b"
        ),
        "実施しています、",
    ),
    # a standing practice: 「all access goes through SSO」「we've had this running」
    (
        re.compile(
            r"\b(?:goes|go|runs|routes|passes|requires|uses|covers|blocks|encrypts|rotates|expires"
            r"|enforces|restricts|limits|logs|alerts|scans)\s+(?:through|via|on|with|all|every|each|a|an|the)\b"
            r"|\bwe(?:'ve|\s+have)\s+(?:had|been|got)\b"
        ),
        "実施しています、",
    ),
    (re.compile(r"\bno\s+exceptions?\b"), "例外なく"),
    (
        re.compile(
            r"\bwe\s+(?:already\s+|do\s+|always\s+|also\s+)?(?:have|use|run|cover|enforce|require|rotate"
            r"|review|monitor|keep|maintain|encrypt|log|do|perform|conduct|check|apply|store"
            r"|manage|test|train|limit|restrict|block|scan|hold|audit|track|retain)\b"
        ),
        "実施しています、",
    ),
    (
        re.compile(
            r"\b(?:in place|implemented|enabled|enforced|done|completed|deployed|configured|(?:fully\s+)?compliant)\b"
        ),
        "実施済み、",
    ),
    (re.compile(r"\b(?:yes|yep|yeah|sure)\b"), "はい、"),
    # clause marks
    (re.compile(r"\s*\b(?:but|however|although|though|while)\b\s*"), "が、"),
    (re.compile(r"\s*[,;:—–]\s*|\s+-\s+"), "、"),
    (re.compile(r"\.(?=\s|$)"), "。"),
]

_DONE_BUT_NOT = re.compile(
    r"(実施しています|実施済み)([^。]*?)が、(?=[^。]*?(?:未実施|していません|まだ))"
)

# A negation left in English after the rewrite (a phrasing no rule knows).
_LEFT_NEGATION = re.compile(
    r"(?<![a-z])(?:not|never|no|nobody|nothing|none|without|nor)(?![a-z])|n't"
)
UNREAD_NEGATION = "〔否〕"

# English predicates beside Japanese (「WAFはenabledです」「vendor側はunknownです」「要check」).
_MIXED = fast(
    r"(?<![a-z])(not\s*(?:enabled|active|in\s*place|implemented|configured|enforced)|disabled|inactive"
    r"|enabled|active|enforced|in\s*place|implemented|configured|unknown|unsure"
    r"|check|confirm|verify)(?![a-z])"
)
_MIXED_WORDS = {
    "disabled": "無効",
    "inactive": "無効",
    "enabled": "実施済み",
    "active": "実施済み",
    "enforced": "実施済み",
    "inplace": "実施済み",
    "implemented": "実施済み",
    "configured": "設定済み",
    "unknown": "不明",
    "unsure": "不明",
    "check": "確認",
    "confirm": "確認",
    "verify": "確認",
}


def _mixed(match: re.Match[str]) -> str:
    word = re.sub(r"\s+", "", match.group(1))
    if word.startswith("not"):
        return "未実施"
    return _MIXED_WORDS[word]


def is_english(text: str) -> bool:
    """Mostly English: at least two English words and no Japanese beside them."""
    bare = text.replace("のみ", " only ")  # fold has already made English "only" のみ
    return not _JAPANESE.search(bare) and len(_WORDS.findall(bare)) >= 2


def fold_english(text: str) -> str:
    """Rewrite an English reply's verdict phrases, or English predicates beside Japanese."""
    if not _LETTERS.search(text):
        return text
    if is_english(text):
        text = _english_rewrites()(text)
        # 「we have the policy, but no training yet」: a done clause, then a missing one
        text = _DONE_BUT_NOT.sub(r"\1\2が、一部は", text).strip("、 ")
        if _LEFT_NEGATION.search(text):  # a negation no rule read: never confidently done
            text += UNREAD_NEGATION
        return text
    if _JAPANESE.search(text):
        return _MIXED.sub(_mixed, text)
    return text


# The plain patterns behind their first-character look-ahead (reply_regex.fast).
fast_module(globals())


@cache
def _english_rewrites() -> Rewrites:
    """``_ENGLISH`` applied in turn, a step passed over when its pattern needs a character
    or a word the reply lacks (most of the fifty-odd steps, on any one reply); made on first
    use, from the patterns as ``fast_module`` left them."""
    return Rewrites(_ENGLISH)


__all__ = ["UNREAD_NEGATION", "fold_english", "is_english"]
