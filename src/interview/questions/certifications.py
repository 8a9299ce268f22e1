"""Third-party certifications and assurance reports the guide names (通番3 注3)."""

from __future__ import annotations

# Offered as a check-list at the items where the guide allows them, and in the wizard.
CERTIFICATION_OPTIONS: tuple[str, ...] = (
    "プライバシーマーク",
    "ISMS（JIS Q 27001等）",
    "ITSMS（JIS Q 20000-1等）",
    "SOC2",
    "IT委員会実務指針7号",
    "情報セキュリティ監査報告書",
    "CSマーク",
    "ISMSクラウドセキュリティ認証（ISO27017）",
    "合意された手続報告書",
)
