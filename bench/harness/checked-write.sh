#!/bin/bash
# What one checked write costs: serve --tdb (a copy of database SRC, loaded from HOMEDIR) with --update-users in a
# heap of XMX, then the README's example write (a comment on a document) and a review decision (the first
# candidate accepted, queries/explorer/review-decide.ru as the review page sends it), each timed with curl.
#   S=/tmp/w JAR=target/claimgraph.jar HOMEDIR=/tmp/c10k SRC=/tmp/l10k.tdb XMX=2g bench/harness/checked-write.sh
set -u
S=${S:-/tmp/checked-write}; mkdir -p $S; JAR=${JAR:-target/claimgraph.jar}; HOMEDIR=${HOMEDIR:?the corpus home}; DB=$S/w.tdb; PORT=${PORT:-3421}; BASE=http://localhost:$PORT
log() { echo "$(date -u +%H:%M:%S) $*" | tee -a $S/checked-write.log; }
rm -rf $DB; cp -rL ${SRC:?the database to copy} $DB
printf 'curator: change-me\n' > $S/users.properties
java -Xmx${XMX:-2g} -Xlog:gc:file=$S/gc.log -Dclaimgraph.home=$HOMEDIR -jar $JAR serve --port $PORT --tdb $DB --update-users $S/users.properties > $S/serve.log 2>&1 &
pid=$!
for i in $(seq 1 600); do sleep 1; grep -q "claimgraph serving" $S/serve.log && break; kill -0 $pid 2>/dev/null || { log "the server exited: $(tail -3 $S/serve.log)"; exit 0; }; done
log "server up (pid $pid, rss $(ps -o rss= -p $pid) KiB)"
doc=$(curl -s -H 'Accept: text/csv' --data-urlencode 'query=SELECT ?d { ?d a <https://w3id.org/claimgraph/ontology#SourceDocument> } ORDER BY ?d LIMIT 1' $BASE/kg/sparql | tail -1 | tr -d '\r')
cand=$(curl -s -H 'Accept: text/csv' --data-urlencode 'query=SELECT ?c { ?c <https://w3id.org/claimgraph/ontology#status> <https://w3id.org/claimgraph/ontology#Candidate> } ORDER BY ?c LIMIT 1' $BASE/kg/sparql | tail -1 | tr -d '\r')
log "document $doc; candidate $cand"
r=$(curl -s -o $S/w1.out -w '%{http_code} %{time_total}' -u curator:change-me --data-urlencode "update=INSERT DATA { GRAPH <https://w3id.org/claimgraph/id/graph/documents> { <$doc> <http://www.w3.org/2000/01/rdf-schema#comment> \"Checked against the source.\" } }" $BASE/kg/update)
log "comment on a document: status/seconds $r; $(head -c 300 $S/w1.out); rss $(ps -o rss= -p $pid) KiB"
upd=$(sed "s|^WHERE {|WHERE {\n  VALUES (?claim ?decision) { (<$cand> cg:Accepted) }|" $(dirname "$0")/../../queries/explorer/review-decide.ru)
r=$(curl -s -o $S/w2.out -w '%{http_code} %{time_total}' -u curator:change-me --data-urlencode "update=$upd" $BASE/kg/update)
log "review decision: status/seconds $r; $(head -c 300 $S/w2.out); rss $(ps -o rss= -p $pid) KiB"
curl -s -H 'Accept: text/csv' --data-urlencode "query=SELECT ?s { <$cand> <https://w3id.org/claimgraph/ontology#status> ?s }" $BASE/kg/sparql | tee -a $S/checked-write.log
log "alive: $(kill -0 $pid && echo yes)"
kill $pid; wait $pid 2>/dev/null
grep -c "Pause Full" $S/gc.log | xargs echo "full GCs:" | tee -a $S/checked-write.log
