#!/usr/bin/env bash
# Runs the evaluation on every question set the branch measures (the fifth only when present).
sets="../shared/eval/questions.jsonl ../shared/eval/questions-2.jsonl eval/check-questions.jsonl eval/check-questions-b.jsonl"
[ -f eval/check-questions-c.jsonl ] && sets="$sets eval/check-questions-c.jsonl"
npm run -s eval -- --questions $sets "$@"
