#!/usr/bin/env bash
# AIRisk Console on several nodes, on one machine, every part on loopback: PostgreSQL, Redis, the standalone sandbox
# (unless AIRISK_BASE_URL is set), CLUSTER_NODES nodes of AIRisk.Web and HAProxy on CLUSTER_PORT. For demos, tests and
# benchmarks; docs/deploy.md describes a real deployment.
#
#   deploy/cluster.sh up                      start everything, print "cluster: http://127.0.0.1:<port>"
#   deploy/cluster.sh status                  one line per part
#   deploy/cluster.sh kill-node N | start-node N
#   deploy/cluster.sh stop-redis | start-redis | stop-postgres | start-postgres
#   deploy/cluster.sh down                    stop everything it started (by PID), and nothing else
#
# Environment: CLUSTER_NODES (2), CLUSTER_PORT (8080), CLUSTER_DIR (.cluster under the repository); AIRISK_BASE_URL,
# CLIENT_ID, CLIENT_SECRET, REDIRECT_URI for a real AIRisk instance instead of the sandbox (any character but a line
# break in each); SANDBOX_LATENCY_MS (0) adds that much to each sandbox answer (benchmarks); SANDBOX_CLIENT_SECRET the
# sandbox's client secret (its public demo value by default). Staff sign-in, required by `up` (a node without it is a
# local console, which refuses a proxy and a shared database): OPERATOR_OIDC_AUTHORITY, OPERATOR_OIDC_CLIENT_ID,
# OPERATOR_OIDC_CLIENT_SECRET, OPERATOR_ROLE, and OPERATOR_ADMIN_ROLE, OPERATOR_AUDITOR_ROLE if wanted; the client's
# redirect URI at the identity provider is http://127.0.0.1:<CLUSTER_PORT>/signin-oidc.
set -euo pipefail
# Everything this writes (state with passwords, the key ring's certificate, logs) is for this user's eyes only.
umask 077

ROOT=$(cd "$(dirname "$0")/.." && pwd)
DIR=${CLUSTER_DIR:-$ROOT/.cluster}
STATE=$DIR/state.env
export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1

die() { echo "cluster: $*" >&2; exit 1; }

# A free loopback port, from the kernel (bind to port 0).
free_port() { python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1]); s.close()'; }

answers() { curl -fsS -o /dev/null --max-time 2 "$1" 2>/dev/null; }

wait_for() { # url seconds what
  local deadline=$((SECONDS + $2))
  until answers "$1"; do
    [ $SECONDS -lt $deadline ] || die "$3 did not answer at $1 within $2 s (logs: $DIR/logs)"
    sleep 0.3
  done
}

alive() { [ -f "$1" ] && kill -0 "$(cat "$1")" 2>/dev/null; }

stop_pid() { # pidfile
  if alive "$1"; then
    local pid; pid=$(cat "$1")
    kill "$pid" 2>/dev/null || true
    for _ in $(seq 50); do kill -0 "$pid" 2>/dev/null || break; sleep 0.1; done
    kill -9 "$pid" 2>/dev/null || true
  fi
  rm -f "$1"
}

as_postgres() { if [ "$(id -u)" -eq 0 ]; then runuser -u postgres -- "$@"; else "$@"; fi; }

