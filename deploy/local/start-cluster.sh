#!/usr/bin/env bash
# Starts a local ClaimTracker cluster: a throwaway PostgreSQL on a loopback port and N silo processes
# (gRPC, silo and gateway ports on 127.0.0.1), after applying the schema with `migrate`.
#   deploy/local/start-cluster.sh [N=3]     state (pids, ports, logs) in $CLAIMTRACKER_CLUSTER_DIR or /tmp/claimtracker-cluster
#   deploy/local/stop-cluster.sh            stops the silos (gracefully), PostgreSQL, and removes the state
# PostgreSQL refuses to run as root, so when run as root it runs as the `postgres` user.
set -euo pipefail
n=${1:-3}
root=$(cd "$(dirname "$0")/../.." && pwd)
state=${CLAIMTRACKER_CLUSTER_DIR:-/tmp/claimtracker-cluster}
pg_port=${PGPORT_CLUSTER:-55432}
grpc_base=${GRPC_BASE_PORT:-5100}
web_base=${WEB_BASE_PORT:-5180}
silo_base=${SILO_BASE_PORT:-11200}
gateway_base=${GATEWAY_BASE_PORT:-30200}

if [ -e "$state/postgres.pid" ]; then
  echo "a cluster is already running from $state; stop it with deploy/local/stop-cluster.sh" >&2
  exit 1
fi
mkdir -p "$state"
as_pg() { if [ "$(id -u)" = 0 ]; then runuser -u postgres -- "$@"; else "$@"; fi; }
pgdata="$state/pgdata"
if [ "$(id -u)" = 0 ]; then chown postgres "$state"; fi
as_pg initdb -D "$pgdata" -U postgres -A trust --no-sync >"$state/initdb.log"
as_pg pg_ctl -D "$pgdata" -l "$state/postgres.log" -w \
  -o "-p $pg_port -k $state -c listen_addresses=127.0.0.1 -c max_connections=300" start >/dev/null
echo "$pg_port" > "$state/postgres.port"
touch "$state/postgres.pid"
psql -h 127.0.0.1 -p "$pg_port" -U postgres -qc "CREATE DATABASE claimtracker" >/dev/null
conn="Host=127.0.0.1;Port=$pg_port;Username=postgres;Database=claimtracker;Maximum Pool Size=60"
echo "$conn" > "$state/connection-string"

dotnet build "$root/services/ClaimTracker.Server" -c Release -v q -nologo >"$state/build.log"
dll="$root/services/ClaimTracker.Server/bin/Release/net10.0/ClaimTracker.Server.dll"
Storage__ConnectionString="$conn" dotnet "$dll" migrate

: > "$state/silos"
for i in $(seq 1 "$n"); do
  grpc=$((grpc_base + i)); web=$((web_base + i)); silo=$((silo_base + i)); gateway=$((gateway_base + i))
  Storage__ConnectionString="$conn" nohup dotnet "$dll" --Storage:Mode=Postgres \
    --Grpc:Url="http://127.0.0.1:$grpc" --Web:Url="http://127.0.0.1:$web" --Orleans:SiloPort=$silo --Orleans:GatewayPort=$gateway \
    --Orleans:AdvertisedAddress=127.0.0.1 >"$state/silo-$i.log" 2>&1 &
  echo "$i $! $grpc $silo $gateway" >> "$state/silos"
  echo "silo $i: pid $! gRPC http://127.0.0.1:$grpc web http://127.0.0.1:$web silo port $silo gateway $gateway"
done
echo "PostgreSQL on 127.0.0.1:$pg_port; state in $state"
