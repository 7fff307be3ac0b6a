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
# Environment: CLUSTER_NODES (2), CLUSTER_PORT (8080), CLUSTER_DIR (.cluster under the repository); CLUSTER_TLS_CERT
# (a PEM file with a certificate and its key: HAProxy then serves HTTPS and marks its cookie Secure); AIRISK_BASE_URL,
# CLIENT_ID, CLIENT_SECRET, REDIRECT_URI for a real AIRisk instance instead of the sandbox (any character but a line
# break in each); SANDBOX_LATENCY_MS (0) adds that much to each sandbox answer (benchmarks); SANDBOX_CLIENT_SECRET the
# sandbox's client secret (its public demo value by default). Staff sign-in, required by `up` (a node without it is a
# local console, which refuses a proxy and a shared database): OPERATOR_OIDC_AUTHORITY, OPERATOR_OIDC_CLIENT_ID,
# OPERATOR_OIDC_CLIENT_SECRET, OPERATOR_ROLE, and OPERATOR_ADMIN_ROLE, OPERATOR_AUDITOR_ROLE if wanted; PUBLIC_HOSTS
# (127.0.0.1: the host name staff open, the only Host the nodes answer besides loopback names); the client's
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

# Readiness probes of this cluster's own parts on loopback; --insecure because HAProxy's certificate (CLUSTER_TLS_CERT)
# names the console's host, not 127.0.0.1.
answers() { curl -fsS --insecure -o /dev/null --max-time 2 "$1" 2>/dev/null; }

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

# --- Who runs what. As root (CI), the nodes, the sandbox and Redis run as SERVICE_USER, airisk, a system user of their
# own (not nobody, which other daemons share: what airisk may read stays airisk's), and HAProxy drops to Debian's
# haproxy user once it has bound its port; PostgreSQL runs as postgres. Only the script itself and the one-off
# --migrate (with the owner's password, which the parts must not see) run as root. As anyone else, everything runs
# as that user. SERVICE_HOME, in /tmp because the parents of $DIR may be closed to
# airisk (as PostgreSQL's data directory is), holds what they need: the published app (root's, read-only to them),
# the key ring's .pfx (theirs alone), Redis's configuration and each node's data directory; never a password.
is_root() { [ "$(id -u)" -eq 0 ]; }

ensure_service_user() {
  is_root || { SERVICE_USER=$(id -un); return; }
  SERVICE_USER=airisk
  id -u airisk >/dev/null 2>&1 || useradd --system --user-group --no-create-home --home-dir /nonexistent \
    --shell /usr/sbin/nologin airisk || die "could not create the system user airisk (useradd)"
}

make_service_home() {
  SERVICE_HOME=$(mktemp -d /tmp/airisk-cluster-svc.XXXXXX)
  mkdir "$SERVICE_HOME/home"
  # Traversable by the service user's group (airisk alone), writable by root only: a node cannot swap its own app.
  is_root && chgrp "$(id -g "$SERVICE_USER")" "$SERVICE_HOME" && chmod 750 "$SERVICE_HOME"
  own_by_service "$SERVICE_HOME/home"
}

own_by_service() { is_root && chown -R "$SERVICE_USER:$(id -g "$SERVICE_USER")" "$@"; return 0; }

