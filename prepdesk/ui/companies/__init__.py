"""The parts of the Companies page: overview, notes, people, questions, pipeline."""
