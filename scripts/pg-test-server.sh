#!/usr/bin/env bash
# A throwaway PostgreSQL server for marsad's test suite (see tests/conftest.py).
#
#   scripts/pg-test-server.sh start   install if needed (root only), initdb once, start; print the URL last
#   scripts/pg-test-server.sh stop    fast shutdown, if running
#   scripts/pg-test-server.sh url     print the URL if the server is up, else exit 1
#
# MARSAD_PG_DIR (default /tmp/marsad-pg) is given over to the server: data/, server.log, apt.log.
# MARSAD_PG_PORT (default 54329). The server listens on 127.0.0.1 only, with trust auth and
# fsync=off: it holds test data and nothing else.
# Exit codes: 0 ok, 1 server failed or is down, 2 usage, 3 PostgreSQL missing and cannot be installed.
set -euo pipefail

PG_DIR=${MARSAD_PG_DIR:-/tmp/marsad-pg}
PG_PORT=${MARSAD_PG_PORT:-54329}
DATA=$PG_DIR/data
LOG=$PG_DIR/server.log
URL="postgresql+psycopg://postgres@127.0.0.1:$PG_PORT/postgres"

say() { echo "pg-test-server: $*" >&2; }
die() { local code=$1; shift; say "$*"; exit "$code"; }
now() { echo "$EPOCHREALTIME"; }
elapsed() { awk -v a="$1" -v b="$(now)" 'BEGIN { printf "%.2f s", b - a }'; }

is_root() { [[ $(id -u) -eq 0 ]]; }

# initdb and pg_ctl refuse to run as root, so as root the server belongs to `postgres`.
as_owner() {
    if is_root; then runuser -u postgres -- "$@"; else "$@"; fi
}

# Newest installed server, e.g. /usr/lib/postgresql/15/bin (Debian layout); empty if none.
find_pgbin() {
    local initdb
    initdb=$(ls -d /usr/lib/postgresql/*/bin/initdb 2>/dev/null | sort -V | tail -n 1 || true)
    [[ -n $initdb ]] && dirname "$initdb"
    return 0
}

install_postgresql() {
    is_root || die 3 "PostgreSQL server binaries not found (/usr/lib/postgresql/*/bin/initdb) and not root," \
        "so cannot install them. Run 'sudo apt-get install postgresql', or point MARSAD_TEST_PG_URL at a server."
    command -v apt-get >/dev/null || die 3 "PostgreSQL server binaries not found and apt-get is not available;" \
        "install PostgreSQL 15 or point MARSAD_TEST_PG_URL at a server."
    local apt_log=$PG_DIR/apt.log t0
    t0=$(now)
    say "installing the Debian package postgresql with apt-get (log: $apt_log)"
    export DEBIAN_FRONTEND=noninteractive
    # `apt-get update` only when needed: it is the slow, network-bound part.
    if ! apt-get install -y -q postgresql >"$apt_log" 2>&1; then
        say "install failed; running apt-get update and retrying"
        { apt-get update -q && apt-get install -y -q postgresql; } >>"$apt_log" 2>&1 || {
            tail -n 20 "$apt_log" >&2
            die 3 "apt-get install postgresql failed (full log: $apt_log)"
        }
    fi
    say "installed postgresql in $(elapsed "$t0")"
}

# The directory must belong to whoever runs the server; take it over only while it holds
# nothing of anyone else's (so a mistaken MARSAD_PG_DIR=/tmp is refused, not chowned).
claim_pg_dir() {
    is_root || return 0
    getent passwd postgres >/dev/null || die 3 "user 'postgres' does not exist; reinstall the postgresql package"
    [[ $(stat -c %U "$PG_DIR") == postgres ]] && return 0
    if [[ -n $(ls -A "$PG_DIR" | grep -v -x -e .lock -e apt.log || true) ]]; then
        die 1 "$PG_DIR is not owned by postgres and is not empty; remove it or set MARSAD_PG_DIR"
    fi
    chown postgres: "$PG_DIR"
    runuser -u postgres -- test -w "$PG_DIR" ||
        die 1 "user postgres cannot write to $PG_DIR (a parent directory is closed?); set MARSAD_PG_DIR"
}

