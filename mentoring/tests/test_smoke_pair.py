def test_active_pair_fixture(active_pair):
    assert active_pair.status == "active"
    assert active_pair.mentor_terms.count() == 1
    assert active_pair.review_due.isoformat() == "2026-05-22"