# Runs a part as the service user, exec'ing all the way (setpriv, env, then the command), so that $! is the part's own
# PID: stop_pid and kill-node's SIGKILL reach it, not a wrapper that would outlive it. Without state.env's variables
# (load_state exports them for this script): a part gets what its caller exported for it, never the other parts'
# passwords, which its user could read in /proc/<pid>/environ.
exec_as_service() {
  if is_root; then
    exec setpriv --reuid="$SERVICE_USER" --regid="$(id -g "$SERVICE_USER")" --init-groups env "${STATE_UNSET[@]}" HOME="$SERVICE_HOME/home" "$@"
  fi
  exec env "${STATE_UNSET[@]}" "$@"
}

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
  # Readable by all (umask 022) but only reachable through SERVICE_HOME, which is the service user's group's alone.
  echo "cluster: publishing AIRisk.Web and AIRisk.Sandbox..." >&2
  (umask 022; dotnet publish "$ROOT/AIRisk.Web" -c Release -o "$SERVICE_HOME/app" -v quiet -nologo) >"$DIR/logs/publish.log" 2>&1 \
    || die "publishing AIRisk.Web failed (see $DIR/logs/publish.log)"
  if [ -z "${AIRISK_BASE_URL:-}" ]; then
    (umask 022; dotnet publish "$ROOT/AIRisk.Sandbox" -c Release -o "$SERVICE_HOME/sandbox" -v quiet -nologo) >>"$DIR/logs/publish.log" 2>&1 \
      || die "publishing AIRisk.Sandbox failed (see $DIR/logs/publish.log)"
  fi
  # Publish copies files with the modes they have under obj/, which a build under another umask (an earlier
  # cluster.sh, an IDE) may have left owner-only: the service user must read all of it.
  chmod -R a+rX "$SERVICE_HOME/app" "$SERVICE_HOME/sandbox" 2>/dev/null || chmod -R a+rX "$SERVICE_HOME/app"
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
  (cd "$DIR" && POSTGRES_CONNECTION="$(pg_connection airisk_owner "$PG_OWNER_PASSWORD")" dotnet "$SERVICE_HOME/app/AIRisk.Web.dll" --migrate) \
    >"$DIR/logs/migrate.log" 2>&1 || die "the schema could not be applied (see $DIR/logs/migrate.log)"
  psql_admin -d airisk -v app_role=airisk_app >/dev/null <"$ROOT/deploy/postgres-grants.sql"
}

# A pool of 20 a node: every node's pool together must stay under PostgreSQL's max_connections (100 by default).
pg_connection() { echo "Host=127.0.0.1;Port=$PG_PORT;Database=airisk;Username=$1;Password=$2;Timeout=3;Command Timeout=10;Maximum Pool Size=20"; }

# The certificate every node encrypts the shared Data Protection key ring with (a real deployment brings its own). The
# private key is encrypted with KEYRING_PASSWORD as it is generated (never written in clear, not even for a moment),
# and the .pfx is not kept beside its password: the .pfx is the service user's alone (mode 400) in SERVICE_HOME, the
# password is in state.env, the script user's (mode 600) in $DIR, and reaches the nodes in their environment.
make_keyring_certificate() {
  openssl req -x509 -newkey rsa:2048 -passout env:KEYRING_PASSWORD -days 365 -subj "/CN=AIRisk Console key ring" \
    -keyout "$DIR/keyring.key" -out "$DIR/keyring.crt" >"$DIR/logs/openssl.log" 2>&1 || die "openssl failed (see $DIR/logs/openssl.log)"
  openssl pkcs12 -export -in "$DIR/keyring.crt" -inkey "$DIR/keyring.key" -passin env:KEYRING_PASSWORD \
    -out "$SERVICE_HOME/keyring.pfx" -passout env:KEYRING_PASSWORD >>"$DIR/logs/openssl.log" 2>&1 || die "openssl failed (see $DIR/logs/openssl.log)"
  rm -f "$DIR/keyring.key"
  own_by_service "$SERVICE_HOME/keyring.pfx"
  chmod 400 "$SERVICE_HOME/keyring.pfx"
}

# The Ed25519 key every node signs the audit trail's checkpoints with (docs/deploy.md, "The audit signing key on a
# cluster"): the service user's alone, like the key ring's .pfx. A real deployment keeps a copy off the database's
# host, since `audit verify` trusts this file, not the database.
make_audit_signing_key() {
  openssl genpkey -algorithm ed25519 -out "$SERVICE_HOME/audit-signing-key.pem" >>"$DIR/logs/openssl.log" 2>&1 \
    || die "openssl failed (see $DIR/logs/openssl.log)"
  own_by_service "$SERVICE_HOME/audit-signing-key.pem"
  chmod 400 "$SERVICE_HOME/audit-signing-key.pem"
}

