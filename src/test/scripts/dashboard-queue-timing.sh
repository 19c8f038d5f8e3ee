#!/usr/bin/env bash
# Server time of the dashboard's queue page holding 100 comments: the page itself plus the JSON call its script makes
# (GET /api/v1/queue, limit 100), read from the HTTP access log (%D: milliseconds) of a packaged Moderato.
# Usage: src/test/scripts/dashboard-queue-timing.sh [rounds]   (builds target/quarkus-app first when missing)
set -euo pipefail
cd "$(dirname "$0")/../../.."
rounds=${1:-30}
port=${PORT:-18089}
key=bench-admin-key-0123456789
base=http://127.0.0.1:$port
[ -f target/quarkus-app/quarkus-run.jar ] || mvn -B -q -DskipTests package
data=$(mktemp -d)
# Reuse a bundle trained by the tests when there is one (else the service trains its own first, ~30 s).
[ -d target/test-data/models ] && cp -r target/test-data/models "$data/"
MODERATO_DATA_DIR=$data java -Dmoderato.access.bootstrap-admin-key=$key -Dquarkus.http.port=$port \
  -Dquarkus.http.record-request-start-time=true -Dquarkus.http.access-log.enabled=true -Dquarkus.http.access-log.pattern='ACCESS %m %U %s %D' \
  -jar target/quarkus-app/quarkus-run.jar >"$data/server.log" 2>&1 &
server=$!
trap 'kill $server 2>/dev/null; wait $server 2>/dev/null; [ -n "${KEEP:-}" ] || rm -rf "$data"' EXIT
for _ in $(seq 1 120); do curl -sf "$base/q/health/ready" >/dev/null && break; sleep 1; done

api() { curl -sf -H "Authorization: Bearer $key" -H 'Content-Type: application/json' "$@"; }
api -X PUT "$base/api/v1/admin/sites/bench/policy" -d '{"suspectWords": ["council"], "links": "ALLOW"}' >/dev/null
insults=(idiot moron clown fool loser hypocrite liar coward)
for i in $(seq 1 100); do
  text="The council must be run by a ${insults[$((i % 8))]}, comment $i: this plan for the ring road and the bus lanes is a disgrace."
  api -X POST "$base/api/v1/comments" -d "{\"siteId\": \"bench\", \"id\": \"c$i\", \"article\": {\"id\": \"a$((i % 7))\", \"title\": \"Ring road plan\"}, \"author\": {\"id\": \"u$((i % 23))\"}, \"text\": \"$text\"}" >/dev/null
done
held=$(api "$base/api/v1/queue?siteId=bench&limit=200" | grep -o '"status":"REVIEW"' | wc -l)

jar=$data/cookies
curl -sf -c "$jar" -o /dev/null -d "key=$key" "$base/dashboard/sign-in"
mark=$(wc -l <"$data/server.log")
for _ in $(seq 1 "$rounds"); do
  curl -sf -b "$jar" -o /dev/null "$base/dashboard/queue?site=bench"
  curl -sf -b "$jar" -o /dev/null "$base/api/v1/queue?siteId=bench&status=REVIEW&sort=score&limit=100"
done
sleep 1
tail -n +"$((mark + 1))" "$data/server.log" | grep -o 'ACCESS GET /[^ ]* 200 [0-9]*' | awk -v held="$held" -v rounds="$rounds" '
  $3 ~ /^\/dashboard\/queue/ { page[++p] = $5 }
  $3 ~ /^\/api\/v1\/queue/ { json[++j] = $5 }
  END {
    skip = int(rounds / 3)                      # the first rounds warm the JIT up
    n = 0
    for (i = skip + 1; i <= p && i <= j; i++) { total[++n] = page[i] + json[i]; ps += page[i]; js += json[i] }
    asort(total)
    printf "held comments: %d; rounds measured: %d (after %d warm-up)\n", held, n, skip
    printf "page mean %.1f ms, JSON (100 comments) mean %.1f ms\n", ps / n, js / n
    printf "page + JSON: median %d ms, p90 %d ms, max %d ms\n", total[int((n + 1) / 2)], total[int(n * 0.9 + 0.5)], total[n]
  }'
