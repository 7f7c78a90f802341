"""Measuring Tanya, apart from building (index/) and serving (bot/): the quality report over every
question set, the question-set loaders, the dev-set scoring, and the archive-scale benchmark with
its synthetic corpus generator."""