server_running() {
    [[ -f $DATA/PG_VERSION ]] && as_owner "$PGBIN/pg_ctl" -D "$DATA" status >/dev/null 2>&1
}

accepting() {
    local pg_isready
    pg_isready=${PGBIN:-$(find_pgbin)}/pg_isready
    [[ -x $pg_isready ]] || return 1
    "$pg_isready" -q -h 127.0.0.1 -p "$PG_PORT" -U postgres -d postgres -t 2
}

wait_until_accepting() {
    local _
    for _ in $(seq 1 100); do
        accepting && return 0
        sleep 0.1
    done
    return 1
}

cmd_start() {
    mkdir -p "$PG_DIR"
    # Two test processes starting at once must not both install or both initdb.
    exec 9>>"$PG_DIR/.lock"
    flock -w 300 9 || die 1 "timed out waiting for the lock on $PG_DIR/.lock"

    PGBIN=$(find_pgbin)
    if [[ -z $PGBIN ]]; then
        install_postgresql
        PGBIN=$(find_pgbin)
        [[ -n $PGBIN ]] || die 3 "apt-get installed postgresql but no /usr/lib/postgresql/*/bin/initdb appeared"
    fi
    claim_pg_dir

    if server_running; then
        wait_until_accepting || die 1 "a server is running in $DATA but not accepting connections on" \
            "127.0.0.1:$PG_PORT (started with another MARSAD_PG_PORT?); run '$0 stop' first"
        say "already running ($DATA)"
        echo "$URL"
        return 0
    fi

    local t0
    if [[ ! -f $DATA/PG_VERSION ]]; then
        rm -rf "$DATA" # leftovers of an interrupted initdb
        t0=$(now)
        as_owner "$PGBIN/initdb" -D "$DATA" -U postgres -A trust -E UTF8 --locale=C.UTF-8 \
            >"$PG_DIR/initdb.log" 2>&1 || {
            cat "$PG_DIR/initdb.log" >&2
            die 1 "initdb failed"
        }
        say "initdb $("$PGBIN/postgres" --version | awk '{print $3}') in $(elapsed "$t0")"
    fi

    t0=$(now)
    # pg_stat_statements (shipped with the server) is loaded when present, so that the server's work can
    # be split by statement (SELECT ... FROM pg_stat_statements after CREATE EXTENSION pg_stat_statements
    # in the database looked at; docs/performance.md); it adds a little bookkeeping per statement.
    local preload=""
    [[ -f $PGBIN/../lib/pg_stat_statements.so ]] && preload="-c shared_preload_libraries=pg_stat_statements"
    # pg_ctl runs the -o string through /bin/sh, hence the inner quotes around the socket dir.
    # 9>&- : the server must not inherit the lock, or it would hold it for its whole life.
    if ! as_owner "$PGBIN/pg_ctl" -D "$DATA" -l "$LOG" -w -t 60 \
        -o "-p $PG_PORT -k '$DATA' -c listen_addresses=127.0.0.1 -c fsync=off $preload" start >/dev/null 9>&-; then
        tail -n 20 "$LOG" >&2 || true
        die 1 "server failed to start (log: $LOG)"
    fi
    wait_until_accepting || {
        tail -n 20 "$LOG" >&2 || true
        die 1 "server started but does not accept connections on 127.0.0.1:$PG_PORT (log: $LOG)"
    }
    say "started on 127.0.0.1:$PG_PORT in $(elapsed "$t0") (data: $DATA, log: $LOG)"
    echo "$URL"
}

cmd_stop() {
    PGBIN=$(find_pgbin)
    if [[ -z $PGBIN ]] || ! server_running; then
        say "not running"
        return 0
    fi
    as_owner "$PGBIN/pg_ctl" -D "$DATA" -m fast -w stop >/dev/null
    say "stopped"
}

cmd_url() {
    accepting || exit 1
    echo "$URL"
}

case ${1:-} in
    start) cmd_start ;;
    stop) cmd_stop ;;
    url) cmd_url ;;
    *) die 2 "usage: $0 start|stop|url" ;;
esac
