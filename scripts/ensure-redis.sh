#!/usr/bin/env bash
# Makes sure a Redis server answers on 127.0.0.1:6379 (the tests use it): starts one if
# none answers, installs Debian's redis-server first if it is missing.
set -euo pipefail

redis_answers() { (exec 3<>/dev/tcp/127.0.0.1/6379 && printf 'PING\r\n' >&3 && head -c 5 <&3 | grep -q PONG) 2>/dev/null; }
as_root() { if [ "$(id -u)" = "0" ]; then "$@"; else sudo "$@"; fi; }

redis_answers && exit 0
if ! command -v redis-server >/dev/null 2>&1; then
  echo "redis: redis-server ontbreekt; installeren via apt"
  as_root apt-get update -qq
  as_root env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq redis-server >/dev/null
fi
echo "redis: server starten op 127.0.0.1:6379 (niets op schijf)"
redis-server --daemonize yes --bind 127.0.0.1 --port 6379 --save "" --appendonly no
for _ in $(seq 1 50); do redis_answers && exit 0; sleep 0.1; done
echo "redis: server antwoordt niet op 127.0.0.1:6379" >&2
exit 1
