"""The demo data of `manage.py demo_data`: two schools in a municipality, a year of mentoring, documents."""

from .school import DEMO_LOGINS, DEMO_PASSWORD, OTHER_SCHOOL, SCHOOL, build_demo

__all__ = ["DEMO_LOGINS", "DEMO_PASSWORD", "OTHER_SCHOOL", "SCHOOL", "build_demo"]
