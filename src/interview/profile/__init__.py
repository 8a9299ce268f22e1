"""Tailoring profiles: exclude checklist items (with reasons) and add a bank's own items."""

from interview.profile.apply import excluded, profile_banks, tailor
from interview.profile.loader import ProfileError, load_profile, parse_profile
from interview.profile.models import AddedItem, AddedQuestion, Exclusion, Profile

__all__ = [
    "AddedItem",
    "AddedQuestion",
    "Exclusion",
    "Profile",
    "ProfileError",
    "excluded",
    "load_profile",
    "parse_profile",
    "profile_banks",
    "tailor",
]
