"""What a server store has to say during a session reaches the reviewer once: the server
away, back again, and the decisions it refused when the queue was sent (set aside)."""

from __future__ import annotations

from ui_review_support import SIZE, notifications

SET_ASIDE = "1 decision the server refused is set aside in the spool: its article is gone"


async def test_decisions_set_aside_on_return_are_said_once_and_not_called_sent(
    started, make_app, seed, seed_analysis, monkeypatch
) -> None:
    app = make_app(seed, seed_analysis)
    async with started(app, size=SIZE) as pilot:
        store = app.review.store
        told = {"trouble": "the review store is unreachable; 1 decision made since is kept here"}
        monkeypatch.setattr(type(store), "trouble", property(lambda _: told["trouble"]))
        app._take_in_others_decisions()
        await pilot.pause()
        told["trouble"] = None
        store.notice = SET_ASIDE  # what the store says when the server refused an entry
        app._take_in_others_decisions()
        app._take_in_others_decisions()  # said once, not at every poll
        await pilot.pause()
        said = notifications(app)
        assert said.count(SET_ASIDE) == 1, said
        back = [m for m in said if m.startswith("the review store answers again")]
        assert back == [
            "the review store answers again; the decisions kept here were sent but for those said next"
        ]


async def test_a_server_back_with_nothing_refused_says_the_decisions_were_sent(
    started, make_app, seed, seed_analysis, monkeypatch
) -> None:
    app = make_app(seed, seed_analysis)
    async with started(app, size=SIZE) as pilot:
        told: dict[str, str | None] = {"trouble": "the review store is unreachable"}
        monkeypatch.setattr(type(app.review.store), "trouble", property(lambda _: told["trouble"]))
        app._take_in_others_decisions()
        told["trouble"] = None
        app._take_in_others_decisions()
        await pilot.pause()
        assert notifications(app)[-1] == "the review store answers again; the decisions kept here were sent"
