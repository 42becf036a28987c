#!/usr/bin/env bash
# A throwaway OpenLink Virtuoso (Debian's virtuoso-opensource 7) for claimgraph's tests and benchmarks:
# its own virtuoso.ini and database in a directory of its own, on free ports, stopped when done (the caller
# deletes the directory). Self-contained: it needs bash, coreutils, util-linux (setsid) and Virtuoso's
# virtuoso-t and isql-vt, nothing of claimgraph.
#
#   virtuoso.sh install        install virtuoso-opensource from Debian when virtuoso-t or isql-vt is missing
#                              (apt-get; as root, or through sudo -n)
#   virtuoso.sh check          exit 0 when Virtuoso is installed, else 1 naming what is missing
#   virtuoso.sh start DIR      create DIR (absent or empty), write DIR/virtuoso.ini, start Virtuoso on free
#                              ports with its database in DIR/db, wait until SQL and SPARQL answer, then
#                              print the lines of DIR/virtuoso.env (below) and exit 0; Virtuoso keeps running.
#                              Exit 1 with the reason (and the end of Virtuoso's log) when it does not start.
#   virtuoso.sh stop DIR       stop the Virtuoso started in DIR (SIGTERM, SIGKILL after 30 s); DIR stays
#
# DIR/virtuoso.env, one NAME=VALUE a line (shell- and Java-properties-readable):
#   VIRTUOSO_PID        the virtuoso-t process
#   VIRTUOSO_SQL        host:port of the SQL (isql) listener, e.g. 127.0.0.1:41234
#   VIRTUOSO_HTTP       host:port of the HTTP listener
#   VIRTUOSO_ENDPOINT   the SPARQL endpoint, http://127.0.0.1:PORT/sparql
#   VIRTUOSO_USER       dba, and VIRTUOSO_PASSWORD dba: Virtuoso's documented defaults, for this throwaway
#                       database only
#   VIRTUOSO_LOAD_DIR   DIR/load: the one directory the bulk loader (ld_dir) may read besides DIR
#
# Settings from the environment (all optional):
#   VIRTUOSO_T, ISQL_VT        the binaries (default: virtuoso-t and isql-vt on PATH)
#   VIRTUOSO_SQL_PORT, VIRTUOSO_HTTP_PORT   fixed ports instead of free ones
#   VIRTUOSO_MEMORY_MB         memory for Virtuoso's page buffers and query memory (default 2048; two thirds
#                              go to buffers, as Virtuoso's sizing guide advises)
#   VIRTUOSO_THREADS           threads per query and HTTP server threads (default: the number of cores)
#   VIRTUOSO_START_TIMEOUT     seconds to wait for a fresh database to answer (default 120)
set -euo pipefail

VIRTUOSO_T="${VIRTUOSO_T:-virtuoso-t}"
ISQL_VT="${ISQL_VT:-isql-vt}"

die() { echo "virtuoso.sh: $*" >&2; exit 1; }

missing() {
    local what=()
    command -v "$VIRTUOSO_T" >/dev/null 2>&1 || what+=("$VIRTUOSO_T")
    command -v "$ISQL_VT" >/dev/null 2>&1 || what+=("$ISQL_VT")
    echo "${what[*]:-}"
}

cmd_check() {
    local m; m="$(missing)"
    [ -z "$m" ] || die "Virtuoso is not installed: $m not found (install Debian's virtuoso-opensource: $0 install)"
    { "$VIRTUOSO_T" +help 2>&1 || true; } | sed -n 's/^Version /virtuoso-t /p' | head -1
}

cmd_install() {
    [ -z "$(missing)" ] && { cmd_check; return; }
    local sudo=""
    [ "$(id -u)" -ne 0 ] && sudo="sudo -n"
    export DEBIAN_FRONTEND=noninteractive
    $sudo apt-get update -q
    # Only the server and isql: the recommended conductor and start page are web UIs the tests do not use.
    # Debian's package would start its own system-wide server where services may start; that one is not
    # ours (its own database under /var/lib), so it is stopped again when the install started it.
    $sudo apt-get install -y -q --no-install-recommends virtuoso-opensource
    if [ -x /etc/init.d/virtuoso-opensource-7 ] && pgrep -f -x '/usr/bin/virtuoso-t.*/etc/virtuoso-opensource-7/virtuoso.ini' >/dev/null 2>&1; then
        $sudo /etc/init.d/virtuoso-opensource-7 stop || true
    fi
    cmd_check
}

# A port nothing listens on now (it may be taken before Virtuoso binds it: start retries then).
free_port() {
    local port tries=0
    while [ $tries -lt 200 ]; do
        port=$(( 20000 + RANDOM % 40000 ))
        if ! (exec 3<>"/dev/tcp/127.0.0.1/$port") 2>/dev/null; then echo "$port"; return; fi
        tries=$((tries + 1))
    done
    die "no free port found"
}

