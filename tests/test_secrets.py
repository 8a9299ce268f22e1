"""Secret detection and masking: a table of answers that must and must not be flagged."""

from __future__ import annotations

import itertools

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from interview.secrets import LABELS, find_secrets, mask_secrets, placeholder

JWT = (
    "eyJhbGciOiJIUzI1NiIsInR5cCI6IkpXVCJ9.eyJzdWIiOiIxMjM0NTY3ODkwIiwibmFtZSI6IkpvaG4ifQ"
    ".SflKxwRJSMeKKF2QT4fwpMeJf36POk6yJV_adQssw5c"
)
PEM_BODY = "MIIEvQIBADANBgkqhkiG9w0BAQEFAASCBKcwggSjAgEAAoIBAQC7VJTUt9Us8cKj"

# (text, kind, the secret that must be covered exactly)
POSITIVES: list[tuple[str, str, str]] = [
    ("初期パスワード: Xy7#kP2q!", "password", "Xy7#kP2q!"),
    ("初期パスワード：Xy7#kP2q!（初回ログイン時に変更）", "password", "Xy7#kP2q!"),
    ("管理画面のパスワードはAbc12345です。", "password", "Abc12345"),
    ("仮パスワード＝Tmp-2024-xyz を通知済み", "password", "Tmp-2024-xyz"),
    ("password: hunter22", "password", "hunter22"),
    ("Password = S3cure!Pass", "password", "S3cure!Pass"),
    ("DB_PASSWORD=pr0d_Db#77", "password", "pr0d_Db#77"),
    ('{"password": "Zq8!vLm2#x"}', "password", "Zq8!vLm2#x"),
    ("passwd:Root@2023", "password", "Root@2023"),
    ("pwd=qwerty123", "password", "qwerty123"),
    ("PW：Kk9-Ll8-Mm7", "password", "Kk9-Ll8-Mm7"),
    ("ログインPW は Pa55w0rd! で共有", "password", "Pa55w0rd!"),
    ("暗証番号：4729", "password", "4729"),
    ("暗証番号は 908172 です", "password", "908172"),
    ("パスフレーズ: correct-horse-42", "password", "correct-horse-42"),
    ("接続文字列 postgres://app:S3cr3tPw@db.internal:5432/core", "password", "S3cr3tPw"),
    ("password is Tr0ub4dor&3", "password", "Tr0ub4dor&3"),
    ("AWSキー AKIAIOSFODNN7EXAMPLE を設定", "api_key", "AKIAIOSFODNN7EXAMPLE"),
    ("ASIAY34FZKBOKMUTVV7A（一時キー）", "api_key", "ASIAY34FZKBOKMUTVV7A"),
    (
        "aws_secret_access_key = wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY",
        "api_key",
        "wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY",
    ),
    (
        "GitHubトークン ghp_1A2b3C4d5E6f7G8h9I0jKlMnOpQrStUvWxYz",
        "api_key",
        "ghp_1A2b3C4d5E6f7G8h9I0jKlMnOpQrStUvWxYz",
    ),
    (
        "github_pat_11ABCDEFG0123456789_abcdefghijklmnopqrstuvwxyz",
        "api_key",
        "github_pat_11ABCDEFG0123456789_abcdefghijklmnopqrstuvwxyz",
    ),
    (
        "Slack連携 xoxb-123456789012-1234567890123-AbCdEfGhIjKlMnOpQrStUvWx",
        "api_key",
        "xoxb-123456789012-1234567890123-AbCdEfGhIjKlMnOpQrStUvWx",
    ),
    ("決済キー sk_live_4eC39HqLyjWDarjtT1zdp7dc", "api_key", "sk_live_4eC39HqLyjWDarjtT1zdp7dc"),
    ("rk_live_51Habc0123456789XYZ を利用", "api_key", "rk_live_51Habc0123456789XYZ"),
    ("pk_live_TYooMQauvdEDq54NiTphI7jx", "api_key", "pk_live_TYooMQauvdEDq54NiTphI7jx"),
    (
        "Maps用 AIzaSyDaGmWKa4JsXZ-HjGw7ISLn_3namBGewQe",
        "api_key",
        "AIzaSyDaGmWKa4JsXZ-HjGw7ISLn_3namBGewQe",
    ),
    ("api_key=0123456789abcdef0123", "api_key", "0123456789abcdef0123"),
    ("X-API-Key: 9f8e7d6c5b4a39281706abcd", "api_key", "9f8e7d6c5b4a39281706abcd"),
    ("APIキー：AbCdEf1234567890XyZ", "api_key", "AbCdEf1234567890XyZ"),
    ("client_secret: 8f3kq0Zp2LmX9vB7nR4tY6wA", "api_key", "8f3kq0Zp2LmX9vB7nR4tY6wA"),
    (
        "クライアントシークレットは Qw3rTy8uIo2pAs5dFg7h です",
        "api_key",
        "Qw3rTy8uIo2pAs5dFg7h",
    ),
    ("secret='Xk29dLq0Pz8wR5tY7uI1oP3a'", "api_key", "Xk29dLq0Pz8wR5tY7uI1oP3a"),
    ("Authorization: Bearer " + JWT, "token", JWT),
    ("ヘッダ例 " + JWT + " を送信", "token", JWT),
    (
        "Authorization: Bearer 1a2b3c4d5e6f7g8h9i0jklmnop",
        "token",
        "1a2b3c4d5e6f7g8h9i0jklmnop",
    ),
    (
        "アクセストークン: ya29.a0AfH6SMBx7Kd9s8f7g6h5j4k3",
        "token",
        "ya29.a0AfH6SMBx7Kd9s8f7g6h5j4k3",
    ),
    ("refresh_token=1//0gAbCdEfGh1234567890", "token", "1//0gAbCdEfGh1234567890"),
    ("access_token: 2YotnFZFEjr1zCsicMWpAA", "token", "2YotnFZFEjr1zCsicMWpAA"),
    (
        "-----BEGIN RSA PRIVATE KEY-----\n" + PEM_BODY + "\n-----END RSA PRIVATE KEY-----",
        "private_key",
        "-----BEGIN RSA PRIVATE KEY-----\n" + PEM_BODY + "\n-----END RSA PRIVATE KEY-----",
    ),
    (
        "鍵（途中まで）: -----BEGIN OPENSSH PRIVATE KEY-----\n" + PEM_BODY,
        "private_key",
        "-----BEGIN OPENSSH PRIVATE KEY-----\n" + PEM_BODY,
    ),
    (
        "-----BEGIN EC PRIVATE KEY----- " + PEM_BODY,
        "private_key",
        "-----BEGIN EC PRIVATE KEY----- " + PEM_BODY,
    ),
    ("秘密鍵: MIIEvQIBADANBgkqhkiG9w0BAQEF", "private_key", "MIIEvQIBADANBgkqhkiG9w0BAQEF"),
    ("カード番号 4111 1111 1111 1111 で試験", "card_number", "4111 1111 1111 1111"),
    ("4111-1111-1111-1111", "card_number", "4111-1111-1111-1111"),
    ("テスト用カード5555555555554444を使用", "card_number", "5555555555554444"),
    ("Amex 3782 822463 10005", "card_number", "3782 822463 10005"),
    ("JCB：3530111333300000", "card_number", "3530111333300000"),
    ("Discover 6011 1111 1111 1117", "card_number", "6011 1111 1111 1117"),
    ("Diners 30569309025904", "card_number", "30569309025904"),
    ("Mastercard 2221 0000 0000 0009", "card_number", "2221 0000 0000 0009"),
    ("Visa 13桁 4222222222222", "card_number", "4222222222222"),
    (
        "全角 ４１１１　１１１１　１１１１　１１１１",
        "card_number",
        "４１１１　１１１１　１１１１　１１１１",
    ),
    ("カード 4111 1111 1111 1111 12/25", "card_number", "4111 1111 1111 1111"),
    # Issue 11.11: Japanese phrasings, full-width IME input, Azure and bare AWS keys,
    # card numbers written with 「ー」 or dots (each missed before).
    ("パスワードを「Xk9#mP2qL」に設定しています", "password", "Xk9#mP2qL"),
    ("管理者パスワードを『Tokyo2024!』に変更した", "password", "Tokyo2024!"),
    ("ID/PW: admin / P@ssw0rd123", "password", "P@ssw0rd123"),
    ("検証環境のID／PW：testuser／Zq81abcd", "password", "Zq81abcd"),
    ("暗証番号：１２３４", "password", "１２３４"),
    ("パスワード（Passw0rd!）で運用中", "password", "Passw0rd!"),
    ("初期パスワード(Zx81!abc)を共有", "password", "Zx81!abc"),
    ("パスワード：Ｐａｓｓｗ０ｒｄ！", "password", "Ｐａｓｓｗ０ｒｄ！"),
    ("ＤＢパスワード＝Ｒｏｏｔ＠２０２３ です", "password", "Ｒｏｏｔ＠２０２３"),
    (
        "DefaultEndpointsProtocol=https;AccountName=acct;AccountKey=Eby8vdM02xNOcqFlqUwJPLlmEtlCDXJ1"
        "OUzFT50uSRZ6IFsuFq2UVErCz4I6tq/K1SZFPTOtr/KBHBeksoGMGw==;EndpointSuffix=core.windows.net",
        "api_key",
        "Eby8vdM02xNOcqFlqUwJPLlmEtlCDXJ1OUzFT50uSRZ6IFsuFq2UVErCz4I6tq/K1SZFPTOtr/KBHBeksoGMGw==",
    ),
    (
        "Endpoint=sb://ns.servicebus.windows.net/;SharedAccessKeyName=root;"
        "SharedAccessKey=q8Xk2mVbP0aQ7rT5yN1cW3eZ9uJ4hL6sD8fG0kI2oM4=",
        "api_key",
        "q8Xk2mVbP0aQ7rT5yN1cW3eZ9uJ4hL6sD8fG0kI2oM4=",
    ),
    (
        "設定値 wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY を投入",
        "api_key",
        "wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY",
    ),
    ("カード番号 4111ー1111ー1111ー1111", "card_number", "4111ー1111ー1111ー1111"),
    (
        "４１１１ー１１１１ー１１１１ー１１１１で決済",
        "card_number",
        "４１１１ー１１１１ー１１１１ー１１１１",
    ),
    ("テスト用 5555.5555.5555.4444", "card_number", "5555.5555.5555.4444"),
    ("カード：4111・1111・1111・1111", "card_number", "4111・1111・1111・1111"),
    ("番号 4111ｰ1111ｰ1111ｰ1111", "card_number", "4111ｰ1111ｰ1111ｰ1111"),
]