install_missing() {
  local missing=()
  pg_bin >/dev/null 2>&1 || missing+=(postgresql)
  command -v redis-server >/dev/null || missing+=(redis-server)
  command -v haproxy >/dev/null || missing+=(haproxy)
  command -v curl >/dev/null || missing+=(curl)
  command -v python3 >/dev/null || missing+=(python3)
  command -v openssl >/dev/null || missing+=(openssl)
  [ ${#missing[@]} -eq 0 ] && return
  [ "$(id -u)" -eq 0 ] || die "missing ${missing[*]}: install them (apt-get install -y ${missing[*]}) or run as root"
  echo "cluster: installing ${missing[*]}..." >&2
  { apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "${missing[@]}"; } >"$DIR/logs/apt.log" 2>&1 \
    || die "apt-get install ${missing[*]} failed (see $DIR/logs/apt.log)"
  # Debian starts the packaged services; this cluster runs its own, on its own ports.
  service redis-server stop >/dev/null 2>&1 || true
  service haproxy stop >/dev/null 2>&1 || true
}

pg_bin() { local b; b=$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -1); [ -x "$b/pg_ctl" ] && echo "$b"; }

build() {
  # Published, not run from bin/: a node outside Development serves its static assets from the publish output.
  echo "cluster: publishing AIRisk.Web and AIRisk.Sandbox..." >&2
  dotnet publish "$ROOT/AIRisk.Web" -c Release -o "$DIR/app" -v quiet -nologo >"$DIR/logs/publish.log" 2>&1 \
    || die "publishing AIRisk.Web failed (see $DIR/logs/publish.log)"
  if [ -z "${AIRISK_BASE_URL:-}" ]; then
    dotnet publish "$ROOT/AIRisk.Sandbox" -c Release -o "$DIR/sandbox" -v quiet -nologo >>"$DIR/logs/publish.log" 2>&1 \
      || die "publishing AIRisk.Sandbox failed (see $DIR/logs/publish.log)"
  fi
}

# --- PostgreSQL: its own data directory, run as the postgres user (it refuses root). The directory is outside the
# repository, whose parents may not be open to that user; its path is kept in the state file.
start_postgres() {
  local bin; bin=$(pg_bin) || die "no PostgreSQL server binaries"
  if [ ! -f "$PG_DATA/PG_VERSION" ]; then
    # The superuser only through the socket, as the postgres user; every role over TCP with its password.
    as_postgres "$bin/initdb" -D "$PG_DATA" -U postgres --auth-local=peer --auth-host=scram-sha-256 -E UTF8 >"$DIR/logs/initdb.log" 2>&1 \
      || die "initdb failed (see $DIR/logs/initdb.log)"
  fi
  as_postgres "$bin/pg_ctl" -D "$PG_DATA" -l "$PG_HOME/postgres.log" -w -t 30 \
    -o "-p $PG_PORT -k $PG_HOME -c listen_addresses=127.0.0.1" start >/dev/null || die "PostgreSQL did not start (see $PG_HOME/postgres.log)"
}

stop_postgres() {
  local bin; bin=$(pg_bin) || return 0
  [ -f "$PG_DATA/postmaster.pid" ] && as_postgres "$bin/pg_ctl" -D "$PG_DATA" -m fast -w stop >/dev/null 2>&1 || true
}

psql_admin() { as_postgres psql -h "$PG_HOME" -p "$PG_PORT" -U postgres -v ON_ERROR_STOP=1 -q "$@"; }

# Two roles: the owner applies the schema (--migrate); the nodes' role reads and appends (docs/deploy.md, grants).
prepare_database() {
  # On standard input, not the command line: other users' `ps` would show the passwords.
  psql_admin -d postgres >/dev/null <<SQL
CREATE ROLE airisk_owner LOGIN PASSWORD '$PG_OWNER_PASSWORD';
CREATE ROLE airisk_app LOGIN PASSWORD '$PG_APP_PASSWORD';
CREATE DATABASE airisk OWNER airisk_owner;
SQL
  psql_admin -d airisk -c "REVOKE CREATE ON SCHEMA public FROM PUBLIC" -c "ALTER SCHEMA public OWNER TO airisk_owner" >/dev/null
  (cd "$DIR" && POSTGRES_CONNECTION="$(pg_connection airisk_owner "$PG_OWNER_PASSWORD")" dotnet "$DIR/app/AIRisk.Web.dll" --migrate) \
    >"$DIR/logs/migrate.log" 2>&1 || die "the schema could not be applied (see $DIR/logs/migrate.log)"
  psql_admin -d airisk -v app_role=airisk_app >/dev/null <"$ROOT/deploy/postgres-grants.sql"
}

# A pool of 20 a node: every node's pool together must stay under PostgreSQL's max_connections (100 by default).
pg_connection() { echo "Host=127.0.0.1;Port=$PG_PORT;Database=airisk;Username=$1;Password=$2;Timeout=3;Command Timeout=10;Maximum Pool Size=20"; }

# The certificate every node encrypts the shared Data Protection key ring with (a real deployment brings its own).
make_keyring_certificate() {
  openssl req -x509 -newkey rsa:2048 -nodes -days 365 -subj "/CN=AIRisk Console key ring" \
    -keyout "$DIR/keyring.key" -out "$DIR/keyring.crt" >"$DIR/logs/openssl.log" 2>&1 || die "openssl failed (see $DIR/logs/openssl.log)"
  openssl pkcs12 -export -in "$DIR/keyring.crt" -inkey "$DIR/keyring.key" -out "$DIR/keyring.pfx" -passout env:KEYRING_PASSWORD \
    >>"$DIR/logs/openssl.log" 2>&1 || die "openssl failed (see $DIR/logs/openssl.log)"
  rm -f "$DIR/keyring.key"
}

# --- Redis: no persistence (a cache), loopback only.
start_redis() {
  redis-server --port "$REDIS_PORT" --bind 127.0.0.1 --save "" --appendonly no --daemonize yes \
    --pidfile "$DIR/redis.pid" --logfile "$DIR/logs/redis.log" --dir "$DIR" >/dev/null
  for _ in $(seq 50); do alive "$DIR/redis.pid" && break; sleep 0.1; done
  alive "$DIR/redis.pid" || die "Redis did not start (see $DIR/logs/redis.log)"
}

start_sandbox() {
  # The secret reaches the sandbox through its environment, not its command line (which any local user can read).
  (cd "$DIR" && SANDBOX_CLIENT_SECRET="$NODE_CLIENT_SECRET" exec setsid dotnet "$DIR/sandbox/AIRisk.Sandbox.dll" --urls "http://127.0.0.1:$SANDBOX_PORT" \
      --redirect-uri "$NODE_REDIRECT_URI" --latency-ms "${SANDBOX_LATENCY_MS:-0}") \
    >"$DIR/logs/sandbox.log" 2>&1 &
  echo $! >"$DIR/sandbox.pid"
  wait_for "http://127.0.0.1:$SANDBOX_PORT/" 60 "the sandbox"
}

start_node() { # N
  local n=$1 port_var="NODE$1_PORT"
  local port=${!port_var:-} ; [ -n "$port" ] || die "no node $n (CLUSTER_NODES=$CLUSTER_NODES)"
  alive "$DIR/node$n.pid" && return
  mkdir -p "$DIR/node$n"
  # Its own working directory, with an empty .env (the repository's own is never read); everything it needs comes
  # from this environment, exported in the subshell rather than put on a command line that `ps` shows.
  : >"$DIR/node$n/.env"
  (
    cd "$DIR/node$n"
    export ASPNETCORE_ENVIRONMENT=Production AIRISK_BASE_URL="$NODE_BASE_URL" CLIENT_ID="$NODE_CLIENT_ID" \
      CLIENT_SECRET="$NODE_CLIENT_SECRET" REDIRECT_URI="$NODE_REDIRECT_URI" AIRISK_DATA_DIR="$DIR/node$n" \
      POSTGRES_CONNECTION="$(pg_connection airisk_app "$PG_APP_PASSWORD")" \
      REDIS_CONNECTION="127.0.0.1:$REDIS_PORT,abortConnect=false,connectTimeout=500,syncTimeout=500,asyncTimeout=500" \
      DATA_PROTECTION_CERTIFICATE="$DIR/keyring.pfx" DATA_PROTECTION_CERTIFICATE_PASSWORD="$KEYRING_PASSWORD" \
      Logging__LogLevel__Default=Warning
    export OPERATOR_OIDC_AUTHORITY="$NODE_OPERATOR_OIDC_AUTHORITY" OPERATOR_OIDC_CLIENT_ID="$NODE_OPERATOR_OIDC_CLIENT_ID" \
      OPERATOR_OIDC_CLIENT_SECRET="$NODE_OPERATOR_OIDC_CLIENT_SECRET" OPERATOR_ROLE="$NODE_OPERATOR_ROLE" \
      OPERATOR_ADMIN_ROLE="$NODE_OPERATOR_ADMIN_ROLE" OPERATOR_AUDITOR_ROLE="$NODE_OPERATOR_AUDITOR_ROLE"
    exec setsid dotnet "$DIR/app/AIRisk.Web.dll" --urls "http://127.0.0.1:$port" --contentRoot "$DIR/app"
  ) >"$DIR/logs/node$n.log" 2>&1 &
  echo $! >"$DIR/node$n.pid"
  wait_for "http://127.0.0.1:$port/healthz" 60 "node $n"
}

start_haproxy() {
  cp "$ROOT/deploy/haproxy.cfg" "$DIR/haproxy.cfg"
  for n in $(seq "$CLUSTER_NODES"); do
    local port_var="NODE${n}_PORT"
    echo "    server node$n 127.0.0.1:${!port_var} check cookie node$n" >>"$DIR/haproxy.cfg"
  done
  CLUSTER_BIND="127.0.0.1:$CLUSTER_PORT" HAPROXY_ADMIN_SOCKET="$DIR/haproxy.sock" \
    haproxy -f "$DIR/haproxy.cfg" -D -p "$DIR/haproxy.pid" >"$DIR/logs/haproxy.log" 2>&1 || die "HAProxy did not start (see $DIR/logs/haproxy.log)"
  # Servers start as up; wait past the checks' first verdicts (rise and fall 2, every second).
  sleep 2.5
  wait_for "http://127.0.0.1:$CLUSTER_PORT/healthz" 30 "HAProxy"
}

# state.env is KEY=VALUE lines read back literally, never run as shell: a value (a client secret with & $ " ' or
# spaces) is data, whatever it holds. The test fixture reads the same file the same way.
put() { # KEY VALUE
  case $2 in *$'\n'*) die "$1 must not contain a line break" ;; esac
  printf '%s=%s\n' "$1" "$2"
}

