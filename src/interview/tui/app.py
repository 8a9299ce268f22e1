"""The Textual application: home → (wizard) → interview, with a command palette."""

from __future__ import annotations

from functools import cached_property, partial
from pathlib import Path
from typing import TYPE_CHECKING

from textual.app import App
from textual.binding import Binding
from textual.command import Hit, Hits, Provider

from interview.errors import UserError
from interview.tui import styles
from interview.tui.screens.home import HomeChoice, HomeScreen

if TYPE_CHECKING:
    from interview.session.store import SessionHandle, SessionStore
    from interview.tui.screens.new_session import NewSessionForm

# Only the home screen is imported up front; the interview, the store and the data are
# loaded when first needed, so the first screen appears as fast as a bare Textual app.


class ScreenCommands(Provider):
    """Every key of the current screen (home or interview) as a command palette entry."""

    async def search(self, query: str) -> Hits:
        matcher = self.matcher(query)
        screen = self.screen  # the screen the palette was opened on
        for binding in screen.BINDINGS:
            if not isinstance(binding, Binding) or not binding.description:
                continue
            key = binding.key.upper() if binding.key.startswith("f") else binding.key
            text = f"{binding.description}（{key}）"
            score = matcher.match(text)
            if score > 0:
                yield Hit(
                    score,
                    matcher.highlight(text),
                    partial(screen.run_action, binding.action),
                    help=key,
                )


class InterviewApp(App[None]):
    TITLE = "API接続チェックリスト 回答アシスタント"
    CSS_PATH = [styles.APP, styles.HOME]  # the home screen is the default screen
    COMMANDS = App.COMMANDS | {ScreenCommands}
    BINDINGS = [Binding("ctrl+q", "quit", "終了", id="app.quit", priority=True)]

    def __init__(self, sessions_dir: Path, resume: str | None = None) -> None:
        super().__init__()
        self.sessions_dir = sessions_dir
        self.resume_id = resume
        self.handle: SessionHandle | None = None

    @cached_property
    def store(self) -> SessionStore:
        from interview.session.store import SessionStore

        return SessionStore(self.sessions_dir)

    def get_default_screen(self) -> HomeScreen:
        return HomeScreen()

    def on_mount(self) -> None:
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
        from interview.tui.screens.interview import InterviewScreen
        from interview.wording import edition_warning

        self.close_session()
        try:
            opened = open_session(self.store, session_id)
        except UserError as exc:
            self.notify(str(exc), severity="error", timeout=10)
            return
        self.handle = opened.handle
        if opened.mismatch is not None:
            self.notify(edition_warning(opened.mismatch), severity="warning", timeout=10)
        self.push_screen(InterviewScreen(opened.live))

    def close_session(self) -> None:
        if self.handle is not None:
            self.handle.close()
            self.handle = None

    def on_unmount(self) -> None:
        self.close_session()