NEGATIVES: list[str] = [
    "パスワードは12文字以上、90日ごとに変更",
    "パスワードを定期変更している",
    "パスワードは英大文字・小文字・数字・記号の3種以上を含む",
    "パスワード：12文字以上",
    "パスワード: 8〜16桁",
    "PW：英数記号8桁以上",
    "パスワードはSHA-256でハッシュ化して保存",
    "password: SHA-256",
    "利用者パスワードはPBKDF2-HMAC-SHA256でハッシュ化",
    "パスワードは1Passwordで管理し共有を禁止",
    "DBパスワードはSecrets Managerで自動ローテーション",
    "password: ********",
    "password=${DB_PASSWORD}",
    "パスワード: <初期パスワード>",
    "password: required",
    "パスワードポリシーはNIST SP800-63Bに準拠",
    "暗証番号は4桁",
    "暗証番号・乱数表は扱わない",
    "PASSWORD_MIN_LENGTH=12",
    "bypass: Ab12345678",
    "APIキーはAWS Secrets Managerで保管し、90日ごとに更新",
    "APIキー：発行済み（台帳で管理）",
    "client_secret は環境変数で渡す",
    "トークンの有効期限は30分",
    "アクセストークンはJWT形式で署名を検証",
    "Bearerトークンを Authorization ヘッダで送る",
    "Bearer authentication を採用",
    "秘密鍵はHSMで保管しエクスポート不可",
    "-----BEGIN CERTIFICATE----- の形式で提出",
    "電話 03-1234-5678 まで連絡",
    "問い合わせ 0120-123-456",
    "〒100-0001 東京都千代田区",
    "2024-01-15 に実施、次回は2025/01/15",
    "20240115123045 にログ取得",
    "TLS 1.2 以上、バージョン 10.4.1234.5678.9012",
    "接続元IP 192.168.100.200 と 10.0.0.1",
    "規程番号 4111111111111111",
    "法人番号 4111111111111111",
    "4111 1111 1111 1112（Luhn不一致）",
    "1234567890123456",
    "口座番号 1234567",
    "注文ID A4111111111111111",
    "SHA-256: 9f86d081884c7d659a2f4111111111111111ea0f",
    "対応方針：多要素認証を必須とし、ワンタイムパスワードを併用",
    "パスワード管理規程（2023年4月制定）",
    "pass the review by 2025",
    "token: N/A",
    "トークン：6桁のワンタイムパスワード",
    # Issue 11.11: ordinary compliance answers stay unflagged (0 false positives).
    "通信はTLS1.2以上で暗号化し、保存データはAES-256で暗号化している",
    "ISO27001（ISMS）認証を2023年に取得",
    "ISO/IEC 27001:2013 および ISO/IEC 27017",
    "規程番号 SEC-2024-001 に基づき運用",
    "社内規程SEC-2024-001、SEC-2024-002を参照",
    "電話：０３－１２３４－５６７８",
    "お問い合わせは 090ー1234ー5678 まで",
    "2024年4月1日施行、2025.04.01改訂",
    "実施日：2024ー04ー01",
    "ログ保管期間：1年（2024/04/01〜2025/03/31）",
    "コミット 3f786850e387550fdab836ed7e6dc881de23001b で修正",
    "SHA-1: 2FD4E1C67A2D28FCED849EE1BB76E7391B93EB12",
    "UUID 123e4567-e89b-12d3-a456-426614174000",
    "https://example.com/docs/ApiGuideVersion2AndSecurityPolicyX1",
    "パスワードを定期的に変更するよう周知している",
    "パスワードを12文字以上に設定",
    "パスワードを「12文字以上」に設定",
    "パスワード（12文字以上、英数記号混在）を必須とする",
    "パスワード（SHA-256でハッシュ化）",
    "パスワード(bcrypt)で保存",
    "ID/PWの管理は規程に従う",
    "ID/パスワードは個人ごとに発行し共有しない",
    "ID / PW 方式ではなくクライアント証明書を使用",
    "ＩＤ／ＰＷ認証は廃止予定",
    "暗証番号：４桁以上",
    "AccountKeyはAzure Key Vaultで管理",
    "AccountKey=<ストレージキー>",
    "バージョン 1.2.3.4 を利用、IPアドレス 192.168.1.1 のみ許可",
    "申請番号：4111・1111・1111・1111",
    "PCI DSS v4.0 準拠、FISC安全対策基準 第12版",
    "Ｐａｓｓｗｏｒｄ ポリシーを定める",
    "多要素認証（FIDO2）を導入、NIST SP 800-63B に準拠",
    "User-Agent/Referer をログに記録",
]