# --- Redis: no persistence (a cache), loopback only, nobody without a password. The configuration is a file, not a
# command line (which ps shows), holding only the passwords' SHA-256. Two users: the admin (everything) is this
# script's and an operator's; the nodes' may send only what StackExchange.Redis and the caches send, as seen on a
# real run of the cluster tests (MONITOR and ACL LOG): AUTH, CLIENT SETNAME/ID, INFO, SELECT, ECHO and PING to connect
# and keep alive; HMGET, HMSET (HSET in newer clients), EXPIRE and UNLINK (DEL before Redis 4) on the token cache's
# keys (airisk:*) and on Blazor's persisted circuit state (HybridCache too, keyed by the Data Protection-protected
# circuit id: CfDJ8...); reading HybridCache's tag keys (__MSFT_HCT__*); SUBSCRIBE and PUBLISH on the evictions'
# channel. No FLUSHALL, KEYS, SCAN, CONFIG, MONITOR, EVAL, nor any other key or channel.
REDIS_NODE_USER=airisk-node
REDIS_NODE_ACL="resetkeys ~airisk:* ~CfDJ8* %R~__MSFT_HCT__* resetchannels &airisk:token-evicted -@all +ping +echo +info
  +select +client|setname +client|id +hmget +hmset +hset +expire +unlink +del +subscribe +unsubscribe +publish"

write_redis_config() {
  local sha_admin sha_node
  sha_admin=$(printf '%s' "$REDIS_ADMIN_PASSWORD" | sha256sum | cut -d' ' -f1)
  sha_node=$(printf '%s' "$REDIS_NODE_PASSWORD" | sha256sum | cut -d' ' -f1)
  mkdir -p "$SERVICE_HOME/redis"
  cat >"$SERVICE_HOME/redis.conf" <<CONF
port $REDIS_PORT
bind 127.0.0.1
protected-mode yes
save ""
appendonly no
daemonize no
logfile ""
dir $SERVICE_HOME/redis
user default off
user airisk-admin on #$sha_admin ~* &* +@all
user $REDIS_NODE_USER on #$sha_node $(echo $REDIS_NODE_ACL)
CONF
  chmod 600 "$SERVICE_HOME/redis.conf"
  own_by_service "$SERVICE_HOME/redis.conf" "$SERVICE_HOME/redis"
}

redis_admin() { REDISCLI_AUTH="$REDIS_ADMIN_PASSWORD" redis-cli --no-auth-warning -h 127.0.0.1 -p "$REDIS_PORT" --user airisk-admin "$@"; }

# What StackExchange.Redis would also send, and the nodes' user may not: the tie-breaker key and the configuration
# channel serve primary/replica failover across several endpoints; CONFIG GET and CLUSTER NODES (refused, and each
# refusal would fill Redis's ACL LOG, where an operator looks for real ones) only tune the client to the server.
redis_connection() {
  echo "127.0.0.1:$REDIS_PORT,user=$REDIS_NODE_USER,password=$REDIS_NODE_PASSWORD,tiebreaker=,configChannel=,\$CONFIG=,\$CLUSTER=,abortConnect=false,connectTimeout=500,syncTimeout=500,asyncTimeout=500"
}

start_redis() {
  [ -f "$SERVICE_HOME/redis.conf" ] || write_redis_config
  (cd "$SERVICE_HOME/redis" && exec_as_service setsid redis-server "$SERVICE_HOME/redis.conf") >>"$DIR/logs/redis.log" 2>&1 &
  echo $! >"$DIR/redis.pid"
  for _ in $(seq 50); do [ "$(redis_admin ping 2>/dev/null)" = PONG ] && return; sleep 0.1; done
  die "Redis did not start (see $DIR/logs/redis.log)"
}

start_sandbox() {
  # The secret reaches the sandbox through its environment, not its command line (which any local user can read).
  (cd "$SERVICE_HOME/home" && SANDBOX_CLIENT_SECRET="$NODE_CLIENT_SECRET" exec_as_service setsid dotnet "$SERVICE_HOME/sandbox/AIRisk.Sandbox.dll" --urls "http://127.0.0.1:$SANDBOX_PORT" \
      --redirect-uri "$NODE_REDIRECT_URI" --latency-ms "${SANDBOX_LATENCY_MS:-0}") \
    >"$DIR/logs/sandbox.log" 2>&1 &
  echo $! >"$DIR/sandbox.pid"
  wait_for "http://127.0.0.1:$SANDBOX_PORT/" 60 "the sandbox"
}

