#!/bin/bash
# What a person waits for on a loaded database: serve --tdb DB in a 4 GiB heap, then every explorer page in headless
# Chromium (src/test/browser/pages.bench.mjs: SAMPLES1 rounds at one client, SAMPLES8 rounds of eight tabs, 10 each
# by default), then each named query over /api/queries RUNS times (2; curl: status, first byte, total, rows), the
# server's RSS along the way.
#   S=/tmp/out JAR=target/claimgraph.jar HOMEDIR=CORPUS DB=DIR bench/harness/pages-and-queries.sh [pages|queries|all]
set -u
ROOT=$(cd "$(dirname "$0")/../.." && pwd)
S=${S:-/tmp/pages-and-queries}; mkdir -p $S; JAR=${JAR:-$ROOT/target/claimgraph.jar}; HOMEDIR=${HOMEDIR:?the corpus home}; DB=${DB:?the database}; PORT=${PORT:-3419}
BASE=http://localhost:$PORT
what=${1:-all}
log() { echo "$(date -u +%H:%M:%S) $*" | tee -a $S/run.log; }
log "start $what; uptime: $(uptime)"
t0=$(date +%s.%N)
java -Xmx4g -Xlog:gc:file=$S/serve-gc.log -Dclaimgraph.home=$HOMEDIR -jar $JAR serve --port $PORT --tdb $DB > $S/serve.log 2>&1 &
pid=$!
for i in $(seq 1 600); do sleep 1; grep -q "claimgraph serving" $S/serve.log && break; done
log "server up after $(echo "$(date +%s.%N) - $t0" | bc) s (pid $pid, rss $(ps -o rss= -p $pid) KiB)"
curl -s -H 'Accept: text/csv' --data-urlencode "query@$ROOT/queries/bench/explorer-pages.rq" $BASE/kg/sparql > $S/choose.csv
log "chosen: $(tail -1 $S/choose.csv)"
IFS=, read -r grade form mineral word claim document < <(tail -1 $S/choose.csv | tr -d '\r')
short() { echo "$1" | sed -e 's|https://w3id.org/claimgraph/ontology#|cg:|' -e 's|https://w3id.org/claimgraph/id/concept/|concept:|'; }
cpath=${claim#https://w3id.org/claimgraph}; dpath=${document#https://w3id.org/claimgraph}; mpath=${mineral#https://w3id.org/claimgraph}
PAGES="{\"home\":\"/\",\"claims\":\"/claims\",\"claims-1-filter\":\"/claims?grade=$(short $grade)\",\"claims-2-filters\":\"/claims?grade=$(short $grade)&form=$(short $form)\",\"search\":\"/claims?q=$word\",\"claim\":\"$cpath\",\"document\":\"$dpath\",\"concept\":\"$mpath\",\"concept-form\":\"/id/concept/${form##*/}\",\"matrix\":\"/matrix\",\"documents\":\"/documents\",\"concepts\":\"/concepts\"}"
log "pages: $PAGES"
if [ "$what" = pages ] || [ "$what" = all ]; then
  cd $ROOT/src/test/browser
  EXPLORER_URL=$BASE/ PAGES="$PAGES" CLIENTS=1 SAMPLES=${SAMPLES1:-10} TIMEOUT_MS=60000 node pages.bench.mjs > $S/pages.c1.json 2> $S/pages.c1.err
  log "pages at 1 client done; rss $(ps -o rss= -p $pid) KiB"
  EXPLORER_URL=$BASE/ PAGES="$PAGES" CLIENTS=8 SAMPLES=${SAMPLES8:-10} TIMEOUT_MS=60000 node pages.bench.mjs > $S/pages.c8.json 2> $S/pages.c8.err
  log "pages at 8 clients done; rss $(ps -o rss= -p $pid) KiB"
  cd $S
fi
if [ "$what" = queries ] || [ "$what" = all ]; then
  I=https://w3id.org/claimgraph/id
  for q in graph-summary claims-per-grade claims-per-mineral claims-per-relation claims-per-document \
      documents-by-unsupported-share unsupported-claims "unsupported-claims?document=$document" doses-vs-upper-limit \
      "mechanism-paths?outcome=$I/concept/anxiety" "outcome-evidence?outcome=$I/concept/anxiety" contradicting-claims \
      "contradicting-claims?concept=$I/concept/cortisol" commercial-interest-claims "claims-about?concept=$I/concept/magnesium" \
      "claims-by-evidence-type?type=http://purl.obolibrary.org/obo/ECO_0000180" claims-by-evidence-type references-cited \
      "claim-evidence?claim=$claim" "concept-search?text=magnesium" bioavailability; do
    for run in $(seq 1 ${RUNS:-2}); do
      r=$(curl -s -o $S/q.out -w '%{http_code} %{time_starttransfer} %{time_total}' -H 'Accept: text/csv' --max-time 120 "$BASE/api/queries/$q")
      echo "$q run $run: status/first byte/total $r rows $(($(wc -l < $S/q.out) - 1))" | tee -a $S/queries.txt
    done
  done
  log "queries done; rss $(ps -o rss= -p $pid) KiB"
fi
log "server rss at the end $(ps -o rss= -p $pid) KiB; alive: $(kill -0 $pid && echo yes)"
kill $pid; wait $pid 2>/dev/null
log "end $what"
