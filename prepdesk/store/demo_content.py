"""The content of the sample data: who the person is, their projects, stories and companies.

Kept apart from demo.py so the logic stays short; every text here is invented.
"""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class ProjectText:
    key: str
    name: str
    role: str
    started_days_ago: int
    ended_days_ago: int | None
    problem: str
    approach: str
    challenges: str
    results: str
    tech_stack: str
    links: str


@dataclass(frozen=True)
class StoryText:
    title: str
    project_key: str | None
    competencies: tuple[str, ...]
    situation: str
    task: str
    action: str
    result: str
    metrics: str
    follow_ups: dict[str, str]  # likely follow-up question -> answer notes


PROJECTS: tuple[ProjectText, ...] = (
    ProjectText(
        key="ranking",
        name="Home-feed ranking model",
        role="ML engineer, owner of the second-stage ranker",
        started_days_ago=1150,
        ended_days_ago=700,
        problem="The marketplace home feed was ordered by a hand-tuned popularity score. "
        "New listings were buried, and click-through had been flat for a year.",
        approach="Replaced the heuristic with a two-stage system: a two-tower retrieval model "
        "pulling 500 candidates, then a LightGBM LambdaMART ranker over 180 features "
        "(user history, listing freshness, price position, seller quality). Offline "
        "evaluation on NDCG@10 from logged impressions, then a two-week A/B test.",
        challenges="Position bias in the logged clicks inflated offline gains; I added "
        "inverse-propensity weighting from a small randomised traffic slice. A feature "
        "computed differently in the batch job and the online service cost us a first "
        "failed launch.",
        results="Click-through on the feed +6.8%, purchases from the feed +3.1%, "
        "new-listing impressions +22%. p99 ranking latency held at 38 ms.",
        tech_stack="Python, LightGBM, PyTorch (two-tower), Spark, Airflow, Redis, gRPC, Kubernetes",
        links="Internal design doc (not shareable); public talk slides on request",
    ),
    ProjectText(
        key="feature-store",
        name="Feature store migration",
        role="Tech lead, team of four",
        started_days_ago=690,
        ended_days_ago=430,
        problem="Eleven models read features from ad-hoc Hive tables and hand-written Redis "
        "caches. Every new model re-implemented the same aggregates, and training-serving "
        "skew caused two incidents in six months.",
        approach="Moved shared features into Feast with an offline store on the warehouse "
        "and Redis online. Wrote point-in-time-correct training joins, a shadow-read "
        "period comparing old and new values per feature, and migrated models one at a "
        "time behind flags.",
        challenges="Teams did not want to pause roadmaps for a migration; some features "
        "had undocumented business logic; backfilling two years of history without "
        "overloading the warehouse.",
        results="All 11 models migrated in 9 months; feature-definition duplication removed "
        "(312 definitions down to 140); time to ship a new model's features from about 3 "
        "weeks to 4 days; zero skew incidents in the following year.",
        tech_stack="Feast, BigQuery, Redis, Airflow, Python, Great Expectations, Terraform",
        links="",
    ),
    ProjectText(
        key="fraud",
        name="Real-time card-fraud detection model",
        role="Senior ML engineer",
        started_days_ago=420,
        ended_days_ago=45,
        problem="Fraud losses on card-not-present payments had doubled in a year, and the "
        "rules engine blocked too many good customers (false-positive rate about 4%).",
        approach="Gradient-boosted trees scored on every authorisation within 50 ms, using "
        "streaming velocity features (counts and amounts per card, device and merchant "
        "over sliding windows). Labels from chargebacks arrive weeks late, so training used "
        "a maturity cutoff and analyst decisions as early labels.",
        challenges="Severe class imbalance (0.12% fraud); delayed and noisy labels; agreeing "
        "a decision threshold with the risk team; keeping streaming and batch features "
        "identical.",
        results="Fraud losses down 31% at the same review volume; false positives down from "
        "4.1% to 1.6%; recall at 1% FPR from 0.52 to 0.71. Runs at 4,000 requests per second "
        "with p99 latency 27 ms.",
        tech_stack="XGBoost, Kafka, Flink, Feast, Python, FastAPI, Prometheus, Grafana",
        links="",
    ),
)