load_state() {
  [ -f "$STATE" ] || die "no cluster here (deploy/cluster.sh up first)"
  local key value
  while IFS='=' read -r key value; do
    [[ $key =~ ^[A-Z][A-Z0-9_]*$ ]] || die "state.env has a line that is not KEY=VALUE"
    export "$key=$value"
  done <"$STATE"
}

# Every node behind the proxy signs staff in: without it a node is a local console, which answers anyone whose request
# reaches it through the proxy, and refuses to start with a proxy's or a cluster's settings anyway.
require_staff_sign_in() {
  local missing="" key
  for key in OPERATOR_OIDC_AUTHORITY OPERATOR_OIDC_CLIENT_ID OPERATOR_OIDC_CLIENT_SECRET OPERATOR_ROLE; do
    [ -n "${!key:-}" ] || missing+="${missing:+, }$key"
  done
  [ -z "$missing" ] || die "the nodes need staff sign-in; set $missing (the company's OpenID Connect issuer, \
the console's client there with redirect URI http://127.0.0.1:${CLUSTER_PORT:-8080}/signin-oidc, and the role staff need; see docs/deploy.md)"
}

up() {
  [ -f "$STATE" ] && { load_state; alive "$DIR/haproxy.pid" && { echo "cluster: http://127.0.0.1:$CLUSTER_PORT"; return; }; down_quietly; }
  require_staff_sign_in
  mkdir -p "$DIR/logs"
  install_missing
  CLUSTER_NODES=${CLUSTER_NODES:-2}
  CLUSTER_PORT=${CLUSTER_PORT:-8080}
  answers "http://127.0.0.1:$CLUSTER_PORT/" && die "port $CLUSTER_PORT is taken (set CLUSTER_PORT)"
  PG_HOME=$(mktemp -d /tmp/airisk-cluster-pg.XXXXXX)
  [ "$(id -u)" -eq 0 ] && chown postgres: "$PG_HOME"
  {
    put CLUSTER_NODES "$CLUSTER_NODES"; put CLUSTER_PORT "$CLUSTER_PORT"
    put PG_HOME "$PG_HOME"; put PG_DATA "$PG_HOME/data"; put PG_PORT "$(free_port)"
    put PG_OWNER_PASSWORD "$(head -c 18 /dev/urandom | base64 | tr -dc A-Za-z0-9)"
    put PG_APP_PASSWORD "$(head -c 18 /dev/urandom | base64 | tr -dc A-Za-z0-9)"
    put KEYRING_PASSWORD "$(head -c 18 /dev/urandom | base64 | tr -dc A-Za-z0-9)"
    put REDIS_PORT "$(free_port)"; put SANDBOX_PORT "$(free_port)"; put SANDBOX_LATENCY_MS "${SANDBOX_LATENCY_MS:-0}"
    for n in $(seq "$CLUSTER_NODES"); do put "NODE${n}_PORT" "$(free_port)"; done
  } >"$STATE"
  chmod 600 "$STATE"
  load_state
  if [ -n "${AIRISK_BASE_URL:-}" ]; then
    { put NODE_BASE_URL "$AIRISK_BASE_URL"; put NODE_CLIENT_ID "${CLIENT_ID:?CLIENT_ID is needed with AIRISK_BASE_URL}"
      put NODE_CLIENT_SECRET "${CLIENT_SECRET:?CLIENT_SECRET is needed with AIRISK_BASE_URL}"
      put NODE_REDIRECT_URI "${REDIRECT_URI:?REDIRECT_URI is needed with AIRISK_BASE_URL}"; } >>"$STATE"
  else
    # SANDBOX_CLIENT_SECRET: the sandbox's client secret (the public demo value unless set; the tests set a hostile one).
    { put NODE_BASE_URL "http://127.0.0.1:$SANDBOX_PORT"; put NODE_CLIENT_ID "6f1c1d2e-0000-4000-8000-00000000a1a1"
      put NODE_CLIENT_SECRET "${SANDBOX_CLIENT_SECRET:-sandbox-demo-secret}"; put NODE_REDIRECT_URI "http://localhost/callback"; } >>"$STATE"
  fi
  { put NODE_OPERATOR_OIDC_AUTHORITY "$OPERATOR_OIDC_AUTHORITY"; put NODE_OPERATOR_OIDC_CLIENT_ID "$OPERATOR_OIDC_CLIENT_ID"
    put NODE_OPERATOR_OIDC_CLIENT_SECRET "$OPERATOR_OIDC_CLIENT_SECRET"; put NODE_OPERATOR_ROLE "$OPERATOR_ROLE"
    put NODE_OPERATOR_ADMIN_ROLE "${OPERATOR_ADMIN_ROLE:-}"; put NODE_OPERATOR_AUDITOR_ROLE "${OPERATOR_AUDITOR_ROLE:-}"; } >>"$STATE"
  load_state

  build
  make_keyring_certificate
  start_postgres
  prepare_database
  start_redis
  [ -z "${AIRISK_BASE_URL:-}" ] && start_sandbox
  for n in $(seq "$CLUSTER_NODES"); do start_node "$n"; done
  start_haproxy
  echo "cluster: http://127.0.0.1:$CLUSTER_PORT"
}

