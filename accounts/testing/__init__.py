"""Test support shared by the apps' test suites (imported only by tests)."""