start_node() { # N
  local n=$1 port_var="NODE$1_PORT"
  local port=${!port_var:-} ; [ -n "$port" ] || die "no node $n (CLUSTER_NODES=$CLUSTER_NODES)"
  alive "$DIR/node$n.pid" && return
  mkdir -p "$SERVICE_HOME/node$n"
  # Its own working directory, with an empty .env (the repository's own is never read); everything it needs comes
  # from this environment, exported in the subshell rather than put on a command line that `ps` shows.
  : >"$SERVICE_HOME/node$n/.env"
  own_by_service "$SERVICE_HOME/node$n"
  (
    cd "$SERVICE_HOME/node$n"
    export ASPNETCORE_ENVIRONMENT=Production AIRISK_BASE_URL="$NODE_BASE_URL" CLIENT_ID="$NODE_CLIENT_ID" \
      CLIENT_SECRET="$NODE_CLIENT_SECRET" REDIRECT_URI="$NODE_REDIRECT_URI" AIRISK_DATA_DIR="$SERVICE_HOME/node$n" \
      POSTGRES_CONNECTION="$(pg_connection airisk_app "$PG_APP_PASSWORD")" \
      REDIS_CONNECTION="$(redis_connection)" \
      DATA_PROTECTION_CERTIFICATE="$SERVICE_HOME/keyring.pfx" DATA_PROTECTION_CERTIFICATE_PASSWORD="$KEYRING_PASSWORD" \
      AUDIT_SIGNING_KEY="$SERVICE_HOME/audit-signing-key.pem" \
      Logging__LogLevel__Default=Warning
    export OPERATOR_OIDC_AUTHORITY="$NODE_OPERATOR_OIDC_AUTHORITY" OPERATOR_OIDC_CLIENT_ID="$NODE_OPERATOR_OIDC_CLIENT_ID" \
      OPERATOR_OIDC_CLIENT_SECRET="$NODE_OPERATOR_OIDC_CLIENT_SECRET" OPERATOR_ROLE="$NODE_OPERATOR_ROLE" \
      OPERATOR_ADMIN_ROLE="$NODE_OPERATOR_ADMIN_ROLE" OPERATOR_AUDITOR_ROLE="$NODE_OPERATOR_AUDITOR_ROLE" \
      PUBLIC_HOSTS="${NODE_PUBLIC_HOSTS:-127.0.0.1}"
    # HAProxy's X-Forwarded-Proto and X-Forwarded-For are believed from loopback only (behind TLS: https redirect
    # URIs, HSTS, Secure cookies).
    export FORWARDED_PROXIES=127.0.0.1
    exec_as_service setsid dotnet "$SERVICE_HOME/app/AIRisk.Web.dll" --urls "http://127.0.0.1:$port" --contentRoot "$SERVICE_HOME/app"
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
  # haproxy.cfg's conditional blocks ask whether a variable is defined, not whether it is empty: unset what is not set
  # (and state.env's passwords, as for the other parts).
  local vars=(CLUSTER_BIND="127.0.0.1:$CLUSTER_PORT" HAPROXY_ADMIN_SOCKET="$DIR/haproxy.sock")
  [ -n "${CLUSTER_TLS_CERT:-}" ] && vars+=(CLUSTER_TLS_CERT="$CLUSTER_TLS_CERT")
  # It binds its port as root, then drops to Debian's haproxy user (the service user where there is none).
  if is_root; then
    local user=haproxy; id -u haproxy >/dev/null 2>&1 || user=$SERVICE_USER
    vars+=(HAPROXY_USER="$user" HAPROXY_GROUP="$(id -gn "$user")")
  fi
  env "${STATE_UNSET[@]}" -u HAPROXY_USER -u HAPROXY_GROUP "${vars[@]}" \
    haproxy -f "$DIR/haproxy.cfg" -D -p "$DIR/haproxy.pid" >"$DIR/logs/haproxy.log" 2>&1 \
    || { tail -n 5 "$DIR/logs/haproxy.log" >&2; die "HAProxy did not start (see $DIR/logs/haproxy.log)"; }
  # Servers start as up; wait past the checks' first verdicts (rise and fall 2, every second).
  sleep 2.5
  wait_for "$(cluster_url)/healthz" 30 "HAProxy"
}

cluster_url() { echo "$([ -n "${CLUSTER_TLS_CERT:-}" ] && echo https || echo http)://127.0.0.1:$CLUSTER_PORT"; }

# state.env is KEY=VALUE lines read back literally, never run as shell: a value (a client secret with & $ " ' or
# spaces) is data, whatever it holds. The test fixture reads the same file the same way.
put() { # KEY VALUE
  case $2 in *$'\n'*) die "$1 must not contain a line break" ;; esac
  printf '%s=%s\n' "$1" "$2"
}