def test_the_tables_are_big_enough() -> None:
    assert len(POSITIVES) >= 40
    assert len(NEGATIVES) >= 40
    assert {kind for _, kind, _ in POSITIVES} == set(LABELS)


@pytest.mark.parametrize(("text", "kind", "secret"), POSITIVES)
def test_flags_secrets(text: str, kind: str, secret: str) -> None:
    findings = find_secrets(text)
    assert [f.kind for f in findings] == [kind], findings
    f = findings[0]
    assert text[f.start : f.end] == secret
    assert f.label == LABELS[kind]
    assert secret not in f.preview
    masked = mask_secrets(text)
    assert secret not in masked
    assert placeholder(kind) in masked  # type: ignore[arg-type]
    assert masked.replace(placeholder(kind), secret) == text  # type: ignore[arg-type]


@pytest.mark.parametrize("text", NEGATIVES)
def test_leaves_business_text_alone(text: str) -> None:
    assert find_secrets(text) == []
    assert mask_secrets(text) == text


VALID_CARDS = ["4111111111111111", "5555555555554444", "378282246310005", "6011111111111117"]


@pytest.mark.parametrize("card", VALID_CARDS)
def test_luhn_one_changed_digit_is_not_a_card(card: str) -> None:
    assert [f.kind for f in find_secrets(card)] == ["card_number"]
    for i in range(len(card)):
        for digit in "0123456789":
            if digit == card[i]:
                continue
            changed = card[:i] + digit + card[i + 1 :]
            # A single changed digit always breaks the Luhn check.
            assert find_secrets(changed) == [], changed


