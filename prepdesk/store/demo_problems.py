"""The sample person's coding problems for `prepdesk demo` (data only).

Each entry: title, platform, difficulty, patterns, curriculum topics, days since the last
attempt, the lesson learned and, when not on LeetCode, its address.
"""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class ProblemSpec:
    title: str
    platform: str
    difficulty: str
    patterns: str
    topics: str  # curriculum keys, comma-separated; a bare name means "algorithms.<name>"
    last_days_ago: int
    lesson: str
    url: str = ""  # derived from the title for LeetCode

    def topic_keys(self) -> list[str]:
        keys = [key.strip() for key in self.topics.split(",")]
        return [key if "." in key else f"algorithms.{key}" for key in keys]

    def link(self) -> str:
        slug = self.title.lower().replace(" ", "-")
        return self.url or f"https://leetcode.com/problems/{slug}/"


_HR = "https://www.hackerrank.com/challenges/"
_KAGGLE = "https://www.kaggle.com/competitions/"
# fmt: off
PROBLEMS = (
    ProblemSpec("Two Sum", "LeetCode", "easy", "hash map", "arrays-hashing", 60,
                "One pass with a dict of value → index."),
    ProblemSpec("Longest Substring Without Repeating Characters", "LeetCode", "medium",
                "sliding window, hash set", "two-pointers, arrays-hashing", 24,
                "Jump the left edge past the last seen index, not one step at a time."),
    ProblemSpec("Merge Intervals", "LeetCode", "medium", "sorting, intervals", "sorting", 33,
                "Sort by start, then extend the last merged end."),
    ProblemSpec("Search in Rotated Sorted Array", "LeetCode", "medium", "binary search",
                "binary-search", 12, "Find the sorted half first, then test the target."),
    ProblemSpec("Number of Islands", "LeetCode", "medium", "BFS, DFS, grid", "graphs", 2,
                "Iterative BFS avoids recursion limits on big grids."),
    ProblemSpec("LRU Cache", "LeetCode", "medium", "hash map, doubly linked list",
                "arrays-hashing, stacks-queues", 1,
                "Sentinel head and tail nodes remove every edge case."),
    ProblemSpec("Top K Frequent Elements", "LeetCode", "medium", "heap, bucket sort",
                "heaps, arrays-hashing", 18, "Bucket sort by count is O(n); a heap is fine."),
    ProblemSpec("Coin Change", "LeetCode", "medium", "dynamic programming",
                "dynamic-programming", 8, "Bottom-up over amounts; start with amount + 1."),
    ProblemSpec("Course Schedule", "LeetCode", "medium", "topological sort, graph", "graphs", 15,
                "Kahn's algorithm: count processed nodes to detect a cycle."),
    ProblemSpec("Binary Tree Level Order Traversal", "LeetCode", "medium", "tree, BFS, queue",
                "trees, stacks-queues", 41, "Snapshot the queue length at each level."),
    ProblemSpec("Trapping Rain Water", "LeetCode", "hard", "two pointers, prefix max",
                "two-pointers", 5, "Move the side with the smaller max; it bounds the water."),
    ProblemSpec("Fraudulent Activity Notifications", "HackerRank", "medium",
                "sliding window, counting sort", "sorting, two-pointers", 27,
                "A counting array over 0-200 gives the median without sorting.",
                _HR + "fraudulent-activity-notifications/problem"),
    ProblemSpec("Climbing the Leaderboard", "HackerRank", "medium",
                "binary search, dense ranking", "binary-search", 50,
                "Deduplicate the scores first.", _HR + "climbing-the-leaderboard/problem"),
    ProblemSpec("Titanic - Machine Learning from Disaster", "Kaggle", "easy",
                "feature engineering, classification",
                "ml.feature-engineering, ml.supervised-learning", 75,
                "The title taken from the name beat every other feature.", _KAGGLE + "titanic"),
    ProblemSpec("House Prices - Advanced Regression Techniques", "Kaggle", "medium",
                "regression, target transform, gradient boosting",
                "ml.feature-engineering, ml.model-evaluation", 36,
                "Log-transform the target; blend ridge with LightGBM.",
                _KAGGLE + "house-prices-advanced-regression-techniques"),
)
# fmt: on
