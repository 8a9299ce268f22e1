"""対象者 (who carries out an item), kept free of heavy imports for the CLI's start-up."""

from __future__ import annotations

from enum import StrEnum

from interview.errors import Message


class Party(StrEnum):
    """対象者: who carries out (and fills in) an item."""

    API_CONNECTOR = "api_connector"
    FINANCIAL_INSTITUTION = "financial_institution"
    COMMON = "common"

    @property
    def label(self) -> str:
        return _PARTY_LABELS[self]

    @classmethod
    def from_label(cls, text: str) -> Party:
        """Accept an id (``api_connector``) or a Japanese label (``API接続先``)."""
        cleaned = "".join(text.split())
        for party in cls:
            if cleaned in (party.value, party.label):
                return party
        raise ValueError(Message("unknown_party", text=text))


_PARTY_LABELS = {
    Party.API_CONNECTOR: "API接続先",
    Party.FINANCIAL_INSTITUTION: "金融機関",
    Party.COMMON: "共通",
}


# The parties that answer a session (共通 items are answered by both of them).
RESPONDENT_PARTIES = (Party.API_CONNECTOR, Party.FINANCIAL_INSTITUTION)