write_ini() {
    local dir="$1" sql_port="$2" http_port="$3"
    local mem_mb="${VIRTUOSO_MEMORY_MB:-2048}"
    local threads="${VIRTUOSO_THREADS:-$(nproc 2>/dev/null || echo 2)}"
    local buffers=$(( mem_mb * 1024 / 8 * 2 / 3 / 1024 * 1024 ))   # 8 KiB pages, two thirds of the memory
    local dirty=$(( buffers * 3 / 4 ))
    local query_mem=$(( mem_mb / 4 ))
    cat > "$dir/virtuoso.ini" <<INI
; Written by virtuoso.sh for a throwaway test database; see that script.
[Database]
DatabaseFile        = $dir/db/virtuoso.db
ErrorLogFile        = $dir/db/virtuoso.log
LockFile            = $dir/db/virtuoso.lck
TransactionFile     = $dir/db/virtuoso.trx
xa_persistent_file  = $dir/db/virtuoso.pxa
ErrorLogLevel       = 7
FileExtend          = 200
MaxCheckpointRemap  = 2000
Striping            = 0
TempStorage         = TempDatabase

[TempDatabase]
DatabaseFile        = $dir/db/virtuoso-temp.db
TransactionFile     = $dir/db/virtuoso-temp.trx
MaxCheckpointRemap  = 2000
Striping            = 0

[Parameters]
ServerPort          = 127.0.0.1:$sql_port
DisableUnixSocket   = 1
DisableTcpSocket    = 0
MaxClientConnections = 20
CheckpointInterval  = 60
O_DIRECT            = 0
CaseMode            = 2
MaxStaticCursorRows = 5000
AllowOSCalls        = 0
SchedulerInterval   = 10
; The bulk loader (ld_dir) reads files only under these directories.
DirsAllowed         = ., $dir/load
ThreadCleanupInterval = 0
ThreadThreshold     = 10
ResourcesCleanupInterval = 0
FreeTextBatchSize   = 100000
SingleCPU           = 0
PrefixResultNames   = 0
RdfFreeTextRulesSize = 100
IndexTreeMaps       = 64
MaxMemPoolSize      = 200000000
MaxQueryMem         = ${query_mem}M
VectorSize          = 1000
MaxVectorSize       = 1000000
AdjustVectorSize    = 0
ThreadsPerQuery     = $threads
AsyncQueueMaxThreads = $threads
NumberOfBuffers     = $buffers
MaxDirtyBuffers     = $dirty

[HTTPServer]
ServerPort          = 127.0.0.1:$http_port
ServerRoot          = $dir/vsp
MaxClientConnections = 20
DavRoot             = DAV
EnabledDavVSP       = 0
HTTPProxyEnabled    = 0
TempASPXDir         = 0
ServerThreads       = $(( threads < 4 ? 8 : threads * 2 ))
MaxKeepAlives       = 10
KeepAliveTimeout    = 10
HTTPThreadSize      = 280000
HttpPrintWarningsInOutput = 0
Charset             = UTF-8
EnabledGzipContent  = 0

[AutoRepair]
BadParentLinks      = 0

[Client]
SQL_PREFETCH_ROWS   = 100
SQL_PREFETCH_BYTES  = 16000
SQL_QUERY_TIMEOUT   = 0
SQL_TXN_TIMEOUT     = 0

[SPARQL]
; No row cap and no time limit of Virtuoso's own: claimgraph asks for whole results and enforces its own
; timeout (Virtuoso's defaults, 10,000 rows and 60 s, cut results off and answer with what it has).
ResultSetMaxRows           = 0
MaxQueryCostEstimationTime = 0
MaxQueryExecutionTime      = 0
MaxSortedTopRows           = 0
DeferInferenceRulesInit    = 0
INI
}

read_env() {
    local dir="$1" name="$2"
    sed -n "s/^$name=//p" "$dir/virtuoso.env" 2>/dev/null | head -1
}

log_tail() {
    local dir="$1"
    [ -f "$dir/db/virtuoso.log" ] && { echo "--- end of $dir/db/virtuoso.log:" >&2; tail -n 25 "$dir/db/virtuoso.log" >&2; }
    [ -s "$dir/virtuoso.out" ] && { echo "--- end of $dir/virtuoso.out:" >&2; tail -n 10 "$dir/virtuoso.out" >&2; }
    return 0
}

sql_ready() {
    "$ISQL_VT" "127.0.0.1:$1" dba dba 'EXEC=select 1;' </dev/null >/dev/null 2>&1
}

http_ready() {
    # A SPARQL ASK over plain bash /dev/tcp: no curl needed.
    local reply
    reply="$( (exec 3<>"/dev/tcp/127.0.0.1/$1" || exit 1
               printf 'GET /sparql?query=ASK%%7B%%7D HTTP/1.0\r\nHost: 127.0.0.1\r\nAccept: application/sparql-results+json\r\n\r\n' >&3
               timeout 5 head -c 200 <&3) 2>/dev/null || true)"
    case "$reply" in "HTTP/1."?" 200"*) return 0 ;; *) return 1 ;; esac
}

