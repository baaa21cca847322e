#!/usr/bin/env bash
# Runs the evaluation on every question set the branch measures: the two shared sets and every
# eval/check-questions*.jsonl (the sets eval/expected.json gates).
sets="../shared/eval/questions.jsonl ../shared/eval/questions-2.jsonl $(ls eval/check-questions*.jsonl | sort | tr '\n' ' ')"
npm run -s eval -- --questions $sets "$@"
