"""A plain pure-Python implementation of the T/CESA 1299-2023 rating
rules of docs/maturity.md, written only as the baseline of the Python
binding's benchmark (bench/python_binding.py). It reads the model from
data/tcesa1299-2023.json and rates an assessment document: the level
reached, each domain's level and the gaps to the next level. It checks
no more of the input than the rules need; the library checks everything.
"""

import json

FULLY, LARGELY, NOT, NA = 2, 1, 0, 3


class PureRater:
    def __init__(self, model_path):
        with open(model_path, encoding="utf-8") as f:
            model = json.load(f)
        self.levels = len(model["levels"])
        self.domains = [d["id"] for d in model["domains"]]
        order = {d: i for i, d in enumerate(self.domains)}
        big = 1 << 30
        self.clauses = [(c["id"], c["level"], c["domain"]) for c in model["clauses"]]
        # gap order: level, domain, item (domain-wide clauses last), model order
        self.gap_key = {
            c["id"]: (c["level"], order[c["domain"]],
                      c["item"] if c.get("item") is not None else big, i)
            for i, c in enumerate(model["clauses"])}

    @staticmethod
    def satisfaction(rating):
        if isinstance(rating, dict):
            if rating.get("rating") == "na":
                return NA
            rating = rating["rating"]
        if isinstance(rating, (int, float)) and not isinstance(rating, bool):
            if rating > 85:
                return FULLY
            return LARGELY if rating > 50 else NOT
        if rating in ("met", "F"):
            return FULLY
        if rating == "L":
            return LARGELY
        if rating in ("not_met", "N", "P"):
            return NOT
        raise ValueError("unknown rating %r" % (rating,))

    def _reached(self, sats, level):
        """Level `level` holds: fully below it, at least largely at it."""
        for s, lv in sats:
            if s == NA or lv > level:
                continue
            if lv < level and s != FULLY:
                return False
            if lv == level and s == NOT:
                return False
        return True

    def _level(self, sats):
        reached = 0
        for k in range(1, self.levels + 1):
            if not self._reached(sats, k):
                break
            reached = k
        return reached

    def rate(self, doc):
        ratings = doc["ratings"]
        per_clause = []
        by_domain = {d: [] for d in self.domains}
        for cid, lv, dom in self.clauses:
            r = ratings.get(cid)
            s = NOT if r is None else self.satisfaction(r)
            per_clause.append((cid, lv, s))
            by_domain[dom].append((s, lv))
        sats = [(s, lv) for _, lv, s in per_clause]
        level = self._level(sats)
        target = level + 1 if level < self.levels else 0
        gaps = []
        if target:
            for cid, lv, s in per_clause:
                if s == NA or lv > target:
                    continue
                if lv < target and s != FULLY:
                    gaps.append((cid, "fully"))
                elif lv == target and s == NOT:
                    gaps.append((cid, "largely"))
            gaps.sort(key=lambda g: self.gap_key[g[0]])
        return {"level": level,
                "domains": {d: self._level(v) for d, v in by_domain.items()},
                "target": target, "gaps": gaps}
