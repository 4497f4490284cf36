def test_import():
    import newsbrief
    assert newsbrief.Error
