"""``interview serve``: the same app in a browser, one app process per tab (textual-serve).

textual-serve (and aiohttp under it) is imported only when the command runs, so the
terminal app and the other commands start as fast as before.
"""

from __future__ import annotations

import argparse
import errno
import sys
from pathlib import Path

from interview.errors import UserError

DEFAULT_HOST = "127.0.0.1"
DEFAULT_PORT = 8000
NO_AUTH_WARNING = (
    "警告: textual-serve には認証の仕組みがありません。このアドレスに届く人は誰でも、"
    "保存先のセッションを開いて回答を読み書きできます。TLS と認証を掛けたリバースプロキシ"
    "（docs/remote.md）の後ろで、ループバックに限って動かすことをお勧めします。"
)


def register(sub: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    parser = sub.add_parser(
        "serve",
        help="ブラウザから使えるように配信します（textual-serve）",
        description=(
            "アプリをブラウザに配信します。タブごとに別のアプリが動きます。"
            "既定ではこのマシンの中（127.0.0.1）からだけ開けます。"
        ),
    )
    parser.add_argument(
        "--host",
        default=DEFAULT_HOST,
        help=f"待ち受けるアドレス（既定: {DEFAULT_HOST}）。ループバック以外は --allow-remote が必要",
    )
    parser.add_argument(
        "--port", type=int, default=DEFAULT_PORT, help=f"ポート番号（既定: {DEFAULT_PORT}）"
    )
    parser.add_argument(
        "--sessions-dir",
        type=Path,
        default=argparse.SUPPRESS,  # else it would hide ``interview --sessions-dir X serve``
        help="セッションの保存先（既定: ./sessions、環境変数 INTERVIEW_SESSIONS_DIR）",
    )
    parser.add_argument(
        "--allow-remote",
        action="store_true",
        help="ループバック以外のアドレスでの待ち受けを許可します（認証はありません）",
    )
    parser.add_argument(
        "--public-url",
        default=None,
        metavar="URL",
        help="リバースプロキシの後ろで、ブラウザから見た URL（例: https://interview.example.jp）",
    )
    parser.set_defaults(handler=run)


def app_argv(sessions_dir: Path) -> list[str]:
    """The command each tab's app process runs."""
    return [sys.executable, "-m", "interview", "--sessions-dir", str(sessions_dir)]


def check_options(args: argparse.Namespace) -> str | None:
    """Refuse unsafe or impossible options; return the warning to print, if any."""
    from interview.web.hosts import is_loopback

    if not 0 < args.port < 65536:
        raise UserError(f"ポート番号は 1〜65535 で指定してください（{args.port}）。")
    if args.public_url is not None and not args.public_url.startswith(("http://", "https://")):
        raise UserError("--public-url は http:// か https:// で始まる URL で指定してください。")
    if is_loopback(args.host):
        return None
    if not args.allow_remote:
        raise UserError(
            f"{args.host} はループバックではないため、ほかのマシンから開けてしまいます。"
            "textual-serve には認証がないので、既定では断っています。"
            "リバースプロキシ（docs/remote.md）を使うか、承知のうえで --allow-remote を"
            "付けてください。"
        )
    return NO_AUTH_WARNING


def bind_failure(host: str, port: int, exc: OSError) -> str:
    if exc.errno == errno.EADDRINUSE:
        return f"ポート {port} は既に使われています。--port で別の番号を指定してください。"
    if exc.errno == errno.EACCES:
        return f"ポート {port} で待ち受ける権限がありません。1024 以上の番号を指定してください。"
    if exc.errno == errno.EADDRNOTAVAIL:
        return f"このマシンには {host} というアドレスがありません。--host を確かめてください。"
    from interview.errors import describe_os_error

    return f"{host}:{port} で待ち受けられません: {describe_os_error(exc)}"


def run(args: argparse.Namespace) -> int:
    warning = check_options(args)
    if warning:
        print(warning, file=sys.stderr)
    sessions_dir = Path(args.sessions_dir).expanduser().resolve()
    sessions_dir.mkdir(parents=True, exist_ok=True)

    from interview.web.hosts import url_host
    from interview.web.server import InterviewServer

    local_url = f"http://{url_host(args.host)}:{args.port}"
    public_url = (args.public_url or local_url).rstrip("/")

    def announce(url: str) -> None:
        print(f"ブラウザで開いてください: {url}/", flush=True)
        if url != local_url:
            print(f"待ち受けているアドレス: {local_url}（リバースプロキシの転送先）", flush=True)
        print(f"セッションの保存先: {sessions_dir}", flush=True)
        print("止めるときは ctrl+c（開いているタブのアプリも終了します）。", flush=True)

    server = InterviewServer(
        app_argv(sessions_dir),
        host=args.host,
        port=args.port,
        public_url=public_url,
        title="API接続チェックリスト 回答アシスタント",
        announce=announce,
    )
    try:
        server.serve()
    except OSError as exc:
        raise UserError(bind_failure(args.host, args.port, exc)) from None
    print("停止しました。", flush=True)
    return 0
