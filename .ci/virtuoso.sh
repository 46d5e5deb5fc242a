#!/usr/bin/env bash
# Start or stop a throw-away Virtuoso 7 for the tests (CI runs `start` before pytest, `stop` after).
#
#   .ci/virtuoso.sh start   # prints the SPARQL query URL, e.g. http://127.0.0.1:28890/sparql
#   LEGATION_TEST_VIRTUOSO=$(.ci/virtuoso.sh start) LEGATION_REQUIRE_SERVERS=1 pytest
#   .ci/virtuoso.sh stop
#
# State (virtuoso.ini, database, log, pid) lives in $VIRTUOSO_DIR (default: $TMPDIR/legation-virtuoso-$USER).
# Ports: $VIRTUOSO_HTTP_PORT (default 28890) and $VIRTUOSO_SQL_PORT (default 21111), on 127.0.0.1 only.
# The anonymous SPARQL user gets SPARQL_UPDATE (updates and /sparql-graph-crud); a user `legation` with
# password $VIRTUOSO_TEST_PASSWORD (default legation-test) can write through /sparql-auth (digest) — pass
# them as LEGATION_TEST_VIRTUOSO_USER / LEGATION_TEST_VIRTUOSO_PASSWORD to run the digest test.
# Same configuration as tests/servers.py:start_virtuoso.
set -euo pipefail

dir="${VIRTUOSO_DIR:-${TMPDIR:-/tmp}/legation-virtuoso-${USER:-ci}}"
http_port="${VIRTUOSO_HTTP_PORT:-28890}"
sql_port="${VIRTUOSO_SQL_PORT:-21111}"
password="${VIRTUOSO_TEST_PASSWORD:-legation-test}"
url="http://127.0.0.1:${http_port}/sparql"

find_isql() {
    for name in isql-vt isql-v; do
        if command -v "$name" >/dev/null 2>&1; then command -v "$name"; return 0; fi
    done
    echo "virtuoso.sh: Virtuoso's isql (isql-vt) is not installed" >&2
    return 1
}

write_ini() {
    cat > "$dir/virtuoso.ini" <<EOF
[Database]
DatabaseFile       = $dir/virtuoso.db
ErrorLogFile       = $dir/virtuoso.log
LockFile           = $dir/virtuoso.lck
TransactionFile    = $dir/virtuoso.trx
xa_persistent_file = $dir/virtuoso.pxa
ErrorLogLevel      = 7
FileExtend         = 200
MaxCheckpointRemap = 2000
Striping           = 0
TempStorage        = TempDatabase

[TempDatabase]
DatabaseFile       = $dir/virtuoso-temp.db
TransactionFile    = $dir/virtuoso-temp.trx
MaxCheckpointRemap = 2000
Striping           = 0

[Parameters]
ServerPort         = 127.0.0.1:$sql_port
DisableUnixSocket  = 1
DisableTcpSocket   = 0
MaxClientConnections = 10
CheckpointInterval = 60
CaseMode           = 2
DirsAllowed        = ., $dir
NumberOfBuffers    = 10000
MaxDirtyBuffers    = 6000
MaxQueryMem        = 256M
ThreadsPerQuery    = 2
AsyncQueueMaxThreads = 4

[HTTPServer]
ServerPort         = 127.0.0.1:$http_port
ServerRoot         = $dir
ServerThreads      = 10
MaxClientConnections = 10
MaxKeepAlives      = 10
KeepAliveTimeout   = 10
Charset            = UTF-8
EnabledGzipContent = 0

[SPARQL]
ResultSetMaxRows           = 1000000
MaxQueryCostEstimationTime = 400
MaxQueryExecutionTime      = 120
EOF
}

start() {
    command -v virtuoso-t >/dev/null 2>&1 || { echo "virtuoso.sh: virtuoso-t is not installed" >&2; exit 1; }
    isql="$(find_isql)"
    if [ -f "$dir/virtuoso.pid" ] && kill -0 "$(cat "$dir/virtuoso.pid")" 2>/dev/null; then
        echo "$url"
        return 0
    fi
    mkdir -p "$dir"
    write_ini
    # A plain background command (no subshell left holding our stdout, so `$(virtuoso.sh start)` returns).
    cd "$dir"
    nohup virtuoso-t +foreground +configfile "$dir/virtuoso.ini" </dev/null >"$dir/virtuoso.out" 2>&1 &
    pid=$!
    cd - >/dev/null
    echo "$pid" >"$dir/virtuoso.pid"
    for _ in $(seq 1 300); do
        if ! kill -0 "$pid" 2>/dev/null; then
            echo "virtuoso.sh: Virtuoso exited; its log:" >&2
            tail -n 20 "$dir/virtuoso.out" >&2 || true
            exit 1
        fi
        if curl -fsS -o /dev/null -H 'Accept: application/sparql-results+json' \
                --data-urlencode 'query=ASK {}' "$url" 2>/dev/null; then
            "$isql" "127.0.0.1:$sql_port" dba dba "exec=GRANT SPARQL_UPDATE TO \"SPARQL\";" >/dev/null
            # fails harmlessly when the user exists already (a restart on the same $VIRTUOSO_DIR)
            "$isql" "127.0.0.1:$sql_port" dba dba \
                "exec=DB.DBA.USER_CREATE('legation', '$password'); GRANT SPARQL_UPDATE TO \"legation\";" \
                >/dev/null 2>&1 || true
            echo "$url"
            return 0
        fi
        sleep 0.2
    done
    echo "virtuoso.sh: no answer from $url within 60 s; its log:" >&2
    tail -n 20 "$dir/virtuoso.out" >&2 || true
    exit 1
}

stop() {
    [ -f "$dir/virtuoso.pid" ] || return 0
    pid="$(cat "$dir/virtuoso.pid")"
    if kill -0 "$pid" 2>/dev/null; then
        kill "$pid"
        for _ in $(seq 1 100); do
            kill -0 "$pid" 2>/dev/null || break
            sleep 0.2
        done
        kill -0 "$pid" 2>/dev/null && kill -9 "$pid"
    fi
    rm -f "$dir/virtuoso.pid"
}

case "${1:-}" in
    start) start ;;
    stop) stop ;;
    *) echo "usage: $0 start|stop" >&2; exit 2 ;;
esac