STATE_UNSET=()

load_state() {
  [ -f "$STATE" ] || die "no cluster here (deploy/cluster.sh up first)"
  local key value
  while IFS='=' read -r key value; do
    [[ $key =~ ^[A-Z][A-Z0-9_]*$ ]] || die "state.env has a line that is not KEY=VALUE"
    export "$key=$value"
    STATE_UNSET+=(-u "$key")
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
  [ -f "$STATE" ] && { load_state; alive "$DIR/haproxy.pid" && { echo "cluster: $(cluster_url)"; return; }; down_quietly; }
  require_staff_sign_in
  mkdir -p "$DIR/logs"
  install_missing
  CLUSTER_NODES=${CLUSTER_NODES:-2}
  CLUSTER_PORT=${CLUSTER_PORT:-8080}
  answers "http://127.0.0.1:$CLUSTER_PORT/" && die "port $CLUSTER_PORT is taken (set CLUSTER_PORT)"
  [ -z "${CLUSTER_TLS_CERT:-}" ] || [ -r "$CLUSTER_TLS_CERT" ] || die "CLUSTER_TLS_CERT: no readable file at $CLUSTER_TLS_CERT"
  PG_HOME=$(mktemp -d /tmp/airisk-cluster-pg.XXXXXX)
  [ "$(id -u)" -eq 0 ] && chown postgres: "$PG_HOME"
  ensure_service_user
  make_service_home
  {
    put CLUSTER_NODES "$CLUSTER_NODES"; put CLUSTER_PORT "$CLUSTER_PORT"
    put CLUSTER_TLS_CERT "${CLUSTER_TLS_CERT:+$(realpath "$CLUSTER_TLS_CERT")}"
    put SERVICE_USER "$SERVICE_USER"; put SERVICE_HOME "$SERVICE_HOME"
    put PG_HOME "$PG_HOME"; put PG_DATA "$PG_HOME/data"; put PG_PORT "$(free_port)"
    put PG_OWNER_PASSWORD "$(head -c 18 /dev/urandom | base64 | tr -dc A-Za-z0-9)"
    put PG_APP_PASSWORD "$(head -c 18 /dev/urandom | base64 | tr -dc A-Za-z0-9)"
    put KEYRING_PASSWORD "$(head -c 18 /dev/urandom | base64 | tr -dc A-Za-z0-9)"
    put REDIS_ADMIN_PASSWORD "$(head -c 18 /dev/urandom | base64 | tr -dc A-Za-z0-9)"
    put REDIS_NODE_PASSWORD "$(head -c 18 /dev/urandom | base64 | tr -dc A-Za-z0-9)"
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
    put NODE_OPERATOR_ADMIN_ROLE "${OPERATOR_ADMIN_ROLE:-}"; put NODE_OPERATOR_AUDITOR_ROLE "${OPERATOR_AUDITOR_ROLE:-}"
    put NODE_PUBLIC_HOSTS "${PUBLIC_HOSTS:-127.0.0.1}"; } >>"$STATE"
  load_state

  build
  make_keyring_certificate
  make_audit_signing_key
  start_postgres
  prepare_database
  start_redis
  [ -z "${AIRISK_BASE_URL:-}" ] && start_sandbox
  for n in $(seq "$CLUSTER_NODES"); do start_node "$n"; done
  start_haproxy
  echo "cluster: $(cluster_url)"
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
  echo "haproxy   $(alive "$DIR/haproxy.pid" && echo up || echo down)  $(cluster_url)"
}

answers_pg() { [ -f "$PG_DATA/postmaster.pid" ] && kill -0 "$(head -1 "$PG_DATA/postmaster.pid")" 2>/dev/null; }

down_quietly() {
  stop_pid "$DIR/haproxy.pid"
  for f in "$DIR"/node*.pid; do [ -e "$f" ] && stop_pid "$f"; done
  stop_pid "$DIR/sandbox.pid"
  stop_pid "$DIR/redis.pid"
  stop_postgres
  [ -n "${PG_HOME:-}" ] && case "$PG_HOME" in /tmp/airisk-cluster-pg.*) rm -rf "$PG_HOME" ;; esac
  [ -n "${SERVICE_HOME:-}" ] && case "$SERVICE_HOME" in /tmp/airisk-cluster-svc.*) rm -rf "$SERVICE_HOME" ;; esac
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