def test_card_preview_shows_only_the_last_four_digits() -> None:
    (f,) = find_secrets("4111 1111 1111 1111")
    assert f.preview == "末尾1111（16桁）"


def test_preview_never_shows_the_whole_secret() -> None:
    (f,) = find_secrets("決済キー sk_live_4eC39HqLyjWDarjtT1zdp7dc")
    assert f.preview == "sk_l…（32文字）"
    (f,) = find_secrets("暗証番号：4729")
    assert "4729" not in f.preview and "4" not in f.preview.split("…")[0]


def test_masking_keeps_the_label_and_the_sentence() -> None:
    text = "本番DBの初期パスワード：Xy7#kP2q!（初回ログイン時に変更）。カード 4111 1111 1111 1111 で試験。"
    assert mask_secrets(text) == (
        "本番DBの初期パスワード：［マスク済み: パスワード］（初回ログイン時に変更）。"
        "カード ［マスク済み: カード番号］ で試験。"
    )


def test_several_findings_are_ordered_and_do_not_overlap() -> None:
    text = f"password: hunter22\nAuthorization: Bearer {JWT}\napi_key=AKIAIOSFODNN7EXAMPLE"
    findings = find_secrets(text)
    assert [f.kind for f in findings] == ["password", "token", "api_key"]
    assert all(a.end <= b.start for a, b in itertools.pairwise(findings))