STORIES: tuple[StoryText, ...] = (
    StoryText(
        title="Migrating the feature store",
        project_key="feature-store",
        competencies=("Leadership", "Ownership", "Technical depth"),
        situation="Eleven production models each computed their own features from raw "
        "tables. The same 30-day spend aggregate existed in six versions, and two incidents "
        "in half a year came from training and serving disagreeing.",
        task="As tech lead I had to move every model onto one shared feature store without "
        "stopping the teams that owned those models from shipping.",
        action="I wrote a design doc comparing three options and got sign-off by showing the "
        "cost of the last two incidents. I built the point-in-time join library first, so "
        "the first migrated model was easier to train than before. Each feature ran in "
        "shadow mode for two weeks with a daily diff report; I sat with each owning team "
        "for their migration and kept a public tracker of what was left.",
        result="All 11 models moved in nine months. Definitions fell from 312 to 140, new "
        "models got their features in 4 days instead of about 3 weeks, and there were no "
        "skew incidents in the next year.",
        metrics="11 models; 312 → 140 definitions; 3 weeks → 4 days; 0 skew incidents",
        follow_ups={
            "How did you decide the migration order?": "Least risky first: a model with a small "
            "blast radius and a friendly team, to prove the path; the fraud model went last.",
            "What would you do differently?": "Start the shadow comparisons earlier; the backfill "
            "took a month longer than planned because of warehouse quotas.",
        },
    ),
    StoryText(
        title="The ranker that won offline and lost online",
        project_key="ranking",
        competencies=("Failure and learning", "Technical depth", "Communication"),
        situation="Our first ranking model beat the popularity baseline by 9% NDCG offline, "
        "but in the A/B test click-through dropped 2% after three days.",
        task="I owned the model, so I had to find the cause, tell stakeholders honestly and "
        "decide whether to roll back.",
        action="I rolled back the same day and wrote a short note explaining what we knew. "
        "Comparing logged online features with the offline training rows, I found the "
        "'seller response time' feature was in hours offline and minutes online. I added a "
        "feature-parity check to the deployment pipeline, retrained, and re-ran the test.",
        result="The second test showed +6.8% click-through and shipped. The parity check has "
        "since caught four mismatches before launch in other teams' models.",
        metrics="-2% CTR → +6.8% CTR; 4 later mismatches caught pre-launch",
        follow_ups={
            "Why did the offline evaluation not catch it?": "Offline used the batch definition for "
            "both training and evaluation, so it was self-consistent; only serving differed.",
            "How did the product manager react?": "Disappointed at first; the same-day rollback "
            "and a clear timeline for the rerun kept their trust.",
            "How does the parity check work?": "It replays 10,000 logged requests through both "
            "paths and fails the deploy if any feature differs beyond a tolerance.",
        },
    ),
    StoryText(
        title="Choosing the metric for the home feed",
        project_key="ranking",
        competencies=("Conflict resolution", "Impact"),
        situation="Product wanted to optimise clicks; the marketplace team worried that "
        "would favour cheap clickbait listings and hurt sellers of higher-value items.",
        task="I had to get both groups to agree on what the ranker should optimise before "
        "we spent another month training.",
        action="I met each side separately to understand what they feared, then pulled "
        "historical data showing clicks and purchases diverged mainly for listings under "
        "£10. I proposed a combined objective, purchase-weighted clicks with a guardrail on "
        "gross merchandise value, and ran both variants in a small test so the data, not "
        "opinion, would decide.",
        result="Both teams signed off on the combined objective. It gave +3.1% purchases "
        "and kept GMV flat, where the click-only variant cost 1.4% GMV.",
        metrics="+3.1% purchases; GMV guardrail held (click-only: -1.4%)",
        follow_ups={
            "What if the data had favoured one side?": "We agreed the decision rule before the "
            "test, so either side could accept the outcome.",
        },
    ),
    StoryText(
        title="Launching the fraud model without blocking good customers",
        project_key="fraud",
        competencies=("Impact", "Teamwork"),
        situation="The rules engine blocked about 4% of legitimate card payments, and fraud "
        "losses had still doubled in a year.",
        task="Deliver a real-time model that caught more fraud while blocking fewer good "
        "customers, with risk analysts and the payments platform team as partners.",
        action="I set up a weekly review with two fraud analysts who labelled borderline "
        "cases and told us which signals they trusted. With the platform team I agreed a "
        "50 ms latency budget and built streaming velocity features in Flink to fit it. We "
        "launched in shadow mode for three weeks, then ramped from 5% to 100% of traffic.",
        result="Fraud losses fell 31% at the same review volume and false positives fell "
        "from 4.1% to 1.6%, roughly 18,000 fewer good customers declined per month.",
        metrics="-31% fraud losses; FPR 4.1% → 1.6%; ~18k fewer false declines/month",
        follow_ups={
            "How did you handle delayed chargeback labels?": "Trained only on transactions older "
            "than 60 days, with analyst decisions as provisional labels for recent data.",
            "How was the threshold chosen?": "From a cost curve built with the risk team: expected "
            "fraud loss against review cost and customer friction.",
        },
    ),
    StoryText(
        title="Bringing an analyst onto the fraud on-call",
        project_key="fraud",
        competencies=("Leadership", "Teamwork"),
        situation="Only two engineers could debug the fraud pipeline, and one was leaving. "
        "A strong analyst on the team wanted to move into ML engineering.",
        task="Get her able to handle on-call alerts on her own within a quarter.",
        action="I wrote runbooks for our five most common alerts, paired with her on every "
        "incident for a month, then swapped roles so she drove while I watched. I gave her "
        "a real project, a drift dashboard, so she learned the code by changing it.",
        result="She joined the rotation after ten weeks and resolved 14 alerts alone in her "
        "first two months; median time to resolve fell from 95 to 40 minutes.",
        metrics="10 weeks to rotation; 14 solo alerts; MTTR 95 → 40 min",
        follow_ups={
            "What was the hardest part for her?": "Reading Flink job graphs; we built a one-page "
            "cheat sheet together.",
        },
    ),
    StoryText(
        title="Why I moved from analytics into machine learning",
        project_key=None,
        competencies=("Motivation",),
        situation="I started as a data analyst producing weekly churn reports that people "
        "read but rarely acted on.",
        task="I wanted my work to change decisions automatically, not just describe them.",
        action="I built a churn-risk model in my own time, showed it to the retention team, "
        "and ran a small pilot where they called the top 5% riskiest customers first. I "
        "then asked to move to the ML team and took evening courses in deep learning.",
        result="The pilot cut churn in the called group by 12% against a holdout; I moved "
        "to the ML team six months later and have shipped three production models since.",
        metrics="-12% churn in pilot; 3 production models since",
        follow_ups={
            "Why this company in particular?": "Models are the product here, not a side project, "
            "and the team ships to production weekly.",
        },
    ),
)