start_once() {
    local dir="$1" sql_port="$2" http_port="$3"
    rm -rf "$dir/db" "$dir/vsp" && mkdir -p "$dir/db" "$dir/vsp" "$dir/load"
    write_ini "$dir" "$sql_port" "$http_port"
    # In the foreground so that the pid is Virtuoso's own; detached from this shell's session.
    (cd "$dir/db" && exec setsid "$VIRTUOSO_T" +foreground +configfile "$dir/virtuoso.ini" </dev/null >"$dir/virtuoso.out" 2>&1) &
    local pid=$!
    echo "$pid" > "$dir/virtuoso.pid"
    local waited=0 limit="${VIRTUOSO_START_TIMEOUT:-120}"
    while [ $waited -lt $((limit * 2)) ]; do
        if ! kill -0 "$pid" 2>/dev/null; then
            wait "$pid" 2>/dev/null || true
            return 2   # exited: a port taken, or worse (the caller tells them apart)
        fi
        if sql_ready "$sql_port" && http_ready "$http_port"; then return 0; fi
        sleep 0.5
        waited=$((waited + 1))
    done
    kill -KILL "$pid" 2>/dev/null || true
    return 3
}

cmd_start() {
    local dir="${1:?usage: virtuoso.sh start DIR}"
    cmd_check >/dev/null
    mkdir -p "$dir"
    dir="$(cd "$dir" && pwd)"
    [ -z "$(ls -A "$dir")" ] || die "$dir is not empty: start wants a directory of its own for a fresh database"
    local attempt sql_port http_port status
    for attempt in 1 2 3 4 5; do
        sql_port="${VIRTUOSO_SQL_PORT:-$(free_port)}"
        http_port="${VIRTUOSO_HTTP_PORT:-$(free_port)}"
        [ "$sql_port" != "$http_port" ] || continue
        status=0
        start_once "$dir" "$sql_port" "$http_port" || status=$?
        if [ $status -eq 0 ]; then
            cat > "$dir/virtuoso.env" <<ENV
VIRTUOSO_PID=$(cat "$dir/virtuoso.pid")
VIRTUOSO_SQL=127.0.0.1:$sql_port
VIRTUOSO_HTTP=127.0.0.1:$http_port
VIRTUOSO_ENDPOINT=http://127.0.0.1:$http_port/sparql
VIRTUOSO_USER=dba
VIRTUOSO_PASSWORD=dba
VIRTUOSO_LOAD_DIR=$dir/load
ENV
            cat "$dir/virtuoso.env"
            return 0
        fi
        if [ $status -eq 3 ]; then
            log_tail "$dir"
            die "Virtuoso did not answer on SQL port $sql_port and HTTP port $http_port within ${VIRTUOSO_START_TIMEOUT:-120} s"
        fi
        # It exited. A port taken meanwhile is retried on other ports; anything else is a failure.
        if grep -q -i -E 'failed to start listen|address already in use|listener' "$dir/db/virtuoso.log" "$dir/virtuoso.out" 2>/dev/null \
                && [ -z "${VIRTUOSO_SQL_PORT:-}${VIRTUOSO_HTTP_PORT:-}" ]; then
            continue
        fi
        log_tail "$dir"
        die "Virtuoso exited while starting (database $dir/db)"
    done
    log_tail "$dir"
    die "Virtuoso could not get free ports after 5 attempts"
}

cmd_stop() {
    local dir="${1:?usage: virtuoso.sh stop DIR}"
    local pid
    pid="$(cat "$dir/virtuoso.pid" 2>/dev/null || true)"
    [ -n "$pid" ] || die "no Virtuoso was started in $dir (no virtuoso.pid)"
    if ! kill -0 "$pid" 2>/dev/null; then rm -f "$dir/virtuoso.pid"; return 0; fi
    # Only the process this script started, checked by its command line, never by name alone.
    grep -q -a -- "$dir/virtuoso.ini" "/proc/$pid/cmdline" 2>/dev/null || die "process $pid is not the Virtuoso of $dir"
    kill -TERM "$pid" 2>/dev/null || true
    local waited=0
    while kill -0 "$pid" 2>/dev/null && [ $waited -lt 60 ]; do sleep 0.5; waited=$((waited + 1)); done
    if kill -0 "$pid" 2>/dev/null; then kill -KILL "$pid" 2>/dev/null || true; fi
    rm -f "$dir/virtuoso.pid"
}

case "${1:-}" in
    install) cmd_install ;;
    check) cmd_check ;;
    start) shift; cmd_start "$@" ;;
    stop) shift; cmd_stop "$@" ;;
    *) sed -n '2,/^set -euo/p' "$0" | sed '$d' | sed 's/^# \{0,1\}//' >&2; exit 2 ;;
esac
