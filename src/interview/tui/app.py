"""The Textual application: home → (wizard) → interview, with a command palette."""

from __future__ import annotations

import contextlib
from functools import cached_property, partial
from pathlib import Path
from typing import TYPE_CHECKING, cast

from textual import events
from textual.app import App
from textual.binding import Binding
from textual.command import CommandPalette

from interview.errors import UserError, describe_os_error
from interview.textsafety import clean_input, printable
from interview.tui import styles
from interview.tui.browser_commands import BrowserCommands
from interview.tui.commands import AppCommands
from interview.tui.keys import QUIT_KEY
from interview.tui.screens.home import HomeChoice, HomeScreen

if TYPE_CHECKING:
    from textual.notifications import SeverityLevel

    from interview.services.live import LiveSession
    from interview.session.store import SessionHandle, SessionStore
    from interview.tui.screens.new_session import NewSessionForm

# Only the home screen is imported up front; the interview, the store and the data are
# loaded when first needed, so the first screen appears as fast as a bare Textual app.


class InterviewApp(App[None]):
    TITLE = "API接続チェックリスト 回答アシスタント"
    CSS_PATH = [styles.APP, styles.HOME]  # the home screen is the default screen
    # Japanese, the app's own; Textual's English built-ins are hidden. BrowserCommands only
    # speaks in the browser (interview serve).
    COMMANDS = {AppCommands, BrowserCommands}
    BINDINGS = [
        Binding(QUIT_KEY, "quit", "終了", id="app.quit", priority=True),
        Binding(
            "ctrl+p", "command_palette", "コマンド", id="app.palette", priority=True, show=False
        ),
    ]

    def __init__(self, sessions_dir: Path, resume: str | None = None) -> None:
        super().__init__()
        self.sessions_dir = sessions_dir
        self.resume_id = resume
        self.handle: SessionHandle | None = None
        self.live: LiveSession | None = None

    # --- text safety: untrusted text never acts on the terminal or the app ----------------

    def notify(
        self,
        message: str,
        *,
        title: str = "",
        severity: SeverityLevel = "information",
        timeout: float | None = None,
        markup: bool = False,
    ) -> None:
        """Toasts show their text literally: never markup, never an escape sequence."""
        super().notify(
            printable(message),
            title=printable(title),
            severity=severity,
            timeout=timeout,
            markup=False,
        )

    async def on_event(self, event: events.Event) -> None:
        if isinstance(event, events.Paste):
            event.text = clean_input(event.text)  # no ANSI colour codes or controls stored
        await super().on_event(event)

    def _fatal_error(self) -> None:
        """Like Textual's, but the traceback never shows local variables (answer texts)."""
        from rich.segment import Segments
        from rich.traceback import Traceback

        self.bell()
        traceback = Traceback(show_locals=False, width=None)
        self._exit_renderables.append(
            Segments(self.console.render(traceback, self.console.options))
        )
        self._close_messages_no_wait()

    @cached_property
    def store(self) -> SessionStore:
        from interview.session.store import SessionStore

        return SessionStore(self.sessions_dir)

    def get_default_screen(self) -> HomeScreen:
        return HomeScreen()

    def on_mount(self) -> None:
        from interview.session.folder import tighten_sessions_dir
        from interview.tui.terminal_watch import watch_terminal

        watch_terminal(self)
        notice = tighten_sessions_dir(self.sessions_dir)
        if notice:
            self.notify(notice, timeout=10)
        if self.resume_id:
            self.open_session(self.resume_id)

    def on_home_choice(self, choice: HomeChoice) -> None:
        match choice.action:
            case "new":
                from interview.tui.screens.new_session import NewSessionScreen

                self.push_screen(NewSessionScreen(), self._create)
            case "resume":
                self.open_session(choice.session_id)
            case "yearly":
                self._start_yearly(choice.session_id)
            case "demo":
                self._open_demo()
            case "review":
                from interview.tui.review_app import open_from_home

                open_from_home(self, Path(self.sessions_dir))
            case "quit":
                self.exit()

    def _create(self, form: NewSessionForm | None) -> None:
        from interview.services.sessions import NewSession, create_session, make_respondent

        if form is None:
            return
        try:
            request = NewSession(
                respondent=make_respondent(
                    form.organisation,
                    form.party,
                    name=form.respondent,
                    role=form.role,
                    counterparts=form.counterparts,
                    interviewer=form.interviewer,
                ),
                certifications=form.certifications,
                reuse=form.reuse,
                profile=Path(form.profile) if form.profile else None,
            )
            created = create_session(self.store, request)
        except UserError as exc:
            self.notify(str(exc), severity="error", timeout=10)
            return
        self.open_session(created.session.id)

    def _start_yearly(self, previous_id: str) -> None:
        from interview.services.sessions import start_yearly

        try:
            created = start_yearly(self.store, previous_id)
        except UserError as exc:
            self.notify(str(exc), severity="error", timeout=10)
            return
        self.notify(f"前回（{previous_id}）の回答を確認する年次確認を始めます。")
        self.open_session(created.session.id)

    def _open_demo(self) -> None:
        from interview.services.demo import ensure_demo

        try:
            session_id = ensure_demo(self.store)
        except UserError as exc:
            self.notify(str(exc), severity="error", timeout=8)
            return
        self.open_session(session_id)

    def open_session(self, session_id: str) -> None:
        from interview.services.sessions import open_session
        from interview.tui.save_guard import SaveGuard, report_save_failure
        from interview.tui.screens.interview import InterviewScreen
        from interview.wording import edition_warning

        self.close_session()
        try:  # the session's own copy of its profile may be broken or hostile
            opened = open_session(
                self.store, session_id, save=lambda handle: SaveGuard(self, handle)
            )
        except UserError as exc:
            self.notify(str(exc), severity="error", timeout=10)
            return
        except OSError as exc:
            self.notify(f"開けません: {describe_os_error(exc)}", severity="error", timeout=10)
            return
        self.handle = opened.handle
        live = opened.live
        live.on_save_error = partial(report_save_failure, self, live)
        self.live = live
        if opened.mismatch is not None:
            self.notify(
                printable(edition_warning(opened.mismatch)),
                severity="warning",
                timeout=10,
                markup=False,
            )
        self.push_screen(InterviewScreen(live))

    def close_session(self) -> None:
        if self.handle is not None:
            if self.live is not None and self.live.unsaved:
                with contextlib.suppress(UserError):
                    self.live.save()  # a last try for changes an earlier save could not write
            self.handle.close()
            self.handle = None
            self.live = None

    def on_unmount(self) -> None:
        self.close_session()

    def action_command_palette(self) -> None:
        if self.use_command_palette and not CommandPalette.is_open(cast("App[object]", self)):
            placeholder = "コマンドを検索（例: 用語、移動 23、出力）…"
            self.push_screen(CommandPalette(placeholder=placeholder, id="--command-palette"))

    async def action_quit(self) -> None:
        """ctrl+q: quit, but ask first when a reply was typed or ticked and not sent."""
        from interview.tui.screens.confirm_quit import ConfirmQuitScreen

        if any(isinstance(s, ConfirmQuitScreen) for s in self.screen_stack):
            return  # already asking (its own ctrl+q answers it)
        unsent = next(
            (u for s in reversed(self.screen_stack) if (u := getattr(s, "unsent_input", None))),
            None,
        )
        what = unsent() if unsent is not None else None
        if not what:
            self.exit()
            return

        def decided(leave: bool | None) -> None:
            if leave:
                self.exit()

        self.push_screen(ConfirmQuitScreen(what), decided)

    def action_help_quit(self) -> None:
        """ctrl+c: copying in a field, never quitting; say how to quit, in Japanese."""
        self.notify("終了するには ctrl+q を押してください。", title="終了しますか？")