@dataclass(frozen=True)
class StageText:
    type_name: str
    days_from_today: int | None  # None: not scheduled yet
    local_hour: int
    duration_minutes: int
    format: str
    location: str
    interviewers: tuple[int, ...]  # indexes into the company's people
    prep_notes: str
    outcome: str = ""
    debrief: str = ""
    # (text asked, matching built-in behavioral question or None, curriculum topic key or None)
    asked: tuple[tuple[str, str | None, str | None], ...] = ()


@dataclass(frozen=True)
class CompanyText:
    name: str
    role: str
    status: str
    created_days_ago: int
    links: str
    products: str
    ml_usage: str
    culture: str
    notes: str
    values: tuple[str, ...]
    people: tuple[tuple[str, str, str], ...]  # name, role, notes
    timezone: str = "UTC"
    stages: tuple[StageText, ...] = ()


_MEET = "https://meet.example.com/"
_NEXT_ROLE = "What are you looking for in your next role that you do not have now?"

# Stage rows: type, days from today, local hour, minutes, format, location, interviewers, prep.
# fmt: off
_NORTHWIND_STAGES = (
    StageText("Recruiter screen", -8, 11, 45, "phone", "Priya calls my mobile", (0,),
              "Two-minute intro; why robotics; salary range ready.",
              outcome="passed",
              debrief="Went well. Priya liked the fraud-latency story. Next: coding, then "
              "design and behavioral, then the onsite loop. She asked about my notice period.",
              asked=(("What are you looking for in your next role?", _NEXT_ROLE, None),
                     ("Walk me through a model you took to production.", None,
                      "system-design.model-serving"))),
    StageText("Coding challenge", 5, 14, 60, "video", _MEET + "nwr-coding", (1,),
              "Shared editor, Python. Expect graphs and grids; state complexity."),
    StageText("ML system design", 9, 14, 60, "video", _MEET + "nwr-design", (1,),
              "Likely a detection pipeline for a robot fleet: data, labelling, "
              "on-device serving, monitoring."),
    StageText("Behavioral", 12, 10, 45, "video", _MEET + "nwr-behavioral", (2,),
              "Map stories to Ownership, Technical depth, Teamwork."),
    StageText("Onsite loop", 20, 10, 60, "onsite", "Northwind Robotics, 14 Canal Yard, "
              "London N1 9AB", (1, 2),
              "Four back-to-back sessions; bring ID; lunch with the team."),
)
_HELIOS_STAGES = (
    StageText("Recruiter screen", 7, 11, 45, "video", _MEET + "helios-screen", (0,),
              "Why health; experience with sensitive data; visa question."),
    StageText("Technical assessment", None, 9, 60, "take-home", "", (1,),
              "Take-home NLP task, sent after the screen."),
)
# fmt: on

