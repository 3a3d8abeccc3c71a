"""The optimal assignment of a whole form: every mentee to at most one mentor, every mentor to at most their
free places, as many pairs as the hard rules allow and, among those, the highest total score.

linear_sum_assignment (scipy) on a cost matrix of mentees × places, a mentor's column repeated for each free
place; a forbidden pair costs more than all the scores together, so the solver first avoids them (the most
pairs), then maximises the points. Each further place of a mentor costs a little more, which spreads the
mentees over the mentors when the scores are close."""

from collections import Counter
from dataclasses import dataclass
from itertools import islice

import numpy as np
from scipy.optimize import linear_sum_assignment

from mentoring.documents.russian import plural_ru

from .board import Board, MenteeCard, MentorCard
from .scoring import Fit, evaluate, obstacle, points_matrix

BASE_UTILITY = 10  # any allowed pair is worth more than no pair
PLACE_COST = 3  # a mentor's second mentee costs 3 points more than the first, and so on
FORBIDDEN = 1e9


@dataclass
class Suggestion:
    mentor: MentorCard
    mentee: MenteeCard
    fit: Fit
    alternatives: list[tuple[MentorCard, int]]  # other allowed mentors with their scores, best first


@dataclass
class Unmatched:
    mentee: MenteeCard
    why: str


@dataclass
class Suggestions:
    board: Board
    pairs: list[Suggestion]
    unmatched: list[Unmatched]

    @property
    def groups(self) -> list[tuple[MentorCard, list[Suggestion]]]:
        """The suggestions by mentor: each becomes one pair (group) when accepted."""
        by_mentor: dict[int, list[Suggestion]] = {}
        for suggestion in self.pairs:
            by_mentor.setdefault(suggestion.mentor.person_id, []).append(suggestion)
        groups = [
            (items[0].mentor, sorted(items, key=lambda s: -s.fit.score)) for items in by_mentor.values()
        ]
        return sorted(groups, key=lambda group: group[0].name)

    @property
    def free_places(self) -> int:
        return sum(mentor.free for mentor in self.board.mentors)


def assign(points: np.ndarray, mentors: list[MentorCard]) -> dict[int, int]:
    """mentee index → mentor index of the optimal assignment."""
    columns, place_costs = [], []
    for j, mentor in enumerate(mentors):
        for k in range(mentor.free):
            columns.append(j)
            place_costs.append(PLACE_COST * (mentor.load + k))
    if not columns or not len(points):
        return {}
    utility = points[:, columns] + BASE_UTILITY
    cost = np.where(np.isnan(utility), FORBIDDEN, -utility + np.array(place_costs))
    rows, cols = linear_sum_assignment(cost)
    return {int(i): columns[c] for i, c in zip(rows, cols, strict=True) if cost[i, c] < FORBIDDEN / 2}


def suggest(board: Board, *, alternatives: int = 3) -> Suggestions:
    points = points_matrix(board)
    assigned = assign(points, board.mentors)
    pairs, unmatched = [], []
    for i, mentee in enumerate(board.mentees):
        allowed = np.flatnonzero(~np.isnan(points[i]))
        ranked = allowed[np.argsort(-points[i, allowed], kind="stable")].tolist()
        if i in assigned:
            mentor = board.mentors[assigned[i]]
            best = (j for j in ranked if j != assigned[i])
            others = [
                (board.mentors[j], Fit(int(points[i, j]), []).score) for j in islice(best, alternatives)
            ]
            pairs.append(
                Suggestion(mentor, mentee, evaluate(mentor, mentee, board.roles, explain=True), others)
            )
        else:
            unmatched.append(Unmatched(mentee, _why(board, points[i], ranked, mentee)))
    unmatched.sort(key=lambda item: item.mentee.name)
    return Suggestions(board, pairs, unmatched)


def _mentors(count: int) -> str:
    return f"{count} {plural_ru(count, 'наставник', 'наставника', 'наставников')}"


def _why(board: Board, row: np.ndarray, ranked: list[int], mentee: MenteeCard) -> str:
    """Why a mentee is left without a suggestion, in words."""
    if not board.mentors:
        return "в базе нет наставников для этой формы"
    if not ranked:
        reasons = Counter(obstacle(board.roles, board.form_name, mentor, mentee) for mentor in board.mentors)
        return "никто из наставников не подходит: " + "; ".join(
            f"{reason} ({_mentors(count)})" for reason, count in reasons.most_common()
        )
    free = [j for j in ranked if board.mentors[j].free > 0]
    if not free:
        return f"все подходящие наставники ({len(ranked)}) заняты: у каждого уже по 5 наставляемых"
    best = board.mentors[free[0]]
    return (
        f"свободные места подходящих наставников ({_mentors(len(free))}) отданы наставляемым с более высоким "
        f"баллом; ближайший вариант — {best.short_name}, балл {Fit(int(row[free[0]]), []).score}"
    )