def test_aws_secret_next_to_its_key_id_without_a_label() -> None:
    text = "キーID AKIAIOSFODNN7EXAMPLE、値 wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY"
    found = [text[f.start : f.end] for f in find_secrets(text)]
    assert found == ["AKIAIOSFODNN7EXAMPLE", "wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY"]
    # Issue 11.11: the same 40 characters alone are an AWS secret key too (missed before),
    # while one-case hex digests of the same length are not.
    assert [f.kind for f in find_secrets("値 wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY")] == [
        "api_key"
    ]
    assert find_secrets("値 3f786850e387550fdab836ed7e6dc881de23001b") == []


def test_hostile_and_empty_inputs() -> None:
    for text in ["", "\x00" * 100, "\ud800abc", "eyJ" * 5000, "-----BEGIN PRIVATE KEY-----" * 500]:
        findings = find_secrets(text)
        assert all(0 <= f.start < f.end <= len(text) for f in findings)
        assert find_secrets(mask_secrets(text)) == []


def test_a_long_paste_is_scanned_whole() -> None:
    filler = "アクセス権限は四半期ごとに見直し、パスワードは12文字以上とする。" * 3000
    text = filler + "初期パスワード: Xy7#kP2q!" + filler
    findings = find_secrets(text)
    assert [(f.kind, text[f.start : f.end]) for f in findings] == [("password", "Xy7#kP2q!")]


_secretish = st.sampled_from(
    [
        "パスワード",
        "password",
        ": ",
        "：",
        "=",
        "は",
        "Xy7#kP2q!",
        "4111 1111 1111 1111",
        "4111",
        " ",
        "-",
        ".",
        "eyJhbGciOi",
        "AKIAIOSFODNN7EXAMPLE",
        "-----BEGIN RSA PRIVATE KEY-----",
        "\n",
        "sk_live_",
        "Bearer ",
        "api_key",
        "トークン",
        "0",
        "9",
    ]
)
_texts = st.one_of(
    st.text(max_size=300),
    st.lists(st.one_of(_secretish, st.text(max_size=5)), max_size=40).map("".join),
)


@settings(deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(_texts)
def test_never_raises_and_masking_leaves_nothing(text: str) -> None:
    findings = find_secrets(text)
    assert all(0 <= f.start < f.end <= len(text) for f in findings)
    assert all(a.end <= b.start for a, b in itertools.pairwise(findings))
    masked = mask_secrets(text)
    assert find_secrets(masked) == []
    if not findings:
        assert masked == text