COMPANIES: tuple[CompanyText, ...] = (
    CompanyText(
        name="Northwind Robotics",
        role="Machine Learning Engineer, Perception",
        status="interviewing",
        created_days_ago=40,
        links="https://northwind-robotics.example.com/careers/ml-perception",
        products="Autonomous mobile robots for warehouses; a fleet-management dashboard.",
        ml_usage="Object detection and segmentation on robot cameras, on-device inference, "
        "learned path costs, anomaly detection on fleet telemetry.",
        culture="Small teams owning a robot capability end to end; written design reviews; "
        "engineers rotate through the test warehouse.",
        notes="## Why them\n- Models run on real hardware: latency and robustness matter\n"
        "- Recruiter said the team is growing from 6 to 10\n\n"
        "## To mention\n- Feature store migration (data quality at scale)\n"
        "- Fraud model latency work (27 ms p99)",
        values=("Ownership", "Technical depth", "Teamwork"),
        people=(
            ("Priya Raman", "recruiter", "Friendly; prefers email. Said the loop takes 3 weeks."),
            (
                "Tomasz Nowak",
                "interviewer",
                "Staff ML engineer, perception. Wrote their blog post on quantised detectors.",
            ),
            ("Grace Adeyemi", "interviewer", "Engineering manager of the perception team."),
        ),
        timezone="Europe/London",
        stages=_NORTHWIND_STAGES,
    ),
    CompanyText(
        name="Helios Health AI",
        role="Senior Machine Learning Engineer, Clinical NLP",
        status="applied",
        created_days_ago=18,
        links="https://helios-health.example.com/jobs\nhttps://helios-health.example.com/blog",
        products="Tools that summarise clinical notes and flag patients for follow-up.",
        ml_usage="Fine-tuned transformer models for clinical text, retrieval over patient "
        "records, careful evaluation with clinicians.",
        culture="Regulated environment: documentation and validation before speed. "
        "Hybrid, two days in the Boston office.",
        notes="- Applied through referral from an ex-colleague\n"
        "- Read their paper on de-identification before the screen",
        values=("Communication", "Impact"),
        people=(
            ("Daniel Ortiz", "recruiter", "Booked the screen within a day."),
            ("Mei Lin", "interviewer", "Head of ML; ex-hospital data scientist."),
        ),
        timezone="America/New_York",
        stages=_HELIOS_STAGES,
    ),
    CompanyText(
        name="Quanta Retail",
        role="ML Engineer, Search and Recommendations",
        status="researching",
        created_days_ago=6,
        links="https://quanta-retail.example.com/careers",
        products="Online grocery and home goods; mobile app with personalised offers.",
        ml_usage="Search ranking, recommendations, demand forecasting, dynamic promotions.",
        culture="Fast-moving, heavy A/B testing culture; weekly experiment reviews.",
        notes="- Ranking experience is a direct match\n- Ask about the size of the ML team",
        values=("Impact", "Ambiguity"),
        people=(
            ("Sofia Marchetti", "recruiter", "Reached out on LinkedIn."),
            ("Arjun Mehta", "interviewer", "Lead, search relevance (guessing from the post)."),
        ),
    ),
)


# Where the sample person stands today; topics not listed get a random middling level.
# fmt: off
FINAL_LEVELS = {
    "programming.python": 5, "programming.numpy-pandas": 5, "programming.sql": 4,
    "programming.scikit-learn": 4, "algorithms.arrays-hashing": 4, "ml.supervised-learning": 5,
    "ml.model-evaluation": 4, "ml.recommender-models": 4, "system-design.feature-stores": 5,
    "system-design.model-serving": 4, "algorithms.dynamic-programming": 1,
    "ml.reinforcement-learning": 0, "ml.generative-models": 1, "programming.tensorflow": 1,
    "math.bayesian-inference": 0,
}
NEVER_RATED = ("math.information-theory", "math.numerical-stability", "algorithms.backtracking")
SESSION_NOTES = ("Worked examples from my notes", "Flashcards and active recall",
                 "Read a chapter and summarised it", "Practice problems",
                 "Lecture video, then a one-page summary", "Explained it aloud as in an interview")
FAILED_ATTEMPT_NOTES = ("Brute force only; timed out on large input.",
                        "Right idea, but off-by-one errors ate the time.",
                        "Stuck; read the discussion afterwards.")
SOLVED_ATTEMPT_NOTES = ("Solved and explained it aloud in time.", "Clean solution, first try.")
SLOW_SOLVED_NOTES = ("Solved, but too slowly for an interview.",
                     "Got there after a wrong first approach; redo it next week.")
PRACTICE_NOTES = ("Too much situation, rushed the result.", "Good pace; say the numbers earlier.",
                  "Forgot to say what I would do differently.", "Strong. Keep the opening line.",
                  "Rambled in the action part; cut one step.", "")
# fmt: on