status() {
  load_state
  local pg="down"; answers_pg && pg="up"
  echo "postgres  $pg  127.0.0.1:$PG_PORT"
  echo "redis     $(alive "$DIR/redis.pid" && echo up || echo down)  127.0.0.1:$REDIS_PORT"
  [ -f "$DIR/sandbox.pid" ] && echo "sandbox   $(alive "$DIR/sandbox.pid" && echo up || echo down)  127.0.0.1:$SANDBOX_PORT"
  for n in $(seq "$CLUSTER_NODES"); do
    local port_var="NODE${n}_PORT"
    echo "node$n     $(alive "$DIR/node$n.pid" && echo up || echo down)  127.0.0.1:${!port_var}"
  done
  echo "haproxy   $(alive "$DIR/haproxy.pid" && echo up || echo down)  127.0.0.1:$CLUSTER_PORT"
}

answers_pg() { [ -f "$PG_DATA/postmaster.pid" ] && kill -0 "$(head -1 "$PG_DATA/postmaster.pid")" 2>/dev/null; }

down_quietly() {
  stop_pid "$DIR/haproxy.pid"
  for f in "$DIR"/node*.pid; do [ -e "$f" ] && stop_pid "$f"; done
  stop_pid "$DIR/sandbox.pid"
  stop_pid "$DIR/redis.pid"
  stop_postgres
  [ -n "${PG_HOME:-}" ] && case "$PG_HOME" in /tmp/airisk-cluster-pg.*) rm -rf "$PG_HOME" ;; esac
  rm -f "$STATE" "$DIR/haproxy.sock"
}

case "${1:-}" in
  up) up ;;
  down) [ -f "$STATE" ] && { load_state; down_quietly; }; echo "cluster: down" ;;
  status) status ;;
  kill-node) load_state; [ -n "${2:-}" ] || die "kill-node needs N"; alive "$DIR/node$2.pid" && kill -9 "$(cat "$DIR/node$2.pid")"; rm -f "$DIR/node$2.pid" ;;
  start-node) load_state; [ -n "${2:-}" ] || die "start-node needs N"; start_node "$2" ;;
  stop-redis) load_state; stop_pid "$DIR/redis.pid" ;;
  start-redis) load_state; alive "$DIR/redis.pid" || start_redis ;;
  stop-postgres) load_state; stop_postgres ;;
  start-postgres) load_state; answers_pg || start_postgres ;;
  *) sed -n '2,/^set /{/^#/p}' "$0" | sed 's/^# \{0,1\}//'; exit 2 ;;
esac
