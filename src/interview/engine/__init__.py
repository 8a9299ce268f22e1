"""The interview engine: next question, answers, navigation and progress (no UI)."""
